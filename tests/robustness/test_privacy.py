"""No personal data in the exported graph: the person names and phone numbers of
the casebook's contact lines (`문의하실 곳 : … 박은영(☎ 062-…)`) and of the work
reports' press-contact tables (대표, 전화번호) appear in no export format.
SECURITY.md, promise 7."""
from __future__ import annotations

import re
import unicodedata

import pytest

from kg.export import FORMATS, export
from kg.store import Store
from tests.robustness.conftest import bundled

# not inside IRIs' hashes (`.../L10486-e10443-148-150-9672c7`)
PHONE = re.compile(r"(?<![\w-])\d{2,4}-\d{3,4}-\d{4}(?![\w-])|☎|☏")
TITLES = {"주무관", "팀장", "소방위", "주사", "주사보", "사무관", "서기", "과장", "계장", "담당", "실무관", "연구사"}
UNIT_ENDINGS = ("과", "팀", "실", "국", "관", "단", "소", "센터", "청", "처", "부", "원", "반", "계", "시", "군", "구", "도")


def _is_name(word: str) -> bool:
    return bool(re.fullmatch(r"[가-힣]{2,4}", word)) and not word.endswith(UNIT_ENDINGS)


def contact_people(text: str) -> set[str]:
    """Names in contact lines: the word before `(☎` (after dropping a rank),
    when it reads as a person's name and not as a unit's."""
    people = set()
    for line in text.splitlines():
        if "☎" not in line:
            continue
        head = line.split("☎")[0].rstrip(" (")
        words = head.split(":", 1)[-1].split()
        while words and words[-1] in TITLES:
            words.pop()
        if len(words) >= 2 and _is_name(words[-1]):
            people.add(words[-1])
    return people


def contact_phones(text: str) -> set[str]:
    return {m.group(0) for m in re.finditer(r"(?<!\d)(?:\d{2,4}-)?\d{3,4}-\d{4}(?!\d)", "\n".join(
        line for line in text.splitlines() if "☎" in line or "전화" in line))}


def press_contacts(text: str) -> tuple[set[str], set[str]]:
    """Names (대표) and phone numbers (전화번호) of tables headed by both."""
    names, phones = set(), set()
    header = None
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("\t")]
        norm = [c.replace(" ", "") for c in cells]
        if "대표" in norm and "전화번호" in norm:
            header = (norm.index("대표"), norm.index("전화번호"))
            continue
        if header and len(cells) > max(header):
            name, phone = cells[header[0]], cells[header[1]]
            if name:
                names.add(name.replace(" ", ""))
                names.add(name)
            if phone:
                phones.add(phone)
        else:
            header = None
    return names, phones


SOURCE_TEXT = {p.name: p.read_text(encoding="utf-8") for p in bundled()}
PEOPLE = set().union(*(contact_people(t) for t in SOURCE_TEXT.values()))
PHONES = set().union(*(contact_phones(t) for t in SOURCE_TEXT.values()))
PRESS_NAMES = set().union(*(press_contacts(t)[0] for t in SOURCE_TEXT.values()))
PRESS_PHONES = set().union(*(press_contacts(t)[1] for t in SOURCE_TEXT.values()))


def test_the_personal_data_is_found_in_the_sources():
    assert {"박은영", "박진령", "김미선", "이웅"} <= PEOPLE, sorted(PEOPLE)[:20]
    assert len(PEOPLE) >= 60 and len(PHONES) >= 60
    assert {"황미옥", "김상렬", "김영국"} <= PRESS_NAMES and "921-4334" in PRESS_PHONES
    assert not PEOPLE & {"혁신과", "정책팀"}


@pytest.fixture(scope="module")
def exports(built_store):
    store = Store(built_store, read_only=True)
    try:
        return {fmt: unicodedata.normalize("NFC", export(store, fmt).decode("utf-8")) for fmt in FORMATS}
    finally:
        store.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_phone_numbers_or_names_in_exports(exports, fmt):
    text = exports[fmt]
    leaks = [m.group(0) for m in PHONE.finditer(text)]
    leaks += [p for p in PHONES | PRESS_PHONES if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text)]
    leaks += [n for n in PEOPLE | PRESS_NAMES if n in text]
    assert not leaks, sorted(set(leaks))[:30]
