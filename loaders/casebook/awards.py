"""Awards an entry reports, in prose, in lists under `수상이력`, and in tables.

Prose: `제6회 대한민국 지방자치 정책대상 ‘대상’ 수상(’21.11.26.)`,
`2021. 하반기 서울시 적극행정 우수사례 최우수상 수상`,
`2020년 ‘다함께 돌봄사업’ 보건복지부 장관 표창` (named with its awarder and grade), `… 우수기관 선정(…)`,
`지방정부 우수정책 1위 선정(’21. 11. 9.)`.
Lists: a `수상이력` / `외부기관 수상` heading, then `- (2021) <award> ‘최우수상’`.
Tables: rows `수상 <award> ’21.6월 ▸주관기관 : <awarder>` with the grade on
the following cells, and `No 수상명칭 수상구분 수여기관 수상일자` tables.
Internal prizes (우수부서, 우수공무원, 포상금, 인센티브) and funding
competitions (공모 선정) are not awards of the agency.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.casebook.norm import nfc
from loaders.lexicon.award_selection import words
from loaders.lexicon.words import alt
from loaders.lexicon.words import words as table_words
from loaders.text import parse_date
from loaders.casebook.award_lines import contest_line

# the words of awards are rows of loaders/lexicon/data/casebook_awards.csv (in the order tried)
_A = "casebook_awards"
_GRADE = alt("award_grades", "grade")  # in table order (shared with the work reports)
_QUOTED = re.compile(rf"[‘'“「]\s*(?P<grade>{_GRADE})\s*[’'”」]")
_PLAIN = re.compile(rf"(?<![가-힣])(?P<grade>{_GRADE})(?:\s*(?P<verb>" + alt(_A, "award_verb") + "))")
_DATED = re.compile(rf"(?<![가-힣])(?P<grade>{_GRADE})\s*\(\s*(?:[’'‘]\d\d|(?:19|20)\d\d)")
_BARE = re.compile(rf"(?<![가-힣])(?P<grade>{_GRADE})\s*(?:\(|$)")
# `‘2020. 정부혁신 100대 우수사례’ 선정`, `… 정책마켓 우수정책 선정`, `… 유공 표창`, `… 종합평가 1위`
_SELECTED = re.compile(r"(?:" + alt(_A, "selected_title") + r")[’'”」]?\s*(?P<grade>" + alt(_A, "selected_verb") + ")")
_MERIT = re.compile(r"(?:" + alt(_A, "merit") + r")\s*(?P<grade>" + alt(_A, "merit_grade") + ")")
_RANK_END = re.compile(r"(?<![가-힣\d])(?P<grade>1위)\s*$")
_MINISTER = re.compile(r"(?P<awarder>[가-힣]{2,12}(?:부|처|청|원))\s*(?:" + alt(_A, "minister") + r")\s*(?:"
                       + alt(_A, "minister_award") + ")")
_MINISTER_GRADE = table_words(_A, "minister_grade")[0]  # 장관상
_MINISTER_WORD = table_words(_A, "minister")[0]  # 장관
_MERIT_GRADE = table_words(_A, "merit_grade")[0]  # 표창
_CHIEF = re.compile(r"(?P<awarder>[가-힣]{2,12}(?:부|처|청))\s*(?P<grade>" + alt(_A, "chief_grade") + ")")
_EXCLUDE = re.compile(alt(_A, "exclude"))
_LIST_HEAD = re.compile(alt(_A, "list_head"))
_TABLE_HEAD = re.compile(alt(_A, "table_head"))
_VERB = re.compile(alt(_A, "award_verb"))
_MARK_WORD = alt(_A, "mark")  # 수상
_MARK = re.compile(r"^(?:" + _MARK_WORD + r")(?:\s|$)")
# `【수상】 <award> <grade>`: a line labelled as an award (the label in brackets), read as a list item
_MARK_LABEL = re.compile(r"^[\s\-∙･·•*]*[【\[［〔]\s*(?:" + _MARK_WORD + r")\s*[】\]］〕]\s*")
_NAME_DATE = re.compile(r"\(\s*[’'‘]?\d{2,4}[^)]*\)")
_SPACES = re.compile(r"\s+")
# every pattern award_in_line tries needs one of these (each alternative of _GRADE
# holds 우수, 장려, 상 or 1위; _MINISTER 장관, _SELECTED 선정, _MERIT 표창)
_CUES = re.compile(alt(_A, "cue"))
_ROW_GRADE = alt(_A, "row_grade")
_ORGANIZER = alt(_A, "organizer_key")  # 주관기관
# a grade, or a lettered rating at its top (`S (최고)`) or awarded (`SA수상`)
_RATED = re.compile(rf"({_GRADE}|[A-Z]{{1,3}}\s*(?:" + alt("casebook_words", "rating_top") + r")|[A-Z]{2,4}(?:"
                    + alt("casebook_words", "rating_award") + "))")
_LIST_ITEM = re.compile(r"^\s*[-∙･·•*]")
_ROW_DATE = re.compile(r"((?:19|20)\d\d\.\s*\d{1,2}\.\s*\d{1,2}\.?)\s*$")


@dataclass(frozen=True)
class FoundAward:
    award: str
    grade: str | None
    awarder: str | None
    date: str | None
    line: int
    line_end: int


def _clean_name(text: str) -> str:
    s = nfc(text)
    s = re.sub(r"^(?:[-∙･·•*※☞➜▸✔○ㅇ]|\d+\s+(?=\D))\s*", "", s)
    s = re.sub(r"^\((?:19|20)\d\d\)\s*", "", s)
    s = re.sub(r"^\((?:[^)]{1,12})\)\s*", "", s)
    s = re.sub(r"^[’'‘]\d\d년\s*", "", s)
    s = re.sub(r"\s*[,:]\s*$", "", s)
    # `「외국인 긴급지원」 2021 경기도형 정책마켓 우수정책`: the quoted practice is what won,
    # the award's name starts at its year
    s = re.sub(r"^[「‘“][^」’”]{2,40}[」’”]\s+(?=(?:19|20)\d\d)", "", s.strip())
    return nfc(_strip_unpaired(s))


_PAIRS = {"‘": "’", "“": "”", "「": "」", "『": "』"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _strip_unpaired(s: str) -> str:
    """Quote marks at either end that have no partner: a name quoted in part keeps its
    quotes (`매니페스토 우수사례 경진대회 ‘기후환경분야’`, `「외국인 긴급지원」 2021 …`).

    >>> _strip_unpaired("‘정보공개 종합평가"), _strip_unpaired("우수사례 경진대회 ‘기후환경분야’")
    ('정보공개 종합평가', '우수사례 경진대회 ‘기후환경분야’')
    >>> _strip_unpaired("’2021년 주민자치형 공공서비스 구축사업’ 찾아가는 보건복지분야 경진대회")
    '‘2021년 주민자치형 공공서비스 구축사업’ 찾아가는 보건복지분야 경진대회'
    >>> _strip_unpaired("'대상'"), _strip_unpaired("「공동체강화 분야」")
    ('대상', '공동체강화 분야')
    """
    if s[:1] == "’" and "’" in s[1:]:  # `’…’`: an opening quote typed as a closing one
        s = "‘" + s[1:]
    for _ in range(4):
        before = s
        if s[:1] in _PAIRS and _PAIRS[s[0]] not in s[1:]:
            s = s[1:].strip()
        elif s[:1] in _CLOSERS or s[:1] == "'" and s.count("'") == 1:
            s = s[1:].strip()
        if s[-1:] in _CLOSERS and _CLOSERS[s[-1]] not in s[:-1]:
            s = s[:-1].strip()
        elif s[-1:] in _PAIRS or s[-1:] == "'" and s.count("'") == 1:
            s = s[:-1].strip()
        # a name wholly in quotes: the quotes go
        if len(s) > 2 and ((_PAIRS.get(s[0]) == s[-1] and s.count(s[0]) == 1 and s.count(s[-1]) == 1)
                           or (s[0] == s[-1] == "'" and s.count("'") == 2)):
            s = s[1:-1].strip()
        if s == before:
            break
    return s


def _date(text: str, year: int | None) -> str | None:
    paren = re.findall(r"\(([^()]*\d[^()]*)\)", text)
    for p in reversed(paren):
        d = parse_date(p, year)
        if d:
            return d
    return parse_date(text, year)


def award_in_line(s: str, no: int, year: int | None, in_list: bool = False) -> FoundAward | None:
    if not _CUES.search(s) or _EXCLUDE.search(s):
        return None
    if words().selection.search(s):
        return None  # a grant selection (the reviewed vocabulary, loaders/lexicon): not an award
    verb = _VERB.search(s)
    m = _QUOTED.search(s)
    if m and (verb or in_list):
        grade, start = m.group("grade"), m.start()
    elif (m := _PLAIN.search(s)) or (m := _DATED.search(s)) or ((in_list or contest_line(s)) and (m := _BARE.search(s))):
        grade, start = m.group("grade"), m.start()
    elif (verb or in_list or contest_line(s)) and (m := _MINISTER.search(s)):
        grade, start = _MINISTER_GRADE, m.start()
    elif (m := _SELECTED.search(s)) or (m := _MERIT.search(s)) or (m := _RANK_END.search(s)):
        grade = m.group("grade")
        start = m.start("grade") if m.re is not _SELECTED else m.end() - 2
    else:
        return None
    awarder = None
    mm = _MINISTER.search(s) or _CHIEF.search(s)
    if mm:
        awarder = mm.group("awarder")
        start = min(start, mm.start())
    if mm and mm.group(0).endswith(_MERIT_GRADE):
        # `2020년 ‘다함께 돌봄사업’ 보건복지부 장관 표창`: a commendation has no name of its own,
        # the field, the awarder and the grade together name it
        name = _clean_name(_NAME_DATE.sub("", s[:mm.end()]))
    else:
        name = _clean_name(_NAME_DATE.sub("", s[:start]))
    if "," in name and len(name.rsplit(",", 1)[1].strip()) >= 4:
        name = _clean_name(name.rsplit(",", 1)[1])
    if len(name) < 3:
        # `행정안전부장관상 수상(2020 지방자치단체 혁신평가 우수사례, ’20.11.)`: named in the bracket after
        after = re.search(r"\(([^()]{3,60})\)", s[start:])
        name = _clean_name("- " + re.sub(r"\s*[,;]?\s*[’'‘]?\d{2}\.\s*\d{1,2}\.?[^,]*$", "", after.group(1))) if after else ""
        if len(name) < 3 or not re.search(r"[가-힣]{2}", name):
            return None
    return FoundAward(name, _SPACES.sub("", grade), awarder, _date(s, year), no, no)


def find_awards(lines: list[tuple[int, str]], year: int | None) -> list[FoundAward]:
    out: list[FoundAward] = []
    in_list = table = False
    row: list[tuple[int, str]] = []
    for idx, (no, raw) in enumerate(lines):
        s = nfc(raw)
        if _LIST_HEAD.search(s) and len(s) < 30:
            in_list = True
            continue
        if _TABLE_HEAD.search(s):
            table, row = True, []
            continue
        if table:
            row.append((no, s))
            if _ROW_DATE.search(s):
                award = _table_row(row, year)
                if award:
                    out.append(award)
                row = []
            if len(row) > 6:
                table = False
            continue
        if _MARK.match(s):
            award = _mark_row(lines, idx, year)
            if award:
                out.append(award)
            continue
        if in_list and not _LIST_ITEM.match(s):
            in_list = False
        label = _MARK_LABEL.match(s)
        award = award_in_line("- " + s[label.end():], no, year, in_list=True) if label else award_in_line(s, no, year, in_list=in_list)
        if award:
            out.append(award)
    return out


def _table_row(row: list[tuple[int, str]], year: int | None) -> FoundAward | None:
    text = nfc(" ".join(s for _, s in row))
    rows = list(re.finditer(r"(?:^|\s)\d{1,2}\s+(?=(?:19|20)\d\d\s)", text))
    if rows:
        text = text[rows[-1].end():]
    text = re.sub(r"^\d{1,2}\s+", "", text)
    m = re.match(r"^(?P<name>.+?)\s+(?P<grade>[가-힣0-9]{0,4}(?:" + _ROW_GRADE + r"))\s+(?P<awarder>\S+)\s+"
                 r"(?P<date>(?:19|20)\d\d\.\s*\d{1,2}\.\s*\d{1,2}\.?)", text)
    if not m:
        return None
    grade = m.group("grade")
    grade = _MINISTER_GRADE if grade == _MINISTER_WORD else grade
    return FoundAward(_clean_name(m.group("name")), grade, m.group("awarder"),
                      parse_date(m.group("date")), row[0][0], row[-1][0])


def _mark_row(lines, idx, year) -> FoundAward | None:
    """`수상 <award> ’21.7월 ▸주관기관 : <awarder> [grade]`, grade cells on the next lines."""
    no = lines[idx][0]
    parts = [nfc(lines[idx][1])]
    k = idx
    while _ORGANIZER not in " ".join(parts) and k + 1 < len(lines) and k < idx + 4:
        k += 1
        parts.append(nfc(lines[k][1]))
    text = re.sub(r"^(?:" + _MARK_WORD + r")\s*", "", " ".join(parts))
    m = re.match(r"^(?P<name>.+?)\s*(?P<date>[’'‘]\d\d\.\s*\d{1,2}\s*월?\.?|(?:19|20)\d\d\.\s*\d{1,2}\.?)"
                 r"\s*▸?\s*" + _ORGANIZER + r"\s*:\s*(?P<awarder>\S+)\s*(?P<rest>.*)$", text)
    if not m:
        return None
    grade = None
    tail = [m.group("rest")] + [nfc(lines[j][1]) for j in range(k + 1, min(k + 5, len(lines)))]
    for t in tail:
        if _MARK.match(t):
            break
        g = _RATED.search(t)
        if g:
            grade = re.sub(r"\s+", "", g.group(1))
            break
    return FoundAward(_clean_name(m.group("name")), grade, m.group("awarder").lstrip("▸"),
                      parse_date(m.group("date"), year), no, lines[k][0])
