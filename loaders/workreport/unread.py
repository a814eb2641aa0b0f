"""Tables that look like they hold facts and gave none: the extraction report says so.

A table whose header names staff (`정원`, `현원`), funding sources (`국비`, `구비`, ...),
twinning (a city column and a date column) or discounts (`할인율`) is a cue of its own:
if no extracted fact points at one of its lines, the loader did not understand it. The
check is independent of the extractors (it reads only the document model and the records'
line numbers), so a table in a layout no rule knows yet is reported, not lost in silence.

One `ExtractionCheck` (kind `table`) per such table: found 0 of 1, scoped to the table
(`table at line 94`), its cue the kind of columns and the header.
It carries a warning when the document gave no fact of that kind at all (then the table
was probably the only place the facts were); when facts of the kind were found elsewhere
(a bureau-wide staffing table beside the divisions' own), it is a note without a warning.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.document.model import Table
from loaders.lexicon import labels
from loaders.lexicon.words import words
from loaders.records import BudgetLine, Discount, DocumentInfo, ExtractionCheck, Record, SisterCity, Staffing

_MAX_HEADER = 60
_PAREN = re.compile(r"\(.*$")

# what a header cell names -> (the facts such a table gives, how the report calls them)
_KINDS = {"staffing": (Staffing, "staffing"), "funding": (BudgetLine, "budget lines"),
          "twinning": (SisterCity, "sister cities"), "discount": (Discount, "discounts")}


def _cell(text: str) -> str:
    return _PAREN.sub("", "".join(text.split()))


def _kind_of(table: Table) -> str | None:
    """What kind of facts the header (first two rows) promises, or None."""
    cells = {_cell(c) for row in table.rows[:2] for c in row}
    cells.discard("")
    staff = set(words("report_words", "authorized")) | set(words("report_words", "current"))
    if cells & staff:
        return "staffing"
    if cells & set(words("twinning", "city_header")) and cells & set(words("twinning", "date_header")):
        return "twinning"
    if any(c.startswith(tuple(words("twinning", "discount_header"))) for c in cells):
        return "discount"
    if any(labels.is_label(c, "funding_source") for c in cells):
        return "funding"
    return None


def _lines(records: Iterable[Record]) -> set[int]:
    out: set[int] = set()
    for r in records:
        if isinstance(r, (ExtractionCheck, DocumentInfo)):
            continue
        for name in ("line", "line_end"):
            v = getattr(r, name, None)
            if isinstance(v, int) and v > 0:
                out.add(v)
    return out


def unread_tables(tables: Iterable[Table], records: list[Record]) -> list[ExtractionCheck]:
    """
    >>> t = Table([["구분", "정원", "현원"], ["계", "10", "9"]], [5, 6])
    >>> [(c.found, c.expected, c.scope, c.cue, c.warning is not None) for c in unread_tables([t], [])]
    [(0, 1, 'table at line 5', 'staffing columns: 구분 | 정원 | 현원', True)]
    >>> unread_tables([t], [Staffing("총무과", 10, 9, line=6)])
    []
    >>> [c.warning for c in unread_tables([t], [Staffing("총무과", 10, 9, line=2)])]
    [None]
    """
    used = _lines(records)
    out: list[ExtractionCheck] = []
    for t in tables:
        kind = _kind_of(t)
        if kind is None or any(t.line <= n <= t.line_end for n in used):
            continue
        fact_type, plural = _KINDS[kind]
        header = " | ".join(c.strip() for c in t.rows[0] if c.strip())[:_MAX_HEADER]
        none_found = not any(isinstance(r, fact_type) for r in records)
        warning = (f"a table with {kind} columns at line {t.line} ({header}) gave no facts, and the document "
                   f"gave no {plural} at all: it was not read") if none_found else None
        out.append(ExtractionCheck("table", 0, 1, f"{kind} columns: {header}", warning, f"table at line {t.line}",
                                   t.line))
    return out
