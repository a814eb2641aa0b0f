"""Person names and phone numbers from the contact lines never reach a record."""
from __future__ import annotations

import dataclasses
import re

import pytest

from loaders.casebook.contact import _is_person, parse_contact

PHONE = re.compile(r"(?<!\d)\d{2,4}-\d{3,4}-\d{4}(?!\d)|☎|☏")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for v in value:
            yield from _strings(v)


def _people(text: str) -> set[str]:
    """Person names of the contact lines, read off the lines themselves:
    the Hangul word(s) right before `(☎`, not ending like a unit name."""
    names = set()
    for line in text.splitlines():
        if "☎" not in line or ":" not in line:
            continue
        head = line.split("☎")[0].rstrip(" (")
        words = head.split(":", 1)[1].split()
        if words and words[-1] in {"주무관", "팀장", "소방위"}:
            words = words[:-1]
        if len(words) >= 3 and _is_person(words[-1]):
            names.add(words[-1])
    return names


def test_person_names_are_found_in_002(casebook_text):
    people = _people(casebook_text)
    assert {"박진령", "안영훈", "김미선", "강정호", "이웅", "박도원"} <= people
    assert len(people) >= 60


def test_no_personal_data_in_records(casebook_text, casebook_records):
    people = _people(casebook_text)
    leaks = []
    for record in casebook_records:
        for s in _strings(record):
            if PHONE.search(s):
                leaks.append((type(record).__name__, s[:80]))
            leaks.extend((type(record).__name__, p) for p in people if p in s)
    assert not leaks, leaks[:20]


@pytest.mark.parametrize("line, department", [
    ("문의하실 곳 : 인천광역시 혁신과 박진령(☎ 032-440-1642)", "혁신과"),
    ("문의하실 곳 : 충청남도 예방안전과 안영훈 소방위(☎ 041-635-5589)", "예방안전과"),
    ("문의하실 곳 : 경남 남해군 유통지원과 김미선 팀장(☎ 055-860-3931)", "유통지원과"),
    ("문의하실 곳 : 제주시 복지위생국 주민복지과 고정애(☎ 064-728-2982)", "복지위생국 주민복지과"),
    ("문의하실 곳 : 광주 북구 데이터정보과 이기훈(☎ 062-410-6671)", "데이터정보과"),
    ("문의하실 곳 : 충남 서산시 정보통신과 박도원 (☎ 041-660-2632)", "정보통신과"),
    ("문의하실 곳 : 충남 부여군 자치행정과 김순국(☎ 041-830-2457)", "자치행정과"),
    ("문의하실 곳 : 경기도 시흥시 정책기획과 정책팀(☎ 031-310-3634)", "정책기획과 정책팀"),
    ("ㅣ : 경남 고성군 군정혁신담당관 강정호(☎ 055-670-2703)", "군정혁신담당관"),
    ("문의하실 곳: 서울 강서구 홍보정책과 이주호(☎02-2600-7712)", "홍보정책과"),
])
def test_contact_keeps_department_only(line, department):
    contact = parse_contact(line, 1)
    assert contact is not None and contact.department == department


def test_people_in_running_text_of_other_conventions_are_not_kept():
    """Names before a title in prose (`이정민 주무관의 제안`, `박상현 교수 등`) and on contact lines
    of any shape (`담당 : 교통정책과 주무관 최민호 ☎ …`, `※ 담당자 : … 송지은 (043-…)`)."""
    from pathlib import Path

    from loaders.casebook import extract_text

    root = Path(__file__).parent / "conventions"
    person = re.compile(r"(?<![가-힣])([가-힣]{3})(?=\s+(?:주무관|교수))|주무관\s+([가-힣]{3})|담당\s+([가-힣]{3})\)")
    checked = 0
    for path in sorted(root.glob("*/input.txt")):
        text = path.read_text(encoding="utf-8")
        people = {n for m in person.finditer(text) for n in m.groups() if n and _is_person(n)}
        records = extract_text(text, file_name=path.name, doc_id=path.parent.name, sha256="0")
        leaks = [(type(r).__name__, s[:60]) for r in records for s in _strings(r)
                 if PHONE.search(s) or any(p in s for p in people)]
        assert not leaks, (path.parent.name, leaks[:5])
        checked += len(people)
    assert checked >= 20
