"""Names of a bureau's divisions, and the key words of item fields.

Division names are collected before the tree is built, from the places the
genre lists them: the staffing table (정원/현원), the duty table (과 별 / 부 서 |
소관 업무), tables of contents with page numbers, division title pages
(`행정지원과 사업 목록`) and budget (세출) tables.

>>> division_name("행 정 지 원 과")
'행정지원과'
>>> division_name("성과") is None
True
>>> division_name("공 무 원 수 련 원", offices=True)
'공무원수련원'
>>> is_budget_key("2024년소요예산"), is_period_key("기간")
(True, True)
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.lexicon import labels
from loaders.lexicon.words import alt, words

# the words of this module are rows of loaders/lexicon/data/report_words.csv and labels.csv
_W = "report_words"
_DIV = re.compile(r"^[가-힣A-Za-z0-9·]{2,14}(?:" + alt(_W, "division_ending") + ")$")
_OFFICE = re.compile(r"^[가-힣A-Za-z0-9·]{2,14}(?:" + alt(_W, "office_ending") + ")$")
_NOT_DIV = re.compile(r"(?:" + alt(_W, "not_division_ending") + ")$")
# the budget and period keys of labels.csv, less the rows this reader has never read (report_words.csv)
_BUDGET_KEYS = set(labels.words("budget_key")) - set(words(_W, "budget_key_unread"))
_PERIOD_KEYS = set(labels.words("period_key")) - set(words(_W, "period_key_unread"))
_YEAR_PREFIX = re.compile(r"^'?(?:\d{4}|\d{2})년?도?")
_PARENS = re.compile(r"\(.*?\)")
_LEAD_NUMBER = re.compile(r"^\d+\.?")
_TEAMS = re.compile(r"(\d+)\s*개?\s*팀")
_NON_DIGITS = re.compile(r"\D")
_DIGIT = re.compile(r"\d")
_PAGE = re.compile(r"[-.·…\s]*\d{1,3}")
_DOTS = re.compile(r"[-.·…]{3,}")
_MAIN = words(_W, "main_work")[0]  # 주요업무
_MAIN_WORK = re.compile(r"(?:\d{4}년?)?" + _MAIN + "(?:" + alt(_W, "main_work_tail") + ")?")
_PROGRAM_LIST = words(_W, "program_list")[0]  # `총무과 사업목록`
_TEAM = words(_W, "team")[0]
_STAFF_WORDS = (words(_W, "authorized")[0], words(_W, "current")[0])
_DUTY_HEADERS = words(_W, "duty_header")
_DUTY = words(_W, "duty_word")[0]
_SPENDING = words(_W, "spending")[0]
_BOX_LABELS = words(_W, "division_box_label")
_PAIRED = re.compile(_STAFF_WORDS[0] + r"(?:[(（\[]" + _STAFF_WORDS[1] + r"[)）\]]|/" + _STAFF_WORDS[1] + ")")


def compact(text: str) -> str:
    # str.split() splits on exactly the characters `\s` matches
    return "".join(text.split())


@lru_cache(maxsize=65536)
def division_name(text: str, offices: bool = False) -> str | None:
    if "(" in text:
        text = _PARENS.sub("", text)
    t = compact(text).strip("○●◦□■·-*<>")
    t = _LEAD_NUMBER.sub("", t)
    if _NOT_DIV.search(t) or len(t) > 16:
        return None
    if _DIV.match(t) or (offices and _OFFICE.match(t)):
        return t
    return None


def team_count(text: str) -> int | None:
    m = _TEAMS.search(text)
    return int(m.group(1)) if m else None


def strip_year(key: str) -> tuple[str | None, str]:
    m = _YEAR_PREFIX.match(key)
    if not m or not m.group(0)[0:1].isdigit() and not m.group(0).startswith("'"):
        return None, key
    digits = _NON_DIGITS.sub("", m.group(0))
    year = digits if len(digits) == 4 else "20" + digits
    return year, key[m.end():]


@lru_cache(maxsize=65536)
def is_budget_key(key: str) -> bool:
    return strip_year(compact(key))[1] in _BUDGET_KEYS


@lru_cache(maxsize=65536)
def is_period_key(key: str) -> bool:
    return compact(key) in _PERIOD_KEYS


def _is_page(cell: str) -> bool:
    return bool(_PAGE.fullmatch(cell)) or bool(_DOTS.fullmatch(cell.strip()))


def collect_division_names(lines, blocks) -> list[str]:
    names: list[str] = []

    def add(name: str | None) -> None:
        if name and name not in names:
            names.append(name)

    for b in blocks:
        if hasattr(b, "rows"):  # a parse.Table (units sits below parse: no import back)
            for name in table_divisions(b):
                add(name)
    for name in running_header_divisions(blocks, names, named_only=False).values():
        add(name)  # `2024년 주요업무 보고      자치행정국 > 총무과` on each of its pages
    texts = [ln for ln in lines if ln.text and "\t" not in ln.raw]
    for i, ln in enumerate(texts):
        t = ln.compact
        unit = part_unit(texts, i)
        if unit:
            add(unit)
            continue
        if t.endswith(_PROGRAM_LIST):
            add(division_name(t[:-len(_PROGRAM_LIST)]))
        elif ln.heading in (1, 2) and division_name(ln.text) and not _DIGIT.search(ln.text):
            add(division_name(ln.text))
        elif not ln.marker and not ln.heading and len(t) <= 14 and division_name(t) == t and not ln.kv():
            add(t)  # a line that is nothing but a division's name is its section's title
        elif ln.kv() and _TEAM in ln.kv()[0] and team_count(ln.kv()[0]) is not None:
            add(division_name(ln.kv()[0]))  # `○ 자치행정과(4팀) : 자치행정팀, …` in the organisation
        elif (ln.heading or ln.bold or t[:1] in _BRACKETS) and not ln.marker and len(t) <= 24:
            bare = _SECTION_NUMBER.sub("", t).strip(_BRACKETS)
            if bare != t and not _DIGIT.search(bare):
                add(division_name(bare))
        elif _MAIN in t and _MAIN_WORK.fullmatch(t) and i + 1 < len(texts):
            add(division_name(texts[i + 1].text))
    return names


_PART = re.compile(r"^(?:[IVXⅠ-Ⅹ]+|\d{1,2})\s*[.)]\s*(?P<t>[가-힣·](?:\s*[가-힣·]){1,13})$")
_UNIT_END = re.compile(r"(?:" + alt(_W, "part_unit_ending") + ")$")
_STATUS_KEYS = (*words(_W, "team_key"), *words(_W, "staff_key"), *_STAFF_WORDS)


def part_unit(texts, i: int) -> str | None:
    """`Ⅰ. 기 획 감 사 실`, `Ⅳ. 함 양 읍`: a numbered part titled by a unit of a 시·군
    (실, 과, 소, 읍, 면: part_unit_ending rows) whose own lines open with its organisation
    or staff (`가. 조 직 : 4담당`, `나. 인 력 : …`). Two cues: the name's ending and the
    status right under it; a part titled so without them is no unit."""
    m = _PART.match(texts[i].text)
    if not m or texts[i].marker:
        return None
    name = compact(m.group("t"))
    if not _UNIT_END.search(name) or _NOT_DIV.search(name) or len(name) < 3:
        return None
    for ln in texts[i + 1:i + 5]:
        key = compact(ln.text)
        key = _SECTION_NUMBER.sub("", key)
        if key.startswith(_STATUS_KEYS):
            return name
        if _PART.match(ln.text) and not key.startswith(_STATUS_KEYS) and _UNIT_END.search(compact(ln.text)):
            return None
    return None


def table_divisions(table) -> list[str]:
    """Divisions a table lists: staffing, duty, TOC and 세출 tables."""
    rows = table.rows
    if not rows:
        return []
    header = [compact(c) for c in rows[0]]
    first_col = [r[0] for r in rows[1:] if r]
    caption = " ".join(table.caption[-2:])
    out: list[str] = []
    is_staff = any(compact(c) in _STAFF_WORDS for r in rows for c in r[:2]) or \
        set(_STAFF_WORDS) <= {compact(c) for c in rows[0]} or bool(_PAIRED.search(compact(caption)))
    is_duty = bool(header) and header[0] in _DUTY_HEADERS and any(_DUTY in h for h in header[1:])
    is_spend = _SPENDING in compact(caption)
    if is_staff:
        out += [n for n in (division_name(c, offices=True) for c in rows[0][1:]) if n]
        out += [n for n in (division_name(c, offices=True) for c in first_col) if n]
    if is_duty:
        out += [n for n in (division_name(c, offices=True) for c in first_col) if n]
    header_divs = [n for n in (division_name(c, offices=True) for c in rows[0][1:]) if n]
    if len(header_divs) >= 2 and any(compact(c).endswith(_TEAM) for r in rows[1:] for c in r[1:]):
        out += header_divs  # an org chart: divisions as columns over their teams
    if is_spend:
        out += [n for n in (division_name(c, offices=True) for c in first_col) if n]
    box = box_division(table)
    if box:
        out.append(box)
    for r in rows:  # table of contents: "○ 행 정 지 원 과 | ..... | 3"
        cells = [c for c in r if c.strip()]
        marked = r[0].strip()[:1] in "○●■□◦·" or any(_DOTS.fullmatch(c.strip()) for c in cells)
        if 2 <= len(cells) <= 3 and marked and _is_page(cells[-1]) and division_name(cells[0]):
            out.append(division_name(cells[0]))
    return out


def box_division(table) -> str | None:
    """The division whose title box this table is: a small table whose first cell is a
    unit label and whose second is one division's name (`| 부 서 명 | 안전정책과 | 과 장 | … |`),
    the way HWP reports open each division's part."""
    rows = table.rows
    if not rows or len(rows) > 3 or len(rows[0]) < 2 or compact(rows[0][0]) not in _BOX_LABELS:
        return None
    name = division_name(rows[0][1], offices=True)
    if name is None or any(division_name(c, offices=True) for r in rows for c in r[2:]):
        return None
    return name


_UNIT_NOTE = re.compile(r"^[(（]?" + words(_W, "unit_key")[0])


def caption_division(table, names: list[str]) -> str | None:
    """The division a program table's caption names: `□ 총무과 주요사업 현황`, `< 총무과 주요사업 >`,
    `총무과 소관 주요사업` over the table (a unit note `(단위 : 백만원)` between them is skipped):
    the caption starts with a division the report names elsewhere and says little more."""
    for line in reversed(table.caption[-2:]):
        c = compact(line)
        if _UNIT_NOTE.match(c):
            continue
        c = c.lstrip("□■○●◦▣◈◆◇-*<〈《[【「(").rstrip(">〉》]】」)")
        name = max((n for n in names if c.startswith(n)), key=len, default=None)
        return name if name and len(c) - len(name) <= 12 else None
    return None


_GAP = re.compile(r"\s{3,}|\s+[|｜]\s+")
_PATH_END = re.compile(r"(?:^|[>›»|/]|" + "(?:" + alt(_W, "bureau_line_ending") + "))$")


def running_header_divisions(blocks, names: list[str], named_only: bool = True) -> dict[int, str]:
    """Line numbers of running page headers that name a division, and the division:
    `2024년 주요업무 보고      자치행정국 > 총무과` at the top of each of its pages, as a
    PDF converter leaves it when the division's own title was a graphic. Two cues: the
    line is two parts apart by a wide gap, one of which recurs on three or more such
    lines (the running title), and the other's last step is a division the report names
    elsewhere (staffing, duty or contents tables), after nothing but its bureau. With
    `named_only` false (collecting the names), a last step that is a division by its
    ending counts too, when the headers name two divisions or more so."""
    cands = []
    for b in blocks:
        if hasattr(b, "rows") or not b.text or b.marker or b.heading or "\t" in b.raw:
            continue
        parts = [compact(p) for p in _GAP.split(b.raw.strip()) if p.strip()]
        if len(parts) == 2:
            cands.append((b.no, parts))
    counts: dict[str, int] = {}
    for _no, parts in cands:
        for p in parts:
            counts[p] = counts.get(p, 0) + 1
    out: dict[int, str] = {}
    for no, parts in cands:
        for k, p in enumerate(parts):
            other = parts[1 - k]
            if counts[p] < 3 or any(n in p for n in names):
                continue
            # `자치행정국 > 총무과`, `자치행정국 총무과`, `총무과`: the path ends in the division
            step = max((n for n in names if other.endswith(n) and _PATH_END.search(other[:-len(n)])),
                       key=len, default=None)
            if step is None and not named_only:
                step = _path_division(other)
            if step:
                out[no] = step
    if not named_only:
        by_ending = {n for n in out.values() if n not in names}
        if len(by_ending) < 2:
            out = {no: n for no, n in out.items() if n in names}
    return out


_PATH_SEP = re.compile(r"[>›»|/]")
_BUREAU_END = re.compile(r"(?:" + alt(_W, "bureau_line_ending") + ")$")


def _path_division(path: str) -> str | None:
    """The division a header path ends in: `자치행정국>총무과`, `자치행정국총무과` (after the
    first bureau ending), `총무과`."""
    if _PATH_SEP.search(path):
        last = _PATH_SEP.split(path)[-1]
        return last if last and division_name(last) == last else None
    for k in range(2, len(path) - 2):
        if _BUREAU_END.search(path[:k]) and division_name(path[k:]) == path[k:]:
            return path[k:]
    return path if division_name(path) == path else None


_SECTION_NUMBER = re.compile(r"^(?:[IVXⅠ-Ⅹ]+\s*[-.]\s*)?(?:\d{1,2}|[가-하])\s*[.)]\s*(?=\S)|^[IVXⅠ-Ⅹ]+\s*[-.]\s*")
_BRACKETS = "<>〈〉《》[]【】「」()"


def division_heading(ln, names: list[str]) -> str | None:
    """The division whose section this line opens, if it is a division title
    (`# 총무과`, `총 무 과`, `<총무과>`, `【총무과】`, `Ⅱ-1. 총무과`, `총무과 사업목록`)."""
    if ln.marker in ("○", "●", "-", "·", "•", "∙", "ㆍ", "◦", "※") and not ln.heading:
        return None  # a bullet list of divisions is an index, not a section title
    t = ln.compact.strip("▣◈◆◇")  # `▣ 총무과`, `◇ 총무과 ◇`: section signs the converter kept
    if t.endswith(_PROGRAM_LIST):
        t = t[:-len(_PROGRAM_LIST)]
    if t in names:
        return t
    if len(t) <= 24 and (t[:1] in _BRACKETS or t[:1].isdigit() or t[:1] in "IVXⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ" or t[1:2] in ".)"):
        bare = _SECTION_NUMBER.sub("", t).strip(_BRACKETS)
        if bare in names:
            return bare
    if ln.heading in (1, 2) and not _DIGIT.search(t):
        return division_name(t)
    return None
