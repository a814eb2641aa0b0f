"""Layout cues of converted documents, normalised before any genre reads them.

Converters write the same table as TAB-separated rows, Markdown pipe rows or an
HTML `<table>` (with `rowspan`/`colspan`), a box drawn with `┌─┬─┐ │ │`
lines (or an ASCII grid), or one cell per line under a header of column
labels; they leave page furniture (`- 3 -`, a running title) between
the lines and wrap long sentences onto indented continuation lines. This module
turns all of that into one sequence of blocks: a `RawLine` (line number, text)
or a `RawTable` (rows of cells, each row with the line it stands on), so that
the genres never look at table markup or furniture again.

>>> blocks = split("제목\\n| 구분 | 정원 |\\n|---|---|\\n| 총무과 | 38 |\\n- 3 -\\n끝")
>>> [type(b).__name__ for b in blocks]
['RawLine', 'RawTable', 'RawLine', 'RawLine', 'RawLine']
>>> blocks[1].rows, blocks[1].row_lines
([['구분', '정원'], ['총무과', '38']], [2, 4])
>>> [b.raw for b in blocks[2:]]  # the separator and the page number are blank lines now
['', '', '끝']
>>> [r for r in split("<table><tr><td>구분</td><td colspan=2>정원</td></tr></table>")[0].rows]
[['구분', '정원', '']]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*/\s*\d{1,3}|[(\[]\s*\d{1,3}\s*[)\]]|page\s*\d{1,3})$",
                          re.I)
_TR = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.S | re.I)
_CELL = re.compile(r"<t([dh])\b([^>]*)>(.*?)</t[dh]\s*>", re.S | re.I)
_SPAN = re.compile(r"colspan\s*=\s*[\"']?(\d+)", re.I)
_ROWSPAN = re.compile(r"rowspan\s*=\s*[\"']?(\d+)", re.I)


@dataclass
class RawLine:
    no: int  # 1-based line number in the source
    raw: str


@dataclass
class RawTable:
    rows: list[list[str]]
    row_lines: list[int]


def pipe_cells(line: str) -> list[str] | None:
    """Cells of a Markdown pipe row, None when the line is not one.

    >>> pipe_cells("| 정원(현원) | 38 (41) |")
    ['정원(현원)', '38 (41)']
    >>> pipe_cells("## 2 | 자매도시 교류") is None
    True
    """
    s = line.strip()
    if len(s) < 3 or s[0] != "|" or s[-1] != "|" or s.count("|") < 2:
        return None
    return [c.strip() for c in s[1:-1].split("|")]


def is_page_furniture(text: str) -> bool:
    """A page number as converters leave it between lines.

    >>> is_page_furniture("- 12 -"), is_page_furniture("3 / 40"), is_page_furniture("1. 제목")
    (True, True, False)
    """
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))


def _html_rows(fragment: str) -> list[list[str]]:
    """Rows of an HTML table; a `colspan` cell is followed by empty cells, a `rowspan`
    cell stands again in the rows it spans (a country over its cities, a header
    over its second header row), so every row has its cells in their columns.

    >>> _html_rows('<tr><td rowspan="2">A</td><td>1</td></tr><tr><td>2</td></tr>')
    [['A', '1'], ['A', '2']]
    """
    rows = []
    carried: dict[int, tuple[int, str]] = {}  # column -> (rows still spanned, text)
    for tr in _TR.findall(fragment):
        cells: list[str] = []

        def fill() -> None:
            while len(cells) in carried:
                left, text = carried[len(cells)]
                if left <= 1:
                    del carried[len(cells)]
                else:
                    carried[len(cells)] = (left - 1, text)
                cells.append(text)

        for _kind, attrs, body in _CELL.findall(tr):
            fill()
            text = " ".join(body.split())
            m = _SPAN.search(attrs)
            r = _ROWSPAN.search(attrs)
            for k in range(int(m.group(1)) if m else 1):
                if r and int(r.group(1)) > 1:
                    carried[len(cells)] = (int(r.group(1)) - 1, text if k == 0 else "")
                cells.append(text if k == 0 else "")
        fill()
        rows.append(cells)
    return rows


_GAP = re.compile(r"\s{2,}")
_BARE_PIPE_ROW = re.compile(r"^[^|#\n][^|\n]*\|[^|\n]*\|")
_LIST_START = tuple("□■○●◦·•-※▶ㅇ①②③④⑤⑥⑦⑧⑨")
_LIST_MARKS = re.escape("".join(_LIST_START))


def aligned_cells(line: str) -> list[str] | None:
    """Cells of a row a PDF converter laid out with spaces (3+ columns, 2+ spaces apart).

    >>> aligned_cells("   계                11        94         92         -2")
    ['계', '11', '94', '92', '-2']
    >>> aligned_cells(" 1. 조직 및 인력        (2024. 5. 31. 기준)") is None
    True
    >>> aligned_cells("   구  분      계     4급     5급")
    ['구분', '계', '4급', '5급']
    """
    s = line.strip()
    if not s or s.startswith(_LIST_START) or s.startswith("#") or "\t" in s or "|" in s or s[0] in _BOX:
        return None
    cells = _GAP.split(_LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), s))
    return cells if len(cells) >= 3 else None


# `구  분`, `정  원`: single syllables one or two spaces apart are one letter-spaced word
_LETTER_SPACED = re.compile(r"(?<![가-힣])[가-힣](?: {1,2}[가-힣](?![가-힣]))+")


def bare_pipe_cells(line: str) -> list[str] | None:
    """`구분 | 계 | 국비`: a pipe row without the outer pipes (2+ inner pipes)."""
    s = line.strip()
    if s.startswith("#") or s.count("|") < 2 or not _BARE_PIPE_ROW.match(s):
        return None
    return [c.strip() for c in s.strip("|").split("|")]


def _space_tables(lines: list[str]) -> dict[int, list[str]]:
    """Row cells by line index for runs of 2+ consecutive space-aligned or bare-pipe rows.

    A run of rows of 3+ cells (`aligned_cells`) is a table; so is a run of lines of 2+ cells
    (a two-column table, a row label with a list marker) whose columns line up (`_gutters`).
    Where the columns line up, each row's cells are cut at them, so a blank cell stays a cell
    (`계  정원  137` under `구 분  (blank)  계`) instead of shifting the row to the left.
    """
    rows: dict[int, list[str]] = {}
    i = 0
    while i < len(lines):
        j = i
        run: list[tuple[int, list[str]]] = []
        fewer: list[int] = []  # rows of 2+ cells but fewer than the run's: in it if the columns line up
        while j < len(lines):
            cells = aligned_cells(lines[j]) or bare_pipe_cells(lines[j])
            if cells is None and run and (loose := _loose_cells(lines[j])) and len(loose) < max(len(c) for _, c in run):
                cells = loose  # a second header row (`2024   2025` under `연 도 별`), a last row with empty cells
                fewer.append(len(run))
            if cells is None:
                k = j  # a table broken by a page: its rows go on after the page number, in the same columns
                while k < len(lines) and (not lines[k].strip() or is_page_furniture(lines[k])):
                    k += 1
                if run and any(lines[x].strip() for x in range(j, k)) and k < len(lines) and aligned_cells(lines[k]):
                    j = k
                    continue
                break
            run.append((j, cells))
            j += 1
        if fewer and not _by_gutters(lines, run):
            j, run = run[fewer[0]][0], run[:fewer[0]]
        if len(run) >= 3 and _HEADING_ROW.match(lines[run[0][0]].strip()):
            run = run[1:]  # `2. 인    력      (단위 : 명)` right above the table (no blank line between): no row
        if len(run) >= 2:
            rows.update(_by_gutters(lines, run) or run)
        elif j == i:
            k = i
            while k < len(lines) and _loose_cells(lines[k]):
                k += 1
            lined_up = _by_gutters(lines, [(x, _loose_cells(lines[x])) for x in range(i, k)]) if k - i >= 2 else None
            if lined_up:
                rows.update(lined_up)
                j = k
        i = max(j, i + 1)
    return rows


# a numbered heading (`2. 인    력`, `Ⅱ. 현황`, `가. 조직`): a table's caption, never its row
_HEADING_ROW = re.compile(r"(?:\d{1,2}|[IVXⅠ-Ⅹ]{1,4}|[가-하])[.)]\s*[가-힣]")


def _loose_cells(line: str) -> list[str] | None:
    """2+ cells 2+ spaces apart, whatever the line starts with (a table row only if its run lines up)."""
    s = line.strip()
    if not s or s.startswith("#") or "\t" in s or "|" in s or s[0] in _BOX or not _GAP.search(s):
        return None
    cells = _GAP.split(s)
    if any(_LONE_SYLLABLE.fullmatch(c) for c in cells):
        return None  # `○ 기    간 : 2024.`: a key letter-spaced wide, not two cells
    return cells if len(cells) >= 2 else None


_LONE_SYLLABLE = re.compile(r"(?:[" + _LIST_MARKS + r"]\s*)?[가-힣]")


def _gutters(texts: list[str]) -> list[tuple[int, int]]:
    """Column spans (start, end) of lines laid out in columns: the stretches between gutters,
    a gutter being 2+ positions that are blank in every line.

    >>> _gutters(["   구  분      계     4급", "   정  원      94      1", "   현  원              1"])
    [(3, 7), (13, 15), (19, 22)]
    """
    width = max(len(t) for t in texts)
    used = [False] * width
    for t in texts:
        for k, ch in enumerate(t):
            if ch != " ":
                used[k] = True
        for m in _LETTER_SPACED.finditer(t):  # `구  분`: one word, its spaces are no gutter
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    spans: list[tuple[int, int]] = []
    k = 0
    while k < width:
        if not used[k]:
            k += 1
            continue
        start = k
        while True:
            while k < width and used[k]:
                k += 1
            gap = k
            while gap < width and not used[gap]:
                gap += 1
            if gap < width and gap - k < 2:
                k = gap
                continue
            break
        spans.append((start, k))
        k = gap
    return spans


def _by_gutters(lines: list[str], run: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]] | None:
    """The run's rows cut at its columns, when they line up: 2+ columns, as many as the widest
    row has cells, each row's cells in columns of their own, two rows with 2+ cells."""
    texts = [lines[x] for x, _ in run]
    if any("|" in t for t in texts):
        return None
    spans = _gutters(texts)
    if len(spans) < 2 or len(spans) != max(len(c) for _, c in run):
        return None  # centred or right-aligned figures: the columns do not line up
    cut = [[" ".join(t[a:b].split()) for a, b in spans] for t in texts]
    if any(sum(1 for c in r if c) != len([c for c in cells if c]) for r, (_, cells) in zip(cut, run)):
        return None  # a cut that joins two cells of a row or splits one
    if sum(1 for r in cut if sum(1 for c in r if c) >= 2) < 2:
        return None  # two lines that happen to share a gap are not a table
    return [(x, r) for (x, _), r in zip(run, cut)]


# -- boxes drawn with line characters (HWP converters) --------------------------

_BOX = frozenset("┌┐└┘├┤┬┴┼─│━┃┏┓┗┛┣┫┳┻╋═║╔╗╚╝╠╣╦╩╬╞╡╪╟╢╫")
_BOX_BARS = re.compile(r"[│┃║]")


_GRID_RULE = re.compile(r"\+(?:[-=:]{2,}\+){2,}")  # `+------+----+`: the rules of an ASCII grid table


def _box_rule(s: str) -> bool:
    return bool(s) and (all(c in _BOX or c == " " for c in s) and not _BOX_BARS.fullmatch(s.replace(" ", ""))
                        or bool(_GRID_RULE.fullmatch(s)))


def _box_row(s: str, bars: str = "│┃║") -> list[str] | None:
    s = s.strip()
    if not s or s[0] not in bars or sum(s.count(b) for b in bars) < 3:
        return None
    inner = s[1:-1] if s[-1] in bars else s[1:]
    return [c.strip() for c in re.split("[" + bars + "]", inner)]


def box_table(lines: list[str], i: int) -> tuple[list[list[str]], list[int], int] | None:
    """(rows, 1-based row lines, index after the box) of a table drawn with box lines
    starting at `lines[i]`. The physical lines between two rules are one row when
    the lines after the first leave its first cell blank (a cell wrapped onto the
    next line); a row whose first cell is filled starts a row of its own.

    >>> box_table(["┌──┬──┐", "│ 구분 │ 정원 │", "├──┼──┤", "│ 총무과 │ 38 │", "│ 회계과 │ 2 │", "│  │ 1 │",
    ...            "└──┴──┘"], 0)
    ([['구분', '정원'], ['총무과', '38'], ['회계과', '2 1']], [2, 4, 5], 7)
    """
    j, rows, nos = i, [], []
    after_rule = True
    bars = "|" if _GRID_RULE.fullmatch(lines[i].strip()) else "│┃║"  # an ASCII grid's rows are `| a | b |`
    while j < len(lines):
        s = lines[j].strip()
        if _box_rule(s):
            after_rule = True
        else:
            cells = _box_row(s, bars)
            if cells is None:
                break
            if rows and not after_rule and not cells[0] and len(cells) == len(rows[-1]):
                rows[-1] = [f"{a} {b}".strip() if b else a for a, b in zip(rows[-1], cells)]
            else:
                rows.append(cells)
                nos.append(j + 1)
            after_rule = False
        j += 1
    return (rows, nos, j) if rows else None


# -- one cell per line (converters that flatten tables) -------------------------

_GRADE_HEADER = re.compile(r"\d급")
_NOTE = re.compile(r"\([^()]*\)$")
_MAX_FLAT_CELL = 40


def column_label(text: str, kind: str = "column_header") -> bool:
    """A table's column label (loaders/lexicon rows of `kind`; a grade `4급` is a column label), also with
    a note in parentheses after it (`도시명(국가)`, `예산(천원)`)."""
    from loaders.lexicon import labels

    c = "".join(text.split())
    if c.endswith(")") and "(" in c[1:]:
        c = _NOTE.sub("", c) or c
    if not c or labels.is_label(c, kind):
        return bool(c)
    return kind == "column_header" and (bool(_GRADE_HEADER.fullmatch(c)) or labels.is_label(c, "funding_source")
                                        or labels.is_label(c, "total_label"))


_SIGNED = re.compile(r"[-+△▲▽▼]\s*[\d,.]*")  # `-1`, `+3`, `△2`, a bare `-`: a figure, not a bullet


# `4 차량 정수 현황`, `2. 추진계획`: a numbered heading, never a cell
_NUMBERED_HEADING = re.compile(r"\d{1,2}[.)]?\s+[가-힣]")
# `· 시·도지사 …`: a middle dot opens the items listed inside a cell (not at a row's label)
_IN_CELL = "·•"


# `----- 9`: a leader and the page a program list gives for its row
_LEADER_CELL = re.compile(r"(?:[-.·…]\s*){3,}\d{1,3}")


def _flat_cell(text: str) -> bool:
    s = text.strip()
    return bool(s) and len(s) <= _MAX_FLAT_CELL and (not s.startswith(_LIST_START) or bool(_SIGNED.fullmatch(s))
                                                     or bool(_LEADER_CELL.fullmatch(s))) \
        and not s.startswith("#") and "\t" not in s and "|" not in s and s[0] not in _BOX \
        and not s.startswith(("(", "<")) and not _NUMBERED_HEADING.match(s)


def _long_cell(text: str) -> bool:
    """A cell longer than a label (a duty list, a description): any text that is no heading,
    list line, table markup or caption; a cell that starts with HTML (`<ul><li>…`, `<b>`) at any length."""
    s = text.strip()
    if s[:1] == "<" and s[1:2].isalpha():
        return "\t" not in s
    return len(s) > _MAX_FLAT_CELL and not s.startswith(("#", "(", "<")) and "\t" not in s and "|" not in s \
        and s[0] not in _BOX and not s.startswith(_LIST_START)


# a figure: digits with separators, signs, a date's dots, a range, a short unit (`137,593명`, `9.5%`, `-`)
_FIGURE = re.compile(r"[-+△▲▽▼–]|(?:[-+△▲▽▼~∼']\s*)?\d[\d,.\s~∼%:/'’-]*(?:[가-힣]{1,2}|[%)])?(?:\s*[~∼]\s*)?"
                     r"(?:\s*[(\[]\s*\d[\d,]*\s*[)\]])?")  # `38 (41)`: 정원 (현원) in one cell
_BARE_NUMBER_CELL = re.compile(r"\d[\d,]*")
_YEAR_COLUMN = re.compile(r"(?:19|20)\d\d년?")
_UNIT_LABEL = re.compile(r"\d{1,4}\s?[가-힣]{1,2}")  # a number and its unit word as a column's label: `30년`, `4급`


def is_figure(text: str) -> bool:
    """A table cell's figure: `137,593명`, `9.5%`, `2026. 2. 20. ~`, `-`, `38 (41)` (not a word, not a sentence).

    >>> is_figure("137,593명"), is_figure("2026. 2. 20. ~"), is_figure("- 3"), is_figure("총무과"), is_figure("38 (41)")
    (True, True, True, False, True)
    """
    return bool(_FIGURE.fullmatch(" ".join(text.split())))


def _kind(cell: str) -> str:
    """E(mpty), N (a figure, a figure in words: `무료` among rates, loaders/lexicon `figure_word`), T (text)."""
    from loaders.lexicon import labels

    if not cell:
        return "E"
    return "N" if _FIGURE.fullmatch(cell) or _LEADER_CELL.fullmatch(cell) or labels.is_label(cell, "figure_word") \
        else "T"


def _flat_rows(lines: list[str], i: int, k: int) -> tuple[list[list[str]], int] | None:
    """Rows of width `k` from the header at `lines[i]`: (rows, index after the table), or None.

    A row with no figure that leaves its label blank right under the header is a second
    header row (`| | 증감액 | 증감률`); the first row after the header starts with its label.
    A label is no bare number, but as the next of a run 1, 2, 3 … (which a serial header,
    `연번` in loaders/lexicon `serial_header`, requires). A later row may leave its label
    blank (the label above goes on: `| 현원 | 137 |` under `계 | 정원 | 137`) when it fills
    two cells or more, most of them of their columns' kinds. A table without figures needs
    two rows of three cells or more, a column of long cells or headed by a duty label (a duty
    list: `부서 | 소관업무`) or years as its
    columns. The table ends before a chunk with a line that is no cell, a bare number out of
    its run, a row header's label (the next table) or a long cell where labels stand; the
    line after it must be blank or no cell, and blank after a last row whose last cell is
    empty (else a cell went missing). Figures and texts keep to their columns, or to their
    rows where the rows are the attributes (`무료` among rates is one of few).
    """
    rows = [["".join(c.split()) for c in lines[i:i + k]]]  # letter-spaced labels (`정 원`) as one word
    numbered = column_label(rows[0][0], "serial_header")  # `연번`: each row starts with its number
    serial = 0  # the last row number read
    kinds: list[dict[str, int]] = [{} for _ in range(k)]  # per column: how many figures (N), texts (T)
    off_row = 0  # cells out of their row's kind (a table whose rows are its attributes: 대상 | 예산 | 재원)
    data = False
    pos = i + k
    while pos + k <= len(lines):
        chunk = [" ".join(c.split()) for c in lines[pos:pos + k]]
        if not any(chunk) or not all(not c or _flat_cell(c) or _long_cell(c) or j and chunk[0] and c[0] in _IN_CELL
                                     for j, c in enumerate(chunk)):
            break
        if len(chunk[0]) > _MAX_FLAT_CELL:
            break
        if _BARE_NUMBER_CELL.fullmatch(chunk[0]):
            if chunk[0] != str(serial + 1) or not (numbered or serial or chunk[0] == "1"):
                break  # a bare number is a row's label only in a run 1, 2, 3 …
            serial += 1
        elif numbered and not serial:
            break
        if any(c and column_label(c, "row_header") for c in chunk):
            break
        ks = [_kind(c) for c in chunk]
        if not data:
            if not chunk[0] and len(rows) == 1 and all(kd != "N" or _YEAR_COLUMN.fullmatch(c)
                                                       for c, kd in zip(chunk, ks)):
                rows.append(chunk)  # a second header row under cells that span two (`| | 증감액 | 증감률`)
                pos += k
                continue
            if not chunk[0]:
                break
            data = True
        elif not chunk[0]:
            odd = sum(1 for j, kd in enumerate(ks) if kd != "E" and kinds[j] and kd not in kinds[j])
            if len(ks) - ks.count("E") < 2 or 3 * odd > len(ks) - ks.count("E"):
                break  # a row that leaves its label blank fills two cells, most of them of their columns' kinds
        if data:
            for j, kd in enumerate(ks):
                if kd != "E":
                    kinds[j][kd] = kinds[j].get(kd, 0) + 1
            across = [kd for kd in ks[1:] if kd != "E"]
            off_row += min(across.count("N"), len(across) - across.count("N"))
        rows.append(chunk)
        pos += k
    body = [r for r in rows[1:] if r[0]] if data else []
    years = all(_YEAR_COLUMN.fullmatch(c) for c in rows[0][1:])  # `구분 | 2025년 | 2026년`: anything under a year
    duties = len(body) >= 2 and any(_is_duty_header(c) for c in rows[0][1:])  # `부서 | 소관업무`: a duty list
    if not body or not (years or duties or len(body) >= 2 < k or any(_kind(c) == "N" or len(c) > _MAX_FLAT_CELL
                                                                 for r in body for c in r)):
        return None
    cells = sum(sum(kd.values()) for kd in kinds)
    off_label = min(kinds[0].values()) if len(kinds[0]) > 1 else 0  # row labels: all texts, or all figures (dates)
    if 10 * min(sum(min(kd.values()) for kd in kinds if len(kd) > 1), off_row + off_label) > cells:
        return None  # more than a tenth of the cells out of their column's (or row's) kind: the rows do not line up
    if pos < len(lines) and lines[pos].strip() and (_flat_cell(lines[pos]) or _long_cell(lines[pos])):
        return None
    if not rows[-1][-1] and pos < len(lines) and lines[pos].strip():
        return None  # an empty last cell is followed by the blank that ends the table, else a cell went missing
    return rows, pos


def _is_duty_header(text: str) -> bool:
    """A duty column's label (`주요업무`, `소관업무`: loaders/lexicon `duty_column`)."""
    from loaders.lexicon import labels

    return labels.is_label(text, "duty_column")


def flat_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """(rows, index after the table) of a table a converter wrote one cell per line:
    a header that starts with the label of the rows' label column (loaders/lexicon
    `row_header`: `구분`, `부서`, `국가`, …) and goes on with short cells that are no
    figures (an empty header cell an empty line), then the rows, each as many lines as the header
    has cells (an empty cell an empty line; see `_flat_rows`). The width is the one
    whose rows cover the most lines; of equal ones, the one whose header holds the
    most column labels (loaders/lexicon `column_header`, a grade `4급`, a year `2025년`).

    >>> flat_table(["구 분", "정 원", "현 원", "총무과", "38", "37", "회계과", "20", "", "", "끝"], 0)
    ([['구분', '정원', '현원'], ['총무과', '38', '37'], ['회계과', '20', '']], 9)
    >>> flat_table(["구 분", "", "계", "5급", "계", "정원", "3", "3", "", "현원", "2", "2", "", "끝"], 0)[0]
    [['구분', '', '계', '5급'], ['계', '정원', '3', '3'], ['', '현원', '2', '2']]
    """
    if i and _flat_cell(lines[i - 1]) and column_label(lines[i - 1]):
        return None  # the header starts at its first label, never inside the run
    if not _flat_cell(lines[i]) or not (column_label(lines[i], "row_header") or column_label(lines[i], "start_header")):
        return None  # the header starts with the rows' label column (`구분`, `부서`, `국가`, …; `재원`, `직급`)
    h = i + 1
    while h < len(lines) and h - i < 24 and (not lines[h].strip() or _flat_cell(lines[h]) and (
            _kind(lines[h].strip()) != "N" or _UNIT_LABEL.fullmatch(lines[h].strip()) or column_label(lines[h]))):
        h += 1  # a header's cells are labels (`2025년`, `4급`, `30년` among them), never figures (`30%`, `1,200`)
    best, best_key = None, None
    for k in range(2, h - i + 1):
        got = _flat_rows(lines, i, k)
        if got is None:
            continue
        rows, pos = got
        known = [bool(column_label(c) or _YEAR_COLUMN.fullmatch(c)) for c in rows[0] if c]
        labels = known.count(True) - known.count(False)
        key = (pos, labels)
        if best_key is None or key > best_key:
            best, best_key = got, key
    return best


# spaces other than U+0020 as text copied out of HWP, a web page or Windows leaves them: a no-break
# space is a space, an ideographic space (U+3000, full width) two, a carriage return nothing
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": "  ", "\r": None})


def plain_lines(text: str) -> list[str]:
    """The lines of `text` with CRLF (or CR) line ends, no-break and ideographic spaces and trailing
    spaces made plain, so that indentation, markers and `key : value` read the same in every file.

    >>> plain_lines("□\\u00a0추진배경 \\r\\n\\u3000- 기간\\u00a0:\\u00a02024.\\r\\n끝")
    ['□ 추진배경', '  - 기간 : 2024.', '끝']
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.translate(_SPACES).rstrip(" ") for line in text.split("\n")]


def split(text: str) -> list[RawLine | RawTable]:
    """Blocks of a document: lines and tables, furniture blanked, line numbers kept."""
    lines = plain_lines(text)
    text = "\n".join(lines)
    spaced = _space_tables(lines) if ("   " in text or "|" in text) else {}
    blocks: list[RawLine | RawTable] = []
    table: RawTable | None = None  # the table the next row may continue
    separator = 0  # line number of the last pipe header separator
    page_break = False  # only blank lines and a page number since the open table's last row
    last_box: RawTable | None = None  # a box table followed so far only by blank lines and page numbers
    i, n = 0, len(lines)
    while i < n:
        raw, no = lines[i], i + 1
        if raw.lstrip()[:6].lower().startswith("<table"):
            j = i
            while j < n and "</table" not in lines[j].lower():
                j += 1
            starts = [k + 1 for k in range(i, min(j + 1, n)) if "<tr" in lines[k].lower()]
            rows = _html_rows("\n".join(lines[i:j + 1]))
            page_break = False
            if rows:
                blocks.append(RawTable(rows, [starts[r] if r < len(starts) else no for r in range(len(rows))]))
            blocks += [RawLine(k + 1, "") for k in range(i + 1, min(j + 1, n))]  # numbering stays true
            table, last_box, i = None, None, j + 1
            continue
        box = box_table(lines, i) if raw.lstrip()[:1] in _BOX or _GRID_RULE.fullmatch(raw.strip()) else None
        flat = None if box or not raw.strip() or i in spaced else flat_table(lines, i)
        if box or flat:
            if box:
                rows, row_lines, end = box
            else:
                rows, end = flat
                width = len(rows[0])
                row_lines = [i + 1 + r * width for r in range(len(rows))]
            tail: list[RawLine | RawTable] = [RawLine(k + 1, "") for k in range(i, end) if k + 1 not in row_lines]
            if box and last_box is not None and len(rows[0]) == len(last_box.rows[0]):
                # a box closed at a page's end and drawn again on the next: one table (a repeated header once)
                skip = 1 if rows[0] == last_box.rows[0] else 0
                last_box.rows += rows[skip:]
                last_box.row_lines += row_lines[skip:]
                tail += [RawLine(no, "") for no in row_lines[:skip]]
            else:
                tail.append(RawTable(rows, row_lines))
            tail.sort(key=lambda b: b.row_lines[0] if isinstance(b, RawTable) else b.no)
            blocks += tail
            last_box = next((b for b in tail if isinstance(b, RawTable)), last_box) if box else None
            table, page_break, i = None, False, end
            continue
        cells = None
        if "\t" in raw and raw.strip():
            cells = raw.split("\t")
        elif i in spaced:
            cells = spaced[i]
        elif "|" in raw:
            cells = pipe_cells(raw)
            if cells is not None and _PIPE_SEPARATOR.fullmatch(raw.strip()):
                blocks.append(RawLine(no, ""))  # a header separator: the table goes on below it
                separator = no
                i += 1
                continue
        if cells is not None:
            last_box = None
            last = table.row_lines[-1] if table is not None else -9
            if last == no - 1 or (last == no - 2 and separator == no - 1) or (
                    page_break and table is not None and len(cells) == len(table.rows[-1])):
                table.rows.append(cells)
                table.row_lines.append(no)
            else:
                table = RawTable([cells], [no])
                blocks.append(table)
            page_break = False
            i += 1
            continue
        if raw.strip() and is_page_furniture(raw):
            raw = ""
            page_break = table is not None  # a table broken by a page goes on after the page number
        if raw.strip():
            table = last_box = None
            page_break = False
        blocks.append(RawLine(no, raw))
        i += 1
    return blocks

