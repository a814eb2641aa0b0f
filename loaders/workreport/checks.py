"""What a work report's own cues say should have been found, against what was.

Each cue is independent of the body's headings: the program inventory (TOC lines,
program list tables), the bureau's stated organisation (`조직현황 : 3과 12팀`,
`7과 1사업소`), the divisions' own team counts, the staffing tables. A count
that falls short, or two statements that disagree, becomes a warning the user
sees in `kg ingest` and in `kg query extraction-report`.
"""
from __future__ import annotations

import re

from loaders.document.layout import column_label, is_figure
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
_AUTHORIZED = words(_W, "authorized")[0]  # 정원
_ORG_TEAMS = re.compile(r"(\d{1,3})\s*개?\s*팀")
# a line of counts only (`(5과 21팀)`, `5과21팀`), spaces removed
_COUNTS_ONLY = re.compile(r"\(?(?:\d{1,3}개?(?:" + alt(_W, "org_count_unit") + r"|팀),?)+\)?")
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


def attribution_checks(doc: Document, programs: list[Program]) -> list[ExtractionCheck]:
    """Cues that disagree on which division a program belongs to.

    A program the inventory (table of contents, program list) lists under one division
    but the body reads under another is reported, per pair of divisions. So is a run
    of division "sections" of a line or two each besides figures (names listed one per
    line, as a table written one cell per line leaves them, not the divisions' own
    sections): whatever follows the run was read under its last name."""
    items = [p for p in programs if p.parent_key is None]
    out: list[ExtractionCheck] = []
    pairs: dict[tuple[str, str], list[tuple]] = {}
    for x in _dedupe(doc.listed):
        if not x.division:
            continue
        hits = [p for p in items if inventory.same_title(x.title, p.title)]
        if hits and not any(p.department == x.division for p in hits) and hits[0].department:
            pairs.setdefault((x.division, hits[0].department), []).append((x, hits[0]))
    for (listed_under, read_under), hits in pairs.items():
        x, p = hits[0]
        out.append(ExtractionCheck(
            "program-division", 0, len(hits), x.cue,
            f"{len(hits)} program(s) the {x.cue} lists under {listed_under} (line {x.line}) were read under "
            f"{read_under} by the body (line {p.line}): {_names([h[1].title for h in hits])}", listed_under, x.line))
    out += _listed_names_as_sections(doc, items)
    return out


_SHORT_SECTION = 3  # non-empty lines a division section has at most to be a name in a list


def _listed_names_as_sections(doc: Document, items: list[Program]) -> list[ExtractionCheck]:
    starts = sorted({line: name for name, line in doc.division_starts}.items())
    if len(starts) < 3:
        return []
    text_lines = [ln.no for ln in doc.lines if ln.text and not is_figure(ln.text)]  # a row's figures are no text
    run: list[tuple[int, str]] = []
    out: list[ExtractionCheck] = []
    for k, (line, name) in enumerate(starts + [(len(doc.lines) + 1, "")]):
        if run:
            prev = run[-1][0]
            between = sum(1 for no in text_lines if prev <= no < line)
            if between <= _SHORT_SECTION and name:
                run.append((line, name))
                continue
            if len(run) >= 3 and not any(p.department in {n for _, n in run[:-1]} for p in items):
                last, end = run[-1][1], run[-1][0]
                taken = [p for p in items if p.department == last and p.line > end]
                if taken:
                    out.append(ExtractionCheck(
                        "program-division", 0, None, "division sections",
                        f"{len(run)} division names at lines {run[0][0]}-{end} open sections of a line or two "
                        f"each (a list or a table written one cell per line, not the divisions' sections): the "
                        f"{len(taken)} program(s) after it were read under {last}, the last name, and may belong "
                        f"to other divisions or to the bureau: {_names([p.title for p in taken])}", last,
                        run[0][0], end))
        run = [(line, name)] if name else []
    return out


def table_checks(doc: Document) -> list[ExtractionCheck]:
    """Column labels written one per line (a converter that flattens tables) that could
    not be read as a table (cells missing, empty cells dropped): the facts of that table
    (staffing, twinning, funding, discounts) are lost, so say where. Three labels in a row,
    or two when the first is a row label (`부 서`, `담 당 업 무`)."""
    out: list[ExtractionCheck] = []
    run: list = []
    for ln in doc.lines + [None]:
        if ln is not None and ln.text and "\t" not in ln.raw and not ln.marker and column_label(ln.text):
            run.append(ln)
            continue
        if len(run) >= 3 or len(run) == 2 and column_label(run[0].text, "row_header"):
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
        elif teams is not None and counted and len(counted) < len(divisions):
            w = f"team counts for {len(counted)} of {len(divisions)} divisions"
        out.append(ExtractionCheck("team", found, teams, "organisation line" if teams else None, w, bureau,
                                   line or 1))
    return out


def _stated_organisation(doc: Document) -> tuple[int | None, int | None, int | None]:
    """(divisions, teams, line) the bureau's own status states: `조직현황 : 3과 12팀`, or a
    `□ 조직현황` heading with the counts alone on one of the next lines (`(5과 21팀)`)."""
    first_division = doc.division_starts[0][1] if doc.division_starts else len(doc.lines)
    heading_left = 0  # lines after an organisation heading that may hold its counts
    for ln in doc.lines[:first_division]:
        if not ln.text or "\t" in ln.raw:
            continue
        kv = ln.kv()
        if kv and any(w in kv[0] for w in _ORG_KEYS):
            value = kv[1]
        elif heading_left and _COUNTS_ONLY.fullmatch(ln.compact):
            value = ln.compact
        else:
            heading_left = max(heading_left - 1, 0)
            if not kv and len(ln.compact) <= 12 and any(w in ln.compact for w in _ORG_KEYS):
                heading_left = 2
            continue
        counts = [int(m.group(1)) for m in _ORG.finditer(value)]
        if counts:
            t = _ORG_TEAMS.search(value)
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


def staffing_sum_checks(divisions: list[Division], staffing: list[Staffing],
                        bureau: str | None) -> list[ExtractionCheck]:
    """Stated totals against their parts: the bureau's 정원/현원 against the sum over its
    divisions (when every division has the figure), and each unit's total against the sum of
    its grade rows. A disagreement means a figure was read from the wrong row or column.

    >>> d = [Division("총무과"), Division("세무과")]
    >>> st = [Staffing("행정국", 30, 29), Staffing("총무과", 20, 19), Staffing("세무과", 10, 10)]
    >>> [(c.found, c.expected, c.warning) for c in staffing_sum_checks(d, st, "행정국")]
    [(29, 29, None)]
    >>> st += [Staffing("총무과", None, 9, "6급"), Staffing("총무과", None, 9, "7급")]
    >>> [c.warning for c in staffing_sum_checks(d, st, "행정국")][-1]
    "총무과's 현원 by grade add up to 18, its total is 19"
    """
    totals = {s.unit: s for s in staffing if s.grade is None}
    out: list[ExtractionCheck] = []
    names = [d.name for d in divisions]
    top = totals.get(bureau) if bureau else None
    if top is not None and names and all(n in totals for n in names):
        parts, stated, bad = None, None, []
        for field, word in (("authorized", _AUTHORIZED), ("current", _CURRENT)):
            whole = getattr(top, field)
            values = [getattr(totals[n], field) for n in names]
            if whole is None or None in values:
                continue
            parts, stated = sum(values), whole
            if parts != whole:
                bad.append(f"the divisions' {word} add up to {parts}, the bureau's is {whole}")
        if stated is not None:
            out.append(ExtractionCheck("staffing-total", parts, stated, "bureau total", "; ".join(bad) or None,
                                       bureau, top.line or 1))
    for unit, t in totals.items():
        for field, word in (("authorized", _AUTHORIZED), ("current", _CURRENT)):
            grades = [getattr(s, field) for s in staffing if s.unit == unit and s.grade and getattr(s, field) is not None]
            whole = getattr(t, field)
            if grades and whole is not None and sum(grades) != whole:
                out.append(ExtractionCheck("staffing-total", sum(grades), whole, "grade rows",
                                           f"{unit}'s {word} by grade add up to {sum(grades)}, its total is {whole}",
                                           unit, t.line or 1))
    return out


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
