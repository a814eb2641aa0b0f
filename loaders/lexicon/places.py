"""Countries as the documents write them (data/countries.csv).

>>> "베트남" in countries(), is_country("중 국")
(True, True)
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "countries.csv"


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    with _DATA.open(encoding="utf-8", newline="") as fh:
        return frozenset(row["country"] for row in csv.DictReader(fh))


def is_country(text: str) -> bool:
    return "".join(text.split()) in countries()
