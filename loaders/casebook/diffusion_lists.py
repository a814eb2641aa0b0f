"""Adoptions written as lists of adopting agencies (phrasings in lexicon
data/casebook_diffusion.csv):

- counted: `○○시·△△군 등 5개 지자체 도입` (adopters listed then counted; no channel);
- labelled: `타 지자체 벤치마킹: A구(’22.3.), B시(’22.5.)` (one adoption per item,
  each with its own date; the channel is the row's);
- tabled: a `확산 현황` table, a header row of columns (lexicon labels.csv kinds
  `casebook_spread_province`, `casebook_spread_local`, `casebook_spread_date`) and one
  row per adopting agency (`충북 | 충주시 | 2023. 3.`); a row naming no agency (`계`) is none.

Both adopt the entry's own case from the entry's agency (`source=""`).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from loaders.casebook.norm import nfc
from loaders.lexicon import labels

_DATA = Path(__file__).resolve().parents[1] / "lexicon" / "data" / "casebook_diffusion.csv"
_ITEM = re.compile(r"\s*(?P<name>[^,，(（]+?)\s*(?:[(（](?P<date>[^)）]*)[)）])?\s*(?:[,，]|$)")
_LEAD = re.compile(r"^[\s\-ㅇ○●◦•∙·□■▶]+")


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str | None, re.Pattern], ...]:
    with _DATA.open(encoding="utf-8", newline="") as fh:
        return tuple((r["kind"], r["channel"] or None, re.compile(r["pattern"])) for r in csv.DictReader(fh))


def listed_adoptions(no: int, s: str, found_cls) -> list:
    """`found_cls`: diffusion.Found (passed in to keep this module free of a cycle)."""
    s = _LEAD.sub("", nfc(s))
    for kind, channel, rx in _rows():
        m = rx.search(s)
        if not m:
            continue
        text = m.group("list").strip()
        if kind == "counted_list":
            return [found_cls(None, channel, no, source="", list_text=text, date_text=s)]
        out = []
        for it in _ITEM.finditer(text):
            name = it.group("name").strip()
            if name:
                out.append(found_cls(None, channel, no, source="", list_text=name,
                                     date_text=it.group("date") or ""))
        return out
    return []


_SPREAD_COLUMNS = ("casebook_spread_province", "casebook_spread_local", "casebook_spread_date")


def _column(cell: str) -> str | None:
    return next((k for k in _SPREAD_COLUMNS if labels.is_label(cell, k)), None)


def spread_totals(lines: list[tuple[int, str]]) -> list[tuple[int, int, tuple[int, ...]]]:
    """(line, stated count, lines of the rows above it) of each `확산 현황` table's total row
    (`계 | 3개 기관`: a first cell of labels.csv kind `casebook_spread_total` and a count)."""
    out = []
    rows: list[int] = []
    cols = None
    for no, raw in lines:
        s = nfc(raw)
        if "|" not in s:
            cols, rows = None, []
            continue
        cells = [c.strip() for c in s.split("|")]
        if "casebook_spread_local" in [_column(c) for c in cells]:
            cols, rows = cells, []
            continue
        if cols is None:
            continue
        if labels.is_label(cells[0], "casebook_spread_total"):
            m = re.search(r"(\d{1,3})\s*개", s)
            if m:
                out.append((no, int(m.group(1)), tuple(rows)))
            continue
        rows.append(no)
    return out


def spread_table(lines: list[tuple[int, str]], found_cls, channel: str | None) -> list:
    """Adoptions in `확산 현황` tables (cells between bars): the header row names a local
    column (and maybe a province and a date column); each following row of as many cells
    is one adopting agency, until a row of another shape."""
    out: list = []
    cols: list[str | None] | None = None
    for no, raw in lines:
        s = nfc(raw)
        if "|" not in s:
            cols = None
            continue
        cells = [c.strip() for c in s.split("|")]
        roles = [_column(c) for c in cells]
        if "casebook_spread_local" in roles:
            cols = roles
            continue
        if cols is None or len(cells) != len(cols):
            cols = None
            continue
        row = dict(zip(cols, cells))
        name = " ".join(x for x in (row.get("casebook_spread_province"), row.get("casebook_spread_local")) if x)
        if name:
            out.append(found_cls(None, channel, no, source="", list_text=name,
                                 date_text=row.get("casebook_spread_date") or ""))
    return out
