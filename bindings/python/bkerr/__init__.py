"""bkerr: the BlueKing error-code registry, from Python.

A thin binding of ``libbkerr.so`` written with nothing but :mod:`ctypes`:
no compiler at install time, nothing downloaded.  It resolves one symbol,
``bkerr_api``, checks the version of the function table it returns, and
makes every call through that table.

>>> import bkerr
>>> with bkerr.Registry() as reg:              # bkerr.ini: $BKERR_CONFIG, else installed
...     r = reg.lookup(1199006, lang="en")
...     r.status, r.symbol, r.message, r.advice
>>> print(bkerr.explain(1199006))             # a one-liner

Finding the library: the ``library`` argument (a path), else
``$BKERR_LIBRARY``, else ``ctypes.util.find_library("bkerr")``, else
``libbkerr.so.1`` through the dynamic loader's search path.

Threads: one :class:`Registry` may be shared by any number of threads.
The C registry never changes after it is opened, so lookups, formatting
and listings run in parallel (ctypes releases the GIL during each call).
:meth:`Registry.close` waits for the calls in progress to return, and any
call after it (or racing it) raises :class:`ClosedError` instead of
touching freed memory.  Every string is copied into Python (decoded from
UTF-8) before the call returns, so results stay valid after ``close()``.

Hot reload: a long-running service keeps a :class:`LiveRegistry`, looks
codes up in ``with live.acquire() as reg:`` blocks from any thread, and
calls ``live.reload()`` when bkerr.ini changes.
"""

from __future__ import annotations

import atexit
import ctypes
import enum
import operator
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import (
    Any,
    Callable,
    ContextManager,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    Union,
)

from . import _native
from ._version import __version__  # bkerr's, whose source is meson.build

__all__ = [
    "API_VERSION",
    "ApiVersionError",
    "BkerrError",
    "Capture",
    "CatalogError",
    "CatalogState",
    "CatalogStatus",
    "Category",
    "CategoryInfo",
    "ClosedError",
    "CodeClass",
    "CodeStatus",
    "ConfigError",
    "Diagnostic",
    "Lang",
    "Library",
    "LibraryError",
    "LiveRegistry",
    "LiveView",
    "Match",
    "OpenError",
    "Platform",
    "Product",
    "Range",
    "Registry",
    "Result",
    "ScanConfidence",
    "ScanHit",
    "Severity",
    "SpecCode",
    "Status",
    "UnknownProductError",
    "__version__",
    "explain",
    "load_library",
]


#: The function-table version this binding asks ``bkerr_api()`` for.  An
#: older library still serves everything but what later versions added,
#: which raises :class:`ApiVersionError` with it: with version 5,
#: :meth:`Registry.scan` and :meth:`Registry.match`; with version 4, also
#: ``keep_going=True``, :meth:`Registry.diagnostics` and the read
#: model (:meth:`Registry.product`, :meth:`Registry.catalog`,
#: :meth:`Registry.ranges`, :meth:`Registry.symbol`, :meth:`Library.specials`
#: ...); with version 3, also :meth:`Registry.variants`; with version 2,
#: :meth:`Registry.message`; with version 1, also
#: ``Registry(load=False)``/``only=``, :meth:`Registry.entries` and
#: :class:`LiveRegistry`.
API_VERSION = _native.API_VERSION

PathArg = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


# ---- errors -----------------------------------------------------------------


class BkerrError(Exception):
    """Base class of every error this package raises.

    ``code`` is the library's negative ``BKERR_E*`` return when there was
    one (``-3`` for a bad bkerr.ini, ...), else ``None``.
    """

    def __init__(self, message: str, code: Optional[int] = None) -> None:
        super().__init__(message)
        self.code = code


class LibraryError(BkerrError):
    """libbkerr.so cannot be loaded, or it is not libbkerr."""


class ApiVersionError(LibraryError):
    """The library's function table is not a version this binding can use."""


class OpenError(BkerrError):
    """``bkerr_open()`` failed; the message is the core's ("file:line: ...")."""


class ConfigError(OpenError):
    """bkerr.ini is unreadable or invalid (``BKERR_ECONFIG``)."""


class CatalogError(OpenError):
    """A required catalog was rejected (``BKERR_ECATALOG``)."""


class ClosedError(BkerrError, ValueError):
    """The registry was closed (like I/O on a closed file, a ValueError)."""


class UnknownProductError(BkerrError, LookupError):
    """No platform (spec or ``[platform.NN]``) has the product id given."""


_OPEN_ERRORS = {_native.ECONFIG: ConfigError, _native.ECATALOG: CatalogError}


def _open_error(err: Any, rc: int, call: str) -> OpenError:
    """The exception for an open (or reload) that returned *rc*, with the
    core's message from the buffer *err*."""
    message = err.value.decode("utf-8", "replace") or f"{call}() failed ({rc})"
    return _OPEN_ERRORS.get(rc, OpenError)(message, rc)


# ---- enums ------------------------------------------------------------------


class Status(enum.IntEnum):
    """``enum bkerr_status``: how a lookup ended."""

    FOUND = 0           #: an entry answered (a catalog's or a special code's)
    GENERIC = 1         #: no product entry; the spec's generic table answered
    NO_CATALOG = 2      #: prefix assigned, but no catalog for it is loaded
    NOT_IN_CATALOG = 3  #: the prefix's catalog is loaded and lacks the code
    UNASSIGNED = 4      #: the prefix is an unassigned slot
    INVALID = 5         #: not a code this lookup can resolve (see ``reason``)
    GUEST = 6           #: the prefix owner has no entry; another product's
                        #: catalog (``catalog``) uses the code

    @property
    def label(self) -> str:
        """The core's name: ``"found"``, ``"not_in_catalog"``, ..."""
        return self.name.lower()


class Lang(enum.IntEnum):
    """``enum bkerr_lang``."""

    DEFAULT = 0  #: the registry's default (``[registry] lang``, then zh_CN)
    ZH_CN = 1
    EN = 2

    @property
    def tag(self) -> str:
        """``"zh_CN"``, ``"en"`` (``"default"`` for DEFAULT)."""
        return {0: "default", 1: "zh_CN", 2: "en"}[int(self)]

    @classmethod
    def parse(cls, lang: Union["Lang", str, int, None]) -> "Lang":
        """A Lang from a Lang, an int, None (DEFAULT) or a language tag.

        Tags are read loosely so that Django's ``get_language()`` works:
        ``zh_CN``, ``zh-hans``, ``zh`` give ZH_CN; ``en``, ``en-us`` give EN.
        """
        if lang is None:
            return cls.DEFAULT
        if isinstance(lang, cls):
            return lang
        if isinstance(lang, str):
            tag = lang.strip().lower().replace("-", "_")
            if tag == "default":
                return cls.DEFAULT
            if tag == "zh" or tag.startswith("zh_"):
                return cls.ZH_CN
            if tag == "en" or tag.startswith("en_"):
                return cls.EN
            raise ValueError(f"unknown language {lang!r}: use 'zh_CN' or 'en'")
        if isinstance(lang, int) and not isinstance(lang, bool):
            return cls(lang)
        raise TypeError(f"lang must be a Lang, a str or None, not {type(lang).__name__}")


class Category(enum.IntEnum):
    """``enum bkerr_category``: the spec's categories, by prefix."""

    NONE = 0         #: not a standard code
    SPECIAL = 1      #: -1 系统繁忙, 0 请求成功
    PLATFORM = 2     #: 平台类 10-29
    SAAS = 3         #: SaaS 后台 30-49
    PUBLIC = 4       #: 公共服务 50-79
    THIRD_PARTY = 5  #: 第三方 SaaS 80-98
    COMMON = 6       #: 蓝鲸体系通用服务 99


class CodeClass(enum.IntEnum):
    """``enum bkerr_class``: the shape of an integer."""

    SPECIAL = 0      #: -1 or 0
    STANDARD = 1     #: 7 digits: 1000000-9999999
    NONSTANDARD = 2  #: any other width, or negative but -1


class CatalogState(enum.IntEnum):
    """``enum bkerr_catalog_state``."""

    LOADED = 0
    DISABLED = 1  #: ``enabled = false`` in bkerr.ini
    REJECTED = 2  #: failed to load or validate; see ``reason``
    SKIPPED = 3   #: enabled, but left out by this open (``only=``, ``load=False``)
    LAZY = 4      #: ``load = lazy``: loads at the first lookup of its prefix


class CodeStatus(enum.IntEnum):
    """``enum bkerr_code_status``: what upstream does with a code."""

    UNSTATED = 0    #: the catalog does not say
    ACTIVE = 1      #: raised at the upstream commit the catalog read
    UNUSED = 2      #: defined there, but nothing raises it
    DEPRECATED = 3  #: upstream marks it deprecated
    REMOVED = 4     #: gone upstream; kept for older versions

    @property
    def label(self) -> str:
        """The core's name: ``"active"``, ``"unused"``, ..."""
        return self.name.lower()


class Severity(enum.IntEnum):
    """``enum bkerr_severity``: how bad a problem of an open is."""

    ERROR = 0    #: fails the open, unless ``keep_going=True``
    WARNING = 1  #: a catalog that is not required was rejected; a doubtful setting
    NOTE = 2

    @property
    def label(self) -> str:
        """The core's name: ``"error"``, ``"warning"``, ``"note"``."""
        return self.name.lower()


class ScanConfidence(enum.IntEnum):
    """``enum bkerr_scan_confidence``: why :meth:`Registry.scan` took a
    number for a code.  Higher is surer."""

    BARE = 0       #: a code a catalog knows, no key or bracket around it
    BRACKETED = 1  #: a known code alone in brackets: ``[1306000]``, ``（1244006）``
    KEYED = 2      #: after a code key: ``"code": 1199006``, ``错误码：1199006``

    @property
    def label(self) -> str:
        """The core's name: ``"bare"``, ``"bracketed"``, ``"keyed"``."""
        return self.name.lower()


def _enum(cls: Any, value: int) -> Any:
    try:
        return cls(value)
    except ValueError:  # a newer library's value: keep the number
        return value


# ---- results ----------------------------------------------------------------


def _text(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else raw.decode("utf-8", "replace")


def _path(raw: Optional[bytes]) -> Optional[str]:
    return None if raw is None else os.fsdecode(raw)


@dataclass(frozen=True)
class Platform:
    """A row of the allocation table (``struct bkerr_platform``)."""

    prefix: int                #: 10-99; 0 for a special or invalid code
    category: Category
    id: Optional[str]          #: ``"cmdb"``; None for an unassigned slot
    name_zh: Optional[str]     #: ``"配置平台"``; None when the spec gives none
    name_en: Optional[str]
    admin: bool                #: allocated by a ``[platform.NN]`` section

    def name(self, lang: Union[Lang, str, None] = None) -> Optional[str]:
        """The name in *lang* (default zh_CN), else in the other language."""
        en = Lang.parse(lang) == Lang.EN
        first, second = (self.name_en, self.name_zh) if en else (self.name_zh, self.name_en)
        return first if first is not None else second

    @classmethod
    def _from_c(cls, p: _native.CPlatform) -> "Platform":
        return cls(
            prefix=p.prefix,
            category=_enum(Category, p.category),
            id=_text(p.id),
            name_zh=_text(p.name_zh),
            name_en=_text(p.name_en),
            admin=bool(p.admin),
        )


@dataclass(frozen=True)
class Result:
    """What a lookup found (``struct bkerr_result``), copied into Python."""

    code: int
    status: Status
    code_class: CodeClass
    platform: Platform
    catalog: Optional[str]          #: id of the catalog owning the prefix, if loaded
    catalog_version: Optional[str]
    symbol: Optional[str]           #: None unless a catalog entry answered
    message: Optional[str]          #: a template: fill it with Registry.fill()
    advice: Optional[str]           #: the entry's, else its range's / generic row's
    module: Optional[str]           #: the range (module) the code falls in
    message_lang: Lang              #: language of message, after fallback
    advice_lang: Lang               #: language of advice, after fallback
    advice_inherited: bool          #: advice came from the range, not the entry
    reason: Optional[str]           #: for INVALID: why, in English
    code_status: CodeStatus = CodeStatus.UNSTATED  #: what upstream does with it
    upstream: Optional[str] = None  #: "owner/repo@commit" the sites refer to
    upstream_version: Optional[str] = None  #: the upstream version read
    defined: Optional[str] = None   #: SITE where upstream defines the code
    raised: Tuple[str, ...] = ()    #: SITEs where upstream raises it
    docs: Optional[str] = None      #: upstream documentation URL
    note: Optional[str] = None      #: a remark for the reader
    variant: int = 0                #: which definition: 0 the primary
    n_variants: int = 0             #: definitions of the code (0: no entry)
    guest: bool = False             #: another product's entry, not the owner's
    n_guests: int = 0               #: other products' catalogs that use the code

    @property
    def resolved(self) -> bool:
        """True when something answered: FOUND or GENERIC."""
        return self.status in (Status.FOUND, Status.GENERIC)

    @classmethod
    def _from_c(cls, r: _native.CResult) -> "Result":
        return cls(
            code=r.code,
            status=_enum(Status, r.status),
            code_class=_enum(CodeClass, r.klass),
            platform=Platform._from_c(r.platform),
            catalog=_text(r.catalog),
            catalog_version=_text(r.catalog_version),
            symbol=_text(r.symbol),
            message=_text(r.message),
            advice=_text(r.advice),
            module=_text(r.module),
            message_lang=_enum(Lang, r.message_lang),
            advice_lang=_enum(Lang, r.advice_lang),
            advice_inherited=bool(r.advice_inherited),
            reason=_text(r.reason),
            code_status=_enum(CodeStatus, r.code_status),
            upstream=_text(r.upstream),
            upstream_version=_text(r.upstream_version),
            defined=_text(r.defined),
            raised=tuple((_text(r.raised) or "").split()),
            docs=_text(r.docs),
            note=_text(r.note),
            variant=int(r.variant),
            n_variants=int(r.n_variants),
            guest=bool(r.guest),
            n_guests=int(r.n_guests),
        )


@dataclass(frozen=True)
class CatalogStatus:
    """One ``[catalog.<id>]`` section and what became of it."""

    id: str
    path: Optional[str]        #: the resolved plugin path
    state: CatalogState
    required: bool
    reason: Optional[str]      #: REJECTED: why, with the fix
    prefix: int                #: LOADED: the catalog's prefix; else 0
    name_zh: Optional[str]
    name_en: Optional[str]
    version: Optional[str]
    origin: Optional[str]
    n_entries: int
    n_ranges: int
    n_legacy: int
    line: int                  #: the line of its ``[catalog.<id>]`` section
    upstream: Optional[str] = None  #: "owner/repo@commit" its sites refer to
    upstream_version: Optional[str] = None  #: the upstream version it describes
    n_variants: int = 0        #: other definitions of its codes

    @classmethod
    def _from_c(cls, s: _native.CCatalogStatus) -> "CatalogStatus":
        return cls(
            id=_text(s.id) or "",
            path=_path(s.path),
            state=_enum(CatalogState, s.state),
            required=bool(s.required),
            reason=_text(s.reason),
            prefix=s.prefix,
            name_zh=_text(s.name_zh),
            name_en=_text(s.name_en),
            version=_text(s.version),
            origin=_text(s.origin),
            n_entries=s.n_entries,
            n_ranges=s.n_ranges,
            n_legacy=s.n_legacy,
            line=s.line,
            upstream=_text(s.upstream),
            upstream_version=_text(s.upstream_version),
            n_variants=s.n_variants,
        )


@dataclass(frozen=True)
class SpecCode:
    """A row of the spec's own tables (``struct bkerr_spec_code``): a special
    code (-1, 0) or a generic 5-digit error ID, which answers for any
    product's code ending in it."""

    code: int                  #: -1 or 0; or the 5-digit ID
    name_zh: Optional[str]
    name_en: Optional[str]
    advice_zh: Optional[str]   #: None when the spec gives none
    advice_en: Optional[str]

    @classmethod
    def _from_c(cls, c: _native.CSpecCode) -> "SpecCode":
        return cls(code=c.code, name_zh=_text(c.name_zh), name_en=_text(c.name_en),
                   advice_zh=_text(c.advice_zh), advice_en=_text(c.advice_en))


@dataclass(frozen=True)
class CategoryInfo:
    """A category of the spec and its prefixes (``struct bkerr_category_info``)."""

    category: Category
    first: int                 #: its first prefix (0 for the special codes)
    last: int
    name_zh: str
    name_en: str

    @classmethod
    def _from_c(cls, c: _native.CCategoryInfo) -> "CategoryInfo":
        return cls(category=_enum(Category, c.category), first=c.first, last=c.last,
                   name_zh=_text(c.name_zh) or "", name_en=_text(c.name_en) or "")


@dataclass(frozen=True)
class Product:
    """A product (``struct bkerr_product``): a prefix allocated to an id, by
    the spec or a ``[platform.NN]`` section, or the id of a catalog that no
    allocation has."""

    id: str
    prefix: int                #: 10-99; 0 for a catalog without one
    category: Category
    name_zh: Optional[str]     #: its one display name, as lookups give it
    name_en: Optional[str]
    admin: bool                #: allocated by a ``[platform.NN]`` section
    file: Optional[str]        #: that section's bkerr.ini; None for the spec's rows
    line: int                  #: that section's line; 0 for the spec's rows
    catalog: Optional[int]     #: index of its ``[catalog.<id>]`` (:meth:`Registry.status`)

    def name(self, lang: Union[Lang, str, None] = None) -> Optional[str]:
        """The name in *lang* (default zh_CN), else in the other language."""
        en = Lang.parse(lang) == Lang.EN
        first, second = (self.name_en, self.name_zh) if en else (self.name_zh, self.name_en)
        return first if first is not None else second

    @classmethod
    def _from_c(cls, p: _native.CProduct) -> "Product":
        return cls(id=_text(p.id) or "", prefix=p.prefix,
                   category=_enum(Category, p.category), name_zh=_text(p.name_zh),
                   name_en=_text(p.name_en), admin=bool(p.admin), file=_path(p.file),
                   line=p.line, catalog=int(p.catalog) if p.has_catalog else None)


@dataclass(frozen=True)
class Range:
    """A range of a catalog (``struct bkerr_range_info``): a module of its
    codes, with the advice that answers for a code of it without its own."""

    first: int
    last: int
    module: Optional[str]      #: None if the catalog names none
    advice: Optional[str]      #: in advice_lang; None if none
    advice_lang: Lang

    @classmethod
    def _from_c(cls, r: _native.CRangeInfo) -> "Range":
        return cls(first=r.first, last=r.last, module=_text(r.module),
                   advice=_text(r.advice), advice_lang=_enum(Lang, r.advice_lang))


@dataclass(frozen=True)
class Diagnostic:
    """One problem the open met (``struct bkerr_diagnostic``), at
    ``file:line`` (line 0: the whole file).  ``str()`` gives
    ``"file:line: message"``, the text a failing open reports."""

    severity: Severity
    file: Optional[str]        #: the bkerr.ini
    line: int                  #: of the key or section; a catalog's: its section's
    catalog: Optional[str]     #: the catalog's id, or None
    message: str               #: what is wrong and what to do, in English

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    @classmethod
    def _from_c(cls, d: _native.CDiagnostic) -> "Diagnostic":
        return cls(severity=_enum(Severity, d.severity), file=_path(d.file),
                   line=d.line, catalog=_text(d.catalog), message=_text(d.message) or "")


# Offsets.  The library reads text as UTF-8 bytes and answers in byte
# offsets; a Python caller who passed a str indexes it by characters.
_CONTINUATION = bytes(range(0x80, 0xC0))  # UTF-8 bytes that start no character


class _Text:
    """A text as the library reads it (``raw``, UTF-8), and the way back
    from its byte offsets to the caller's indices: characters of a str,
    bytes of bytes."""

    def __init__(self, text: Union[str, bytes, bytearray, memoryview]) -> None:
        if isinstance(text, str):
            # surrogatepass: a str from os.fsdecode() or a lenient decoder
            # may hold lone surrogates; each stays one character here
            self.raw = text.encode("utf-8", "surrogatepass")
            self.str: Optional[str] = text
            self._same = len(self.raw) == len(text)  # ASCII: bytes are characters
        elif isinstance(text, (bytes, bytearray, memoryview)):
            self.raw = bytes(text)
            self.str = None
            self._same = True
        else:
            raise TypeError(f"text must be a str or bytes, not {type(text).__name__}")
        self._at = (0, 0)  # (byte offset, index) of the last conversion

    def index(self, offset: int) -> int:
        """The caller's index of byte *offset*: the characters that start
        before it (so an offset inside a character counts that character
        in).  Cheap for rising offsets, as the library reports them."""
        if self._same:
            return offset
        at, index = self._at if offset >= self._at[0] else (0, 0)
        index += len(self.raw[at:offset].translate(None, _CONTINUATION))
        self._at = (offset, index)
        return index

    def span(self, start: int, end: int) -> Tuple[int, int, str]:
        """The caller's indices of two byte offsets, and the text between."""
        i, j = self.index(start), self.index(end)
        if self.str is not None:
            return i, j, self.str[i:j]
        return i, j, self.raw[start:end].decode("utf-8", "replace")


@dataclass(frozen=True)
class ScanHit:
    """A code :meth:`Registry.scan` found (``struct bkerr_scan_hit``).

    ``text[start:end]`` is the code as written (its ``-`` too, for -1);
    offsets are indices of the text passed: characters of a str, bytes of
    bytes.
    """

    code: int
    confidence: ScanConfidence
    start: int
    end: int
    key: Optional[str] = None       #: KEYED: the key as written ("code", "错误码")
    key_start: Optional[int] = None  #: KEYED: ``text[key_start:key_end]`` is key
    key_end: Optional[int] = None

    @property
    def span(self) -> Tuple[int, int]:
        """``(start, end)``, as :meth:`re.Match.span` gives it."""
        return self.start, self.end

    @classmethod
    def _from_c(cls, h: _native.CScanHit, text: _Text) -> "ScanHit":
        key = key_start = key_end = None
        if h.key_length:  # before the code: offsets rise, as _Text likes them
            key_start, key_end, key = text.span(h.key_offset, h.key_offset + h.key_length)
        start, end, _ = text.span(h.offset, h.offset + h.length)
        return cls(code=h.code, confidence=_enum(ScanConfidence, h.confidence),
                   start=start, end=end, key=key, key_start=key_start, key_end=key_end)


@dataclass(frozen=True)
class Capture:
    """One placeholder of a matched template and the value it took."""

    name: str                  #: "subscription_id"; "0" for ``{0}``
    value: str                 #: ``text[start:end]``
    start: int
    end: int


@dataclass(frozen=True)
class Match:
    """A catalog message :meth:`Registry.match` found in a text
    (``struct bkerr_match``): the template, and what its placeholders took.

    Offsets are indices of the text passed, as in :class:`ScanHit`.
    ``text[start:end]`` is the template with its placeholders filled
    (``{{``/``}}`` as single braces).  :meth:`Registry.entry` gives the
    catalog entry (symbol, advice ...), :meth:`Registry.filled` its message
    filled with the captures, in any language.
    """

    code: int
    catalog: str               #: the catalog's id ("bk_nodeman")
    entry: int                 #: its index in the catalog (:meth:`Registry.entries`)
    variant: int               #: 0: the entry's own message; k: its k-th variant
    lang: Lang                 #: the language of the template matched
    message: str               #: the template, as the catalog has it
    start: int
    end: int
    literal: int               #: bytes of literal text matched: the rank
    #: each placeholder's value by name (the first, if a name repeats)
    captures: Mapping[str, str] = field(default_factory=dict, hash=False)
    #: the placeholders in template order, with where their values are
    #: (the first BKERR_MATCH_CAPTURES, 8, of them)
    spans: Tuple[Capture, ...] = ()
    n_placeholders: int = 0    #: the template's placeholders (may exceed len(spans))

    @property
    def span(self) -> Tuple[int, int]:
        return self.start, self.end

    @classmethod
    def _from_c(cls, m: _native.CMatch, text: _Text, catalog: str) -> "Match":
        start = text.index(m.start)  # then the captures, then end: rising
        spans = []
        captures: dict = {}
        for c in m.captures[:min(m.n_captures, _native.MATCH_CAPTURES)]:
            i, j, value = text.span(c.start, c.end)
            spans.append(Capture(name=_text(c.name) or "", value=value, start=i, end=j))
            captures.setdefault(spans[-1].name, value)
        end = text.index(m.end)
        return cls(code=m.code, catalog=catalog, entry=int(m.entry),
                   variant=int(m.variant), lang=_enum(Lang, m.lang),
                   message=_text(m.message) or "", start=start, end=end,
                   literal=int(m.literal), captures=captures, spans=tuple(spans),
                   n_placeholders=int(m.n_captures))


def _sized(cls: Any) -> Any:
    """A zeroed sized struct of the read model, its size set to the mirror's:
    the library fills no more than that."""
    out = _out(cls)
    out.size = ctypes.sizeof(cls)
    return out


def _out(cls: Any) -> Any:
    """A zeroed *cls* for the library to fill, with room to spare after it.

    The library writes whole structs into memory the caller provides, and
    bkerr.h has grown one (``struct bkerr_catalog_status`` gained ``line``)
    without a version number the caller could check.  The spare bytes keep
    a library whose struct is bigger than this binding's mirror from
    writing past the end of the buffer.
    """
    buf = ctypes.create_string_buffer(ctypes.sizeof(cls) + _SLACK)
    return cls.from_buffer(buf)


_SLACK = 256


# ---- arguments --------------------------------------------------------------


def _cstr(value: Any, what: str) -> bytes:
    if isinstance(value, bytes):
        raw = value
    else:
        raw = (value if isinstance(value, str) else str(value)).encode("utf-8")
    if b"\0" in raw:
        raise ValueError(f"{what} contains a NUL character")
    return raw


def _args(args: Sequence[Any], named: Mapping[str, Any]) -> Tuple[Any, int]:
    """A ``struct bkerr_arg`` array: positional values, then named ones.

    A value of None leaves its placeholder as it is; anything else is
    str()'d (bytes are taken as UTF-8).
    """
    n = len(args) + len(named)
    if n == 0:
        return None, 0
    array = (_native.CArg * n)()  # the array keeps its bytes alive
    for i, value in enumerate(args):
        array[i].name = None
        array[i].value = None if value is None else _cstr(value, f"argument {i}")
    for i, (name, value) in enumerate(named.items(), start=len(args)):
        array[i].name = _cstr(name, "placeholder name")
        array[i].value = None if value is None else _cstr(value, f"argument {name!r}")
    return array, n


def _render(call: Any, *head: Any) -> str:
    """Runs a bkerr_fill()-style call (snprintf contract) into a big enough buffer."""
    size = 512
    for _ in range(3):
        buf = ctypes.create_string_buffer(size)
        n = call(*head, buf, size)
        if n < 0:
            raise BkerrError("the library refused to render (bad argument or "
                             "a rendering over INT_MAX bytes)", n)
        if n < size:
            return buf.value.decode("utf-8", "replace")
        size = n + 1
    raise BkerrError("the rendering kept growing")  # pragma: no cover


def _code(code: Union[int, str], lib: "Library") -> int:
    """An int64 code from an int or a decimal string (the core parses it)."""
    if isinstance(code, str):
        return lib.parse_code(code)
    if isinstance(code, bool):
        raise TypeError("a code must be an int or a str, not bool")
    try:
        value = operator.index(code)
    except TypeError:
        raise TypeError(f"a code must be an int or a str, not {type(code).__name__}") from None
    if not _INT64_MIN <= value <= _INT64_MAX:
        raise ValueError(f"code {value} is out of the 64-bit range")
    return value


# ---- the library ------------------------------------------------------------


class Library:
    """A loaded libbkerr.so, reached through its checked function table.

    ``Library(path)`` finds the library (see the module docstring), resolves
    ``bkerr_api``, asks it for table version :data:`API_VERSION` (and, if
    it has none, for version 1, which an older library answers with the
    newest table it has) and checks the table it gets: its version,
    its size, and that every function of its version is there.  Raises
    :class:`LibraryError` or :class:`ApiVersionError`.
    Most programs never build one: :class:`Registry` and :func:`explain`
    use :func:`load_library`.  Thread-safe; nothing here needs closing.
    """

    def __init__(self, path: Optional[PathArg] = None) -> None:
        try:
            where = _native.resolve_path(os.fsdecode(path) if path is not None else None)
            cdll = _native.dlopen(where)
            api = _native.Api(_native.entry_point(cdll, where), where, keepalive=cdll)
        except _native.NativeError as e:
            raise (ApiVersionError if e.kind == "version" else LibraryError)(str(e)) from None
        self._api = api

    @classmethod
    def _from_entry(cls, entry: Any, path: str, keepalive: Any = None) -> "Library":
        """A Library over any ``bkerr_api``-like entry point (for tests)."""
        self = cls.__new__(cls)
        try:
            self._api = _native.Api(entry, path, keepalive)
        except _native.NativeError as e:
            raise (ApiVersionError if e.kind == "version" else LibraryError)(str(e)) from None
        return self

    @property
    def path(self) -> str:
        """What was dlopen()ed."""
        return self._api.path

    @property
    def version(self) -> str:
        """The library's version (``BKERR_VERSION``), from the table."""
        return self._api.library_version

    @property
    def api_version(self) -> int:
        """The version of the table the library returned.

        :data:`API_VERSION` or later, or an older version (1 to 5) for a
        library that predates it.
        """
        return self._api.table_version

    def _need(self, name: str) -> Any:
        """The table's function *name*, or ApiVersionError if it is too old."""
        try:
            return self._api.need(name)
        except _native.NativeError as e:
            raise ApiVersionError(str(e)) from None

    def __repr__(self) -> str:
        return f"<bkerr.Library {self.path!r} {self.version} api {self.api_version}>"

    def open(self, config: Optional[PathArg] = None) -> "Registry":
        """Opens a :class:`Registry` with this library."""
        return Registry(config, library=self)

    def parse_code(self, text: str) -> int:
        """Parses a decimal code like the core (``" -1 "``, ``"1104600"``).

        Raises ValueError with the core's reason.
        """
        raw = _cstr(text, "code")
        out = ctypes.c_int64()
        reason = ctypes.c_char_p()
        if self._api.parse_code(raw, ctypes.byref(out), ctypes.byref(reason)) != 0:
            why = _text(reason.value) or "not a code"
            raise ValueError(f"{text!r}: {why}")
        return out.value

    def classify(self, code: int) -> CodeClass:
        """The class of any integer."""
        return _enum(CodeClass, self._api.classify(_code(code, self)))

    def prefix(self, code: int) -> int:
        """The prefix (10-99) of a standard code; 0 for any other class."""
        return int(self._api.prefix(_code(code, self)))

    def default_config(self) -> str:
        """The bkerr.ini ``Registry()`` would open now."""
        return _path(self._api.default_config()) or ""

    def category_name(self, category: Union[Category, int],
                      lang: Union[Lang, str, None] = None) -> str:
        """``"平台类"`` / ``"platform"``."""
        return _text(self._api.category_name(int(category), int(Lang.parse(lang)))) or ""

    def status_name(self, status: Union[Status, int]) -> str:
        """The core's name of a status (``"found"``, ``"generic"``, ...)."""
        return _text(self._api.status_name(int(status))) or ""

    def fill(self, template: str, /, *args: Any, **named: Any) -> str:
        """Fills ``{0}``, ``{name}`` placeholders with the core's ``bkerr_fill()``.

        ``{{``/``}}`` are braces; a placeholder without a value stays as it
        is; values are never expanded again and text is never a printf
        format.
        """
        tmpl = _cstr(template, "template")
        array, n = _args(args, named)
        return _render(self._api.fill, tmpl, array, n)

    # -- the spec's tables and the library's words (function table version 5) --

    def strerror(self, code: int) -> str:
        """The sentence of one of the library's errors (``BKERR_E*``, the
        ``code`` of a :class:`BkerrError`): ``"out of memory"`` ...;
        ``"unknown error"`` for any other number."""
        return _text(self._need("strerror")(int(code))) or ""

    def parse_lang(self, text: str) -> Lang:
        """Reads a language as people and locales write it, as the core
        does: ``"zh"``, ``"zh_CN.UTF-8"``, ``"en_US"``, ``"default"`` ...
        ValueError for a language bkerr has no text in (and ``"C"``)."""
        out = _native.c_enum()
        if self._need("parse_lang")(_cstr(text, "language"), ctypes.byref(out)) != 0:
            raise ValueError(f"{text!r} is not a language bkerr has text in: use "
                             "zh_CN or en")
        return _enum(Lang, out.value)

    def _rows(self, name: str, cls: Any, c_cls: Any) -> List[Any]:
        """Every row of a spec listing (table function *name*), in order."""
        fn = self._need(name)
        out = _sized(c_cls)
        rows = []
        while True:
            rc = fn(len(rows), ctypes.byref(out))
            if rc == _native.ENOTFOUND:
                return rows
            if rc != 0:
                raise BkerrError(f"bkerr_{name}({len(rows)}) failed ({rc})", rc)
            rows.append(cls._from_c(out))

    def specials(self) -> List[SpecCode]:
        """The spec's special codes, -1 (系统繁忙) and 0 (请求成功)."""
        return self._rows("special", SpecCode, _native.CSpecCode)

    def generics(self) -> List[SpecCode]:
        """The spec's generic 5-digit error IDs, in its order."""
        return self._rows("generic", SpecCode, _native.CSpecCode)

    def categories(self) -> List[CategoryInfo]:
        """The spec's categories and their prefixes, special codes first."""
        return self._rows("category", CategoryInfo, _native.CCategoryInfo)


_libraries: dict = {}
_libraries_lock = threading.Lock()


def load_library(path: Optional[PathArg] = None) -> Library:
    """The :class:`Library` at *path* (or the default one), loaded once."""
    key = _native.resolve_path(os.fsdecode(path) if path is not None else None)
    with _libraries_lock:
        lib = _libraries.get(key)
        if lib is None:
            lib = _libraries[key] = Library(key)
        return lib


# ---- the registry -----------------------------------------------------------


class _Guard:
    """A C handle that threads share: each call holds it while it runs, and
    detach() refuses new calls, waits for those in progress and hands the
    handle over for closing (once)."""

    def __init__(self, what: str) -> None:
        self.handle: Optional[int] = None  # set once the handle is open
        self.users = 0
        self._what = what
        self._cond = threading.Condition(threading.Lock())

    @contextmanager
    def use(self) -> Iterator[int]:
        """Holds the handle for one call, or raises ClosedError."""
        with self._cond:
            handle = self.handle
            if handle is None:
                raise ClosedError(f"the {self._what} is closed")
            self.users += 1
        try:
            yield handle
        finally:
            with self._cond:
                self.users -= 1
                if not self.users:
                    self._cond.notify_all()

    def detach(self) -> Optional[int]:
        """The handle to close, after the calls in progress have returned;
        None if it was detached already."""
        with self._cond:
            handle, self.handle = self.handle, None
            if handle is None:
                return None
            while self.users:
                self._cond.wait()
        return handle


_C = TypeVar("_C", bound="_Closing")


class _Closing:
    """Context-manager and finaliser plumbing over a _Guard and close()."""

    _guard: _Guard

    def close(self) -> None:
        raise NotImplementedError

    @property
    def closed(self) -> bool:
        return self._guard.handle is None

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # pragma: no cover - a half-built one, or shutdown
            pass


def _config_arg(config: Optional[PathArg]) -> Optional[bytes]:
    """A bkerr.ini path as the C functions take it (None: the default)."""
    path = None if config is None else os.fsencode(config)
    if path is not None and b"\0" in path:
        raise ValueError("config path contains a NUL character")
    return path


class Registry(_Closing):
    """An open, immutable bkerr registry (``bkerr_open()``).

    ``config`` is the bkerr.ini path; None means ``$BKERR_CONFIG``, else the
    installed default.  ``library`` is a :class:`Library` or a path to
    libbkerr.so (default: :func:`load_library`).  Raises
    :class:`ConfigError` (the message names the file and line),
    :class:`CatalogError`, or :class:`LibraryError`.

    For tools that inspect a configuration, ``load=False`` reads and checks
    bkerr.ini but loads no catalog, and ``only="cmdb"`` loads that catalog
    alone (whose failure then never fails the open); catalogs left out are
    :attr:`CatalogState.SKIPPED` (``bkerr_open_with()``, function table
    version 2: :class:`ApiVersionError` with an older library).

    ``keep_going=True`` (``BKERR_OPEN_KEEP_GOING``, version 5) steps over
    every error the open can (a bad line of bkerr.ini, a required
    catalog's rejection) and lists each in :meth:`diagnostics`; it fails
    only when bkerr.ini cannot be read at all.

    Use it as a context manager, or call :meth:`close`.  Share it freely
    between threads: calls run in parallel; ``close()`` waits for calls in
    progress, and later calls raise :class:`ClosedError`.
    """

    def __init__(self, config: Optional[PathArg] = None, *,
                 library: Union[Library, PathArg, None] = None,
                 load: bool = True, only: Optional[str] = None,
                 keep_going: bool = False) -> None:
        self._guard = _Guard("bkerr registry")  # first: __del__ may see a half-built one
        self._config_path = ""
        self._lib = library if isinstance(library, Library) else load_library(library)
        self._api = self._lib._api
        path = _config_arg(config)
        handle = _native.c_registry_p()
        err = ctypes.create_string_buffer(4 * _native.ERRMSG_SIZE)
        flags = (0 if load else _native.OPEN_NO_LOAD) | \
            (_native.OPEN_KEEP_GOING if keep_going else 0)
        if keep_going:
            self._need("diagnostic")  # the flag is version 5's, as the list is
        if not flags and only is None:
            rc = self._api.open(path, ctypes.byref(handle), err, len(err))
        else:
            open_with = self._need("open_with")
            options = _native.COpenOptions(
                ctypes.sizeof(_native.COpenOptions), flags,
                None if only is None else _cstr(only, "only"))
            rc = open_with(path, ctypes.byref(options), ctypes.byref(handle), err, len(err))
        if rc != 0:
            raise _open_error(err, rc, "bkerr_open")
        self._config_path = _path(self._api.config_path(handle.value)) or ""
        self._default_lang = _enum(Lang, self._api.default_lang(handle.value))
        self._guard.handle = handle.value

    # -- lifetime --

    def close(self) -> None:
        """Closes the registry; waits for calls in progress.  Idempotent."""
        handle = self._guard.detach()
        if handle is not None:
            self._api.close(handle)

    def _need(self, name: str) -> Any:
        return self._lib._need(name)

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<bkerr.Registry {self._config_path!r} {state}>"

    def _use(self) -> ContextManager[int]:
        """Holds the registry open for one call, or raises ClosedError."""
        return self._guard.use()

    # -- properties --

    @property
    def library(self) -> Library:
        return self._lib

    @property
    def config_path(self) -> str:
        """The bkerr.ini the registry was opened from."""
        return self._config_path

    @property
    def default_lang(self) -> Lang:
        """``[registry] lang``, or ``Lang.DEFAULT`` when bkerr.ini sets none.

        Lookups then use zh_CN; a tool may prefer the user's locale.
        """
        return self._default_lang

    # -- lookups --

    def _lookup_c(self, handle: int, code: Union[int, str],
                  lang: Union[Lang, str, None], product: Optional[str],
                  out: _native.CResult) -> None:
        value = _code(code, self._lib)
        lang_v = int(Lang.parse(lang))
        if product is None:
            rc = self._api.lookup(handle, value, lang_v, ctypes.byref(out))
        else:
            rc = self._api.lookup_product(handle, _cstr(product, "product"), value,
                                          lang_v, ctypes.byref(out))
        if rc == _native.ENOPRODUCT:
            raise UnknownProductError(
                f"no platform has the id {product!r}: "
                f"{_text(out.reason) or 'unknown product'}", rc)
        if rc < 0:
            raise BkerrError(f"lookup of {value} failed ({rc})", rc)

    def lookup(self, code: Union[int, str], lang: Union[Lang, str, None] = None,
               product: Optional[str] = None) -> Result:
        """Resolves *code* to a :class:`Result`.

        *code* is an int, or a decimal string the core parses (ValueError
        if it is not one).  *lang* is ``"zh_CN"``, ``"en"``, a :class:`Lang`
        or None (the registry's default); text falls back to the other
        language, never to empty text (``message_lang`` says which came
        back).  *product* (``"cmdb"``) scopes the lookup to that product's
        catalog, which also answers its legacy (non-standard) codes;
        :class:`UnknownProductError` if no platform has that id.
        """
        out = _out(_native.CResult)
        with self._use() as handle:
            self._lookup_c(handle, code, lang, product, out)
            return Result._from_c(out)

    def variants(self, code: Union[int, str], lang: Union[Lang, str, None] = None,
                 product: Optional[str] = None) -> List[Result]:
        """Every definition of *code* (``bkerr_lookup_variant()``).

        A code upstream defines more than once has a primary (the one
        :meth:`lookup` gives, first here) and others, each with its own
        symbol, message, advice and provenance; a code with one definition
        gives ``[lookup(code)]``, one with none ``[]``.  Arguments as
        :meth:`lookup`.  Needs function table version 4.
        """
        first = self.lookup(code, lang, product)
        raw_product = None if product is None else _cstr(product, "product")
        rest = self._each("lookup_variant", range(1, first.n_variants),
                          lambda fn, h, k, out: fn(h, raw_product, first.code, k,
                                                   int(Lang.parse(lang)), out))
        return ([first] if first.n_variants else []) + rest

    def guests(self, code: Union[int, str],
               lang: Union[Lang, str, None] = None) -> List[Result]:
        """Other products' entries for *code* (``bkerr_lookup_guest()``).

        A catalog may carry codes under a prefix it does not own (its
        product emits them there); each comes back with ``guest`` True
        and ``catalog`` its id, in bkerr.ini's order.  ``[]`` when no
        catalog does.  Needs function table version 4.
        """
        first = self.lookup(code, lang)
        return self._each("lookup_guest", range(first.n_guests),
                          lambda fn, h, k, out: fn(h, first.code, k,
                                                   int(Lang.parse(lang)), out))

    def _each(self, name: str, ks: range, call: Callable[..., int]) -> List[Result]:
        """The Result of table function *name* for each k in *ks*."""
        fn = self._need(name)
        out = _out(_native.CResult)
        results = []
        with self._use() as handle:
            for k in ks:
                rc = call(fn, handle, k, ctypes.byref(out))
                if rc < 0:
                    raise BkerrError(f"bkerr_{name}(..., {k}) failed ({rc})", rc)
                results.append(Result._from_c(out))
        return results

    def message(self, code: Union[int, str],
                lang: Union[Lang, str, None] = None) -> Optional[str]:
        """The message of *code* alone (``bkerr_message()``), as a template.

        Exactly ``lookup(code, lang).message``, without building a
        :class:`Result`: the entry's message, the spec's for a special
        code or a generic ID, in *lang* or else the other language; None
        where the lookup gives no message (a code nothing knows, an
        unassigned prefix, a non-standard code).  *code* and *lang* are
        read as :meth:`lookup` reads them.  Needs function table version 3
        (:class:`ApiVersionError` with an older library).
        """
        message = self._need("message")
        with self._use() as handle:
            value = _code(code, self._lib)
            lang_v = int(Lang.parse(lang))
            return _text(message(handle, value, lang_v))

    def format(self, code: Union[int, str], *args: Any,
               lang: Union[Lang, str, None] = None,
               product: Optional[str] = None, **named: Any) -> str:
        """Looks *code* up and renders it for a person (``bkerr_format()``)::

            1199006 [cmdb 配置平台 · 平台类 · common] CCErrCommParamsInvalid
            'bk_biz_id' 数据参数校验不通过
            处理方案：...

        The message's placeholders are filled from *args* (``{0}``, ``{1}``
        ...) and *named* (``{field}``) by the core.  A placeholder called
        ``lang`` or ``product`` can't be given here: use :meth:`fill`.
        """
        out = _out(_native.CResult)
        array, n = _args(args, named)
        with self._use() as handle:
            self._lookup_c(handle, code, lang, product, out)
            return _render(self._api.format, ctypes.byref(out), array, n)

    def fill(self, template: str, /, *args: Any, **named: Any) -> str:
        """Fills a template (e.g. ``Result.message``); see :meth:`Library.fill`."""
        return self._lib.fill(template, *args, **named)

    # -- listings --

    def platform(self, prefix: int) -> Optional[Platform]:
        """The effective allocation of *prefix* (10-99); None if unassigned."""
        if isinstance(prefix, bool) or not 10 <= operator.index(prefix) <= 99:
            raise ValueError(f"prefix {prefix!r} is not in 10-99")
        out = _out(_native.CPlatform)
        with self._use() as handle:
            rc = self._api.platform(handle, int(prefix), ctypes.byref(out))
            if rc < 0:
                raise BkerrError(f"bkerr_platform({prefix}) failed ({rc})", rc)
            return Platform._from_c(out) if rc == 1 else None

    def platforms(self) -> List[Platform]:
        """Every assigned prefix, spec rows and ``[platform.NN]`` ones, in order."""
        found = []
        for prefix in range(10, 100):
            p = self.platform(prefix)
            if p is not None:
                found.append(p)
        return found

    def status(self) -> List[CatalogStatus]:
        """Each ``[catalog.<id>]`` of bkerr.ini, in file order, and its state."""
        out = _out(_native.CCatalogStatus)
        with self._use() as handle:
            statuses = []
            for i in range(self._api.catalog_count(handle)):
                rc = self._api.catalog_status(handle, i, ctypes.byref(out))
                if rc != 0:
                    raise BkerrError(f"bkerr_catalog_status({i}) failed ({rc})", rc)
                statuses.append(CatalogStatus._from_c(out))
            return statuses

    def entries(self, catalog: str, lang: Union[Lang, str, None] = None) -> List[Result]:
        """Every entry of a loaded catalog (``bkerr_catalog_entry()``).

        Its codes in order, then its legacy codes, each as a lookup scoped
        to the catalog would give it.  *catalog* is the id of a
        ``[catalog.<id>]`` section (KeyError if there is none); a catalog
        that is not loaded has no entries.  Needs function table version 2
        (:class:`ApiVersionError` with an older library).
        """
        catalog_entry = self._need("catalog_entry")
        lang_v = int(Lang.parse(lang))
        status = _out(_native.CCatalogStatus)
        out = _out(_native.CResult)
        with self._use() as handle:
            for i in range(self._api.catalog_count(handle)):
                if self._api.catalog_status(handle, i, ctypes.byref(status)) != 0:
                    continue
                if _text(status.id) == catalog:
                    break
            else:
                raise KeyError(f"bkerr.ini has no [catalog.{catalog}] section")
            results = []
            index = 0
            while True:
                rc = catalog_entry(handle, i, index, lang_v, ctypes.byref(out))
                if rc == _native.ENOTFOUND:
                    return results
                if rc != 0:
                    raise BkerrError(f"bkerr_catalog_entry({i}, {index}) failed ({rc})", rc)
                results.append(Result._from_c(out))
                index += 1

    # -- the read model (function table version 5) --

    def product(self, id: str) -> Product:
        """The product with *id*: its allocation (the spec's or a
        ``[platform.NN]``'s), else a ``[catalog.<id>]`` without one.
        :class:`UnknownProductError` if neither has it."""
        fn = self._need("product")
        out = _sized(_native.CProduct)
        with self._use() as handle:
            rc = fn(handle, _cstr(id, "product"), ctypes.byref(out))
            if rc == _native.ENOPRODUCT:
                raise UnknownProductError(f"no platform or catalog has the id {id!r}", rc)
            if rc != 0:
                raise BkerrError(f"bkerr_product({id!r}) failed ({rc})", rc)
            return Product._from_c(out)

    def product_at(self, prefix: int) -> Optional[Product]:
        """The product of *prefix* (10-99); None for an unassigned slot."""
        if isinstance(prefix, bool) or not 10 <= operator.index(prefix) <= 99:
            raise ValueError(f"prefix {prefix!r} is not in 10-99")
        fn = self._need("product_at")
        out = _sized(_native.CProduct)
        with self._use() as handle:
            rc = fn(handle, int(prefix), ctypes.byref(out))
            if rc == _native.ENOPRODUCT:
                return None
            if rc != 0:
                raise BkerrError(f"bkerr_product_at({prefix}) failed ({rc})", rc)
            return Product._from_c(out)

    def _catalog_index(self, fn: Any, handle: int, catalog: str) -> int:
        index = ctypes.c_size_t()
        rc = fn(handle, _cstr(catalog, "catalog"), ctypes.byref(index))
        if rc == _native.ENOTFOUND:
            raise KeyError(f"bkerr.ini has no [catalog.{catalog}] section")
        if rc != 0:
            raise BkerrError(f"bkerr_catalog_find({catalog!r}) failed ({rc})", rc)
        return index.value

    def catalog(self, id: str) -> CatalogStatus:
        """The ``[catalog.<id>]`` section and what became of it (KeyError if
        bkerr.ini has none)."""
        find = self._need("catalog_find")
        out = _out(_native.CCatalogStatus)
        with self._use() as handle:
            i = self._catalog_index(find, handle, id)
            rc = self._api.catalog_status(handle, i, ctypes.byref(out))
            if rc != 0:
                raise BkerrError(f"bkerr_catalog_status({i}) failed ({rc})", rc)
            return CatalogStatus._from_c(out)

    def ranges(self, catalog: str, lang: Union[Lang, str, None] = None) -> List[Range]:
        """The ranges (modules) of a catalog, in code order, their advice in
        *lang*, else the other language, as a lookup gives it.  KeyError
        without a ``[catalog.<id>]`` section; a catalog that is not loaded
        has none."""
        find, catalog_range = self._need("catalog_find"), self._need("catalog_range")
        lang_v = int(Lang.parse(lang))
        out = _sized(_native.CRangeInfo)
        with self._use() as handle:
            i = self._catalog_index(find, handle, catalog)
            ranges = []
            while True:
                rc = catalog_range(handle, i, len(ranges), lang_v, ctypes.byref(out))
                if rc == _native.ENOTFOUND:
                    return ranges
                if rc != 0:
                    raise BkerrError(f"bkerr_catalog_range({i}, {len(ranges)}) "
                                     f"failed ({rc})", rc)
                ranges.append(Range._from_c(out))

    def symbol(self, symbol: str, lang: Union[Lang, str, None] = None,
               product: Optional[str] = None) -> List[Result]:
        """Every definition whose symbol is *symbol* (``bkerr_lookup_symbol()``).

        An entry may carry several symbols, ``/``-separated: each counts.
        In bkerr.ini's catalog order, each catalog's codes in order with
        their variants, then its legacy codes; only *product*'s catalog
        when given (:class:`UnknownProductError` if no platform or catalog
        has that id).  ``[]`` when none matches.  The first call builds the
        registry's symbol index (and loads every lazy catalog).
        """
        fn = self._need("lookup_symbol")
        raw = _cstr(symbol, "symbol")
        raw_product = None if product is None else _cstr(product, "product")
        lang_v = int(Lang.parse(lang))
        out = _out(_native.CResult)
        results = []
        with self._use() as handle:
            while True:
                rc = fn(handle, raw_product, raw, len(results), lang_v, ctypes.byref(out))
                if rc == _native.ENOTFOUND:
                    return results
                if rc == _native.ENOPRODUCT:
                    raise UnknownProductError(
                        f"no platform or catalog has the id {product!r}", rc)
                if rc < 0:
                    raise BkerrError(f"bkerr_lookup_symbol({symbol!r}) failed ({rc})", rc)
                results.append(Result._from_c(out))


    def diagnostics(self) -> List[Diagnostic]:
        """The problems the open met, in the order met (``bkerr_diagnostic()``):
        bkerr.ini's own, then each catalog's in file order, then doubtful
        settings.  Warnings only, after an open without ``keep_going``."""
        count, diagnostic = self._need("diagnostic_count"), self._need("diagnostic")
        out = _sized(_native.CDiagnostic)
        with self._use() as handle:
            found = []
            for i in range(count(handle)):
                rc = diagnostic(handle, i, ctypes.byref(out))
                if rc != 0:
                    raise BkerrError(f"bkerr_diagnostic({i}) failed ({rc})", rc)
                found.append(Diagnostic._from_c(out))
            return found

    # -- finding codes and messages in text (function table version 6) --

    def scan(self, text: Union[str, bytes], product: Optional[str] = None) -> List[ScanHit]:
        """The codes in *text*, left to right (``bkerr_scan()``): a line of
        a log, an API response, a traceback.

        A 7-digit number after a code key (``"code": 1199006``,
        ``错误码：1199006``) is always a code; one in brackets or standing
        alone only when a loaded catalog knows it; see bkerr.h for every
        rule.  With *product* (``"bk_repo"``), that product's legacy codes
        are found too when keyed (:class:`UnknownProductError` if no
        platform or catalog has the id).  Offsets are indices of *text*:
        characters of a str, bytes of bytes.
        """
        scan = self._need("scan")
        t = _Text(text)
        raw_product = None if product is None else _cstr(product, "product")
        pos = ctypes.c_size_t(0)
        out = _sized(_native.CScanHit)
        hits = []
        with self._use() as handle:
            while True:
                rc = scan(handle, raw_product, t.raw, len(t.raw), ctypes.byref(pos),
                          ctypes.byref(out))
                if rc == 0:
                    return hits
                if rc == _native.ENOPRODUCT:
                    raise UnknownProductError(
                        f"no platform or catalog has the id {product!r}", rc)
                if rc < 0:
                    raise BkerrError(f"bkerr_scan() failed ({rc})", rc)
                hits.append(ScanHit._from_c(out, t))

    def match(self, text: Union[str, bytes], limit: Optional[int] = 5) -> List[Match]:
        """The catalog messages *text* contains with their placeholders
        filled in, best first (``bkerr_match()``): ``"订阅(123)不存在"`` is
        bk_nodeman's 3800001 ``"订阅({subscription_id})不存在"`` with
        ``captures == {"subscription_id": "123"}``.

        At most *limit* of them (None: all).  The more literal text a
        template has, the better it ranks; templates too generic to tell
        anything (``"{msg}"``, ``"成功"``) never match.  The first call on a
        registry builds its index of every loaded catalog's messages (it
        loads lazy catalogs; 60-120 ms for the bundled ones); later calls
        are fast and any number of threads may make them.
        """
        if limit is not None and (isinstance(limit, bool) or operator.index(limit) < 0):
            raise ValueError(f"limit must be None or an int >= 0, not {limit!r}")
        fn = self._need("match")
        t = _Text(text)
        n = 16 if limit is None else int(limit)
        with self._use() as handle:
            while True:
                out = (_native.CMatch * max(n, 1))()
                out[0].size = ctypes.sizeof(_native.CMatch)
                rc = fn(handle, t.raw, len(t.raw), out if n else None, n)
                if rc == _native.ENOMEM:
                    raise MemoryError("bkerr_match(): the index could not be built")
                if rc < 0:
                    raise BkerrError(f"bkerr_match() failed ({rc})", rc)
                if limit is not None or rc <= n:
                    break
                n = rc  # all of them, and there were more than room
            ids: dict = {}
            return [Match._from_c(m, t, self._catalog_id(handle, m.catalog, ids))
                    for m in out[:min(rc, n)]]

    def _catalog_id(self, handle: int, index: int, ids: dict) -> str:
        """The id of catalog *index*, remembered in *ids*."""
        if index not in ids:
            status = _out(_native.CCatalogStatus)
            rc = self._api.catalog_status(handle, index, ctypes.byref(status))
            if rc != 0:
                raise BkerrError(f"bkerr_catalog_status({index}) failed ({rc})", rc)
            ids[index] = _text(status.id) or ""
        return ids[index]

    def entry(self, match: Match, lang: Union[Lang, str, None] = None) -> Result:
        """The catalog entry a :class:`Match` found, as a lookup in its
        catalog gives it (symbol, advice, provenance), in *lang* (None: the
        language the text matched in)."""
        lang_v = int(match.lang if lang is None else Lang.parse(lang))
        out = _out(_native.CResult)
        with self._use() as handle:
            if match.variant == 0:
                find = self._need("catalog_find")
                i = self._catalog_index(find, handle, match.catalog)
                rc = self._api.catalog_entry(handle, i, match.entry, lang_v,
                                             ctypes.byref(out))
            else:
                rc = self._need("lookup_variant")(
                    handle, _cstr(match.catalog, "catalog"), match.code, match.variant,
                    lang_v, ctypes.byref(out))
            if rc < 0:
                raise BkerrError(f"the entry of {match.code} in {match.catalog} "
                                 f"failed ({rc})", rc)
            return Result._from_c(out)

    def filled(self, match: Match, lang: Union[Lang, str, None] = None) -> str:
        """The message of the entry a :class:`Match` found, in *lang* (None:
        the language it matched in), its placeholders filled with what they
        took in the text: ``"订阅(123)不存在"`` gives, in English,
        ``"Subscription (123) does not exist"``-like text."""
        message = self.entry(match, lang).message or match.message
        return self.fill(message, **match.captures)


# ---- hot reload -------------------------------------------------------------


class LiveView(Registry):
    """The registry a :class:`LiveRegistry` has in service, held for one
    ``with live.acquire() as reg:`` block.

    It does all a :class:`Registry` does (lookups, formatting, listings),
    on one whole configuration: a reload meanwhile does not change it.
    Every result is copied into Python before the call returns, so results
    stay valid after the block.  The view is closed when the block ends,
    which lets go of the registry; calls on it after that raise
    :class:`ClosedError`.  It may be shared with other threads within the
    block (the end of the block waits for their calls in progress).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("a LiveView comes from LiveRegistry.acquire()")

    @classmethod
    def _borrow(cls, owner: "LiveRegistry", live: int, handle: int) -> "LiveView":
        self = cls.__new__(cls)
        self._guard = _Guard("bkerr registry")  # first, as in Registry.__init__
        self._lib = owner._lib
        self._api = owner._api
        self._live = live
        self._config_path = _path(self._api.config_path(handle)) or ""
        self._default_lang = _enum(Lang, self._api.default_lang(handle))
        self._guard.handle = handle
        return self

    def close(self) -> None:
        """Lets go of the registry (``bkerr_live_release()``) once the calls
        in progress have returned.  The end of the block does it; idempotent."""
        handle = self._guard.detach()
        if handle is not None:
            self._api.live_release(self._live, handle)

    def __repr__(self) -> str:
        state = "released" if self.closed else "held"
        return f"<bkerr.LiveView {self._config_path!r} {state}>"


class LiveRegistry(_Closing):
    """A registry that a long-running service reloads while its threads
    keep looking codes up (``bkerr_live_*``)::

        live = bkerr.LiveRegistry()          # opens bkerr.ini, as Registry()
        with live.acquire() as reg:          # any thread: one whole registry
            r = reg.lookup(1199006, lang="en")
        live.reload()                        # e.g. on SIGHUP: bkerr.ini again

    ``config`` and ``library`` are those of :class:`Registry`.  Raises as
    :class:`Registry` does, and :class:`ApiVersionError` with a library
    whose function table predates version 2.

    :meth:`acquire` never waits for a reload.  :meth:`reload` waits until
    no block holds the registry it replaces, so keep blocks short (a
    lookup or two) and never reload inside one of the same thread
    (RuntimeError).  :meth:`close` waits for the blocks and reloads in
    progress; after it, :meth:`acquire` and :meth:`reload` raise
    :class:`ClosedError`.
    """

    def __init__(self, config: Optional[PathArg] = None, *,
                 library: Union[Library, PathArg, None] = None) -> None:
        self._guard = _Guard("bkerr live registry")  # first: __del__ may see a half-built one
        self._config_path = ""
        self._held = threading.local()  # .n: this thread's acquire() blocks
        self._lib = library if isinstance(library, Library) else load_library(library)
        self._api = self._lib._api
        live_open = self._lib._need("live_open")
        path = _config_arg(config)
        live = _native.c_live_p()
        err = ctypes.create_string_buffer(4 * _native.ERRMSG_SIZE)
        rc = live_open(path, ctypes.byref(live), err, len(err))
        if rc != 0:
            raise _open_error(err, rc, "bkerr_live_open")
        # every reload opens the same file again
        handle = self._api.live_acquire(live.value)
        try:
            self._config_path = _path(self._api.config_path(handle)) or ""
        finally:
            self._api.live_release(live.value, handle)
        self._guard.handle = live.value

    def _use(self) -> ContextManager[int]:
        """Holds the bkerr_live open for a block or a reload, or raises
        ClosedError."""
        return self._guard.use()

    def _holding(self) -> int:
        return getattr(self._held, "n", 0)

    @contextmanager
    def acquire(self) -> Iterator[LiveView]:
        """The registry in service, as a :class:`LiveView`, for one block.

        Lock-free: it never waits for a reload, and a reload during the
        block does not change the view.  Results copied out of it stay
        valid after the block.
        """
        with self._use() as live:
            held = self._holding()
            self._held.n = held + 1
            try:
                handle = self._api.live_acquire(live)
                try:
                    view = LiveView._borrow(self, live, handle)
                except BaseException:
                    self._api.live_release(live, handle)
                    raise
                try:
                    yield view
                finally:
                    view.close()
            finally:
                self._held.n = held

    def reload(self) -> None:
        """Opens the same bkerr.ini again and puts it in service.

        Waits until no block holds the registry it replaces, then closes
        that one.  If the new one cannot be opened, raises
        :class:`ConfigError`, :class:`CatalogError` or :class:`OpenError`
        (the core's message) and the registry in service stays.  Reloads
        are serialised with each other.
        """
        if self._holding():
            raise RuntimeError("reload() inside an acquire() block of the same "
                               "thread would wait for that block forever")
        err = ctypes.create_string_buffer(4 * _native.ERRMSG_SIZE)
        with self._use() as live:
            rc = self._api.live_reload(live, err, len(err))
        if rc != 0:
            raise _open_error(err, rc, "bkerr_live_reload")

    def close(self) -> None:
        """Waits for the blocks and reloads in progress, then closes the
        registry in service (``bkerr_live_close()``).  Idempotent."""
        if self._holding():
            raise RuntimeError("close() inside an acquire() block of the same "
                               "thread would wait for that block forever")
        live = self._guard.detach()
        if live is not None:
            self._api.live_close(live)

    @property
    def library(self) -> Library:
        return self._lib

    @property
    def config_path(self) -> str:
        """The bkerr.ini it was opened from, and that every reload reads."""
        return self._config_path

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<bkerr.LiveRegistry {self._config_path!r} {state}>"


# ---- one-liners -------------------------------------------------------------

_default: Optional[Registry] = None
_default_lock = threading.Lock()


def _default_registry() -> Registry:
    global _default
    with _default_lock:
        if _default is None or _default.closed:
            _default = Registry()
        return _default


@atexit.register
def _close_default() -> None:
    if _default is not None:
        _default.close()


def explain(code: Union[int, str], *, lang: Union[Lang, str, None] = None,
            product: Optional[str] = None) -> str:
    """``bkerr CODE`` as a function: *code* rendered with the default registry.

    The default registry is opened on first use (``$BKERR_CONFIG``, else the
    installed bkerr.ini, with the default library) and kept open; it is
    shared and thread-safe.  Raises :class:`OpenError` if it cannot open.
    """
    return _default_registry().format(code, lang=lang, product=product)
