"""The contact line closing an entry: agency and department kept, the person and
the phone number dropped here, so that they never reach a record.

`문의하실 곳 : <agency> <department> [<person> [<rank>]](☎ <phone>)`; the label
is sometimes garbled by the conversion (`ㅣ : 경남 고성군 …`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.casebook.lines import agency_of_line
from loaders.casebook.norm import nfc
from loaders.lexicon.words import alt, words

# The contact line. Labels are sometimes garbled (`ㅣ : 경남 고성군 ...`). Its words (labels, job
# titles, unit endings, the surname letters that mark a person) are rows of
# loaders/lexicon/data/casebook_words.csv; people and phones are never stored.
_W = "casebook_words"
_LABELS = words(_W, "contact_label")
_CONTACT = re.compile(r"^\s*[※*]?\s*(?P<label>" + "|".join(_LABELS) + r"|\S{1,3})\s*:\s*(?P<body>.+)$")
_NAMED_LABEL = re.compile(r"(?:" + "|".join(_LABELS) + r")$")
_ASK = words(_W, "contact_ask")[0]  # 문의: the labels that start with it name a contact line
_TITLES = words(_W, "job_title")
_UNIT_SUFFIX = re.compile(r"(?:" + alt(_W, "contact_unit_ending") + r")$")
_SURNAMES = set(words(_W, "surname_letters")[0].strip("[]"))  # a character class of letters


@dataclass(frozen=True)
class Contact:
    line: int
    agency: str  # agency mention as written in the contact line
    department: str | None


def parse_contact(text: str, line: int) -> Contact | None:
    """Agency and department of a contact line; the person and phone are dropped.

    >>> parse_contact("문의하실 곳 : 충청남도 예방안전과 안영훈 소방위(☎ 041-635-5589)", 1)
    Contact(line=1, agency='충청남도', department='예방안전과')
    >>> parse_contact("문의하실 곳 : 제주시 복지위생국 주민복지과 고정애(☎ 064-728-2982)", 2)
    Contact(line=2, agency='제주시', department='복지위생국 주민복지과')
    >>> parse_contact("문의하실 곳 : 경기도 수원시 정책기획과(☎ 031-228-3456)", 3)
    Contact(line=3, agency='경기도 수원시', department='정책기획과')
    """
    if ":" not in text:  # the pattern needs one (and nfc makes none)
        return _phone_first(text, line) if ("☎" in text or "☏" in text) else None
    s = nfc(text)
    m = _CONTACT.match(s)
    if not m:
        return None
    label = m.group("label")
    has_phone = "☎" in s or "☏" in s or bool(re.search(r"\d{2,4}-\d{3,4}-\d{4}", s))
    if not (label.startswith(_ASK) or has_phone):
        return None
    body = re.split(r"\(\s*(?:☎|☏|0\d)|☎|☏|\d{2,4}-\d{3,4}-\d{4}", m.group("body"))[0]
    tokens = body.replace("(", " ").replace(")", " ").split()
    agency, rest = _split_agency(tokens)
    if agency is None:
        # `담당 : 교통정책과 주무관 <person> ☎ <phone>`: the entry's header names the agency
        if not (has_phone and _NAMED_LABEL.match(label) and rest and unit_name(rest[0])):
            return None
        return Contact(line=line, agency="", department=_department(rest))
    return Contact(line=line, agency=agency, department=_department(rest))


# `☎ 032-560-4512 (서구청 자원순환과 <person>)`: the phone first, the office and department in brackets
_PHONE_FIRST = re.compile(r"^\s*[☎☏]\s*\d{2,4}-\d{3,4}-\d{4}\s*\((?P<body>[^)]+)\)\s*$")


def _phone_first(text: str, line: int) -> Contact | None:
    """
    >>> _phone_first("☎ 032-560-4512 (서구청 자원순환과 김하은)", 7)
    Contact(line=7, agency='서구', department='자원순환과')
    """
    m = _PHONE_FIRST.match(nfc(text))
    if not m:
        return None
    tokens = m.group("body").split()
    if tokens and tokens[0].endswith("청"):  # `서구청`: the office of the agency
        tokens[0] = tokens[0][:-1]
    agency, rest = _split_agency(tokens)
    if agency is None and not (tokens and unit_name(tokens[0])):
        return None
    department = _department(rest if agency else tokens)
    return Contact(line=line, agency=agency or "", department=department) if department else None


def _split_agency(tokens: list[str]) -> tuple[str | None, list[str]]:
    for n in (2, 1):
        if len(tokens) >= n and _agency_of_line(" ".join(tokens[:n])):
            return " ".join(tokens[:n]), tokens[n:]
    return None, tokens


def _is_person(token: str) -> bool:
    """A Korean personal name: 2-4 syllables after a surname, not a unit name.

    >>> [_is_person(t) for t in ("박나원", "김순국", "이웅", "정책팀", "기업지원담당", "혁신과")]
    [True, True, True, False, False, False]
    """
    return (bool(re.fullmatch(r"[가-힣]{2,4}", token)) and token[0] in _SURNAMES
            and not _UNIT_SUFFIX.search(token) and not token.endswith("과"))


def _department(tokens: list[str]) -> str | None:
    tokens = list(tokens)
    if tokens and tokens[-1] in _TITLES:
        tokens.pop()  # a rank follows the name: `안영훈 소방위`, `김미선 팀장`
    if len(tokens) >= 2 and _is_person(tokens[-1]):
        tokens.pop()
        if len(tokens) >= 2 and tokens[-1] in _TITLES:
            tokens.pop()  # the rank before the name: `주무관 최민호`
    return " ".join(tokens) or None


def unit_name(text: str) -> bool:
    """A department's name: its last word ends as a unit does (`교통정책과`, `민원봉사과`)."""
    last = text.split()[-1] if text.split() else ""
    return len(last) >= 2 and (bool(_UNIT_SUFFIX.search(last)) or last.endswith("과"))


def _agency_of_line(text: str) -> str | None:
    return agency_of_line(text)
