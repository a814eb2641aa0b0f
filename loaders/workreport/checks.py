"""What a work report's own cues say should have been found, against what was.

Each cue is independent of the body's headings: the program inventory (TOC lines,
program list tables), the bureau's stated organisation (`조직현황 : 3과 12팀`,
`7과 1사업소`), the divisions' own team counts, the staffing tables. A count
that falls short, or two statements that disagree, becomes a warning the user
sees in `kg ingest` and in `kg query extraction-report`.
"""
from __future__ import annotations

import re

from loaders.document.layout import column_label
from loaders.records import Agreement, Award, Division, ExtractionCheck, Program, Staffing
from loaders.lexicon.words import alt, words
from loaders.workreport import inventory
from loaders.workreport.extract import split_status
from loaders.workreport.parse import Document

# the words of this module are rows of loaders/lexicon/data/report_words.csv
_W = "report_words"
_ORG = re.compile(r"(\d{1,2})\s*개?\s*(?:" + alt(_W, "org_count_unit") + r")(?![가-힣])")
_ORG_KEYS = words(_W, "org_status_key")
_CURRENT = words(_W, "current")[0]  # 현원
_ORG_TEAMS = re.compile(r"(\d{1,3})\s*개?\s*팀")
_MAX_NAMES = 5


def _names(titles: list[str]) -> str:
    shown = ", ".join(titles[:_MAX_NAMES])
    return shown + (f" (+{len(titles) - _MAX_NAMES})" if len(titles) > _MAX_NAMES else "")


def program_checks(doc: Document, programs: list[Program]) -> list[ExtractionCheck]:
    """Programs found per division against the inventory's list for that division."""
    items = [p for p in programs if p.parent_key is None]
    listed = _dedupe(doc.listed)
    out: list[ExtractionCheck] = []
    if not listed:
        warning = None
        if not items and doc.division_starts:
            warning = (f"no program read under any of the {len(doc.division_starts)} division sections: "
                       "their numbering or headings are in a form this loader does not know")
        return [ExtractionCheck("program", len(items), None, None, warning, None, 1)] + _empty_sections(doc, items)
    missing = [x for x in listed if not any(inventory.same_title(x.title, p.title) for p in items)]
    unlisted = [p for p in items if not any(inventory.same_title(x.title, p.title) for x in listed)]
    warning = None
    if missing:
        warning = (f"{len(missing)} listed program(s) not found in the body, kept from the list without "
                   f"details: {_names([x.title for x in missing])}")
    cue = " + ".join(sorted({x.cue for x in listed}))
    out.append(ExtractionCheck("program", len(items) - len(unlisted), len(listed), cue, warning, None,
                               min(x.line for x in listed)))
    if unlisted:
        out.append(ExtractionCheck("program-unlisted", len(unlisted), 0, cue,
                                   f"{len(unlisted)} program(s) found that the inventory does not list: "
                                   f"{_names([p.title for p in unlisted])}", None, unlisted[0].line))
    for division in sorted({x.division for x in listed if x.division}):
        want = [x for x in listed if x.division == division]
        got = [p for p in items if p.department == division]
        if not got:
            out.append(ExtractionCheck("program", 0, len(want), cue,
                                       f"{division}: none of its {len(want)} listed programs found", division,
                                       want[0].line))
    return out


def _empty_sections(doc: Document, items: list[Program]) -> list[ExtractionCheck]:
    """Without a program list, a division whose section the body opens but yields no
    program (while others do) was most likely read badly: say which, and where."""
    if not items:
        return []
    have = {p.department for p in items}
    first: dict[str, int] = {}
    for name, line in doc.division_starts:
        first.setdefault(name, line)
    return [ExtractionCheck("program", 0, None, "division section",
                            f"{name}: its section (line {line}) yielded no program; its items may be numbered or "
                            "marked in a form this loader does not know", name, line)
            for name, line in first.items() if name not in have]


def section_checks(doc: Document, divisions: list[Division], programs: list[Program]) -> list[ExtractionCheck]:
    """A division the report names (overview, staffing) with neither a section of its own
    nor a program, in a report whose programs are read per division: its heading is in
    a form the loader does not know, and its programs were counted under the division
    above it. Say which."""
    items = [p for p in programs if p.parent_key is None]
    if not doc.division_starts or not items:
        return []
    opened = {name for name, _line in doc.division_starts}
    have = {p.department for p in items}
    elsewhere = {d.name for d in divisions for ln in doc.lines if d.name in ln.compact and _ELSEWHERE.search(ln.compact)}
    return [ExtractionCheck("division-section", 0, 1, "divisions named",
                            f"{d.name}: named by the report, but no section of its own was found and no program "
                            "read for it; its programs may be counted under another division", d.name, d.line)
            for d in divisions if d.name not in opened and d.name not in have and d.name not in elsewhere]


def unplaced_checks(doc: Document, divisions: list[Division], programs: list[Program]) -> list[ExtractionCheck]:
    """Programs read under no division in a report that names two or more divisions and
    whose program numbers say the body is in sections (they restart, `1.` after `3.`, or
    are grouped, `2-1.`): the sections' titles were not read (a form the loader does not
    know, or only page headers or captions), and the programs lost their division. Say
    how many, and where the first is. (A report whose programs run 1, 2, 3 across the
    bureau tells them by no division: nothing to say.)"""
    items = [p for p in programs if p.parent_key is None]
    lost = [p for p in items if p.department is None]
    numbers = [n.number for n in doc.nodes if n.number]
    sectioned = any(n >= 100 for n in numbers) or any(b <= a for a, b in zip(numbers, numbers[1:]))
    if len(divisions) < 2 or not lost or not sectioned:
        return []
    return [ExtractionCheck("program-division", len(items) - len(lost), len(items), "divisions named",
                            f"{len(lost)} of {len(items)} programs read under no division, though the report names "
                            f"{len(divisions)} ({_names([d.name for d in divisions])}) and numbers its programs in "
                            f"sections: the sections' titles may be in a form this loader does not know; first: "
                            f"{lost[0].title}", None, lost[0].line)]


# `※ 문화체육과 소관 주요업무는 문화복지위원회에 별도 보고`: a division whose work the report says is told elsewhere
_ELSEWHERE = re.compile(alt(_W, "reported_elsewhere"))


def partner_table_checks(doc: Document, records: list) -> list[ExtractionCheck]:
    """Rows of an agreement or award table (told by their headers) that gave no fact:
    a partner or an award the loader could not read, said rather than dropped. The
    warning quotes the partner or award cell only (never a contact cell)."""
    from loaders.workreport import partners  # partners imports parse, as checks does; no cycle at import time

    names = {"agreement": [p.label for r in records if isinstance(r, Agreement) for p in r.parties[1:]],
             "award": [r.award for r in records if isinstance(r, Award)]}
    out = []
    for t in doc.tables:
        agr, awd = partners.agreement_table(t), partners.award_table(t)
        kind, col = ("agreement", agr[0]) if agr else ("award", awd["name"]) if awd else (None, None)
        if kind is None:
            continue
        for r, no in zip(t.rows[1:], t.row_lines[1:]):
            cell = r[col].strip() if col < len(r) else ""
            if cell and not any(n and "".join(n.split()) in "".join(cell.split()) for n in names[kind]):
                out.append(ExtractionCheck(kind, 0, 1, f"{kind} table", f"{kind} table row not read: {cell}",
                                           None, no))
    return out


def table_checks(doc: Document) -> list[ExtractionCheck]:
    """Column labels written one per line (a converter that flattens tables) that could
    not be read as a table (cells missing, empty cells dropped): the facts of that table
    (staffing, twinning, funding, discounts) are lost, so say where."""
    out: list[ExtractionCheck] = []
    run: list = []
    for ln in doc.lines + [None]:
        if ln is not None and ln.text and "\t" not in ln.raw and not ln.marker and column_label(ln.text):
            run.append(ln)
            continue
        if len(run) >= 3:
            out.append(ExtractionCheck("table", 0, 1, "column labels one per line",
                                       f"a table written one cell per line at line {run[0].no} "
                                       f"({' | '.join(x.compact for x in run)}) could not be split into rows: "
                                       "its facts were not read", None, run[0].no))
        run = []
    return out


def listed_not_found(doc: Document, programs: list[Program], year: str | None) -> list[Program]:
    """Programs the inventory lists that the body did not yield: kept, from the list
    (title, division, the list's line), so that one unread section costs details,
    not the program."""
    items = [p for p in programs if p.parent_key is None]
    listed = _dedupe(doc.listed)
    out = []
    for division in dict.fromkeys(x.division for x in listed):
        want = [x for x in listed if x.division == division]
        got = [p for p in items if division is None or p.department == division]
        deficit = len(want) - len(got)
        if deficit <= 0:
            continue  # as many programs as listed: a title that does not match is a rewording
        missing = [x for x in want if not any(inventory.same_title(x.title, p.title) for p in got)]
        for x in missing[:deficit]:
            title, status = split_status(x.title)
            out.append(Program(f"L{x.line}", title, x.division, None, status, None, False, year,
                               line=x.line, line_end=x.line))
    return out


def _dedupe(listed: list[inventory.Listed]) -> list[inventory.Listed]:
    """The same program named by two cues (a TOC and a list table) counts once."""
    out: list[inventory.Listed] = []
    for x in listed:
        if not any(inventory.same_title(x.title, y.title) and (x.division == y.division or not x.division
                                                               or not y.division) for y in out):
            out.append(x)
    return out


def division_checks(doc: Document, divisions: list[Division], bureau: str | None) -> list[ExtractionCheck]:
    stated, teams, line = _stated_organisation(doc)
    out = []
    warning = None
    if stated is not None and stated != len(divisions):
        warning = f"the report states {stated} divisions, {len(divisions)} were found"
    out.append(ExtractionCheck("division", len(divisions), stated, "organisation line" if stated else None,
                               warning, bureau, line or 1))
    counted = [d.team_count for d in divisions if d.team_count is not None]
    if teams is not None or counted:
        found = sum(counted)
        w = None
        if teams is not None and len(counted) == len(divisions) and found != teams:
            w = f"the divisions' team counts add up to {found}, the report states {teams} teams"
        elif teams is not None and len(counted) < len(divisions):
            w = f"team counts for {len(counted)} of {len(divisions)} divisions"
        out.append(ExtractionCheck("team", found, teams, "organisation line" if teams else None, w, bureau,
                                   line or 1))
    return out


def _stated_organisation(doc: Document) -> tuple[int | None, int | None, int | None]:
    """(divisions, teams, line) the bureau's own status states: `조직현황 : 3과 12팀`."""
    first_division = doc.division_starts[0][1] if doc.division_starts else len(doc.lines)
    for ln in doc.lines[:first_division]:
        if not ln.text or "\t" in ln.raw:
            continue
        kv = ln.kv()
        if not kv or not any(w in kv[0] for w in _ORG_KEYS):
            continue
        counts = [int(m.group(1)) for m in _ORG.finditer(kv[1])]
        if counts:
            t = _ORG_TEAMS.search(kv[1])
            return sum(counts), (int(t.group(1)) if t else None), ln.no
    return None, None, None


def staffing_checks(doc: Document, divisions: list[Division], staffing: list[Staffing],
                    bureau: str | None = None) -> list[ExtractionCheck]:
    """Divisions with their staff figures (scoped to the bureau: the document-wide count
    of units with a headcount stays the generic one); expected only when the report
    gives 현원 somewhere."""
    if not staffing and not any(_CURRENT in ln.compact for ln in doc.lines if ln.text):
        return []
    covered = {s.unit for s in staffing if s.grade is None and (s.authorized is not None or s.current is not None)}
    names = [d.name for d in divisions]
    found = sum(1 for n in names if n in covered)
    warning = None
    if names and found < len(names):
        missing = [n for n in names if n not in covered]
        warning = f"staffing {found} of {len(names)} divisions; none read for {_names(missing)}"
    return [ExtractionCheck("staffing", found, len(names) or None, "divisions", warning, bureau or "divisions", 1)]


def budget_checks(programs: list[Program], warnings: list) -> list[ExtractionCheck]:
    items = [p for p in programs if p.parent_key is None]
    with_budget = sum(1 for p in items if p.budget_krw is not None or p.non_budget)
    out = [ExtractionCheck("budget", with_budget, len(items) or None, "programs", None, None, 1)]
    for kind, message, line in warnings:  # noqa: B007
        out.append(ExtractionCheck(kind, 0, None, "stated totals", message, None, line))
    return out


def issuer_check(issuer) -> list[ExtractionCheck]:
    """Without the issuing government, twinning, agreements, awards and selections
    cannot be read (they are the issuer's): say so."""
    if issuer is not None:
        return []
    return [ExtractionCheck("issuer", 0, 1, "title, council, ordinances", "the issuing government could not be "
                            "determined (no council session, council name, ordinance or head-of-government "
                            "mention): sister cities, agreements, awards, grant selections, divisions and staffing "
                            "were not recorded", None, 1)]
