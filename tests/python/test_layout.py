"""The ctypes mirrors of <bkerr/bkerr.h> match the C compiler's layout:
every struct size, every member offset, every constant and enum value."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import unittest

import support  # noqa: F401

import bkerr
from bkerr import _native

STRUCTS = {
    "bkerr_platform": _native.CPlatform,
    "bkerr_result": _native.CResult,
    "bkerr_arg": _native.CArg,
    "bkerr_catalog_status": _native.CCatalogStatus,
    "bkerr_open_options": _native.COpenOptions,
    "bkerr_spec_code": _native.CSpecCode,
    "bkerr_category_info": _native.CCategoryInfo,
    "bkerr_product": _native.CProduct,
    "bkerr_range_info": _native.CRangeInfo,
    "bkerr_diagnostic": _native.CDiagnostic,
    "bkerr_scan_hit": _native.CScanHit,
    "bkerr_capture": _native.CCapture,
    "bkerr_match": _native.CMatch,
    "bkerr_api": _native.CApi,
}

ENUMS = {
    "BKERR_LANG_": bkerr.Lang,
    "BKERR_CAT_": bkerr.Category,
    "BKERR_CLASS_": bkerr.CodeClass,
    "BKERR_CATALOG_": bkerr.CatalogState,
    "BKERR_CODE_": bkerr.CodeStatus,
    "BKERR_SEVERITY_": bkerr.Severity,
    "BKERR_SCAN_": bkerr.ScanConfidence,
}
STATUS = {"BKERR_" + s.name: s for s in bkerr.Status}
ERRORS = {"BKERR_E" + n: getattr(_native, "E" + n)
          for n in ("INVAL", "NOMEM", "CONFIG", "CATALOG", "NOPRODUCT", "NOTFOUND")}


class LayoutTest(unittest.TestCase):
    c: dict

    @classmethod
    def setUpClass(cls) -> None:
        exe = os.environ.get("BKERR_PY_LAYOUT")
        if not exe:
            raise unittest.SkipTest("BKERR_PY_LAYOUT is not set; run with meson test")
        out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
        cls.c = json.loads(out)

    def test_struct_sizes_and_offsets(self) -> None:
        for cname, cls in STRUCTS.items():
            with self.subTest(struct=cname):
                self.assertEqual(ctypes.sizeof(cls), self.c[f"{cname}.__size__"])
                names = [f[0] for f in cls._fields_]
                c_names = [k.split(".", 1)[1] for k in self.c
                           if k.startswith(cname + ".") and not k.endswith("__size__")]
                self.assertEqual(names, c_names)  # every member, in order
                for name in names:
                    self.assertEqual(getattr(cls, name).offset, self.c[f"{cname}.{name}"],
                                     f"{cname}.{name}")

    def test_header_struct_is_the_start_of_the_table(self) -> None:
        for name, _ in _native.CApiHeader._fields_:
            self.assertEqual(getattr(_native.CApiHeader, name).offset,
                             self.c[f"bkerr_api.{name}"])

    def test_each_version_appends_to_the_previous_one(self) -> None:
        # bkerr.h: version 1 ends at catalog_status; version 2 adds
        # open_with, catalog_entry, the live_* functions and
        # catalog_state_name; version 3 adds message; version 4
        # lookup_variant, code_status_name and lookup_guest; version 5 the
        # read model, from strerror to diagnostic; version 6 match, scan
        # and scan_confidence_name, ending the table
        versions = dict(_native.VERSIONS)
        self.assertEqual(sorted(versions), [1, 2, 3, 4, 5, 6])
        self.assertEqual(versions[1][-1][0], "catalog_status")
        self.assertEqual([name for name, _ in versions[2]],
                         ["open_with", "catalog_entry", "live_open", "live_acquire",
                          "live_release", "live_reload", "live_close",
                          "catalog_state_name"])
        self.assertEqual([name for name, _ in versions[3]], ["message"])
        self.assertEqual([name for name, _ in versions[4]],
                         ["lookup_variant", "code_status_name", "lookup_guest"])
        self.assertEqual([name for name, _ in versions[5]],
                         ["strerror", "lang_name", "parse_lang", "special",
                          "generic", "category", "product", "product_at",
                          "catalog_find", "catalog_range", "lookup_symbol",
                          "severity_name", "diagnostic_count", "diagnostic"])
        self.assertEqual([name for name, _ in versions[6]],
                         ["match", "scan", "scan_confidence_name"])
        names = [f[0] for f in _native.CApi._fields_]
        self.assertEqual(names[3:], [name for _, fns in _native.VERSIONS for name, _ in fns])
        self.assertEqual(_native.SIZES[1], self.c["bkerr_api.open_with"])
        self.assertEqual(_native.SIZES[2], self.c["bkerr_api.message"])
        self.assertEqual(_native.SIZES[3], self.c["bkerr_api.lookup_variant"])
        self.assertEqual(_native.SIZES[4], self.c["bkerr_api.strerror"])
        self.assertEqual(_native.SIZES[5], self.c["bkerr_api.match"])
        self.assertEqual(_native.SIZES[6], self.c["bkerr_api.__size__"])
        self.assertEqual(max(versions), bkerr.API_VERSION)  # the binding knows it all
        self.assertEqual(_native.SINCE["catalog_status"], 1)
        self.assertEqual(_native.SINCE["live_close"], 2)
        self.assertEqual(_native.SINCE["catalog_state_name"], 2)
        self.assertEqual(_native.SINCE["message"], 3)
        self.assertEqual(_native.SINCE["lookup_symbol"], 5)
        self.assertEqual(_native.SINCE["scan"], 6)

    def test_message_prototype(self) -> None:
        # const char *(*message)(const bkerr_registry *, int64_t, enum bkerr_lang):
        # the text comes back as bytes, or None for NULL
        self.assertIs(_native.MESSAGE._restype_, ctypes.c_char_p)
        self.assertEqual(_native.MESSAGE._argtypes_,
                         (_native.c_registry_p, ctypes.c_int64, _native.c_enum))
        self.assertIs(dict(_native.CApi._fields_)["message"], _native.MESSAGE)

    def test_text_prototypes(self) -> None:
        # match and scan take a pointer and a length: bytes pass as they
        # are, NULs included
        self.assertEqual(_native.MATCH._argtypes_,
                         (_native.c_registry_p, ctypes.c_char_p, ctypes.c_size_t,
                          ctypes.POINTER(_native.CMatch), ctypes.c_size_t))
        self.assertEqual(_native.SCAN._argtypes_,
                         (_native.c_registry_p, ctypes.c_char_p, ctypes.c_char_p,
                          ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t),
                          ctypes.POINTER(_native.CScanHit)))
        self.assertEqual(len(_native.CMatch().captures), _native.MATCH_CAPTURES)

    def test_enums_are_int_sized(self) -> None:
        self.assertEqual(ctypes.sizeof(_native.c_enum), self.c["sizeof.enum"])

    def test_constants(self) -> None:
        self.assertEqual(bkerr.API_VERSION, self.c["const.BKERR_API_VERSION"])
        self.assertEqual(_native.ERRMSG_SIZE, self.c["const.BKERR_ERRMSG_SIZE"])
        self.assertEqual(_native.OPEN_NO_LOAD, self.c["const.BKERR_OPEN_NO_LOAD"])
        self.assertEqual(_native.OPEN_KEEP_GOING, self.c["const.BKERR_OPEN_KEEP_GOING"])
        self.assertEqual(_native.MATCH_CAPTURES, self.c["const.BKERR_MATCH_CAPTURES"])
        self.assertEqual(_native.MATCH_TELLING_LITERAL,
                         self.c["const.BKERR_MATCH_TELLING_LITERAL"])
        self.assertEqual(_native.MATCH_TELLING_TIES,
                         self.c["const.BKERR_MATCH_TELLING_TIES"])
        for cname, value in ERRORS.items():
            self.assertEqual(value, self.c[f"const.{cname}"], cname)
        for cname, member in STATUS.items():
            self.assertEqual(int(member), self.c[f"const.{cname}"], cname)
        for prefix, cls in ENUMS.items():
            c_members = {k[len("const." + prefix):]: v for k, v in self.c.items()
                         if k.startswith("const." + prefix)}
            py_members = {m.name: int(m) for m in cls}
            self.assertEqual(py_members, c_members, prefix)

    def test_names_of_the_x_macro_tables(self) -> None:
        # each row's name (bkerr_status_name() ...) is the Python member's
        # label: the binding's names come from the same table as the C ones
        names = {k[len("name."):]: v for k, v in self.c.items() if k.startswith("name.")}
        rows = {"BKERR_" + m.name: m.label for m in bkerr.Status}
        rows.update({"BKERR_LANG_" + m.name: m.tag for m in bkerr.Lang})
        rows.update({"BKERR_CATALOG_" + m.name: m.name.lower() for m in bkerr.CatalogState})
        for prefix, cls in (("BKERR_CODE_", bkerr.CodeStatus),
                            ("BKERR_SEVERITY_", bkerr.Severity),
                            ("BKERR_SCAN_", bkerr.ScanConfidence)):
            rows.update({prefix + m.name: m.label for m in cls})
        self.assertEqual(rows, {k: v for k, v in names.items() if not k.startswith("BKERR_E")})
        self.assertEqual(sorted(k for k in names if k.startswith("BKERR_E")),
                         sorted(ERRORS))


if __name__ == "__main__":
    unittest.main(verbosity=2)
