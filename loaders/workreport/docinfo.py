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

from loaders.lexicon import labels
from loaders.records import Party
from loaders.text import nfc, parse_date

_SESSION = re.compile(r"제\s*\d+\s*회\s*(?P<council>[가-힣 ]{1,20}?)\s*의회\s*(?:제\s*\d+\s*차\s*)?(?:임시회|정례회)")
_TITLE = re.compile(r"^(?:(?:19|20)\d\d\s*년?\s*(?:도)?\s*)?(?:주요\s*업무|업무\s*보고|현안\s*업무)[^.]{0,16}$")
_BUREAU = re.compile(r"[가-힣]{1,10}(?:국|실|본부|단)")
_OFFICE = re.compile(r"[가-힣]{1,10}" + labels.or_regex("reporting_office"))
_DOC_DATE = re.compile(r"(?:(?:19|20)\d\d|['’‘]\d\d)\s*[.년]\s*\d{1,2}\s*[.월]?(?:\s*\d{1,2}\s*[.일]?)?\s*(?:\(.\))?")
_METRO = {"서울": "서울특별시", "부산": "부산광역시", "대구": "대구광역시", "인천": "인천광역시", "광주": "광주광역시",
          "대전": "대전광역시", "울산": "울산광역시", "세종": "세종특별자치시", "경기": "경기도", "강원": "강원특별자치도",
          "충북": "충청북도", "충남": "충청남도", "전북": "전북특별자치도", "전남": "전라남도", "경북": "경상북도",
          "경남": "경상남도", "제주": "제주특별자치도"}
_METRO_RE = re.compile(r"(서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|"
                       r"충청북|충청남|전라북|전라남|경상북|경상남)(?:특별시|광역시|특별자치시|특별자치도|도|시)(?![가-힣])")


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
    m = _SESSION.search(nfc(text))
    if not m:
        return None
    return nfc(m.group(0)), m.group("council").replace(" ", "")


def bureau_of(front: list[str]) -> str | None:
    for t in front:
        c = "".join(t.split())
        if _BUREAU.fullmatch(c) and not c.endswith(("순서", "목차")):
            return c
        if _OFFICE.fullmatch(c):  # a body that reports on its own: `농 업 기 술 센 터`, `보 건 소`
            return c
    return None


def title_of(front: list[str]) -> str | None:
    for t in front:
        if _TITLE.match(t) and "기준" not in t:
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
        if ("기준" in t or "현재" in t):
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


_HEAD = re.compile(r"(?<![가-힣])([가-힣]{1,5}(?:구|군))(?:청장|의회|수)(?![가-힣])")
_HEAD_TAIL = re.compile(r"[구군](?:청장|의회|수)(?![가-힣])")


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


_ORDINANCE = re.compile(r"「\s*([가-힣]{1,10}(?:특별시|광역시|특별자치시|특별자치도|도|시|군|구))"
                        r"(?:\s+(?![가-힣]*기구\s)([가-힣]{1,5}(?:시|군|구))(?=\s))?\s+[^」]{0,60}조례")


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
        key = m.group(1)[:2] if m.group(1)[:2] in _METRO else m.group(1)
        key = {"충청": "충북" if "북" in m.group(1) else "충남", "전라": "전북" if "북" in m.group(1) else "전남",
               "경상": "경북" if "북" in m.group(1) else "경남"}.get(key, key)
        counts[key] += 1
    counts["서울"] += text.count("市") + 2 * text.count("SE♥UL")
    if not counts or counts.most_common(1)[0][1] == 0:
        return None
    return _METRO.get(counts.most_common(1)[0][0])


def self_metro(text: str) -> str | None:
    """A 광역 government writing about itself: `市`/`道`, `우리 시`, with no 구/군 self-evidence."""
    if re.search(r"우리\s*(?:구|군)(?![가-힣])", text):
        return None
    marks = text.count("市") + text.count("道") + 3 * text.count("SE♥UL")
    if marks >= 2 or re.search(r"우리\s*(?:시|도)(?![가-힣])", text):
        return metro_context(text)
    return None


def infer_issuer(text: str, res: Resolver) -> Party | None:
    metro = metro_context(text)
    metro_party = res.party(metro, strict=True) if metro else None
    ctx = metro_party.code if metro_party else None
    for cand in issuer_candidates(text):
        p = res.party(cand, context=ctx, strict=True)
        if p is not None:
            return p
    own = self_metro(text)
    if own:
        return res.party(own, strict=True) or Party(own, name=own)
    m = re.search(r"우리\s*(구|군|시)(?![가-힣])", text)
    if m and res.gz is not None:
        counts = Counter()
        for _s, _e, agency in res.gz.find_mentions(text, context=ctx, on=res.on):
            if agency.gov_type.endswith(m.group(1)) or (m.group(1) == "구" and agency.gov_type == "자치구"):
                counts[agency.code] += 1
        if counts:
            code = counts.most_common(1)[0][0]
            return Party(res.gz.get(code).short_name, code=code)
    return None
