"""Adoptions: who took up which case, from whom, through which channel.

Phrasings handled (all seen in the genre's diffusion sections and in prose):

1. channel and case on one line:
   `<case> 등 지방행정혁신 7대 중점 추진과제 도입`,
   `‘<case>’등 주민생활 혁신사례 확산 지원사업 참여`,
   `7대 중점 추진과제인 「<case>」 사업을 추진`,
   `혁신조달 연계 주민체감형 혁신성과 확산사업 참여(<case>)`;
2. a channel heading, then a bullet list of cases (`- A, B, C(여기로) 등`),
   or a numbered list (`1. 마을관리소`) under `중점과제 … 사례` / `… 확산 참여노력`;
3. a table of adopted cases: `⦁<case> ☑ 공모선정 □ 자체추진`;
4. spread from the entry's agency to named others:
   `강남구, 구로구 등 타지자체 벤치마킹`, `군산, 울산, 구미 등으로 확산`,
   `서울 광진･동작 6개 자치구 및 경기 안산 등 다수 지자체 벤치마킹 도입`;
5. taken from a named agency: `관악구 ‘당근마켓 구정홍보’ 벤치마킹`,
   `○○시에서 벤치마킹`;
6. an entry under the indicator `… 우수사례 도입 및 확산` adopts its own case.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.casebook.cases import clean_case_name
from loaders.casebook.diffusion_lists import listed_adoptions
from loaders.casebook.norm import nfc

CHANNELS = (
    ("지방행정혁신 7대 중점 추진과제", re.compile(r"7\s*대\s*중점\s*(?:추진\s*)?과제|^\s*중점과제")),
    ("혁신조달 연계 주민체감형 혁신성과 확산사업", re.compile(r"혁신조달\s*연계")),
    ("주민생활 혁신사례 확산 지원사업", re.compile(r"주민생활\s*혁신사례\s*(?:확산|도입)")),
)
_ADOPT_VERB = re.compile(r"도입|참여|추진|확산|신청|선정")
_BULLET = re.compile(r"^\s*-\s*")
_NUMBER = re.compile(r"^\s*\d{1,2}\.\s*(.{3,60})$")


@dataclass(frozen=True)
class Found:
    """An adoption before agencies are resolved."""
    case_name: str | None  # None: the entry's own case
    channel: str | None
    line: int
    adopter: str | None = None  # None: the entry's agency
    source: str | None = None  # None: not stated; "" the entry's agency
    date_text: str = ""
    list_text: str | None = None  # a prose list of adopting agencies


def channel_of(text: str) -> str | None:
    for label, rx in CHANNELS:
        if rx.search(text):
            return label
    return None


def _split_items(text: str) -> list[str]:
    """`A, B(여기로), ‘C’ 등` -> ['A', 'B(여기로)', 'C']: commas outside brackets."""
    items, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([「『":
            depth += 1
        elif ch in ")]」』" and depth:
            depth -= 1
        if ch in ",，" and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    items.append(cur)
    out = []
    for it in items:
        it = re.sub(r"\s*등\s*$", "", nfc(it)).strip("‘’'“” ")
        it = _strip_purpose(re.sub(r"^[-∙･·•]\s*", "", it))
        if ":" in it or "：" in it:
            continue
        if len(it) >= 3 and not re.search(r"\d+\s*(?:개|명|건|원)", it):
            out.append(it)
    return out


def _case_in_line(s: str, label: str) -> str | None:
    m = re.search(r"(?:과제|사업)인\s*[「『‘“]([^」』’”]{3,60})[」』’”]", s)
    if m:
        return m.group(1)
    m = re.search(r"(?:확산사업|지원사업)\s*참여\s*\(([^)]{3,60})\)", s)
    if m:
        return m.group(1)
    m = re.match(r"^(.{4,60}?)\s*[’'」』]?\s*등\s*(?:지방행정혁신|주민생활|혁신조달|7대)", s)
    if m:
        return m.group(1)
    return None


def find_adoptions(lines: list[tuple[int, str]], joined: list[tuple[int, int, str]]) -> list[Found]:
    """Adoptions in an entry. `lines` are raw body lines; `joined` the same with
    wrapped lines joined (a list item broken over two lines is one item)."""
    out: list[Found] = []
    active: list | None = None  # [channel, mode]: mode None until the list shows itself
    for no, _end, s in joined:
        label = channel_of(s)
        if label and _ADOPT_VERB.search(s):
            case = _case_in_line(s, label)
            if case:
                out.append(Found(clean_case_name(case), label, no, date_text=s))
            active = None if case else [label, None]
            continue
        if active is not None:
            bullet = _BULLET.match(s)
            number = _NUMBER.match(s)
            if active[1] is None and bullet:
                out.extend(Found(clean_case_name(it), active[0], no) for it in _split_items(s))
                active = None
                continue
            if active[1] in (None, "numbers") and number:
                active[1] = "numbers"
                out.append(Found(clean_case_name(_strip_purpose(number.group(1))), active[0], no))
                continue
            if active[1] is None:
                active = None
        out.extend(_table_row(no, s))
        out.extend(_named_source(no, s))
        out.extend(_spread(no, s))
        out.extend(listed_adoptions(no, s, Found))
    return out


def _strip_purpose(text: str) -> str:
    """`마을문제 해결을 위한 마을e척척` -> `마을e척척`; `… 시스템 도입` -> `… 시스템`."""
    text = re.sub(r"^.{2,30}?(?:을|를)\s*위한\s+", "", text)
    return re.sub(r"\s*도입$", "", text)


_TABLE_ROW = re.compile(r"[⦁∙•·]\s*(.{3,60}?)\s*(☑|■|□)\s*공모\s*선정\s*(☑|■|□)\s*자체\s*추진")


def _table_row(no: int, s: str) -> list[Found]:
    m = _TABLE_ROW.search(s) if "공모" in s else None
    if not m:
        return []
    channel = "공모" if m.group(2) in "☑■" else None
    return [Found(clean_case_name(m.group(1)), channel, no)]


_FROM = re.compile(
    r"(?P<agency>[가-힣]{1,6}(?:시|군|구|도))(?:의|에서)?\s*[‘'“「『]"
    r"(?P<case>[^’'”」』]{2,40})[’'”」』]\s*(?:을|를)?\s*벤치마킹"
)
_FROM_PLAIN = re.compile(r"(?P<agency>[가-힣]{1,6}(?:시|군|구|도))\s*(?:에서|으로부터|로부터)\s*벤치마킹")


def _named_source(no: int, s: str) -> list[Found]:
    if "벤치마킹" not in s:  # both patterns need it
        return []
    m = _FROM.search(s)
    if m:
        return [Found(clean_case_name(m.group("case")), "벤치마킹", no,
                      source=m.group("agency"), date_text=s)]
    m = _FROM_PLAIN.search(s)
    if m:
        return [Found(None, "벤치마킹", no, source=m.group("agency"), date_text=s)]
    return []


_SPREAD = re.compile(
    r"(?P<list>[^:：]{2,120}?)\s*(?:등\s*)?(?:으로|로|에|에게)?\s*"
    r"(?:(?:다수|타|전국)?\s*(?:지자체|자치단체|자치구|시군|시･군)\s*)?"
    r"(?P<kw>벤치마킹|확산|전파)"
)


def _spread(no: int, s: str) -> list[Found]:
    if "벤치마킹" not in s and "확산" not in s and "전파" not in s:  # _SPREAD needs one
        return []
    if _FROM.search(s) or _FROM_PLAIN.search(s) or "에서 벤치마킹" in s:
        return []
    m = _SPREAD.search(s)
    if not m:
        return []
    segment = m.group("list")
    segment = re.split(r"[은는]\s|\)\s", segment)[-1] if re.search(r"[,･·ㆍ]", segment) else segment
    if not re.search(r"[,･·ㆍ]|\s및\s", segment) and not re.search(r"(?:시|군|구)\s*(?:등|에|으로|로)", segment):
        return []
    channel = "벤치마킹" if m.group("kw") == "벤치마킹" else ("컨설팅" if "컨설팅" in s else None)
    return [Found(None, channel, no, source="", list_text=segment, date_text=s)]
