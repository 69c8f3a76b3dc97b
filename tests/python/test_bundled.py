"""The binding against the build tree's bkerr.ini and the bundled catalogs
(BKERR_DEVENV_CONFIG), and the module-level explain().  Only facts that do
not depend on catalog text still being written are checked."""

from __future__ import annotations

import os
import unittest
from unittest import mock

import support
from support import library_path

import bkerr
from bkerr import CatalogState, Status


class BundledTest(unittest.TestCase):
    reg: bkerr.Registry

    @classmethod
    def setUpClass(cls) -> None:
        cls.config = support.env("BKERR_DEVENV_CONFIG")
        cls.reg = bkerr.Registry(cls.config, library=library_path())

    @classmethod
    def tearDownClass(cls) -> None:
        cls.reg.close()

    def test_every_configured_catalog_is_listed(self) -> None:
        with open(self.config, encoding="utf-8") as f:
            sections = [line.strip()[len("[catalog."):-1] for line in f
                        if line.strip().startswith("[catalog.")]
        rows = self.reg.status()
        self.assertEqual([s.id for s in rows], sections)
        self.assertIn("cmdb", sections)
        for s in rows:
            with self.subTest(catalog=s.id):
                self.assertIn(s.state, set(CatalogState))
                if s.state is CatalogState.LOADED:
                    # 0: a product without a prefix of its own (bk_hcm)
                    self.assertTrue(s.prefix == 0 or s.prefix >= 10, s.prefix)
                    self.assertGreater(s.n_entries + s.n_legacy, 0)
                else:
                    self.assertEqual(s.prefix, 0)

    def test_a_cmdb_code(self) -> None:
        cmdb = next(s for s in self.reg.status() if s.id == "cmdb")
        if cmdb.state is not CatalogState.LOADED:
            self.skipTest(f"cmdb catalog not loaded: {cmdb.reason}")
        r = self.reg.lookup(1199000, lang="zh_CN")
        self.assertIs(r.status, Status.FOUND)
        self.assertEqual(r.symbol, "CCErrCommJSONUnmarshalFailed")
        self.assertEqual(r.message, "反序列化JSON数据失败")
        self.assertEqual(r.catalog, "cmdb")
        self.assertEqual(r.platform.name_zh, "配置平台")

    def test_specials_and_platforms(self) -> None:
        self.assertEqual(self.reg.lookup(-1, lang="zh_CN").message, "系统繁忙")
        ids = {p.prefix: p.id for p in self.reg.platforms()}
        self.assertEqual(ids[11], "cmdb")
        self.assertEqual(ids[99], "blueking")

    def test_explain(self) -> None:
        with mock.patch.dict(os.environ, {"BKERR_CONFIG": self.config}):
            bkerr._close_default()
            bkerr._default = None
            try:
                text = bkerr.explain(-1, lang="zh_CN")
                self.assertTrue(text.startswith("-1 "), text)
                self.assertIn("系统繁忙", text)
                self.assertIs(bkerr._default_registry(), bkerr._default_registry())
            finally:
                bkerr._close_default()
                bkerr._default = None


if __name__ == "__main__":
    unittest.main(verbosity=2)
