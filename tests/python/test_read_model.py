"""The read model (function table version 5) through the binding: the
spec's listings, products, catalogs and their ranges, symbols across
catalogs, strerror() and parse_lang()."""

from __future__ import annotations

import dataclasses
import unittest

import support
from support import TempIni, library_path

import bkerr
from bkerr import Category, Lang, Status

# cmdb (handmade.c) and job (symbols.c) share symbols; guestprod has no
# prefix; monitor's prefix 33 is an admin's (line 3 of the file).
THREE = (
    "[platform.33]\nid = monitor\nname_zh = 监控平台\nname_en = Monitor\n"
    "[catalog.cmdb]\npath = handmade.so\nrequired = true\n"
    "[catalog.job]\npath = symbols.so\nrequired = true\n"
    "[catalog.guestprod]\npath = guest_only.so\nrequired = true\n"
    "[catalog.monitor]\npath = monitor33.so\nrequired = true\n"
)


class LibraryListingsTest(unittest.TestCase):
    lib: bkerr.Library

    @classmethod
    def setUpClass(cls) -> None:
        cls.lib = bkerr.load_library(library_path())

    def test_specials_and_generics_are_the_lookups(self) -> None:
        specials = self.lib.specials()
        self.assertEqual([s.code for s in specials], [-1, 0])
        self.assertEqual(specials[0].name_zh, "系统繁忙")
        self.assertIsInstance(specials[0], bkerr.SpecCode)
        generics = self.lib.generics()
        self.assertGreater(len(generics), 5)
        # job (12) has no catalog there: the generic row answers its codes
        with support.open_registry() as reg:
            for row in specials + generics:
                code = row.code if row.code <= 0 else 1200000 + row.code
                with self.subTest(code=code):
                    r = reg.lookup(code, lang="en")
                    self.assertEqual(r.message, row.name_en)
                    self.assertIs(r.status, Status.FOUND if row.code <= 0
                                  else Status.GENERIC)

    def test_categories(self) -> None:
        cats = self.lib.categories()
        self.assertEqual([c.category for c in cats],
                         [Category.SPECIAL, Category.PLATFORM, Category.SAAS,
                          Category.PUBLIC, Category.THIRD_PARTY, Category.COMMON])
        self.assertEqual((cats[1].first, cats[1].last), (10, 29))
        self.assertEqual(cats[1].name_en, self.lib.category_name(Category.PLATFORM, "en"))

    def test_strerror(self) -> None:
        self.assertEqual(self.lib.strerror(-2), "out of memory")
        self.assertEqual(self.lib.strerror(12345), "unknown error")

    def test_parse_lang(self) -> None:
        for text, want in (("zh", Lang.ZH_CN), ("zh_CN.UTF-8", Lang.ZH_CN),
                           ("en_US", Lang.EN), ("default", Lang.DEFAULT)):
            with self.subTest(text=text):
                self.assertIs(self.lib.parse_lang(text), want)
        for text in ("C", "fr_FR", ""):
            with self.subTest(text=text):
                with self.assertRaises(ValueError):
                    self.lib.parse_lang(text)


class RegistryReadModelTest(unittest.TestCase):
    reg: bkerr.Registry

    @classmethod
    def setUpClass(cls) -> None:
        cls.ini = TempIni(THREE)
        cls.reg = bkerr.Registry(cls.ini.path, library=library_path())

    @classmethod
    def tearDownClass(cls) -> None:
        cls.reg.close()
        cls.ini.remove()

    def test_products(self) -> None:
        cmdb = self.reg.product("cmdb")
        self.assertEqual((cmdb.prefix, cmdb.category, cmdb.catalog), (11, Category.PLATFORM, 0))
        self.assertEqual(cmdb.name_zh, "配置平台")  # the spec's, not the catalog's
        self.assertEqual((cmdb.admin, cmdb.file, cmdb.line), (False, None, 0))
        monitor = self.reg.product_at(33)
        assert monitor is not None
        self.assertEqual((monitor.id, monitor.admin, monitor.line), ("monitor", True, 3))
        self.assertEqual(monitor.file, self.reg.config_path)
        self.assertEqual(monitor.name("en"), "Monitor")
        self.assertEqual(monitor.name_en, self.reg.catalog("monitor").name_en)
        guest = self.reg.product("guestprod")
        self.assertEqual((guest.prefix, guest.category, guest.catalog), (0, Category.NONE, 2))
        self.assertEqual(guest.name_en, "Guest product")
        self.assertIsNone(self.reg.product_at(18))
        self.assertIsNone(self.reg.product("bk_sops").catalog)
        with self.assertRaises(bkerr.UnknownProductError):
            self.reg.product("nope")
        with self.assertRaises(ValueError):
            self.reg.product_at(9)
        with self.assertRaises(dataclasses.FrozenInstanceError):
            cmdb.id = "x"  # type: ignore[misc]

    def test_catalog_by_id(self) -> None:
        st = self.reg.catalog("job")
        self.assertEqual((st.id, st.prefix, st.n_ranges), ("job", 12, 2))
        self.assertEqual(st, self.reg.status()[1])
        with self.assertRaises(KeyError):
            self.reg.catalog("gse")

    def test_ranges(self) -> None:
        en = self.reg.ranges("cmdb", lang="en")
        self.assertEqual([(g.first, g.last, g.module) for g in en],
                         [(1101000, 1101999, "topo"), (1199000, 1199999, "common")])
        self.assertEqual((en[0].advice, en[0].advice_lang),
                         ("Topology module advice", Lang.EN))
        self.assertEqual((en[1].advice, en[1].advice_lang), ("通用模块方案", Lang.ZH_CN))
        zh = self.reg.ranges("job", lang="zh_CN")
        self.assertIsNone(zh[1].module)
        self.assertEqual((zh[1].advice, zh[1].advice_lang),
                         ("English-only range advice", Lang.EN))
        self.assertEqual(self.reg.ranges("guestprod"), [])
        with self.assertRaises(KeyError):
            self.reg.ranges("gse")

    def test_symbols_everywhere_and_in_a_product(self) -> None:
        both = self.reg.symbol("HmBoth", lang="en")
        self.assertEqual([(r.catalog, r.code, r.variant) for r in both],
                         [("cmdb", 1100001, 0), ("job", 1200001, 0),
                          ("job", 1200002, 1), ("job", 5, 0)])
        self.assertTrue(all(r.status is Status.FOUND for r in both))
        self.assertEqual(both[2].message, "several constants, again")
        self.assertEqual([r.code for r in self.reg.symbol("HmBoth", product="job")],
                         [1200001, 1200002, 5])
        self.assertEqual([r.code for r in self.reg.symbol("HmZhOnly")], [1100002, 1200002])
        self.assertEqual([r.code for r in self.reg.symbol("SyLast")], [1200002])
        self.assertEqual(self.reg.symbol("SyFirst/HmZhOnly"), [])
        self.assertEqual(self.reg.symbol("HmBoth", product="bk_sops"), [])
        with self.assertRaises(bkerr.UnknownProductError):
            self.reg.symbol("HmBoth", product="nope")
        with self.assertRaises(ValueError):
            self.reg.symbol("Hm\0Both")


class BundledSymbolsTest(unittest.TestCase):
    def test_a_product_scopes_a_symbol(self) -> None:
        with bkerr.Registry(support.env("BKERR_DEVENV_CONFIG"),
                            library=library_path()) as reg:
            r, = reg.symbol("BizNotExistError", product="gsekit")
            self.assertEqual((r.catalog, r.code), ("gsekit", 4100004))
            r, = reg.symbol("BkJwtVerifyException", product="bk_nodeman")
            self.assertEqual(r.catalog, "bk_nodeman")
            self.assertEqual([r.catalog for r in reg.symbol("BkJwtVerifyException")],
                             ["bk_log_search", "bk_nodeman", "gsekit", "bkdbm"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
