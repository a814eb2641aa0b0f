"""Unit tests for the parse helpers (line shapes, TOC detection, tree)."""
from __future__ import annotations

import pytest

from loaders.workreport import money, units
from loaders.workreport.extract import split_status
from loaders.workreport.parse import is_label, make_line, numbered, parse

SEEN_NUMBERED = [  # heading shapes from the seed reports
    ("# 1. 안심하고 편안하게 근무할 수 있는 구청사 환경 조성", (1, "안심하고 편안하게 근무할 수 있는 구청사 환경 조성")),
    ("3 | 건강한 행정조직을 위한 후생복지사업 추진", (3, "건강한 행정조직을 위한 후생복지사업 추진")),
    ("1 성북구 코로나19 재택치료 추진 계획", (1, "성북구 코로나19 재택치료 추진 계획")),
    ("## 2", (2, "")),
    ("1 | 2022 성북 서울형혁신교육지구 사업추진", (1, "2022 성북 서울형혁신교육지구 사업추진")),
]
NOT_NUMBERED = ["1) 마이크로러닝 : 학습 내용을", "- 1. 항목", "5. 29.(금) ~ 5. 30.(토)", "○ 1. 항목", "2026. 7. : 공모"]


@pytest.mark.parametrize("raw,expected", SEEN_NUMBERED)
def test_numbered_headings(raw, expected):
    assert numbered(make_line(1, raw)) == expected


@pytest.mark.parametrize("raw", NOT_NUMBERED)
def test_not_numbered(raw):
    assert numbered(make_line(1, raw)) is None


def test_line_markers_and_kv():
    ln = make_line(7, "## □ 소요예산 : 20백만원(구비)")
    assert (ln.no, ln.marker, ln.heading, ln.text) == (7, "□", 2, "소요예산 : 20백만원(구비)")
    assert ln.kv() == ("소요예산", "20백만원(구비)")
    assert make_line(1, "- 운영시간 : 09:00 ~ 19:00").kv() == ("운영시간", "09:00 ~ 19:00")
    assert make_line(1, "**소요예산 : 8백만원(구비)**").bold
    assert make_line(1, "---").text == ""


def test_labels():
    assert is_label(make_line(1, "추진계획"))
    assert is_label(make_line(1, "□ 2021 추진실적"))
    assert not is_label(make_line(1, "- 목 적 : 자기계발 욕구와 직장 경쟁력 동시 충족"))


def test_toc_lines_are_not_items():
    doc = parse("II. 현안 업무보고\n1. 가 사업 추진\n---\n2. 나 사업 추진\n---\n# 1 가 사업 추진\n설명\n## □ 소요예산 : 1억원")
    assert [(n.number, n.title, n.line) for n in doc.nodes] == [(1, "가 사업 추진", 6)]


def test_split_number_heading_and_numbered_subs():
    doc = parse("# 1 가 사업\n설명\n## 2\n# 나 사업\n### □ 추진성과\n#### 1 세부 하나\n- 내용\n## 2 세부 둘\n- 내용\n### □ 추진일정\n- 일정")
    assert [n.title for n in doc.nodes] == ["가 사업", "나 사업"]
    assert [c.title for c in doc.nodes[1].children] == ["세부 하나", "세부 둘"]


def test_tables_from_tabs_and_html():
    doc = parse("과 별\t소 관 업 무\n<b>총무과 (3개팀)</b>\t<ul><li>◦ 청사관리</li><li>◦ 의전</li></ul>")
    t = doc.tables[0]
    assert t.row_lines == [1, 2] and t.rows[1][0] == "총무과 (3개팀)"
    assert "청사관리" in t.rows[1][1] and "의전" in t.rows[1][1]
    assert doc.division_names == ["총무과"]


def test_division_names():
    assert units.division_name("행 정 지 원 과") == "행정지원과"
    assert units.division_name("평 화 기 반 조 성 과") == "평화기반조성과"
    assert units.division_name("추진성과") is None and units.division_name("기대효과") is None
    assert units.division_name("보 건 소", offices=True) is None
    # 경과 (progress) is a label, but 환경과 / 공원조경과 are divisions
    assert units.division_name("추진경과") is None and units.division_name("사업경과") is None
    assert units.division_name("환 경 과") == "환경과" and units.division_name("공원조경과") == "공원조경과"


def test_status_marks():
    assert split_status("구민 편의 지능형 홈페이지 서비스 구축 신규") == ("구민 편의 지능형 홈페이지 서비스 구축", ("신규",))
    assert split_status("피해공무원 지원 확대") == ("피해공무원 지원 확대", ())


def test_money_sources():
    assert money.split_sources("24백만원 (시비 50%, 구비 50%)")[0][1] == 12000000
    assert money.split_sources("7백만원 (정보화 교육, 창의학습동아리 사업 등과 연계 추진)") == []


def _paged(header) -> str:
    """Four pages of a PDF-converted report: a staffing table naming two divisions, then
    pages whose only division cue is the running header `header(division)`."""
    head = ("   구  분        계      총무과    세무과\n   정  원        70        38        32\n"
            "   현  원        68        37        31\n\n")
    pages = []
    for division, n in (("총무과", 1), ("총무과", 2), ("세무과", 1), ("세무과", 2)):
        pages.append(f"{header(division)}\n\n{n}. {division} 사업 {n}호 추진\n\n   ○ 사업기간 : 2024. 1. ~ 12.\n"
                     f"   ○ 사 업 비 : {n}0백만원(시비)\n\n                                - {len(pages) + 2} -\n")
    return head + "\n".join(pages)


@pytest.mark.parametrize("header", [
    lambda d: f"2024년 주요업무 보고                                자치행정국 > {d}",
    lambda d: f"자치행정국 {d}                                2024년 주요업무 보고",
    lambda d: f"2024년 주요업무 보고 | 자치행정국 {d}",
])
def test_a_running_header_names_the_division_of_its_page(header):
    doc = parse(_paged(header))
    assert [(n.title, n.division) for n in doc.nodes] == [
        ("총무과 사업 1호 추진", "총무과"), ("총무과 사업 2호 추진", "총무과"),
        ("세무과 사업 1호 추진", "세무과"), ("세무과 사업 2호 추진", "세무과")]


def test_a_header_that_does_not_recur_or_names_no_known_division_opens_nothing():
    once = _paged(lambda d: f"2024년 주요업무 보고 {d}" if d else "")  # no wide gap: a sentence, not a header
    assert {n.division for n in parse(once).nodes} == {None}
    other = _paged(lambda d: f"2024년 주요업무 보고                       자치행정국 > {d[:2]}팀")
    assert {n.division for n in parse(other).nodes} == {None}  # `총무팀` is no division the report names
    assert units.running_header_divisions([], ["총무과"]) == {}


@pytest.mark.parametrize("mark", ["({})", "[{}]", "【{}】", "<{}>"])
def test_the_division_after_a_programs_title(mark):
    text = (f"# 1. 청사 환경 개선 {mark.format('총무과')}\n□ 소요예산 : 20백만원(구비)\n"
            f"# 2. 세원 발굴 {mark.format('세무과')}\n□ 소요예산 : 10백만원(구비)\n")
    assert [(n.title, n.division) for n in parse(text).nodes] == [("청사 환경 개선", "총무과"), ("세원 발굴", "세무과")]
    plain = text.replace(mark.format("세무과"), mark.format("세원팀"))  # a team is no division: part of the title
    assert parse(plain).nodes[1].division != "세원팀"


def test_running_headers_alone_name_the_divisions_when_they_name_two_or_more():
    """No staffing or duty table: the headers' paths (`자치행정국 > 총무과`) are the divisions'
    only mention, enough when two or more divisions are so named; one alone is not."""
    text = _paged(lambda d: f"2024년 주요업무 보고                                자치행정국 > {d}")
    bare = text[text.index("2024년 주요업무 보고"):]
    doc = parse(bare)
    assert doc.division_names == ["총무과", "세무과"]
    assert [n.division for n in doc.nodes] == ["총무과", "총무과", "세무과", "세무과"]
    one = bare.replace("자치행정국 > 세무과", "자치행정국 > 총무과")
    assert parse(one).division_names == []


@pytest.mark.parametrize("raw,expected", [
    ("가-1. 스마트팜 혁신밸리 운영", ("kor_hyphen", 101, "스마트팜 혁신밸리 운영")),
    ("나-2) 농약 안전사용 관리", ("kor_hyphen", 202, "농약 안전사용 관리")),
    ("Ⅰ-① 스마트팜 혁신밸리 운영", ("roman_hyphen", 101, "스마트팜 혁신밸리 운영")),
    ("Ⅱ-③농약 안전사용 관리", ("roman_hyphen", 203, "농약 안전사용 관리")),
    ("2-① 농약 안전사용 관리", ("digit_hyphen", 201, "농약 안전사용 관리")),
    ("1-1. 청사 에너지 절감", ("digit_hyphen", 101, "청사 에너지 절감")),
])
def test_grouped_program_numbers(raw, expected):
    from loaders.document.model import ordinal

    assert ordinal(make_line(1, raw)) == expected


@pytest.mark.parametrize("raw", ["1-1.청사 에너지 절감", "가-1 : 기간", "2024-① 제목"])
def test_not_grouped_program_numbers(raw):
    from loaders.document.model import ordinal

    assert ordinal(make_line(1, raw)) is None or ordinal(make_line(1, raw))[0] not in ("kor_hyphen", "digit_hyphen")
