"""Provenance, code status, variants and guest codes through the binding:
tests/plugins/provenance.c and guest_only.c, as tests/test_provenance.c
and tests/test_guests.c see them in C."""

from __future__ import annotations

import unittest

import support  # noqa: F401
from support import open_registry

import bkerr
from bkerr import CodeStatus, Status

PROVENANCE = "[catalog.cmdb]\npath = provenance.so\nrequired = true\n"
GUESTS = (PROVENANCE +
          "[catalog.guestprod]\npath = guest_only.so\nrequired = true\n")


class ProvenanceTest(unittest.TestCase):
    def test_an_entry_says_where_it_comes_from(self) -> None:
        with open_registry(PROVENANCE) as reg:
            r = reg.lookup(1100001, lang="en")
            self.assertIs(r.code_status, CodeStatus.ACTIVE)
            self.assertEqual(r.code_status.label, "active")
            self.assertEqual(r.defined, "src/errors.go:10")
            self.assertEqual(r.raised, ("src/a.go:1", "src/b.go:2"))
            self.assertEqual(r.docs, "https://example.com/1100001")
            self.assertEqual(r.note, "two constants")
            self.assertTrue(r.upstream.startswith("TencentBlueKing/bk-cmdb@111e7ac6"))
            self.assertEqual(r.upstream_version, "master, 2026-05-28")
            plain = reg.lookup(1100002)
            self.assertIs(plain.code_status, CodeStatus.UNSTATED)
            self.assertEqual((plain.defined, plain.raised, plain.n_variants),
                             (None, (), 1))
            [st] = reg.status()
            self.assertEqual((st.upstream_version, st.n_variants),
                             ("master, 2026-05-28", 4))

    def test_variants_come_whole_and_in_order(self) -> None:
        with open_registry(PROVENANCE) as reg:
            vs = reg.variants(1100001, lang="zh_CN")
            self.assertEqual([v.variant for v in vs], [0, 1, 2])
            self.assertEqual([v.symbol for v in vs], ["PvFirst", "PvSecond", "PvThird"])
            self.assertEqual([v.message for v in vs],
                             ["第一种含义", "第二种含义 {0}", "third meaning"])
            self.assertIs(vs[1].code_status, CodeStatus.DEPRECATED)
            self.assertTrue(all(" / " not in v.message for v in vs))
            self.assertEqual(len(reg.variants(3001, product="cmdb")), 2)
            self.assertEqual(len(reg.variants(1100002)), 1)
            self.assertEqual(reg.variants(1100009), [])
            # entries() lists the primaries; variants() the rest
            self.assertEqual([e.code for e in reg.entries("cmdb")][:3],
                             [1100001, 1100002, 1101000])


class GuestTest(unittest.TestCase):
    def test_a_guest_code_answers_labelled(self) -> None:
        with open_registry(GUESTS) as reg:
            r = reg.lookup(2000014, lang="en")
            self.assertIs(r.status, Status.GUEST)
            self.assertEqual((r.guest, r.catalog, r.platform.id),
                             (True, "guestprod", "bk_devops"))
            self.assertIn("used by guestprod", reg.format(2000014, lang="en"))
            owner = reg.lookup(1100001)
            self.assertEqual((owner.status, owner.guest, owner.n_guests),
                             (Status.FOUND, False, 1))
            [g] = reg.guests(1100001, lang="en")
            self.assertEqual((g.catalog, g.symbol), ("guestprod", "GpOverCmdb"))
            self.assertEqual(reg.lookup(42, product="guestprod").symbol, "GpShort")


if __name__ == "__main__":
    unittest.main(verbosity=2)
