"""Layout rewrites of a work report that change no fact (metamorphic relations).

Each rewrite is a small pure function ``str -> str``: it changes how the report is laid out
(table markup: pipe, HTML, box, grid, one cell per line, space-aligned columns, a page
footer inside a table; heading marks and levels, Roman part numbers; letter spacing, line
wrapping, blank lines, page furniture; line ends and space characters, bullet glyphs,
apostrophes, colon width, the money unit where the value stays exact) and nothing a reader
would take as a different fact. A loader built for the genre must give the same records for the
rewritten text as for the original.

    python -m tests.loaders.workreport.metamorphic --summary

prints, per bundled report x rewrite x fact type, how many of the original's facts the
rewritten text still gives (found/expected) and how many it adds;
`python -m tests.loaders.workreport.test_metamorphic_unseen` does so for the unseen reports.
"""
from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SOURCES = ROOT / "data" / "sources"
STEMS = ("000_f06941a74a258fad", "001_3a47f10a3fb60216", "004_845debc1c9c51afa")

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")
_DOT_LEADER = re.compile(r"\.{3,}|-{3,}\s*\d+\s*$|…{2,}")


def _lines(text: str) -> list[str]:
    return text.split("\n")


# ---------------------------------------------------------------- tables

def _is_table_row(line: str) -> bool:
    """A TAB-separated row; a table-of-contents line with a dot leader is not a table row."""
    return "\t" in line and not _DOT_LEADER.search(line)


def _table_blocks(lines: list[str], leaders: bool = False):
    """Yield (start, end) of maximal runs of TAB rows (with `leaders`, a table's rows with a page
    number after a leader, as a program list `연번 | 사업명 | 페이지` has them, go with it)."""
    i = 0
    while i < len(lines):
        if _is_table_row(lines[i]):
            j = i
            while j < len(lines) and (_is_table_row(lines[j]) or leaders and "\t" in lines[j]):
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def _rewrite_tables(text: str, render: Callable[[list[list[str]]], list[str]], leaders: bool = False) -> str:
    lines = _lines(text)
    out: list[str] = []
    pos = 0
    for start, end in _table_blocks(lines, leaders):
        out += lines[pos:start]
        rows = [line.split("\t") for line in lines[start:end]]
        width = max(len(r) for r in rows)
        rows = [[c.strip() for c in r] + [""] * (width - len(r)) for r in rows]
        out += render(rows)
        pos = end
    out += lines[pos:]
    return "\n".join(out)


def _pipe(rows: list[list[str]]) -> list[str]:
    def row(cells):
        return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"

    return [row(rows[0]), "|" + "|".join("---" for _ in rows[0]) + "|"] + [row(r) for r in rows[1:]]


def _html(rows: list[list[str]]) -> list[str]:
    # Cells may already hold HTML fragments (<ul><li>, <b>); they are kept as they are.
    return ["<table>"] + ["<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows] + ["</table>"]


def _box(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[j]) for r in rows) + 2 for j in range(len(rows[0]))]
    rule = ["─" * w for w in widths]
    out = ["┌" + "┬".join(rule) + "┐"]
    for k, r in enumerate(rows):
        out.append("│" + "│".join(f" {c} ".ljust(w) for c, w in zip(r, widths)) + "│")
        out.append(("├" + "┼".join(rule) + "┤") if k < len(rows) - 1 else ("└" + "┴".join(rule) + "┘"))
    return out


def _grid(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[j]) for r in rows) + 2 for j in range(len(rows[0]))]
    rule = "+" + "+".join("-" * w for w in widths) + "+"
    out = [rule]
    for r in rows:
        out += ["|" + "|".join(f" {c.replace('|', '/')} ".ljust(w) for c, w in zip(r, widths)) + "|", rule]
    return out


def _cells_per_line(rows: list[list[str]]) -> list[str]:
    return [c for r in rows for c in r]


def _space_columns(rows: list[list[str]]) -> list[str]:
    # a cell's HTML (lists inside a cell) as the text a PDF shows; columns two or more spaces apart
    rows = [[" ".join(_TAG.sub(" ", c).split()) for c in r] for r in rows]
    widths = [max(len(r[j]) for r in rows) + 3 for j in range(len(rows[0]))]
    return [("   " + "".join(c.ljust(w) for c, w in zip(r, widths))).rstrip() for r in rows]


_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def cells_per_line(text: str) -> str:
    """TAB tables one cell per line, as some HWP/PDF converters write them: the header's cells,
    then each row's cells, each on a line of its own, an empty cell an empty line, no separators
    (a program list's rows with their page numbers too)."""
    return _rewrite_tables(text, _cells_per_line, leaders=True)


def space_columns(text: str) -> str:
    """TAB tables as space-aligned columns, as PDF text extraction gives them: every cell padded to
    its column's width, columns three or more spaces apart, an empty cell blank (no TAB, no pipe)."""
    return _rewrite_tables(text, _space_columns)


def grid_tables(text: str) -> str:
    """TAB tables as ASCII grid tables: `+----+----+` rules around `| a | b |` rows."""
    return _rewrite_tables(text, _grid)


def box_tables(text: str) -> str:
    """TAB tables drawn with box characters as HWP converters keep them: `┌─┬─┐`, `│ a │ b │`, a `├─┼─┤` rule between rows."""
    return _rewrite_tables(text, _box)


def pipe_tables(text: str) -> str:
    """TAB tables as Markdown pipe tables: header row, `|---|` separator, body rows (empty cells kept)."""
    return _rewrite_tables(text, _pipe)


def html_tables(text: str) -> str:
    """TAB tables as HTML: <table>, one <tr><td>…</td></tr> per row, </table>."""
    return _rewrite_tables(text, _html)


# ---------------------------------------------------------------- headings

def no_heading_marks(text: str) -> str:
    """Drop every Markdown `#` heading mark; the heading's text stays on its line."""
    return "\n".join(m.group(2) if (m := _HEADING.match(line)) else line for line in _lines(text))


def _shift(text: str, delta: int) -> str:
    out = []
    for line in _lines(text):
        m = _HEADING.match(line)
        if m:
            level = min(6, max(1, len(m.group(1)) + delta))
            line = "#" * level + " " + m.group(2)
        out.append(line)
    return "\n".join(out)


def headings_deeper(text: str) -> str:
    """Every heading one level deeper (`#` -> `##`), at most six."""
    return _shift(text, +1)


def headings_shallower(text: str) -> str:
    """Every heading one level higher where possible (`##` -> `#`; `#` stays)."""
    return _shift(text, -1)


_ITEM = re.compile(r"^(?P<num>\d{1,2})(?:\s*[.|]\s*|\s+)(?P<title>\S.*)$")


def numbers_on_own_line(text: str) -> str:
    """An item's number on its own heading line, its title on the next heading line.

    `## 2. 제목` becomes `## 2` and a title line whose level alternates with the number's parity
    (`## 제목` or `### 제목`), as converted reports do; a bare `3 | 제목` line (no `#`) becomes
    `3` and `제목` on two lines.
    """
    out = []
    for line in _lines(text):
        m = _HEADING.match(line)
        if m:
            item = _ITEM.match(m.group(2).strip())
            if item and not _DOT_LEADER.search(line):
                level = len(m.group(1))
                n = int(item.group("num"))
                out += [f"{'#' * level} {item.group('num')}", "",
                        f"{'#' * min(6, level + n % 2)} {item.group('title')}"]
                continue
        else:
            bare = re.match(r"^(\d{1,2})\s*\|\s*(\S.*)$", line)
            if bare:
                out += [bare.group(1), "", bare.group(2)]
                continue
        out.append(line)
    return "\n".join(out)


_SHORT_HANGUL = re.compile(r"^(?P<marker>[□○■●◦▶]\s*)?(?P<word>[가-힣]{2,8})$")


def _space_letters(word: str) -> str:
    return " ".join(word)


def letter_spaced_headings(text: str) -> str:
    """Short one-word headings letter-spaced: `# 일반현황` -> `# 일 반 현 황`, `행정지원과` -> `행 정 지 원 과`.

    Applies to `#` headings and to bare lines that are a single Hangul word of 2-8 letters.
    """
    out = []
    for line in _lines(text):
        m = _HEADING.match(line)
        body = m.group(2).strip() if m else line.strip()
        s = _SHORT_HANGUL.match(body)
        if s and (m or line == line.strip()):
            spaced = (s.group("marker") or "") + _space_letters(s.group("word"))
            line = f"{m.group(1)} {spaced}" if m else spaced
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------- prose

_MARKER = re.compile(r"^(\s*(?:[-*·•◦▪※→]|[□○■●▶]|\d{1,2}\)|\(\d{1,2}\)|[①-⑳])?\s*)")
_NO_BREAK_BEFORE = re.compile(r"^(?:[-*·•◦▪※□○■●▶①-⑳]|\d{1,2}[.)]|\(\d{1,2}\))")


def _wrap(line: str, width: int) -> list[str]:
    lead = _MARKER.match(line).group(1)
    # under the text after a bullet marker; two spaces in from the margin for plain prose
    indent = " " * (len(lead) if lead.strip() else len(lead) + 2)
    words = line[len(lead):].split(" ")
    out: list[str] = []
    cur = lead
    for w in words:
        if not w:
            cur += " "
            continue
        candidate = cur + w if cur.endswith(" ") or cur == lead else cur + " " + w
        if len(candidate) > width and cur.strip() and cur != lead and not _NO_BREAK_BEFORE.match(w):
            out.append(cur.rstrip())
            cur = indent + w
        else:
            cur = candidate
    out.append(cur.rstrip())
    return out


# a row of a table a converter lays out itself (never wraps): box-drawn `│ a │ b │`, a pipe row
# without its outer pipes `a | b | c`, columns (or a running title) set apart by 3+ spaces
_LAID_OUT_ROW = re.compile(r"^[│┃║┌├└┏┣┗╔╠╚]|\|.*\||\S {3,}\S")


def hard_wrap(text: str, width: int = 40) -> str:
    """Prose and bullet lines longer than `width` broken at spaces; continuation lines indented.

    Headings, table rows (TAB, pipe with or without outer pipes, HTML, box-drawn, space-aligned
    columns), table-of-contents lines and numbered item lines are left alone; a break never puts a
    bullet marker or an item number at the start of a line.
    """
    out = []
    for line in _lines(text):
        s = line.strip()
        if (len(line) <= width or _HEADING.match(line) or "\t" in line or s.startswith(("|", "<"))
                or _LAID_OUT_ROW.search(s)
                or _DOT_LEADER.search(line) or (_ITEM.match(s) and len(s) < 60)):
            out.append(line)
            continue
        out += _wrap(line.rstrip(), width)
    return "\n".join(out)


def _running_title(text: str) -> str:
    for line in _lines(text):
        s = re.sub(r"^#+\s*", "", line).strip()
        if re.search(r"주요\s*업무", s) and len(s) < 30:
            return s
    return "주요업무 보고"


def page_furniture(text: str, every: int = 60) -> str:
    """A page footer (`- 3 -`) and a running title line every ~`every` lines, placed at blank lines."""
    title = _running_title(text)
    out: list[str] = []
    since = 0
    page = 1
    for line in _lines(text):
        out.append(line)
        since += 1
        if since >= every and not line.strip():
            page += 1
            out += [f"- {page} -", "", title, ""]
            since = 0
    return "\n".join(out)


def fullwidth_colons(text: str) -> str:
    """`key : value` and `key: value` with a full-width colon `：` (times like 06:00 stay)."""
    return re.sub(r"(?<=\S)( ?):(?=\s)|(?<=\s):(?=\S)", lambda m: (m.group(1) or "") + "：", text)


_THOUSANDS = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)"
# an amount in 천원 and the split in parentheses after it (`300,000천원(도비 90,000, 군비 210,000)`)
_IN_THOUSANDS = re.compile(r"(?P<n>" + _THOUSANDS + r")\s?천원(?P<split>\s?\([^()]*\))?")
# in the split, a bare number (its unit the total's) or one in 천원; not `50%`, `3명`, a date's `2024.`
_SPLIT_AMOUNT = re.compile(r"(?P<n>" + _THOUSANDS + r")(?P<unit>\s?천원)?(?![\d.%]|,\d|\s?[가-힣])")


def _million(n: str) -> str | None:
    value = int(n.replace(",", ""))
    return None if value % 1000 else f"{value // 1000:,}"


def _to_million(m: re.Match) -> str | None:
    """The amount in 백만원 with its split, None when one of them does not stay exact."""
    total = _million(m.group("n"))
    split = m.group("split") or ""
    parts = [(a, _million(a.group("n"))) for a in _SPLIT_AMOUNT.finditer(split)]
    if total is None or any(v is None for _, v in parts):
        return None
    for a, v in reversed(parts):
        split = split[:a.start()] + v + ("백만원" if a.group("unit") else "") + split[a.end():]
    return f"{total}백만원{split}"


def million_won(text: str) -> str:
    """Amounts in 천원 as 백만원 where every amount of the line stays exact, a split without unit in
    parentheses after a total (`300,000천원(도비 90,000, 군비 210,000)` -> `300백만원(도비 90, 군비 210)`)
    with it: `45,000천원` -> `45백만원`; a line with `54,644천원` keeps all its amounts in 천원, as a
    writer does not state one sum in two units."""
    matches = list(_IN_THOUSANDS.finditer(text))
    new = [_to_million(m) for m in matches]
    kept = {text.count("\n", 0, m.start()) for m, v in zip(matches, new) if v is None}
    for m, v in reversed(list(zip(matches, new))):
        if v is not None and text.count("\n", 0, m.start()) not in kept:
            text = text[:m.start()] + v + text[m.end():]
    return text


# ---------------------------------------------------------------- characters and line ends

def no_blank_lines(text: str) -> str:
    """Every blank line removed (converters that write one paragraph per line and nothing between)."""
    return "\n".join(line for line in _lines(text) if line.strip())


_AFTER_MARKER = re.compile(r"^(\s*(?:#+\s*)?(?:[□○■●◦▶※-]|[①-⑳]))( )")


def crlf_and_nbsp(text: str) -> str:
    """Windows line ends (CRLF); a no-break space (U+00A0) after a leading bullet marker and around
    `key : value` colons, an ideographic space (U+3000) for each two spaces of indentation, and
    trailing spaces on every other line, as text copied out of HWP or a web page has them."""
    out = []
    for k, line in enumerate(_lines(text)):
        body = line.lstrip(" ")
        lead = len(line) - len(body)
        line = "\u3000" * (lead // 2) + " " * (lead % 2) + body
        line = _AFTER_MARKER.sub(lambda m: m.group(1) + "\u00a0", line)
        line = line.replace(" : ", "\u00a0:\u00a0")
        if k % 2 and line.strip():
            line += "  "
        out.append(line)
    return "\r\n".join(out)


_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
_ASCII_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_ROMAN_HEADING = re.compile(r"^(?P<lead>#*\s*)(?P<r>[IVX]{1,4}|[Ⅰ-Ⅹ])\s*\.\s*(?P<t>\S.*)$")
# the parts of a work report that stand before or beside the divisions' programs
_PART = re.compile(r"^(?:일반현황|운영방향|주요통계자료|현안업무보고|주요업무|주요업무추진계획|건의사항)$")
_DIVISION = re.compile(r"^(?![가-힣]*(?:효과|결과|성과)$)[가-힣]{1,8}(?:과|담당관)$")
_KOREAN_ORDINALS = "가나다라마바사아자차카타파하"


def roman_sections(text: str) -> str:
    """The report's parts numbered in Roman numerals (`Ⅰ. 일반현황`, `Ⅱ. …`; `I.` as `Ⅰ.`) and its
    divisions' headings lettered (`가. 행정지원과`), since their programs are numbered `1.`.

    A part is a heading or standalone line that names one (일반현황, 운영방향, …, letter spacing
    allowed; a part listed in the table of contents keeps its number in the body); a division one
    that is a short name ending in 과/담당관 and stands alone (not a table row, not a list line).
    """
    out: list[str] = []
    parts: dict[str, int] = {}
    part = div = 0
    lines = _lines(text)
    for k, line in enumerate(lines):
        m = _HEADING.match(line)
        lead, body = (m.group(1) + " ", m.group(2).strip()) if m else ("", line.strip())
        alone = bool(m) or (line == body and (k == 0 or not lines[k - 1].strip())
                            and (k + 1 == len(lines) or not lines[k + 1].strip()))
        compact = "".join(body.split())
        r = _ROMAN_HEADING.match(line)
        if r and (r.group("r") in _ASCII_ROMAN or r.group("r") in _ROMAN) and not _DOT_LEADER.search(line):
            part = _ASCII_ROMAN.get(r.group("r")) or _ROMAN.index(r.group("r")) + 1
            parts.setdefault("".join(r.group("t").split()), part)
            line = f"{r.group('lead')}{_ROMAN[part - 1]}. {r.group('t')}"
        elif alone and "\t" not in line and _PART.match(compact):
            if compact not in parts:
                part += 1
                parts[compact] = part
            line = f"{lead}{_ROMAN[parts[compact] - 1]}. {body}"
        elif alone and "\t" not in line and _DIVISION.match(compact) and div < len(_KOREAN_ORDINALS):
            div += 1
            line = f"{lead}{_KOREAN_ORDINALS[div - 1]}. {body}"
        out.append(line)
    return "\n".join(out)


_BULLET_GLYPHS = {"○": "ㅇ", "□": "▣"}
_LEADING_BULLET = re.compile(r"^(\s*(?:#+\s*)?(?:\*\*)?)([○□])(?=\s)")


def bullet_glyphs(text: str) -> str:
    """Leading bullets in the glyphs other fonts and converters give them: `○` as the jamo `ㅇ`,
    `□` as `▣` (a bullet inside a line or a table cell stays)."""
    return "\n".join(_LEADING_BULLET.sub(lambda m: m.group(1) + _BULLET_GLYPHS[m.group(2)], line)
                     for line in _lines(text))


def typographic_apostrophes(text: str) -> str:
    """A date's apostrophe as word processors set it: `'24. 3.` -> `’24. 3.`, `('23.7월)` -> `(’23.7월)`.
    (`'26년 …` stays: a label's text is a fact's, kept as written.)"""
    return re.sub(r"'(?=\d\d\s*\.)", "’", text)


_SPACE_ROW = re.compile(r"^ {3}\S.*\S {3,}\S")


def _row_blocks(lines: list[str]):
    """(start, end) of runs of TAB rows or of space-aligned rows (as space_columns writes them)."""
    i = 0
    while i < len(lines):
        kind = _is_table_row(lines[i]) or bool(_SPACE_ROW.match(lines[i])) and 2
        if kind:
            j = i
            while j < len(lines) and (_is_table_row(lines[j]) if kind is True else _SPACE_ROW.match(lines[j])
                                      or lines[j].startswith("   ") and "   " in lines[j].strip()):
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def table_page_breaks(text: str, rows: int = 4) -> str:
    """A long table (TAB or space-aligned rows) broken by a page: after every `rows` rows a blank
    line, the page's footer (`- n -`) and a blank line, as PDF text of a table over two pages has it."""
    lines = _lines(text)
    out: list[str] = []
    pos = 0
    page = 1
    for start, end in _row_blocks(lines):
        out += lines[pos:start]
        for k, line in enumerate(lines[start:end]):
            if k and k % rows == 0 and end - start - k >= 2:
                page += 1
                out += ["", f"- {page} -", ""]
            out.append(line)
        pos = end
    out += lines[pos:]
    return "\n".join(out)


# ---------------------------------------------------------------- catalogue

def compose(*rewrites: Callable[[str], str]) -> Callable[[str], str]:
    def combined(text: str) -> str:
        for r in rewrites:
            text = r(text)
        return text

    combined.__doc__ = " + ".join(r.__name__ for r in rewrites)
    return combined


REWRITES: dict[str, Callable[[str], str]] = {
    "pipe_tables": pipe_tables,
    "html_tables": html_tables,
    "box_tables": box_tables,
    "grid_tables": grid_tables,
    "no_heading_marks": no_heading_marks,
    "headings_deeper": headings_deeper,
    "headings_shallower": headings_shallower,
    "numbers_on_own_line": numbers_on_own_line,
    "letter_spaced_headings": letter_spaced_headings,
    "hard_wrap": hard_wrap,
    "page_furniture": page_furniture,
    "fullwidth_colons": fullwidth_colons,
    "million_won": million_won,
    "cells_per_line": cells_per_line,
    "space_columns": space_columns,
    "no_blank_lines": no_blank_lines,
    "crlf_and_nbsp": crlf_and_nbsp,
    "roman_sections": roman_sections,
    "bullet_glyphs": bullet_glyphs,
    "typographic_apostrophes": typographic_apostrophes,
    "table_page_breaks": table_page_breaks,
    "combined": compose(million_won, fullwidth_colons, numbers_on_own_line, letter_spaced_headings,
                        headings_deeper, pipe_tables, hard_wrap, page_furniture),
    "combined_pdf": compose(roman_sections, bullet_glyphs, typographic_apostrophes, hard_wrap, space_columns,
                            table_page_breaks, page_furniture, crlf_and_nbsp),
    "combined_flat": compose(roman_sections, bullet_glyphs, typographic_apostrophes, cells_per_line, crlf_and_nbsp),
}


# ---------------------------------------------------------------- running the loader

def source(stem: str) -> str:
    return (SOURCES / f"{stem}.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def records_of(stem: str, rewrite: str | None = None) -> tuple:
    """The records of the bundled report `stem`, rewritten by REWRITES[rewrite] (None: the original)."""
    from loaders.workreport import extract_text

    text = source(stem)
    if rewrite is not None:
        text = REWRITES[rewrite](text)
    return tuple(extract_text(text, file_name=f"{stem}.txt", doc_id=stem, sha256="0" * 64))


def facts_of(stem: str, rewrite: str | None = None) -> dict:
    """to_facts of the bundled report `stem`, rewritten by REWRITES[rewrite] (None: the original)."""
    from tests.loaders.workreport.facts import to_facts

    return to_facts(list(records_of(stem, rewrite)))


def checks_of(stem: str, rewrite: str | None = None) -> list:
    """The ExtractionCheck records of the bundled report `stem`, rewritten by REWRITES[rewrite]."""
    from loaders.records import ExtractionCheck

    return [r for r in records_of(stem, rewrite) if isinstance(r, ExtractionCheck)]


def fact_types() -> tuple[str, ...]:
    from tests.loaders.workreport.facts import FACT_TYPES

    return FACT_TYPES + ("status",)


def compare(want: list, got: list) -> tuple[list, list]:
    """(missing, extra) as multisets of normalised facts."""
    from tests.loaders.workreport.facts import norm

    pool = [norm(x) for x in got]
    missing = []
    for e in (norm(x) for x in want):
        if e in pool:
            pool.remove(e)
        else:
            missing.append(e)
    return missing, pool


def summary(out=sys.stdout) -> int:
    """Print found/expected per report x rewrite x fact type; return the number of differing cells."""
    kinds = [k for k in fact_types() if any(facts_of(s)[k] for s in STEMS)]
    head = f"{'report':<5} {'rewrite':<24}" + "".join(f" {k[:12]:>12}" for k in kinds) + "  document"
    print(head, file=out)
    bad = 0
    for stem in STEMS:
        for name in REWRITES:
            try:
                got = facts_of(stem, name)
            except Exception as exc:  # noqa: BLE001 - a crash is a result to report, not a reason to stop
                print(f"{stem[:3]:<5} {name:<24} LOADER FAILED: {type(exc).__name__}: {exc}", file=out)
                bad += len(kinds)
                continue
            want = facts_of(stem)
            cells = []
            for k in kinds:
                missing, extra = compare(want[k], got[k])
                n = len(want[k])
                cell = f"{n - len(missing)}/{n}" + (f"+{len(extra)}" if extra else "")
                if missing or extra:
                    bad += 1
                    cell = "*" + cell
                cells.append(f" {cell:>12}")
            doc_diff = [f for f in want["document"] if want["document"][f] != got["document"][f]]
            print(f"{stem[:3]:<5} {name:<24}" + "".join(cells) + "  " + (",".join(doc_diff) or "same"), file=out)
    print(f"\n* = differs from the original's facts (found/expected, +extra); {bad} differing cells", file=out)
    return bad


if __name__ == "__main__":
    if "--summary" in sys.argv[1:]:
        summary()
    elif len(sys.argv) == 3:
        # python -m tests.loaders.workreport.metamorphic <stem> <rewrite>: print the rewritten text
        print(REWRITES[sys.argv[2]](source(sys.argv[1])))
    else:
        print(__doc__)
