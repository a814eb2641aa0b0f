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
