"""The 광역 governments' names as work reports write them, from the gazetteer's data
(data/gazetteer/agencies.csv, names.csv, gazetteer.REGION_ABBREV), not typed again.

- `current_names()`: {short form: the agency's name in agencies.csv} (`충남` → `충청남도`);
- `long_stems()`: the stems of the official names that are not short forms
  (`충청남도` → `충청남`, `전라북도` → `전라북`), for `충청남도`-style mentions.

>>> current_names()["강원"], long_stems()[:2]
('강원특별자치도', ('충청북', '충청남'))
"""
from __future__ import annotations

import csv
from functools import lru_cache

from loaders.lexicon import labels, regions
from loaders.lexicon.gazetteer import DATA_DIR, REGION_ABBREV


@lru_cache(maxsize=1)
def current_names() -> dict[str, str]:
    with open(DATA_DIR / "agencies.csv", encoding="utf-8", newline="") as fh:
        names = {r["code"]: r["name"] for r in csv.DictReader(fh)}
    return {ab: names[code] for ab, code in REGION_ABBREV.items()}


def _stem(name: str) -> str:
    for suffix in labels.words("gov_suffix"):  # longest first: 특별자치도 before 도
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def long_stems() -> tuple[str, ...]:
    shorts = set(REGION_ABBREV)
    return tuple(dict.fromkeys(s for s in map(_stem, regions.full_names()) if s not in shorts))
