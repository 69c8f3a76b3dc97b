"""Registry.match(): the catalog messages a line of text contains, with
what their placeholders took (bkerr_match()); entry() and filled()."""

from __future__ import annotations

import unittest

import support
from support import TempIni, library_path

import bkerr
from bkerr import Lang


class BundledMatchTest(unittest.TestCase):
    """The messages of the issue, against the bundled catalogs."""

    reg: bkerr.Registry

    @classmethod
    def setUpClass(cls) -> None:
        cls.reg = bkerr.Registry(support.env("BKERR_DEVENV_CONFIG"), library=library_path())

    @classmethod
    def tearDownClass(cls) -> None:
        cls.reg.close()

    def best(self, text: str) -> bkerr.Match:
        matches = self.reg.match(text)
        self.assertTrue(matches, text)
        return matches[0]

    def test_nodeman_subscription(self) -> None:
        m = self.best("订阅(123)不存在")
        self.assertEqual((m.code, m.catalog, m.lang), (3800001, "bk_nodeman", Lang.ZH_CN))
        self.assertEqual(m.message, "订阅({subscription_id})不存在")
        self.assertEqual(m.captures, {"subscription_id": "123"})
        self.assertEqual(m.spans, (bkerr.Capture("subscription_id", "123", 3, 6),))
        self.assertEqual((m.span, m.n_placeholders), ((0, 10), 1))
        self.assertEqual(self.reg.entry(m).code, 3800001)  # entry or variant, as matched
        self.assertEqual(self.reg.entry(m).variant, m.variant)
        self.assertEqual(self.reg.filled(m), "订阅(123)不存在")
        english = self.reg.filled(m, lang="en")
        self.assertIn("123", english)
        self.assertNotIn("订阅", english)
        self.assertNotIn("{", english)

    def test_cmdb_params(self) -> None:
        m = self.best("'bk_biz_id' 数据参数校验不通过")
        self.assertEqual((m.code, m.catalog, m.lang), (1199006, "cmdb", Lang.ZH_CN))
        self.assertEqual(m.captures, {"0": "bk_biz_id"})
        r = self.reg.entry(m)
        self.assertEqual((r.code, r.symbol, r.status), (1199006, "CCErrCommParamsInvalid",
                                                       bkerr.Status.FOUND))
        self.assertEqual(r.message, m.message)
        self.assertIn("'bk_biz_id'", self.reg.filled(m, lang="en"))

    def test_bk_repo_parameter_missing(self) -> None:
        m = self.best("Parameter [name] is missing")
        self.assertEqual((m.code, m.catalog, m.lang), (250103, "bk_repo", Lang.EN))
        self.assertEqual(m.captures, {"0": "name"})
        self.assertEqual(self.reg.entry(m).code, 250103)  # a legacy code, in scope

    def test_offsets_inside_a_log_line_with_chinese_before(self) -> None:
        line = "2024-05-01 12:00:00 ERROR 任务失败：订阅(123)不存在，请重试"
        m = self.best(line)
        self.assertEqual(m.code, 3800001)
        self.assertEqual(line[m.start:m.end], "订阅(123)不存在")
        (c,) = m.spans
        self.assertEqual(line[c.start:c.end], "123")
        raw = line.encode("utf-8")
        (mb,) = [x for x in self.reg.match(raw) if x.code == 3800001]
        self.assertEqual(raw[mb.start:mb.end], "订阅(123)不存在".encode("utf-8"))
        self.assertEqual(mb.captures, {"subscription_id": "123"})

    def test_limit_none_gives_all_however_many(self) -> None:
        # more than the first buffer the binding tries (16)
        messages = [r.message for r in self.reg.entries("cmdb")
                    if r.message and "{" not in r.message and len(r.message) >= 12][:40]
        text = "\n".join(messages)
        every = self.reg.match(text, limit=None)
        self.assertGreater(len(every), 16)
        self.assertGreaterEqual(len(every), len(messages))
        self.assertEqual(every, self.reg.match(text, limit=len(every) + 10))
        self.assertEqual(every[:3], self.reg.match(text, limit=3))

    def test_generic_text_matches_nothing(self) -> None:
        for text in ("", "OK", "成功", "ok ok ok", "1199006"):
            with self.subTest(text=text):
                self.assertEqual(self.reg.match(text), [])


HANDMADE = "[catalog.cmdb]\npath = handmade.so\n[catalog.job]\npath = symbols.so\n"


class MatchTest(unittest.TestCase):
    """Against hand-written catalogs: handmade.so as cmdb, symbols.so as job."""

    reg: bkerr.Registry

    @classmethod
    def setUpClass(cls) -> None:
        with TempIni(HANDMADE) as ini:
            cls.reg = bkerr.Registry(ini.path, library=library_path())

    @classmethod
    def tearDownClass(cls) -> None:
        cls.reg.close()

    def test_two_placeholders_by_position_and_by_name(self) -> None:
        (m,) = self.reg.match("出错了：'bk_biz_id' 参数 name 校验失败")
        self.assertEqual((m.code, m.catalog, m.message), (1199006, "cmdb",
                                                          "'{0}' 参数 {field} 校验失败"))
        self.assertEqual(m.captures, {"0": "bk_biz_id", "field": "name"})
        self.assertEqual([c.name for c in m.spans], ["0", "field"])
        self.assertEqual(self.reg.filled(m, lang="en"), "'bk_biz_id' parameter name failed")
        self.assertEqual(self.reg.entry(m, lang="en").symbol, "HmParams")

    def test_braces_and_legacy_codes(self) -> None:
        (m,) = self.reg.match('接口返回 {"ok": false}')
        self.assertEqual((m.code, m.captures), (1199007, {}))
        self.assertEqual(self.reg.filled(m, lang="en"), 'got {"ok": false}')
        (m,) = self.reg.match("error: json decode failed!")
        self.assertEqual((m.code, m.lang), (3001, Lang.EN))
        self.assertEqual(self.reg.entry(m).symbol, "HmJsonDecode")

    def test_a_variant_is_found_and_its_entry_is_the_variant(self) -> None:
        # "several constants, again" is 1200002's variant 1; its entry's own
        # message, "several constants", matches too, and ranks lower
        matches = self.reg.match("several constants, again")
        self.assertEqual([(m.code, m.variant) for m in matches], [(1200002, 1), (1200002, 0)])
        self.assertGreater(matches[0].literal, matches[1].literal)
        variant = self.reg.entry(matches[0])
        self.assertEqual((variant.symbol, variant.variant), ("HmBoth", 1))
        self.assertEqual(self.reg.entry(matches[1]).symbol, "SyFirst/HmZhOnly/SyLast")

    def test_limit(self) -> None:
        text = "several constants, again"
        self.assertEqual(len(self.reg.match(text, limit=1)), 1)
        self.assertEqual(self.reg.match(text, limit=0), [])
        self.assertEqual(len(self.reg.match(text, limit=None)), 2)
        for bad in (-1, True, "2"):
            with self.subTest(limit=bad):
                with self.assertRaises((ValueError, TypeError)):
                    self.reg.match(text, limit=bad)  # type: ignore[arg-type]

    def test_closed_and_bad_text(self) -> None:
        with self.assertRaises(TypeError):
            self.reg.match(None)  # type: ignore[arg-type]
        with TempIni(HANDMADE) as ini:
            reg = bkerr.Registry(ini.path, library=library_path())
        reg.close()
        with self.assertRaises(bkerr.ClosedError):
            reg.match("English message")


if __name__ == "__main__":
    unittest.main(verbosity=2)
