"""The extraction report of one document: what was found of each kind of fact, and
what the document's own cues (a program list, a table of contents, an overview
table, a stated total) say should be there.

Pure: records in, `ExtractionCheck` records out (no kg import). Two sources:

* the genre loader's own checks (`ExtractionCheck` records among its output), which
  carry `expected`, the cue and a warning when the two disagree;
* generic checks every document has, counted from its records alone (`expected`
  None): one per fact kind of `FACT_KINDS` that the genre has or that was found,
  unless the loader already checked that kind for the whole document.

`with_report(records)` is what the build pipeline calls: the records with the
loader's checks replaced by the merged report (calling it again changes nothing,
so a check is never counted twice). `summary(checks)` is the JSON-able shape that
`kg ingest/build --report json` prints.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from loaders import records as r

# kind -> (record type, how found is counted, what the count is, plural label).
# Kinds are the `ExtractionCheck.kind` codes the loaders use too.
_Count = Callable[[list], int]


def _n(recs: list) -> int:
    return len(recs)


def _top_level(recs: list) -> int:
    return sum(1 for p in recs if p.parent_key is None)


def _sub_items(recs: list) -> int:
    return sum(1 for p in recs if p.parent_key is not None)


def _units(recs: list) -> int:
    return len({s.unit.replace(" ", "") for s in recs})


def _teams(recs: list) -> int:
    return sum(d.team_count if d.team_count is not None else len(d.teams) for d in recs)


FACT_KINDS: dict[str, tuple[type, _Count, str]] = {
    "division": (r.Division, _n, "divisions"),
    "team": (r.Division, _teams, "teams"),
    "staffing": (r.Staffing, _units, "staffing"),  # units (division, bureau) with a headcount
    "program": (r.Program, _top_level, "programs"),
    "sub-program": (r.Program, _sub_items, "sub-items"),
    "budget-line": (r.BudgetLine, _n, "budget lines"),
    "milestone": (r.Milestone, _n, "milestones"),
    "outcome": (r.Outcome, _n, "outcomes"),
    "sister-city": (r.SisterCity, _n, "sister cities"),
    "discount": (r.Discount, _n, "discounts"),
    "agreement": (r.Agreement, _n, "agreements"),
    "award": (r.Award, _n, "awards"),
    "grant-selection": (r.GrantSelection, _n, "grant selections"),
    "case": (r.Case, _n, "cases"),
    "entry": (r.Entry, _n, "entries"),
    "adoption": (r.Adoption, _n, "adoptions"),
}

# The kinds a genre reports even when none was found (a work report without one
# program was read badly; a casebook is not expected to have divisions).
GENRE_KINDS: dict[str, tuple[str, ...]] = {
    "work-report": ("division", "team", "staffing", "program", "budget-line", "milestone", "outcome",
                    "sister-city", "agreement", "award", "grant-selection"),
    "casebook": ("entry", "case", "adoption", "outcome", "award", "grant-selection", "agreement"),
}

# labels of kinds the loaders check beyond FACT_KINDS
OTHER_LABELS = {"budget": "programs with a budget", "budget-total": "budget total (won)",
                "program-unlisted": "programs not in the list", "division-section": "divisions without a section",
                "program-division": "programs placed in a division", "table": "tables read",
                "staffing-total": "staff total"}


def label(kind: str) -> str:
    """The plural label of a kind for people.

    >>> label("sister-city"), label("budget-total"), label("x-new")
    ('sister cities', 'budget total (won)', 'x-new')
    """
    if kind in FACT_KINDS:
        return FACT_KINDS[kind][2]
    return OTHER_LABELS.get(kind, kind)


def found_counts(records: Iterable[r.Record]) -> dict[str, int]:
    """kind -> how many facts of that kind the records hold (every kind of FACT_KINDS)."""
    by_type: dict[type, list] = {}
    for rec in records:
        by_type.setdefault(type(rec), []).append(rec)
    return {kind: count(by_type.get(t, [])) for kind, (t, count, _) in FACT_KINDS.items()}


def _span(recs: list, doc_line: int) -> tuple[int, int | None]:
    lines = [x.line for x in recs if x.line]
    if not lines:
        return doc_line, None
    end = max(x.line_end or x.line for x in recs if x.line)
    return min(lines), (end if end > min(lines) else None)


def extraction_report(records: Iterable[r.Record]) -> list[r.ExtractionCheck]:
    """The document's checks: the loader's own, and a generic count for every other
    kind of fact (see the module docstring). Order: kinds as in FACT_KINDS, then the
    loader's other kinds as they come; within a kind the whole-document check first,
    then the scoped ones in the loader's order."""
    recs = list(records)
    doc = recs[0] if recs and isinstance(recs[0], r.DocumentInfo) else None
    doc_line = (doc.line if doc else 0) or 1
    own = [x for x in recs if isinstance(x, r.ExtractionCheck)]
    checked = {c.kind for c in own if c.scope is None}
    counts = found_counts(recs)
    wanted = set(GENRE_KINDS.get(doc.genre, ()) if doc else ())
    generic = []
    for kind, (t, _count, _) in FACT_KINDS.items():
        if kind in checked or not (counts[kind] or kind in wanted):
            continue
        line, line_end = _span([x for x in recs if type(x) is t], doc_line)
        generic.append(r.ExtractionCheck(kind, counts[kind], line=line, line_end=line_end))
    order = {k: i for i, k in enumerate(FACT_KINDS)}
    for c in own:
        order.setdefault(c.kind, len(order))
    merged = generic + own
    return sorted(merged, key=lambda c: (order[c.kind], c.scope is not None))  # stable: loader order kept


def with_report(records: Iterable[r.Record]) -> list[r.Record]:
    """The records with their extraction report: facts first, then the checks."""
    recs = list(records)
    return [x for x in recs if not isinstance(x, r.ExtractionCheck)] + extraction_report(recs)


def checks_of(records: Iterable[r.Record]) -> list[r.ExtractionCheck]:
    return [x for x in records if isinstance(x, r.ExtractionCheck)]


# -- for people and for JSON -------------------------------------------------------

CHECK_KEYS = ("kind", "scope", "found", "expected", "cue", "warning", "line")


def check_dict(c: r.ExtractionCheck) -> dict:
    return {k: getattr(c, k) for k in CHECK_KEYS}


def describe(c: r.ExtractionCheck) -> str:
    """One check in a few words.

    >>> describe(r.ExtractionCheck("program", 4, 21, cue="program list"))
    'programs 4 of 21 (program list)'
    >>> describe(r.ExtractionCheck("staffing", 0, 1, scope="행정지원과"))
    '행정지원과 staffing 0 of 1'
    """
    text = f"{label(c.kind)} {c.found}"
    if c.expected is not None:
        text += f" of {c.expected}"
    if c.cue:
        text += f" ({c.cue})"
    return f"{c.scope} {text}" if c.scope else text


def warning_text(c: r.ExtractionCheck) -> str:
    """A warning for people: the loader's own words (they name the counts and the
    scope; the numbers are also in the check's fields)."""
    return c.warning or describe(c)


def summary(checks: Iterable[r.ExtractionCheck]) -> dict:
    """The JSON-able report of one document's checks:

    found / expected: kind -> number, for the whole-document checks (expected only
    where a cue gave it); warnings: the checks that carry one, as sentences;
    checks: every check with all its fields (keys in CHECK_KEYS order).

    >>> s = summary([r.ExtractionCheck("program", 4, 21, cue="program list", warning="programs 4 of 21 listed", line=9),
    ...              r.ExtractionCheck("division", 5)])
    >>> s["found"], s["expected"], s["warnings"]
    ({'program': 4, 'division': 5}, {'program': 21}, ['programs 4 of 21 listed'])
    """
    checks = list(checks)
    whole = [c for c in checks if c.scope is None]
    return {
        "found": {c.kind: c.found for c in whole},
        "expected": {c.kind: c.expected for c in whole if c.expected is not None},
        "warnings": [warning_text(c) for c in checks if c.warning],
        "checks": [check_dict(c) for c in checks],
    }


def one_line(checks: Iterable[r.ExtractionCheck]) -> str:
    """The whole-document checks in one line, for `kg ingest` without --report.

    >>> one_line([r.ExtractionCheck("program", 4, 21, cue="program list", warning="w"),
    ...           r.ExtractionCheck("staffing", 0, 5), r.ExtractionCheck("award", 0, scope="x", warning="v")])
    'programs 4 of 21 (program list), staffing 0 of 5; 2 warnings'
    """
    checks = list(checks)
    text = ", ".join(describe(c) for c in checks if c.scope is None)
    n = sum(1 for c in checks if c.warning)
    if n:
        text += f"; {n} warning{'s' if n != 1 else ''}"
    return text
