"""Every lookup status, language fallback and product scope, through the
Python binding, against the hand-written test catalog (tests/plugins/handmade.c)."""

from __future__ import annotations

import dataclasses
import unittest

import support  # noqa: F401  (sets sys.path)
from support import RegistryTestCase, open_registry

import bkerr
from bkerr import Category, CodeClass, Lang, Status


class LookupTest(RegistryTestCase):
    def look(self, code, status, lang=None, product=None) -> bkerr.Result:
        r = self.reg.lookup(code, lang=lang, product=product)
        self.assertIsInstance(r, bkerr.Result)
        self.assertIs(r.status, status)
        return r

    # ---- each status -------------------------------------------------------

    def test_found_entry_has_every_field(self) -> None:
        r = self.look(1100001, Status.FOUND, lang="zh_CN")
        self.assertEqual(r.code, 1100001)
        self.assertIs(r.code_class, CodeClass.STANDARD)
        self.assertEqual(r.platform.prefix, 11)
        self.assertEqual(r.platform.id, "cmdb")
        self.assertEqual(r.platform.name_zh, "配置平台")
        self.assertIs(r.platform.category, Category.PLATFORM)
        self.assertFalse(r.platform.admin)
        self.assertEqual(r.catalog, "cmdb")
        self.assertEqual(r.catalog_version, "9.9.9")
        self.assertEqual(r.symbol, "HmBoth")
        self.assertEqual(r.message, "中文消息")
        self.assertEqual(r.advice, "中文方案")
        self.assertIs(r.message_lang, Lang.ZH_CN)
        self.assertIs(r.advice_lang, Lang.ZH_CN)
        self.assertFalse(r.advice_inherited)
        self.assertIsNone(r.module)
        self.assertIsNone(r.reason)
        self.assertTrue(r.resolved)

        r = self.look(1100001, Status.FOUND, lang=Lang.EN)
        self.assertEqual(r.message, "English message")
        self.assertEqual(r.advice, "English advice")
        self.assertIs(r.message_lang, Lang.EN)

    def test_generic_when_the_catalog_lacks_the_code(self) -> None:
        r = self.look(1104600, Status.GENERIC, lang="zh_CN")
        self.assertEqual(r.message, "协议不支持")
        self.assertEqual(r.catalog, "cmdb")  # consulted, did not answer
        self.assertIsNone(r.symbol)
        self.assertIsNotNone(r.advice)
        self.assertTrue(r.resolved)

    def test_generic_for_a_prefix_without_catalog(self) -> None:
        r = self.look(1205000, Status.GENERIC, lang="en")
        self.assertEqual(r.message, "Resource not found")
        self.assertEqual(r.platform.id, "job")
        self.assertIsNone(r.catalog)

    def test_no_catalog(self) -> None:
        r = self.look(1234567, Status.NO_CATALOG)
        self.assertEqual(r.platform.id, "job")
        self.assertEqual(r.platform.name_zh, "作业平台")
        self.assertIsNone(r.catalog)
        self.assertIsNone(r.message)
        self.assertFalse(r.resolved)

    def test_not_in_catalog(self) -> None:
        r = self.look(1100999, Status.NOT_IN_CATALOG)
        self.assertEqual(r.catalog, "cmdb")
        self.assertIsNone(r.message)
        self.assertIsNone(r.advice)
        self.assertIsNone(r.module)
        # inside a range: no message, but the module and its advice
        r = self.look(1101999, Status.NOT_IN_CATALOG, lang="zh_CN")
        self.assertEqual(r.module, "topo")
        self.assertEqual(r.advice, "拓扑模块方案")
        self.assertTrue(r.advice_inherited)

    def test_unassigned(self) -> None:
        r = self.look(1812345, Status.UNASSIGNED)
        self.assertEqual(r.platform.prefix, 18)
        self.assertIsNone(r.platform.id)
        self.assertIs(r.platform.category, Category.PLATFORM)
        r = self.look(9512345, Status.UNASSIGNED)
        self.assertIs(r.platform.category, Category.THIRD_PARTY)

    def test_invalid(self) -> None:
        for code in (3001, -2, 36100001, 9000, 99):
            with self.subTest(code=code):
                r = self.look(code, Status.INVALID)
                self.assertIs(r.code_class, CodeClass.NONSTANDARD)
                self.assertTrue(r.reason)
                self.assertIsNone(r.message)
                self.assertIs(r.platform.category, Category.NONE)

    def test_specials(self) -> None:
        r = self.look(-1, Status.FOUND, lang="zh_CN")
        self.assertIs(r.code_class, CodeClass.SPECIAL)
        self.assertEqual(r.message, "系统繁忙")
        self.assertIsNone(r.symbol)
        self.assertEqual(self.look(0, Status.FOUND, lang="zh_CN").message, "请求成功")

    def test_admin_allocated_prefix(self) -> None:
        r = self.look(3300001, Status.FOUND)
        self.assertEqual(r.platform.id, "monitor")
        self.assertEqual(r.platform.name_zh, "监控平台")
        self.assertTrue(r.platform.admin)
        self.assertEqual(r.symbol, "MonitorError")

    def test_status_labels_match_the_core(self) -> None:
        lib = self.reg.library
        for status in Status:
            self.assertEqual(status.label, lib.status_name(status))

    # ---- languages ---------------------------------------------------------

    def test_english_falls_back_to_chinese(self) -> None:
        r = self.look(1100002, Status.FOUND, lang="en")
        self.assertEqual(r.message, "只有中文")
        self.assertIs(r.message_lang, Lang.ZH_CN)
        self.assertEqual(r.advice, "只有中文方案")  # advice_en is ""
        self.assertIs(r.advice_lang, Lang.ZH_CN)

    def test_chinese_falls_back_to_english(self) -> None:
        r = self.look(1100003, Status.FOUND, lang="zh_CN")
        self.assertEqual(r.message, "English only")  # message_zh is ""
        self.assertIs(r.message_lang, Lang.EN)
        self.assertEqual(r.advice, "English-only advice")
        self.assertIs(r.advice_lang, Lang.EN)

    def test_range_advice_falls_back_too(self) -> None:
        r = self.look(1199006, Status.FOUND, lang="en")
        self.assertEqual(r.advice, "通用模块方案")
        self.assertIs(r.advice_lang, Lang.ZH_CN)
        self.assertIs(r.message_lang, Lang.EN)
        self.assertTrue(r.advice_inherited)
        self.assertEqual(r.module, "common")

    def test_default_language_is_the_registry_default(self) -> None:
        # bkerr.ini sets no language: DEFAULT, and lookups use zh_CN
        self.assertIs(self.reg.default_lang, Lang.DEFAULT)
        self.assertEqual(self.look(1100001, Status.FOUND).message, "中文消息")
        with open_registry("lang = zh_CN\n") as zh:
            self.assertIs(zh.default_lang, Lang.ZH_CN)
        with open_registry("lang = en\n[catalog.cmdb]\npath = handmade.so\n") as en:
            self.assertIs(en.default_lang, Lang.EN)
            self.assertEqual(en.lookup(1100001).message, "English message")
            self.assertEqual(en.lookup(1100001, lang="zh_CN").message, "中文消息")

    def test_language_tags(self) -> None:
        for tag in ("en", "EN", "en-us", "en_US", Lang.EN, 2):
            with self.subTest(tag=tag):
                self.assertEqual(self.reg.lookup(1100001, lang=tag).message,
                                 "English message")
        for tag in ("zh_CN", "zh-hans", "zh", Lang.ZH_CN):
            with self.subTest(tag=tag):
                self.assertEqual(self.reg.lookup(1100001, lang=tag).message, "中文消息")
        with self.assertRaises(ValueError):
            self.reg.lookup(1100001, lang="fr")
        with self.assertRaises(ValueError):
            self.reg.lookup(1100001, lang=7)

    # ---- product scope -----------------------------------------------------

    def test_legacy_code_in_product_scope(self) -> None:
        r = self.look(3001, Status.FOUND, product="cmdb")
        self.assertEqual(r.symbol, "HmJsonDecode")
        self.assertEqual(r.message, "json decode failed!")
        self.assertIs(r.message_lang, Lang.EN)  # no Chinese: falls back
        self.assertIs(r.code_class, CodeClass.NONSTANDARD)
        self.assertEqual(r.platform.id, "cmdb")
        self.assertEqual(r.catalog, "cmdb")
        self.assertEqual(self.look(-2, Status.FOUND, product="cmdb").symbol, "HmUnknown")
        self.assertEqual(self.look(36100001, Status.FOUND, product="cmdb").symbol,
                         "HmEightDigits")
        self.assertEqual(self.look(0, Status.FOUND, product="cmdb").symbol, "HmSuccess")
        r = self.look(4361001, Status.FOUND, product="cmdb")
        self.assertEqual(r.symbol, "HmForeign")
        self.assertEqual(r.platform.id, "cmdb")

    def test_legacy_codes_under_another_prefix_are_guests(self) -> None:
        self.assertIs(self.reg.lookup(3001).status, Status.INVALID)
        r = self.look(4361001, Status.GUEST)
        self.assertEqual((r.platform.id, r.catalog, r.symbol, r.guest, r.n_guests),
                         ("bk_paas3", "cmdb", "HmForeign", True, 1))
        [g] = self.reg.guests(4361001, lang="en")
        self.assertEqual((g.catalog, g.message, g.guest),
                         ("cmdb", "emitted under another prefix", True))
        self.assertEqual(self.reg.guests(1100001), [])

    def test_product_scope_falls_back_to_global_rules(self) -> None:
        self.assertEqual(self.look(1100001, Status.FOUND, product="cmdb").symbol, "HmBoth")
        self.assertEqual(self.look(9000, Status.NOT_IN_CATALOG, product="cmdb").catalog,
                         "cmdb")
        self.assertEqual(self.look(3001, Status.NO_CATALOG, product="job").platform.id,
                         "job")

    def test_unknown_product_raises(self) -> None:
        with self.assertRaises(bkerr.UnknownProductError) as cm:
            self.reg.lookup(3001, product="nope")
        self.assertIn("nope", str(cm.exception))
        self.assertEqual(cm.exception.code, -5)
        self.assertIsInstance(cm.exception, LookupError)

    # ---- codes -------------------------------------------------------------

    def test_codes_as_text_are_parsed_by_the_core(self) -> None:
        self.assertEqual(self.reg.lookup(" 1100001 ").symbol, "HmBoth")
        self.assertEqual(self.reg.lookup("-1").code, -1)
        for bad in ("", "+1", "01100001", "11x", "99999999999999999999"):
            with self.subTest(text=bad), self.assertRaises(ValueError):
                self.reg.lookup(bad)
        with self.assertRaises(ValueError):
            self.reg.lookup(2**63)
        with self.assertRaises(TypeError):
            self.reg.lookup(1.5)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.reg.lookup(True)

    def test_code_helpers(self) -> None:
        lib = self.reg.library
        self.assertEqual(lib.parse_code(" 1104600 "), 1104600)
        self.assertIs(lib.classify(1104600), CodeClass.STANDARD)
        self.assertIs(lib.classify(-1), CodeClass.SPECIAL)
        self.assertIs(lib.classify(3001), CodeClass.NONSTANDARD)
        self.assertEqual(lib.prefix(1104600), 11)
        self.assertEqual(lib.prefix(3001), 0)
        self.assertEqual(lib.category_name(Category.PLATFORM, "zh_CN"), "平台类")

    # ---- the result object -------------------------------------------------

    def test_result_is_immutable(self) -> None:
        r = self.reg.lookup(1100001)
        with self.assertRaises(dataclasses.FrozenInstanceError):
            r.message = "changed"  # type: ignore[misc]
        with self.assertRaises(dataclasses.FrozenInstanceError):
            r.platform.id = "x"  # type: ignore[misc]
        self.assertEqual(r, self.reg.lookup(1100001))
        self.assertEqual(hash(r), hash(self.reg.lookup(1100001)))

    def test_strings_outlive_the_registry(self) -> None:
        reg = open_registry()
        r = reg.lookup(1100001, lang="en")
        rows = reg.status()
        reg.close()
        self.assertEqual(r.message, "English message")
        self.assertEqual(r.platform.name_zh, "配置平台")
        self.assertEqual(rows[0].name_zh, "配置平台")  # the spec's, as lookups

    # ---- listings ----------------------------------------------------------

    def test_platforms(self) -> None:
        ps = self.reg.platforms()
        by_prefix = {p.prefix: p for p in ps}
        self.assertEqual(by_prefix[11].id, "cmdb")
        self.assertEqual(by_prefix[12].id, "job")
        self.assertEqual(by_prefix[33].id, "monitor")
        self.assertTrue(by_prefix[33].admin)
        self.assertEqual(by_prefix[33].name("en"), "Monitor")
        self.assertNotIn(18, by_prefix)  # unassigned slot
        self.assertEqual([p.prefix for p in ps], sorted(by_prefix))
        self.assertIsNone(self.reg.platform(18))
        with self.assertRaises(ValueError):
            self.reg.platform(9)

    def test_status(self) -> None:
        rows = self.reg.status()
        self.assertEqual([s.id for s in rows], ["cmdb", "monitor"])
        cmdb = rows[0]
        self.assertIs(cmdb.state, bkerr.CatalogState.LOADED)
        self.assertTrue(cmdb.required)
        self.assertEqual(cmdb.prefix, 11)
        self.assertEqual(cmdb.version, "9.9.9")
        self.assertEqual(cmdb.origin, "tests/plugins/handmade.c")
        self.assertEqual((cmdb.n_entries, cmdb.n_ranges, cmdb.n_legacy), (6, 2, 5))
        self.assertTrue(cmdb.path.endswith("handmade.so"))
        self.assertIsNone(cmdb.reason)
        # [registry], plugin_dir, [platform.33] and its 3 keys, then the section
        self.assertEqual(cmdb.line, 7)
        self.assertEqual(rows[1].line, 10)

    def test_entries_are_codes_then_legacy_codes(self) -> None:
        rows = self.reg.entries("cmdb", lang="en")
        self.assertEqual([r.code for r in rows],
                         [1100001, 1100002, 1100003, 1101000, 1199006, 1199007,
                          -2, 0, 3001, 4361001, 36100001])
        for r in rows:
            self.assertIs(r.status, Status.FOUND)
            self.assertEqual(r.catalog, "cmdb")
        self.assertEqual(rows[0].message, "English message")
        self.assertEqual(rows[8].symbol, "HmJsonDecode")
        self.assertEqual([r.symbol for r in self.reg.entries("monitor")], ["MonitorError"])
        with self.assertRaises(KeyError):
            self.reg.entries("job")


class MessageTest(RegistryTestCase):
    """Registry.message() (bkerr_message(), function table version 3) is
    the message lookup() gives, without building a Result."""

    # a code of every status: what a catalog entry, the spec's generic table
    # or a special code answers, and the codes nothing answers (None)
    CODES = [
        1100001,    # FOUND: an entry with both languages
        1100002,    # FOUND: Chinese only
        1100003,    # FOUND: English only
        1101000,    # FOUND: an entry in a range
        1199006,    # FOUND: an entry of the range without English advice
        3300001,    # FOUND: under an admin-allocated prefix
        -1, 0,      # FOUND: the specials
        1104600,    # GENERIC: a generic ID the loaded catalog lacks
        1205000,    # GENERIC: a generic ID under a prefix without a catalog
        1100999,    # NOT_IN_CATALOG: not in the loaded catalog
        1101999,    # NOT_IN_CATALOG: inside a range, not an entry
        1234567,    # NO_CATALOG
        1812345, 9512345,                   # UNASSIGNED prefixes
        4361001,    # GUEST: cmdb's code under bk_paas3's prefix
        3001, -2, 36100001, 9000, 99, 2**63 - 1, -(2**63),  # INVALID: non-standard
    ]
    LANGS = [None, Lang.DEFAULT, "zh_CN", Lang.ZH_CN, "zh-hans", "en", Lang.EN, "en-us", 2]

    def same_as_lookup(self, reg: bkerr.Registry, codes=None, langs=None) -> None:
        for code in codes or self.CODES:
            for lang in langs or self.LANGS:
                with self.subTest(code=code, lang=lang):
                    got = reg.message(code, lang)
                    self.assertEqual(got, reg.lookup(code, lang=lang).message)
                    self.assertEqual(got, reg.message(code, lang=lang))
                    if got is not None:
                        self.assertIsInstance(got, str)

    def test_codes_cover_every_status(self) -> None:
        # the control: the comparison below meets every way a lookup ends
        self.assertEqual({self.reg.lookup(c).status for c in self.CODES}, set(Status))

    def test_equals_the_lookup_message(self) -> None:
        self.same_as_lookup(self.reg)

    def test_messages(self) -> None:
        m = self.reg.message
        self.assertEqual(m(1100001), "中文消息")  # the default: zh_CN
        self.assertEqual(m(1100001, "zh_CN"), "中文消息")
        self.assertEqual(m(1100001, "en"), "English message")
        self.assertEqual(m(1100001, lang=Lang.EN), "English message")
        self.assertEqual(m(1100002, "en"), "只有中文")         # falls back
        self.assertEqual(m(1100003, "zh_CN"), "English only")  # falls back
        self.assertEqual(m(1199006, "en"), "'{0}' parameter {field} failed")  # a template
        self.assertEqual(m(1104600, "zh_CN"), "协议不支持")
        self.assertEqual(m(1205000, "en"), "Resource not found")
        self.assertEqual(m(-1, "zh_CN"), "系统繁忙")
        self.assertEqual(m(0, "zh_CN"), "请求成功")
        self.assertEqual(m(3300001), self.reg.lookup(3300001).message)
        self.assertIsNotNone(m(3300001))
        for code in (1100999, 1101999, 1234567, 1812345, 9512345, 3001, -2, 99):
            with self.subTest(code=code):
                self.assertIsNone(m(code))
                self.assertIsNone(m(code, "en"))

    def test_legacy_codes_have_no_message_globally(self) -> None:
        # message() has no product scope: a product's legacy code is INVALID
        self.assertIsNone(self.reg.message(3001))
        self.assertEqual(self.reg.lookup(3001, product="cmdb").message,
                         "json decode failed!")

    def test_default_language_is_the_registry_default(self) -> None:
        with open_registry("lang = en\n[catalog.cmdb]\npath = handmade.so\n") as en:
            self.assertEqual(en.message(1100001), "English message")
            self.assertEqual(en.message(1100001, Lang.DEFAULT), "English message")
            self.assertEqual(en.message(1100001, "zh_CN"), "中文消息")
            self.assertEqual(en.message(-1), en.lookup(-1, lang="en").message)
            self.same_as_lookup(en)
        with open_registry("lang = zh_CN\n[catalog.cmdb]\npath = handmade.so\n") as zh:
            self.assertEqual(zh.message(1100001), "中文消息")
            self.same_as_lookup(zh, langs=[None, "en"])

    def test_catalogs_not_loaded(self) -> None:
        # load = lazy (required catalogs load at open: these are not):
        # message() is the first use of the prefix, and loads its catalog
        lazy_ini = "load = lazy\n" + support.HANDMADE.replace("required = true\n", "")
        with open_registry(lazy_ini) as lazy:
            self.assertEqual([s.state for s in lazy.status()],
                             [bkerr.CatalogState.LAZY] * 2)
            self.assertEqual(lazy.message(1100001, "en"), "English message")
            # the first plain lookup loads every catalog (guest codes)
            self.assertEqual([s.state for s in lazy.status()],
                             [bkerr.CatalogState.LOADED] * 2)
            self.same_as_lookup(lazy)
        with open_registry(lazy_ini) as lazy:
            self.assertIsNone(lazy.message(1100999))  # a miss loads it too
            self.assertIs(lazy.status()[0].state, bkerr.CatalogState.LOADED)
            self.same_as_lookup(lazy)
        # load=False: no catalog answers
        with support.TempIni(support.HANDMADE) as ini:
            with bkerr.Registry(ini.path, library=support.library_path(),
                                load=False) as bare:
                self.assertIsNone(bare.message(1100001))
                self.assertEqual(bare.message(-1, "en"), bare.lookup(-1, lang="en").message)
                self.same_as_lookup(bare, langs=[None, "en"])

    def test_codes_and_languages_are_read_as_lookup_reads_them(self) -> None:
        m = self.reg.message
        self.assertEqual(m(" 1100001 "), "中文消息")
        self.assertEqual(m("1100001", "en"), "English message")
        self.assertEqual(m("-1", "en"), self.reg.lookup(-1, lang="en").message)
        self.assertIsNone(m("3001"))
        for bad in ("", "+1", "01100001", "11x", "99999999999999999999"):
            with self.subTest(text=bad), self.assertRaises(ValueError):
                m(bad)
        with self.assertRaises(ValueError):
            m(2**63)
        with self.assertRaises(TypeError):
            m(1.5)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            m(True)
        for lang in ("fr", 7):
            with self.subTest(lang=lang), self.assertRaises(ValueError):
                m(1100001, lang)
        with self.assertRaises(TypeError):
            m(1100001, 1.5)  # type: ignore[arg-type]

    def test_after_close(self) -> None:
        reg = open_registry()
        reg.close()
        with self.assertRaises(bkerr.ClosedError):
            reg.message(1100001)

    def test_live_view(self) -> None:
        with support.TempIni(support.HANDMADE) as ini:
            with bkerr.LiveRegistry(ini.path, library=support.library_path()) as live:
                with live.acquire() as view:
                    self.assertEqual(view.message(1100001, "en"), "English message")
                    self.same_as_lookup(view, langs=[None, "en"])
                with self.assertRaises(bkerr.ClosedError):
                    view.message(1100001)


class OpenOptionsTest(unittest.TestCase):
    TWO = ("[platform.33]\nid = monitor\n"
           "[catalog.cmdb]\npath = handmade.so\nrequired = true\n"
           "[catalog.monitor]\npath = monitor33.so\n")

    def open(self, rest: str, **options) -> bkerr.Registry:
        with support.TempIni(rest) as ini:
            return bkerr.Registry(ini.path, library=support.library_path(), **options)

    def test_load_false_reads_the_file_and_loads_nothing(self) -> None:
        with self.open(self.TWO, load=False) as reg:
            self.assertEqual([s.state for s in reg.status()],
                             [bkerr.CatalogState.SKIPPED] * 2)
            self.assertIs(reg.lookup(1100001).status, Status.NO_CATALOG)
            self.assertEqual(reg.entries("cmdb"), [])
        with self.assertRaises(bkerr.ConfigError):
            self.open("lang = fr\n", load=False)

    def test_only_loads_one_catalog(self) -> None:
        with self.open(self.TWO, only="monitor") as reg:
            cmdb, monitor = reg.status()
            self.assertIs(cmdb.state, bkerr.CatalogState.SKIPPED)
            self.assertIs(monitor.state, bkerr.CatalogState.LOADED)
        # a required catalog that fails does not fail an open of it alone
        bad = "[catalog.cmdb]\npath = bad_major.so\nrequired = true\n"
        with self.open(bad, only="cmdb") as reg:
            self.assertIs(reg.status()[0].state, bkerr.CatalogState.REJECTED)
        with self.assertRaises(bkerr.CatalogError):
            self.open(bad)


if __name__ == "__main__":
    unittest.main(verbosity=2)
