"""Words that are never an agreement partner (verbs, connectives, common nouns),
from the reviewed table data/partner_stopwords.csv.

A stop word written with a company marker (`㈜같다`: a company registered under
that name) is a name; bodies the gazetteer knows are never stop words (a test checks).

>>> is_stopword("같다"), is_stopword("같다", raw="㈜같다"), is_stopword("광주은행")
(True, False, False)
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from loaders.lexicon.words import alt

TABLE = Path(__file__).parent / "data" / "partner_stopwords.csv"
_CORPORATE = re.compile(alt("company_forms", "marker"))  # data/company_forms.csv


@lru_cache(maxsize=1)
def stopwords(path: Path = TABLE) -> frozenset[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        words = set()
        for rec in reader:
            w = (rec.get("word") or "").strip()
            if not w or not (rec.get("source") or "").strip():
                raise ValueError(f"{path}:{reader.line_num}: a row needs a word and the source of its example")
            words.add(w)
    return frozenset(words)


def is_stopword(name: str, raw: str | None = None) -> bool:
    """True when `name` (cleaned) is a stop word and `raw` (as written) has no company marker."""
    return name.strip() in stopwords() and not (raw and _CORPORATE.search(raw))
