"""The reviewed vocabulary that tells awards from grant selections.

One table, `data/award_selection_words.csv`, one row per phrasing:

- `selection`: a selection in a competition for funding or designation
  (`공모사업 선정`, `시범지역 선정`, `지원사업 선정`, `특구 지정`);
- `award`: an award or evaluation result (`수상`, `표창`, `평가 결과`, a quoted grade);
- `not`: a selection the agency itself makes (beneficiaries, contractors, tasks),
  an application or a contest it runs (`공모 신청`, `공모전`);
- `body`: how a document writes a national body that runs competitions
  (`행안부`), with the name it stands for in `means`.

Every row carries an example and where the example came from (`source`);
tests/loaders/lexicon/test_award_selection_words.py checks each example against its row; the
rows are read by loaders/lexicon/words.py like every other word table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.lexicon import words as tables

TABLE = tables.DATA / "award_selection_words.csv"
KINDS = ("selection", "award", "not", "body")
Row = tables.Row  # kind, pattern (text), means, example, source, note, line


@dataclass(frozen=True)
class Words:
    rows: tuple[Row, ...]
    selection: re.Pattern  # any `selection` row
    award: re.Pattern  # any `award` row
    excluded: re.Pattern  # any `not` row
    bodies: tuple[tuple[re.Pattern, str], ...]  # (written form, name it stands for)

    def of(self, kind: str) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.kind == kind)


def _union(rows: list[Row]) -> re.Pattern:
    pats = dict.fromkeys(r.pattern for r in rows)
    return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!x)x")


@lru_cache(maxsize=1)
def words() -> Words:
    """The table, compiled (read by loaders.lexicon.words: a bad row is a ValueError
    naming file and line); its kinds and body rows checked here."""
    rows = tables.rows(TABLE.stem)
    for r in rows:
        if r.kind not in KINDS:
            raise ValueError(f"{TABLE}:{r.line}: kind {r.kind!r} is not one of {', '.join(KINDS)}")
        if r.kind == "body" and not r.means:
            raise ValueError(f"{TABLE}:{r.line}: a body row needs the name it stands for in `means`")
    by = {k: [r for r in rows if r.kind == k] for k in KINDS}
    return Words(rows, _union(by["selection"]), _union(by["award"]), _union(by["not"]),
                 tuple((re.compile(r.pattern), r.means) for r in by["body"]))
