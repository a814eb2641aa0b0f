"""The 광역 (province-level) names, read from the gazetteer's data rather than typed again.

- `full_names()`: every official name a 광역 has had since 1995 (`강원도`, `강원특별자치도`);
- `short_names()`: the short forms documents use (`서울`, `충남`), gazetteer.REGION_ABBREV;
- `short_names(*gov_types)`: those of the 광역 of these types (`도`, `특별자치도`: the provinces;
  `특별시`, `광역시`: the cities with 구/군 under them);
- `city_forms()`: short form + 시 of the 특별시/광역시/특별자치시 (`서울시`, `세종시`).

>>> "강원특별자치도" in full_names(), short_names()[:3]
(True, ('서울', '부산', '대구'))
>>> short_names("특별시", "광역시")
('서울', '부산', '대구', '인천', '광주', '대전', '울산')
"""
from __future__ import annotations

import csv
from functools import lru_cache

from loaders.lexicon.gazetteer import DATA_DIR, REGION_ABBREV

_CITY_TYPES = ("특별시", "광역시", "특별자치시")  # a 광역 that is a city: 서울시, 세종시


@lru_cache(maxsize=1)
def _metros() -> dict[str, str]:
    """{code: gov_type} of the 광역 agencies."""
    with open(DATA_DIR / "agencies.csv", encoding="utf-8", newline="") as fh:
        return {r["code"]: r["gov_type"] for r in csv.DictReader(fh) if r["kind"] == "metropolitan"}


@lru_cache(maxsize=1)
def full_names() -> tuple[str, ...]:
    metros = _metros()
    with open(DATA_DIR / "names.csv", encoding="utf-8", newline="") as fh:
        return tuple(dict.fromkeys(r["name"] for r in csv.DictReader(fh) if r["code"] in metros))


@lru_cache(maxsize=None)
def short_names(*gov_types: str) -> tuple[str, ...]:
    metros = _metros()
    return tuple(ab for ab, code in REGION_ABBREV.items() if not gov_types or metros[code] in gov_types)


def city_forms() -> tuple[str, ...]:
    return tuple(ab + "시" for ab in short_names(*_CITY_TYPES))


def alt(names) -> str:
    return "|".join(names)


def provinces() -> tuple[str, ...]:
    """Short forms of the 도 (`충남`, `강원`, `제주`)."""
    return short_names("도", "특별자치도")


def cities_with_districts() -> tuple[str, ...]:
    """Short forms of the 특별시/광역시, the 광역 cities with 구/군 under them (not 세종)."""
    return short_names("특별시", "광역시")
