"""Gazetteer of Korean local governments (광역 17, 기초 226 as of 2024, the ones merged
away since 1995, and the two 행정시 of 제주) and a resolver from the way documents
name them to one `Agency`.

The data are data/gazetteer/agencies.csv and names.csv (see the README there).
Resolution is deliberately conservative: a mention that could be two agencies is
an error unless the caller's context decides, because a wrong link in the graph is
worse than a missing one.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

from loaders.errors import AgencyError, AmbiguousAgency, UnknownAgency

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "gazetteer"

# Short region forms documents use (경기 수원시, 충남 서산시); they name the 광역
# whatever it was called at the time, so they map to the agency, not to a name.
REGION_ABBREV = {
    "서울": "11000", "부산": "26000", "대구": "27000", "인천": "28000", "광주": "29000",
    "대전": "30000", "울산": "31000", "세종": "36110", "경기": "41000", "강원": "51000",
    "충북": "43000", "충남": "44000", "전북": "52000", "전남": "46000", "경북": "47000",
    "경남": "48000", "제주": "50000",
}
# what may follow a name in running text without making it part of a longer word:
# particles, and 청/장/수/민/의회 (성북구청, 수원시장, 영월군수, 종로구민)
_FOLLOWERS = ("은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "으로", "만",
              "까지", "부터", "및", "등", "청", "장", "수", "민", "내", "간", "보다", "처럼", "하고")
_SEPARATORS = re.compile(r"[\s·･ㆍ・‧]+")
_EDGE_PUNCT = "'\"‘’“”「」『』()[]<>〈〉《》,.:;"


@dataclass(frozen=True)
class Agency:
    code: str
    kind: str              # metropolitan | basic | administrative
    gov_type: str          # 특별시 광역시 도 특별자치도 특별자치시 시 군 자치구 행정시
    name: str              # current (or, if abolished, last) official full name
    short_name: str
    region_code: str | None
    name_en: str
    valid_from: date | None
    valid_until: date | None
    former_codes: tuple[str, ...]

    def valid_on(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and \
               (self.valid_until is None or on < self.valid_until)


def normalize(mention: str) -> str:
    """NFC, one space between words, no separators or quotes at the edges.

    >>> normalize(" 경기\\u00a0 수원시 ")
    '경기 수원시'
    >>> normalize("'제천시·단양군'")
    '제천시 단양군'
    """
    text = unicodedata.normalize("NFC", mention)
    return _SEPARATORS.sub(" ", text).strip(" " + _EDGE_PUNCT)


def _key(mention: str) -> str:
    """Lookup key: spaces carry no meaning in names (`강원 고성군` = `강원고성군`).

    >>> _key("강원 고성군"), _key("서울특별시  종로구")
    ('강원고성군', '서울특별시종로구')
    """
    return normalize(mention).replace(" ", "")


def _date(text: str) -> date | None:
    """ISO date or None for the empty (open) end of an interval.

    >>> _date(""), _date("2023-06-11")
    (None, datetime.date(2023, 6, 11))
    """
    return date.fromisoformat(text) if text else None


def _valid(frm: date | None, until: date | None, on: date | None) -> bool:
    if on is None:                         # "current": the name still in force
        return until is None
    return (frm is None or frm <= on) and (until is None or on < until)


class Gazetteer:
    def __init__(self, agencies: list[Agency], names: list[tuple[str, str, date | None, date | None]]):
        self._by_code = {a.code: a for a in agencies}
        self._former = {f: a.code for a in agencies for f in a.former_codes}
        self._names: dict[str, list[tuple[str, date | None, date | None]]] = {}
        for code, name, frm, until in names:
            self._names.setdefault(code, []).append((name, frm, until))
        for rows in self._names.values():
            rows.sort(key=lambda r: r[1] or date.min)
        # three tiers, consulted in order: full or region-qualified names; bare names
        # (종로구, 인천, 서울시); bare stems without 시/군/구 (수원) - a key found in an
        # earlier tier never falls through to a later, looser one
        self._tiers: list[dict[str, list[tuple[str, date | None, date | None]]]] = [{}, {}, {}]
        self._region_aliases: dict[str, set[str]] = {}
        metro_by_name: dict[str, str] = {}
        for a in agencies:
            if a.kind != "metropolitan":
                continue
            aliases = {_key(n) for n, _, _ in self._names[a.code]}
            metro_by_name.update((n, a.code) for n in aliases)
            bare = {ab for ab, c in REGION_ABBREV.items() if c == a.code}
            if a.gov_type in ("특별시", "광역시", "특별자치시"):
                bare |= {ab + "시" for ab in bare}          # 서울시, 대구시, 세종시
            for k in bare:
                self._add(1, k, a.code, a.valid_from, a.valid_until)
            for n, frm, until in self._names[a.code]:
                self._add(0, _key(n), a.code, frm, until)
            self._region_aliases[a.code] = aliases | bare
        self._short_names: set[str] = set()
        for a in agencies:
            if a.kind == "metropolitan":
                continue
            for full, frm, until in self._names[a.code]:
                region_name, short = full.split(" ", 1)
                self._short_names.add(short)
                stem = short[:-1] if len(short) >= 3 else None
                self._add(1, short, a.code, frm, until)
                if stem:
                    self._add(2, stem, a.code, frm, until)
                for alias in self._region_aliases[metro_by_name[region_name]]:
                    self._add(0, alias + short, a.code, frm, until)
                    if stem:
                        self._add(2, alias + stem, a.code, frm, until)

    def _add(self, tier: int, key: str, code: str, frm: date | None, until: date | None) -> None:
        self._tiers[tier].setdefault(key, []).append((code, frm, until))

    @classmethod
    @functools.cache
    def load(cls) -> "Gazetteer":
        with open(DATA_DIR / "agencies.csv", encoding="utf-8", newline="") as fh:
            agencies = [Agency(code=r["code"], kind=r["kind"], gov_type=r["gov_type"], name=r["name"],
                               short_name=r["short_name"], region_code=r["region_code"] or None,
                               name_en=r["name_en"], valid_from=_date(r["valid_from"]),
                               valid_until=_date(r["valid_until"]),
                               former_codes=tuple(c for c in r["former_codes"].split(";") if c))
                        for r in csv.DictReader(fh)]
        with open(DATA_DIR / "names.csv", encoding="utf-8", newline="") as fh:
            names = [(r["code"], unicodedata.normalize("NFC", r["name"]), _date(r["valid_from"]),
                      _date(r["valid_until"])) for r in csv.DictReader(fh)]
        return cls(agencies, names)

    # --- lookup by code -------------------------------------------------------
    def __iter__(self) -> Iterator[Agency]:
        return iter(sorted(self._by_code.values(), key=lambda a: a.code))

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> Agency:
        """The agency with this code; a former code (42750, 47720) finds its agency too."""
        code = code.strip()
        if code in self._by_code:
            return self._by_code[code]
        if code in self._former:
            return self._by_code[self._former[code]]
        raise KeyError(code)

    def names(self, code: str) -> list[tuple[str, date | None, date | None]]:
        return list(self._names[self.get(code).code])

    def name_at(self, code: str, on: date | None) -> str:
        """Official name on that date. Before the first recorded name (the table starts
        in 1995) the earliest one, after abolition the last one."""
        rows = self._names[self.get(code).code]
        if on is None:
            return rows[-1][0]
        for name, frm, until in rows:
            if _valid(frm, until, on):
                return name
        return rows[0][0] if rows[0][1] and on < rows[0][1] else rows[-1][0]

    def region(self, agency: Agency) -> Agency | None:
        return self._by_code[agency.region_code] if agency.region_code else None

    # --- resolving mentions ---------------------------------------------------
    def _context_region(self, context: Agency | str | None) -> str | None:
        if context is None:
            return None
        if isinstance(context, str):
            context = self.get(context) if context.strip().isdigit() else self.resolve(context)
        return context.code if context.kind == "metropolitan" else context.region_code

    def _choose(self, mention: str, entries, on: date | None, region: str | None) -> Agency:
        def codes(rows):
            return list(dict.fromkeys(c for c, _, _ in rows))
        live = codes(e for e in entries if _valid(e[1], e[2], on))
        pools = [live, codes(entries)] if live else [codes(entries)]
        for pool in pools:
            if len(pool) == 1:
                return self._by_code[pool[0]]
            if region:
                inside = [c for c in pool if c == region or self._by_code[c].region_code == region]
                if len(inside) == 1:
                    return self._by_code[inside[0]]
        names = tuple(self.name_at(c, on) for c in pools[0])
        raise AmbiguousAgency(f"{mention!r} may be any of: {', '.join(names)}", candidates=names)

    def resolve(self, mention: str, *, context: Agency | str | None = None,
                on: date | None = None) -> Agency:
        """The one agency `mention` names, on date `on` (None: today's names first).

        >>> g = Gazetteer.load()
        >>> g.resolve(" 경기 수원시").name, g.resolve("영월").name
        ('경기도 수원시', '강원특별자치도 영월군')
        >>> g.resolve("북구", context="29000").name
        '광주광역시 북구'
        """
        key = _key(mention)
        if key:
            for tier in self._tiers:
                if key in tier:
                    return self._choose(mention, tier[key], on, self._context_region(context))
            self._check_wrong_region(mention, key)
        raise UnknownAgency(f"no local government is called {mention!r}")

    def _check_wrong_region(self, mention: str, key: str) -> None:
        # `충남 진천군`: the name exists, but not in that region. Picking the only
        # 진천군 would hide an error in the source, so say so and let the caller decide.
        for code, aliases in self._region_aliases.items():
            for alias in sorted(aliases, key=len, reverse=True):
                rest = key[len(alias):]
                if key.startswith(alias) and (rest in self._tiers[1] or rest in self._tiers[2]):
                    entries = self._tiers[1].get(rest) or self._tiers[2][rest]
                    where = ", ".join(sorted({self.get(c).name for c, _, _ in entries}))
                    raise UnknownAgency(f"{mention!r}: there is no {rest} in "
                                        f"{self._by_code[code].name} (only {where})")

    def find(self, mention: str, *, context: Agency | str | None = None,
             on: date | None = None) -> Agency | None:
        try:
            return self.resolve(mention, context=context, on=on)
        except AgencyError:
            return None

    @functools.cached_property
    def _mention_re(self) -> re.Pattern[str]:
        def alt(words):
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        regions = set().union(*self._region_aliases.values())
        metros = {a for a in regions if a not in REGION_ABBREV}      # 서울시, 경기도, 강원특별자치도
        follow = "|".join(_FOLLOWERS)
        return re.compile(
            rf"(?<![가-힣])(?:(?:(?P<region>{alt(regions)})[ \t\u00a0]*)?(?P<name>{alt(self._short_names)})"
            rf"|(?P<metro>{alt(metros)}))(?=[^가-힣]|$|{follow})")

    def find_mentions(self, text: str, *, context: Agency | str | None = None,
                      on: date | None = None) -> list[tuple[int, int, Agency]]:
        """Spans of agency mentions in running text that resolve to one agency.

        Bare names need two syllables before 시/군/구: 중구, 서구, 북구 alone are
        also words (서구 사회, 북구 유럽), even when the context would pick one. What is
        ambiguous (unless the context decides) or names the wrong region is left out.

        >>> g = Gazetteer.load()
        >>> [(s, e, a.short_name) for s, e, a in g.find_mentions("수원시·용인시와 종로구에서")]
        [(0, 3, '수원시'), (4, 7, '용인시'), (9, 12, '종로구')]
        >>> g.find_mentions("시군구 구청장과 도시 시민")
        []
        """
        text = unicodedata.normalize("NFC", text)
        found = []
        for m in self._mention_re.finditer(text):
            if m.group("name") and not m.group("region") and len(m.group("name")) < 3:
                continue
            try:
                agency = self.resolve(m.group(0), context=context, on=on)
            except AgencyError:
                continue
            found.append((m.start(), m.end(), agency))
        return found
