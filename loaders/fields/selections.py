"""Selections in competitions for funding or designation (`… 공모사업 선정`,
`… 시범지역 선정`): not awards, but the facts that show which national programmes
funded whom. Shared by both genres: a line of text in, selections out.

The words come from the lexicon (`selection_cue`, `award_word`): a line is a
selection when a competition cue stands before `선정` and no award word does.
Examples from the documents are in tests/loaders/test_selections.py.

>>> [s.competition for s in find("○ 교육부 공모사업 「평생학습도시 특성화 지원사업」 선정")]
['평생학습도시 특성화 지원사업']
>>> find("○ 정보공개 종합평가 우수기관 선정")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon import labels
from loaders.text import nfc, parse_date, parse_krw

_CUE = re.compile(labels.or_regex("selection_cue"))
_AWARD = re.compile(labels.or_regex("award_word"))
_SELECTED = re.compile(r"(?:에\s*|으?로\s*)?(?:최종\s*)?선정(?!기준|위원|절차|방법|심사|계획)")
_QUOTED = re.compile(r"[「『‘'\"“]([^」』’'\"”]{3,60})[」』’'\"”]")
_BODY = re.compile(r"(?<![가-힣])([가-힣]{1,12}(?:부|처|청|위원회|공사|공단|재단|진흥원|연구원|협회)|행안부|복지부|농식품부|"
                   r"문체부|과기부|과기정통부|산업부|환경부|국토부|해수부|중기부|여가부|교육부)(?![가-힣])")
# `… 통해 19개 지역 선정`, `대상지 78건 선정`: the agency selecting others, not being selected
_COUNTED = re.compile(r"\d+\s*(?:건|개소|개|명|곳|가구|팀|개\s*[가-힣]{1,6})\s*(?:을|를|이|가)?\s*$")
_LEAD = re.compile(r"^[^가-힣A-Za-z0-9「『‘'\"“]+|^(?:(?:19|20)\d\d\s*년\s*)|^\s*[➜▣□■○●◦·\-]+\s*")
_TRAIL = re.compile(r"\s*(?:공모|에|주관|최종)\s*$")
_MONEY = re.compile(r"\d[\d,.]*\s*(?:조|억|천만|백만|천|만)?\s*원")
# what stands right after 선정: `(’21.4. 국비 117백만원)` or `: ’21.07.20.`
_RIGHT_AFTER = re.compile(r"^\s*(?:되어|됨|하여)?\s*(?:\(([^()]*)\)|[:：]\s*([^,(]*))")
_LEAD_DATE = re.compile(r"^(?:(?:19|20)\d\d\s*\.\s*(?:\d{1,2}\s*\.?)?\s*[:：]?\s*)")


@dataclass(frozen=True)
class Found:
    competition: str
    awarder: str | None
    date: str | None
    amount_krw: int | None


def find(text: str, ref_year: int | None = None) -> list[Found]:
    text = nfc(text)
    if "선정" not in text or "☑" in text or "□ 자체" in text:
        return []
    m = _SELECTED.search(text)
    while m:
        before = _clause(text[:m.start()])
        if before is not None and _CUE.search(before) and not _AWARD.search(before) \
                and not _COUNTED.search(before):
            return [_found(before, text[m.end():], ref_year)]
        m = _SELECTED.search(text, m.end())
    return []


def _clause(before: str) -> str | None:
    """The clause that ends at `선정`: after the last comma outside parentheses; None when
    `선정` stands inside a parenthesis (`마을공동체 120개소(시·군 공모 선정)`: others' selection)."""
    depth, start = 0, 0
    for i, ch in enumerate(before):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch in ",，;" and depth == 0:
            start = i + 1
    return None if depth > 0 else before[start:]


def _found(before: str, after: str, ref_year: int | None) -> Found:
    quoted = _QUOTED.findall(before)
    body = None
    bodies = _BODY.findall(before)
    if bodies:
        body = bodies[0]
    if quoted:
        name = quoted[-1]
    else:
        name = before
        for _ in range(3):
            name = _LEAD.sub("", name).strip()
        if body and name.startswith(body):
            name = name[len(body):].strip()
        name = re.sub(r"^주관\s*", "", name)
        name = _TRAIL.sub("", _TRAIL.sub("", name)).strip()
        if body and name.endswith(body):
            name = _TRAIL.sub("", name[: -len(body)].strip()).strip()
    name = re.sub(r"^(?:(?:19|20)\d\d\s*년\s*)", "", name).strip(" ,·")
    name = _LEAD_DATE.sub("", name).strip()
    name = re.sub(r"^(?:(?:19|20)\d\d\s*년\s*)", "", name).strip()
    if body and name.startswith(body + " "):
        name = name[len(body):].strip()
    right = _RIGHT_AFTER.match(after)
    detail = right.group(1) or right.group(2) if right else ""
    money = _MONEY.search(detail or "")
    amount = parse_krw(money.group(0)) if money else None
    date = parse_date(detail, ref_year) if detail else None
    if date is None:
        lead = _LEAD_DATE.match(_LEAD.sub("", before).strip())
        date = parse_date(lead.group(0), ref_year) if lead else None
    return Found(nfc(name), body, date, amount)
