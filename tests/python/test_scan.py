"""Registry.scan(): the codes in a line of text (bkerr_scan()), with
offsets that index the text passed: characters of a str, bytes of bytes;
and the fixture lines tests/test_scan.c reads (tests/scan/*.txt), through
the binding, with str offsets."""

from __future__ import annotations

import os
import unittest
from typing import Iterator, Optional, Tuple

import support
from support import RegistryTestCase, library_path

import bkerr
from bkerr import ScanConfidence

BARE, BRACKETED, KEYED = ScanConfidence.BARE, ScanConfidence.BRACKETED, ScanConfidence.KEYED


def found(reg: bkerr.Registry, text: str, **kw: str) -> list:
    """(code, confidence, the code as written, the key as written) per hit."""
    return [(h.code, h.confidence, text[h.start:h.end], h.key)
            for h in reg.scan(text, **kw)]


def fixture(name: str) -> Iterator[Tuple[int, Optional[str], str, str]]:
    """(line number, product, hits as written, text) of a fixture file."""
    path = os.path.join(support.SOURCE_ROOT, "tests", "scan", name)
    with open(path, encoding="utf-8", newline="\n") as f:
        for no, line in enumerate(f.read().split("\n"), start=1):
            if not line or line.startswith("#"):
                continue
            product, hits, text = line.split("\t", 2)
            yield no, None if product == "-" else product, hits, text


class BundledScanTest(unittest.TestCase):
    """The shapes of the issue, against the bundled catalogs."""

    reg: bkerr.Registry

    @classmethod
    def setUpClass(cls) -> None:
        cls.reg = bkerr.Registry(support.env("BKERR_DEVENV_CONFIG"), library=library_path())

    @classmethod
    def tearDownClass(cls) -> None:
        cls.reg.close()

    def test_fixture_lines(self) -> None:
        # the C test's own lines give the same hits here, and every offset
        # is a str index (most lines have Chinese text before the code)
        for name, least in (("positive.txt", 60), ("negative.txt", 60)):
            lines = 0
            for no, product, want, text in fixture(name):
                with self.subTest(file=name, line=no):
                    hits = self.reg.scan(text, product=product)
                    got = ",".join(f"{h.code}/{h.confidence.label}"
                                   for h in hits) or "-"
                    self.assertEqual(got, want, text)
                    for h in hits:
                        self.assertEqual(text[h.start:h.end], str(h.code))
                        if h.confidence is KEYED:
                            self.assertEqual(text[h.key_start:h.key_end], h.key)
                            self.assertLessEqual(h.key_end, h.start)
                lines += 1
            self.assertGreaterEqual(lines, least, name)

    def test_chinese_shapes(self) -> None:
        self.assertEqual(found(self.reg, "主机转移失败1110029"),
                         [(1110029, BARE, "1110029", None)])
        self.assertEqual(found(self.reg, "接口返回错误码：1306000，请稍后重试"),
                         [(1306000, KEYED, "1306000", "错误码")])
        self.assertEqual(found(self.reg, "同步失败（1244006）"),
                         [(1244006, BRACKETED, "1244006", None)])
        self.assertEqual(found(self.reg, "返回码1306000"), [(1306000, KEYED, "1306000", "返回码")])

    def test_english_shapes(self) -> None:
        self.assertEqual(found(self.reg, "request failed with 1199006"),
                         [(1199006, BARE, "1199006", None)])
        self.assertEqual(found(self.reg, '{"result": false, "code": 1199006, "data": null}'),
                         [(1199006, KEYED, "1199006", "code")])
        self.assertEqual(found(self.reg, "assert resp['code'] == '1306000'"),
                         [(1306000, KEYED, "1306000", "code")])
        self.assertEqual(found(self.reg, "code=1199006 then [1306000]"),
                         [(1199006, KEYED, "1199006", "code"),
                          (1306000, BRACKETED, "1306000", None)])

    def test_offsets_with_chinese_text_before_the_code(self) -> None:
        # every character before the code is 3 bytes in UTF-8; the offsets
        # index the str, so slicing gives the code back
        text = "【作业平台】执行失败，错误码：1306000；主机转移失败1110029"
        hits = self.reg.scan(text)
        self.assertEqual([(h.code, h.span) for h in hits],
                         [(1306000, (15, 22)), (1110029, (29, 36))])
        keyed = hits[0]
        self.assertEqual((keyed.key_start, keyed.key_end), (11, 14))
        self.assertEqual(text[keyed.key_start:keyed.key_end], "错误码")
        for h in hits:
            self.assertEqual(text[h.start:h.end], str(h.code))
        # bytes in: byte offsets out, the same hits
        raw = text.encode("utf-8")
        byte_hits = self.reg.scan(raw)
        self.assertEqual([h.code for h in byte_hits], [1306000, 1110029])
        for h in byte_hits:
            self.assertEqual(raw[h.start:h.end], str(h.code).encode())
        self.assertEqual(byte_hits[0].start, len("【作业平台】执行失败，错误码：".encode("utf-8")))
        self.assertEqual(byte_hits[0].key, "错误码")

    def test_characters_beyond_the_basic_plane_and_lone_surrogates(self) -> None:
        # 4-byte characters and surrogate escapes (os.fsdecode of bad bytes)
        # count one index each, as Python counts them
        for before in ("😀😀 ", "\udce4\udcb8 ", "é", "日志😀："):
            text = before + "错误码：1306000"
            with self.subTest(before=before):
                (h,) = self.reg.scan(text)
                self.assertEqual(text[h.start:h.end], "1306000")
                self.assertEqual(text[h.key_start:h.key_end], "错误码")

    def test_product_scope_finds_its_legacy_codes(self) -> None:
        self.assertEqual(found(self.reg, '{"code": 250103}'), [])  # 6 digits: not alone
        self.assertEqual(found(self.reg, '{"code": 250103}', product="bk_repo"),
                         [(250103, KEYED, "250103", "code")])
        with self.assertRaises(bkerr.UnknownProductError):
            self.reg.scan("code=1199006", product="no_such_product")


class ScanTest(RegistryTestCase):
    """Against the hand-written catalogs of support.HANDMADE."""

    def test_numbers_that_are_not_codes(self) -> None:
        for text in ("x1100001", "1100001ms", "11000011", "1100001.5", "size 1100001 bytes",
                     "host_id=1100001", "", "no digits at all"):
            with self.subTest(text=text):
                self.assertEqual(self.reg.scan(text), [])

    def test_a_keyed_code_is_found_known_or_not(self) -> None:
        self.assertEqual(found(self.reg, "code=1100001 code=1109999 1109999"),
                         [(1100001, KEYED, "1100001", "code"),
                          (1109999, KEYED, "1109999", "code")])

    def test_nul_and_invalid_utf8_are_text_like_any_other(self) -> None:
        raw = b"\xff\xfe\x00 code=1100001 \x80"
        (h,) = self.reg.scan(raw)
        self.assertEqual((h.code, raw[h.start:h.end]), (1100001, b"1100001"))
        text = "a\x00b code=1100001"
        (h,) = self.reg.scan(text)
        self.assertEqual(text[h.start:h.end], "1100001")

    def test_text_must_be_str_or_bytes(self) -> None:
        for junk in (1100001, None, ["code=1100001"]):
            with self.subTest(junk=junk):
                with self.assertRaises(TypeError):
                    self.reg.scan(junk)  # type: ignore[arg-type]
        self.assertEqual([h.code for h in self.reg.scan(bytearray(b"code=1100001"))],
                         [1100001])

    def test_hit_fields(self) -> None:
        (h,) = self.reg.scan("[1100001]")
        self.assertEqual(h, bkerr.ScanHit(code=1100001, confidence=BRACKETED, start=1, end=8))
        self.assertEqual(h.confidence.label, "bracketed")
        self.assertIsNone(h.key_start)
        (h,) = self.reg.scan("错误码：-1")
        self.assertEqual((h.code, h.span, h.key), (-1, (4, 6), "错误码"))

    def test_closed_registry(self) -> None:
        reg = support.open_registry()
        reg.close()
        with self.assertRaises(bkerr.ClosedError):
            reg.scan("code=1100001")


class OffsetTest(unittest.TestCase):
    """bkerr._Text, the way back from the library's byte offsets."""

    def test_every_boundary_of_a_mixed_text(self) -> None:
        text = "a中😀\udce4b日"
        t = bkerr._Text(text)
        offset = 0
        for i, ch in enumerate(text):
            self.assertEqual(t.index(offset), i)
            offset += len(ch.encode("utf-8", "surrogatepass"))
        self.assertEqual(t.index(offset), len(text))
        # falling offsets after rising ones start the count again
        self.assertEqual(t.index(1), 1)
        self.assertEqual(t.span(1, 4), (1, 2, "中"))

    def test_an_offset_inside_a_character_counts_it_in(self) -> None:
        t = bkerr._Text("中文")
        self.assertEqual([t.index(k) for k in range(7)], [0, 1, 1, 1, 2, 2, 2])


if __name__ == "__main__":
    unittest.main(verbosity=2)
