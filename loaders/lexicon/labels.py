"""Labels of the work-report genre and their synonyms, read from data/labels.csv.

Each row: kind, label (as written, spaces free), canonical label, and where the
convention was seen. Lookups compare the label with its spaces removed, so a
letter-spaced `소 요 예 산` or `소요 예산` is `소요예산`.

>>> is_label("소요 예산", "budget_key"), canonical("추진 기간", "period_key")
(True, '사업기간')
>>> is_label("총무과", "budget_key")
False
>>> "연번" in words("program_list_number")
True
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from loaders.lexicon.words import spaced

_DATA = Path(__file__).parent / "data" / "labels.csv"


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    """{kind: {label: canonical}}."""
    out: dict[str, dict[str, str]] = {}
    with _DATA.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            label = "".join(row["label"].split())
            out.setdefault(row["kind"], {})[label] = row["canonical"] or label
    return out


def words(kind: str) -> tuple[str, ...]:
    """The labels of a kind, longest first (the order an alternation needs)."""
    return tuple(sorted(table().get(kind, {}), key=lambda w: (-len(w), w)))


def is_label(text: str, kind: str) -> bool:
    return "".join(text.split()) in table().get(kind, {})


def canonical(text: str, kind: str) -> str | None:
    return table().get(kind, {}).get("".join(text.split()))


def or_regex(kind: str) -> str:
    """An alternation of the kind's labels, each letter allowed to be spaced out.

    >>> re.fullmatch(or_regex("program_list_page"), "페 이 지") is not None
    True
    """
    return spaced(words(kind))
