"""Grant selections in a line of text, for loaders of any genre.

A selection is an agency chosen in a competition for funding or designation
(`드론 실증도시 공모사업 최종 선정`, `보건복지부 「마음안심버스 지원사업」 공모 선정(’21.4. 국비 117백만원)`,
`2017년 읍면동 복지허브화 선도지역 선정`). It is not an award: which phrasing is which is
the reviewed table loaders/lexicon/data/award_selection_words.csv, not this module.

    selections_in(text, year=None) -> list[SelectionCandidate]

`text` is one line (or one sentence) as the document writes it; `year` is the
document's year, used for dates written without one. Each candidate holds the
competition as written, the body that ran it (abbreviations such as `행안부`
expanded by the table's `body` rows), the date and amount when the text states them,
and the span of the phrase in `text`. The caller supplies the selected agency
(the entry's or the report's) and the provenance line.

>>> [(c.competition, c.awarder, c.date, c.amount_krw) for c in selections_in(
...     "보건복지부 「마음안심버스 지원사업」 공모 선정(’21.4. 국비 117백만원)")]
[('마음안심버스 지원사업', '보건복지부', '2021-04', 117000000)]
>>> [(c.competition, c.awarder) for c in selections_in(
...     "긴급자동차 자동 진･출입 시스템 확산사업 행안부 공모에 선정되어 1,164 아파트 단지 등에")]
[('긴급자동차 자동 진･출입 시스템 확산사업', '행정안전부')]
>>> selections_in("2021년 공공데이터 제공운영 실태평가 우수기관 선정(재정인센티브 40백만원)")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.lexicon.award_selection import words
from loaders.text import nfc, parse_date, parse_krw

_VERB = re.compile(r"선정|지정")
_KEEP_GONGMO = re.compile(r"^공모\s*사업")
# a date that starts the line (`➜ 2021. 5. 드론 …`, `- 2017. 2. : …`, `’20. 6월. …`)
_LEAD_DATE = re.compile(r"^[\s\-–∙･·•*※➜→▣▸■□○◦]*((?:(?:19|20)\d\d|[’'‘]\d\d)\s*\.\s*\d{1,2}\s*월?\s*\.?(?:\s*\d{1,2}\s*\.)?)"
                        r"\s*:?\s*")
_LEAD = re.compile(r"^[\s\-–∙･·•*※➜→▣▸■□○◦⦁]*")
_SHORT_YEAR = re.compile(r"^[’'‘]\d\d\s*년\s*")
_AFTER = re.compile(r"^\s*(?:\(([^()]*)\)|:\s*([^,()]+))")
# `선정(50백만원) 교부 : ’21. 6.`: a dated step right after the selection
_THEN_DATED = re.compile(r"^\s*(?:\([^()]*\))?\s*[가-힣]{1,4}\s*:\s*([^,()]+)")
_PARTICLE = re.compile(r"\s*(?:으로|로|에|의)$")
_QUOTED = re.compile(r"^[「『‘“'](.+)[」』’”']$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SelectionCandidate:
    competition: str  # the competition, programme or designation as written
    awarder: str | None  # body that ran it, full name
    date: str | None  # ISO at the precision written
    amount_krw: int | None  # when stated next to the selection
    start: int  # span of the phrase in the text given
    end: int


def classify(text: str) -> str | None:
    """`selection`, `award`, `not` or None for a phrase, by the reviewed table.

    >>> classify("드론 실증도시 공모사업 최종 선정"), classify("보건복지부 장관 표창")
    ('selection', 'award')
    >>> classify("적격심의위원회에서 대상자 선정"), classify("협약 체결") is None
    ('not', True)
    """
    w = words()
    if w.excluded.search(text):
        return "not"
    if w.award.search(text):
        return "award"
    if w.selection.search(text):
        return "selection"
    return None


def _clause_start(s: str, end: int) -> int:
    """Start of the comma-separated clause that ends at `end` (commas inside
    brackets or quotes do not count)."""
    depth = 0
    for i in range(end - 1, -1, -1):
        ch = s[i]
        if ch in ")]」』’”":
            depth += 1
        elif ch in "([「『‘“":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            return i + 1
    return 0


def _body(text: str) -> tuple[str | None, re.Match | None]:
    best = None
    for pat, means in words().bodies:
        m = pat.search(text)
        if m and (best is None or m.start() < best[1].start()):
            best = (means, m)
    return best if best else (None, None)


def _name(raw: str) -> tuple[str, str | None]:
    """Competition name and awarder from the words before the verb."""
    s = _LEAD_DATE.sub("", raw)
    s = _LEAD.sub("", s)
    s = _SHORT_YEAR.sub("", s).strip()
    awarder, m = _body(s)
    if m is not None:
        rest = s[m.end():]
        if m.start() == 0:  # `보건복지부 「…」`, `행안부 주관 …`
            s = re.sub(r"^\s*주관\s*", "", rest).strip()
        elif not rest.strip() or re.fullmatch(r"\s*주관\s*", rest):  # `… 확산사업 행안부`
            s = s[:m.start()].strip()
    s = _PARTICLE.sub("", s.strip())
    q = _QUOTED.match(s)
    if q and not re.search(r"[」』’”']", q.group(1)):
        s = q.group(1).strip()
    s = re.sub(r"^[「『]([^」』]+)[」』]\s*", r"\1 ", s).strip()
    s = re.sub(r"[「『」』]", "", s).strip() if s.count("「") != s.count("」") else s
    return _SPACES.sub(" ", s), awarder


def _selections_in(text: str, year: int | None = None) -> list[SelectionCandidate]:
    s = nfc(text)
    w = words()
    out: list[SelectionCandidate] = []
    for m in w.selection.finditer(s):
        start = _clause_start(s, m.start())
        clause = s[start:m.end()]
        if w.excluded.search(clause) or w.award.search(clause):
            continue
        # the name ends where the cue's verb (or `공모`) begins; `공모사업` stays in the name
        cue = m.group(0)
        g = re.search(r"공모", cue)
        if g and g.start() == 0 and (k := _KEEP_GONGMO.match(cue)):
            cut = m.start() + k.end()
        elif g:
            cut = m.start() + g.start()
        else:
            cut = m.start() + _VERB.search(cue).start()
        competition, awarder = _name(s[start:cut])
        competition = re.sub(r"[\s」』’”]+$", "", competition) if competition.count("「") < competition.count("」") \
            else competition
        if len(re.sub(r"\W", "", competition)) < 3:
            continue
        if awarder is None:
            awarder, _ = _body(s[cut:m.end()])
        date = amount = None
        after = _AFTER.match(s[m.end():])
        if after:
            tail = after.group(1) or after.group(2) or ""
            if not re.search(r"[~∼〜～]", tail):
                date = parse_date(tail, year)
            amount = parse_krw(tail) if "원" in tail else None
        if date is None and (then := _THEN_DATED.match(s[m.end():])):
            date = parse_date(then.group(1), year)
        if date is None:
            lead = _LEAD_DATE.match(s[start:cut]) or (_LEAD_DATE.match(s) if start else None)
            if lead:
                date = parse_date(lead.group(1), year)
            elif sy := _SHORT_YEAR.match(_LEAD.sub("", s[start:cut])):
                date = parse_date(sy.group(0), year)
        out.append(SelectionCandidate(competition, awarder, date, amount, start, m.end()))
    return out


def selections_in(text: str, year: int | None = None) -> list[SelectionCandidate]:
    """Selections the line tells: read by the cue table (the casebook's phrasings); a
    competition named in 「…」 keeps only that name, and the work reports' `<body>
    공모사업 「<name>」 선정(date)` is read when the table's reading finds nothing."""
    found = _selections_in(text, year)
    out = []
    for c in found:
        q = _q_QUOTED.search(c.competition)
        if q and (c.competition.startswith(("공모", "「")) or c.competition.endswith("」")):
            c = SelectionCandidate(q.group(1), c.awarder, c.date, c.amount_krw, c.start, c.end)
        out.append(c)
    if out:
        return out
    return [SelectionCandidate(f.competition, _full_body(f.awarder), f.date, f.amount_krw, 0, len(text))
            for f in _find_quoted(text, year)]


def _full_body(body: str | None) -> str | None:
    """`행안부` -> 행정안전부, as the cue table's `body` rows name it."""
    if body is None:
        return None
    return next((name for rx, name in words().bodies if rx.fullmatch(body)), body)


# -- the simpler reading, for lines the cue table does not match ------------------------------

from loaders.lexicon import labels  # noqa: E402

_q_CUE = re.compile(labels.or_regex("selection_cue"))
_q_AWARD = re.compile(labels.or_regex("award_word"))
_q_SELECTED = re.compile(r"(?:에\s*|으?로\s*)?(?:최종\s*)?선정(?!기준|위원|절차|방법|심사|계획)")
_q_QUOTED = re.compile(r"[「『‘'\"“]([^」』’'\"”]{3,60})[」』’'\"”]")
_q_BODY = re.compile(r"(?<![가-힣])([가-힣]{1,12}(?:부|처|청|위원회|공사|공단|재단|진흥원|연구원|협회)|행안부|복지부|농식품부|"
                   r"문체부|과기부|과기정통부|산업부|환경부|국토부|해수부|중기부|여가부|교육부)(?![가-힣])")
# `… 통해 19개 지역 선정`, `대상지 78건 선정`: the agency selecting others, not being selected
_q_COUNTED = re.compile(r"\d+\s*(?:건|개소|개|명|곳|가구|팀|개\s*[가-힣]{1,6})\s*(?:을|를|이|가)?\s*$")
_q_LEAD = re.compile(r"^[^가-힣A-Za-z0-9「『‘'\"“]+|^(?:(?:19|20)\d\d\s*년\s*)|^\s*[➜▣□■○●◦·\-]+\s*")
_q_TRAIL = re.compile(r"\s*(?:공모|에|주관|최종)\s*$")
_q_MONEY = re.compile(r"\d[\d,.]*\s*(?:조|억|천만|백만|천|만)?\s*원")
# what stands right after 선정: `(’21.4. 국비 117백만원)` or `: ’21.07.20.`
_q_RIGHT_AFTER = re.compile(r"^\s*(?:되어|됨|하여)?\s*(?:\(([^()]*)\)|[:：]\s*([^,(]*))")
_q_LEAD_DATE = re.compile(r"^(?:(?:19|20)\d\d\s*\.\s*(?:\d{1,2}\s*\.?)?\s*[:：]?\s*)")


@dataclass(frozen=True)
class _QFound:
    competition: str
    awarder: str | None
    date: str | None
    amount_krw: int | None


def _find_quoted(text: str, ref_year: int | None = None) -> list[_QFound]:
    text = nfc(text)
    if "선정" not in text or "☑" in text or "□ 자체" in text:
        return []
    m = _q_SELECTED.search(text)
    while m:
        before = _q_clause(text[:m.start()])
        if before is not None and _q_CUE.search(before) and not _q_AWARD.search(before) \
                and not _q_COUNTED.search(before):
            return [_q_found(before, text[m.end():], ref_year)]
        m = _q_SELECTED.search(text, m.end())
    return []


def _q_clause(before: str) -> str | None:
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


def _q_found(before: str, after: str, ref_year: int | None) -> _QFound:
    quoted = _q_QUOTED.findall(before)
    body = None
    bodies = _q_BODY.findall(before)
    if bodies:
        body = bodies[0]
    if quoted:
        name = quoted[-1]
    else:
        name = before
        for _ in range(3):
            name = _q_LEAD.sub("", name).strip()
        if body and name.startswith(body):
            name = name[len(body):].strip()
        name = re.sub(r"^주관\s*", "", name)
        name = _q_TRAIL.sub("", _q_TRAIL.sub("", name)).strip()
        if body and name.endswith(body):
            name = _q_TRAIL.sub("", name[: -len(body)].strip()).strip()
    name = re.sub(r"^(?:(?:19|20)\d\d\s*년\s*)", "", name).strip(" ,·")
    name = _q_LEAD_DATE.sub("", name).strip()
    name = re.sub(r"^(?:(?:19|20)\d\d\s*년\s*)", "", name).strip()
    if body and name.startswith(body + " "):
        name = name[len(body):].strip()
    right = _q_RIGHT_AFTER.match(after)
    detail = right.group(1) or right.group(2) if right else ""
    money = _q_MONEY.search(detail or "")
    amount = parse_krw(money.group(0)) if money else None
    date = parse_date(detail, ref_year) if detail else None
    if date is None:
        lead = _q_LEAD_DATE.match(_q_LEAD.sub("", before).strip())
        date = parse_date(lead.group(0), ref_year) if lead else None
    return _QFound(nfc(name), body, date, amount)
