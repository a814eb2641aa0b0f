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

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from loaders.lexicon import vocab
from loaders.casebook.contact import Contact, parse_contact  # noqa: F401 (re-exported)
from loaders.casebook.lines import _PROV_FULL, _PROV_SHORT, AGENCY_LINE, _agency_of, agency_of_line  # noqa: F401
from loaders.casebook.lines import _HANGUL, _PROVINCE_START, _SECTION_KEYS, SECTION_TITLES  # noqa: F401
from loaders.casebook.norm import nfc
from loaders.lexicon.words import alt, words

_PAGE_NO = re.compile(r"^\s*\d{1,4}\s*$")

# The words of an entry's structure are rows of loaders/lexicon/data/casebook_words.csv:
# section headings (as written across years), the summary heading, appendix and photo captions.
_W = "casebook_words"
SUMMARY_TITLES = set(words(_W, "summary_title_text"))
_SUMMARY_KEY = words(_W, "summary_title_text")[0]  # 주요내용요약, spaces removed

# `참고 1 관련 사진`, `참 고 보도자료`: from here on an entry holds captions only.
_APPENDIX = re.compile(r"^\s*참\s*고\s*\d*\s*(" + alt(_W, "appendix_caption") + r")?\s*$")
_FURNITURE = re.compile(r"^\s*(?:\d{1,4}|[\ufffd□■]+\s*\d*|참\s*고\s*\d*.*(?:" + alt(_W, "furniture_caption") + r")|(?:"
                        + alt(_W, "photo_label") + r").*)\s*$")

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
    table_award: tuple[int, str] | None = None  # (line, grade) from the identity table's award column


@dataclass
class CaseTree:
    title: str | None
    year: int | None
    entries: list[RawEntry]
    section_lists: list[tuple[int, str, tuple[str, ...]]]
    lines: list[str] = field(default_factory=list)  # the document's lines (page furniture blanked)


# -- line predicates -----------------------------------------------------------


_BULLETS = re.compile(r"^[□■○●◦▶▣\-\s]+")
_NUMBERED = re.compile(r"^\d+\.\s*")
_SPACES = re.compile(r"\s+")
_FURNITURE_CHARS = "�□■ "
# a section title ends as its key does (leading bullets and numbers aside)
_KEY_LAST = frozenset(k[-1] for k in _SECTION_KEYS)


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NO.match(text))


def is_furniture(text: str) -> bool:
    s = nfc(text)
    return not s or bool(_FURNITURE.match(s)) or not s.strip(_FURNITURE_CHARS)


def section_title(text: str) -> str | None:
    return _section_title(nfc(text))


def _section_title(t: str) -> str | None:
    """`section_title` of a normalised line."""
    if not t or t[-1] not in _KEY_LAST:
        return None
    s = _BULLETS.sub("", t)
    s = _NUMBERED.sub("", s)
    key = _SPACES.sub("", s)
    return s if key in _SECTION_KEYS else None


def is_summary_title(text: str) -> bool:
    return _SPACES.sub("", nfc(text)) == _SUMMARY_KEY


def _is_summary_title(s: str) -> bool:
    """`is_summary_title` of a normalised line (only single spaces left in it)."""
    return s.replace(" ", "") == _SUMMARY_KEY


# -- document ----------------------------------------------------------------------


class _Lines:
    """A document's lines, each normalised and read once: the header and list
    scans look at every line several times."""

    __slots__ = ("raw", "norm", "agency", "nxt")

    def __init__(self, lines: list[str]):
        self.raw = lines
        self.norm = norm = [nfc(x) for x in lines]
        self.agency = [_agency_of(x) if x else None for x in norm]
        # nxt[i]: the first line after i with text that is not page furniture (or len)
        n = len(lines)
        nxt = [n] * (n + 1)
        for i in range(n - 2, -1, -1):
            t = norm[i + 1]
            nxt[i] = i + 1 if t and not _PAGE_NO.match(t) else nxt[i + 1]
        self.nxt = nxt

    def next_text(self, i: int, limit: int = 6) -> int | None:
        """Index of the next line after i with text that is not page furniture."""
        if i < 0:
            return _next_text(self.raw, i, limit)
        j = self.nxt[i]
        return j if j < len(self.raw) and j <= i + limit else None


def _next_text(lines: list[str], i: int, limit: int = 6) -> int | None:
    """Index of the next line after i with text that is not page furniture."""
    j = i + 1
    while j < len(lines) and j <= i + limit:
        s = nfc(lines[j])
        if s and not is_page_number(s):
            return j
        j += 1
    return None


def _indicator_like(doc: _Lines, j: int) -> bool:
    s = doc.norm[j]
    if vocab.lookup("indicators", s) is not None:
        return True
    if (not s or len(s) > 30 or ":" in s or doc.agency[j] or _section_title(s)
            or _is_summary_title(s) or not _HANGUL.search(s) or _NOT_INDICATOR.match(s)):
        return False
    # an unknown indicator: the next lines are a subtitle, the summary or a section
    k = j
    for _ in range(3):
        k = doc.next_text(k)
        if k is None:
            return False
        t = doc.norm[k]
        if _is_summary_title(t) or _section_title(t) or (t.startswith("(") and k == doc.next_text(j)):
            return True
    return False


_NOT_INDICATOR = re.compile(r"^[-∙*※➜☞(]")


def find_headers(lines: list[str], headings: set[str] = frozenset()) -> list[tuple[int, str, int]]:
    """(agency line index, agency mention, indicator line index) of every entry header.

    `headings` are the section-opening indicator headings: an indicator the
    scheme does not know is recognised when its section opened with it.
    A bare local name (`대덕구`) in running text must precede a known heading.
    """
    return _find_headers(_Lines(lines), headings)


def _find_headers(doc: _Lines, headings) -> list[tuple[int, str, int]]:
    out = []
    agencies, norm = doc.agency, doc.norm
    for i, agency in enumerate(agencies):
        if not agency:
            numbered = _numbered_agency(norm[i]) if norm[i][:1].isdigit() else None
            # `1. 경남 양산시` then a section (`□ 사업개요`): an entry whose chapter names its indicator
            if numbered and (j := doc.next_text(i)) is not None and _section_title(norm[j]):
                out.append((i, numbered, None))
            continue
        j = doc.next_text(i)
        if j is None or agencies[j]:
            continue
        if _list_item(doc, i, j):
            continue
        heading = norm[j]
        if vocab.lookup("indicators", heading) is not None or heading in headings:
            out.append((i, agency, j))
        elif _PROVINCE_START.match(agency) and _indicator_like(doc, j):
            out.append((i, agency, j))
    from loaders.casebook.entry_table import box_headers, table_headers

    boxes = box_headers(norm)
    boxes += table_headers(norm, {h[0] for h in out + boxes})
    return sorted(out + boxes, key=lambda h: h[0]) if boxes else out


_NUMBERED_LINE = re.compile(r"^\d{1,2}\.\s+(.+)$")


def _numbered_agency(s: str) -> str | None:
    """The agency of a numbered line that is only an agency (`1. 경남 양산시`)."""
    m = _NUMBERED_LINE.match(s)
    return _agency_of(m.group(1)) if m else None


def _list_item(doc: _Lines, i: int, j: int) -> bool:
    """An agency line closing a section's agency list, a page break before the
    first entry's indicator: that entry's header region is empty."""
    norm = doc.norm
    p = i - 1
    while p >= 0 and not norm[p]:
        p -= 1
    return (p >= 0 and doc.agency[p] is not None
            and any(is_page_number(doc.raw[k]) for k in range(i + 1, j)))


def find_section_lists(lines: list[str]) -> list[tuple[int, str, tuple[str, ...]]]:
    """Section-opening pages: an indicator heading, then a list of agencies."""
    return _find_section_lists(_Lines(lines))


def _find_section_lists(doc: _Lines) -> list[tuple[int, str, tuple[str, ...]]]:
    out = []
    agencies = doc.agency
    for i, s in enumerate(doc.norm):
        if not s or agencies[i] or len(s) > 40 or ":" in s:
            continue
        names, j = [], i
        while True:
            j = doc.next_text(j)
            if j is None or not agencies[j]:
                break
            names.append(agencies[j])
        if len(names) >= 2:
            out.append((i, s, tuple(names)))
    return out


_TITLE = re.compile(r"((?:19|20)\d\d)\s*년?\s*.{0,30}(" + alt(_W, "genre_title_year") + ")")
_YEAR_MENTION = re.compile(r"(?<!\d)(20\d\d)\s*[.년]|[’‘'](\d\d)\s*[.년]")


def document_year(lines: list[str]) -> tuple[str | None, int | None]:
    """(title, year): a title line near the top, else the dominant year of the dates."""
    for raw in lines[:40]:
        s = nfc(raw)
        m = _TITLE.search(s)
        if m and len(s) < 80:
            return s, int(m.group(1))
    counts: Counter[int] = Counter()
    for raw in lines:
        for m in _YEAR_MENTION.finditer(raw):
            y = int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))
            if 2000 <= y <= 2099:
                counts[y] += 1
    return None, (counts.most_common(1)[0][0] if counts else None)


def parse(text: str) -> CaseTree:
    from loaders.casebook.entry_table import blank_page_furniture, read_tables
    from loaders.casebook.markup import strip_markup

    lines = blank_page_furniture(strip_markup(text.split("\n")))
    doc = _Lines(lines)
    title, year = document_year(lines)
    section_lists = _find_section_lists(doc)
    headers = _find_headers(doc, {h for _, h, _ in section_lists})
    list_lines = {i for i, _, _ in section_lists}
    contacts = {i: c for i, raw in enumerate(lines)
                if (c := parse_contact(raw, i + 1)) is not None}
    contact_at = sorted(contacts)
    starts = sorted({i for i, _, _ in headers})
    entries: list[RawEntry] = []
    prev_end = -1
    for n, (i, agency, j) in enumerate(headers):
        nxt = starts[n + 1] if n + 1 < len(starts) else len(lines)
        # the first contact line after the header and before the next one
        c = bisect.bisect_right(contact_at, i)
        end = contact_at[c] if c < len(contact_at) and contact_at[c] < nxt else None
        # orphan contact lines between the previous entry and this header
        entries.extend(_orphans(doc, contacts, contact_at, prev_end, i, list_lines))
        stop = end if end is not None else _trim_end(doc, nxt, section_lists)
        entries.append(_entry(doc, i, agency, j, stop, contacts.get(end) if end is not None else None))
        prev_end = stop
    entries.extend(_orphans(doc, contacts, contact_at, prev_end, len(lines), list_lines))
    read_tables(entries, lines)
    from loaders.casebook.key_values import fill_cases

    fill_cases(entries)
    entries.sort(key=lambda e: e.line)
    return CaseTree(title=title, year=year, entries=entries, section_lists=section_lists, lines=lines)


def _trim_end(doc: _Lines, nxt: int, section_lists) -> int:
    """Last line of an entry without contact line: before the next header or section list."""
    for i, _, names in section_lists:
        if i < nxt and i + len(names) * 2 + 4 >= nxt:
            nxt = min(nxt, i)
    k = nxt - 1
    norm = doc.norm
    while k > 0 and not norm[k]:
        k -= 1
    return k


def _orphans(doc: _Lines, contacts, contact_at, prev_end, until, list_lines) -> list[RawEntry]:
    """Entries whose header region is empty: known only from their contact line."""
    out = []
    norm, raw, agencies = doc.norm, doc.raw, doc.agency
    lo = bisect.bisect_right(contact_at, prev_end)
    hi = bisect.bisect_left(contact_at, until)
    for k in contact_at[lo:hi]:
        if not prev_end < k < until or not contacts[k].agency:  # a contact without agency opens no entry
            continue
        start = prev_end + 1
        while start < k and (not norm[start] or is_page_number(raw[start])
                             or start in list_lines or agencies[start]):
            start += 1
        if start in list_lines:
            start += 1
        j = start if start < k and _indicator_like(doc, start) else None
        out.append(_entry(doc, None, None, j, k, contacts[k], first=start))
        prev_end = k
    return out


def _entry(doc: _Lines, i, agency, j, stop, contact, first=None) -> RawEntry:
    lines, norm = doc.raw, doc.norm
    start = i if i is not None else (first if first is not None else (j or stop))
    e = RawEntry(line=start + 1, line_end=stop + 1, agency=agency,
                 agency_line=(i + 1) if i is not None else None,
                 indicator=norm[j] if j is not None else None,
                 indicator_line=(j + 1) if j is not None else None, contact=contact)
    k = (j + 1) if j is not None else start
    sub = doc.next_text(k - 1)
    if sub is not None and sub < stop and norm[sub].startswith("("):
        text, k2 = norm[sub], sub
        while not text.endswith(")") and k2 + 1 < stop and k2 < sub + 2:
            k2 += 1
            text = nfc(text + " " + lines[k2])
        if text.endswith(")"):
            e.subtitle = text[1:-1].strip()
            k = k2 + 1
    _fill_body(e, doc, k, stop if contact is not None else stop + 1)  # without contact: stop is the last text line
    return e


def _fill_body(e: RawEntry, doc: _Lines, k: int, stop: int) -> None:
    in_appendix = False
    lines, norm = doc.raw, doc.norm
    body_norm: list[str] = []
    for idx in range(k, stop):
        s = norm[idx]
        if not s:
            continue
        if _APPENDIX.match(s):
            in_appendix = True
            continue
        if _FURNITURE.match(s) or not s.strip(_FURNITURE_CHARS):  # is_furniture(s)
            continue
        if in_appendix:
            e.captions.append((idx + 1, s))
            continue
        e.body.append((idx + 1, lines[idx].rstrip("\n")))
        body_norm.append(s)
    _split_sections(e, body_norm)


def _split_sections(e: RawEntry, body_norm: list[str]) -> None:
    """`body_norm`: the body lines normalised (`nfc`)."""
    from loaders.casebook.highlights import join_wrapped, summary_lines

    current: tuple[str, int, list[tuple[int, str]]] | None = None
    summary: list[tuple[int, str]] = []
    in_summary = False
    for (no, raw), s in zip(e.body, body_norm):
        title = _section_title(s)
        if _is_summary_title(s):
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
