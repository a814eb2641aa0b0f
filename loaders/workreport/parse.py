"""Council work report text -> document tree.

The converted reports are Markdown-ish: headings may or may not carry `#`,
tables are TAB-separated rows (cells may hold HTML `<ul><li>` fragments), and
items are marked with the genre's own markers (□ ○ - ①②, `1.`, `1 |`). This
module only recognises those shapes; what they mean is decided in extract.py.

>>> doc = parse("# 행정지원과\\n# 1. 청사 환경 조성\\n□ 소요예산 : 20백만원(구비)")
>>> [(n.kind, n.title) for n in doc.nodes]
[('item', '청사 환경 조성')]
>>> doc.nodes[0].division
'행정지원과'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.document.model import (  # noqa: F401 - Line, Table, make_line: the genre's public model
    _DIGITS, _LEADERS, CIRCLED, MARKERS, Line, Table, _cached, _numbered, clean_cell, is_leader_line, make_line,
    numbered, ordinal,
    read_blocks, strip_ordinal,
)
from loaders.lexicon import labels
from loaders.lexicon.words import alt, of, spaced_alt, words
from loaders.workreport import inventory, units

_ROMAN = re.compile(r"^(?:[IVX]{1,4}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ])\s*\.\s*(?P<t>.+)$")

# the words of this module are rows of loaders/lexicon/data/report_words.csv and labels.csv
_W = "report_words"
SKIP_TITLES = words(_W, "skip_title")
_SKIP_IN_ITEM = tuple(r.pattern for r in of(_W, "skip_title") if r.means == "in_item")
# section labels (lexicon/data/section_labels.csv, shared with the casebooks), letter-spacing allowed
_LABEL = re.compile(r"^(?:'?\d{2,4}년?(?:도)?)?" + spaced_alt("section_labels", "program_label", "section_label"))
_FURNITURE = re.compile(r"-{3,}|\*{3,}|_{3,}")
_ROMAN_FIRST = "IVXⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
_MAIN_WORK = re.compile(r"(?:[IVXⅠ-Ⅹ]+\.)?(?:\d{4}년?도?)?(?:" + alt(_W, "main_work_by") + ")?" + words(_W, "genre_title")[0]
                        + ".{0,12}")  # the first genre title: 주요\s*업무
_DUTY = words(_W, "duty_word")[0]
_SUB_STOPS = "□■○●" + CIRCLED





@dataclass
class Entry:
    """A block in a node, with the label section (□ 추진실적 ...) it falls under."""

    block: Line | Table
    label: str
    top: bool = False  # written at item level (□, heading, bold), not as a sub bullet


@dataclass
class Node:
    kind: str  # item | sub
    title: str
    line: int
    line_end: int
    number: int | None = None
    division: str | None = None
    parent: Node | None = None
    entries: list[Entry] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    label: str = ""


@dataclass
class Document:
    lines: list[Line]
    blocks: list[Line | Table]
    division_names: list[str]
    division_starts: list[tuple[str, int]]
    nodes: list[Node]  # items, in order; subs are in .children
    listed: list = field(default_factory=list)  # the program inventory (inventory.Listed)
    bureau_starts: list = field(default_factory=list)  # (bureau, line) of parts of a report on several 국

    def unit_at(self, line: int, default: str | None = None) -> str | None:
        """The division, else the bureau, whose section holds `line`."""
        best = (0, default)
        for name, start in self.division_starts + self.bureau_starts:
            if start <= line and start >= best[0]:
                best = (start, name)
        return best[1]

    def bureau_at(self, line: int, default: str | None = None) -> str | None:
        best = (0, default)
        for name, start in self.bureau_starts:
            if start <= line and start >= best[0]:
                best = (start, name)
        return best[1]

    @_cached
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


# -- lines and tables --------------------------------------------------------



_STYLE_MARKS = {"box": ("□", "■"), "bullet": ("◦", "○")}


def item_number(ln: Line, style: str) -> tuple[int, str] | None:
    """(number, title) when `ln` is numbered in the document's program style;
    in the `box` style programs are unnumbered `□ 제목` lines (number 0), in the
    `bullet` style `◦ 제목` (or `○ 제목`) lines at the margin with their fields as `-` lines below."""
    if style == "digit":
        return numbered(ln)
    if style in ("box", "bullet"):
        if ln.marker in _STYLE_MARKS[style] and (style == "box" or ln.indent == 0) and len(ln.compact) >= 5 and not ln.kv() and not _label_title(ln.text) \
                and not units.division_name(ln.compact, offices=True) and not skip_title(ln):
            return 0, ln.text
        return None
    o = ordinal(ln)
    return (o[1], o[2]) if o and o[0] == style else None



def is_label(ln: Line) -> bool:
    if ln.marker in ("□", "■"):
        return True
    if ln.marker in ("○", "●"):
        return circle_label(ln)
    if ln.marker is None and (ln.heading or ln.bold or len(ln.compact) <= 20):
        if (m := _SECTION_NO.match(ln.text)) and _label_title(ln.text[m.end():]):
            return True  # `## 2 추진실적`, `## 02 2023년 추진실적`: an inner section numbered before its label
        return bool(_LABEL.match(strip_ordinal(ln.compact))) or (ln.heading > 0 and numbered(ln) is None)
    return False


_LABEL_TAIL = re.compile(r"(?:" + alt(_W, "label_tail") + ")$")
_SECTION_NO = re.compile(r"^\s*\d{1,2}\s+(?=\S)")


def circle_label(ln: Line) -> bool:
    """`○ 사업개요`, `○ 조사개요`, `○ 2023년 추진실적`: a section label written with ○
    (inside a sub-section), not a sub-item."""
    c = strip_ordinal(ln.compact)
    return len(c) <= 12 and not ln.kv() and bool(_LABEL.match(c) or _LABEL_TAIL.search(c) and len(c) <= 8)


_BUREAU = re.compile(r"^[가-힣]{2,10}(?:" + alt(_W, "bureau_line_ending") + ")$")
_NOT_BUREAU = words(_W, "not_bureau_ending")


def bureau_heading(ln: Line) -> str | None:
    """A part of the report about one bureau: `Ⅰ. 자치행정국`, `# 2. 복지국` (a report on several 국)."""
    if ln.marker or not (ln.heading or ln.bold or _roman(ln.text)):
        return None
    m = _roman(ln.text)
    t = "".join(m.group("t").split()) if m else strip_ordinal(ln.compact)
    if t != ln.compact and _BUREAU.match(t) and not t.endswith(_NOT_BUREAU):
        return t
    return None


def _roman(text: str) -> re.Match | None:
    """_ROMAN.match(text), not tried on lines that cannot start a Roman numeral."""
    return _ROMAN.match(text) if text[:1] in _ROMAN_FIRST else None


def skip_title(ln: Line, in_item: bool = False) -> bool:
    if ln.marker not in (None, "■", "□"):
        return False
    t = ln.compact
    m = _roman(ln.text)
    if m:
        t = "".join(m.group("t").split())
    elif t[1:2] in ".)" or t[:1] == "(":
        t = strip_ordinal(t)
    if in_item and not m and not t.startswith(_SKIP_IN_ITEM):  # (then t.startswith(SKIP_TITLES) below)
        return False
    return len(t) <= 20 and t.startswith(SKIP_TITLES)


# -- tree ----------------------------------------------------------------------


def _content_index(blocks: list[Line | Table], i: int, step: int = 1) -> int:
    """Index of the next block with content from `i` (a rule line is furniture), or -1."""
    j = i + step
    while 0 <= j < len(blocks):
        b = blocks[j]
        if isinstance(b, Table) or (b.text and not _FURNITURE.fullmatch(b.text)):
            return j
        j += step
    return -1


def _content(blocks: list[Line | Table], i: int, step: int = 1) -> Line | Table | None:
    j = _content_index(blocks, i, step)
    return blocks[j] if j >= 0 else None


def toc_flags(blocks: list[Line | Table]) -> set[int]:
    """Indexes of numbered lines that belong to a table of contents, not the body:
    lines with leaders and page numbers, and runs of consecutive numbers with
    nothing between them whose titles come back later as headings (a run of
    short numbered steps inside a program does not come back)."""
    toc: set[int] = set()
    cand = {}
    for i, b in enumerate(blocks):
        if isinstance(b, Line) and b.text and not b.marker:
            nt = numbered(b)
            if nt:
                cand[i] = nt
    runs: list[list[int]] = []
    for i, (n, _t) in cand.items():
        j = _content_index(blocks, i)
        nxt = blocks[j] if j >= 0 else None
        if is_leader_line(blocks[i]) or (isinstance(nxt, Line) and is_leader_line(nxt) and numbered(nxt) is None):
            toc.add(i)
            continue
        if j in cand and cand[j][0] == n + 1 and cand[j][1]:
            if runs and runs[-1][-1] == i:
                runs[-1].append(j)
            else:
                runs.append([i, j])
    for run in runs:
        end = run[-1]
        later = [b for k, b in enumerate(blocks) if k > end and isinstance(b, Line) and b.text and not b.marker
                 and k not in cand or (k > end and k in cand and k not in run)]
        titles = [cand[k][1] for k in run]
        if any(_comes_back(t, later) for t in titles):
            toc.update(run)
    return toc


def _comes_back(title: str, later: list) -> bool:
    k = inventory.key(title)
    if len(k) < 4:
        return False
    for b in later:
        if not isinstance(b, Line):
            continue
        text = numbered(b)[1] if numbered(b) else b.text
        kb = inventory.key(text)
        if abs(len(kb) - len(k)) <= max(4, len(k) // 3) and inventory.same_title(title, text):
            return True
    return False


def _list_item(blocks: list[Line | Table], i: int) -> bool:
    """A ① line with no lines of its own (the next is ② or a label, `(2) 추진계획`) is an
    entry of a numbered list, not a sub-item: a sub-item has a body."""
    nxt = _content(blocks, i)
    if not isinstance(nxt, Line):
        return False
    return bool(nxt.marker and nxt.marker in CIRCLED) or (is_label(nxt) and not nxt.heading and not nxt.bold)


def _opens_sub(blocks: list[Line | Table], i: int, ln: Line) -> bool:
    """A ○ or - bullet opens a sub-item when its own lines give a period or a budget."""
    if ln.marker not in ("○", "-", "●", "◦") or ln.kv() or circle_label(ln):
        return False
    dash = ln.marker == "-"
    for b in blocks[i + 1:i + 14]:
        if isinstance(b, Table):
            continue
        if not b.text:
            continue
        if b.marker and b.marker in _SUB_STOPS or numbered(b) or b.heading or b.bold:
            break
        if dash and b.indent <= ln.indent:
            break
        kv = b.kv()
        if kv and (units.is_budget_key(kv[0]) or units.is_period_key(kv[0])):
            return True
    return False


@dataclass
class _State:
    division: str | None = None
    item: Node | None = None
    sub: Node | None = None  # innermost open sub-item
    numsub: Node | None = None  # open numbered sub-item (`1 |` restarting inside an item)
    numsub_close: int | None = None  # heading level of the □ label that the numbered subs sit under
    last_label_level: int | None = None
    listed: list = field(default_factory=list)  # the report's program inventory
    blocks: list = field(default_factory=list)
    style: str = "digit"  # the ordinal style of program headings

    def reset(self, division: str | None = None) -> None:
        self.item = self.sub = self.numsub = None
        self.numsub_close = self.last_label_level = None
        if division is not None:
            self.division = division

    def target(self) -> Node:
        return self.sub or self.numsub or self.item


def collect_inventory(blocks: list[Line | Table], names: list[str], toc: set[int]) -> list[inventory.Listed]:
    """Programs the report lists before its body: TOC lines and program list tables,
    each with the division whose section (or row) lists it."""
    listed: list[inventory.Listed] = []
    division = None
    for i, b in enumerate(blocks):
        if isinstance(b, Table):
            for n, title, no in inventory.table_programs(b) or ():
                listed.append(inventory.Listed(title, division, n, no, "program list"))
            for n, title, no in inventory.toc_rows(b) or ():
                listed.append(inventory.Listed(title, division, n, no, "table of contents"))
            continue
        if not b.text:
            continue
        dname = units.division_heading(b, names)
        if dname:
            division = dname
        elif is_leader_line(b) and not b.marker and numbered(b) is None and len(b.compact) > 6:
            listed.append(inventory.Listed(_LEADERS.sub("", b.text).strip(), division, None, b.no,
                                           "table of contents"))
        elif i in toc:
            nt = numbered(b) or _numbered(b)
            nxt = _content(blocks, i)
            if not is_leader_line(b) and isinstance(nxt, Line) and is_leader_line(nxt) and numbered(nxt) is None:
                continue  # a group heading of a two-level TOC: its programs are the leader lines below
            if nt and nt[1]:
                listed.append(inventory.Listed(_LEADERS.sub("", nt[1]).strip(), division, nt[0], b.no,
                                               "table of contents"))
    return [x for x in listed if not _not_a_program(x.title)]


def _not_a_program(title: str) -> bool:
    """TOC lines that name a part, a division or a status section, not a program."""
    c = "".join(title.split())
    bare = strip_ordinal(c)
    return bool(_roman(title) or units.division_name(bare, offices=True) or bare.startswith(SKIP_TITLES)
                or _MAIN_WORK.fullmatch(bare))


def build(text: str) -> Document:
    lines, blocks = read_blocks(text)
    names = units.collect_division_names(lines, blocks)
    toc = toc_flags(blocks)
    listed = collect_inventory(blocks, names, toc)
    nodes: list[Node] = []
    starts: list[tuple[str, int]] = []
    bureaus: list[tuple[str, int]] = []
    st = _State()
    st.listed = listed
    st.blocks = blocks
    st.style = program_style(blocks, names, toc)
    headers = units.running_header_divisions(blocks, names)
    skip = False
    skip_rank = 0  # heading level of the status section being skipped (0: unknown)
    pending: Line | None = None  # a bare item number awaiting its title line

    for i, b in enumerate(blocks):
        if isinstance(b, Table):
            box = units.box_division(b)
            if box:  # `| 부 서 명 | 안전정책과 | …`: the division's title box opens its section
                if box != st.division:
                    st.reset(box)
                    starts.append((box, b.line))
                skip = False
                continue
            if skip and inventory.table_programs(b):
                skip = False  # a program list closes a status section
                continue
            if st.item is not None and not skip:
                _add(st, Entry(b, st.target().label or st.item.label, False), b.line_end)
            continue
        if not b.text:
            continue
        if pending is not None:
            head, pending = pending, None
            if numbered(b) is None and not b.marker:
                merged = Line(head.no, head.raw + " " + b.raw, b.text, None, head.heading, head.bold, head.indent)
                _place(nodes, st, (int(_DIGITS.match(head.text).group(0)), b.text), merged)
                continue
        dname = units.division_heading(b, names) or headers.get(b.no)
        if dname and not is_leader_line(b) and i not in toc:  # `1. 총무과` of a contents list opens no section
            if dname != st.division:
                st.reset(dname)
                starts.append((dname, b.no))
            skip = False
            continue
        bureau = bureau_heading(b)
        if bureau:
            bureaus.append((bureau, b.no))
            st.reset()
            st.division = None
            skip = False
            continue
        if _roman(b.text) or skip_title(b, st.item is not None):
            skip = skip_title(b, st.item is not None)
            skip_rank = b.heading
            st.reset()
            continue
        if not b.marker and _DUTY in b.compact and _MAIN_WORK.fullmatch(strip_ordinal(b.compact)):
            skip = False
            continue
        if skip and _ends_status(b, i, skip_rank, toc, st):
            skip = False
        if skip:
            continue
        nt = item_number(b, st.style)
        if nt and _label_title(nt[1]):
            nt = None  # `가. 추진방향`: a numbered label, read as a label below
        if nt and i not in toc and not is_leader_line(b):
            if not nt[1]:
                pending = b
            else:
                _place(nodes, st, nt, b)
            continue
        if st.item is None:
            continue
        if (b.marker and b.marker in CIRCLED and len(b.text) > 3 and not b.kv() and not _list_item(blocks, i)
                and not _nested(lines, st.sub, b)):
            st.sub = _new_sub(st.item, b.text[1:].strip(), b)
            continue
        if _opens_sub(blocks, i, b):
            st.sub = _new_sub(st.item, b.text, b)
            continue
        kv = b.kv()
        if kv and kv[0] in _DEPT_KEYS and st.item is not None:  # `담당부서 : 시민소통과 (시민참여팀)`
            named = units.division_name(kv[1].split("(")[0].split()[0] if kv[1].split() else "", offices=True)
            if named:
                st.item.division = named
                for ch in st.item.children:
                    ch.division = named
        top = bool(b.marker in ("□", "■") or b.heading or b.bold)
        if not top and b.marker is None and b.indent == 0 and st.sub is not None and is_label(b) \
                and _LABEL.match(b.compact):
            top = True  # an unmarked label at the margin closes a ①/○ sub-item, as a □ or a heading would
        if is_label(b):
            if top:
                st.sub = None
            if b.marker in ("□", "■"):
                if st.numsub is not None and st.numsub_close is not None and b.heading == st.numsub_close:
                    st.numsub = None
                st.last_label_level = b.heading
            target = st.target()
            target.label = b.text
            if target is st.item or not st.item.label:
                st.item.label = b.text
        top = top or (b.marker is None and b.indent == 0 and st.sub is None)
        _add(st, Entry(b, st.target().label or st.item.label, top), b.no)
    for node in nodes:
        for ch in node.children:
            node.line_end = max(node.line_end, ch.line_end)
    return Document(lines, blocks, names, starts, nodes, listed, bureaus)


def _ends_status(b: Line, i: int, rank: int, toc: set[int], st: _State) -> bool:
    """A status or index section ends at the next heading of the same or a higher
    rank, or at a numbered heading the inventory lists as a program."""
    if rank and b.heading and b.heading <= rank and not b.marker:
        return True
    nt = item_number(b, st.style)
    if nt and nt[1] and i not in toc and not is_leader_line(b):
        if inventory.matches(st.listed, nt[1], st.division) is not None:
            return True
        return not st.listed and _looks_like_program(st.blocks, i, st.style)
    return False


def _label_title(title: str) -> bool:
    c = strip_ordinal("".join(title.split()))
    return len(c) <= 14 and bool(_LABEL.match(c))


def program_style(blocks: list[Line | Table], names: list[str], toc: set[int]) -> str:
    """The ordinal style that numbers programs in this report (`1.`, `1)`, `가.`, …):
    the style whose headings most often read like programs. Divisions, parts and
    labels may be numbered in other styles above or below it."""
    counts: dict[str, int] = {}
    for i, b in enumerate(blocks):
        if not isinstance(b, Line) or not b.text or i in toc or is_leader_line(b):
            continue
        if b.marker:
            for style in _STYLE_MARKS:
                if item_number(b, style) and _looks_like_program(blocks, i, style):
                    counts[style] = counts.get(style, 0) + 1
            continue
        o = ordinal(b)
        if o is None:
            nt = numbered(b)
            o = ("digit", nt[0], nt[1]) if nt and nt[1] else None
        if o is None or _label_title(o[2]) or units.division_name(o[2], offices=True) \
                or units.division_heading(b, names) or skip_title(b):
            continue
        if _looks_like_program(blocks, i, o[0]):
            counts[o[0]] = counts.get(o[0], 0) + 1
    if not counts:
        return "digit"
    best = max(counts.values())
    return "digit" if counts.get("digit") == best else max(counts, key=lambda k: (counts[k], k))


_PROGRAM_LABEL = re.compile(r"^(?:'?\d{2,4}년?도?)?" + spaced_alt("section_labels", "program_label"))


def _looks_like_program(blocks: list[Line | Table], i: int, style: str = "digit") -> bool:
    """A numbered heading reads like a program when two of the program labels
    (추진배경, 사업개요, 소요예산, …) follow it before the next heading numbered
    in the same style."""
    seen: set[str] = set()
    fields = (None, "□", "■", "○", "●") if style != "bullet" else ("-", "·")
    for b in blocks[i + 1:i + 80]:
        if not isinstance(b, Line) or not b.text:
            continue
        nt = item_number(b, style)
        if nt and nt[1] and (not b.marker or style == "bullet"):
            break
        if style == "bullet" and b.marker is None and b.indent == 0:
            break
        if b.marker in fields or b.marker in ("-", "·"):
            m = _PROGRAM_LABEL.match(strip_ordinal(b.compact)) if len(b.compact) <= 40 and b.marker in fields else None
            kv = b.kv() if m is None else None  # `- 사 업 비 : …` dashed fields count by their key only
            if m:
                seen.add(m.group(0))
            elif kv and (units.is_budget_key(kv[0]) or units.is_period_key(kv[0])):
                seen.add(kv[0])  # `○ 사 업 비 : …` on a longer line: a budget or a period is a program's field
            if len(seen) >= 2:
                return True
    return False


def _add(st: _State, entry: Entry, end: int) -> None:
    target = st.target()
    target.entries.append(entry)
    target.line_end = max(target.line_end, end)
    st.item.line_end = max(st.item.line_end, end)
    if st.numsub is not None and target is not st.numsub:
        st.numsub.line_end = max(st.numsub.line_end, end)


def _nested(lines: list[Line], sub: Node | None, ln: Line) -> bool:
    """A plain `①` line under a `②`-sub-item that is a heading (or bold) belongs to it: its
    numbering starts again (and goes on: `②`, `③` after it), a list inside the sub-item (the
    cells of a table without header, written one per line), not the next sub-item (which goes
    on from the sub-item's own number: `③`)."""
    if sub is None or ln.heading or ln.bold or not 0 < sub.line <= len(lines):
        return False
    opened = lines[sub.line - 1]
    if not (opened.heading or opened.bold) or not opened.marker or opened.marker not in CIRCLED:
        return False
    top = CIRCLED.index(opened.marker) + 1
    run = 0  # the last number of a list that started again inside the sub-item
    for q in lines[sub.line:ln.no - 1]:
        if q.marker and q.marker in CIRCLED and not (q.heading or q.bold):
            m = CIRCLED.index(q.marker) + 1
            run = m if m <= top or run and m == run + 1 else 0
    n = CIRCLED.index(ln.marker) + 1
    return n <= top or bool(run) and n == run + 1


def _new_sub(item: Node, title: str, ln: Line) -> Node:
    node = Node("sub", title, ln.no, ln.no, None, item.division, item, label=item.label)
    item.children.append(node)
    return node


# `… (자치행정과)`, `… [총무과]`, `… 【총무과】`, `… <총무과>`: the division after a program's title
_OWN_DIVISION = re.compile(r"\s*[(（\[【<〈]\s*([가-힣A-Za-z0-9·]{2,14})\s*[)）\]】>〉]\s*$")
_DEPT_KEYS = labels.words("dept_key")


def _place(nodes: list[Node], st: _State, nt: tuple[int, str], ln: Line) -> None:
    """A numbered heading starts an item, or a numbered sub-item when the
    numbering restarts (or continues a restarted run) inside an item."""
    n, title = nt
    item = st.item
    if n == 0:
        item = None  # an unnumbered `□ 제목` program: each one is a new item
    elif item is not None and st.listed:
        hit = inventory.matches(st.listed, title, st.division)
        if hit is not None and hit is not inventory.matches(st.listed, item.title, st.division):
            item = None  # the inventory lists it: a program, whatever its number says
    if item is not None:
        restart = st.numsub is not None and n == (st.numsub.number or 0) + 1
        if restart or n == 1:
            if st.numsub is None:
                st.numsub_close = st.last_label_level
            st.numsub = _new_sub(item, title, ln)
            st.numsub.number = n
            st.sub = None
            return
        if n <= (item.number or 0):
            _add(st, Entry(ln, item.label, True), ln.no)
            return
    division = st.division
    m = _OWN_DIVISION.search(title)
    if m and units.division_name(m.group(1), offices=True):  # `Ⅰ-1 주민자치회 … (자치행정과)`, `… [총무과]`
        division, title = units.division_name(m.group(1), offices=True), title[:m.start()].strip()
    node = Node("item", title, ln.no, ln.no, n, division)
    nodes.append(node)
    st.reset()
    st.item = node


parse = build
