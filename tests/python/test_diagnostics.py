"""Registry.diagnostics() and Registry(keep_going=True): the problems of an
open, each at its bkerr.ini line (bkerr_diagnostic())."""

from __future__ import annotations

import unittest

import support  # noqa: F401
from support import TempIni, library_path

import bkerr
from bkerr import Severity

# support.TempIni writes two lines before these: [registry] and plugin_dir
BROKEN = (
    "[catalog.cmdb]\n"          # 3
    "path = handmade.so\n"      # 4
    "this is not ini\n"         # 5
    "plugin_dri = x\n"          # 6
    "[catalog.gone]\n"          # 7
    "path = missing.so\n"       # 8
    "required = true\n"         # 9
    "[platform.33]\n"           # 10
    "id = monitor\n"            # 11
)


class DiagnosticsTest(unittest.TestCase):
    def test_broken_ini_fails_without_keep_going(self) -> None:
        with TempIni(BROKEN) as ini:
            with self.assertRaises(bkerr.ConfigError) as cm:
                bkerr.Registry(ini.path, library=library_path())
        self.assertIn("bkerr.ini:5:", str(cm.exception))

    def test_keep_going_lists_every_problem_and_serves(self) -> None:
        with TempIni(BROKEN) as ini:
            with bkerr.Registry(ini.path, library=library_path(), keep_going=True) as reg:
                found = reg.diagnostics()
                self.assertEqual(reg.lookup(1100001, lang="en").message, "English message")
        self.assertEqual([(d.severity, d.line, d.catalog) for d in found],
                         [(Severity.ERROR, 5, "cmdb"), (Severity.ERROR, 6, "cmdb"),
                          (Severity.ERROR, 7, "gone"), (Severity.WARNING, 10, "monitor")])
        self.assertIn("expected 'key = value'", found[0].message)
        self.assertIn("plugin_dri", found[1].message)
        self.assertIn("missing.so", found[2].message)
        for d in found:
            self.assertEqual(d.file, ini.path)
            self.assertEqual(str(d), f"{ini.path}:{d.line}: {d.message}")
        self.assertEqual(found[0].severity.label, "error")

    def test_a_clean_open_has_warnings_only(self) -> None:
        text = "[catalog.cmdb]\npath = handmade.so\n[catalog.opt]\npath = missing.so\n"
        with TempIni(text) as ini:
            with bkerr.Registry(ini.path, library=library_path()) as reg:
                (d,) = reg.diagnostics()
        self.assertEqual((d.severity, d.catalog, d.line), (Severity.WARNING, "opt", 5))
        with TempIni("[catalog.cmdb]\npath = handmade.so\n") as ini:
            with bkerr.Registry(ini.path, library=library_path()) as reg:
                self.assertEqual(reg.diagnostics(), [])

    def test_keep_going_still_fails_on_an_unreadable_file(self) -> None:
        with self.assertRaises(bkerr.ConfigError) as cm:
            bkerr.Registry("/nonexistent/bkerr.ini", library=library_path(), keep_going=True)
        self.assertIn("/nonexistent/bkerr.ini", str(cm.exception))

    def test_keep_going_with_the_other_options(self) -> None:
        with TempIni(BROKEN) as ini:
            with bkerr.Registry(ini.path, library=library_path(), keep_going=True,
                                load=False) as reg:
                self.assertEqual({s.state for s in reg.status()}, {bkerr.CatalogState.SKIPPED})
                self.assertIn(6, [d.line for d in reg.diagnostics()])


if __name__ == "__main__":
    unittest.main(verbosity=2)
