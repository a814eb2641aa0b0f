"""The reviewed award / selection vocabulary: every row's example reads as its kind."""
from __future__ import annotations

import re

import pytest

from loaders.fields.selections import classify, selections_in
from loaders.lexicon.award_selection import TABLE, words

ROWS = words().rows


@pytest.mark.parametrize("row", [r for r in ROWS if r.kind != "body"], ids=lambda r: f"{r.kind}-L{r.line}")
def test_each_phrasing_reads_as_its_kind(row):
    assert re.search(row.pattern, row.example), f"{TABLE.name}:{row.line}: the pattern does not match its own example"
    assert classify(row.example) == row.kind, f"{TABLE.name}:{row.line}: {row.example!r}"
    found = selections_in(row.example)
    assert bool(found) == (row.kind == "selection"), f"{TABLE.name}:{row.line}: {row.example!r} -> {found}"


@pytest.mark.parametrize("row", [r for r in ROWS if r.kind == "body"], ids=lambda r: f"body-L{r.line}")
def test_each_body_is_named(row):
    assert re.search(row.pattern, row.example) and row.means
    assert re.fullmatch(row.pattern, row.means), "the full name is one of the written forms"


def test_every_row_says_where_its_example_came_from():
    assert all(r.source.strip() and r.example.strip() for r in ROWS)
    assert {r.kind for r in ROWS} == {"selection", "award", "not", "body"}


@pytest.mark.parametrize("text, competition, awarder, date, amount", [
    ("보건복지부 「마음안심버스 지원사업」 공모 선정(’21.4. 국비 117백만원)", "마음안심버스 지원사업", "보건복지부",
     "2021-04", 117000000),
    ("- 「2021년 행안부 지자체 협업 특교세 지원사업」 선정(50백만원) 교부 : ’21. 6.",
     "2021년 행안부 지자체 협업 특교세 지원사업", "행정안전부", "2021-06", 50000000),
    ("➜ 2021. 5. 드론 실증도시 공모사업 최종 선정", "드론 실증도시 공모사업", None, "2021-05", None),
    ("- 보조금24 지자체 시범서비스 공모 선정 및 운영(’21.2.24. ~ 4.27.)", "보조금24 지자체 시범서비스", None, None, None),
    ("’20. 6월. 광주형 일자리, 전국 제1호 상생형 지역일자리 선정", "전국 제1호 상생형 지역일자리", None, "2020-06", None),
    ("농업회사법인 등 업무 협약(’19.11), 축분뇨 에너지화 사업 공모선정(’18. 1.), 시설운영(’21. 1.)",
     "축분뇨 에너지화 사업", None, "2018-01", None),
])
def test_selection_fields(text, competition, awarder, date, amount):
    (c,) = selections_in(text, 2021)
    assert (c.competition, c.awarder, c.date, c.amount_krw) == (competition, awarder, date, amount)


def test_a_bad_table_row_names_file_and_line(tmp_path, monkeypatch):
    from loaders.lexicon import words as tables

    (tmp_path / "award_selection_words.csv").write_text(
        "kind,pattern,means,example,source,note\nselection,(unclosed,,x,genre (a test),\n", encoding="utf-8")
    monkeypatch.setattr(tables, "DATA", tmp_path)
    tables.rows.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"award_selection_words\.csv:2: bad pattern"):
            words.__wrapped__()
    finally:
        tables.rows.cache_clear()


def test_things_counted_and_chosen_are_no_selection_of_the_agency():
    """`마을공동체 120개소(시·군 공모 선정)`: the villages were chosen by competition, the province
    was not selected (found by rewriting a hand-written report with full-width colons)."""
    from loaders.fields.selections import selections_in

    assert selections_in("- 지원대상 : 마을공동체 120개소(시·군 공모 선정)") == []
    assert selections_in("- 지원대상 ： 마을공동체 120개소(시·군 공모 선정)") == []
    assert [c.competition for c in selections_in("○ 행정안전부 공모사업 「마을기업 육성」 선정(2023. 3.)")] \
        == ["마을기업 육성"]
