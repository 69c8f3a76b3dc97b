"""ctypes mirrors of ``<bkerr/bkerr.h>`` and the function-table loader.

Everything here is private to the package.  The structs below copy the C
declarations of bkerr.h member for member, in order;
``tests/python/test_layout.py`` compares every size, offset and constant
with what the C compiler computes from the header.  Structs the library
fills are allocated with room to spare (see ``bkerr._out``), because
``struct bkerr_catalog_status`` has grown once already.

The library is reached through exactly one symbol, ``bkerr_api``: it
returns a versioned table of function pointers, and every call goes
through that table.  The table's members are listed below by the version
of ``struct bkerr_api`` that added them (``VERSIONS``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (
    CFUNCTYPE,
    POINTER,
    Structure,
    c_bool,
    c_char,
    c_char_p,
    c_int,
    c_int64,
    c_size_t,
    c_uint,
    c_uint32,
    c_void_p,
)
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

# The version of ``struct bkerr_api`` this binding is written against
# (BKERR_API_VERSION in bkerr.h), and the one it asks bkerr_api() for.  A
# newer table only appends members, so it is fine.
API_VERSION = 6

# The oldest table the binding still works with, asked for when the library
# has no API_VERSION table: everything but what the later versions added
# (Registry(load=False)/only=, entries() and LiveRegistry need version 2;
# Registry.message() needs version 3; Registry.variants() version 4; the
# read model (products, catalog(), ranges(), symbol(), the spec's listings,
# strerror(), parse_lang(), diagnostics()) version 5; scan() and match()
# version 6).
MIN_API_VERSION = 1

# Negative returns (BKERR_E*).
EINVAL = -1
ENOMEM = -2
ECONFIG = -3
ECATALOG = -4
ENOPRODUCT = -5
ENOTFOUND = -6

ERRMSG_SIZE = 1024  # BKERR_ERRMSG_SIZE; the binding asks for more room

# C enums are int-sized on every ABI the library is built for (their
# values are small and non-negative); they are passed and read as c_int.
c_enum = c_int

# Opaque ``bkerr_registry *`` and ``bkerr_live *``.
c_registry_p = c_void_p
c_live_p = c_void_p


class CPlatform(Structure):
    """struct bkerr_platform"""

    _fields_ = [
        ("prefix", c_int),
        ("category", c_enum),
        ("id", c_char_p),
        ("name_zh", c_char_p),
        ("name_en", c_char_p),
        ("admin", c_bool),
    ]


class CResult(Structure):
    """struct bkerr_result"""

    _fields_ = [
        ("status", c_enum),
        ("klass", c_enum),
        ("code", c_int64),
        ("platform", CPlatform),
        ("catalog", c_char_p),
        ("catalog_version", c_char_p),
        ("symbol", c_char_p),
        ("message", c_char_p),
        ("advice", c_char_p),
        ("module", c_char_p),
        ("message_lang", c_enum),
        ("advice_lang", c_enum),
        ("advice_inherited", c_bool),
        ("reason", c_char_p),
        ("code_status", c_enum),
        ("upstream", c_char_p),
        ("upstream_version", c_char_p),
        ("defined", c_char_p),
        ("raised", c_char_p),
        ("docs", c_char_p),
        ("note", c_char_p),
        ("note_lang", c_enum),
        ("variant", c_uint),
        ("n_variants", c_uint),
        ("guest", c_bool),
        ("n_guests", c_uint),
    ]


class CArg(Structure):
    """struct bkerr_arg"""

    _fields_ = [
        ("name", c_char_p),
        ("value", c_char_p),
    ]


class CCatalogStatus(Structure):
    """struct bkerr_catalog_status"""

    _fields_ = [
        ("id", c_char_p),
        ("path", c_char_p),
        ("state", c_enum),
        ("required", c_bool),
        ("reason", c_char_p),
        ("prefix", c_int),
        ("name_zh", c_char_p),
        ("name_en", c_char_p),
        ("version", c_char_p),
        ("origin", c_char_p),
        ("n_entries", c_size_t),
        ("n_ranges", c_size_t),
        ("n_legacy", c_size_t),
        ("line", c_int),
        ("upstream", c_char_p),
        ("upstream_version", c_char_p),
        ("n_variants", c_size_t),
    ]


class COpenOptions(Structure):
    """struct bkerr_open_options"""

    _fields_ = [
        ("size", c_uint32),
        ("flags", c_uint32),
        ("only", c_char_p),
    ]


OPEN_NO_LOAD = 0x1  # BKERR_OPEN_NO_LOAD
OPEN_KEEP_GOING = 0x8  # BKERR_OPEN_KEEP_GOING (version 5)


# The read model's structs (version 5) begin with their size: the binding
# sets it to its own struct's, and the library fills no more than that.
class CSpecCode(Structure):
    """struct bkerr_spec_code"""

    _fields_ = [
        ("size", c_uint32),
        ("code", c_int64),
        ("name_zh", c_char_p),
        ("name_en", c_char_p),
        ("advice_zh", c_char_p),
        ("advice_en", c_char_p),
    ]


class CCategoryInfo(Structure):
    """struct bkerr_category_info"""

    _fields_ = [
        ("size", c_uint32),
        ("category", c_enum),
        ("first", c_int),
        ("last", c_int),
        ("name_zh", c_char_p),
        ("name_en", c_char_p),
    ]


class CProduct(Structure):
    """struct bkerr_product"""

    _fields_ = [
        ("size", c_uint32),
        ("id", c_char_p),
        ("prefix", c_int),
        ("category", c_enum),
        ("name_zh", c_char_p),
        ("name_en", c_char_p),
        ("admin", c_bool),
        ("file", c_char_p),
        ("line", c_int),
        ("has_catalog", c_bool),
        ("catalog", c_size_t),
    ]


class CRangeInfo(Structure):
    """struct bkerr_range_info"""

    _fields_ = [
        ("size", c_uint32),
        ("first", c_int64),
        ("last", c_int64),
        ("module", c_char_p),
        ("advice", c_char_p),
        ("advice_lang", c_enum),
    ]


class CDiagnostic(Structure):
    """struct bkerr_diagnostic"""

    _fields_ = [
        ("size", c_uint32),
        ("severity", c_enum),
        ("file", c_char_p),
        ("line", c_int),
        ("catalog", c_char_p),
        ("message", c_char_p),
    ]


# Finding codes and messages in text (version 6).
class CScanHit(Structure):
    """struct bkerr_scan_hit"""

    _fields_ = [
        ("size", c_uint32),
        ("confidence", c_enum),
        ("code", c_int64),
        ("offset", c_size_t),
        ("length", c_size_t),
        ("key_offset", c_size_t),
        ("key_length", c_size_t),
    ]


MATCH_CAPTURES = 8  # BKERR_MATCH_CAPTURES
# BKERR_MATCH_TELLING_LITERAL, _TIES: when a match names a product on its
# own (bkerr.h), for the logging filter as for bkerr annotate
MATCH_TELLING_LITERAL = 12
MATCH_TELLING_TIES = 4


class CCapture(Structure):
    """struct bkerr_capture"""

    _fields_ = [
        ("name", c_char_p),
        ("start", c_size_t),
        ("end", c_size_t),
    ]


class CMatch(Structure):
    """struct bkerr_match"""

    _fields_ = [
        ("size", c_uint32),
        ("lang", c_enum),
        ("code", c_int64),
        ("catalog", c_size_t),
        ("entry", c_size_t),
        ("variant", c_uint),
        ("message", c_char_p),
        ("start", c_size_t),
        ("end", c_size_t),
        ("literal", c_size_t),
        ("n_captures", c_uint),
        ("captures", CCapture * MATCH_CAPTURES),
    ]


# Function pointer types of the table, in its order.  Output buffers are
# POINTER(c_char) so that a ctypes char array (or None) can be passed.
PARSE_CODE = CFUNCTYPE(c_int, c_char_p, POINTER(c_int64), POINTER(c_char_p))
CLASSIFY = CFUNCTYPE(c_enum, c_int64)
PREFIX = CFUNCTYPE(c_int, c_int64)
OPEN = CFUNCTYPE(c_int, c_char_p, POINTER(c_registry_p), POINTER(c_char), c_size_t)
CLOSE = CFUNCTYPE(None, c_registry_p)
DEFAULT_CONFIG = CFUNCTYPE(c_char_p)
CONFIG_PATH = CFUNCTYPE(c_char_p, c_registry_p)
DEFAULT_LANG = CFUNCTYPE(c_enum, c_registry_p)
LOOKUP = CFUNCTYPE(c_int, c_registry_p, c_int64, c_enum, POINTER(CResult))
LOOKUP_PRODUCT = CFUNCTYPE(
    c_int, c_registry_p, c_char_p, c_int64, c_enum, POINTER(CResult)
)
FILL = CFUNCTYPE(c_int, c_char_p, POINTER(CArg), c_size_t, POINTER(c_char), c_size_t)
FORMAT = CFUNCTYPE(
    c_int, POINTER(CResult), POINTER(CArg), c_size_t, POINTER(c_char), c_size_t
)
PLATFORM = CFUNCTYPE(c_int, c_registry_p, c_int, POINTER(CPlatform))
CATEGORY_NAME = CFUNCTYPE(c_char_p, c_enum, c_enum)
STATUS_NAME = CFUNCTYPE(c_char_p, c_enum)
CATALOG_COUNT = CFUNCTYPE(c_size_t, c_registry_p)
CATALOG_STATUS = CFUNCTYPE(c_int, c_registry_p, c_size_t, POINTER(CCatalogStatus))
OPEN_WITH = CFUNCTYPE(c_int, c_char_p, POINTER(COpenOptions), POINTER(c_registry_p),
                      POINTER(c_char), c_size_t)
CATALOG_ENTRY = CFUNCTYPE(c_int, c_registry_p, c_size_t, c_size_t, c_enum,
                          POINTER(CResult))
LIVE_OPEN = CFUNCTYPE(c_int, c_char_p, POINTER(c_live_p), POINTER(c_char), c_size_t)
LIVE_ACQUIRE = CFUNCTYPE(c_registry_p, c_live_p)
LIVE_RELEASE = CFUNCTYPE(None, c_live_p, c_registry_p)
LIVE_RELOAD = CFUNCTYPE(c_int, c_live_p, POINTER(c_char), c_size_t)
LIVE_CLOSE = CFUNCTYPE(None, c_live_p)
CATALOG_STATE_NAME = CFUNCTYPE(c_char_p, c_int)
# const char *message(const bkerr_registry *, int64_t, enum bkerr_lang): the
# text as bytes (copied by ctypes during the call), None for NULL
MESSAGE = CFUNCTYPE(c_char_p, c_registry_p, c_int64, c_enum)
LOOKUP_VARIANT = CFUNCTYPE(c_int, c_registry_p, c_char_p, c_int64, c_uint,
                           c_enum, POINTER(CResult))
CODE_STATUS_NAME = CFUNCTYPE(c_char_p, c_enum)
LOOKUP_GUEST = CFUNCTYPE(c_int, c_registry_p, c_int64, c_uint, c_enum,
                         POINTER(CResult))
STRERROR = CFUNCTYPE(c_char_p, c_int)
LANG_NAME = CFUNCTYPE(c_char_p, c_enum)
PARSE_LANG = CFUNCTYPE(c_int, c_char_p, POINTER(c_enum))
SPECIAL = CFUNCTYPE(c_int, c_size_t, POINTER(CSpecCode))
GENERIC = CFUNCTYPE(c_int, c_size_t, POINTER(CSpecCode))
CATEGORY = CFUNCTYPE(c_int, c_size_t, POINTER(CCategoryInfo))
PRODUCT = CFUNCTYPE(c_int, c_registry_p, c_char_p, POINTER(CProduct))
PRODUCT_AT = CFUNCTYPE(c_int, c_registry_p, c_int, POINTER(CProduct))
CATALOG_FIND = CFUNCTYPE(c_int, c_registry_p, c_char_p, POINTER(c_size_t))
CATALOG_RANGE = CFUNCTYPE(c_int, c_registry_p, c_size_t, c_size_t, c_enum,
                          POINTER(CRangeInfo))
LOOKUP_SYMBOL = CFUNCTYPE(c_int, c_registry_p, c_char_p, c_char_p, c_size_t,
                          c_enum, POINTER(CResult))
SEVERITY_NAME = CFUNCTYPE(c_char_p, c_enum)
DIAGNOSTIC_COUNT = CFUNCTYPE(c_size_t, c_registry_p)
DIAGNOSTIC = CFUNCTYPE(c_int, c_registry_p, c_size_t, POINTER(CDiagnostic))
# the text is a pointer and a length (not NUL-terminated): bytes pass as is
MATCH = CFUNCTYPE(c_int, c_registry_p, c_char_p, c_size_t, POINTER(CMatch), c_size_t)
SCAN = CFUNCTYPE(c_int, c_registry_p, c_char_p, c_char_p, c_size_t,
                 POINTER(c_size_t), POINTER(CScanHit))
SCAN_CONFIDENCE_NAME = CFUNCTYPE(c_char_p, c_enum)


class CApiHeader(Structure):
    """The first two members of struct bkerr_api, common to every version."""

    _fields_ = [
        ("version", c_uint32),
        ("size", c_uint32),
    ]


# The functions of each version of the table, in table order: a version
# appends its members to the previous one's.  The binding needs every
# function of the versions the library's table has (up to API_VERSION), and
# none of a later version's.
VERSIONS: List[Tuple[int, List[Tuple[str, Any]]]] = [
    (1, [
        ("parse_code", PARSE_CODE),
        ("classify", CLASSIFY),
        ("prefix", PREFIX),
        ("open", OPEN),
        ("close", CLOSE),
        ("default_config", DEFAULT_CONFIG),
        ("config_path", CONFIG_PATH),
        ("default_lang", DEFAULT_LANG),
        ("lookup", LOOKUP),
        ("lookup_product", LOOKUP_PRODUCT),
        ("fill", FILL),
        ("format", FORMAT),
        ("platform", PLATFORM),
        ("category_name", CATEGORY_NAME),
        ("status_name", STATUS_NAME),
        ("catalog_count", CATALOG_COUNT),
        ("catalog_status", CATALOG_STATUS),
    ]),
    (2, [
        ("open_with", OPEN_WITH),
        ("catalog_entry", CATALOG_ENTRY),
        ("live_open", LIVE_OPEN),
        ("live_acquire", LIVE_ACQUIRE),
        ("live_release", LIVE_RELEASE),
        ("live_reload", LIVE_RELOAD),
        ("live_close", LIVE_CLOSE),
        ("catalog_state_name", CATALOG_STATE_NAME),
    ]),
    (3, [
        ("message", MESSAGE),
    ]),
    (4, [
        ("lookup_variant", LOOKUP_VARIANT),
        ("code_status_name", CODE_STATUS_NAME),
        ("lookup_guest", LOOKUP_GUEST),
    ]),
    (5, [
        ("strerror", STRERROR),
        ("lang_name", LANG_NAME),
        ("parse_lang", PARSE_LANG),
        ("special", SPECIAL),
        ("generic", GENERIC),
        ("category", CATEGORY),
        ("product", PRODUCT),
        ("product_at", PRODUCT_AT),
        ("catalog_find", CATALOG_FIND),
        ("catalog_range", CATALOG_RANGE),
        ("lookup_symbol", LOOKUP_SYMBOL),
        ("severity_name", SEVERITY_NAME),
        ("diagnostic_count", DIAGNOSTIC_COUNT),
        ("diagnostic", DIAGNOSTIC),
    ]),
    (6, [
        ("match", MATCH),
        ("scan", SCAN),
        ("scan_confidence_name", SCAN_CONFIDENCE_NAME),
    ]),
]

# The version that added each function.
SINCE: Dict[str, int] = {name: v for v, fns in VERSIONS for name, _ in fns}


class CApi(Structure):
    """struct bkerr_api as bkerr.h declares it now (version API_VERSION)."""

    _fields_ = [
        ("version", c_uint32),
        ("size", c_uint32),
        ("library_version", c_char_p),
    ] + [f for _, fns in VERSIONS for f in fns]


def _end(name: str) -> int:
    field = getattr(CApi, name)
    return int(field.offset + field.size)


# The size of each version's table: up to the end of its last member
# (version 1 ends at catalog_status, version 2 at catalog_state_name,
# version 3 at message, version 4 at lookup_guest, version 5 at
# diagnostic, version 6 at scan_confidence_name).
SIZES: Dict[int, int] = {v: _end(fns[-1][0]) for v, fns in VERSIONS}


# const struct bkerr_api *bkerr_api(uint32_t min_version).  The result is
# taken as a plain address: the header is read before the whole table.
ENTRY = CFUNCTYPE(c_void_p, c_uint32)


class NativeError(Exception):
    """Raised by this module; __init__ turns it into the public classes."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # "load" or "version"


def resolve_path(path: Union[str, "os.PathLike[str]", None]) -> str:
    """The library to dlopen: *path*, else $BKERR_LIBRARY, else the loader's.

    ``ctypes.util.find_library('bkerr')`` gives the installed soname (it
    consults ldconfig); ``libbkerr.so.1`` lets the dynamic loader search
    LD_LIBRARY_PATH and its default directories itself.
    """
    if path is not None:
        return os.fspath(path)
    env = os.environ.get("BKERR_LIBRARY")
    if env:
        return env
    return ctypes.util.find_library("bkerr") or "libbkerr.so.1"


def dlopen(path: str) -> ctypes.CDLL:
    """dlopen()s *path* (RTLD_LOCAL) or raises NativeError("load")."""
    try:
        return ctypes.CDLL(path, mode=os.RTLD_NOW | os.RTLD_LOCAL)
    except OSError as e:
        raise NativeError(
            "load",
            f"cannot load the bkerr library {path!r}: {e}; pass its path to "
            "Registry(library=...) or set BKERR_LIBRARY",
        ) from None


def entry_point(cdll: ctypes.CDLL, path: str) -> Callable[[int], Optional[int]]:
    """The library's ``bkerr_api`` symbol, the only one the binding uses."""
    try:
        return ENTRY(("bkerr_api", cdll))
    except AttributeError:
        raise NativeError(
            "load",
            f"{path!r} has no 'bkerr_api' symbol: it is not libbkerr, or a "
            "version older than the function table",
        ) from None


class Api:
    """The checked view of a library's function table.

    Holds the callables (the GIL is released during each call) and keeps
    alive whatever the table's memory belongs to.  The functions of a
    version later than the table's are None.
    """

    parse_code: Any
    classify: Any
    prefix: Any
    open: Any
    close: Any
    default_config: Any
    config_path: Any
    default_lang: Any
    lookup: Any
    lookup_product: Any
    fill: Any
    format: Any
    platform: Any
    category_name: Any
    status_name: Any
    catalog_count: Any
    catalog_status: Any
    # version 2: None when the library's table is version 1
    open_with: Any
    catalog_entry: Any
    live_open: Any
    live_acquire: Any
    live_release: Any
    live_reload: Any
    live_close: Any
    catalog_state_name: Any
    # version 3: None when the library's table is version 1 or 2
    message: Any
    # version 4
    lookup_variant: Any
    code_status_name: Any
    lookup_guest: Any
    # version 5
    strerror: Any
    lang_name: Any
    parse_lang: Any
    special: Any
    generic: Any
    category: Any
    product: Any
    product_at: Any
    catalog_find: Any
    catalog_range: Any
    lookup_symbol: Any
    severity_name: Any
    diagnostic_count: Any
    diagnostic: Any
    # version 6
    match: Any
    scan: Any
    scan_confidence_name: Any

    def __init__(self, entry: Callable[[int], Optional[int]], path: str,
                 keepalive: Any = None) -> None:
        self.path = path
        self._keepalive = keepalive
        # read at call time: tests may change them
        want, floor = API_VERSION, min(MIN_API_VERSION, API_VERSION)
        asked = want
        addr = entry(want)
        if not addr and floor < want:
            # an older library: its table serves all but the later additions
            asked = floor
            addr = entry(floor)
        if not addr:
            raise NativeError("version", self._refused(entry, want, floor))
        header = CApiHeader.from_address(addr)
        if header.version < asked:
            raise NativeError(
                "version",
                f"{path}: bkerr_api({asked}) returned a table of version "
                f"{header.version}; this binding needs version {asked}",
            )
        # the binding uses the members of the versions both sides know
        usable = min(header.version, want, VERSIONS[-1][0])
        need = SIZES[usable]
        if header.size < need:
            raise NativeError(
                "version",
                f"{path}: the function table (version {header.version}) is "
                f"{header.size} bytes, smaller than version {usable}'s {need}",
            )
        # Read no further than the members of the usable version (the size
        # covers them): a copy of that much, zero-filled beyond, so that the
        # members of later versions read as NULL.
        table = CApi()
        ctypes.memmove(ctypes.addressof(table), addr, need)
        self.table_version: int = header.version
        self.table_size: int = header.size
        self.usable_version: int = usable
        if not table.library_version:
            raise NativeError("version", f"{path}: the function table has no "
                              "library_version")
        self.library_version: str = table.library_version.decode("utf-8", "replace")
        for version, functions in VERSIONS:
            for name, _ in functions:
                fn = getattr(table, name) if version <= usable else None
                if version <= usable and not fn:
                    raise NativeError(
                        "version",
                        f"{path}: the function table (version {header.version}) "
                        f"has no '{name}' function",
                    )
                setattr(self, name, fn)
        self._table = table

    def _refused(self, entry: Callable[[int], Optional[int]], want: int,
                 floor: int) -> str:
        """The message for a library that has no table this binding can use."""
        have = ""
        if floor != 1:
            try:
                oldest = entry(1)
            except Exception:  # pragma: no cover - defensive
                oldest = None
            if oldest:
                have = f", it has version {CApiHeader.from_address(oldest).version}"
        if floor < want:
            return (f"{self.path}: bkerr_api({want}) and bkerr_api({floor}) "
                    f"returned NULL: the library provides neither function "
                    f"table version {want} nor version {floor}{have}; this "
                    f"binding needs version {floor} (version {want} for "
                    "everything)")
        return (f"{self.path}: bkerr_api({want}) returned NULL: the library "
                f"does not provide function table version {want}{have}; this "
                f"binding needs version {want}")

    def need(self, name: str) -> Any:
        """The function *name*, or NativeError("version") if the table is
        older than the version that added it."""
        fn = getattr(self, name)
        if fn is None:
            raise NativeError(
                "version",
                f"{self.path}: '{name}' needs function table version "
                f"{SINCE[name]}; the library (libbkerr {self.library_version}) "
                f"has version {self.table_version}, so it has no '{name}'",
            )
        return fn
