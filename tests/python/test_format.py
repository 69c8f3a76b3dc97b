"""format() and fill(): placeholders filled by the core's bkerr_format() and
bkerr_fill(), against tests/plugins/handmade.c."""

from __future__ import annotations

import unittest

import support  # noqa: F401
from support import RegistryTestCase

import bkerr


class FormatTest(RegistryTestCase):
    def test_format_fills_positional_and_named_placeholders(self) -> None:
        text = self.reg.format(1199006, "bk_biz_id", field="name", lang="en")
        self.assertEqual(
            text,
            "1199006 [cmdb Configuration platform (CMDB) · platform · common] HmParams\n"
            "'bk_biz_id' parameter name failed\n"
            "处理方案：通用模块方案")  # the range's advice has no English

    def test_format_is_the_core_rendering(self) -> None:
        text = self.reg.format(1100001, lang="zh_CN")
        self.assertEqual(text, "1100001 [cmdb 配置平台 · 平台类] HmBoth\n中文消息\n处理方案：中文方案")

    def test_placeholders_without_a_value_stay_visible(self) -> None:
        text = self.reg.format(1199006, lang="zh_CN")
        self.assertIn("'{0}' 参数 {field} 校验失败", text)
        text = self.reg.format(1199006, None, field=None, lang="zh_CN")
        self.assertIn("'{0}' 参数 {field} 校验失败", text)

    def test_values_are_data(self) -> None:
        text = self.reg.format(1199006, "%s%n{field}", field="{{x}}", lang="en")
        self.assertIn("'%s%n{field}' parameter {{x}} failed", text)
        self.assertIn('got {"ok": false}', self.reg.format(1199007, lang="en"))
        self.assertIn("'42' parameter", self.reg.format(1199006, 42, lang="en"))

    def test_format_in_product_scope(self) -> None:
        text = self.reg.format(3001, product="cmdb")
        self.assertIn("HmJsonDecode", text)
        self.assertIn("json decode failed!", text)

    def test_format_of_each_status(self) -> None:
        self.assertIn("通用错误码", self.reg.format(1104600, lang="zh_CN"))
        self.assertIn("No catalog is loaded", self.reg.format(1234567, lang="en"))
        self.assertIn("Not in catalog cmdb.", self.reg.format(1100999, lang="en"))
        self.assertIn("not allocated", self.reg.format(1812345, lang="en"))
        self.assertIn("Not a standard BlueKing code", self.reg.format(3001, lang="en"))

    def test_long_renderings_are_not_cut(self) -> None:
        value = "值" * 3000  # 9000 bytes: more than the first buffer
        text = self.reg.format(1199006, value, lang="zh_CN")
        self.assertIn(f"'{value}' 参数", text)
        self.assertEqual(self.reg.fill("<{0}>", value), f"<{value}>")

    def test_fill(self) -> None:
        fill = self.reg.fill
        self.assertEqual(fill("{0} and {1} ({field})", "first", "second", field="bk_biz_id"),
                         "first and second (bk_biz_id)")
        self.assertEqual(fill("{{0}} {{\"a\": {0}}}", "v"), "{0} {\"a\": v}")
        self.assertEqual(fill("{0}|{1}", None, "B"), "{0}|B")
        self.assertEqual(fill("{lang}/{product}", lang="en", product="cmdb"), "en/cmdb")
        self.assertEqual(fill("no placeholders"), "no placeholders")
        r = self.reg.lookup(1199006, lang="en")
        self.assertEqual(fill(r.message, "bk_biz_id", field="id"),
                         "'bk_biz_id' parameter id failed")
        with self.assertRaises(ValueError):
            fill("{0}", "a\0b")


if __name__ == "__main__":
    unittest.main(verbosity=2)
