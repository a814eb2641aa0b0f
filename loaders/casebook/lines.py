"""Lines that consist of an agency's name (`경기 수원시`, `64 경기 수원시`): where a
casebook entry starts, and who a contact line names. Used by parse and contact."""
from __future__ import annotations

import re

from loaders.casebook.norm import nfc
from loaders.lexicon import regions
from loaders.lexicon.words import of

# the 광역 names, full (every official name since 1995) and short, from the gazetteer's data
_PROV_FULL = regions.alt(regions.full_names())
_PROV_SHORT = regions.alt(regions.short_names())
_LOCAL = r"[가-힣]{1,5}(?:시|군|구)"
AGENCY_LINE = re.compile(
    rf"^(?:(?:{_PROV_FULL}|{_PROV_SHORT}(?:시|도)?)(?:\s+{_LOCAL})?|(?:{_PROV_FULL})|{_LOCAL})$"
)
_PROVINCE_START = re.compile(rf"^(?:{_PROV_FULL}|{_PROV_SHORT})")
_HANGUL = re.compile(r"[가-힣]")
# the section labels both genres share (lexicon/data/section_labels.csv) that head a casebook entry's sections
SECTION_TITLES = tuple(r.pattern for k in ("program_label", "section_label") for r in of("section_labels", k)
                       if r.means == "entry")
_SECTION_KEYS = {re.sub(r"\\s[*+]|\s+", "", t) for t in SECTION_TITLES}
_LEAD_NO = re.compile(r"^\d{1,4}\s+")
_TRAIL_NO = re.compile(r"\s+\d{1,4}$")
# AGENCY_LINE matches at most 7 + 1 + 6 characters of a normalised line (one space
# between words), the page numbers around it at most 5 each
_AGENCY_LINE_MAX = 30


def agency_of_line(text: str) -> str | None:
    """The agency a line consists of, page numbers around it dropped.

    >>> agency_of_line(" 경기 수원시")
    '경기 수원시'
    >>> agency_of_line("64 경기 수원시")
    '경기 수원시'
    >>> agency_of_line("기관장의 혁신 리더십") is None
    True
    """
    return _agency_of(nfc(text))


def _agency_of(s: str) -> str | None:
    """`agency_of_line` of a line already normalised (`nfc`)."""
    if len(s) > _AGENCY_LINE_MAX:
        return None
    s = _LEAD_NO.sub("", s)
    s = _TRAIL_NO.sub("", s)
    if not s or not AGENCY_LINE.match(s):
        return None
    return s
