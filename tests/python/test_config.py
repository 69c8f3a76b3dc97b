"""Errors from bkerr_open() come through as exceptions carrying the core's
message, which names the file and line; catalog failures and states."""

from __future__ import annotations

import os
import unittest
from unittest import mock

import support  # noqa: F401
from support import TempIni, library_path, open_registry

import bkerr
from bkerr import CatalogState


class BrokenIniTest(unittest.TestCase):
    def expect(self, text: str, line: int, *needles: str,
               with_plugin_dir: bool = True) -> bkerr.ConfigError:
        with TempIni(text, with_plugin_dir=with_plugin_dir) as ini:
            with self.assertRaises(bkerr.ConfigError) as cm:
                bkerr.Registry(ini.path, library=library_path())
            e = cm.exception
            message = str(e)
            where = f"{ini.path}:{line}: " if line else f"{ini.path}: "
            self.assertTrue(message.startswith(where), f"{message!r} does not start with {where!r}")
            for needle in needles:
                self.assertIn(needle, message)
            self.assertEqual(e.code, -3)
            self.assertIsInstance(e, bkerr.OpenError)
            self.assertIsInstance(e, bkerr.BkerrError)
            return e

    def test_unknown_key_names_its_line(self) -> None:
        # line 1-2 are [registry] and plugin_dir, written by TempIni
        self.expect("lang = en\nplugin_dri = /tmp\n", 4,
                    "unknown key 'plugin_dri'", "did you mean 'plugin_dir'")

    def test_bad_value_names_its_line(self) -> None:
        self.expect("lang = fr\n", 3, "lang = 'fr' is not a language")

    def test_unknown_section(self) -> None:
        self.expect("[registry]\nlang = en\n[colour]\n", 3, "unknown section [colour]",
                    with_plugin_dir=False)

    def test_duplicate_key_names_both_lines(self) -> None:
        self.expect("[registry]\nlang = en\n; again\nlang = zh_CN\n", 4,
                    "duplicate key 'lang'", "first set on line 2",
                    with_plugin_dir=False)

    def test_utf8_text_of_the_line_survives(self) -> None:
        self.expect("[platform.33]\nid = monitor\n名字 = 监控\n", 3,
                    "unknown key '名字'", with_plugin_dir=False)

    def test_missing_file(self) -> None:
        with TempIni("") as ini:
            missing = os.path.join(ini.dir, "absent.ini")
            with self.assertRaises(bkerr.ConfigError) as cm:
                bkerr.Registry(missing, library=library_path())
            self.assertIn(missing, str(cm.exception))
            self.assertIn("cannot open", str(cm.exception))

    def test_config_from_environment(self) -> None:
        with TempIni("lang = en\n") as ini, \
                mock.patch.dict(os.environ, {"BKERR_CONFIG": ini.path}):
            with bkerr.Registry(library=library_path()) as reg:
                self.assertEqual(reg.config_path, ini.path)
                self.assertEqual(reg.library.default_config(), ini.path)
        with TempIni("lang = xx\n") as ini, \
                mock.patch.dict(os.environ, {"BKERR_CONFIG": ini.path}):
            with self.assertRaises(bkerr.ConfigError) as cm:
                bkerr.Registry(library=library_path())
            self.assertIn(f"{ini.path}:3:", str(cm.exception))

    def test_path_like_config(self) -> None:
        import pathlib
        with TempIni("") as ini:
            with bkerr.Registry(pathlib.Path(ini.path), library=library_path()) as reg:
                self.assertEqual(reg.config_path, ini.path)
            with bkerr.Registry(os.fsencode(ini.path), library=library_path()) as reg:
                self.assertEqual(reg.config_path, ini.path)


class CatalogTest(unittest.TestCase):
    def test_required_catalog_that_fails(self) -> None:
        with TempIni("[catalog.cmdb]\npath = nope.so\nrequired = true\n") as ini:
            with self.assertRaises(bkerr.CatalogError) as cm:
                bkerr.Registry(ini.path, library=library_path())
        e = cm.exception
        self.assertEqual(e.code, -4)
        self.assertIn(f"{ini.path}:3: catalog 'cmdb' is required and was rejected", str(e))
        self.assertIn("nope.so", str(e))

    def test_optional_catalog_that_fails_is_reported(self) -> None:
        with open_registry("[catalog.cmdb]\npath = bad_prefix.so\n"
                           "[catalog.job]\nenabled = false\n") as reg:
            cmdb, job = reg.status()
            self.assertIs(cmdb.state, CatalogState.REJECTED)
            self.assertIn("prefix is 12", cmdb.reason)
            self.assertFalse(cmdb.required)
            self.assertIs(job.state, CatalogState.DISABLED)
            self.assertIsNone(job.reason)
            # the rejected catalog does not answer
            self.assertIs(reg.lookup(1100001).status, bkerr.Status.NO_CATALOG)

    def test_fatal_makes_any_failure_an_error(self) -> None:
        with TempIni("fatal = true\n[catalog.cmdb]\npath = bad_major.so\n") as ini:
            with self.assertRaises(bkerr.CatalogError):
                bkerr.Registry(ini.path, library=library_path())


if __name__ == "__main__":
    unittest.main(verbosity=2)
