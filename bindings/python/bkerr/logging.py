"""Explaining the BlueKing codes in a service's own log records.

:class:`ExplainFilter` is a :class:`logging.Filter` that reads each
record's message (``record.getMessage()``), finds the codes in it with
:meth:`bkerr.Registry.scan` and, when there is none, the catalog message
it quotes with :meth:`bkerr.Registry.match`; it adds what it found to the
record::

    record.bkerr_codes          # [1199006]: every code found, in order
    record.bkerr_explanations   # [Explanation(...)]: what each one means
    record.bkerr_note           # " [bkerr: 1199006 cmdb ...]", or ""

and, with ``append=True``, adds ``bkerr_note`` to the message itself.  A
formatter shows them with ``%(bkerr_note)s`` (every record the filter saw
has the three attributes, empty when nothing was found).

It never drops a record and never raises: a record whose message cannot
be formatted, a closed registry, a bkerr.ini that cannot be opened all
leave the record as it was, with empty attributes (``last_error`` keeps
the latest such error).  One filter, and its registry, may serve every
thread of a process.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, List, Optional, Tuple, Union

import bkerr
from bkerr import _native

__all__ = ["ExplainFilter", "Explanation"]


@dataclass(frozen=True)
class Explanation:
    """What one code of a record means."""

    code: int
    result: bkerr.Result               #: the lookup, or the entry a match found
    message: Optional[str]             #: the message, filled from the text when matched
    hit: Optional[bkerr.ScanHit] = None  #: where scan() found the code, or None
    match: Optional[bkerr.Match] = None  #: the message match() found, or None
    quoted: bool = False               #: message is the very text matched

    @property
    def symbol(self) -> Optional[str]:
        return self.result.symbol

    @property
    def advice(self) -> Optional[str]:
        return self.result.advice

    def line(self, advice: bool = False) -> str:
        """``1199006 cmdb CCErrCommParamsInvalid: <message>``, on one line;
        with *advice*, ``— <advice>`` after it.  The message is left out
        when it is the very text matched (the record says it already)."""
        head = " ".join(str(x) for x in (self.code, self.result.catalog
                                         or self.result.platform.id, self.symbol) if x)
        text = "" if self.quoted or not self.message else f": {self.message}"
        if advice and self.advice:
            text += f" — {self.advice}"
        return _one_line(head + text)

    def __str__(self) -> str:
        return self.line(advice=True)


def _telling(matches: List[bkerr.Match]) -> bool:
    """Whether the best matches (and those tied with them) name a product
    on their own in a line without a code: bkerr.h's
    BKERR_MATCH_TELLING_LITERAL and _TIES, the rule bkerr annotate keeps;
    never code 0 (success)."""
    if not matches:
        return False
    best = (matches[0].literal, matches[0].end - matches[0].start)
    tied = [m for m in matches if (m.literal, m.end - m.start) == best]
    return (matches[0].literal >= _native.MATCH_TELLING_LITERAL
            and len(tied) <= _native.MATCH_TELLING_TIES
            and all(m.code != 0 for m in tied))


def _one_line(text: str) -> str:
    """Catalog text on one line: control characters become blanks."""
    return "".join(" " if ord(c) < 0x20 or ord(c) == 0x7F else c for c in text)


RegistryArg = Union[bkerr.Registry, bkerr.LiveRegistry, None]


class ExplainFilter(logging.Filter):
    """A logging filter that explains the BlueKing codes in each record.

    ``registry`` is a :class:`bkerr.Registry` or :class:`bkerr.LiveRegistry`
    to share (None: the one :func:`bkerr.explain` uses, opened at the first
    record).  ``lang`` is the language of the explanations (None: the
    registry's).  ``product`` is the service's own product id, so that its
    legacy codes are found and explained too.  ``match=False`` skips the
    search for quoted messages.  ``limit`` caps the explanations of one
    record.  ``advice=True`` puts each code's advice (处理方案) in the note
    too.  ``append=True`` adds the note to the record's message (the
    record itself, which every handler after this filter sees).
    ``name`` is :class:`logging.Filter`'s.
    """

    def __init__(self, registry: RegistryArg = None, *, lang: Union[bkerr.Lang, str, None] = None,
                 product: Optional[str] = None, match: bool = True, limit: int = 3,
                 append: bool = False, advice: bool = False, name: str = "") -> None:
        super().__init__(name)
        self.registry = registry
        self.lang = lang
        self.product = product
        self.match = match
        self.limit = limit
        self.append = append
        self.advice = advice
        self.last_error: Optional[BaseException] = None

    def filter(self, record: logging.LogRecord) -> bool:
        if not super().filter(record):
            return False  # a name= filter: not this logger's record
        if hasattr(record, "bkerr_explanations"):
            return True  # seen by a filter already (on the logger and the handler)
        record.bkerr_codes = []
        record.bkerr_explanations = []
        record.bkerr_note = ""
        try:
            text, formatted = _message(record)
            if text is None:
                return True
            with self._registry() as reg:
                codes, explanations = self.explain(reg, text)
            note = " [bkerr: " + " | ".join(e.line(self.advice) for e in explanations) + "]" \
                if explanations else ""
            record.bkerr_codes, record.bkerr_explanations = codes, explanations
            record.bkerr_note = note
            if self.append and note and formatted:
                # the message as formatted, so that its arguments are not
                # formatted again
                record.msg, record.args = text + note, None
        except Exception as e:  # a filter must not break logging
            self.last_error = e
        return True

    def explain(self, reg: bkerr.Registry, text: str) -> Tuple[List[int], List[Explanation]]:
        """The codes in *text* and their explanations, as :meth:`filter`
        gives them to a record.  Raises what the registry raises."""
        codes: List[int] = []
        explanations: List[Explanation] = []
        matches = reg.match(text, limit=8) if self.match and self.limit > 0 else []
        for hit in reg.scan(text, product=self.product):
            if hit.code in codes:
                continue
            codes.append(hit.code)
            if len(explanations) < self.limit:
                r = reg.lookup(hit.code, lang=self.lang, product=self.product)
                # the line quotes the code's message: that definition, filled
                m = next((m for m in matches if m.code == hit.code), None)
                if m is not None:
                    r = reg.entry(m, self.lang)
                    explanations.append(Explanation(hit.code, r, reg.filled(m, self.lang),
                                                    hit=hit, match=m))
                elif r.message or r.advice:
                    explanations.append(Explanation(hit.code, r, r.message, hit=hit))
        if codes or not _telling(matches):
            return codes, explanations
        for m in matches[:self.limit]:
            # the best and those ranked equal with it: one message several
            # codes share
            if (m.literal, m.end - m.start) != (matches[0].literal,
                                                matches[0].end - matches[0].start):
                break
            codes.append(m.code)
            message = reg.filled(m, self.lang)
            explanations.append(Explanation(m.code, reg.entry(m, self.lang), message,
                                            match=m, quoted=message == text[m.start:m.end]))
        return codes, explanations

    #: seconds before the default registry is tried again after it failed
    #: to open: not every record should read a broken bkerr.ini again
    RETRY_OPEN = 60.0
    _open_failed: Tuple[float, Optional[Exception]] = (0.0, None)

    @contextmanager
    def _registry(self) -> Iterator[bkerr.Registry]:
        reg = self.registry
        if isinstance(reg, bkerr.LiveRegistry):
            with reg.acquire() as view:
                yield view
            return
        if reg is None:
            retry_at, error = self._open_failed
            if error is not None and time.monotonic() < retry_at:
                raise error
            try:
                reg = bkerr._default_registry()
            except Exception as e:
                self._open_failed = (time.monotonic() + self.RETRY_OPEN, e)
                raise
        yield reg


def _message(record: logging.LogRecord) -> Tuple[Optional[str], bool]:
    """The record's message as a handler would format it, and True; if that
    raises (arguments that do not fit), its msg alone and False; None if
    even that fails."""
    try:
        return record.getMessage(), True
    except Exception:
        pass
    try:
        return str(record.msg), False
    except Exception:
        return None, False
