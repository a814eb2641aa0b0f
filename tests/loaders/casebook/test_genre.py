"""Genre detection: casebooks high, work reports and random text low."""
from __future__ import annotations

import pytest

from kg.errors import GenreError
from loaders.casebook import GENRE, extract_text, looks_like
from tests.loaders.casebook.conftest import SOURCES

WORK_REPORTS = ["000_f06941a74a258fad.txt", "001_3a47f10a3fb60216.txt", "004_845debc1c9c51afa.txt"]
RANDOM = ["", "오늘은 날씨가 좋다.\n내일은 비가 온다.", "lorem ipsum dolor sit amet\n" * 50,
          "1\n2\n3\n", "서울특별시\n경기 수원시\n"]


def test_genre_name():
    assert GENRE == "casebook"


def test_casebook_scores_high(casebook_text):
    assert looks_like(casebook_text) >= 0.8


@pytest.mark.parametrize("name", WORK_REPORTS)
def test_work_reports_score_low(name):
    path = SOURCES / name
    if not path.exists():
        pytest.skip(f"{name} not in data/sources")
    text = path.read_text(encoding="utf-8")
    assert looks_like(text) < 0.3
    with pytest.raises(GenreError):
        extract_text(text, file_name=name, doc_id="x", sha256="0")


@pytest.mark.parametrize("text", RANDOM)
def test_random_text(text):
    assert looks_like(text) < 0.2
    with pytest.raises(GenreError) as info:
        extract_text(text, file_name="random.txt", doc_id="x", sha256="0")
    assert info.value.file == "random.txt"


@pytest.mark.parametrize("line, name, awarder", [
    ("- 2020년 ‘다함께 돌봄사업’ 보건복지부 장관 표창 (아이휴센터)", "2020년 ‘다함께 돌봄사업’ 보건복지부 장관 표창", "보건복지부"),
    ("- 정보문화의 달 과학기술정보통신부 장관 표창(2020)", "정보문화의 달 과학기술정보통신부 장관 표창", "과학기술정보통신부"),
])
def test_commendation_named_with_awarder_and_grade(line, name, awarder):
    """A 장관 표창 has no name of its own: the field, awarder and grade around it name it."""
    from loaders.casebook.awards import award_in_line

    a = award_in_line(line, 1, 2021)
    assert (a.award, a.grade, a.awarder) == (name, "장관상", awarder)
