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
from dataclasses import dataclass, replace

from loaders.casebook.cases import clean_case_name
from loaders.casebook.diffusion_lists import listed_adoptions, spread_table
from loaders.casebook.norm import nfc
from loaders.lexicon.words import alt, of, words

# the words of adoptions are rows of loaders/lexicon/data/casebook_words.csv; a national diffusion
# programme's row gives its pattern and, in `means`, its channel label (adoption-channels scheme)
_W = "casebook_words"
CHANNELS = tuple((r.means, re.compile(r.pattern)) for r in of(_W, "channel"))
_ADOPT_VERB = re.compile(alt(_W, "adopt_verb"))
_BENCH = words(_W, "benchmark")[0]  # 벤치마킹: a channel label and its word
_CONSULTING = words(_W, "consulting")[0]
_COMPETITION = words(_W, "competition_channel")[0]
_SPREAD_WORDS = words(_W, "spread_word")
_CASE_NAMED = re.compile(r"(?:" + alt(_W, "case_named_after") + r")인\s*[「『‘“]([^」』’”]{3,60})[」』’”]")
_CASE_JOINED = re.compile(r"(?:" + alt(_W, "joined_program") + r")\s*(?:" + alt(_W, "joined_verb") + r")\s*\(([^)]{3,60})\)")
_CASE_LISTED = re.compile(r"^(.{4,60}?)\s*[’'」』]?\s*등\s*(?:" + alt(_W, "channel_lead") + ")")
_PURPOSE = re.compile(r"^.{2,30}?(?:을|를)\s*(?:" + alt(_W, "purpose_connective") + r")\s+")
_ADOPT_TAIL = re.compile(r"\s*(?:" + alt(_W, "adopt_tail") + ")$")
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
    m = _CASE_NAMED.search(s)
    if m:
        return m.group(1)
    m = _CASE_JOINED.search(s)
    if m:
        return m.group(1)
    m = _CASE_LISTED.match(s)
    if m:
        return m.group(1)
    return None


def find_adoptions(lines: list[tuple[int, str]], joined: list[tuple[int, int, str]],
                   book_channel: str | None = None) -> list[Found]:
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
            # `… 확산 지원사업으로 대구 달서구·경북 경산시에 확산`: the programme and the agencies it
            # spread the entry's case to, on one line
            listed = [] if case else [replace(f, channel=f.channel or label) for f in listed_adoptions(no, s, Found)]
            out.extend(listed)
            active = None if case or listed else [label, None]
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
        listed = listed_adoptions(no, s, Found)
        if not listed:  # `A시, B군에서 벤치마킹하여 도입`: the list adopted, it is no source
            out.extend(_named_source(no, s))
            out.extend(_spread(no, s))
        out.extend(listed)
    out.extend(spread_table(lines, Found, next((channel_of(s) for _n, _e, s in joined if channel_of(s)), None)))
    out.extend(_key_values(lines, book_channel))
    return out


def _key_values(lines: list[tuple[int, str]], book_channel: str | None) -> list[Found]:
    """`도입기관 : A`, `원조기관 : B`, `사업명 : C`: A adopted C from B, through the programme the
    book's title names (a 확산 지원사업 book)."""
    from loaders.casebook.key_values import key_values

    kv = key_values(lines)
    if "casebook_kv_source" not in kv:
        return []
    no, source = kv["casebook_kv_source"]
    case = kv.get("casebook_kv_case")
    adopter = kv.get("casebook_kv_adopter")
    return [Found(clean_case_name(case[1]) if case else None, book_channel, no,
                  adopter=adopter[1] if adopter else None, source=source)]


def _strip_purpose(text: str) -> str:
    """`마을문제 해결을 위한 마을e척척` -> `마을e척척`; `… 시스템 도입` -> `… 시스템`."""
    text = _PURPOSE.sub("", text)
    return _ADOPT_TAIL.sub("", text)


_TABLE_ROW = re.compile(r"[⦁∙•·]\s*(.{3,60}?)\s*(☑|■|□)\s*(?:" + alt(_W, "table_competition") + r")\s*(☑|■|□)\s*(?:"
                        + alt(_W, "table_own") + ")")


def _table_row(no: int, s: str) -> list[Found]:
    m = _TABLE_ROW.search(s) if _COMPETITION in s else None
    if not m:
        return []
    channel = _COMPETITION if m.group(2) in "☑■" else None
    return [Found(clean_case_name(m.group(1)), channel, no)]


_FROM_PARTICLES = words(_W, "from_particle")  # 에서, 으로부터, 로부터
_FROM = re.compile(
    r"(?P<agency>[가-힣]{1,6}(?:시|군|구|도))(?:의|" + _FROM_PARTICLES[0] + r")?\s*[‘'“「『]"
    r"(?P<case>[^’'”」』]{2,40})[’'”」』]\s*(?:을|를)?\s*" + _BENCH
)
_FROM_PLAIN = re.compile(r"(?P<agency>[가-힣]{1,6}(?:시|군|구|도))\s*(?:" + "|".join(_FROM_PARTICLES) + r")\s*" + _BENCH)


def _named_source(no: int, s: str) -> list[Found]:
    if _BENCH not in s:  # both patterns need it
        return []
    m = _FROM.search(s)
    if m:
        return [Found(clean_case_name(m.group("case")), _BENCH, no,
                      source=m.group("agency"), date_text=s)]
    m = _FROM_PLAIN.search(s)
    if m:
        return [Found(None, _BENCH, no, source=m.group("agency"), date_text=s)]
    return []


_SPREAD = re.compile(
    r"(?P<list>[^:：]{2,120}?)\s*(?:등\s*)?(?:" + alt(_W, "spread_particle") + r")?\s*"
    r"(?:(?:" + alt(_W, "spread_qualifier") + r")?\s*(?:" + alt(_W, "gov_collective") + r")\s*)?"
    r"(?P<kw>" + "|".join(_SPREAD_WORDS) + ")"
)
_FROM_THERE = _FROM_PARTICLES[0] + " " + _BENCH  # `…에서 벤치마킹`: a source, not a spread
_LIST_END = re.compile(r"(?:시|군|구)\s*(?:" + alt(_W, "list_end_particle") + ")")


def _spread(no: int, s: str) -> list[Found]:
    if not any(w in s for w in _SPREAD_WORDS):  # _SPREAD needs one
        return []
    if _FROM.search(s) or _FROM_PLAIN.search(s) or _FROM_THERE in s:
        return []
    m = _SPREAD.search(s)
    if not m:
        return []
    segment = m.group("list")
    segment = re.split(r"(?:은|는)\s|\)\s", segment)[-1] if re.search(r"[,･·ㆍ]", segment) else segment
    if not re.search(r"[,･·ㆍ]|\s및\s", segment) and not _LIST_END.search(segment):
        return []
    channel = _BENCH if m.group("kw") == _BENCH else (_CONSULTING if _CONSULTING in s else None)
    return [Found(None, channel, no, source="", list_text=segment, date_text=s)]
