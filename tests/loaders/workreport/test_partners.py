"""Partner facts of work reports (loaders/workreport/partners.py): one test per lexicon row it reads,
and the child lines of an agreement bullet. The phrasings themselves are the hand-written cases
cases/prose_twinning and cases/prose_agreements (test_cases.py)."""
from __future__ import annotations

import pytest

from loaders.lexicon import labels
from loaders.records import Agreement, Party
from loaders.workreport import extract_text, partners
from loaders.workreport.parse import build

ISSUER = Party("북구", code="1")


class NoGazetteer:
    def party(self, *a, **k):
        return None


def _rows(kind):
    return sorted(labels.table()[kind].items())


@pytest.mark.parametrize("word,relation", _rows("twin_relation"))
def test_relation_word(word, relation):
    assert partners.relation_of(word) == relation
    assert partners.relation_of(" ".join(word)) == relation  # letter-spaced, as in table cells
    assert relation in ("자매", "우호", "우호의향서", "교류의향서")  # competency-questions.md's relation words


@pytest.mark.parametrize("kind", partners._NOT_NAME_KINDS)
def test_not_name_kinds_exist(kind):
    assert labels.words(kind)


@pytest.mark.parametrize("word", [w for k in partners._NOT_NAME_KINDS for w in labels.words(k)])
def test_common_word_is_never_a_partner(word):
    assert partners._common(word)
    assert partners._party(word, ISSUER, NoGazetteer(), set()) is None
    assert partners._twin_partner(word, "중국", ISSUER, NoGazetteer()) is None
    assert partners._before_word_partner(f"○ {word} 업무협약 체결", ISSUER, NoGazetteer(), set()) is None


@pytest.mark.parametrize("word", ["업무협약", "MOU협약", "MOU", "양해각서", "협약", "업무 협력 협약"])
def test_agreement_word_after_partner(word):
    for spaced in (word, " ".join(word)):  # `업무협약`, `업 무 협 약`
        p = partners._before_word_partner(f"○ 한국수자원공사 {spaced} 체결", ISSUER, NoGazetteer(), set())
        assert p is not None and p.name == "한국수자원공사", spaced


@pytest.mark.parametrize("name", ["한국수자원공사", "광주FC", "카카오모빌리티", "캘리포니아주 어바인시"])
def test_names_pass(name):
    assert partners._name_like(name)


REPORT = """제301회 광주광역시 북구의회 정례회

2024년 주요업무 보고

자 치 행 정 국

# 총무과

# 1. 지역 상생 협력 강화

□ 추진실적

○ 「북구-광주도시철도공사」 업무협약 체결

  - 일 시 : 2024. 3. 15.(금) 14:00

  - 협약내용 : 역사 내 주민 편의시설 공동 운영

○ 북구-광주FC 업무협약 체결

○ 주요내용 : 지역 스포츠 활성화

○ 일 시 : 2024. 6. 1.

□ 소요예산 : 비예산
"""


def test_child_lines_give_date_and_purpose_and_stop_at_the_next_bullet():
    records = extract_text(REPORT, file_name="t.txt", doc_id="t", sha256="0" * 64)
    got = {a.parties[1].label: (a.date, a.title) for a in records if isinstance(a, Agreement)}
    assert got == {"광주도시철도공사": ("2024-03-15", "역사 내 주민 편의시설 공동 운영"),
                   "광주FC": (None, None)}  # the sibling ○ lines are not the bullet's children


def test_child_fields_on_the_document_model():
    doc = build(REPORT)
    no = next(ln.no for ln in doc.lines if "광주도시철도공사" in ln.text)
    assert partners._child_fields(doc, no, 2024) == ("2024-03-15", "역사 내 주민 편의시설 공동 운영")


VARIANT = """제301회 광주광역시 북구의회 정례회

2024년 주요업무 보고

자 치 행 정 국

# 총무과

# 1. 지역 상생 협력 강화

□ 추진실적

{body}

□ 소요예산 : 비예산
"""


@pytest.mark.parametrize("body", [
    "○ 「북구-광주FC」 업무협약 체결\n  - 일 시 ： 2024. 3. 15.\n  - 협약내용 ： 스포츠 활성화",  # full-width colons
    "○ 「북구-광주FC」 업무협약 체결\n    일 시 : 2024. 3. 15.\n    협약내용 : 스포츠 활성화",  # children unmarked
    "### 「북구-광주FC」 업무협약 체결\n○ 일 시 : 2024. 3. 15.\n○ 협약내용 : 스포츠 활성화",  # the bullet a heading
    "- 「북구-광주FC」 업무협약 체결\n  - 일 시 : 2024. 3. 15.\n  - 협약내용 : 스포츠 활성화",  # same marker, deeper
], ids=["fullwidth", "unmarked", "heading", "same-marker"])
def test_agreement_layouts(body):
    records = extract_text(VARIANT.format(body=body), file_name="t.txt", doc_id="t", sha256="0" * 64)
    got = [([p.label for p in a.parties[1:]], a.date, a.title) for a in records if isinstance(a, Agreement)]
    assert got == [(["광주FC"], "2024-03-15", "스포츠 활성화")]


@pytest.mark.parametrize("body,partner", [
    ("○ 광주은행과의 업무협약 체결(2024. 3. 15.)", "광주은행"),
    ("○ 북구 - 광주FC 업무 협약 체결('24.3.15.)", "광주FC"),
    ("○ 북구-광주FC 지역 스포츠 활성화 업무협약 체결('24.3.15.)", "광주FC"),
])
def test_agreement_phrasings(body, partner):
    records = extract_text(VARIANT.format(body=body), file_name="t.txt", doc_id="t", sha256="0" * 64)
    got = [([p.label for p in a.parties[1:]], a.date) for a in records if isinstance(a, Agreement)]
    assert got == [([partner], "2024-03-15")]
