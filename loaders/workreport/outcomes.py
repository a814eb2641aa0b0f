"""Measured results in 추진실적 / 운영현황 / 추진현황 / 성과 sections.

Precise rather than exhaustive: a line needs a metric name and a number
(`보도자료 제공 : 444건(3,512건 보도)`); a table needs year columns.

>>> metric_value("444건(3,512건 보도)")
(Decimal('444'), '건')
>>> metric_value("총180만부")
(Decimal('180'), '만부')
>>> metric_value("서울신문 등 43개 언론사") is None
True
"""
from __future__ import annotations

import re
from functools import lru_cache
from decimal import Decimal

from loaders.lexicon.words import alt, words
from loaders.records import Outcome
from loaders.text import nfc, parse_date
from loaders.workreport import units
from loaders.workreport.parse import Line, Node, Table

# the words of this module are rows of loaders/lexicon/data/report_words.csv (each with an example)
_W = "report_words"
_RESULT_LABEL = re.compile(alt(_W, "result_label"))
_VALUE = re.compile(r"^(?:" + alt(_W, "value_lead") + r")?\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[가-힣a-zA-Z%㎡]+)?")
_STOP = re.compile(r"^(?:" + alt(_W, "not_result_key") + ")$")
_AS_OF = words(_W, "as_of")[0]  # 기준
_AS_OF_WORD = re.compile(_AS_OF + "|" + alt(_W, "as_of_now"))
_DATE_UNITS = "".join(words(_W, "date_unit"))  # a figure in 년/월/일/시 is a date or a time
_DATED_NOTE = re.compile(_AS_OF + r"|['’‘]\d\d\.|(?:19|20)\d\d\.")
_UNIT_NOTE = re.compile(words(_W, "unit_key")[0] + r"\s*[:：]?\s*([가-힣%㎡]+)")
_KEY_SPLIT = re.compile(r"\s*[:：]")
_SECTION_NO = re.compile(r"^\s*\d{1,2}[.)]?\s+(?=\S)")
_YEAR_H = re.compile(r"^((?:19|20)\d\d)년?도?$")


def metric_value(value: str) -> tuple[Decimal, str | None] | None:
    m = _VALUE.match(nfc(value))
    if not m:
        return None
    num = m.group("num").replace(",", "")
    unit = m.group("unit")
    if unit and unit[0] in _DATE_UNITS or re.match(r"^\d+\.\s*\d", value.strip()):
        return None
    try:
        return Decimal(num), unit
    except Exception:  # noqa: BLE001
        return None


def _when(value: str, label: str, as_of: str | None) -> tuple[str | None, str | None]:
    """(point date, period year) of a result line."""
    for pm in re.finditer(r"\(([^()]*)\)", value):
        if re.search(r"\d", pm.group(1)) and _DATED_NOTE.search(pm.group(1)):
            d = parse_date(pm.group(1))
            if d:
                return d, None
    label = _SECTION_NO.sub("", label)  # `02 2023년 추진실적`: the section's number is no year
    m = re.match(r"^['’‘]?((?:19|20)?\d\d)\s*년?", units.compact(label))
    if m and re.match(r"^['’‘]?\d", units.compact(label)):
        y = m.group(1)
        return None, y if len(y) == 4 else "20" + y
    return as_of, None


@lru_cache(maxsize=4096)
def _is_result_label(label: str) -> bool:
    return bool(_RESULT_LABEL.search(units.compact(label)))


def extract_outcomes(nodes: dict[str, Node]) -> list[Outcome]:
    out: list[Outcome] = []
    for key, node in nodes.items():
        as_of = None
        for e in node.entries:
            b = e.block
            if isinstance(b, Line) and b.text.startswith("(") and _AS_OF_WORD.search(b.text):
                as_of = parse_date(b.text)
            if not _is_result_label(e.label):
                continue
            if isinstance(b, Table):
                out += table_outcomes(key, b)
                continue
            kv = b.kv()
            if not kv or not kv[1] or _STOP.match(kv[0]) or units.is_budget_key(kv[0]):
                continue
            mv = metric_value(kv[1])
            if mv is None:
                continue
            metric = nfc(_KEY_SPLIT.split(b.text, maxsplit=1)[0])
            date, year = _when(kv[1], e.label, as_of)
            out.append(Outcome(key, metric, mv[0], mv[1], nfc(kv[1]), date, year, year, line=b.no))
    return out


def table_outcomes(key: str, t: Table) -> list[Outcome]:
    """Rows of yearly figures: header `구 분 | 2023년 | 2024년 | 2025년`."""
    header = [units.compact(h) for h in t.rows[0]]
    years = {i: _YEAR_H.match(h).group(1) for i, h in enumerate(header) if _YEAR_H.match(h)}
    if len(years) < 2:
        return []
    cap = " ".join(t.caption[-2:])
    um = _UNIT_NOTE.search(cap)
    unit = um.group(1) if um else None
    first_year = min(years)
    out = []
    for row, no in zip(t.rows[1:], t.row_lines[1:]):
        label = next((nfc(c) for c in row[:first_year] if c.strip() and not re.fullmatch(r"\d+", c.strip())), None)
        if not label:
            continue
        for i, y in years.items():
            if i >= len(row):
                continue
            mv = metric_value(row[i])
            if mv is None:
                continue
            out.append(Outcome(key, label, mv[0], unit or mv[1], nfc(row[i]), None, y, y, line=no))
    return out
