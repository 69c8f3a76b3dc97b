"""Shared set-up of the Python binding's tests.

meson test runs them with the environment of tests/meson.build:
BKERR_LIBRARY (the built libbkerr.so), BKERR_TEST_PLUGINS (the test
catalogs, handmade.so among them), BKERR_DEVENV_CONFIG (the build tree's
bkerr.ini with the bundled catalogs), BKERR_PY_LAYOUT (tests/python/layout.c
built) and PYTHONPATH pointing at bindings/python.  Run by hand:

    meson devenv -C build-py ...   # or set those variables, then
    python3 tests/python/test_lookup.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import unittest
from typing import Optional

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.environ.get("BKERR_SOURCE_ROOT") or os.path.dirname(os.path.dirname(HERE))
BINDING = os.path.join(SOURCE_ROOT, "bindings", "python")
if BINDING not in sys.path:  # PYTHONPATH normally has it already
    sys.path.insert(0, BINDING)

import bkerr  # noqa: E402


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise unittest.SkipTest(f"{name} is not set; run the tests with meson test")
    return value


def library_path() -> str:
    return env("BKERR_LIBRARY")


def plugins_dir() -> str:
    return env("BKERR_TEST_PLUGINS")


class TempIni:
    """A bkerr.ini written into a fresh temporary directory."""

    def __init__(self, text: str, with_plugin_dir: bool = True) -> None:
        self.dir = tempfile.mkdtemp(prefix="bkerr-py-")
        self.path = os.path.join(self.dir, "bkerr.ini")
        self.with_plugin_dir = with_plugin_dir
        self.replace(text)

    def replace(self, text: str) -> None:
        """Replaces the file in one step, as an admin's editor would."""
        if self.with_plugin_dir:
            text = f"[registry]\nplugin_dir = {plugins_dir()}\n" + text
        new = self.path + ".new"
        with open(new, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(new, self.path)

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> "TempIni":
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()


# The registry of tests/test_lookup.c: handmade.so as cmdb, and monitor33.so
# under an admin-allocated prefix 33.
HANDMADE = (
    "[platform.33]\nid = monitor\nname_zh = 监控平台\nname_en = Monitor\n"
    "[catalog.cmdb]\npath = handmade.so\nrequired = true\n"
    "[catalog.monitor]\npath = monitor33.so\nrequired = true\n"
)


# Two configurations a LiveRegistry reloads between, told apart by what a
# lookup finds (as tests/test_reload.c does): A has cmdb and monitor under
# an allocated prefix 33, B has cmdb only (33 is unassigned); BROKEN is no
# configuration at all.
CONFIG_A = HANDMADE
CONFIG_B = "[catalog.cmdb]\npath = handmade.so\nrequired = true\n"
BROKEN = "this is not ini\n"


def open_registry(rest: str = HANDMADE, library: Optional[str] = None) -> bkerr.Registry:
    """Opens a Registry over a temporary bkerr.ini (removed once open)."""
    with TempIni(rest) as ini:
        return bkerr.Registry(ini.path, library=library or library_path())


class RegistryTestCase(unittest.TestCase):
    """Tests sharing one Registry over HANDMADE, opened once per class."""

    reg: bkerr.Registry

    @classmethod
    def setUpClass(cls) -> None:
        cls.reg = open_registry()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.reg.close()
