"""An award written without a verb: `2022년 정부혁신 우수사례 경진대회 대통령상` — a
line that opens with a year and names a contest (lexicon labels.csv kind
`casebook_award_contest`), its grade at the end. `awards.award_in_line` then reads
the grade as it reads one in a list of awards."""
from __future__ import annotations

import re

from loaders.casebook.norm import nfc
from loaders.lexicon import labels

_YEAR_FIRST = re.compile(r"^[\s\-ㅇ○●◦•∙·□■▶]*(?:(?:19|20)\d\d|[’'‘]\d\d)\D")


def contest_line(text: str) -> bool:
    s = nfc(text)
    if not _YEAR_FIRST.match(s):
        return False
    key = "".join(s.split())
    return any(w in key for w in labels.words("casebook_award_contest"))
