"""Layout cues of converted documents, normalised before any genre reads them.

Converters write the same table as TAB-separated rows, Markdown pipe rows or an
HTML `<table>`; they leave page furniture (`- 3 -`, a running title) between
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
    rows = []
    for tr in _TR.findall(fragment):
        cells: list[str] = []
        for _kind, attrs, body in _CELL.findall(tr):
            cells.append(" ".join(body.split()))
            m = _SPAN.search(attrs)
            cells += [""] * (int(m.group(1)) - 1 if m else 0)
        rows.append(cells)
    return rows


_GAP = re.compile(r"\s{2,}")
_BARE_PIPE_ROW = re.compile(r"^[^|#\n][^|\n]*\|[^|\n]*\|")
_LIST_START = tuple("□■○●◦·•-※▶ㅇ①②③④⑤⑥⑦⑧⑨")


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
    if not s or s.startswith(_LIST_START) or s.startswith("#") or "\t" in s or "|" in s:
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
    """Row cells by line index for runs of 2+ consecutive space-aligned or bare-pipe rows."""
    rows: dict[int, list[str]] = {}
    i = 0
    while i < len(lines):
        j = i
        run: list[tuple[int, list[str]]] = []
        while j < len(lines):
            cells = aligned_cells(lines[j]) or bare_pipe_cells(lines[j])
            if cells is None:
                break
            run.append((j, cells))
            j += 1
        if len(run) >= 2:
            rows.update(run)
        i = max(j, i + 1)
    return rows


def split(text: str) -> list[RawLine | RawTable]:
    """Blocks of a document: lines and tables, furniture blanked, line numbers kept."""
    lines = text.split("\n")
    spaced = _space_tables(lines) if ("   " in text or "|" in text) else {}
    blocks: list[RawLine | RawTable] = []
    table: RawTable | None = None  # the table the next row may continue
    separator = 0  # line number of the last pipe header separator
    page_break = False  # only blank lines and a page number since the open table's last row
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
            table, i = None, j + 1
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
            table = None
            page_break = False
        blocks.append(RawLine(no, raw))
        i += 1
    return blocks

