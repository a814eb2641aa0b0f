"""The PDF reader's page rules on page items as pdfplumber gives them (the
values are those of the LibreOffice fixtures: A4, 10 pt body, header at 8 pt,
footer at 9 pt): running headers and footers, a paragraph going on over a page
break, glyphs of another font on a heading's baseline."""
from __future__ import annotations

from loaders.document import pdf


def _t(top, text, size=10.0, bold=False, x0=56.7, x1=300.0):
    return ("text", top, text, size, bold, x0, x1, top + size)


H = 841.9


def _pages(n, body):
    return [([_t(57.0, "자치행정국 2024년 주요업무 보고", 8.0, x0=400.0, x1=538.6)] + body(i)
             + [_t(800.0, f"- {i} -", 9.0, x0=285.0, x1=310.0)], H) for i in range(1, n + 1)]


BODY = ["□ 사업개요", "- 대상 : 14개 동", "□ 추진계획", "- 기간 : 2024. 3. ~ 12."]


MORE = ["- 예산 : 48백만원(시비)", "○ 사우동 증축", "- 일정 : 설계 2. ~ 5.", "□ 소요예산 : 비예산"]


def test_running_header_and_page_number_are_dropped():
    pages = pdf._drop_running(_pages(4, lambda i: [_t(90.0, BODY[i - 1]), _t(110.0, MORE[i - 1])]))
    assert [[it[2] for it in items] for items in pages] == [list(x) for x in zip(BODY, MORE)]


def test_a_title_like_the_header_but_elsewhere_stays():
    """The cover's title, bigger and lower than the header that repeats it, is content."""
    read = _pages(3, lambda i: [_t(90.0, BODY[i - 1])])
    read[0][0].insert(2, _t(300.0, "자치행정국 2024년 주요업무 보고", 20.0, True))
    pages = pdf._drop_running(read)
    assert [it[2] for it in pages[0]] == ["□ 사업개요", "자치행정국 2024년 주요업무 보고"]


def test_two_pages_keep_a_first_line_they_share():
    """Two pages starting with the same label at the same height: too few to call it a header."""
    read = [([_t(80.0, "□ 사업개요"), _t(100.0, f"- 대상 : {i}개 동")], H) for i in (1, 2)]
    assert [[it[2] for it in items] for items in pdf._drop_running(read)] == [["□ 사업개요", "- 대상 : 1개 동"],
                                                                              ["□ 사업개요", "- 대상 : 2개 동"]]


def test_one_page_keeps_a_number_inside_the_text():
    read = [([_t(90.0, "□ 조직"), _t(110.0, "3"), _t(130.0, "- 정원 : 45명")], H)]
    assert [it[2] for it in pdf._drop_running(read)[0]] == ["□ 조직", "3", "- 정원 : 45명"]


def _emit(pages):
    out, carry = [], None
    for no, items in enumerate(pages, 1):
        carry = pdf._emit(items, no, {}, out, 56.7, 10.0, carry)
    return [t for t, _ in out]


def test_a_paragraph_goes_on_over_the_page_break():
    full = 538.6
    lines = _emit([[_t(90.0, "- 추진목적 : 주민자치회가 마을 의제를 스스로 발굴·", x1=full), _t(104.0, "- 짧은 줄", x1=200.0)],
                   [_t(80.0, "실행하도록 지원", x1=200.0), _t(94.0, "□ 추진계획", x1=150.0)]])
    assert lines[1:] == ["- 짧은 줄", "실행하도록 지원", "□ 추진계획"]  # the page ended short of the edge
    lines = _emit([[_t(90.0, "- 추진목적 : 주민자치회가 마을 의제를 스스로 발굴·", x1=full)],
                   [_t(80.0, "실행하도록 지원", x1=200.0), _t(94.0, "□ 추진계획", x1=150.0)]])
    assert lines == ["- 추진목적 : 주민자치회가 마을 의제를 스스로 발굴· 실행하도록 지원", "□ 추진계획"]


def test_an_item_on_the_next_page_starts_a_line():
    full = 538.6
    for first in ("3. 귀농·귀촌인 정착 지원", "가. 복지정책과", "(1) 사업개요", "○ 지원대상 : 60호"):
        lines = _emit([[_t(90.0, "○ 농협 보성군지부와 농기계 공동 정비 업무협약 체결(2023. 5. 18.)", x1=full)],
                       [_t(80.0, first, x1=300.0)]])
        assert len(lines) == 2, lines


def test_a_glyph_of_another_font_on_the_baseline_joins_its_line():
    """`Ⅱ` set from a fallback font at 10 pt before a 20 pt heading: other tops, one baseline."""
    roman = {"text": "Ⅱ", "top": 718.5, "bottom": 728.5, "x0": 64.8, "x1": 74.8,
             "chars": [{"text": "Ⅱ", "size": 10.0, "x0": 64.8, "x1": 74.8}]}
    rest = {"text": ". 복 지 국", "top": 708.5, "bottom": 728.5, "x0": 74.9, "x1": 160.0,
            "chars": [{"text": ".", "size": 20.0, "x0": 74.9, "x1": 80.0}]}
    other = {"text": "다음 줄", "top": 735.0, "bottom": 745.0, "x0": 56.7, "x1": 100.0,
             "chars": [{"text": "다", "size": 10.0, "x0": 56.7, "x1": 66.7}]}
    lines = pdf._baselines([rest, roman, other])
    assert [ln["text"] for ln in lines] == ["Ⅱ. 복 지 국", "다음 줄"]
