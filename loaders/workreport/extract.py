"""Document tree -> records: divisions, staffing, programs and what hangs on them.

Pure functions over `parse.Document`; partners (sister cities, discounts,
agreements, awards) are in partners.py, yearly figures in outcomes.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from loaders.lexicon import labels
from loaders.lexicon.vocab import SCHEMES
from loaders.lexicon.words import alt, of, words
from loaders.records import BudgetLine, Division, Milestone, Program, Staffing
from loaders.text import nfc, parse_amount, parse_krw, parse_period
from loaders.workreport import inventory, money, units
from loaders.workreport.parse import CIRCLED, Document, Entry, Line, Node, Table

_TITLE_LEADERS = re.compile(r"(?:\.{3,}|-{3,})\s*\d*\s*$")
_ALL_DIGITS = re.compile(r"\d+")
_GRADE = re.compile(r"\d급")
# the words of this module are rows of loaders/lexicon/data/report_words.csv (each with an example)
_W = "report_words"
_AUTH, _CURR = words(_W, "authorized")[0], words(_W, "current")[0]  # 정원, 현원
_STAFF_WORDS = (_AUTH, _CURR)


def _spaced(word: str) -> str:
    """`정\\s*원`: a word whose letters may be spaced out."""
    return r"\s*".join(map(re.escape, word))


_PROSE_STAFF = re.compile(_spaced(_AUTH) + r"\s*(\d[\d,]*)\s*명?\s*[\[(（/,]?\s*" + _spaced(_CURR)
                          + r"\s*(\d[\d,]*)\s*명?")
# `24명 / 23명 (정원 / 현원)`: the figures first, their legend after them
_PROSE_STAFF_AFTER = re.compile(r"(\d[\d,]*)\s*명?\s*/\s*(\d[\d,]*)\s*명?\s*[(（]\s*" + _spaced(_AUTH) + r"\s*/\s*"
                                + _spaced(_CURR) + r"\s*[)）]")
_PAIR = re.compile(r"(\d[\d,]*)\s*(?:[(（\[]\s*(\d[\d,]*)\s*[)）\]]|/\s*(\d[\d,]*))")
_PAIRED_LEGEND = re.compile(_AUTH + r"(?:[(（\[]" + _CURR + r"[)）\]]|/" + _CURR + ")")
_GRAND_TOTALS = words(_W, "total")  # 계, 합계, 총계
_TOTALS = (*_GRAND_TOTALS, *words(_W, "subtotal"))
_HEADER_TOTALS = words(_W, "header_total")
_STAFF_ROWS = words(_W, "staff_row")  # `인 원 | 98(95) | 34(33)`: the row of a 정원(현원) table's figures
_TEAM_ONLY = re.compile(r"^\s*(\d{1,2})\s*개?\s*(?:" + alt(_W, "team_count_word") + r")\s*(?:$|[(,])")
_GRADE_RANGE = re.compile(r"\d급|\d~\d급")
_LAW_WORD = re.compile(alt(_W, "law_word"))
STATUS_MARKS = words(_W, "status_mark")  # the program-status scheme's words (lexicon/data/schemes.csv)
_NEW = next(ko for key, ko, _en, _alts in SCHEMES["program-status"] if key == "new")  # 신규
_ACTION_END = (*words(_W, "action_end"), "]", ")")
# 제 n 조 (의 m): how every Korean act numbers its articles (structure, not vocabulary)
_LEGAL = re.compile(r"「[^」]+」(?:\s*제\s*\d+\s*조(?:의\s*\d+)?(?:\s*\([^)]*\))?)?|[가-힣 ]{2,40}(?:" + alt(_W, "law_kind")
                    + r")\s*제\s*\d+\s*조(?:의\s*\d+)?(?:\s*\([^)]*\))?")
_DIVISION_ENDS = words(_W, "division_ending")
_TEAM_KEYS = words(_W, "team_key")
_TEAM_HEADERS = tuple(w.replace("\\", "") for w in words(_W, "team_header"))  # the header as written
_TEAM = words(_W, "team")[0]
_BASIS = words(_W, "basis_key")[0]
_NON_BUDGET = words(_W, "non_budget")[0]
_BUDGET_LABEL = words(_W, "budget_label")[0]
_PARTIAL = words(_W, "partial_note")[0]
_BUDGET_ROW, _SOURCE_ROW = words(_W, "budget_row")[0], words(_W, "source_row")[0]
_UNIT_KEY = words(_W, "unit_key")[0]
_NOTE_PREFIX = alt("money_units", "prefix")  # 조|억|천만|백만|십만|만|천|백
_WON = words("money_units", "won")[0]
_MULTIPLIER = {r.pattern: int(r.means) for r in of("money_units", "prefix")}
_TOTAL_COST = words(_W, "total_cost_header")
_MATRIX_UNITS = words(_W, "matrix_unit")
_SCHEDULE = words(_W, "schedule_key")
_AS_OF = words(_W, "as_of")[0]
_TOTAL_PREFIX = words(_W, "total_prefix")[0]
_ALL_BUDGET_KEYS = set(labels.words("budget_key"))  # with the unit in the key, `예산액(천원)` too


@dataclass
class Context:
    bureau: str | None
    year: str | None
    ref_year: int | None
    as_of: list[tuple[int, str]]  # (line, ISO date) of `(… 기준)` notes
    warnings: list = field(default_factory=list)  # (kind, message, line) for the extraction report


# -- divisions and staffing ----------------------------------------------------


def extract_divisions(doc: Document, ctx: Context) -> list[Division]:
    teams: dict[str, int] = {}
    first: dict[str, int] = {}
    for t in doc.tables:
        for r, no in zip(t.rows, t.row_lines):
            for cell in r[:1]:
                name = units.division_name(cell, offices=True)
                if name:
                    first.setdefault(name, no)
                    if units.team_count(cell) is not None and _TEAM in cell:
                        teams.setdefault(name, units.team_count(cell))
    for name, no in doc.division_starts:
        first.setdefault(name, no)
    for name, count in section_teams(doc).items():
        teams.setdefault(name, count)
    out = []
    for name in doc.division_names:
        kind = "division" if name.endswith(_DIVISION_ENDS) else "office"
        out.append(Division(name, kind, ctx.bureau, (), teams.get(name), first.get(name, 0)))
    return out


def division_at(doc: Document, line: int) -> str | None:
    """The division whose section holds `line` (None outside any division's section)."""
    unit = doc.unit_at(line)
    return unit if unit in doc.division_names else None


def section_teams(doc: Document) -> dict[str, int]:
    """Team counts the genre states per division: `조직현황 : 4팀` in the division's own
    status block, `<총무과> (4팀)` headers, and org charts with divisions as columns
    over their team lists."""
    out: dict[str, int] = {}
    known = set(doc.division_names)
    for ln in doc.lines:
        kv = ln.kv() if ln.text and "\t" not in ln.raw else None
        if kv:  # `○ 자치행정과(4팀) : …`, `ㅇ 기획담당관 : 기획팀, 평가팀, 인구정책팀`
            name = units.division_name(kv[0], offices=True)
            if name in known:
                count = units.team_count(kv[0])
                items = [x for x in re.split(r"[,，、]\s*", kv[1]) if x.strip()]
                listed = [x for x in items if units.compact(x).endswith(_TEAM)]
                if count is None and len(listed) >= 2 and len(listed) == len(items):
                    count = len(listed)
                if count is not None:
                    out.setdefault(name, count)
                continue
        if not kv and ln.text and "\t" not in ln.raw and len(ln.compact) <= 20 and _TEAM in ln.text:
            name = units.division_name(ln.text, offices=True)  # `총무과 (4팀)` alone on its line (an org chart's
            if name in known and units.team_count(ln.text) is not None:  # header one cell per line)
                out.setdefault(name, units.team_count(ln.text))
            continue
        if kv and any(w in kv[0] for w in _TEAM_KEYS):
            m = _TEAM_ONLY.match(kv[1])
            unit = division_at(doc, ln.no)
            if m and unit:
                out.setdefault(unit, int(m.group(1)))
    for t in doc.tables:
        if not t.rows:
            continue
        box = units.box_division(t)
        if box in known:  # `| 소 관 팀 | 안전총괄팀, 안전기획팀, … |` in the division's title box
            counts = [n for n in (_listed_teams(c) for r in t.rows for c in r[1:]) if n and n >= 2]
            if counts:
                out.setdefault(box, counts[0])
            continue
        head = [units.compact(c) for c in t.rows[0]]
        row_teams = [r for r in t.rows[1:] if r and units.compact(r[0]) in _TEAM_HEADERS]
        for r in row_teams:  # a `팀 수 | 12 | 4 | 4` row under divisions as columns
            for h, cell in zip(head[1:], r[1:]):
                if h in known and units.compact(cell).isdigit():
                    out.setdefault(h, int(units.compact(cell)))
        team_col = next((j for j, h in enumerate(head) if h in _TEAM_HEADERS), None)
        if team_col is not None:  # `부 서 | 팀 | 정 원 | 현 원`, `과 명 | 팀 수 | 팀 명`
            for r in t.rows[1:]:
                name = units.division_name(r[0], offices=True) if r else None
                if name in known and team_col < len(r) and units.compact(r[team_col]).isdigit():
                    out.setdefault(name, int(units.compact(r[team_col])))
                elif name in known and team_col < len(r) and _listed_teams(r[team_col]):
                    out.setdefault(name, _listed_teams(r[team_col]))  # `총무팀, 인사팀, 청사관리팀`: counted
        if any(units.compact(c) in _STAFF_WORDS for r in t.rows for c in r[:2]):
            continue
        header = t.rows[0]
        cols = {i: units.division_name(c, offices=True) for i, c in enumerate(header)}
        cols = {i: n for i, n in cols.items() if n and n in known}
        for i, name in cols.items():
            count = units.team_count(header[i]) if _TEAM in header[i] else None
            listed = [r[i] for r in t.rows[1:] if i < len(r) and units.compact(r[i]).endswith(_TEAM)]
            if count is None and len(cols) >= 2 and listed:
                count = len(listed)
            if count is not None:
                out.setdefault(name, count)
    return out


def _listed_teams(cell: str) -> int | None:
    """The number of teams a cell lists by name (`총무팀, 인사팀, 청사관리팀`), else None."""
    items = [x for x in re.split(r"[,，、·]\s*", cell) if x.strip()]
    if items and all(units.compact(x).endswith(_TEAM) and len(units.compact(x)) > len(_TEAM) for x in items):
        return len(items)
    return None


def _as_of_before(ctx: Context, line: int, window: int = 40) -> str | None:
    best = None
    for no, iso in ctx.as_of:
        if line - window <= no <= line:
            best = iso
    return best


def _count(cell: str) -> int | None:
    c = cell.replace(",", "").strip()
    return int(c) if _ALL_DIGITS.fullmatch(c) else None


def extract_staffing(doc: Document, ctx: Context) -> list[Staffing]:
    known = set(doc.division_names)
    found: dict[tuple[str, str | None], dict] = {}

    def put(unit, grade, field, value, line, as_of):
        if value is None:
            return
        rec = found.setdefault((unit, grade), {"line": line, "as_of": as_of})
        if field in rec and rec[field] != value and (unit, grade, field) not in disagree:
            disagree.add((unit, grade, field))  # two cues (prose, a table, the overview) disagree
            word = {"authorized": _AUTH, "current": _CURR}[field]
            ctx.warnings.append(("staffing", f"{unit}{' ' + grade if grade else ''} {word}: {rec[field]} "
                                 f"(line {rec['line']}) and {value} (line {line}) disagree", line))
        rec.setdefault(field, value)

    disagree: set = set()

    for t in doc.tables:
        if not any(units.compact(c) in _STAFF_WORDS for r in t.rows for c in r[:2]):
            continue
        as_of = _as_of_before(ctx, t.line)
        current_only = _CURR in " ".join(t.caption[-2:]) and _AUTH not in " ".join(t.caption[-2:])
        header = [units.compact(c) for c in t.rows[0]]
        col_units = [("bureau" if h in _GRAND_TOTALS else units.division_name(h, offices=True)) for h in header]
        grade_cols = [h for h in header if _GRADE_RANGE.fullmatch(h)]
        row_divs = any(units.division_name(r[0], offices=True) in known for r in t.rows[1:] if r)
        if len(grade_cols) >= 2 and not row_divs and not any(u in known for u in col_units if u):  # grades as columns
            unit = doc.unit_at(t.line, ctx.bureau)
            for r, no in zip(t.rows[1:], t.row_lines[1:]):
                lab = [units.compact(c) for c in r[:1]]
                field = "authorized" if _AUTH in lab else "current" if _CURR in lab else None
                if field is None:
                    continue
                for h, cell in zip(header[1:], r[1:]):
                    grade = None if h in _TOTALS else h if _GRADE_RANGE.fullmatch(h) else "?"
                    if grade != "?":
                        put(unit, grade, field, _count(cell), no, as_of)
            continue
        if any(u in known for u in col_units if u):  # divisions as columns
            for r, no in zip(t.rows[1:], t.row_lines[1:]):
                lab = [units.compact(c) for c in r[:2]]
                field = "authorized" if _AUTH in lab else "current" if _CURR in lab else None
                grade = next((x for x in lab if _GRADE.fullmatch(x)), None)
                if field is None and grade:
                    field = "current" if current_only else None
                if field is None:
                    continue
                for cell, unit in zip(r, col_units):
                    if unit:
                        put(ctx.bureau if unit == "bureau" else unit, grade, field, _count(cell), no, as_of)
            continue
        unit = None
        for r, no in zip(t.rows[1:], t.row_lines[1:]):  # divisions as rows, 정원/현원 sub-rows
            if r and r[0].strip():
                c0 = units.compact(r[0])
                unit = ctx.bureau if c0 in _GRAND_TOTALS else units.division_name(r[0], offices=True)
            if unit is None or (unit != ctx.bureau and unit not in known) or len(r) < 3:
                continue
            field = {_AUTH: "authorized", _CURR: "current"}.get(units.compact(r[1]))
            if field is None:
                continue
            for h, cell in zip(header[2:], r[2:]):
                grade = None if h in _HEADER_TOTALS else h if _GRADE_RANGE.fullmatch(h) else "?"
                if grade != "?":
                    put(unit, grade, field, _count(cell), no, as_of)
    for t in doc.tables:
        _paired_staffing(doc, ctx, t, known, put)
        _column_staffing(doc, ctx, t, known, put)
    for ln in doc.lines:
        if ln.text and "\t" not in ln.raw and _CURR in ln.text and _AUTH in ln.text:
            m = _PROSE_STAFF.search(ln.text) or _PROSE_STAFF_AFTER.search(ln.text)
            if m:
                kv = ln.kv()
                named = units.division_name(kv[0], offices=True) if kv else None
                unit = named if named in known else doc.unit_at(ln.no, ctx.bureau)
                as_of = _as_of_near(ctx, ln.no)
                put(unit, None, "authorized", _count(m.group(1)), ln.no, as_of)
                put(unit, None, "current", _count(m.group(2)), ln.no, as_of)
    return [Staffing(u, v.get("authorized"), v.get("current"), g, v["as_of"], v["line"])
            for (u, g), v in found.items() if u]


def _as_of_near(ctx: Context, line: int) -> str | None:
    """An as-of note before the figures, or a `※ 기준일 : …` right under them."""
    return _as_of_before(ctx, line) or next((iso for no, iso in ctx.as_of if line < no <= line + 6), None)


def _legend(t: Table) -> bool:
    """`정원(현원)` in the caption, the header or a row label: cells read `38 (41)`."""
    cells = [units.compact(c) for c in t.rows[0]] + [units.compact(r[0]) for r in t.rows if r]
    return any(_PAIRED_LEGEND.search(c) for c in cells + [units.compact(" ".join(t.caption[-2:]))])


def _paired_staffing(doc: Document, ctx: Context, t: Table, known: set[str], put) -> None:
    """A 정원(현원) table: one row per division (or one row for the section's own
    division), grades or divisions as columns, each cell `정원 (현원)`."""
    if len(t.rows) < 2 or not _legend(t):
        return
    enclosing = doc.unit_at(t.line, ctx.bureau)
    as_of = _as_of_near(ctx, t.line)
    header = [units.compact(c) for c in t.rows[0]]
    col_div = [units.division_name(h, offices=True) if h not in _TOTALS else None for h in header]
    col_div = [d if d in known else None for d in col_div]
    for r, no in zip(t.rows[1:], t.row_lines[1:]):
        label = units.compact(r[0]) if r else ""
        row_div = units.division_name(label, offices=True)
        row_grade = label if _GRADE_RANGE.fullmatch(label) else None
        if row_div in known:
            row_unit = row_div
        elif label in _TOTALS or label in _STAFF_ROWS or _PAIRED_LEGEND.search(label) or row_grade or not label \
                or len(t.rows) == 2:
            row_unit = enclosing  # the only row of a section's own table is the section's unit
        else:
            continue  # a team's row: the division's figures are its total row
        for j, cell in enumerate(r[1:], start=1):
            m = _PAIR.fullmatch(cell.strip())
            if not m or j >= len(header):
                continue
            h = header[j]
            if any(col_div):
                if col_div[j] is None and h not in _TOTALS:
                    continue
                unit, grade = (col_div[j] or (ctx.bureau if row_div is None else row_unit)), row_grade
            else:
                grade = None if h in _TOTALS else h if _GRADE_RANGE.fullmatch(h) else "?"
                if grade == "?":
                    continue
                unit = row_unit
            put(unit, grade, "authorized", _count(m.group(1)), no, as_of)
            put(unit, grade, "current", _count(m.group(2) or m.group(3)), no, as_of)


def _column_staffing(doc: Document, ctx: Context, t: Table, known: set[str], put) -> None:
    """정원 and 현원 as columns: one row per division (and a 계 row for the bureau or
    the section's own unit), or one row per grade."""
    head = next((k for k, r in enumerate(t.rows[:2]) if set(_STAFF_WORDS) <= {units.compact(c) for c in r}), None)
    if head is None:
        return
    header = [units.compact(c) for c in t.rows[head]]
    a_col, c_col = header.index(_AUTH), header.index(_CURR)
    enclosing = doc.unit_at(t.line, ctx.bureau)
    bureau = doc.bureau_at(t.line, ctx.bureau)
    as_of = _as_of_near(ctx, t.line)
    for r, no in zip(t.rows[head + 1:], t.row_lines[head + 1:]):
        if not r:
            continue
        label = units.compact(r[0])
        name = units.division_name(label, offices=True)
        grade = label if _GRADE_RANGE.fullmatch(label) else None
        if name in known:
            unit = name
        elif label in _TOTALS:
            unit = bureau if enclosing not in known else enclosing
        elif grade:
            unit = enclosing
        else:
            continue
        if max(a_col, c_col) < len(r):
            put(unit, grade, "authorized", _count(r[a_col]), no, as_of)
            put(unit, grade, "current", _count(r[c_col]), no, as_of)


# -- programs ------------------------------------------------------------------


def split_status(title: str) -> tuple[str, tuple[str, ...]]:
    """`구민 편의 지능형 홈페이지 서비스 구축 신규` -> (title, ('신규',)).

    >>> split_status("직원 AI행정 역량 강화 개선")
    ('직원 AI행정 역량 강화', ('개선',))
    >>> split_status("디지털 민원 ZONE 운영 시간 확대")
    ('디지털 민원 ZONE 운영 시간 확대', ())
    """
    marks: list[str] = []
    words = title.split()
    while len(words) > 1 and words[-1] in STATUS_MARKS:
        prev = words[-2]
        if words[-1] != _NEW and not prev.endswith(_ACTION_END) and prev not in STATUS_MARKS:
            break
        marks.insert(0, words.pop())
    return " ".join(words), tuple(marks)


def _lines(node: Node):
    for e in node.entries:
        if isinstance(e.block, Line):
            yield e


def primary_budget(node: Node, stated: list[tuple[Entry, str, str | None]], year: str | None = None) -> tuple | None:
    """The statement that gives a program its total: one keyed by the report's year
    (`2024년 사업비 : 40억원`, not the multi-year `총사업비`), else the last item-level
    one, else the first."""
    if not stated:
        return None
    of_year = [h for h in stated if year and h[2] == year]
    if of_year:
        return of_year[-1]
    tops = [h for h in stated if h[0].top]
    return tops[-1] if node.kind == "item" and tops else stated[0]


def node_period(node: Node, ref_year: int | None, entries: list[Entry] | None = None) -> tuple[str | None, str | None]:
    for e in _lines(node) if entries is None else entries:
        kv = e.block.kv()
        if kv and units.is_period_key(kv[0]):
            start, end = parse_period(kv[1], ref_year)
            if start:
                return start, end
    return None, None


@lru_cache(maxsize=4096)
def _in_basis(label: str) -> bool:
    return _BASIS in units.compact(label)


def node_legal(node: Node, entries: list[Entry] | None = None) -> tuple[str, ...]:
    out: list[str] = []
    for e in _lines(node) if entries is None else entries:
        kv = e.block.kv()
        if kv and _BASIS in kv[0]:
            text = kv[1]
        elif _in_basis(e.label) or "「" in e.block.text and _LAW_WORD.search(e.block.text) and kv and _BASIS in kv[0]:
            text = e.block.text
        else:
            continue
        for m in _LEGAL.finditer(text):
            basis = nfc(m.group(0))
            if basis not in out:
                out.append(basis)
    return tuple(out)


_UNIT_KEYED = re.compile(r"^(?P<k>[^\d(（:：]{2,14}?)\s*[(（]\s*(?:" + _UNIT_KEY + r"\s*[:：]?\s*)?(?P<u>(?:"
                        + _NOTE_PREFIX + ")?" + _WON + r")\s*[)）]\s*[:：]?\s*(?P<v>\S.*)$")
_FUNDING_KEYS = words(_W, "funding_key")


# `총 48억원 중 ’23년 16억원 (국 8억, 시 8억)`: the report year's part of a multi-year total
_YEAR_PART = re.compile(r"^.*?\d[\d,.]*\s*(?:" + alt("money_units", "prefix") + r")?\s*" + _WON
                        + r"\s*중\s*['’‘]?(?P<y>(?:19|20)?\d\d)\s*년\s*도?\s*(?P<rest>\d.*)$")


def year_part(value: str) -> tuple[str, str | None]:
    """(the year's part, its year) of `총 48억원 중 ’23년 16억원 (…)`; else (value, None)."""
    m = _YEAR_PART.match(value)
    if not m:
        return value, None
    y = m.group("y")
    return m.group("rest"), (y if len(y) == 4 else "20" + y)


def unit_keyed_budget(text: str) -> tuple[str, str] | None:
    """`예산액(천원) 45,000`: a budget key carrying its unit, the figure after it
    (the header and cell of a one-row table, written on one line) -> (key, `45,000천원`)."""
    m = _UNIT_KEYED.match(text.lstrip(CIRCLED + "-·○◦ "))
    if not m:
        return None
    key = units.compact(m.group("k"))
    if units.strip_year(key)[1] not in _ALL_BUDGET_KEYS:
        return None
    value = m.group("v").strip()
    if _ALL_DIGITS.fullmatch(value.replace(",", "").replace(".", "")):
        value += m.group("u")
    return key, value


def budget_statements(node: Node, entries: list[Entry]) -> list[tuple[Entry, str, str | None]]:
    """Every `소요예산 : …` statement of the node: (entry, value, fiscal year)."""
    out = []
    for i, e in enumerate(entries):
        kv = e.block.kv()
        if not (kv and units.is_budget_key(kv[0])):
            kv = unit_keyed_budget(e.block.text) if not kv else None
        if kv:
            value = money.total_first(kv[1])
            if not value and i + 1 < len(entries):
                value = entries[i + 1].block.text
            if value and not money.split_sources(value):
                parts = _source_lines(entries[i + 1:i + 8]) or _funding_line(entries[i + 1:i + 4])
                if parts:
                    value = f"{value} ({', '.join(parts)})"
            value, of_year = year_part(value) if value else (value, None)
            out.append((e, value, units.strip_year(kv[0])[0] or of_year))
    return out


def _funding_line(entries: list[Entry]) -> list[str]:
    """`④ 소요재원 : 국 40%, 시 30%, 구 30%` right under a total: its split on a line of its own."""
    for e in entries:
        kv = e.block.kv()
        if kv and kv[0] in _FUNDING_KEYS and money.split_sources("0" + _WON + " (" + kv[1] + ")"):
            return [kv[1]]
    return []


def _source_lines(entries: list[Entry]) -> list[str]:
    """`- 국비(50%) 12,000천원` lines right under a total: its split, one source a line."""
    parts = []
    for e in entries:
        text = e.block.text
        if money.source_label(text.split()[0] if text.split() else "") is None and \
                money.source_label(text.split("(")[0]) is None:
            break
        if not money.split_sources("0" + _WON + " (" + text + ")"):
            break
        parts.append(text)
    return parts


def _precision(value: str) -> int:
    """Won per unit of the figure as written: 1,000 for 천원, 1,000,000 for 백만원."""
    unit = money.total_unit(value)
    return _MULTIPLIER.get(unit[:-len(_WON)], 1)  # total_unit: a prefix of money_units.csv, then 원


def _agree(a: int, b: int, rounding: int) -> bool:
    """Equal, as far as a figure rounded to `rounding` won can tell."""
    return abs(a - b) < max(rounding, 1)


def _multi_year(statement) -> bool:
    """`총사업비 : 200억원` beside `2024년 사업비 : 40억원`: a total over years, not a rival figure."""
    kv = statement[0].block.kv()
    return bool(kv) and kv[0].startswith(_TOTAL_PREFIX) and statement[2] is None


def reconcile_budget(stated: list[tuple[Entry, str, str | None]], primary: tuple | None, ctx: Context,
                     title: str) -> tuple[int | None, tuple | None, list]:
    """(total, statement whose sources to take, sources) from all of a program's budget statements.

    The total is the primary statement's (the last item-level one), or the most
    precise statement that agrees with it within rounding (`45백만원` = `45,000천원`);
    the sources come from whichever statement names them and sums to that total.
    A statement that disagrees beyond rounding is kept as a warning."""
    if primary is None:
        return None, None, []
    total = parse_krw(primary[1])
    parsed = [(st, parse_krw(st[1]), _precision(st[1])) for st in stated]
    best = primary
    if total is not None:
        for st, amount, prec in parsed:
            if amount is None or st is primary:
                continue
            rounding = max(prec, _precision(primary[1]))
            if _agree(amount, total, rounding):
                if prec < _precision(best[1]):
                    best, total = st, amount
            elif _NON_BUDGET not in st[1] and not (primary[2] and _multi_year(st)):
                ctx.warnings.append(("budget", f"{title}: {_BUDGET_LABEL} {primary[1]} (line {primary[0].block.no}) "
                                     f"and {st[1]} (line {st[0].block.no}) disagree", st[0].block.no))
    sources = money.split_sources(primary[1])
    src_stmt = primary
    if not sources or all(a is None and sh is None for _s, a, sh in sources):
        for st, amount, prec in parsed:
            cand = money.split_sources(st[1])
            if st is primary or not cand:
                continue
            if amount is None or total is None or _agree(amount, total, max(prec, _precision(primary[1]))):
                sources, src_stmt = cand, st
                break
    if total is not None and len(sources) == 1 and src_stmt is not primary \
            and sources[0][1] == parse_krw(src_stmt[1]) and sources[0][1] != total:
        sources = [(sources[0][0], total, sources[0][2])]  # `125백만원(전액 구비)` of a total read as 124,600천원
    if total is not None and sources:
        parts = [a for _s, a, _sh in sources]
        partial = sum(p for p in parts if p is not None) < total and (_PARTIAL in src_stmt[1] or "※" in src_stmt[1])
        if all(a is not None for a in parts) and not partial and not _agree(sum(parts), total,
                                                                              _precision(src_stmt[1])):
            ctx.warnings.append(("budget", f"{title}: funding sources sum to {sum(parts):,} won, "
                                 f"the stated total is {total:,} won", src_stmt[0].block.no))
    return total, src_stmt, sources


_STATUS_LINE = re.compile(r"^[(\[（]?\s*(" + "|".join(STATUS_MARKS) + r")\s*[)\]）]?$")


def make_program(node: Node, key: str, parent_key: str | None, ctx: Context, quiet: frozenset[int] = frozenset()):
    """The program of `node`; `quiet`: the numbers of lines without text (blank, page furniture)."""
    title, status = split_status(nfc(_TITLE_LEADERS.sub("", node.title)))
    entries = list(_lines(node))
    if entries and _STATUS_LINE.match(entries[0].block.text) and (entries[0].block.no <= node.line + 3 or all(
            no in quiet for no in range(node.line + 1, entries[0].block.no))):  # a page break in between
        status = (*status, _STATUS_LINE.match(entries[0].block.text).group(1))  # `(신규)` under the title
    stated = budget_statements(node, entries)
    primary = primary_budget(node, stated, ctx.year)
    value, year = (primary[1], primary[2]) if primary else (None, None)
    amount, src_stmt, sources = reconcile_budget(stated, primary, ctx, title)
    non_budget = bool(value and _NON_BUDGET in value)
    start, end = node_period(node, ctx.ref_year, entries)
    prog = Program(key, title, node.division, parent_key, status, amount, non_budget,
                   year or ctx.year, start, end, node_legal(node, entries), node.line, node.line_end)
    return prog, (src_stmt[0].block if src_stmt else None), sources


def budget_lines(prog: Program, sources: list, line: Line | None) -> list[BudgetLine]:
    if not sources or line is None:
        return []
    return [BudgetLine(prog.key, src, amount, share, prog.fiscal_year, line.no) for src, amount, share in sources]


_ROW_UNIT = re.compile(r"\((?:" + _UNIT_KEY + r"\s*[:：]?\s*)?(" + _NOTE_PREFIX + ")?" + _WON + r"\)")
_CAPTION_UNIT = re.compile(_UNIT_KEY + r"\s*[:：]\s*(" + _NOTE_PREFIX + ")?" + _WON)


def table_budget_lines(node: Node, key: str, ctx: Context) -> list[BudgetLine]:
    """A table with an `예 산(백만원)` row and a `재 원` row: one line per column and source."""
    out = []
    for e in node.entries:
        t = e.block
        if not isinstance(t, Table):
            continue
        rows = {units.compact(r[0]): (r, no) for r, no in zip(t.rows, t.row_lines) if r}
        budget = next(((k, v) for k, v in rows.items() if k.startswith(_BUDGET_ROW)), None)
        source = next((v for k, v in rows.items() if k.startswith(_SOURCE_ROW)), None)
        if not budget or not source:
            continue
        m = _ROW_UNIT.search(budget[0]) or _CAPTION_UNIT.search(" ".join(t.caption))
        unit = ((m.group(1) or "") + _WON) if m else _WON
        for amount_cell, src_cell in zip(budget[1][0][1:], source[0][1:]):
            total = parse_amount(amount_cell, unit) if _WON not in amount_cell else parse_krw(amount_cell)
            for src, share in money.ratio_sources(src_cell):
                amount = int(total * share) if (total is not None and share is not None) else total
                out.append(BudgetLine(key, src, amount, share, ctx.year, budget[1][1]))
    return out


_UNIT_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_IN_CHARGE = words(_W, "in_charge_column")[0]  # 담당: a program table's column of the unit in charge
_THIS_YEAR = words(_W, "this_year_column")  # `금년도`: the report year's column, named by a word
# `2024년`, `'24`, and a year with a short note (`2024년(금년도)`, `2023년(전년도)`, `2024(본예산)`)
_YEAR_CELL = re.compile(r"^['’‘]?((?:19|20)?\d\d)\s*년?(?:도)?(?:[(（][^()（）]{1,6}[)）])?$")
_UNITS_TRIED = _MATRIX_UNITS  # a unit read off a total that must match
_UNIT = re.compile(_UNIT_KEY + r"\s*[:：]?\s*(" + _NOTE_PREFIX + r")?\s*" + _WON)


def _year_of(cell: str) -> str | None:
    m = _YEAR_CELL.match(units.compact(cell))
    if not m:
        return None
    y = m.group(1)
    return y if len(y) == 4 else "20" + y


def matrix_budget_lines(node: Node, key: str, fiscal_year: str | None, total: int | None) -> list[BudgetLine]:
    """A funding matrix (재원별 × 연차별): one row per source (plus a total row), one
    column per year, the year labels on the first or a second header row. The
    report year's column is the program's split. The unit comes from the caption or
    a header cell; without one, from the total row when it matches the program's total."""
    out = []
    for _t, src_rows, first, col, unit in _matrices(node, fiscal_year, total):
        for src, r, no in src_rows[first:]:
            if src and col < len(r):
                amount = parse_amount(r[col], unit)
                if amount:
                    out.append(BudgetLine(key, src, amount, None, fiscal_year, no))
    return out


def matrix_total(node: Node, fiscal_year: str | None) -> int | None:
    """The report year's 계 cell of a funding matrix whose unit the table states (a program
    whose only budget statement is the matrix: `○ 소요예산` over `구분 | 2023년(전년도) | 2024년(금년도)`)."""
    for _t, src_rows, first, col, unit in _matrices(node, fiscal_year, None):
        row = next((r for src, r, _n in src_rows[first:] if not src and units.compact(r[0]) in _GRAND_TOTALS), None)
        if row is not None and col < len(row) and parse_amount(row[col], unit):
            return parse_amount(row[col], unit)
    return None


def _matrices(node: Node, fiscal_year: str | None, total: int | None):
    """(table, rows with their sources, first data row, the report year's column, unit) of
    each funding matrix of a node."""
    for e in node.entries:
        t = e.block
        if not isinstance(t, Table) or len(t.rows) < 2:
            continue
        src_rows = [(money.source_label(r[0]), r, no) for r, no in zip(t.rows, t.row_lines) if r]
        first = next((i for i, (src, r, _no) in enumerate(src_rows)
                      if src or units.compact(r[0]) in _TOTALS), None)
        if first is None or first == 0 or not any(src for src, _r, _no in src_rows):
            continue
        width = max(len(r) for _s, r, _n in src_rows[first:])
        years: dict[int, str] = {}
        for _src, r, _no in src_rows[:first]:
            offset = width - len(r) if len(r) < width else 0  # a short second header row sits under the last columns
            for j, cell in enumerate(r):
                y = _year_of(cell) or (fiscal_year if _UNIT_PAREN.sub("", units.compact(cell)) in _THIS_YEAR else None)
                if y:
                    years[j + offset] = y
        col = next((j for j, y in years.items() if y == fiscal_year), None)
        if col is None:
            continue
        unit = _matrix_unit(t, src_rows, first, col, total)
        if unit is None:
            continue
        yield t, src_rows, first, col, unit


def column_budget(node: Node, fiscal_year: str | None, total: int | None) -> tuple[int | None, list[tuple[str, int, int]]]:
    """A program's budget table with the funding sources as columns (`구분 | 계 | 국비 | 시비 | 구비`,
    the header perhaps under a spanning `2024년 예산`) and the amounts on one row (`금 액`,
    `2024년`) or on the report year's row: (the 계 cell, [(source, amount, line)]). The unit
    is the caption's or a header's (`단위 : 천원`); without one, the 계 cell must equal the
    program's stated total in some unit. A table whose total disagrees with the stated one
    gives nothing."""
    for e in node.entries:
        t = e.block
        if not isinstance(t, Table) or len(t.rows) < 2:
            continue
        head = next((i for i, r in enumerate(t.rows) if sum(1 for c in r[1:] if money.source_label(c))
                     + any(units.compact(c) in _TOTALS for c in r[1:]) >= 2), None)
        if head is None:
            continue
        header = t.rows[head]
        data = [(r, no) for r, no in zip(t.rows[head + 1:], t.row_lines[head + 1:]) if r and len(r) == len(header)]
        dated = [(r, no) for r, no in data if _year_of(r[0])]
        if dated:
            data = [(r, no) for r, no in dated if _year_of(r[0]) == fiscal_year]
        if len(data) != 1 or money.source_label(data[0][0][0]) or units.compact(data[0][0][0]) in _TOTALS:
            continue
        row, no = data[0]
        total_col = next((j for j, c in enumerate(header) if j and units.compact(c) in _TOTALS), None)
        src_cols = [j for j, h in enumerate(header) if j and money.source_label(h)]

        def table_total(unit: str) -> int | None:  # the 계 cell, or the sum of the sources without one
            if total_col is not None:
                return parse_amount(row[total_col], unit)
            amounts = [parse_amount(row[j], unit) for j in src_cols]
            return sum(a for a in amounts if a) or None

        m = _UNIT.search(" ".join(t.caption[-2:] + [c for r in t.rows[:head + 1] for c in r]))
        if m:
            unit = (m.group(1) or "") + "원"
            if total is not None and table_total(unit) != total:
                continue
        elif total is None:
            continue
        else:
            unit = next((u for u in _UNITS_TRIED if table_total(u) == total), None)
            if unit is None:
                continue
        lines = [(money.source_label(header[j]), parse_amount(row[j], unit), no) for j in src_cols]
        return table_total(unit), [x for x in lines if x[1]]
    return None, []


def _matrix_unit(t: Table, src_rows, first: int, col: int, total: int | None) -> str | None:
    text = " ".join(t.caption[-2:] + [c for _s, r, _n in src_rows[:first] for c in r])
    m = _UNIT.search(text)
    if m:
        return (m.group(1) or "") + _WON
    total_row = next((r for src, r, _n in src_rows[first:] if not src and units.compact(r[0]) in _TOTALS), None)
    if total is None or total_row is None:
        return None
    cols = {col} | {j for _s, r, _n in src_rows[:first] for j, h in enumerate(r)
                     if units.compact(h) in _TOTALS or units.compact(h) in _TOTAL_COST}
    for unit in _MATRIX_UNITS:
        if any(j < len(total_row) and parse_amount(total_row[j], unit) == total for j in sorted(cols)):
            return unit
    return None




def program_table_rows(doc: Document, ctx: Context, programs: list[Program]) -> list:
    """A program list table that carries each row's budget (`연번 | 사업명 | 사업기간 | 사업비 |
    재 원 | 담 당`, `(단위 : 백만원)`) is the body of the programs the report writes nowhere
    else: one program a row, in the division whose section holds the table, its budget the
    row's 사업비 cell in the caption's (or header's) unit and its sources the 재원 cell's.
    Two cues: the list's title and number columns (inventory.table_programs) and a budget
    column. A row whose title a body program has is left to the body."""
    out: list = []
    have = [p.title for p in programs if p.parent_key is None]
    for t in doc.tables:
        rows = inventory.table_programs(t)
        if not rows:
            continue
        header = [units.compact(c) for c in t.rows[0]]
        money_col = next((j for j, h in enumerate(header) if labels.is_label(_UNIT_PAREN.sub("", h), "budget_key")), None)
        if money_col is None:
            continue
        src_col = next((j for j, h in enumerate(header) if h.startswith(_SOURCE_ROW)), None)
        dept_col = next((j for j, h in enumerate(header) if labels.is_label(h, "dept_key") or h.startswith(_IN_CHARGE)),
                        None)
        m = _ROW_UNIT.search(t.rows[0][money_col]) or _CAPTION_UNIT.search(" ".join(t.caption[-2:]))
        unit = ((m.group(1) or "") + _WON) if m else None
        cells = {no: r for r, no in zip(t.rows, t.row_lines)}
        captioned = units.caption_division(t, doc.division_names)  # `□ 총무과 주요사업 현황` over the table
        for _n, title, no in rows:
            if any(inventory.same_title(title, h) for h in have):
                continue
            r = cells[no]
            amount_cell = r[money_col].strip() if money_col < len(r) else ""
            src_cell = r[src_col].strip() if src_col is not None and src_col < len(r) else ""
            non_budget = _NON_BUDGET in units.compact(amount_cell)
            text = None
            if not non_budget and amount_cell:
                text = amount_cell if _WON in amount_cell else (amount_cell + unit if unit else None)
            if text and src_cell and money.split_sources(f"1{_WON}({src_cell})"):
                text = f"{text}({src_cell})"  # the 재원 cell as an inline budget's sources: `시 50, 구 100`
            elif text and src_cell.strip("-– "):
                ctx.warnings.append(("budget", f"{title}: program table funding cell {src_cell!r} not read", no))
            total = parse_krw(text) if text else None
            if total is None and not non_budget and amount_cell.strip("-– "):
                ctx.warnings.append(("budget", f"{title}: program table budget cell {amount_cell!r} not read "
                                               "(no unit in the caption, the header or the cell)", no))
            title, status = split_status(nfc(title))
            key = f"L{no}"
            owner = r[dept_col].split() if dept_col is not None and dept_col < len(r) else []
            owner = units.division_name(owner[0], offices=True) if owner else None  # `담당 | 총무과 (총무팀)`
            section = captioned or division_at(doc, no)
            division = owner if owner in doc.division_names else section
            if division != section and section is not None:
                ctx.warnings.append(("program", f"{title}: its row names {division} in charge, the section it "
                                                f"stands in is {section}'s (the row is followed)", no))
            prog = Program(key, title, division, None, status, total, non_budget, ctx.year,
                           line=no, line_end=no)
            out.append(prog)
            if text and total:
                out += [BudgetLine(key, src, amount, share, ctx.year, no)
                        for src, amount, share in money.split_sources(text) if amount]
    return out


def extract_programs(doc: Document, ctx: Context) -> tuple[list, dict[str, Node]]:
    records: list = []
    nodes: dict[str, Node] = {}
    quiet = frozenset(ln.no for ln in doc.lines if not ln.text)
    for item in doc.nodes:
        key = f"L{item.line}"
        prog, bline, sources = make_program(item, key, None, ctx, quiet)
        table_total, columns = column_budget(item, prog.fiscal_year, prog.budget_krw)
        if prog.budget_krw is None and table_total:
            prog = replace(prog, budget_krw=table_total)  # `- 소요예산` with the amounts in the table below
        if prog.budget_krw is None and not prog.non_budget:
            prog = replace(prog, budget_krw=matrix_total(item, prog.fiscal_year))  # only a funding matrix
        records.append(prog)
        stated = budget_lines(prog, sources, bline)
        records += stated
        named = {b.source for b in stated}
        records += [BudgetLine(key, src, amount, None, prog.fiscal_year, no) for src, amount, no in columns
                    if src not in named]
        named |= {src for src, _a, _n in columns}
        records += [b for b in table_budget_lines(item, key, ctx) + matrix_budget_lines(
            item, key, prog.fiscal_year, prog.budget_krw) if b.source not in named]
        nodes[key] = item
        for child in item.children:
            ckey = f"L{child.line}"
            cprog, cbline, csources = make_program(child, ckey, key, ctx, quiet)
            records.append(cprog)
            records += budget_lines(cprog, csources, cbline)
            nodes[ckey] = child
    return summary_budgets(doc, records, ctx), nodes


def summary_budgets(doc: Document, records: list, ctx: Context) -> list:
    """A budget table with one row per program and one column per funding source
    (`구분 | 계 | 국비 | 도비 | 군비`, `(단위: 천원)`), often the report's last page: the
    programs the body gave no budget get theirs from it, with the split."""
    items = {r.key: r for r in records if isinstance(r, Program) and r.parent_key is None}
    with_lines = {r.program_key for r in records if isinstance(r, BudgetLine)}
    extra: list = []
    for t in doc.tables:
        if len(t.rows) < 2:
            continue
        header = t.rows[0]
        sources = {j: money.source_label(h) for j, h in enumerate(header) if j and money.source_label(h)}
        total_col = next((j for j, h in enumerate(header) if j and units.compact(h) in _TOTALS), None)
        if not sources or total_col is None:
            continue
        m = _UNIT.search(" ".join(t.caption[-2:] + header))
        unit = ((m.group(1) or "") + _WON) if m else _WON
        for r, no in zip(t.rows[1:], t.row_lines[1:]):
            prog = next((p for p in items.values() if r and inventory.same_title(r[0], p.title)), None)
            if prog is None or prog.budget_krw is not None or total_col >= len(r):
                continue
            total = parse_amount(r[total_col], unit)
            if total is None:
                continue
            items[prog.key] = replace(prog, budget_krw=total)
            if prog.key in with_lines:
                continue
            for j, src in sources.items():
                amount = parse_amount(r[j], unit) if j < len(r) else None
                if amount:
                    extra.append(BudgetLine(prog.key, src, amount, None, prog.fiscal_year, no))
    out = [items.get(r.key, r) if isinstance(r, Program) else r for r in records]
    return out + extra


# -- milestones ------------------------------------------------------------------

_KEY_SPLIT = re.compile(r"\s*[:：]")
_DATED_KEY = re.compile(r"^(?:'|’|‘)?\d{2,4}\s*\.")
_DATED_VALUE = re.compile(r"^\s*(?:(?:19|20)\d\d|['’‘]\d\d)\s*[.년]")
_DATED_CELL = re.compile(r"^\s*(?:['’‘]\d\d|(?:19|20)\d\d)\s*[.년]")
_DATED_CELL_DOT = re.compile(r"^\s*(?:['’‘]\d\d|(?:19|20)\d\d)\s*\.")
_DATE_ONLY_REST = re.compile(r"[\d\s.~∼〜～'’‘`" + "".join(dict.fromkeys("".join(words(_W, "date_filler"))))
                             + r"()·,/]")
_NOT_MILESTONE_KEYS = re.compile(r"(?:" + alt(_W, "not_milestone_key") + r")$")


def _date_value(value: str, ref_year: int | None) -> tuple[str | None, str | None]:
    start, end = parse_period(value, ref_year)
    if start is None:
        return None, None
    return start, end


def _is_schedule(label: str) -> bool:
    c = units.compact(label)
    return any(w in c for w in _SCHEDULE)


def extract_milestones(nodes: dict[str, Node], ctx: Context) -> list[Milestone]:
    out: list[Milestone] = []
    for key, node in nodes.items():
        prev: Line | None = None
        for e in node.entries:
            b = e.block
            if isinstance(b, Table):
                if _is_schedule(e.label) or _SCHEDULE[0] in " ".join(b.caption[-1:]):
                    out += _table_milestones(key, b, ctx)
                continue
            if b.text.startswith(":") or b.kv():  # _line_milestone finds nothing on other lines
                out += _line_milestone(key, b, prev, e.label, ctx)
            prev = b
    return out


def _line_milestone(key: str, b: Line, prev: Line | None, label: str, ctx: Context) -> list[Milestone]:
    text = b.text
    if text.startswith(":") and prev is not None:
        start, end = _date_value(text[1:], ctx.ref_year)
        return [Milestone(key, prev.text, start, end, prev.no, b.no)] if start else []
    kv = b.kv()
    if not kv:
        return []
    k, v = kv
    if not v:  # both tests below want a value
        return []
    k_raw = nfc(_KEY_SPLIT.split(text, maxsplit=1)[0])
    if _DATED_KEY.match(k_raw):
        start, end = _date_value(k_raw, ctx.ref_year)
        if start:
            return [Milestone(key, nfc(v), start, end, b.no)]
        return []
    if not v or _NOT_MILESTONE_KEYS.search(k) or units.is_budget_key(k) or units.is_period_key(k):
        return []
    if not _DATED_VALUE.match(v) or _AS_OF in v:
        return []
    rest = _DATE_ONLY_REST.sub("", v)
    if len(rest) > 4 and not _is_schedule(label):
        return []
    if len(rest) > 12:
        return []
    start, end = _date_value(v, ctx.ref_year)
    return [Milestone(key, k_raw, start, end, b.no)] if start else []


def _table_milestones(key: str, t: Table, ctx: Context) -> list[Milestone]:
    out = []
    header = t.rows[0]
    for r, no in zip(t.rows[1:], t.row_lines[1:]):
        if len(r) < 2:
            continue
        start, end = (_date_value(r[0], None) if _DATED_CELL.match(r[0])
                      else (None, None))
        if start:
            out.append(Milestone(key, nfc(r[1]), start, end, no))
            continue
        for h, cell in zip(header[1:], r[1:]):
            if _DATED_CELL_DOT.match(cell):
                s, e = _date_value(cell, None)
                if s:
                    label = f"{nfc(r[0])} ({nfc(h)})" if h.strip() else nfc(r[0])
                    out.append(Milestone(key, label, s, e, no))
    return out
