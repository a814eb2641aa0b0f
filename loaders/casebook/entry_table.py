"""An entry's identity table, as 행정안전부 혁신 우수사례 books print it under the
entry header: a header row of labels (agency / case name / department, words in
lexicon labels.csv kinds `casebook_table_*`) and one row of values, either on one
line with `|` (or, from a PDF / HWPX / HWP table, a TAB) between cells, or flattened by a PDF converter one cell per line (a
page's running header and footer may fall between the cells).

`read_tables` fills, for each entry, the subtitle (case name) and the contact
department when the entry has none, and the indicator from the chapter heading
(`Ⅰ. <indicator>`, `제1장 <indicator>`) when the entry's own indicator line is
not a known indicator. Pure: lines in, entries changed in place.
"""
from __future__ import annotations

import re

from loaders.casebook.contact import Contact
from loaders.casebook.norm import nfc
from loaders.lexicon import labels, vocab
from loaders.lexicon.words import alt

_ROLES = ("casebook_table_agency", "casebook_table_case", "casebook_table_department", "casebook_table_award")
_FOOTER = re.compile(r"^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$|^\s*\d{1,4}\s*$")
# chapter numbering before an indicator heading: roman numerals, `1.`, `제1장`
_CHAPTER = re.compile(r"^\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]+|\d{1,2}|제\s*\d{1,2}\s*\S)\s*[.)]?\s*")


def _role(cell: str) -> str | None:
    for kind in _ROLES:
        if labels.is_label(cell, kind):
            return kind
    return None


def running_lines(lines: list[str]) -> set[str]:
    """Lines repeated as a page's running header: the document's first line when it
    comes back three times or more, each time (the first aside) next to a `- n -`
    page number, and is not an indicator heading."""
    first = next((nfc(x) for x in lines if x.strip()), "")
    if not first or vocab.lookup("indicators", first) is not None:
        return set()
    at = [i for i, x in enumerate(lines) if nfc(x) == first]
    # a running header sits next to the page's number (`- 3 -` on the line before or after)
    paged = [i for i in at if any(0 <= k < len(lines) and _FOOTER.match(lines[k]) and "-" in lines[k]
                                  for k in (i - 1, i + 1))]
    return {first} if len(at) >= 3 and len(paged) >= len(at) - 1 else set()


def _line(x: str) -> str:
    """A line, its TAB-separated cells (the document model's table rows) written with `|`."""
    cells = x.strip().split("\t")
    return " | ".join(nfc(c) for c in cells) if len(cells) > 1 else nfc(x)


def _cells(lines, start, stop, skip):
    """(index, text) of the non-empty lines from start, page furniture skipped."""
    for i in range(start, stop):
        s = _line(lines[i])
        if not s or s in skip or _FOOTER.match(s):
            continue
        yield i, s


# `□ 기관명 : 인천광역시 서구`: a line of a vertical identity block (label, colon, value)
_KV_LINE = re.compile(r"^[\s□■○●◦▶▣•∙·*\-]*(?P<label>[^:：]{2,8}?)\s*[:：]\s*(?P<value>\S.*)$")


def kv_row(s: str) -> tuple[str, str] | None:
    """(role, value) of a vertical identity block's line, else None."""
    m = _KV_LINE.match(s) if (":" in s or "：" in s) else None
    role = _role(m.group("label")) if m else None
    return (role, m.group("value").strip()) if role else None


def _kv_block(cells, n) -> tuple[int, dict[str, str]] | None:
    """Two or more identity lines from cells[n] on, one per role."""
    row: dict[str, str] = {}
    first = None
    for i, s in cells[n:n + len(_ROLES)]:
        kv = kv_row(s)
        if kv is None or kv[0] in row:
            break
        row[kv[0]] = kv[1]
        first = i if first is None else first
    return (first, row) if len(row) >= 2 else None


def find_table(lines, start, stop, skip) -> tuple[int, dict[str, str]] | None:
    """(line index of the values, {role: value}) of the first identity table in [start, stop)."""
    cells = list(_cells(lines, start, stop, skip))
    for n, (i, s) in enumerate(cells):
        block = _kv_block(cells, n) if ":" in s or "：" in s else None
        if block is not None:
            return block
        if "|" in s:
            heads = [c.strip() for c in s.split("|")]
            roles = [_role(c) for c in heads]
            if sum(r is not None for r in roles) >= 2 and n + 1 < len(cells):
                j, row = cells[n + 1]
                vals = [c.strip() for c in row.split("|")]
                if len(vals) == len(heads):
                    return j, {r: v for r, v in zip(roles, vals) if r and v}
            continue
        roles = []
        for _i, c in cells[n:n + len(_ROLES)]:
            r = _role(c)
            if r is None or r in roles:
                break
            roles.append(r)
        if len(roles) >= 2 and n + 2 * len(roles) <= len(cells):
            vals = cells[n + len(roles):n + 2 * len(roles)]
            if any("|" in v or _role(v) for _j, v in vals):
                continue
            return vals[0][0], {r: v for r, (_j, v) in zip(roles, vals)}
    return None


# `【분야 1】 <field>`: a bracketed chapter label with its number
_CHAPTER_BOX = re.compile(r"^\s*[【\[［〔]\s*[가-힣]{1,4}\s*\d{1,2}\s*[】\]］〕]\s*")
_CHAPTER_WORD = re.compile(r"^\s*제\s*\d{1,2}\s*(?:" + alt("casebook_words", "chapter_unit") + r")\s+")  # `제1장 <field>`
_ROMAN = re.compile(r"^\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]+)\s*[.)]?\s+")
# `분야 1. <field>`: a chapter label word and its number, unbracketed
_CHAPTER_LABEL = re.compile(r"^\s*(?:" + alt("casebook_words", "chapter_label") + r")\s*\d{1,2}\s*[.):]\s*")


def chapter_heading(text: str) -> str | None:
    """The indicator (or field) a chapter heading names, known or not: `Ⅰ. 참여와 협력`,
    `【분야 1】 디지털 행정 혁신`; a numbered line (`1. 추진배경`) is no chapter unless
    it names a known indicator, nor is a table of contents line (`······ 3`)."""
    known = chapter_indicator(text)
    if known:
        return known
    m = _ROMAN.match(text) or _CHAPTER_BOX.match(text) or _CHAPTER_WORD.match(text) or _CHAPTER_LABEL.match(text)
    if not m:
        return None
    rest = text[m.end():].strip()
    from loaders.casebook.lines import _HANGUL, _SECTION_KEYS, _agency_of

    if (not 2 <= len(rest) <= 30 or not _HANGUL.search(rest) or ":" in rest or "··" in rest or "…" in rest
            or _agency_of(rest) or "".join(rest.split()) in _SECTION_KEYS or re.search(r"\d\s*$", rest)):
        return None
    return rest


def chapter_indicator(text: str) -> str | None:
    """The indicator a chapter heading names (`Ⅰ. 협업 추진 성과`), else None."""
    m = _CHAPTER.match(text)
    if not m or not m.group(0).strip():
        return None
    rest = text[m.end():].strip()
    return rest if rest and vocab.lookup("indicators", rest) is not None else None


def unread_tables(lines: list[str]) -> list[int]:
    """Line numbers (1-based) of table label rows no `find_table` reads: two or more
    labels on a line (`기관명 | 사례명`) or on consecutive lines, without a row of values."""
    skip = running_lines(lines)
    out, i, n = [], 0, len(lines)
    while i < n:
        s = _line(lines[i])
        heads = [c.strip() for c in s.split("|")] if "|" in s else [s]
        if sum(_role(c) is not None for c in heads) >= (2 if "|" in s else 1) and s:
            k = i
            while "|" not in s and k + 1 < n and _role(_line(lines[k + 1])):
                k += 1
            if "|" in s or k > i:
                if find_table(lines, i, min(i + 12, n), skip) is None:
                    out.append(i + 1)
                i = k + 1
                continue
        i += 1
    return out


def read_tables(entries, lines: list[str]) -> None:
    skip = running_lines(lines)
    chapters = [(i, ind) for i, x in enumerate(lines) if (ind := chapter_indicator(nfc(x)))]
    headings = [(i, ind) for i, x in enumerate(lines) if (ind := chapter_heading(nfc(x)))]
    for e in entries:
        first = (e.agency_line or e.line) - 1
        box = titled_header(lines, first) if e.agency_line else None
        if box is not None and e.subtitle is None:
            e.subtitle = box[1]
        if box is not None and box[3] and e.contact is None:
            e.contact = Contact(line=box[2] + 1, agency=box[0], department=box[3])
        from_chapter = e.indicator is None and e.agency_line is not None
        if from_chapter:
            # a header without an indicator line: the chapter it stands in names it
            e.indicator = next((ind for i, ind in reversed(headings) if i < first), None)
        # an entry opened by its table reads that one, not the table of the entry before
        own = "|" in lines[first] or kv_row(nfc(lines[first])) is not None
        found = find_table(lines, first if own else max(first - 6, 0), min(first + 12, e.line_end), skip)
        if found is None:
            continue
        j, row = found
        known = e.indicator is not None and (from_chapter or vocab.lookup("indicators", e.indicator) is not None)
        if not known:
            before = [ind for i, ind in chapters if i < first]
            if before:
                if e.subtitle is None and e.indicator and e.indicator == row.get("casebook_table_case"):
                    e.indicator = None
                e.indicator, e.indicator_line = before[-1], None
        if e.subtitle is None and row.get("casebook_table_case"):
            e.subtitle = row["casebook_table_case"]
        if row.get("casebook_table_award"):
            e.table_award = (j + 1, row["casebook_table_award"])
        dept = row.get("casebook_table_department")
        if e.contact is None and dept:
            e.contact = Contact(line=j + 1, agency=row.get("casebook_table_agency") or e.agency or "", department=dept)


def blank_page_furniture(lines: list[str]) -> list[str]:
    """The lines with a PDF page's running header (`running_lines`) and `- n -`
    footers blanked, so that the header scan sees an entry's lines as adjacent; line
    numbers are kept."""
    skip = running_lines(lines)
    out = list(lines)
    for i, x in enumerate(lines[1:], 1):
        s = nfc(x)
        if s in skip or (s and _FOOTER.match(s) and "-" in s):
            out[i] = ""
    return out


# `[경기 수원시] 사례명`: an entry's box header, the agency in brackets, the case after
_BOX = re.compile(r"^\s*[\[【［〔]\s*(?P<agency>[^\]】］〕]{2,20}?)\s*[\]】］〕]\s*(?P<case>\S.{1,80})$")


def box_header(text: str) -> tuple[str, str] | None:
    """(agency mention, case name) of a box header line, else None."""
    from loaders.casebook.lines import _agency_of

    m = _BOX.match(nfc(text))
    if not m:
        return None
    agency = _agency_of(m.group("agency"))
    return (agency, m.group("case").strip()) if agency else None


# `경기 화성시 ─ 사례명` (a Markdown heading once its hashes are gone): a province-led
# agency, a dash or bar, the case as one cell (a table row has more bars)
_DASHED = re.compile(r"^(?P<agency>\S+(?:\s\S+)?)(?:\s*[─—–|｜]\s*|\s-\s)(?P<case>[^|｜─—–]{2,80})$")
# `사례 3 | 사례명`: a numbered title; the agency (and its department) on the next line,
# or in a cell between (`사례 3 | 전북 전주시 | 사례명`)
_WORD_LETTERS = re.compile(r"[가-힣A-Za-z]")  # a case is named in words (`경북 칠곡군 | 2024. 6.` is a table row)
_NUMBERED_TITLE = re.compile(r"^[가-힣]{0,4}\s?\d{1,3}\s*[|｜]\s*(?:(?P<agency>[^|｜]{2,20}?)\s*[|｜]\s*)?(?P<case>[^|｜]{2,80})$")
# `우수사례 2. 사례명`: a case-number label (casebook_words `case_number_label`), its number and a
# period, the title; the agency on the next line as above
_LABELLED_TITLE = re.compile(r"^(?:" + alt("casebook_words", "case_number_label") + r")\s*\d{1,3}\s*\.\s+(?P<case>[^|｜]{2,80})$")


def titled_header(lines: list[str], i: int) -> tuple[str, str, int | None, str | None] | None:
    """(agency mention, case name, department line index, department) of an entry header
    at line i written with its case name: a box header, `<agency> ─ <case>`, or
    `<label> n | <case>` with `<agency> [<department>]` on the next line; else None."""
    from loaders.casebook.contact import unit_name
    from loaders.casebook.lines import _agency_of
    from loaders.casebook.lines import _PROVINCE_START

    s = nfc(lines[i])
    box = box_header(s)
    if box is not None:
        return box[0], box[1], None, None
    m = _DASHED.match(s)
    if (m and _PROVINCE_START.match(m.group("agency")) and (agency := _agency_of(m.group("agency")))
            and not _agency_of(m.group("case").strip()) and len(_WORD_LETTERS.findall(m.group("case"))) >= 2):
        return agency, m.group("case").strip(), None, None
    m = _NUMBERED_TITLE.match(s) or _LABELLED_TITLE.match(s)
    if not m:
        return None
    if m.groupdict().get("agency"):
        agency = _agency_of(m.group("agency"))
        return (agency, m.group("case").strip(), None, None) if agency else None
    j = next((k for k in range(i + 1, min(i + 3, len(lines))) if nfc(lines[k])), None)
    if j is None:
        return None
    tokens = nfc(lines[j]).split()
    for n in (2, 1):
        agency = _agency_of(" ".join(tokens[:n])) if len(tokens) >= n else None
        if agency:
            rest = " ".join(tokens[n:])
            if rest and not unit_name(rest):
                return None
            return agency, m.group("case").strip(), j, rest or None
    return None


def box_headers(norm: list[str]) -> list[tuple[int, str, None]]:
    """(line index, agency mention, None) of every entry header written with its case
    name (`titled_header`): entries without an indicator line (their chapter heading
    names it, see `read_tables`)."""
    out = []
    for i, s in enumerate(norm):
        if not s or not (s[0] in "[【［〔" or "|" in s or "｜" in s or "─" in s or "—" in s or "–" in s or " - " in s
                         or _LABELLED_TITLE.match(s)):
            continue
        t = titled_header(norm, i)
        if t is not None:
            out.append((i, t[0], None))
    return out


def table_headers(norm: list[str], taken: set[int]) -> list[tuple[int, str, None]]:
    """(line index, agency mention, None) of entries that open with their identity table
    (`기관명 | 사례명 | 담당부서 | 수상`, the values on the next line), no header line
    before it: the table row's agency is the entry's."""
    from loaders.casebook.lines import _agency_of

    out = []
    for i, s in enumerate(norm):
        if (":" in s or "：" in s) and not any(k in taken for k in range(max(i - 8, 0), i + 1)):
            # a vertical identity block: `□ 기관명 : <agency>`, then the case and department lines
            kv = kv_row(s)
            if kv and kv[0] == "casebook_table_agency" and (agency := _agency_of(kv[1])):
                nxt = next((k for k in range(i + 1, min(i + 3, len(norm))) if norm[k]), None)
                if nxt is not None and kv_row(norm[nxt]):
                    out.append((i, agency, None))
                    taken = taken | {i}
            continue
        if "|" not in s or any(k in taken for k in range(max(i - 8, 0), i + 1)):
            continue
        heads = [c.strip() for c in s.split("|")]
        roles = [_role(c) for c in heads]
        if "casebook_table_agency" not in roles or sum(r is not None for r in roles) < 2:
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(norm))) if norm[k]), None)
        if j is None:
            continue
        vals = [c.strip() for c in norm[j].split("|")]
        if len(vals) != len(heads):
            continue
        agency = _agency_of(vals[roles.index("casebook_table_agency")])
        if agency:
            out.append((i, agency, None))
    return out
