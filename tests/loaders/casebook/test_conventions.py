"""Casebooks in other conventions of the genre (conventions/): a 행정안전부 book with
box headers `[기관명] 사례명` and a `기관명 | 사례명 | 담당부서` table, and a PDF
conversion with running headers, `- n -` footers and the table flattened one cell per
line. Expected facts were written by hand before the loader read them; every fact
type must be read in full (cases: those with an origin, so recall only)."""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.casebook import extract_text
from loaders.records import ExtractionCheck
from tests.loaders.casebook.measure_conventions import DIR, measure

CASES = sorted(p for p in DIR.iterdir() if (p / "input.txt").exists())


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_convention(case_dir: Path, gazetteer):
    got = measure(case_dir, gazetteer)
    short = {k: v for k, v in got.items() if v[2] != v[0] or (k != "cases" and v[1] != v[2])}
    assert not short, short  # every expected fact found, nothing else (cases: only those with an origin are listed)


def test_unread_table_warns():
    text = ("2022 혁신 우수사례\n\nⅠ. 협업 추진 성과\n\n[경기 수원시] 공유냉장고\n\n기관명 | 사례명 | 담당부서\n\n"
            "□ 추진배경\n ○ 음식물\n\n[충남 아산시] 마을 의제\n\n□ 추진성과\n ○ 도입\n")
    records = extract_text(text, file_name="x.txt", doc_id="x", sha256="0")
    checks = [r for r in records if isinstance(r, ExtractionCheck)]
    assert [(c.kind, c.line) for c in checks] == [("entry-table", 7)] and checks[0].warning


def test_entry_without_indicator_warns(gazetteer):
    text = ("2022 혁신 우수사례\n\n[경기 수원시] 공유냉장고\n\n□ 추진배경\n ○ 음식물 낭비\n\n"
            "[충남 아산시] 마을 의제\n\n□ 추진성과\n ○ 주민총회\n")
    # too little for the genre test on its own: the parse tree goes to extract directly
    from loaders.casebook.extract import extract
    from loaders.casebook.parse import parse

    records = extract(parse(text), file_name="x.txt", doc_id="x", sha256="0", gazetteer=gazetteer)
    checks = [r for r in records if isinstance(r, ExtractionCheck) and r.kind == "entry"]
    assert checks and checks[0].expected == 2 and checks[0].found == 0 and "indicator" in checks[0].warning
