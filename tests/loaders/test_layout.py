"""Table layouts of converted documents (loaders.document.layout): boxes drawn with
line characters, HTML spans, one cell per line; and the lines that must stay lines."""
from __future__ import annotations

from loaders.document import layout
from loaders.document.model import Table, read_blocks


def _tables(text: str) -> list[Table]:
    return [b for b in read_blocks(text)[1] if isinstance(b, Table)]


def test_a_box_table_with_a_wrapped_cell_and_two_rows_between_rules():
    text = "\n".join([
        "(단위 : 명)",
        "┌────────┬────┬──────────────┐",
        "│ 구  분 │정원│   주요업무   │",
        "├────────┼────┼──────────────┤",
        "│ 총무과 │ 38 │ 인사, 청사   │",
        "│        │    │ 관리         │",
        "├────────┼────┼──────────────┤",
        "│ 정 원  │ 20 │              │",
        "│ 현 원  │ 19 │              │",
        "└────────┴────┴──────────────┘",
        "끝",
    ])
    (t,) = _tables(text)
    assert t.rows == [["구 분", "정원", "주요업무"], ["총무과", "38", "인사, 청사 관리"], ["정 원", "20", ""],
                      ["현 원", "19", ""]]
    assert t.row_lines == [3, 5, 8, 9] and t.caption == ["(단위 : 명)"]
    lines, blocks = read_blocks(text)
    assert [b.text for b in blocks if not isinstance(b, Table) and b.text] == ["(단위 : 명)", "끝"]
    assert len(lines) == 11  # numbering stays true


def test_html_rowspan_cells_stand_in_every_row_they_span():
    text = ("<table>\n<tr><th rowspan=\"2\">부 서</th><th colspan=\"2\">인 원</th><th rowspan=\"2\">팀 수</th></tr>\n"
            "<tr><th>정 원</th><th>현 원</th></tr>\n"
            "<tr><td rowspan=\"2\">중 국</td><td>1</td><td>2</td><td>3</td></tr>\n"
            "<tr><td>4</td><td>5</td><td>6</td></tr>\n</table>")
    (t,) = _tables(text)
    assert t.rows == [["부 서", "인 원", "", "팀 수"], ["부 서", "정 원", "현 원", "팀 수"],
                      ["중 국", "1", "2", "3"], ["중 국", "4", "5", "6"]]


def test_cells_one_per_line_under_column_labels_are_a_table():
    text = "\n".join(["(단위 : 명)", "", "구 분", "정 원", "현 원", "과부족", "계", "81", "80", "-1",
                      "관광정책과", "31", "31", "0", "", "○ 다음 항목"])
    (t,) = _tables(text)
    assert t.rows == [["구분", "정원", "현원", "과부족"], ["계", "81", "80", "-1"], ["관광정책과", "31", "31", "0"]]
    assert t.row_lines == [3, 7, 11]


def test_short_lines_that_are_not_a_flattened_table_stay_lines():
    for lines in (["구 분", "정 원", "현 원"],  # labels and nothing under them
                  ["구분", "정원", "현원", "총무과", "많음", "적음"],  # no figure in the row
                  ["정 원", "현 원"] + ["38", "37"] * 2,  # two labels are not a header
                  ["구분", "정원", "현원", "총무과", "38"]):  # cells that do not fill whole rows
        assert not _tables("\n".join(lines)), lines
    assert layout.flat_table(["구 분", "정 원", "현 원", "10", "20", "30", "총무과", "1", "2"], 0) is None


def test_a_flattened_table_right_under_its_title_line():
    text = "\n".join(["2. 직급별 현황", "구 분", "계", "5급", "6급", "정 원", "10", "2", "8", "현 원", "9", "2", "7"])
    (t,) = _tables(text)
    assert t.rows == [["구분", "계", "5급", "6급"], ["정 원", "10", "2", "8"], ["현 원", "9", "2", "7"]]


def test_a_flattened_table_with_an_empty_cell_or_a_lost_one():
    rows = ["국 가", "도시명", "구 분", "체결일", "미 국", "하와이주", "자매", "1986. 10. 20.",
            "중 국", "하이난성", "", "1995. 9. 26."]
    (t,) = _tables("\n".join(rows + ["", "○ 다음"]))
    assert t.rows[2] == ["중 국", "하이난성", "", "1995. 9. 26."]  # an empty cell is an empty line
    lost = [c for c in rows if c != "하와이주"]  # a cell the converter dropped: the rows no longer fit
    assert not _tables("\n".join(lost + ["", "○ 다음"]))


def test_a_sentence_wrapped_over_three_lines_is_one_line():
    text = "\n".join(["    ❍ 사 업 비 : 240,000천원(국비 120,000, 도비",
                      "      36,000, 군비 60,000,",
                      "      자부담 24,000)",
                      "    ❍ 다음 항목"])
    texts = [b.text for b in read_blocks(text)[1] if not isinstance(b, Table) and b.text]
    assert texts == ["사 업 비 : 240,000천원(국비 120,000, 도비 36,000, 군비 60,000, 자부담 24,000)", "다음 항목"]


def test_funding_and_total_words_are_column_labels_of_a_flattened_table():
    text = "\n".join(["(단위 : 천원)", "구 분", "계", "국 비", "도 비", "자부담", "2024년", "100", "50", "30", "20", "",
                      "부서", "팀", "정원", "현원", "총무과", "4", "38", "37"])
    first, second = _tables(text)
    assert first.rows == [["구분", "계", "국비", "도비", "자부담"], ["2024년", "100", "50", "30", "20"]]
    assert second.rows == [["부서", "팀", "정원", "현원"], ["총무과", "4", "38", "37"]]


def test_a_box_table_broken_by_a_page_is_one_table():
    head = ["┌──┬──┐", "│ 구분 │ 정원 │", "├──┼──┤"]
    text = "\n".join(head + ["│ 총무과 │ 38 │", "└──┴──┘", "", "- 2 -", ""] + head + ["│ 회계과 │ 20 │", "└──┴──┘"])
    (t,) = _tables(text)
    assert t.rows == [["구분", "정원"], ["총무과", "38"], ["회계과", "20"]]  # the header drawn again counts once
    assert len(_tables(text.replace("- 2 -", "다음 문단"))) == 2  # text between: two tables


def test_a_flattened_table_with_an_empty_header_cell_and_rows_that_leave_their_label_blank():
    cells = ["구 분", "", "계", "5급", "6급", "계", "정원", "30", "10", "20", "", "현원", "28", "9", "19",
             "총무과", "정원", "12", "4", "8", "", "현원", "11", "4", "7"]
    (t,) = _tables("\n".join(["(단위 : 명)", ""] + cells + ["", "## □ 다음"]))
    assert t.rows == [["구분", "", "계", "5급", "6급"], ["계", "정원", "30", "10", "20"], ["", "현원", "28", "9", "19"],
                      ["총무과", "정원", "12", "4", "8"], ["", "현원", "11", "4", "7"]]


def test_a_flattened_table_with_a_second_header_row_numbered_rows_and_a_total():
    cells = ["구분", "공간별", "이용인원", "", "비고", "", "", "2022년", "2023년", "",
             "1", "청소년 놀터", "320", "410", "직영", "2", "문화의 집", "95", "120", "위탁", "누 계", "", "415", "530", ""]
    (t,) = _tables("\n".join(cells + ["", "※ 다음"]))
    assert [r[0] for r in t.rows] == ["구분", "", "1", "2", "누 계"] and t.rows[3] == ["2", "문화의 집", "95", "120", "위탁"]
    # the numbers run 1, 2, …: a row that starts with another number is not a row
    assert not _tables("\n".join(cells[:15] + ["3"] + cells[16:] + ["", "※ 다음"]))


def test_flattened_tables_of_text_duties_and_of_years():
    duties = ["부 서", "담 당 업 무", "총 무 과", "<ul><li>○ 청사 시설물 관리 및 방호, 차량통신시설 관리, 시장공관 운영</li></ul>",
              "인 사 과", "<ul><li>○ 공무원 인사관리 및 총원계획 수립, 인사제도 개선, 인사위원회 운영</li></ul>"]
    (t,) = _tables("\n".join(duties + ["", "## □ 다음"]))
    assert [r[0] for r in t.rows] == ["부서", "총 무 과", "인 사 과"]
    years = ["구 분", "2025년", "2026년", "단체보험", "실손형", "실손형+정액형", "건강검진", "직원만", "직원+가족"]
    (t,) = _tables("\n".join(years + ["", "- 다음"]))
    assert t.rows == [["구분", "2025년", "2026년"], ["단체보험", "실손형", "실손형+정액형"], ["건강검진", "직원만", "직원+가족"]]


def test_space_aligned_columns_keep_a_blank_cell_in_its_column():
    text = "\n".join(["   구 분           계     5급", "   계        정원   30    10", "            현원   28    9",
                      "", "   일자              내용", "   2026. 2. 20. ~    예비후보자 등록", "   2026. 6. 3.       투·개표"])
    first, second = _tables(text)
    assert first.rows == [["구 분", "", "계", "5급"], ["계", "정원", "30", "10"], ["", "현원", "28", "9"]]
    assert second.rows == [["일자", "내용"], ["2026. 2. 20. ~", "예비후보자 등록"], ["2026. 6. 3.", "투·개표"]]


def test_wide_letter_spaced_keys_are_not_a_space_aligned_table():
    text = "\n".join(["    ○ 기    간 : 2024. 1. ~ 12.", "    ○ 대    상 : 5개 자치구 주민자치회"])
    assert not _tables(text)


def test_a_space_aligned_last_row_with_an_empty_last_cell_stays_in_its_table():
    text = "\n".join(["   시 설 명        할인율   비 고", "   의성컬링센터       50%   이용료",
                      "   빙계계곡 오토캠핑장   30%   1박 기준", "   산운생태공원 숲체험   무료", "", "다. 추진실적"])
    (t,) = _tables(text)
    assert t.rows[-1] == ["산운생태공원 숲체험", "무료", ""] and len(t.rows) == 4


def test_a_rate_in_words_is_a_figure_of_a_flattened_table():
    cells = ["시 설 명", "할인율", "비 고", "의성컬링센터", "50%", "이용료", "빙계계곡 오토캠핑장", "30%", "1박 기준",
             "산운생태공원 숲체험", "무료", "", "", "다. 추진실적"]
    (t,) = _tables("\n".join(cells))
    assert t.rows == [["시설명", "할인율", "비고"], ["의성컬링센터", "50%", "이용료"], ["빙계계곡 오토캠핑장", "30%", "1박 기준"],
                      ["산운생태공원 숲체험", "무료", ""]]


def test_a_flattened_table_whose_row_label_carries_a_note():
    cells = ["도시명(국가)", "구분", "체결일", "샌안토니오시(미국)", "자매", "1982. 11. 1.", "광저우시(중국)", "자매",
             "1996. 10. 25.", "", "끝"]
    (t,) = _tables("\n".join(cells))
    assert t.rows == [["도시명(국가)", "구분", "체결일"], ["샌안토니오시(미국)", "자매", "1982. 11. 1."],
                      ["광저우시(중국)", "자매", "1996. 10. 25."]]


def test_a_space_aligned_second_header_row_of_fewer_cells_stays_in_its_table():
    text = "\n".join(["   재 원        계     연 도 별", "                    2024    2025", "   계          600   400     200",
                      "   구 비        300   200     100", "", "끝"])
    (t,) = _tables(text)
    assert t.rows == [["재 원", "계", "연 도 별", ""], ["", "", "2024", "2025"], ["계", "600", "400", "200"],
                      ["구 비", "300", "200", "100"]]


def test_flattened_duty_list_and_funding_matrix():
    duties = ["부 서", "소 관 업 무", "총무과 (5팀)", "청사관리, 인사·조직, 복무", "자치행정과 (4팀)", "동 행정 지원, 주민등록",
              "", "## 다음"]
    (t,) = _tables("\n".join(duties))
    assert t.rows == [["부서", "소관업무"], ["총무과 (5팀)", "청사관리, 인사·조직, 복무"], ["자치행정과 (4팀)", "동 행정 지원, 주민등록"]]
    matrix = ["재 원", "계", "연 도 별", "", "", "", "2024", "2025", "계", "600", "400", "200", "구 비", "300", "200", "100",
              "", "끝"]
    (t,) = _tables("\n".join(matrix))
    assert t.rows == [["재원", "계", "연도별", ""], ["", "", "2024", "2025"], ["계", "600", "400", "200"],
                      ["구 비", "300", "200", "100"]]


def test_a_flattened_grade_table_of_one_row_of_paired_figures():
    cells = ["직 급", "4급", "5급", "6급", "계", "정원(현원)", "-", "1 (1)", "6 (6)", "7 (7)", "", "## 주요업무"]
    (t,) = _tables("\n".join(cells))
    assert t.rows == [["직급", "4급", "5급", "6급", "계"], ["정원(현원)", "-", "1 (1)", "6 (6)", "7 (7)"]]


def test_a_numbered_heading_right_above_a_space_aligned_table_is_no_row_of_it():
    text = "\n".join([" 2. 인    력                    (단위 : 명)", "   구  분        계      총무과    세무과",
                      "   정  원       142        38        40", "   현  원       139        37        39", "끝"])
    (t,) = _tables(text)
    assert t.rows == [["구분", "계", "총무과", "세무과"], ["정원", "142", "38", "40"], ["현원", "139", "37", "39"]]
    assert t.caption == ["2. 인 력 (단위 : 명)"]
