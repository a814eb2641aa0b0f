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
tests/loaders/test_award_selection_words.py checks each example against its row.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "award_selection_words.csv"
KINDS = ("selection", "award", "not", "body")


@dataclass(frozen=True)
class Row:
    kind: str
    pattern: re.Pattern
    means: str
    example: str
    source: str
    note: str
    line: int  # line of the row in the table


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
    pats = dict.fromkeys(r.pattern.pattern for r in rows)
    return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!x)x")


@lru_cache(maxsize=1)
def words(path: Path = TABLE) -> Words:
    """The table, compiled. A bad row is a ValueError naming file and line."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for rec in reader:
            no = reader.line_num
            kind = (rec.get("kind") or "").strip()
            if kind not in KINDS:
                raise ValueError(f"{path}:{no}: kind {kind!r} is not one of {', '.join(KINDS)}")
            try:
                pat = re.compile(rec["pattern"])
            except (re.error, TypeError) as exc:
                raise ValueError(f"{path}:{no}: bad pattern {rec.get('pattern')!r}: {exc}") from None
            if kind == "body" and not rec.get("means"):
                raise ValueError(f"{path}:{no}: a body row needs the name it stands for in `means`")
            if not rec.get("source"):
                raise ValueError(f"{path}:{no}: every row says where its example came from (`source`)")
            rows.append(Row(kind, pat, rec.get("means") or "", rec.get("example") or "", rec["source"],
                            rec.get("note") or "", no))
    by = {k: [r for r in rows if r.kind == k] for k in KINDS}
    return Words(tuple(rows), _union(by["selection"]), _union(by["award"]), _union(by["not"]),
                 tuple((r.pattern, r.means) for r in by["body"]))
