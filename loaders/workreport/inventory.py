"""The program inventory a work report carries before its body.

Reports list their programs up front, in one or more of the genre's ways: a
table of contents with page numbers (`1. 제목 ..... 4`), a run of numbered
lines under a division or part heading, or a program list table (`연번 | 사업명
| 쪽`) at the head of each division. The inventory is an independent cue: the
body's numbered headings are programs when the inventory names them, and the
extraction report compares what the body gave with what the inventory says.
Titles in the inventory and the body may differ by a particle, a space or a
typo, so they are matched fuzzily.

>>> same_title("안전하고 편리한 동청사 환경조성", "안전하고 편리한 동청사 환경 조성")
True
>>> same_title("주민자치회 활성화", "주민자치 아카데미 운영")
False
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from loaders.lexicon import labels
from loaders.lexicon.words import alt

_LEADERS = re.compile(r"(?:\.{2,}|-{3,}|…+|·{3,}|ㆍ{3,})\s*\d{0,3}\s*$")
_STATUS = re.compile(r"\s+(?:" + alt("report_words", "status_mark") + ")$")  # data/report_words.csv
_PAGE = re.compile(r"^[-.·…\s]*\d{1,3}\s*$")
_NUM = re.compile(r"^\d{1,3}\.?$")


@dataclass
class Listed:
    title: str
    division: str | None
    number: int | None
    line: int
    cue: str  # "program list" | "table of contents"


def key(title: str) -> str:
    """Comparable form of a title: no spaces, no leaders, no status mark, no punctuation."""
    t = _STATUS.sub("", _LEADERS.sub("", title.strip()))
    return "".join(ch for ch in t if ch.isalnum())


def same_title(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    if short in long_ and (len(short) >= 8 or len(short) >= 6 and len(short) >= 0.6 * len(long_)):
        return True  # a title wrapped in the TOC, or a shortened one
    if len(short) >= 5 and long_.endswith(short):
        return True  # a TOC keeps the head of a long title: `민원서비스 확대`
    return len(short) >= 5 and SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= 0.85


_NUMBERED_TITLE = re.compile(r"^(\d{1,2})\s*[.|)]?\s+(\S.{2,})$")


def toc_rows(table) -> list[tuple[int | None, str, int]] | None:
    """(number, title, line) of TOC rows a converter split at the TAB before the page:
    `1. 제목 | ..... | 4`, `2. 제목 ..... | 5`."""
    out = []
    for r, no in zip(table.rows, table.row_lines):
        cells = [c.strip() for c in r if c.strip()]
        if not 2 <= len(cells) <= 3 or not _PAGE.match(cells[-1]):
            continue
        m = _NUMBERED_TITLE.match(_LEADERS.sub("", cells[0]).strip())
        if not m:
            continue
        if len(cells) == 3 and not re.fullmatch(r"[.·…\-ㆍ\s]{2,}", cells[1]):
            continue
        if len(cells) == 2 and not _LEADERS.search(cells[0]) and not re.match(r"^[.·…\-ㆍ]{2,}", cells[1]):
            continue
        out.append((int(m.group(1)), m.group(2).strip(), no))
    return out or None


def table_programs(table) -> list[tuple[int | None, str, int]] | None:
    """(number, title, line) of a program list table (`연번 | 사업명 | 쪽`), None when it is not one."""
    rows = table.rows
    if len(rows) < 2:
        return None
    header = ["".join(c.split()) for c in rows[0]]
    col = next((i for i, h in enumerate(header) if labels.is_label(h, "program_list_title")), None)
    if col is None:
        return None
    num_col = next((i for i, h in enumerate(header) if labels.is_label(h, "program_list_number")), None)
    page_col = next((i for i, h in enumerate(header) if labels.is_label(h, "program_list_page")), None)
    if num_col is None and page_col is None:
        return None
    out = []
    for r, no in zip(rows[1:], table.row_lines[1:]):
        if col >= len(r) or not r[col].strip():
            continue
        number = None
        if num_col is not None and num_col < len(r) and _NUM.match(r[num_col].strip()):
            number = int(r[num_col].strip().rstrip("."))
        out.append((number, r[col].strip(), no))
    return out or None


def matches(listed: list[Listed], title: str, division: str | None = None) -> Listed | None:
    for entry in listed:
        if division and entry.division and entry.division != division:
            continue
        if same_title(entry.title, title):
            return entry
    return None
