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
# hand-written reports whose own cues disagree on purpose (the warning is the expected outcome, tested below)
UNCLEAN = {"province_offices_diamond"}
CLEAN = sorted(ROOT.glob("data/sources/00[014]_*.txt")) + sorted(p for p in HERE.glob("unseen/*/input.txt")
                                                                  if p.parent.name not in UNCLEAN)


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


# -- tables with fact columns that gave no facts (loaders/workreport/unread.py) ----------

def test_unread_fact_tables_warn_only_when_their_facts_are_missing():
    """On the clean reports every table with staff, funding, twinning or discount columns
    either gave facts or the document's facts of that kind came from elsewhere: no warning."""
    for path in CLEAN:
        recs = _read(path.read_text(encoding="utf-8"))
        warned = [c for c in recs if isinstance(c, ExtractionCheck) and c.kind == "table"
                  and c.warning and "columns at line" in c.warning]
        assert not warned, (path.parent.name, [c.warning for c in warned])


def test_a_staffing_table_whose_facts_were_lost_is_named():
    """000's staffing table (line 40) with its facts taken away: the check names the table,
    its columns and its line, and warns because the report has no staffing left."""
    from loaders.document.model import Table
    from loaders.records import Staffing
    from loaders.workreport.parse import parse
    from loaders.workreport.unread import unread_tables

    text = (ROOT / "data/sources/000_f06941a74a258fad.txt").read_text(encoding="utf-8")
    recs = [r for r in _read(text) if not isinstance(r, (Staffing, ExtractionCheck))]
    tables = [b for b in parse(text).blocks if isinstance(b, Table)]
    got = unread_tables(tables, recs)
    staff = [c for c in got if c.line == 40]
    assert len(staff) == 1 and staff[0].warning and "staffing columns at line 40" in staff[0].warning
    assert staff[0].cue.startswith("staffing columns: 구 분 | 계 | 3급") and staff[0].scope == "table at line 40"
    assert unread_tables(tables, _read(text)) == []  # with the facts in place: nothing to say


def test_a_division_named_in_the_status_table_without_programs_is_warned_about_unless_reported_elsewhere():
    text = _unseen("gu_status_table_deep_markers")
    assert not _checks(_read(text)).get("division-section")  # `※ 문화체육과 … 별도 보고`: no section expected
    damaged, n = re.subn(r"※ 문화체육과 소관 주요업무는 문화복지위원회에 별도 보고\n", "", text)
    assert n == 1
    warned = [c for c in _checks(_read(damaged)).get("division-section", []) if c.warning]
    assert [c.scope for c in warned] == ["문화체육과"] and "no section of its own" in warned[0].warning


def test_agreement_and_award_table_rows_that_give_no_fact_are_warned_about():
    text = _unseen("county_progress_units")
    assert not _checks(_read(text)).get("agreement") and not _checks(_read(text)).get("award")
    damaged = text.replace("| 경남과학기술대학교 |", "| 관내 대학 |").replace(
        "| 2018년 시군 정책평가 | 경상남도 | 우수 |", "| 2018년 시군 정책평가 | 경상남도 | - |")
    checks = _checks(_read(damaged))
    agreement = [c.warning for c in checks.get("agreement", []) if c.warning]
    award = [c.warning for c in checks.get("award", []) if c.warning]
    assert agreement == ["agreement table row not read: 관내 대학"]
    assert award == ["award table row not read: 2018년 시군 정책평가"]


def test_organisation_counts_under_their_heading():
    """`□ 조직현황` with `(5과 21팀)` alone on a later line (001) states the organisation:
    5 divisions (found 5) and 21 teams, none of them readable per division (the chart was an
    image), which the report shows as found 0 of 21 without a warning."""
    text = (ROOT / "data/sources/001_3a47f10a3fb60216.txt").read_text(encoding="utf-8")
    got = {c.kind: c for c in _read(text) if isinstance(c, ExtractionCheck) and c.kind in ("division", "team")}
    assert (got["division"].found, got["division"].expected, got["division"].line) == (5, 5, 51)
    assert (got["team"].found, got["team"].expected, got["team"].warning) == (0, 21, None)
    cut = text.replace("(5과 21팀)", "(4과 21팀)")
    assert "4 divisions" in (_checks(_read(cut))["division"][0].warning or "")


def test_staff_totals_are_reconciled_with_their_parts():
    """000 states the bureau's 현원 (137) and every division's: they add up, and so do the grade
    columns. With the bureau's 현원 misprinted as 139 both disagreements are warned about."""
    text = (ROOT / "data/sources/000_f06941a74a258fad.txt").read_text(encoding="utf-8")
    ok = [c for c in _read(text) if isinstance(c, ExtractionCheck) and c.kind == "staffing-total"]
    assert [(c.found, c.expected, c.warning) for c in ok] == [(137, 137, None)]
    row = "\t현원\t137\t1\t1\t7\t33\t42\t36\t17"
    assert row in text
    bad = [c for c in _read(text.replace(row, row.replace("137", "139"))) if isinstance(c, ExtractionCheck)
           and c.kind == "staffing-total" and c.warning]
    assert any("the divisions' 현원 add up to 137, the bureau's is 139" in c.warning for c in bad)
    assert any("현원 by grade add up to 137, its total is 139" in c.warning for c in bad)


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


def test_units_the_status_lists_and_the_body_leaves_out_are_warned_about():
    """A 도 국 report whose status lists five units (three 과, a 직속기관, a 사업소) and whose
    body reports on three: the two left out are named with the line that lists them, and
    the three reported get their programs, none under another unit."""
    records = _read(_unseen("province_offices_diamond"))
    warned = {c.scope: c for c in _checks(records).get("division-section", [])}
    assert set(warned) == {"농식품유통과", "동물위생시험소"}
    assert warned["동물위생시험소"].line == 27 and "no section of its own" in warned["동물위생시험소"].warning
    by_unit = {p.department for p in records if isinstance(p, Program)}
    assert by_unit == {"농업정책과", "친환경농업과", "농업기술원"}


def test_a_program_table_row_whose_budget_cannot_be_read_is_warned_about():
    """Programs written only as rows of a program table keep their rows when the table gives
    no unit, and each unread budget cell is named with its line (`비예산` rows are not)."""
    text = _unseen("gu_program_table_rows").replace("(단위 : 백만원)\n", "")
    records = _read(text)
    programs = [r for r in records if isinstance(r, Program)]
    assert len(programs) == 12 and all(p.budget_krw is None for p in programs)
    unread = [c for c in _checks(records)["budget"] if c.warning and "budget cell" in c.warning]
    assert len(unread) == 9 and unread[0].line == 56 and "구청사 승강기 교체" in unread[0].warning
    assert not [c for c in _checks(_read(_unseen("gu_program_table_rows")))["budget"] if c.warning]


def test_an_ambiguous_district_is_placed_by_its_contact_lines_area_code():
    """`강서구` is a 구 of 서울 and of 부산: the `02-` contact line places it; a `051-` one
    places it elsewhere; none leaves it unresolved (and said so)."""
    from loaders.records import DocumentInfo

    text = _unseen("gu_program_table_rows")
    issuer = lambda t: next(r for r in _read(t) if isinstance(r, DocumentInfo)).issuer  # noqa: E731
    assert issuer(text).code == "11500"
    assert issuer(text.replace("02-2600-6021", "051-970-4021")).code != "11500"
    plain = text.replace("(☎ 02-2600-6021)", "")
    assert issuer(plain) is None and "issuer" in _checks(_read(plain))


def test_a_program_table_row_names_its_division_and_a_disagreeing_section_is_warned_about():
    """The `담 당` cell of a program table row may name the division (`세무과 (체납징수팀)`); where
    it names another division than the section holding the table, the row is followed and the
    disagreement said."""
    text = _unseen("gu_program_table_rows").replace("| 구청사 승강기 교체 | 2025. 3. ~ 10. | 480 | 구비 | 청사관리팀 |",
                                                  "| 구청사 승강기 교체 | 2025. 3. ~ 10. | 480 | 구비 | 세무과 (세무행정팀) |")
    records = _read(text)
    assert next(r for r in records if isinstance(r, Program) and r.title == "구청사 승강기 교체").department == "세무과"
    said = [c for c in _checks(records)["program"] if c.warning and "in charge" in c.warning]
    assert len(said) == 1 and said[0].line == 58 and "총무과" in said[0].warning


@pytest.mark.parametrize("caption", ["□ {d} 주요사업 현황", "< {d} 주요사업 >", "{d} 소관 주요사업"])
def test_a_program_table_captioned_by_its_division(caption):
    """No division line over the program tables, only their captions name the division:
    each row's program is the captioned division's, and nothing is warned about."""
    text = re.sub(r"^■ ((?:\S ?)+)\n\n□ 주요사업 현황$",
                  lambda m: caption.format(d=m.group(1).replace(" ", "")), _unseen("gu_program_table_rows"), flags=re.M)
    records = _read(text)
    got = {(p.title, p.department) for p in records if isinstance(p, Program)}
    want = {(t, d) for d, t, _b in json.loads((HERE / "unseen/gu_program_table_rows/expected.json")
                                               .read_text(encoding="utf-8"))["programs"]}
    assert got == want
    assert [c.warning for cs in _checks(records).values() for c in cs if c.warning] == []


@pytest.mark.parametrize("office", ["산림환경연구소", "공무원교육원", "보건환경연구원"])
def test_a_provinces_direct_institutions_are_units_of_its_bureau(office):
    """A 도 국's 직속기관 (research institutes, a training institute) stand beside its 과 as
    units: named in the status, given their staffing, and their section's programs."""
    from loaders.records import Division, Staffing

    records = _read(_unseen("province_offices_diamond").replace("농업기술원", office))
    assert office in [d.name for d in records if isinstance(d, Division)]
    assert [(s.authorized, s.current) for s in records if isinstance(s, Staffing) and s.unit == office] == [(196, 188)]
    assert sorted(p.title for p in records if isinstance(p, Program) and p.department == office) == [
        "기후변화 대응 신품종 보급", "농업인 현장 기술교육"]


@pytest.mark.parametrize("name,damage", [
    ("running_header_divisions", lambda t: re.sub(r"^(2024년 주요업무 보고)\s+자치행정국.*$", r"\1", t, flags=re.M)),
    ("province_offices_diamond", lambda t: re.sub(r"^◇ (\S+) ◇$", r"☆ \1 ☆", t, flags=re.M)),
])
def test_programs_that_lost_their_division_are_warned_about(name, damage):
    """The division titles damaged (the running headers cut, an unknown sign around them):
    the programs, numbered in sections, come under no division, and the report says so
    rather than letting the divisions vanish silently."""
    records = _read(damage(_unseen(name)))
    assert {p.department for p in records if isinstance(p, Program) and p.parent_key is None} == {None}
    said = _checks(records)["program-division"]
    assert len(said) == 1 and said[0].found == 0 and "under no division" in said[0].warning
    assert "program-division" not in _checks(_read(_unseen(name)))
