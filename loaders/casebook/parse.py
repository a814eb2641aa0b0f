"""Casebook text -> entries tree (pure, no gazetteer).

Conventions of the genre (지방자치단체 혁신평가 우수사례집) this rests on:

- A new page starts with a leading space (converter artefact); page numbers
  stand alone on a line (`64`, `316`) or are glued to the first words.
- A section opens with an indicator heading followed by the list of its
  agencies (one per line); those lists are not entries.
- An entry opens with an agency line (`경기 수원시`, `충청남도`, `제주시`)
  followed by its indicator heading, optionally a parenthesised subtitle
  (the case name), then `주요내용요약` highlights and titled sections.
- An entry closes with `문의하실 곳 : <agency> <department> <person>(☎ ...)`.
  Only the agency and the department are kept here: the person and the phone
  number never leave this module.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg import vocab
from loaders.casebook.contact import Contact, parse_contact  # noqa: F401 (re-exported)
from loaders.text import nfc

_PROV_FULL = (
    "서울특별시|부산광역시|대구광역시|인천광역시|광주광역시|대전광역시|울산광역시|"
    "세종특별자치시|경기도|강원도|강원특별자치도|충청북도|충청남도|전라북도|전북특별자치도|"
    "전라남도|경상북도|경상남도|제주특별자치도"
)
_PROV_SHORT = "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주"
_LOCAL = r"[가-힣]{1,5}(?:시|군|구)"
AGENCY_LINE = re.compile(
    rf"^(?:(?:{_PROV_FULL}|{_PROV_SHORT}(?:시|도)?)(?:\s+{_LOCAL})?|(?:{_PROV_FULL})|{_LOCAL})$"
)
_PAGE_NO = re.compile(r"^\s*\d{1,4}\s*$")

# Section headings that structure an entry's body (as written across years).
SECTION_TITLES = (
    "추진배경", "추진 배경", "사업개요", "사업 개요", "추진내용", "추진 내용", "주요성과", "주요 성과",
    "추진성과", "추진 성과", "향후계획", "향후 계획", "현황과 문제점", "현황 및 문제점", "문제점",
    "실시과정과 주요내용", "실시과정 및 주요내용", "추진과정과 주요내용", "추진과정 및 주요성과",
    "주요내용", "주요내용 및 성과", "추진경과", "추진 경과", "도입성과", "기대효과", "사업효과",
    "추진체계", "그간 추진사항", "사업실적", "운영실적", "세부 추진 내용", "세부추진내용",
    "주요 추진내용", "추진실적", "성과", "전년 대비 개선사항",
)
_SECTION_KEYS = {re.sub(r"\s+", "", t) for t in SECTION_TITLES}
SUMMARY_TITLES = {"주요내용요약", "주요내용 요약", "주요 내용 요약", "요약"}

# `참고 1 관련 사진`, `참 고 보도자료`: from here on an entry holds captions only.
_APPENDIX = re.compile(r"^\s*참\s*고\s*\d*\s*(관련\s*사진|보도\s*자료|사진|자료)?\s*$")
_FURNITURE = re.compile(r"^\s*(?:\d{1,4}|[�□■]+\s*\d*|참\s*고\s*\d*.*(?:사진|보도자료)|사진\s*:.*)\s*$")

@dataclass
class RawEntry:
    line: int
    line_end: int
    agency: str | None  # header mention (None: header region empty)
    agency_line: int | None
    indicator: str | None
    indicator_line: int | None
    subtitle: str | None = None
    highlights: list[tuple[int, int, str]] = field(default_factory=list)
    sections: list[tuple[str, int, int, list[tuple[int, str]]]] = field(default_factory=list)
    body: list[tuple[int, str]] = field(default_factory=list)  # text lines, no captions
    captions: list[tuple[int, str]] = field(default_factory=list)
    contact: Contact | None = None


@dataclass
class CaseTree:
    title: str | None
    year: int | None
    entries: list[RawEntry]
    section_lists: list[tuple[int, str, tuple[str, ...]]]


# -- line predicates -----------------------------------------------------------


def agency_of_line(text: str) -> str | None:
    """The agency a line consists of, page numbers around it dropped.

    >>> agency_of_line(" 경기 수원시")
    '경기 수원시'
    >>> agency_of_line("64 경기 수원시")
    '경기 수원시'
    >>> agency_of_line("기관장의 혁신 리더십") is None
    True
    """
    s = nfc(text)
    s = re.sub(r"^\d{1,4}\s+", "", s)
    s = re.sub(r"\s+\d{1,4}$", "", s)
    if not s or not AGENCY_LINE.match(s):
        return None
    return s


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NO.match(text))


def is_furniture(text: str) -> bool:
    s = nfc(text)
    return not s or bool(_FURNITURE.match(s)) or set(s) <= set("�□■ ")


def section_title(text: str) -> str | None:
    s = re.sub(r"^[□■○●◦▶▣\-\s]+", "", nfc(text))
    s = re.sub(r"^\d+\.\s*", "", s)
    key = re.sub(r"\s+", "", s)
    return s if key in _SECTION_KEYS else None


def is_summary_title(text: str) -> bool:
    return re.sub(r"\s+", "", nfc(text)) == "주요내용요약"


def known_indicator(text: str) -> bool:
    return vocab.lookup("indicators", nfc(text)) is not None


# -- document ----------------------------------------------------------------------


def _next_text(lines: list[str], i: int, limit: int = 6) -> int | None:
    """Index of the next line after i with text that is not page furniture."""
    j = i + 1
    while j < len(lines) and j <= i + limit:
        s = nfc(lines[j])
        if s and not is_page_number(s):
            return j
        j += 1
    return None


def _indicator_like(lines: list[str], j: int) -> bool:
    s = nfc(lines[j])
    if known_indicator(s):
        return True
    if (not s or len(s) > 30 or ":" in s or agency_of_line(s) or section_title(s)
            or is_summary_title(s) or not re.search(r"[가-힣]", s) or re.match(r"^[-∙*※➜☞(]", s)):
        return False
    # an unknown indicator: the next lines are a subtitle, the summary or a section
    k = j
    for _ in range(3):
        k = _next_text(lines, k)
        if k is None:
            return False
        t = nfc(lines[k])
        if is_summary_title(t) or section_title(t) or (t.startswith("(") and k == _next_text(lines, j)):
            return True
    return False


def find_headers(lines: list[str], headings: set[str] = frozenset()) -> list[tuple[int, str, int]]:
    """(agency line index, agency mention, indicator line index) of every entry header.

    `headings` are the section-opening indicator headings: an indicator the
    scheme does not know is recognised when its section opened with it.
    A bare local name (`대덕구`) in running text must precede a known heading.
    """
    out = []
    for i, raw in enumerate(lines):
        agency = agency_of_line(raw)
        if not agency:
            continue
        j = _next_text(lines, i)
        if j is None or agency_of_line(lines[j]):
            continue
        if _list_item(lines, i, j):
            continue
        heading = nfc(lines[j])
        if known_indicator(heading) or heading in headings:
            out.append((i, agency, j))
        elif re.match(rf"^(?:{_PROV_FULL}|{_PROV_SHORT})", agency) and _indicator_like(lines, j):
            out.append((i, agency, j))
    return out


def _list_item(lines: list[str], i: int, j: int) -> bool:
    """An agency line closing a section's agency list, a page break before the
    first entry's indicator: that entry's header region is empty."""
    p = i - 1
    while p >= 0 and not nfc(lines[p]):
        p -= 1
    return (p >= 0 and agency_of_line(lines[p]) is not None
            and any(is_page_number(lines[k]) for k in range(i + 1, j)))


def find_section_lists(lines: list[str]) -> list[tuple[int, str, tuple[str, ...]]]:
    """Section-opening pages: an indicator heading, then a list of agencies."""
    out = []
    for i, raw in enumerate(lines):
        s = nfc(raw)
        if not s or agency_of_line(s) or len(s) > 40 or ":" in s:
            continue
        names, j = [], i
        while True:
            j = _next_text(lines, j)
            if j is None or not agency_of_line(lines[j]):
                break
            names.append(agency_of_line(lines[j]))
        if len(names) >= 2:
            out.append((i, s, tuple(names)))
    return out


_TITLE = re.compile(r"((?:19|20)\d\d)\s*년?\s*.{0,30}(혁신\s*평가|우수\s*사례)")


def document_year(lines: list[str]) -> tuple[str | None, int | None]:
    """(title, year): a title line near the top, else the dominant year of the dates."""
    for raw in lines[:40]:
        s = nfc(raw)
        m = _TITLE.search(s)
        if m and len(s) < 80:
            return s, int(m.group(1))
    counts: Counter[int] = Counter()
    for raw in lines:
        for m in re.finditer(r"(?<!\d)(20\d\d)\s*[.년]|[’‘'](\d\d)\s*[.년]", raw):
            y = int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))
            if 2000 <= y <= 2099:
                counts[y] += 1
    return None, (counts.most_common(1)[0][0] if counts else None)


def parse(text: str) -> CaseTree:
    lines = text.split("\n")
    title, year = document_year(lines)
    section_lists = find_section_lists(lines)
    headers = find_headers(lines, {h for _, h, _ in section_lists})
    list_lines = {i for i, _, _ in section_lists}
    contacts = {i: c for i, raw in enumerate(lines)
                if (c := parse_contact(raw, i + 1)) is not None}
    starts = sorted({i for i, _, _ in headers})
    entries: list[RawEntry] = []
    prev_end = -1
    for n, (i, agency, j) in enumerate(headers):
        nxt = starts[n + 1] if n + 1 < len(starts) else len(lines)
        end = next((k for k in sorted(contacts) if i < k < nxt), None)
        # orphan contact lines between the previous entry and this header
        entries.extend(_orphans(lines, contacts, prev_end, i, list_lines))
        stop = end if end is not None else _trim_end(lines, nxt, section_lists)
        entries.append(_entry(lines, i, agency, j, stop, contacts.get(end) if end is not None else None))
        prev_end = stop
    entries.extend(_orphans(lines, contacts, prev_end, len(lines), list_lines))
    entries.sort(key=lambda e: e.line)
    return CaseTree(title=title, year=year, entries=entries, section_lists=section_lists)


def _trim_end(lines: list[str], nxt: int, section_lists) -> int:
    """Last line of an entry without contact line: before the next header or section list."""
    for i, _, names in section_lists:
        if i < nxt and i + len(names) * 2 + 4 >= nxt:
            nxt = min(nxt, i)
    k = nxt - 1
    while k > 0 and not nfc(lines[k]):
        k -= 1
    return k


def _orphans(lines, contacts, prev_end, until, list_lines) -> list[RawEntry]:
    """Entries whose header region is empty: known only from their contact line."""
    out = []
    for k in sorted(contacts):
        if not prev_end < k < until:
            continue
        start = prev_end + 1
        while start < k and (not nfc(lines[start]) or is_page_number(lines[start])
                             or start in list_lines or agency_of_line(lines[start])):
            start += 1
        if start in list_lines:
            start += 1
        j = start if start < k and _indicator_like(lines, start) else None
        out.append(_entry(lines, None, None, j, k, contacts[k], first=start))
        prev_end = k
    return out


def _entry(lines, i, agency, j, stop, contact, first=None) -> RawEntry:
    start = i if i is not None else (first if first is not None else (j or stop))
    e = RawEntry(line=start + 1, line_end=stop + 1, agency=agency,
                 agency_line=(i + 1) if i is not None else None,
                 indicator=nfc(lines[j]) if j is not None else None,
                 indicator_line=(j + 1) if j is not None else None, contact=contact)
    k = (j + 1) if j is not None else start
    sub = _next_text(lines, k - 1)
    if sub is not None and sub < stop and nfc(lines[sub]).startswith("("):
        text, k2 = nfc(lines[sub]), sub
        while not text.endswith(")") and k2 + 1 < stop and k2 < sub + 2:
            k2 += 1
            text = nfc(text + " " + lines[k2])
        if text.endswith(")"):
            e.subtitle = text[1:-1].strip()
            k = k2 + 1
    _fill_body(e, lines, k, stop)
    return e


def _fill_body(e: RawEntry, lines: list[str], k: int, stop: int) -> None:
    in_appendix = False
    for idx in range(k, stop):
        raw = lines[idx]
        s = nfc(raw)
        if not s:
            continue
        if _APPENDIX.match(s):
            in_appendix = True
            continue
        if is_furniture(s):
            continue
        if in_appendix:
            e.captions.append((idx + 1, s))
            continue
        e.body.append((idx + 1, raw.rstrip("\n")))
    _split_sections(e)


def _split_sections(e: RawEntry) -> None:
    from loaders.casebook.highlights import join_wrapped, summary_lines

    current: tuple[str, int, list[tuple[int, str]]] | None = None
    summary: list[tuple[int, str]] = []
    in_summary = False
    for no, raw in e.body:
        s = nfc(raw)
        title = section_title(s)
        if is_summary_title(s):
            in_summary, current = True, None
            continue
        if title:
            if current:
                e.sections.append(_close(current))
            current, in_summary = (title, no, []), False
            continue
        if current is not None:
            current[2].append((no, raw))
        elif in_summary:
            summary.append((no, raw))
    if current:
        e.sections.append(_close(current))
    if summary:
        e.highlights = join_wrapped(summary_lines(summary))


def _close(current):
    title, no, body = current
    return (title, no, body[-1][0] if body else no, body)
