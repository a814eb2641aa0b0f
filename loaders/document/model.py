"""The document model every genre reads: lines with the cues a heading can carry,
tables as rows of cells.

A `Line` keeps its number in the source, its text with markup and the leading
marker removed (NFC, spaces collapsed), the marker (□ ○ - ① …), its `#` level,
bold and indentation; `compact` is the text without spaces (so letter-spaced
`일 반 현 황` reads `일반현황`) and `kv()` splits a `key : value` line with the
key's spaces removed. A `Table` is rows of cleaned cells with the line of each
row and the lines it follows (its caption). Layout differences are settled here
once: TAB, pipe and HTML tables (loaders.document.layout), page numbers and
running titles, sentences wrapped onto continuation lines, an item number on
its own heading line above its title, and the ordinal styles of numbered
headings (`1.`, `1)`, `(1)`, `가.`, `가)`).

>>> lines, blocks = read_blocks("# 1\\n## 청사 환경 조성\\n| 구분 | 정원 |\\n|---|---|\\n| 총무과 | 38 |")
>>> [b.text for b in blocks if isinstance(b, Line) and b.text], [b.rows for b in blocks if isinstance(b, Table)]
(['1. 청사 환경 조성'], [[['구분', '정원'], ['총무과', '38']]])
>>> make_line(7, "### □ 소 요 예 산 ： 20백만원(구비)").kv()
('소요예산', '20백만원(구비)')
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from loaders.document import layout
from loaders.text import nfc

MARKERS = "□■○●◦◎▶▸►◆◇※-·•∙ㆍ▷◇➊ㅇ▣❍"
# the same bullet in other fonts or converters: the jamo ㅇ and ❍ are ○, a boxed ▣ is □
_MARKER_ALIAS = {"ㅇ": "○", "❍": "○", "▣": "□"}
_NEGATIVE_CIRCLED = "❶❷❸❹❺❻❼❽❾❿"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_LEADERS = re.compile(r"(?:\.{3,}|-{3,}|…{2,}|·{3,})\s*\d{1,3}\s*$")
_NUMBERED = re.compile(r"^(?P<n>\d{1,2})\s*(?:[.|]\s*|\s+)(?P<t>\S.*)$")
_BARE_NUMBER = re.compile(r"^(?P<n>\d{1,2})\s*[.|]?$")
_KV = re.compile(r"^(?P<k>(?:[^:：]|(?<=\d)[:：](?=\d)){1,60}?)\s*(?<!\d(?=[:：]\d))[:：](?!\d)\s*(?P<v>.*)$")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")  # HTML only: `<총무과>` is a heading, not a tag
_CELL_BREAK = re.compile(r"<(?:li|br|p)[^>]*>")
_RULE = re.compile(r"[-*_=]{3,}")
_PAREN_NUMBER = re.compile(r"^\d{1,2}\s*\)")
_NOT_TITLE = re.compile(r"^(?:\d{1,2}(?:\s*[.~∼)월일%,]|\s*$)|[~∼(]|[월일년]\b)")
_DIGITS = re.compile(r"\d+")
_NO_CACHE = object()
_MARKER_SET = frozenset(MARKERS + CIRCLED)
_normalize = unicodedata.normalize

class _cached:
    """functools.cached_property without its per-access lock (Python < 3.12)."""

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass
class Line:
    """A line of the document. `compact`, `kv()` and `numbered()` are computed
    once per line and kept (a Line is not changed after it is made)."""

    no: int  # 1-based
    raw: str
    text: str  # markup and leading marker removed, NFC
    marker: str | None = None  # □ ○ - ① ... as found
    heading: int = 0  # number of leading '#'
    bold: bool = False
    indent: int = 0

    @_cached
    def compact(self) -> str:
        return "".join(self.text.split())

    def kv(self) -> tuple[str, str] | None:
        """(key with spaces removed, value) of a `key : value` line."""
        cache = self.__dict__
        kv = cache.get("_kv", _NO_CACHE)
        if kv is _NO_CACHE:
            kv = None
            text = self.text
            if ":" in text or "：" in text:
                m = _KV.match(text)
                if m and not ("(" in m.group("k") and ")" not in m.group("k")):
                    key = "".join(m.group("k").split())
                    if key[1:2] in ".)" or key[:1] == "(":
                        key = _ORDINAL_PREFIX.sub("", key) or key  # `다. 소요예산 : …`
                    elif key[:1] in CIRCLED and len(key) > 1:
                        key = key[1:]  # `④ 소요재원 : …`: a numbered field, keyed like a bare one
                    kv = key, m.group("v").strip()
            cache["_kv"] = kv
        return kv


@dataclass
class Table:
    rows: list[list[str]]
    row_lines: list[int]
    caption: list[str] = field(default_factory=list)  # up to 4 preceding non-empty lines, nearest last

    @property
    def line(self) -> int:
        return self.row_lines[0]

    @property
    def line_end(self) -> int:
        return self.row_lines[-1]


# -- lines and tables --------------------------------------------------------


def clean_cell(cell: str) -> str:
    if "<" in cell:
        cell = _CELL_BREAK.sub(" ; ", cell)
        cell = _TAG.sub(" ", cell)
    cell = cell.replace("**", "").replace("\\*", "*")
    return nfc(cell).strip(" ;")


def make_line(no: int, raw: str) -> Line:
    s = raw
    if "\\" in s:
        s = s.replace("\\*", "*").replace("\\-", "-")
    indent = len(s) - len(s.lstrip(" "))
    s = s.strip()
    if not s:
        return Line(no, raw, "", None, 0, False, indent)
    if s[0] in "-*_=" and _RULE.fullmatch(s):
        return Line(no, raw, "", None, 0, False, indent)
    heading = 0
    if s[0] == "#":
        heading = len(s) - len(s.lstrip("#"))
        s = s.lstrip("#").strip()
    bold = s.startswith("**")
    if "<" in s:
        s = _TAG.sub(" ", s)
    if "*" in s:
        s = s.replace("**", "")
    s = " ".join(_normalize("NFC", s).split())  # = nfc(s)
    marker = None
    if s and s[0] in _NEGATIVE_CIRCLED and s[1:2] == " ":  # `❶ 제목`: an item number, as `1. 제목`
        s = f"{_NEGATIVE_CIRCLED.index(s[0]) + 1}. {s[1:].strip()}"
    elif s and s[0] in _MARKER_SET and (s[0] != "ㅇ" or s[1:2] == " "):  # `ㅇ 항목`: the jamo as a bullet
        marker = _MARKER_ALIAS.get(s[0], s[0])
        if marker not in CIRCLED:
            s = s[1:].strip()
    return Line(no, raw, s, marker, heading, bold, indent)


def read_blocks(text: str) -> tuple[list[Line], list[Line | Table]]:
    """Lines and blocks of the document model. Tables come from any markup
    (TAB, pipe, HTML: loaders.document.layout); a table row's Line carries its
    cells TAB-joined in `raw`, so `"\t" in ln.raw` tells a row anywhere."""
    raw_blocks = layout.split(text)
    by_no: dict[int, Line] = {}
    blocks: list[Line | Table] = []
    for rb in raw_blocks:
        if isinstance(rb, layout.RawTable):
            cells_rows = [[clean_cell(c) for c in r] for r in rb.rows]
            blocks.append(Table(cells_rows, list(rb.row_lines)))
            for r, no in zip(rb.rows, rb.row_lines):
                if no not in by_no:
                    by_no[no] = make_line(no, "\t".join(r) + ("\t" if len(r) == 1 else ""))
            continue
        ln = make_line(rb.no, rb.raw)
        by_no.setdefault(rb.no, ln)
        blocks.append(ln)
    lines = [by_no.get(i + 1) or make_line(i + 1, "") for i in range(max(by_no, default=0))]
    _drop_running_titles(blocks)
    blocks = _join_wrapped(blocks)
    blocks = _merge_bare_numbers(blocks)
    blocks.sort(key=lambda b: b.line if isinstance(b, Table) else b.no)
    recent: list[str] = []  # captions once furniture is gone: the lines a table follows
    for b in blocks:
        if isinstance(b, Table):
            b.caption = list(recent[-4:])
        elif b.text:
            recent.append(b.text)
    return lines, blocks


def _drop_running_titles(blocks: list[Line | Table]) -> None:
    """A running title (the document's title line repeated on every page) is furniture."""
    texts = [b for b in blocks if isinstance(b, Line) and b.text]
    head = {b.compact for b in texts[:10] if not b.marker}
    seen: dict[str, int] = {}
    for b in texts:
        if b.compact in head:
            seen[b.compact] = seen.get(b.compact, 0) + 1
    # a bare item number (`# 1` opening each division's first item) repeats too: not a title
    repeated = {t for t, k in seen.items() if k >= 3 and len(t) <= 60 and not _BARE_NUMBER.match(t)}
    if not repeated:
        return
    first: set[str] = set()
    for b in texts:
        if b.compact in repeated:
            if b.compact in first:
                b.text, b.heading, b.bold = "", 0, False
                b.__dict__.pop("compact", None)
            first.add(b.compact)


# a sentence's end (a period, or the nominal endings 함/음/임/다 of report prose): a
# line ending so is a paragraph, not a title
_SENTENCE_END = re.compile(r"(?:[.。]|함|음|임|다)\s*$")


def _title_like(text: str) -> bool:
    """A plain line that can be the title under a bare `# 1`: short, not a sentence."""
    return 0 < len(text) <= 60 and not _SENTENCE_END.search(text)


def _merge_bare_numbers(blocks: list[Line | Table]) -> list[Line | Table]:
    """`# 1` on its own heading line and the title on the next heading line are one
    numbered heading (`# 1. title`), whatever the levels of the two lines."""
    out: list[Line | Table] = []
    pending: Line | None = None
    for b in blocks:
        if isinstance(b, Line) and not b.text:
            out.append(b)
            continue
        if pending is not None:
            head, pending = pending, None
            if isinstance(b, Line) and not b.marker and numbered(b) is None and not b.kv() \
                    and (b.heading or b.bold or not head.heading or _title_like(b.text)):
                n = _DIGITS.match(head.text).group(0)
                merged = Line(head.no, head.raw, f"{n}. {b.text}", None, head.heading or b.heading,
                              head.bold or b.bold, head.indent)
                out[out.index(head)] = merged
                b.text = ""
                b.__dict__.pop("compact", None)
                out.append(b)
                continue
        if isinstance(b, Line) and not b.marker and _BARE_NUMBER.match(b.text) and (b.heading or b.bold):
            pending = b
        out.append(b)
    return out


def _continues(prev: Line, b: Line) -> bool:
    """An indented, unmarked line under a long line is the rest of its sentence,
    even when the cut left a `key :` or a number at its start (`   도: 2004년`). An indented list
    line is long also by its width on the page (a wrap cuts at the page's margin), then what
    continues it is no `key : value` line of its own."""
    if len(prev.raw.strip()) < 30 and (not prev.marker or len(prev.raw.rstrip()) < 30 or b.kv()):
        return False
    nt = numbered(b)
    return nt is None or len(nt[1]) < 4


def _join_wrapped(blocks: list[Line | Table]) -> list[Line | Table]:
    """A sentence wrapped onto indented continuation lines is one line again
    (the continuation has no marker, no heading, no number and no key)."""
    out: list[Line | Table] = []
    last = 0  # the last line number joined into out[-1]: a sentence may run over several lines
    for b in blocks:
        prev = out[-1] if out else None
        if (isinstance(b, Line) and b.text and b.indent >= 2 and b.marker is None and not b.heading
                and not b.bold and isinstance(prev, Line) and prev.text and b.no - 1 in (prev.no, last)
                and "\t" not in prev.raw and _continues(prev, b)):
            last = b.no
            glued = prev.text.endswith(("(", "·")) or prev.text[-1:].isdigit() and b.text[:1].isdigit()
            prev.text = prev.text + ("" if glued else " ") + b.text
            prev.__dict__.pop("compact", None)
            prev.__dict__.pop("_kv", None)
            prev.__dict__.pop("_numbered", None)
            b.text = ""  # doc.lines keeps the number, the text now stands once
            b.__dict__.pop("compact", None)
            continue
        out.append(b)
    return out


# -- classification ----------------------------------------------------------


KOREAN_ORDINALS = "가나다라마바사아자차카타파하"
_ORDINALS = (
    ("roman_hyphen", re.compile(r"^(?P<g>[IVXⅠ-Ⅹ]{1,4})\s*-\s*(?:(?P<n>\d{1,2})\s*[.)]?\s+|(?P<c>[" + CIRCLED
                                + r"])\s*[.)]?\s*)(?P<t>\S.*)$")),
    ("digit_hyphen", re.compile(r"^(?P<g>\d{1,2})\s*-\s*(?:(?P<n>\d{1,2})\s*[.)]?\s+|(?P<c>[" + CIRCLED
                                + r"])\s*[.)]?\s*)(?P<t>\S.*)$")),
    ("kor_hyphen", re.compile(r"^(?P<g>[가-하])\s*-\s*(?P<n>\d{1,2})\s*[.)]?\s+(?P<t>\S.*)$")),
    ("digit_paren", re.compile(r"^(?P<n>\d{1,2})\s*\)\s*(?P<t>\S.*)$")),
    ("paren_digit", re.compile(r"^\(\s*(?P<n>\d{1,2})\s*\)\s*(?P<t>\S.*)$")),
    ("kor", re.compile(r"^(?P<n>[가-하])\s*\.\s*(?P<t>\S.*)$")),
    ("kor_paren", re.compile(r"^(?P<n>[가-하])\s*\)\s*(?P<t>\S.*)$")),
)


def ordinal(ln: Line) -> tuple[str, int, str] | None:
    """(style, number, title) of a heading numbered in one of the genre's ordinal
    styles other than `1.`: `1-1.`, `Ⅰ-①`, `가-1.`, `1)`, `(1)`, `가.`, `가)`.

    >>> ordinal(make_line(1, "## 가. 주민자치회 전면 시행 지원"))
    ('kor', 1, '주민자치회 전면 시행 지원')
    >>> ordinal(make_line(1, "#### 2) 동 행정복지센터 환경 개선"))
    ('digit_paren', 2, '동 행정복지센터 환경 개선')
    """
    if ln.marker or not ln.text:
        return None
    c = ln.text[:1]
    if not (c.isdigit() or c == "(" or "가" <= c <= "하" or c in "IVXⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"):
        return None
    for style, rx in _ORDINALS:
        m = rx.match(ln.text)
        if m:
            n = m.groupdict().get("c") or m.group("n")
            if n in CIRCLED:
                number = CIRCLED.index(n) + 1  # `Ⅰ-①`, `1-①`
            elif not n.isdigit():
                if n not in KOREAN_ORDINALS:
                    return None
                number = KOREAN_ORDINALS.index(n) + 1
            else:
                number = int(n)
            group = m.groupdict().get("g")
            if group:  # `Ⅱ-1`, `2-1`: a new group is a new run, never a restart inside an item
                number += 100 * (int(group) if group.isdigit() else KOREAN_ORDINALS.index(group) + 1
                                 if group in KOREAN_ORDINALS else _roman_value(group))
            title = m.group("t").strip(" |")
            if len(title) < 3 or _NOT_ORDINAL_TITLE.match(title):
                return None
            return style, number, title
    return None


_NOT_ORDINAL_TITLE = re.compile(r"^(?:\d{1,2}(?:\s*[.~∼)월일%,]|\s*$)|[~∼(:])")


def strip_ordinal(compact: str) -> str:
    """A label without its ordinal: `다.소요예산` -> `소요예산`, `1.일반현황` -> `일반현황`."""
    return _ORDINAL_PREFIX.sub("", compact)


_ORDINAL_PREFIX = re.compile(r"^(?:[IVXⅠ-Ⅹ]+\.|\(?\d{1,2}[.)]|\(?[가-하][.)])")


def numbered(ln: Line) -> tuple[int, str] | None:
    """(number, title) of an item heading like `# 1. 제목`, `1 | 제목`, `## 2` (title follows)."""
    if ln.marker:
        return None
    cache = ln.__dict__
    nt = cache.get("_numbered", _NO_CACHE)
    if nt is _NO_CACHE:
        nt = cache["_numbered"] = _numbered(ln)
    return nt


def _numbered(ln: Line) -> tuple[int, str] | None:
    if not ln.text[:1].isdigit():
        return None
    if _PAREN_NUMBER.match(ln.text):
        return None
    m = _BARE_NUMBER.match(ln.text)
    if m:
        return int(m.group("n")), ""
    m = _NUMBERED.match(ln.text)
    if not m:
        return None
    title = m.group("t").strip(" |")
    if not title or _NOT_TITLE.match(title) or len(title) < 3:
        return None
    kv = ln.kv()
    if kv and len(kv[0]) > 12:
        return None
    return int(m.group("n")), title


def is_leader_line(ln: Line | None) -> bool:
    """A TOC line: the title, leaders and a page number (`제목 ..... 4`)."""
    return ln is not None and bool(_LEADERS.search(ln.text))



def _roman_value(text: str) -> int:
    """`Ⅱ` or `II` -> 2 (up to 10)."""
    single = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
    if len(text) == 1 and text in single:
        return single.index(text) + 1
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values.get(a, 0)
        total += -v if values.get(b, 0) > v else v
    return total
