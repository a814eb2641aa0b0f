"""looks_like and GenreError: a casebook and random text are not work reports."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import GenreError, InputError
from loaders.workreport import GENRE, extract_text, looks_like
from loaders.records import DocumentInfo

SOURCES = Path(__file__).resolve().parents[3] / "data" / "sources"
REPORTS = ["000_f06941a74a258fad", "001_3a47f10a3fb60216", "004_845debc1c9c51afa"]
CASEBOOK = "002_1883cbad05eb4de7"
RANDOM = ["", "오늘은 날씨가 좋다. 점심은 김치찌개.", "Lorem ipsum dolor sit amet\n" * 50,
          "1. 첫째\n2. 둘째\n3. 셋째", "□ 추진배경\n- 필요함"]


def read(stem):
    return (SOURCES / f"{stem}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", REPORTS)
def test_reports_score_high(stem):
    assert looks_like(read(stem)) >= 0.7


def test_casebook_scores_low():
    assert looks_like(read(CASEBOOK)) < 0.3


@pytest.mark.parametrize("text", RANDOM)
def test_random_text_scores_near_zero(text):
    assert looks_like(text) < 0.3


@pytest.mark.parametrize("text", [RANDOM[1], RANDOM[2]])
def test_random_text_raises_genre_error(text):
    with pytest.raises(GenreError) as err:
        extract_text(text, file_name="x.txt", doc_id="x", sha256="0")
    assert err.value.file == "x.txt"


def test_casebook_raises_genre_error():
    with pytest.raises(GenreError):
        extract_text(read(CASEBOOK), file_name="002.txt", doc_id="002", sha256="0")


def test_document_info_first():
    recs = extract_text(read(REPORTS[0]), file_name="000.txt", doc_id="000", sha256="abc")
    assert isinstance(recs[0], DocumentInfo) and recs[0].genre == GENRE == "work-report"
    assert recs[0].sha256 == "abc" and recs[0].file_name == "000.txt"


def test_non_text_is_input_error():
    with pytest.raises(InputError):
        extract_text(b"bytes", file_name="x.txt", doc_id="x", sha256="0")  # type: ignore[arg-type]


def test_program_keys_unique_and_budget_lines_point_to_programs():
    from loaders.records import BudgetLine, Milestone, Outcome, Program

    for stem in REPORTS:
        recs = extract_text(read(stem), file_name=stem, doc_id=stem, sha256="0")
        keys = [r.key for r in recs if isinstance(r, Program)]
        assert len(keys) == len(set(keys))
        for r in recs:
            if isinstance(r, BudgetLine | Milestone):
                assert r.program_key in keys
            if isinstance(r, Outcome):
                assert r.subject_key in keys
            assert getattr(r, "line", 1) >= 0
