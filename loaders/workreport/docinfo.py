"""What a report says about itself: issuer, bureau, year, title, session, dates.

The issuer is the government the report is *about itself*; evidence in order
of strength: the council session (`제347회 종로구의회 임시회`), ordinances named
`「○○구 … 조례」`, `○○구청장`/`○○구의회`, then how often a government names
itself (`서울시`, `市`, `SE♥UL`).

>>> council_session("제347회 종로구의회 임시회  ")
('제347회 종로구의회 임시회', '종로구')
>>> bureau_of(["행 정 국"])
'행정국'
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date

from loaders.lexicon import labels, regions
from loaders.lexicon.words import alt, of, words
from loaders.records import Party
from loaders.text import nfc, parse_date

# the words of this module are rows of loaders/lexicon/data/report_words.csv (each with an example);
# the 광역 names come from the gazetteer's data (loaders/lexicon/regions.py)
_W = "report_words"
# 제 n 회 … 제 n 차: how sessions are numbered (structure, not vocabulary)
# 제 n 회 … 제 n 차: how sessions are numbered (structure, not vocabulary); the genre check reads it too
SESSION = re.compile(r"제\s*\d+\s*회\s*(?P<council>[가-힣 ]{1,20}?)\s*" + alt(_W, "council") + r"\s*(?:제\s*\d+\s*차\s*)?(?:"
                      + alt(_W, "session") + ")")
_TITLE = re.compile(r"^(?:(?:19|20)\d\d\s*년?\s*(?:도)?\s*)?(?:" + alt(_W, "report_title") + r")[^.]{0,16}$")
_BUREAU = re.compile(r"[가-힣]{1,10}(?:" + alt(_W, "bureau_ending") + ")")
_OFFICE = re.compile(r"[가-힣]{1,10}" + labels.or_regex("reporting_office"))
_CONTENTS = words(_W, "contents")
_AS_OF = (words(_W, "as_of")[0], words(_W, "as_of_now")[0])  # 기준, 현재
_DOC_DATE = re.compile(r"(?:(?:19|20)\d\d|['’‘]\d\d)\s*[.년]\s*\d{1,2}\s*[.월]?(?:\s*\d{1,2}\s*[.일]?)?\s*(?:\(.\))?")
_METRO = regions.current_names()  # {서울: 서울특별시, …}
_METRO_ENDING = alt("org_kinds", "local_gov_ending")  # 특별시|광역시|특별자치시|특별자치도|도|시
_METRO_RE = re.compile(r"(" + "|".join((*_METRO, *regions.long_stems())) + r")(?:" + _METRO_ENDING + r")(?![가-힣])")
_CAPITAL = words(_W, "capital")[0]  # 서울: counted for every 市 / SE♥UL mark


class Resolver:
    """Gazetteer look-ups as Parties; a missing gazetteer or an unknown name gives a Party without code."""

    def __init__(self, on: str | None = None, context: str | None = None):
        self.on = _as_date(on)
        self.context = context
        try:
            from loaders.lexicon.gazetteer import Gazetteer

            self.gz = Gazetteer.load()
        except Exception:  # noqa: BLE001 - the loader works (with fewer codes) without a gazetteer
            self.gz = None

    def find(self, mention: str, context: str | None = None):
        if self.gz is None or not mention.strip():
            return None
        try:
            return self.gz.find(mention, context=context or self.context, on=self.on)
        except Exception:  # noqa: BLE001 - a bad context is no reason to fail the document
            return None

    def party(self, mention: str, context: str | None = None, strict: bool = False) -> Party | None:
        mention = nfc(mention)
        agency = self.find(mention, context)
        if agency is not None:
            return Party(mention, code=agency.code)
        return None if strict else Party(mention, name=mention)

    def name(self, party: Party | None) -> str | None:
        if party is None:
            return None
        if party.code and self.gz is not None:
            return self.gz.name_at(party.code, self.on)
        return party.label


def _as_date(iso: str | None) -> date | None:
    if not iso:
        return None
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def council_session(text: str) -> tuple[str, str] | None:
    m = SESSION.search(nfc(text))
    if not m:
        return None
    return nfc(m.group(0)), m.group("council").replace(" ", "")


def bureau_of(front: list[str]) -> str | None:
    for t in front:
        c = "".join(t.split())
        if _BUREAU.fullmatch(c) and not c.endswith(_CONTENTS):
            return c
        if _OFFICE.fullmatch(c):  # a body that reports on its own: `농 업 기 술 센 터`, `보 건 소`
            return c
    return None


_YEAR_LINE = re.compile(r"(?:19|20)\d\d\s*년\s*도?(?:\s*[가-힣]{1,4})?")  # `2019년 상반기` alone on a cover line


def title_of(front: list[str]) -> str | None:
    """The report's title; a title wrapped after its year (`2019년 상반기` / `주요업무 …`) is joined."""
    for i, t in enumerate(front):
        if _TITLE.match(t) and _AS_OF[0] not in t:
            if i and not re.search(r"(?:19|20)\d\d", t) and _YEAR_LINE.fullmatch(front[i - 1]):
                return f"{front[i - 1]} {t}"
            return t
    return None


def year_and_date(front: list[str], title: str | None) -> tuple[str | None, str | None]:
    year = None
    if title:
        m = re.search(r"((?:19|20)\d\d)", title)
        year = m.group(1) if m else None
    doc_date = None
    for t in front:
        if _DOC_DATE.fullmatch(t):
            doc_date = parse_date(t)
            break
    if year is None and doc_date:
        year = doc_date[:4]
    return year, doc_date


_AS_OF_SHORT = re.compile(r"(?<![\d.])['’‘]?(\d{2}|(?:19|20)\d\d)\s*[.년]\s*(\d{1,2})\s*[.월]\s*(?:(\d{1,2})\s*[.일]?|(말))")


def as_of_dates(lines: list[str]) -> list[str]:
    """Full dates of `(… 기준)` / `… 현재` notes; a bare two-digit year and `월 말` are read too.

    >>> as_of_dates(["※ 기준일 : 23. 6월 말", "(2024. 1. 31. 기준)", "24. 6. 30. 현재", "기준 없음"])
    ['2023-06-30', '2024-01-31', '2024-06-30']
    """
    out = []
    for t in lines:
        if (_AS_OF[0] in t or _AS_OF[1] in t):
            d = parse_date(t)
            if not d or len(d) != 10:
                d = _short_as_of(t) or d
            if d and len(d) == 10:
                out.append(d)
    return out


def _short_as_of(text: str) -> str | None:
    m = _AS_OF_SHORT.search(text)
    if not m:
        return None
    year = int(m.group(1)) if len(m.group(1)) == 4 else 2000 + int(m.group(1))
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return None
    if m.group(4):
        day = calendar.monthrange(year, month)[1]
    else:
        day = int(m.group(3))
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
    return f"{year:04d}-{month:02d}-{day:02d}"


_HEAD_WORDS = alt(_W, "head_tail")  # 청장|의회|수
_HEAD = re.compile(r"(?<![가-힣])([가-힣]{1,5}(?:구|군))(?:" + _HEAD_WORDS + r")(?![가-힣])")
_HEAD_TAIL = re.compile(r"(?:구|군)(?:" + _HEAD_WORDS + r")(?![가-힣])")


def _head_names(text: str) -> list[str]:
    """= [m.group(1) for m in _HEAD.finditer(text)], found from the rare tail.

    A match is a whole run of Hangul (nothing Hangul before or after it), so it
    is the run that ends in the tail, if 1-5 syllables come before its 구/군.

    >>> _head_names("종로구청장, 인구수 10, 서울특별시종로구청장 x 성북구의회 구의회 부구청장")
    ['종로구', '인구', '성북구', '부구']
    """
    out = []
    for m in _HEAD_TAIL.finditer(text):
        end = m.start() + 1  # after 구/군
        start = end - 1
        while start > 0 and "가" <= text[start - 1] <= "힣":
            start -= 1
        if 1 <= end - 1 - start <= 5:  # 1-5 syllables before 구/군
            out.append(text[start:end])
    return out


_CITY_ENDING = alt(_W, "city_ending")  # 시|군|구
_ORDINANCE = re.compile(r"「\s*([가-힣]{1,10}(?:" + _METRO_ENDING + "|" + _CITY_ENDING + "))"
                        r"(?:\s+(?![가-힣]*" + alt(_W, "agency_word") + r"\s)([가-힣]{1,5}(?:" + _CITY_ENDING
                        + r"))(?=\s))?\s+[^」]{0,60}" + alt(_W, "ordinance"))


_GOV = labels.or_regex("gov_suffix")
_COUNCIL = re.compile(r"(?<![가-힣])([가-힣]{1,10}" + _GOV + r"(?:\s[가-힣]{1,5}" + _GOV + r")?)\s*"
                      + labels.or_regex("council_word") + r"(?![가-힣])")


def issuer_candidates(text: str) -> list[str]:
    """Mentions of the document's own government, strongest evidence first.

    >>> issuer_candidates("※ 「경상남도 고성군 행정기구 설치 조례」에 따른 업무, 「경상남도 행정기구 설치 조례」")
    ['경상남도 고성군', '경상남도']
    """
    text = nfc(text)
    cands: list[str] = []
    s = council_session(text[:3000])
    if s:
        cands.append(s[1])
    for m in _COUNCIL.finditer(text[:1500]):  # `부산광역시의회 행정문화위원회`: the council the report goes to
        if m.group(1) not in cands:
            cands.append(m.group(1))
    ords: Counter = Counter()
    local: Counter = Counter()  # `「경상남도 고성군 … 조례」`: the 광역 name, then the 기초 one
    for m in _ORDINANCE.finditer(text):
        ords[m.group(1)] += 1
        if m.group(2):
            local[f"{m.group(1)} {m.group(2)}"] += 1
    heads = Counter(_head_names(text))
    cands += [n for n, _ in local.most_common()]
    cands += [n for n, _ in ords.most_common()]
    cands += [n for n, _ in heads.most_common() if n not in cands]
    return cands


def metro_context(text: str) -> str | None:
    """The 광역 government the text places itself in (`서울시 자치구`, `서울특별시`)."""
    counts = Counter()
    for m in _METRO_RE.finditer(text):
        # a short form counts as itself; a long stem (`충청남` of 충청남도) under its own key, which
        # names no 광역 below (as since the first version: the stems were never mapped to 충남)
        counts[m.group(1)] += 1
    counts[_CAPITAL] += text.count("市") + 2 * text.count("SE♥UL")
    if not counts or counts.most_common(1)[0][1] == 0:
        return None
    return _METRO.get(counts.most_common(1)[0][0])


_WE = words(_W, "we")[0]  # 우리 (구/군/시/도 after it: the gazetteer's gov-type endings)
_DISTRICT = words(_W, "district_type")[0]  # 자치구


def self_metro(text: str) -> str | None:
    """A 광역 government writing about itself: `市`/`道`, `우리 시`, with no 구/군 self-evidence."""
    if re.search(_WE + r"\s*(?:구|군)(?![가-힣])", text):
        return None
    marks = text.count("市") + text.count("道") + 3 * text.count("SE♥UL")
    if marks >= 2 or re.search(_WE + r"\s*(?:시|도)(?![가-힣])", text):
        return metro_context(text)
    return None


_AREA_CODES = [(re.compile(r.pattern), r.means) for r in of(_W, "area_code")]


def area_metro(text: str) -> str | None:
    """The 시·도 whose telephone area code most contact lines carry (two thirds of them
    at least): a cue for a name the council and title leave ambiguous, never a fact."""
    counts = Counter()
    for rx, metro in _AREA_CODES:
        counts[metro] += len(rx.findall(text))
    total = sum(counts.values())
    if not total:
        return None
    metro, n = counts.most_common(1)[0]
    return _METRO.get(metro) if 3 * n >= 2 * total else None


def infer_issuer(text: str, res: Resolver) -> Party | None:
    metro = metro_context(text)
    metro_party = res.party(metro, strict=True) if metro else None
    ctx = metro_party.code if metro_party else None
    for cand in issuer_candidates(text):
        p = res.party(cand, context=ctx, strict=True)
        if p is not None:
            return p
    area = res.party(area_metro(text), strict=True) if ctx is None and area_metro(text) else None
    for cand in issuer_candidates(text) if area is not None else ():
        p = res.party(cand, context=area.code, strict=True)  # `강서구` placed by its `02-` contact lines
        if p is not None:
            return p
    own = self_metro(text)
    if own:
        return res.party(own, strict=True) or Party(own, name=own)
    m = re.search(_WE + r"\s*(구|군|시)(?![가-힣])", text)
    if m and res.gz is not None:
        counts = Counter()
        for _s, _e, agency in res.gz.find_mentions(text, context=ctx, on=res.on):
            if agency.gov_type.endswith(m.group(1)) or (m.group(1) == "구" and agency.gov_type == _DISTRICT):
                counts[agency.code] += 1
        if counts:
            code = counts.most_common(1)[0][0]
            return Party(res.gz.get(code).short_name, code=code)
    return None
