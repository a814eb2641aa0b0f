"""Agreements (MOU / 업무협약 / 협약) with named partners.

Phrasings handled:
- party lists joined by `-`, `･`, `↔` before the keyword or on the line
  before it: `서산시-서산시의회-서산의료원 간 MOU 체결`,
  `성동구･서울시･서울대병원 MOU 체결(2021. 3. 9.)`,
  `(광주북구 ↔ 광주은행 ↔ 광주신용보증재단)` + `… 협약 체결(’21.2월)`,
  `｢충남-경기-인천｣ 간 … 공동협약 체결`, `강서구-코오롱인더스트리(주) 사회공헌 활동 업무 협약`;
- `<partner>와(과)(의) … 협약`: `서울시립대와의 업무협약 체결`;
- lists under `※ 업무협약`: `- 한국정보화진흥원 : … 협약`;
- `협약대상 : ㈜같다 (대표 …)` (what is in brackets is dropped: it names people).
A partner that is only a category (`업체`, `유관기관`, `시군`) is not named: skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.casebook.norm import nfc
from loaders.lexicon import agreements as kinds, regions
from loaders.lexicon.partners import is_stopword
from loaders.lexicon.words import alt, words
from loaders.text import BRANCH, parse_date

# the agreement kinds' words (loaders/lexicon/data/agreement_kinds.csv); a word ending in
# `협약` counts with up to 4 syllables before it (`공동협약`), not the paper (`협약서`)
_KEYWORD = re.compile(kinds.keyword(r"[가-힣]{0,4}(?:{})(?!서)"))
_DONE = re.compile(alt("agreement_words", "signed"))
_PAPER = words("agreement_words", "document")
_SEP = re.compile(r"\s*(?:↔|⟷|<->|-|･|·|ㆍ)\s*")
_GENERIC = re.compile(r"^(?:" + alt("agreement_words", "category") + r")$")
_CATEGORY_END = words("agreement_words", "category_end")


# a party list names the agency itself or another government (`서산시-…`, `도-택시업계`)
_AGENCYISH = re.compile(r"(?:^|[-･·ㆍ↔\s])(?:[가-힣]{1,6}(?:시|군|구|도)|" + regions.alt(regions.short_names()) + r")"
                        r"(?=$|[-･·ㆍ↔\s])")
# a name ending as an organisation's does, or holding a company form anywhere (`㈜샵체인`)
_ORG_WORD = re.compile(r"(?:" + alt("org_kinds", "name_ending") + "|" + alt("org_kinds", "short_ending") + "|(?:"
                       + alt("company_forms", "marker") + r").*)$")
_PROVINCE_WORD = re.compile(r"^(?:" + regions.alt(regions.provinces()) + r")$")
_COMPANY = re.compile(alt("company_forms", "marker"))
_PARTNER_KEY = re.compile(r"(?:" + alt("agreement_words", "partner_key") + r")\s*:\s*([^(]+)")
_TABLE_HEAD = re.compile(alt("agreement_words", "partner_table_head"))
_NAME_COLUMN = re.compile(alt("agreement_words", "partner_table_name"))
_PURPOSE_END = re.compile(r"(?:을|를)?\s*(?:" + alt("agreement_words", "purpose") + r")\s*$")
_FOUNDED = re.compile(r"\([^)]*(?:" + alt("agreement_words", "founded") + r")[^)]*\)")


@dataclass(frozen=True)
class FoundAgreement:
    partners: tuple[str, ...]
    kind: str
    title: str | None
    date: str | None
    line: int
    line_end: int


def kind_of(text: str) -> str:
    """The agreement-types label of the first kind (in table order) whose words the text has."""
    return kinds.kind_of(text)


def clean_partner(text: str) -> str:
    """`㈜포이엔` -> `포이엔`; `코오롱인더스트리(주)` -> `코오롱인더스트리`.

    >>> clean_partner("“서민금융진흥원”")
    '서민금융진흥원'
    """
    s = _COMPANY.sub("", nfc(text))
    s = re.sub(r"\([^)]*\)", "", s)
    s = s.strip(" “”\"'‘’｢｣「」()[]<>,.:")
    return nfc(s)


# an organisation-kind word alone, or after `지역`/`관할` (`관할 경찰서`, `지역 대학교 산학협력단`):
# what kind of body, not which one
_KIND = r"(?:" + alt("org_kinds", "body_kind") + ")"
_BARE_TYPE = re.compile(r"(?:(?:" + alt("org_kinds", "place_qualifier") + r")\s*)*(?:" + _KIND + r"\s*)?"
                        r"(?:" + _KIND + "|" + alt("org_kinds", "branch") + ")")
_BRANCH = BRANCH  # `… 지역본부`, `… 종로지사`, `… 산학협력단`: the branch of the body named before it


def _named(p: str, raw: str | None = None) -> bool:
    """A name, not a category, a verb or a common noun (`raw`: the mention as written,
    whose company marker makes `㈜같다` a name)."""
    return (len(p) >= 2 and not _GENERIC.match(p) and not _BARE_TYPE.fullmatch(p)
            and not re.fullmatch(r"\d[\d,]*\s*[가-힣]{1,2}", p)  # a count (`14곳`), not a name
            and bool(re.search(r"[가-힣A-Za-z]", p)) and not is_stopword(p, raw))


# parties joined by separators; a party may go on with a unit number (`육군 제1789부대`)
# or a branch (`한국전력공사 경기본부`, `고려대학교 산학협력단`)
_RUN = re.compile(
    r"(?:^|[\s(\[])([^\s()\[\]]+(?:" + _SEP.pattern + r"[^\s()\[\]\-･·ㆍ↔]+"
    r"(?:\s제?\d+[가-힣]+|\s(?:" + _BRANCH.pattern + r")(?=$|[\s,()\-･·ㆍ↔]))?)+)")


def _party_list(text: str) -> tuple[list[str], str] | None:
    """Parties joined by separators, and the text after them (purpose)."""
    t = re.sub(r"[｢｣「」]", " ", nfc(text))
    t = re.sub(r"\(주\)", "", t)
    runs = list(_RUN.finditer(t))
    runs = [r for r in runs if _AGENCYISH.search(r.group(1))]
    if not runs:
        return None
    m = runs[-1]
    items = [clean_partner(x) for x in _SEP.split(m.group(1))]
    items = [x for x in items if x]
    if len(items) < 2 or any(re.fullmatch(r"[\d.~]+", x) for x in items):
        return None
    rest = t[m.end():]
    return items, rest


_DATE_LIST = re.compile(r"\(([^()]*\d[^()]*/[^()]*)\)")


def signing_dates(text: str, year: int | None) -> list[str]:
    """Every date of a bracketed date list: the same parties signing on each date
    (`협약 체결(’21.2월/’21.9월)`, `업무협약(’21. 2. / 5.)`); [] when there is no list.

    >>> signing_dates("소상공인 특례보증 지원 협약 체결(’21.2월/’21.9월)", 2021)
    ['2021-02', '2021-09']
    >>> signing_dates("① 민관협력 충남형 배달앱 지원사업 업무협약(’21. 2. / 5.)", 2021)
    ['2021-02', '2021-05']
    """
    m = _DATE_LIST.search(nfc(text))
    if not m:
        return []
    parts = [p.strip() for p in m.group(1).split("/")]
    first = parse_date(parts[0], year)
    if first is None:
        return []
    out = [first]
    for p in parts[1:]:
        d = parse_date(p, year)
        if (d is None or re.fullmatch(r"\d{1,2}\s*[.월]?\s*(?:\d{1,2}\s*[.일]?)?", p)) and re.match(r"\d", p):
            d = parse_date(f"{first[:4]}. {p}", year)  # `’21. 2. / 5.`: the year of the first date
        if d is None or d in out:
            return []
        out.append(d)
    return out


def find_agreements(lines: list[tuple[int, str]], year: int | None) -> list[FoundAgreement]:
    out: list[FoundAgreement] = []
    prev: tuple[int, str] | None = None
    for idx, (no, raw) in enumerate(lines):
        s = nfc(raw)
        kw = _KEYWORD.search(s)
        if kw and (_DONE.search(s) or s.startswith("-")) and not any(w in s[: kw.start() + 3] for w in _PAPER):
            found = _in_line(s, kw, no, year, prev)
            if found is None or not found.partners:
                found = _partner_table(lines, idx, s, kw, year) or found
            if found and found.date is None and prev and _KEYWORD.search(prev[1]) and _DONE.search(prev[1]):
                # `’20. 12. … MOU 체결` then `- 서산시-서산시의회-서산의료원 간 MOU 체결`: the line before dates it
                found = replace(found, date=parse_date(prev[1], year))
            if found:
                dates = signing_dates(s, year)
                out.extend([replace(found, date=d) for d in dates] if len(dates) > 1 else [found])
        prev = (no, s)
    return out


def _partner_table(lines, idx, s, kw, year) -> FoundAgreement | None:
    """`① … 업무협약(’21. 6.)`, then a table `협업 기관명 | 주요 역할` of partners."""
    if idx + 1 >= len(lines) or not _TABLE_HEAD.search(nfc(lines[idx + 1][1])):
        return None
    partners, last = [], lines[idx][0]
    for no, raw in lines[idx + 2: idx + 14]:
        row = nfc(raw)
        if re.match(r"^※", row):  # a note under a partner's row (`※ 외식업중앙회에 … 출연`)
            continue
        if re.match(r"^[①-⑳]|^\d+\.", row) or _KEYWORD.search(row) or _NAME_COLUMN.search(row):
            break
        words = []
        for w in row.split():
            if _ORG_WORD.search(w) or (not words and _PROVINCE_WORD.match(w)):
                words.append(w)
            else:
                break
        name = clean_partner(" ".join(words))
        if words and _ORG_WORD.search(words[-1]) and _named(name) and name not in partners:
            partners.append(name)
            last = no
    if not partners:
        return None
    return FoundAgreement(tuple(partners), kind_of(s), _title(s[: kw.start()]), parse_date(s, year),
                          lines[idx][0], last)


def _title(text: str) -> str | None:
    t = re.sub(r"^\s*간\s*|^\s*[①-⑳]\s*", "", text)
    t = _KEYWORD.split(t)[0] if _KEYWORD.search(t) else t
    t = _PURPOSE_END.sub("", t).strip(" ,:")
    return nfc(t) or None


def _in_line(s, kw, no, year, prev) -> FoundAgreement | None:
    date = parse_date(_FOUNDED.sub("", s), year)
    m = _PARTNER_KEY.search(s)
    if m:
        raws = [re.sub(r"\s*등\s.*$|\s*등$", "", x) for x in re.split(r"[,･]", m.group(1))]
        names = [clean_partner(x) for x in raws if _named(clean_partner(x), x)]
        if date is None and prev and _KEYWORD.search(prev[1]):
            date = parse_date(prev[1], year)
        return FoundAgreement(tuple(names), kind_of(s), None, date, no, no) if names else None
    head = s[: kw.start()]
    plist = _party_list(head)
    if plist:
        items, rest = plist
        return FoundAgreement(tuple(x for x in items if _named(x)), kind_of(s), _title(rest + s[kw.start():]),
                              date, no, no)
    if prev and re.match(r"^\s*-?\s*\(.*(?:↔|-).*\)\s*$", prev[1]):
        plist = _party_list(prev[1].strip(" -()"))
        if plist:
            items, _ = plist
            return FoundAgreement(tuple(x for x in items if _named(x)), kind_of(s),
                                  _title(re.sub(r"^\s*-\s*", "", head)), date, prev[0], no)
    m = re.match(r"^\s*[-∙･·•]\s*(?:㈜)?([^:：]{2,30}?)\s*[:：]\s*(.+)$", s)
    if m and _KEYWORD.search(m.group(2)):
        p = clean_partner(m.group(1))
        return FoundAgreement((p,), kind_of(s), _title(m.group(2)), date, no, no) if _named(p, m.group(0)) else None
    m = re.search(r"([^\s,()]{2,25}?)(?:와|과)(?:의)?\s+(?:[^\s]+\s+){0,5}?" + kw.group(0).replace(" ", r"\s*"), s)
    if m:
        p = clean_partner(m.group(1))
        cut = m.start(1)
        if _BRANCH.fullmatch(p):  # `국민건강보험공단 종로지사와`: the body named before its branch
            prev = re.search(r"(?:^|\s)([^\s,()]{2,20})\s+$", s[: m.start(1)])
            if not prev or not _named(clean_partner(prev.group(1))):
                return None
            p = f"{clean_partner(prev.group(1))} {p}"
            cut = prev.start(1)
        if _named(p) and not p.endswith(_CATEGORY_END):
            before, lead = _listed_before(s[:cut])
            p = f"{lead} {p}" if lead else p
            before = [x for x in before if x != p]
            return FoundAgreement((*dict.fromkeys(before), p), kind_of(s), None, date, no, no)
    return None


_LIST_SEP = re.compile(r"\s*[,，]\s*|\s+및\s+")
_LIST_OPEN = re.compile(r"(?:[,，]|\s및)\s*$")
# a word ending in a particle (casebook_words `particle_tail`, and the object / `with` letters) ends no name
_PARTICLE_END = re.compile(r"(?:" + alt("casebook_words", "particle_tail") + r"|을|를|와|과)$")


def _listed_before(head: str) -> tuple[list[str], str | None]:
    """Partners listed before the one joined by 와/과 (`A, B 및 C와 … 협약`): each item
    the organisation name that ends it (`화성시는 화성도시공사` -> 화성도시공사, a branch
    with its body: `한국전력공사 전북본부`), the list read back to its first item or
    to an item that names no organisation; and the word that begins the last name when
    it began before the one joined (`양동시장` of `… 및 양동시장 상인회와`)."""
    lead = None
    if not _LIST_OPEN.search(head):
        # `A 및 양동시장 상인회와`: the name joined by 와/과 began a word earlier
        rest = head.rstrip().rsplit(" ", 1)
        if len(rest) < 2 or _PARTICLE_END.search(rest[1]) or not _LIST_OPEN.search(rest[0] + " "):
            return [], None
        head, lead = rest[0] + " ", rest[1]
    out: list[str] = []
    for part in reversed(_LIST_SEP.split(head)[:-1]):
        tokens = re.sub(r"^[\s\-∙･·•○□ㅇ]+", "", part).split()
        if not tokens or not (_ORG_WORD.search(tokens[-1]) or _COMPANY.search(tokens[-1])):
            break
        name = tokens[-1]
        if (len(tokens) >= 2 and (_BRANCH.fullmatch(clean_partner(name)) or _ORG_WORD.search(tokens[-2]))
                and not _PARTICLE_END.search(tokens[-2])):  # a body and its branch or unit
            name = f"{tokens[-2]} {name}"
        p = clean_partner(name)
        if not _named(p, name) or p.endswith(_CATEGORY_END):
            break
        out.insert(0, p)
    return out, (lead if out else None)
