"""The work-report loader's own extraction checks: what the document's cues say
should be there, against what was read.

On clean reports (bundled and hand-written) the checks agree with the hand-checked
facts and raise no warning; on a report damaged on purpose (a division's body cut
away, a budget or a staff figure stated twice differently) they warn and say where.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from loaders.records import ExtractionCheck, Program
from loaders.workreport import extract_text

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
CLEAN = sorted(ROOT.glob("data/sources/00[014]_*.txt")) + sorted(HERE.glob("unseen/*/input.txt"))


def _read(text: str):
    return extract_text(text, file_name="t.txt", doc_id="t", sha256="0" * 64)


def _checks(records) -> dict[str, list[ExtractionCheck]]:
    out: dict[str, list[ExtractionCheck]] = {}
    for r in records:
        if isinstance(r, ExtractionCheck):
            out.setdefault(r.kind, []).append(r)
    return out


def _expected(path: Path) -> dict | None:
    exp = path.parent / "expected.json" if path.name == "input.txt" else \
        HERE / "expected" / (path.stem + ".json")
    return json.loads(exp.read_text(encoding="utf-8")) if exp.exists() else None


@pytest.mark.parametrize("path", CLEAN, ids=[p.parent.name if p.name == "input.txt" else p.stem[:3] for p in CLEAN])
def test_clean_reports_raise_no_warning_and_count_what_was_checked(path: Path):
    checks = _checks(_read(path.read_text(encoding="utf-8")))
    assert [c.warning for cs in checks.values() for c in cs if c.warning] == []
    want = _expected(path)
    divisions = want["divisions"] if want and "divisions" in want else None
    if divisions is not None:
        assert checks["division"][0].found == len(divisions)
    if want and "staffing" in want and "staffing" in checks:
        with_totals = {u for u, grade, *_ in want["staffing"] if grade is None}
        assert checks["staffing"][0].found == len([d for d, _ in divisions if d in with_totals])


def _unseen(name: str) -> str:
    return (HERE / "unseen" / name / "input.txt").read_text(encoding="utf-8")


def test_a_division_whose_body_is_lost_is_reported_and_its_listed_programs_kept():
    text = _unseen("division_status_blocks")
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("# 1") and i > 160 and "주 요" not in ln)
    end = next(i for i, ln in enumerate(lines) if ln.startswith("# 디지털정보과"))
    damaged = "\n".join(lines[:start] + [""] * (end - start) + lines[end:])
    records = _read(damaged)
    checks = _checks(records)
    warned = [c for c in checks["program"] if c.warning]
    assert warned, "a division with none of its listed programs read must be reported"
    assert any(c.scope == "자치행정과" for c in warned)
    kept = [r for r in records if isinstance(r, Program) and r.department == "자치행정과"]
    assert {p.title for p in kept} >= {"주민자치회 운영 활성화", "구민과 함께하는 민방위 훈련"}
    assert all(p.budget_krw is None for p in kept), "nothing is invented for a program only listed"


def test_budget_statements_that_disagree_are_warned_about():
    text = _unseen("funding_matrices").replace("2024 소요예산 : 124,600천원", "2024 소요예산 : 310,000천원")
    warnings = [c.warning for c in _checks(_read(text)).get("budget", []) if c.warning]
    assert any("disagree" in w and "310,000천원" in w for w in warnings)


def test_staff_figures_stated_twice_differently_are_warned_about():
    text = _unseen("division_status_blocks")
    text, n = re.subn(r"인력현황 : 정원 38명 \[현원 41명\]", "인력현황 : 정원 39명 [현원 41명]", text)
    assert n == 1
    warnings = [c.warning for c in _checks(_read(text)).get("staffing", []) if c.warning]
    assert any("정원" in w and "disagree" in w for w in warnings)


def test_stated_organisation_against_divisions_found():
    text = _unseen("province_bureau").replace("조 직 : 4과 17팀", "조 직 : 5과 17팀")
    division = _checks(_read(text))["division"][0]
    assert (division.found, division.expected) == (4, 5) and "5 divisions" in division.warning


def test_a_report_whose_programs_cannot_be_read_says_so():
    # the holdout's programs numbered `1-1 :` (a form the loader does not know) and no council line
    text = (HERE / "cases" / "metro_hyphen_numbering" / "input.txt").read_text(encoding="utf-8")
    text = text.replace("부산광역시의회 행정문화위원회", "행정문화위원회")
    for n in ("1-1", "1-2", "2-1", "2-2", "3-1"):
        text = text.replace(f"{n}.", f"{n} :")
    checks = _checks(_read(text))
    assert "no program read" in (checks["program"][0].warning or "")
    assert "issuing government could not be determined" in (checks["issuer"][0].warning or "")


def test_a_division_section_that_yields_no_program_is_named():
    # no program list in this report: the third division's items numbered in a glyph the loader does not know
    text = _unseen("county_center_box_tables")
    head, tail = text.split("[ 녹차산업과 ]")
    text = head + "[ 녹차산업과 ]" + tail.replace("❶ ", "\U000f02b1 ").replace("❷ ", "\U000f02b2 ")
    records = _read(text)
    assert not [r for r in records if isinstance(r, Program) and r.department == "녹차산업과"]
    warned = [c for c in _checks(records)["program"] if c.warning]
    assert [c.scope for c in warned] == ["녹차산업과"] and "yielded no program" in warned[0].warning
    assert warned[0].line == text.split("\n").index("[ 녹차산업과 ]") + 1


def test_a_table_written_one_cell_per_line_that_cannot_be_split_is_warned_about():
    text = _unseen("province_flattened_cells")
    assert not _checks(_read(text)).get("table")
    damaged = text.replace("하이난성\n자매\n", "하이난성\n", 1)  # a cell the converter dropped
    warned = [c for c in _checks(_read(damaged)).get("table", []) if c.warning]
    assert len(warned) == 1 and "국가 | 도시명 | 구분 | 체결일" in warned[0].warning
    assert warned[0].line == damaged.split("\n").index("국 가") + 1


def test_a_division_whose_heading_is_not_read_is_named():
    # the third division's heading in a form the loader does not know: its programs fall under the second
    text = _unseen("county_center_box_tables").replace("[ 녹차산업과 ]", "§ 녹차산업과")
    records = _read(text)
    assert not [r for r in records if isinstance(r, Program) and r.department == "녹차산업과"]
    warned = [c for c in _checks(records).get("division-section", []) if c.warning]
    assert [c.scope for c in warned] == ["녹차산업과"] and "no section of its own" in warned[0].warning


def test_a_program_listed_under_one_division_but_read_under_another_is_reported():
    # 자치행정과's third program moved to the end of 디지털정보과's body (numbered on there): its list says otherwise
    lines = _unseen("division_status_blocks").split("\n")
    start = lines.index("## 3", 190)
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("담당 : 자치행정과"))
    assert lines[start + 2] == "#### 2024 동작구 사회조사 실시"
    damaged = "\n".join(lines[:start] + lines[end:] + ["", "## 5"] + lines[start + 1:end])
    records = _read(damaged)
    assert ("디지털정보과", "2024 동작구 사회조사 실시") in {(p.department, p.title) for p in records
                                                      if isinstance(p, Program)}
    warned = [c for c in _checks(records).get("program-division", []) if c.warning]
    assert len(warned) == 1 and warned[0].scope == "자치행정과"
    assert "under 자치행정과" in warned[0].warning and "read under 디지털정보과" in warned[0].warning
    assert warned[0].line == damaged.split("\n").index("3\t2024 동작구 사회조사 실시\t16") + 1  # the list's row


def test_division_names_listed_one_per_line_are_not_taken_for_sections():
    # 004's duty table written one cell per line with a cell dropped: the table cannot be read, its division
    # names stand on lines of their own and the last one would take every program after it
    from tests.loaders.workreport import metamorphic as mm

    lines = mm.cells_per_line(mm.source(mm.STEMS[2])).split("\n")
    del lines[lines.index("인 사 과") + 1]
    records = _read("\n".join(lines))
    assert {p.department for p in records if isinstance(p, Program)} == {"평화기반조성과"}
    checks = _checks(records)
    table = [c for c in checks.get("table", []) if c.warning]
    assert len(table) == 1 and "부서 | 담당업무" in table[0].warning
    warned = [c for c in checks.get("program-division", []) if c.warning]
    assert len(warned) == 1 and warned[0].scope == "평화기반조성과"
    assert "7 division names" in warned[0].warning and "민원업무 담당 공무원 보호 및 지원 강화" in warned[0].warning


def test_division_names_among_a_flattened_tables_figures_are_not_taken_for_sections():
    # 004 with its tables one cell per line and no blank lines at all (its empty cells lost too): the budget
    # table's division rows stand as names with figures under them, and the last would take every program
    from tests.loaders.workreport import metamorphic as mm

    records = _read(mm.no_blank_lines(mm.cells_per_line(mm.source(mm.STEMS[2]))))
    departments = {p.department for p in records if isinstance(p, Program)}
    warned = [c for c in _checks(records).get("program-division", []) if c.warning]
    # read as the original (the bureau's programs), or misread and said so: never misread in silence
    assert departments == {None} or (len(departments) == 1 and [c.scope for c in warned] == list(departments))
    assert departments == {"평화기반조성과"} and "7 division names" in warned[0].warning  # as it is read today
