"""How the binding finds libbkerr.so and checks its function table: a
library whose table has an unexpected version (or shape) is rejected, and
one whose table is older (version 1 or 2) serves all but what the later
versions added."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import unittest
from typing import List, Optional
from unittest import mock

import support  # noqa: F401
from support import TempIni, library_path

import bkerr
from bkerr import _native


def real_table_address(path: str) -> int:
    """The address of the real library's table (a test shortcut)."""
    entry = _native.ENTRY(("bkerr_api", ctypes.CDLL(path)))
    addr = entry(1)
    assert addr
    return addr


V1, V2, V3, V4, V5 = (_native.SIZES[1], _native.SIZES[2], _native.SIZES[3],
                      _native.SIZES[4], _native.SIZES[5])


class FakeEntry:
    """A ``bkerr_api`` entry point written in Python: it returns a copy of the
    real table, edited, and records the versions it was asked for.  Like the
    real one, it returns NULL when asked for more than *provides* (default:
    the table's version); a *provides* above the version makes a library
    that returns an older table than asked."""

    def __init__(self, version: int, size: Optional[int] = None, extra: int = 0,
                 null: Optional[str] = None, returns_null: bool = False,
                 provides: Optional[int] = None) -> None:
        real = real_table_address(library_path())
        n = min(_native.CApiHeader.from_address(real).size, ctypes.sizeof(_native.CApi))
        self.buffer = ctypes.create_string_buffer(max(n + extra, ctypes.sizeof(_native.CApi)))
        ctypes.memmove(self.buffer, real, n)
        table = _native.CApi.from_buffer(self.buffer)
        table.version = version
        table.size = n + extra if size is None else size
        if null is not None:
            ctypes.memset(ctypes.addressof(self.buffer) + getattr(_native.CApi, null).offset,
                          0, ctypes.sizeof(ctypes.c_void_p))
        self.returns_null = returns_null
        self.provides = version if provides is None else provides
        self.asked: List[int] = []
        self.fn = _native.ENTRY(self._entry)

    def _entry(self, min_version: int) -> Optional[int]:
        self.asked.append(min_version)
        if self.returns_null or min_version > self.provides:
            return None
        return ctypes.addressof(self.buffer)

    def library(self) -> bkerr.Library:
        return bkerr.Library._from_entry(self.fn, "fake-libbkerr.so", keepalive=self)


VERSION_2_FUNCTIONS = [name for name, _ in dict(_native.VERSIONS)[2]]
VERSION_3_FUNCTIONS = [name for name, _ in dict(_native.VERSIONS)[3]]
VERSION_4_FUNCTIONS = [name for name, _ in dict(_native.VERSIONS)[4]]
VERSION_5_FUNCTIONS = [name for name, _ in dict(_native.VERSIONS)[5]]
LATER_THAN_2 = VERSION_3_FUNCTIONS + VERSION_4_FUNCTIONS + VERSION_5_FUNCTIONS


class TableVersionTest(unittest.TestCase):
    def test_real_table_is_version_5_of_the_expected_size(self) -> None:
        lib = bkerr.Library(library_path())
        self.assertEqual(lib.api_version, 5)
        self.assertEqual(lib._api.table_size, V5)
        self.assertEqual(lib._api.usable_version, 5)
        self.assertEqual(VERSION_3_FUNCTIONS, ["message"])
        self.assertEqual(VERSION_4_FUNCTIONS,
                         ["lookup_variant", "code_status_name", "lookup_guest"])
        self.assertEqual(VERSION_5_FUNCTIONS,
                         ["strerror", "lang_name", "parse_lang", "special",
                          "generic", "category", "product", "product_at",
                          "catalog_find", "catalog_range", "lookup_symbol",
                          "severity_name", "diagnostic_count", "diagnostic"])
        for name in VERSION_2_FUNCTIONS + LATER_THAN_2:
            self.assertIsNotNone(getattr(lib._api, name), name)
        self.assertEqual(lib.version, "0.1.0")
        self.assertEqual(bkerr.API_VERSION, 5)
        self.assertIn("api 5", repr(lib))

    def test_library_without_the_version_the_binding_asks_for(self) -> None:
        # a binding that needs version 6, above the real library's 5
        with mock.patch.object(_native, "API_VERSION", 6), \
                mock.patch.object(_native, "MIN_API_VERSION", 6):
            with self.assertRaises(bkerr.ApiVersionError) as cm:
                bkerr.Library(library_path())
        message = str(cm.exception)
        self.assertIn("bkerr_api(6) returned NULL", message)
        self.assertIn("it has version 5", message)
        self.assertIn("needs version 6", message)
        self.assertIsInstance(cm.exception, bkerr.LibraryError)

    def test_library_older_than_the_binding_is_used_at_its_version(self) -> None:
        # a binding written for version 6 that can live with 1: the real
        # bkerr_api(6) returns NULL, bkerr_api(1) the version-5 table, whose
        # functions are all used
        with mock.patch.object(_native, "API_VERSION", 6):
            lib = bkerr.Library(library_path())
        self.assertEqual(lib.api_version, 5)
        self.assertEqual(lib._api.usable_version, 5)
        self.assertIsNotNone(lib._api.lookup_symbol)
        self.assertIsNotNone(lib._api.live_close)
        self.assertIsNotNone(lib._api.message)
        with TempIni("[catalog.cmdb]\npath = handmade.so\n") as ini:
            with bkerr.Registry(ini.path, library=lib) as reg:
                self.assertEqual(len(reg.entries("cmdb")), 6 + 5)
                self.assertEqual(reg.message(1100001, lang="en"), "English message")

    def test_entry_returning_null(self) -> None:
        fake = FakeEntry(5, returns_null=True)
        with self.assertRaises(bkerr.ApiVersionError) as cm:
            fake.library()
        self.assertEqual(fake.asked, [5, 1])  # version 5, then the oldest usable
        self.assertIn("bkerr_api(5) and bkerr_api(1) returned NULL", str(cm.exception))

    def test_table_older_than_asked(self) -> None:
        # a library that breaks bkerr_api()'s contract is not used, even when
        # the table it returns would do
        for version, provides, asked in ((0, 5, [5]), (1, 5, [5]), (2, 5, [5]),
                                         (3, 5, [5]), (4, 5, [5]), (0, 2, [5, 1]),
                                         (0, 1, [5, 1])):
            with self.subTest(version=version, provides=provides):
                fake = FakeEntry(version, provides=provides)
                with self.assertRaises(bkerr.ApiVersionError) as cm:
                    fake.library()
                self.assertIn(f"bkerr_api({asked[-1]}) returned a table of version "
                              f"{version}", str(cm.exception))
                self.assertEqual(fake.asked, asked)

    def test_table_smaller_than_its_version(self) -> None:
        for version, size in ((1, 8), (1, V1 - 8), (2, V1), (2, V2 - 8), (3, V1),
                              (3, V2), (3, V3 - 4), (4, V3), (4, V4 - 8), (5, V4),
                              (5, V5 - 8), (6, V5 - 8)):
            with self.subTest(version=version, size=size):
                with self.assertRaises(bkerr.ApiVersionError) as cm:
                    FakeEntry(version, size=size).library()
                self.assertIn(f"is {size} bytes", str(cm.exception))
                usable = min(version, 5)
                self.assertIn(f"smaller than version {usable}'s "
                              f"{_native.SIZES[usable]}", str(cm.exception))

    def test_table_with_a_missing_function(self) -> None:
        for version, name in ((1, "lookup"), (2, "lookup"), (2, "catalog_entry"),
                              (2, "live_release"), (3, "lookup"), (3, "live_close"),
                              (3, "message"), (4, "message"), (4, "lookup_variant"),
                              (4, "code_status_name"), (5, "lookup_guest"),
                              (5, "strerror"), (5, "product"),
                              (5, "lookup_symbol"), (5, "diagnostic")):
            with self.subTest(version=version, name=name):
                with self.assertRaises(bkerr.ApiVersionError) as cm:
                    FakeEntry(version, null=name).library()
                self.assertIn(f"no '{name}' function", str(cm.exception))

    def test_newer_table_is_accepted_and_used(self) -> None:
        # version 6 appends members: a version-5 binding uses the first ones
        fake = FakeEntry(6, extra=16)
        lib = fake.library()
        self.assertEqual(lib.api_version, 6)
        self.assertEqual(lib._api.usable_version, 5)
        self.assertEqual(fake.asked, [5])
        with TempIni("[catalog.cmdb]\npath = handmade.so\n") as ini:
            with bkerr.Registry(ini.path, library=lib) as reg:
                self.assertEqual(reg.lookup(1100001, lang="en").message, "English message")
                self.assertEqual(reg.message(1100001, lang="en"), "English message")
                self.assertEqual(len(reg.entries("cmdb")), 6 + 5)
                self.assertEqual([r.code for r in reg.symbol("HmBoth")], [1100001])
            with bkerr.LiveRegistry(ini.path, library=lib) as live, live.acquire() as reg:
                self.assertEqual(reg.lookup(1100001, lang="en").symbol, "HmBoth")
                self.assertEqual(reg.message(1100001, lang="en"), "English message")

    def test_version_2_table(self) -> None:
        # a library from before version 3: its bkerr_api(3) returns NULL and
        # its table ends at catalog_state_name.  Everything of versions 1
        # and 2 works; message() raises ApiVersionError
        fake = FakeEntry(2, size=V2)
        lib = fake.library()
        self.assertEqual(fake.asked, [5, 1])
        self.assertEqual(lib.api_version, 2)
        self.assertEqual(lib._api.usable_version, 2)
        for name in VERSION_2_FUNCTIONS:
            self.assertIsNotNone(getattr(lib._api, name), name)
        for name in LATER_THAN_2:
            self.assertIsNone(getattr(lib._api, name), name)
        with TempIni("[catalog.cmdb]\npath = handmade.so\n") as ini:
            with bkerr.Registry(ini.path, library=lib) as reg:
                self.assertEqual(reg.lookup(1100001, lang="en").message, "English message")
                self.assertIn("HmBoth", reg.format(1100001, lang="en"))
                self.assertEqual(len(reg.entries("cmdb")), 6 + 5)
                for code in (1100001, "1100001", -1, 3001):
                    with self.subTest(code=code):
                        with self.assertRaises(bkerr.ApiVersionError) as cm:
                            reg.message(code)
                        self.assertIn("'message' needs function table version 3",
                                      str(cm.exception))
                        self.assertIn("has version 2", str(cm.exception))
                        self.assertIsInstance(cm.exception, bkerr.LibraryError)
            with bkerr.Registry(ini.path, library=lib, load=False) as reg:
                self.assertIs(reg.status()[0].state, bkerr.CatalogState.SKIPPED)
            with bkerr.LiveRegistry(ini.path, library=lib) as live:
                with live.acquire() as reg:
                    self.assertEqual(reg.lookup(1100001, lang="en").symbol, "HmBoth")
                    with self.assertRaises(bkerr.ApiVersionError) as cm:
                        reg.message(1100001, lang="en")
                    self.assertIn("'message' needs function table version 3",
                                  str(cm.exception))
                live.reload()

    def test_version_4_table(self) -> None:
        # a library from before the read model: lookups and variants work;
        # what version 5 added raises ApiVersionError
        fake = FakeEntry(4, size=V4)
        lib = fake.library()
        self.assertEqual(fake.asked, [5, 1])
        self.assertEqual(lib._api.usable_version, 4)
        for name in VERSION_5_FUNCTIONS:
            self.assertIsNone(getattr(lib._api, name), name)
        with self.assertRaises(bkerr.ApiVersionError) as cm:
            lib.specials()
        self.assertIn("'special' needs function table version 5", str(cm.exception))
        with TempIni("[catalog.cmdb]\npath = handmade.so\n") as ini:
            with bkerr.Registry(ini.path, library=lib) as reg:
                self.assertEqual(len(reg.variants(1100001)), 1)
                for call in (lambda: reg.symbol("HmBoth"), lambda: reg.product("cmdb"),
                             lambda: reg.catalog("cmdb"), lambda: reg.ranges("cmdb")):
                    with self.assertRaises(bkerr.ApiVersionError) as cm:
                        call()
                    self.assertIn("needs function table version 5", str(cm.exception))

    def test_version_2_table_is_read_no_further_than_version_2(self) -> None:
        # a version-2 table with a bigger size: only its version's members
        # are used, not what follows catalog_state_name
        lib = FakeEntry(2, size=V3).library()
        self.assertEqual(lib._api.table_size, V3)
        self.assertEqual(lib._api.usable_version, 2)
        self.assertIsNone(lib._api.message)
        lib = FakeEntry(2, size=V3, null="message").library()  # not even looked at
        self.assertIsNone(lib._api.message)
        self.assertIsNotNone(lib._api.catalog_state_name)

    def test_version_1_table(self) -> None:
        # a library from before version 2: its bkerr_api(2) returns NULL and
        # its table ends at catalog_status.  Everything of version 1 works;
        # what version 2 added raises ApiVersionError
        fake = FakeEntry(1, size=V1)
        lib = fake.library()
        self.assertEqual(fake.asked, [5, 1])
        self.assertEqual(lib.api_version, 1)
        for name in VERSION_2_FUNCTIONS + LATER_THAN_2:
            self.assertIsNone(getattr(lib._api, name), name)
        with TempIni("[catalog.cmdb]\npath = handmade.so\n") as ini:
            with bkerr.Registry(ini.path, library=lib) as reg:
                self.assertEqual(reg.lookup(1100001, lang="en").message, "English message")
                self.assertIn("HmBoth", reg.format(1100001, lang="en"))
                self.assertEqual(reg.status()[0].n_entries, 6)
                with self.assertRaises(bkerr.ApiVersionError) as cm:
                    reg.entries("cmdb")
                self.assertIn("'catalog_entry' needs function table version 2",
                              str(cm.exception))
                self.assertIn("has version 1", str(cm.exception))
                with self.assertRaises(bkerr.ApiVersionError) as cm:
                    reg.message(1100001)
                self.assertIn("'message' needs function table version 3",
                              str(cm.exception))
                self.assertIn("has version 1", str(cm.exception))
            for kwargs in ({"load": False}, {"only": "cmdb"}):
                with self.subTest(**kwargs):
                    with self.assertRaises(bkerr.ApiVersionError) as cm:
                        bkerr.Registry(ini.path, library=lib, **kwargs)
                    self.assertIn("'open_with'", str(cm.exception))
            with self.assertRaises(bkerr.ApiVersionError) as cm:
                bkerr.LiveRegistry(ini.path, library=lib)
            self.assertIn("'live_open'", str(cm.exception))

    def test_version_1_table_is_read_no_further_than_version_1(self) -> None:
        # a version-1 table with a bigger size (as libbkerr built between the
        # addition of open_with and version 2 returned): bkerr.h lets a caller
        # use the members of the table's version only
        lib = FakeEntry(1, size=V2).library()
        self.assertEqual(lib._api.table_size, V2)
        self.assertEqual(lib._api.usable_version, 1)
        for name in VERSION_2_FUNCTIONS + LATER_THAN_2:
            self.assertIsNone(getattr(lib._api, name), name)
        lib = FakeEntry(1, size=V1, null="open_with").library()  # not even looked at
        self.assertIsNone(lib._api.open_with)

    def test_fake_tables_work(self) -> None:
        # the control: unedited copies are accepted, so the rejections above
        # come from the edits and not from the fake itself
        for version, asked in ((1, [5, 1]), (2, [5, 1]), (3, [5, 1]), (4, [5, 1]),
                               (5, [5])):
            with self.subTest(version=version):
                fake = FakeEntry(version)
                self.assertEqual(fake.library().fill("<{0}>", "v"), "<v>")
                self.assertEqual(fake.asked, asked)


class FindingTheLibraryTest(unittest.TestCase):
    def test_explicit_path_then_environment_then_loader(self) -> None:
        with mock.patch.dict(os.environ, {"BKERR_LIBRARY": "/env/libbkerr.so"}):
            self.assertEqual(_native.resolve_path("/arg/libbkerr.so"), "/arg/libbkerr.so")
            self.assertEqual(_native.resolve_path(None), "/env/libbkerr.so")
        env = {k: v for k, v in os.environ.items() if k != "BKERR_LIBRARY"}
        with mock.patch.dict(os.environ, env, clear=True):
            with mock.patch("ctypes.util.find_library", return_value="libbkerr.so.1") as f:
                self.assertEqual(_native.resolve_path(None), "libbkerr.so.1")
                f.assert_called_once_with("bkerr")
            with mock.patch("ctypes.util.find_library", return_value=None):
                self.assertEqual(_native.resolve_path(None), "libbkerr.so.1")

    def test_default_library_comes_from_the_environment(self) -> None:
        lib = bkerr.load_library()
        self.assertEqual(lib.path, library_path())
        self.assertIs(bkerr.load_library(), lib)  # loaded once

    def test_missing_library(self) -> None:
        with self.assertRaises(bkerr.LibraryError) as cm:
            bkerr.Library("/nonexistent/libbkerr.so.1")
        self.assertIn("/nonexistent/libbkerr.so.1", str(cm.exception))
        self.assertIn("BKERR_LIBRARY", str(cm.exception))
        self.assertNotIsInstance(cm.exception, bkerr.ApiVersionError)
        with TempIni("") as ini:
            with self.assertRaises(bkerr.LibraryError):
                bkerr.Registry(ini.path, library="/nonexistent/libbkerr.so.1")

    def test_library_without_the_entry_point(self) -> None:
        libc = ctypes.util.find_library("c") or "libc.so.6"
        with self.assertRaises(bkerr.LibraryError) as cm:
            bkerr.Library(libc)
        self.assertIn("no 'bkerr_api' symbol", str(cm.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2)
