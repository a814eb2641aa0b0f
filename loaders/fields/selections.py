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
from loaders.lexicon.words import alt
from loaders.text import nfc, parse_date, parse_krw

# the cue words: rows of loaders/lexicon/data/selection_cues.csv
_C = "selection_cues"
_VERB = re.compile(alt(_C, "verb"))
_KEEP_GONGMO = re.compile(r"^(?:" + alt(_C, "competition_program") + ")")
_COMPETITION = re.compile(alt(_C, "competition"))
_ORGANIZER_LEAD = re.compile(r"^\s*(?:" + alt(_C, "organizer") + r")\s*")
_ORGANIZER_ONLY = re.compile(r"\s*(?:" + alt(_C, "organizer") + r")\s*")
# a date that starts the line (`➜ 2021. 5. 드론 …`, `- 2017. 2. : …`, `’20. 6월. …`)
_LEAD_DATE = re.compile(r"^[\s\-–∙･·•*※➜→▣▸■□○◦]*((?:(?:19|20)\d\d|[’'‘]\d\d)\s*\.\s*\d{1,2}\s*월?\s*\.?(?:\s*\d{1,2}\s*\.)?)"
                        r"\s*:?\s*")
_LEAD = re.compile(r"^[\s\-–∙･·•*※➜→▣▸■□○◦⦁]*")
_SHORT_YEAR = re.compile(r"^[’'‘]\d\d\s*년\s*")
_AFTER = re.compile(r"^\s*(?:\(([^()]*)\)|:\s*([^,()]+))")
# `선정(50백만원) 교부 : ’21. 6.`: a dated step right after the selection
_THEN_DATED = re.compile(r"^\s*(?:\([^()]*\))?\s*[가-힣]{1,4}\s*:\s*([^,()]+)")
_PARTICLE = re.compile(r"\s*(?:" + alt(_C, "name_tail") + ")$")
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
            s = _ORGANIZER_LEAD.sub("", rest).strip()
        elif not rest.strip() or _ORGANIZER_ONLY.fullmatch(rest):  # `… 확산사업 행안부`
            s = s[:m.start()].strip()
    s = _PARTICLE.sub("", s.strip())
    q = _QUOTED.match(s)
    if q and not re.search(r"[」』’”']", q.group(1)):
        s = q.group(1).strip()
    s = re.sub(r"^[「『]([^」』]+)[」』]\s*", r"\1 ", s).strip()
    s = re.sub(r"[「『」』]", "", s).strip() if s.count("「") != s.count("」") else s
    return _SPACES.sub(" ", s), awarder


_NAMED_IN_CUE = re.compile(r"「([^」]{2,60})」")


def selections_in(text: str, year: int | None = None) -> list[SelectionCandidate]:
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
        g = _COMPETITION.search(cue)
        if g and g.start() == 0 and (k := _KEEP_GONGMO.match(cue)):
            cut = m.start() + k.end()
        elif g:
            cut = m.start() + g.start()
        else:
            cut = m.start() + _VERB.search(cue).start()
        competition, awarder = _name(s[start:cut])
        named = _NAMED_IN_CUE.search(cue)
        if named:  # `행정안전부 공모사업 「<name>」 선정`: the name stands inside the cue
            competition = named.group(1).strip()
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
