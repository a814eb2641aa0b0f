"""The 광역 (province-level) names, read from the gazetteer's data rather than typed again.

- `full_names()`: every official name a 광역 has had since 1995 (`강원도`, `강원특별자치도`);
- `short_names()`: the short forms documents use (`서울`, `충남`), gazetteer.REGION_ABBREV;
- `short_names(*gov_types)`: those of the 광역 of these types (`도`, `특별자치도`: the provinces;
  `특별시`, `광역시`: the cities with 구/군 under them);
- `city_forms()`: short form + 시 of the 특별시/광역시/특별자치시 (`서울시`, `세종시`);
- `current_names()`: {short form: the agency's name now} (`충남` → `충청남도`);
- `long_stems()`: the stems of the official names that are not short forms
  (`충청남도` → `충청남`), for `충청남도`-style mentions.

>>> "강원특별자치도" in full_names(), short_names()[:3]
(True, ('서울', '부산', '대구'))
>>> short_names("특별시", "광역시")
('서울', '부산', '대구', '인천', '광주', '대전', '울산')
>>> current_names()["강원"], long_stems()[:2]
('강원특별자치도', ('충청북', '충청남'))
"""
from __future__ import annotations

import csv
from functools import lru_cache

from loaders.lexicon import labels
from loaders.lexicon.gazetteer import DATA_DIR, REGION_ABBREV

_CITY_TYPES = ("특별시", "광역시", "특별자치시")  # a 광역 that is a city: 서울시, 세종시


@lru_cache(maxsize=1)
def _agencies() -> tuple[dict, ...]:
    with open(DATA_DIR / "agencies.csv", encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=1)
def _metros() -> dict[str, str]:
    """{code: gov_type} of the 광역 agencies."""
    return {r["code"]: r["gov_type"] for r in _agencies() if r["kind"] == "metropolitan"}


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


@lru_cache(maxsize=1)
def current_names() -> dict[str, str]:
    names = {r["code"]: r["name"] for r in _agencies()}
    return {ab: names[code] for ab, code in REGION_ABBREV.items()}


def _stem(name: str) -> str:
    for suffix in labels.words("gov_suffix"):  # longest first: 특별자치도 before 도
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def long_stems() -> tuple[str, ...]:
    shorts = set(REGION_ABBREV)
    return tuple(dict.fromkeys(s for s in map(_stem, full_names()) if s not in shorts))
