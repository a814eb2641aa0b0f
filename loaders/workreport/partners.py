"""Sister cities, resident discounts, agreements and awards.

>>> relation_of("우 호 교 류"), relation_of("자 매 결 연"), relation_of("우호의향서"), relation_of("")
('우호', '자매', '우호의향서', None)
>>> org_name("K·water"), org_name("한국수자원공사(K-WATER)")
('한국수자원공사', '한국수자원공사')
"""
from __future__ import annotations

import re

from loaders.lexicon import agreements as agreement_kinds
from loaders.lexicon import labels, places
from loaders.lexicon.words import alt, of, words
from loaders.fields import selections
from loaders.records import Agreement, Award, Discount, GrantSelection, Party, SisterCity
from loaders.text import BRANCH, nfc, parse_date
from loaders.workreport.parse import Document, Table

# the words of this module are rows of loaders/lexicon/data/*.csv (twinning, agreement_lines,
# party_words, org_kinds, award_results, company_forms), each with an example and its source
_CITY_H = words("twinning", "city_header")
_DATE_H = words("twinning", "date_header")
_COUNTRY_H = words("twinning", "country_header")
_RELATION_H = words("twinning", "relation_header")
_FACILITY_KEY = words("twinning", "facility_key")[0]
_FACILITY_H = words("twinning", "facility_header")
_TOTAL_ROW = words("twinning", "total_row")
_TWIN_CAPTION = words("twinning", "caption_twinning")[0]
_DEFAULT_RELATION = words("twinning", "default_relation")[0]
_ANY_SISTER_CITY = words("twinning", "any_sister_city")[0]
_TWIN_CUES = words("twinning", "line_cue")
_DISCOUNT_H = words("twinning", "discount_header")
_ORG_ALIASES = {r.pattern: r.means for r in of("party_words", "alias")}
# what is never a partner's name: lexicon kinds (loaders/lexicon/data/labels.csv, each row with its source)
_NOT_NAME_KINDS = ("place_common_noun", "partner_common_noun", "action_noun")
_SELF = re.compile(r"^(?:" + alt("party_words", "self") + r")$")
_UNNAMED = re.compile(r"\d+\s*개\s*(?:" + alt("party_words", "counted") + r")|" + alt("party_words", "unnamed"))


def _c(text: str) -> str:
    return "".join(text.split())


def relation_of(cell: str) -> str | None:
    """The twinning relation a word names; `우호교류의향서` is a friendship letter of intent."""
    c = _c(cell)
    for word in labels.words("twin_relation"):  # longest first: 우호교류의향서 before 우호
        if word in c:
            return labels.canonical(word, "twin_relation")
    return None


def _common(word: str) -> bool:
    """A kind of place or body, or a verbal noun (lexicon tables): never a partner's name.

    >>> [_common(w) for w in ("온라인", "협력기관", "추진", "신청", "어바인시", "광주FC")]
    [True, True, True, True, False, False]
    """
    w = _c(word)
    return any(labels.is_label(w, kind) for kind in _NOT_NAME_KINDS)


def _name_like(name: str) -> bool:
    """No word of `name` is a common noun or a verb (`신규 도시`, `자매도시 교류 실시`)."""
    words = name.split()
    return bool(words) and not any(_common(w) for w in words) and not _common(name)


_COMPANY_FORM = alt("company_forms", "marker")


def org_name(mention: str) -> str:
    key = re.sub(r"[\s\-·()]", "", mention).lower()
    plain = re.sub(_COMPANY_FORM, "", nfc(mention)).strip()
    return _ORG_ALIASES.get(key, _ORG_ALIASES.get(re.sub(r"[^가-힣a-z]", "", key), plain or nfc(mention)))


def _segments(header: list[str]) -> list[list[int]]:
    """Column groups of a table printed in side-by-side halves (a header word repeats)."""
    segs: list[list[int]] = [[]]
    seen: set[str] = set()
    for i, h in enumerate(header):
        if h and h in seen:
            segs.append([])
            seen = set()
        segs[-1].append(i)
        if h:
            seen.add(h)
    return segs


def _cell(row: list[str], i: int | None) -> str:
    return row[i].strip() if i is not None and i < len(row) else ""


def _find(header: list[str], seg: list[int], names: tuple[str, ...], prefix: bool = False) -> int | None:
    for i in seg:
        if header[i] in names or (prefix and header[i].startswith(names)):
            return i
    return None


def _twinning_tables(doc: Document):
    for t in doc.tables:
        header = [_c(h).split("(")[0] for h in t.rows[0]]  # `도시명(국가)`: the city column
        if any(h in _CITY_H for h in header):
            yield t, header


_DOMESTIC = (*labels.words("domestic_country"), "-", "")
_CITY_COUNTRY = re.compile(r"^(?P<city>.+?)\s*[(（]\s*(?P<country>[가-힣]{2,10})\s*[)）]$")


def extract_sister_cities(doc: Document, issuer: Party | None, res) -> list[SisterCity]:
    if issuer is None:
        return []
    out: list[SisterCity] = []
    seen: set[str] = set()
    for t, header in _twinning_tables(doc):
        discount = any(h.startswith(_DISCOUNT_H) for h in header)
        caption = " ".join(t.caption)
        for seg in _segments(header):
            city_i = _find(header, seg, _CITY_H)
            if city_i is None:
                continue
            date_i = _find(header, seg, _DATE_H, prefix=True)
            country_i = _find(header, seg, _COUNTRY_H, prefix=True)
            rel_i = _find(header, seg, _RELATION_H)
            if rel_i is None:  # `구 분` whose cells read 자매결연 / 우호교류
                rel_i = next((i for i in seg if i not in (city_i, date_i, country_i) and sum(
                    1 for r in t.rows[1:] if relation_of(_cell(r, i))) >= max(1, (len(t.rows) - 1) // 2)), None)
            default = _DEFAULT_RELATION if (not discount and (_TWIN_CAPTION in caption or rel_i is not None)) else None
            for row, no in zip(t.rows[1:], t.row_lines[1:]):
                city = nfc(_cell(row, city_i))
                if not city or re.fullmatch(r"[\d\s.,-]+", city) or city in _TOTAL_ROW:
                    continue
                country = _c(_cell(row, country_i)) or None
                cc = _CITY_COUNTRY.match(city)
                if cc and places.is_country(cc.group("country")):  # `샌안토니오시(미국)`
                    city, country = cc.group("city"), cc.group("country")
                if country in _DOMESTIC:
                    country = None
                partner = (Party(city, country=country, name=city) if country
                           else res.party(city, context=None))
                ident = partner.code or f"{country}:{city}"
                if ident in seen:
                    continue
                seen.add(ident)
                rel = None if discount else (relation_of(_cell(row, rel_i)) or default)
                date = parse_date(_cell(row, date_i)) if date_i is not None else None
                out.append(SisterCity(issuer, partner, rel, date, no))
    for sc in prose_twinning(doc, issuer, res):
        ident = sc.partner.code or f"{sc.partner.country}:{sc.partner.label}"
        if ident not in seen:
            seen.add(ident)
            out.append(sc)
    return out


_COUNTRY_ALT = "|".join(sorted(places.countries(), key=len, reverse=True))
# `중국 자매도시(웨이하이시)`, `미국 캘리포니아주 세리토스시(우호도시)`, `강원 평창군(자매도시)과`,
# `베트남 다낭시 우호교류의향서 체결('23.5.12.)`: twinning named in an activity line
_TWIN_REL, _TWIN_PLACE = alt("twinning", "relation"), alt("twinning", "place")
_CITY_END = alt("twinning", "city_ending")  # 시|군|구|주|성|현|도
_TWIN_PAREN_NAME = re.compile(r"(?:(?P<country>" + _COUNTRY_ALT + r")\s+)?(?P<rel>" + _TWIN_REL + r")\s*(?:" + _TWIN_PLACE + r")\s*"
                              r"\(\s*(?P<city>[가-힣A-Za-z][가-힣A-Za-z\s·]{1,20}?)\s*\)")
_TWIN_PAREN_REL = re.compile(r"(?:(?P<country>" + _COUNTRY_ALT + r")\s+)?(?P<city>(?:[가-힣]{1,10}\s+){0,2}[가-힣]{1,10}"
                             r"(?:" + _CITY_END + r"))\s*\(\s*(?P<rel>" + _TWIN_REL + r")\s*(?:" + alt("twinning", "bracket_place") + r")?\s*\)")
_TWIN_LOI = re.compile(r"(?:(?P<country>" + _COUNTRY_ALT + r")\s+)?(?P<city>(?:[가-힣]{1,10}\s+){0,2}[가-힣]{1,10}"
                       r"(?:" + _CITY_END + r"))(?:\s*(?:와|과))?\s+(?P<rel>" + alt("twinning", "letter_of_intent") + r")\s*(?:"
                       + alt("twinning", "signed") + ")")

# `경기도 안산시와는 1996. 10. 7. 자매결연을 맺은`, `중국 허난성 신미시와는 … 우호도시 관계를 맺었으나`:
# the partner before 와/과, the date, the relation and its verb after
_TWIN_WITH = re.compile(r"(?:(?P<country>" + _COUNTRY_ALT + r")\s+)?(?P<city>(?:[가-힣]{1,10}\s+){0,2}[가-힣]{1,10}"
                        r"(?:" + _CITY_END + r"))(?:와|과)(?:는|의)?\s+(?P<date>(?:19|20)\d\d\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}\s*\.?)?"
                        r"\s*(?P<rel>" + _TWIN_REL + r")[가-힣\s]{0,8}?(?:을|를)\s*(?:" + alt("twinning", "bond_verb") + ")")


def prose_twinning(doc: Document, issuer: Party, res) -> list[SisterCity]:
    """Sister and friendship cities written in activity lines, not tables."""
    out = []
    for ln in doc.lines:
        text = ln.text
        if "\t" in ln.raw or not any(w in text for w in _TWIN_CUES):
            continue
        # every mention on the line (`중국 자매도시(A), 일본 우호도시(B) 방문`), left to right, none overlapping
        found = sorted(((m.start(), -m.end(), m, rx) for rx in (_TWIN_PAREN_NAME, _TWIN_PAREN_REL, _TWIN_LOI, _TWIN_WITH)
                        for m in rx.finditer(text)), key=lambda x: (x[0], x[1]))
        kept = []
        for _, _, m, rx in found:
            if not kept or m.start() >= kept[-1][0].end():
                kept.append((m, rx))
        for k, (m, rx) in enumerate(kept):
            city = " ".join(m.group("city").split())
            partner = _twin_partner(city, m.group("country"), issuer, res)
            if partner is None:
                continue
            date = None
            if rx is _TWIN_LOI:  # on the line (`체결('23.5.12.)`) or a child `일 시 :` line
                stop = kept[k + 1][0].start() if k + 1 < len(kept) else len(text)
                date = parse_date(text[m.end():stop]) or _child_date(doc, ln.no, None)
            elif rx is _TWIN_WITH and m.group("date"):
                date = parse_date(m.group("date"))
            out.append(SisterCity(issuer, partner, relation_of(m.group("rel")), date, ln.no))
    return out


def _twin_partner(city: str, country: str | None, issuer: Party, res) -> Party | None:
    if not _name_like(city):
        return None  # `자매도시(온라인)`, `베트남 신규 도시 …`: no city named
    if country:  # foreign cities as the source writes them (`캘리포니아주 세리토스시`)
        return Party(city, country=country, name=city)
    p = res.party(city, context=issuer.code, strict=True)
    if p is None or p.code == issuer.code:
        return None
    return p


_DISCOUNT_WORDS = labels.words("discount_word")


def extract_discounts(doc: Document, issuer: Party | None, res) -> list[Discount]:
    if issuer is None:
        return []
    out: list[Discount] = []
    for t in doc.tables:
        header = [_c(h) for h in t.rows[0]]
        if not any(h.startswith(_DISCOUNT_WORDS) for h in header) or _FACILITY_KEY not in header:
            continue  # `시설명 | 할인율`, `시설명 | 감면율`
        for seg in _segments(header):
            city_i = _find(header, seg, _CITY_H)
            fac_i = _find(header, seg, _FACILITY_H)
            rate_i = _find(header, seg, _DISCOUNT_WORDS, prefix=True)
            if fac_i is None:
                continue
            city_party = None
            for row, no in zip(t.rows[1:], t.row_lines[1:]):
                city = nfc(_cell(row, city_i)) if city_i is not None else ""
                if city:
                    city_party = res.party(city)
                facility = nfc(_cell(row, fac_i))
                if not facility:
                    continue
                rate = nfc(_cell(row, rate_i)) or None
                if city_i is None:
                    out.append(Discount(issuer, Party(_ANY_SISTER_CITY, name=_ANY_SISTER_CITY), facility, rate, no))
                elif city_party is not None:
                    out.append(Discount(city_party, issuer, facility, rate, no))
    return out


# -- agreements ------------------------------------------------------------------

# the agreement kinds' words (lexicon/data/agreement_kinds.csv, shared with the casebooks)
_AGREEMENT = agreement_kinds.words_of(intent=False)  # `MOU|양해각서|업무\s*(?:협력\s*)?협약|협약`
_AGREE_ALT = agreement_kinds.words_of()
_AGREE = re.compile(_AGREE_ALT)
_PAREN = re.compile(r"(?:" + _AGREE_ALT + r")[^()]{0,12}\(([^()]+)\)")
_NOT_AGREE = re.compile(alt("agreement_lines", "not_agreement"))
_SIGNED = alt("agreement_lines", "signed")
_QUOTE = re.compile(r"['‘’\"“”「]([^'‘’\"“”「」]{2,80})['’\"”」]")


def _agree_word(text: str) -> bool:
    return _AGREE.search(text) is not None


def _kind(text: str) -> str:
    """The agreement-types label of the first kind (agreement_kinds.csv, in table order) the line has."""
    return agreement_kinds.kind_of(text)


def _agree_date(text: str, ref_year: int | None) -> str | None:
    d = parse_date(text, ref_year)
    if d:
        return d
    m = re.search(r"(?<!\d)(1[0-2]|0?[1-9])\s*월", text)
    if m and ref_year:
        return f"{ref_year:04d}-{int(m.group(1)):02d}"
    return None


def _party(piece: str, issuer: Party, res, issuer_names: set[str]) -> Party | None:
    """
    >>> class R:
    ...     def party(self, *a, **k): return None
    >>> [_party(w, Party("x", code="1"), R(), set()) for w in ("관할 경찰서", "지역 대학교 산학협력단", "소방서")]
    [None, None, None]
    >>> _party("성주경찰서", Party("x", code="1"), R(), set()).name
    '성주경찰서'
    """
    piece = nfc(piece).strip(" '‘’\"")
    if not piece or _SELF.match(piece) or piece in issuer_names or _UNNAMED.search(piece) or not _name_like(piece):
        return None
    if _BARE_TYPE.fullmatch(piece) or _LOCAL_KIND.match(piece):
        return None  # `업무협약(성주군-관할 경찰서)`: a kind of body, not a named one (as in prose)
    p = res.party(piece, context=issuer.code, strict=True)
    if p is not None:
        return None if p.code == issuer.code else p
    if len(piece) > 25 or re.search(r"\d", piece) and not re.search(r"[A-Za-z]", piece):
        return None
    return Party(piece, name=org_name(piece))


# `한국전력공사와 업무협약 체결`, `(주)카카오와 「…」 MOU 체결`: the named body right
# before 와/과. Accepted only as a government the gazetteer knows or a name that
# looks like an organisation (suffix list), never a generic `5개 대학`.
_PROSE = re.compile(
    r"(?P<name>[가-힣A-Za-z0-9㈜()·&\-]{2,25})\s*(?:와|과)의?\s+(?:(?:「[^」]*」|'[^']*'|‘[^’]*’|\"[^\"]*\")\s*)?"
    r"(?:[가-힣·]{1,10}\s+){0,5}(?:" + _AGREEMENT + r")\s*(?:을|를)?\s*(?:" + _SIGNED + "|"
    + alt("agreement_lines", "pursued") + ")"
)
_ORG_SUFFIX = re.compile(
    r"(?:" + alt("org_kinds", "name_ending") + "|" + _COMPANY_FORM + r")$|^(?:" + _COMPANY_FORM + r")|^[A-Z][A-Za-z&\-]{1,}$"
)


def _prose_partner(text: str, issuer: Party, res, issuer_names: set[str]) -> Party | None:
    """
    >>> class R:
    ...     def party(self, *a, **k): return None
    >>> _prose_partner("○ 한국전력공사와 업무협약 체결('23.3.15.)", Party("x", code="1"), R(), set()).name
    '한국전력공사'
    >>> _prose_partner("관내 5개 대학과 업무협약 체결", Party("x", code="1"), R(), set()) is None
    True
    >>> _prose_partner("○ KT 지역본부와 업무협약 체결", Party("x", code="1"), R(), set()).name
    'KT 지역본부'
    >>> _prose_partner("○ 관내 지역본부와 업무협약 체결", Party("x", code="1"), R(), set()) is None
    True
    >>> _prose_partner("- 국민건강보험공단 종로지사와 업무협약 체결", Party("x", code="1"), R(), set()).name
    '국민건강보험공단 종로지사'
    >>> _prose_partner("- 국민건강보험공단 지사와 업무협약 체결", Party("x", code="1"), R(), set()).name
    '국민건강보험공단 지사'
    >>> _prose_partner("- 고려대학교 산학협력단과 업무협약 체결", Party("x", code="1"), R(), set()).name
    '고려대학교 산학협력단'
    >>> [_prose_partner(f"- {w}와 업무협약 체결", Party("x", code="1"), R(), set())
    ...  for w in ("관할 경찰서", "지역 소방서", "지역 대학교 산학협력단", "경기도지사")]
    [None, None, None, None]
    >>> [_prose_partner(f"- {w}와 업무협약 체결", Party("x", code="1"), R(), set()).name
    ...  for w in ("KT 진도지사", "청양상공회의소")]
    ['KT 진도지사', '청양상공회의소']
    """
    m = _PROSE.search(text)
    if not m:
        return None
    name = m.group("name").strip("·-")
    before = text[: m.start("name")]
    if re.search(r"\d+\s*개\s*$|등\s*$", before):
        return None  # `5개 대학과`: not a named partner
    branch = _BRANCH.fullmatch(name)
    if branch:  # `KT 지역본부와`, `국민건강보험공단 지사와`, `고려대학교 산학협력단과`: a named body's branch
        prev = _PREV_WORD.search(before)
        if (not prev or not _ORG_SUFFIX.search(prev.group(1)) or _UNNAMED.search(prev.group(1))
                or _BARE_TYPE.fullmatch(prev.group(1))):
            return None  # `관내 지역본부와`, `지역 대학교 산학협력단과`: no name before the branch
        name = f"{prev.group(1)} {name}"
    elif (re.fullmatch(r"[가-힣]+", name) and len(name) < 3) or _BARE_TYPE.fullmatch(name):
        prev = _PREV_WORD.search(before)
        gov = res.party(f"{prev.group(1)} {name}", context=issuer.code, strict=True) if prev else None
        if gov is not None and gov.code and gov.code != issuer.code:
            return gov  # `대전광역시 동구와 …`: a government named in two words
        return None  # `관내 대학과`, `관할 경찰서와`: a kind of body, not a named one
    p = _party(name, issuer, res, issuer_names)
    if p is None or p.code:
        return p
    return p if (branch or _ORG_SUFFIX.search(name)) and not _UNNAMED.search(name) else None


_BRANCH = BRANCH
# an organisation-kind word alone (`경찰서`, `대학교`): what kind of body, not which
_QUALIFIER = alt("org_kinds", "place_qualifier")
_BARE_TYPE = re.compile(r"(?:" + _QUALIFIER + r")?\s*(?:" + alt("org_kinds", "body_kind") + ")")
_LOCAL_KIND = re.compile(r"(?:" + _QUALIFIER + r")\s")
_PREV_WORD = re.compile(r"(?:^|[\s○●◦□■·\-])([가-힣A-Za-z0-9㈜()&]{2,15})\s+$")


def extract_agreements(doc: Document, issuer: Party | None, res, ref_year: int | None,
                       issuer_names: set[str]) -> list[Agreement]:
    if issuer is None:
        return []
    found: list[Agreement] = []
    for ln in doc.lines:
        text = ln.text
        if "\t" in ln.raw or not _agree_word(text) or _NOT_AGREE.search(text):
            continue
        parties: list[Party] = []
        date = None
        m = _PAREN.search(text)
        if m:
            inner = re.sub(r"K\s*[-·ㆍ]\s*water", "K-water", m.group(1), flags=re.I)
            head, _, tail = inner.partition(",")
            if re.search(r"↔|-|·|,|와|과", head) or _AGREE.search(text[:m.start()]):
                for piece in re.split(r"\s*(?:↔|⟷|<->|-(?![A-Za-z])|(?<![A-Za-z])-|ㆍ)\s*", head):
                    p = _party(piece, issuer, res, issuer_names)
                    if p is not None:
                        parties.append(p)
            date = _agree_date(tail or head, ref_year) if tail else None
        title = None
        for q in _QUOTE.findall(text):
            names = [x for x in re.split(r"[·ㆍ,]", q) if x.strip()]
            resolved = [res.party(x, context=issuer.code, strict=True) for x in names]
            if len(names) > 1 and all(resolved):
                parties += [p for p in resolved if p.code != issuer.code]
            elif title is None:
                title = nfc(q)
        if date is None:
            pm = re.search(r"\(([^()]*\d[^()]*)\)\s*$", text) or re.search(r"\(([^()]*\d[^()]*)\)", text)
            date = _agree_date(pm.group(1), ref_year) if pm else _agree_date(text, ref_year)
        if not parties:
            pair = _pair_partner(text, issuer, res, issuer_names)
            if pair is not None:
                parties.append(pair)
                if title and "-" in title and pair.label in title:
                    title = None  # `「수성구-대구교통공사」`: the parties, not a title
        if not parties:
            loi = _TWIN_LOI.search(text)
            if loi and loi.group("country"):
                city = " ".join(loi.group("city").split())
                if _name_like(city):
                    parties.append(Party(city, country=loi.group("country"), name=city))
        if not parties:
            before = _before_word_partner(text, issuer, res, issuer_names)
            if before is not None:
                parties.append(before)
        if not parties:
            prose = _prose_partner(text, issuer, res, issuer_names)
            if prose is None:
                continue
            parties.append(prose)
        child_date, purpose = _child_fields(doc, ln.no, ref_year)
        date = date or child_date
        if purpose and title is None:
            title = purpose  # `협약내용 : …` names what was agreed
        found.append(Agreement((issuer, *_dedupe(parties)), _kind(text), title, date, ln.no))
    found += _table_agreements(doc, issuer, res, ref_year, issuer_names)
    found.sort(key=lambda a: a.line)
    return _merge(found)


_PARTNER_HEAD = re.compile(r"^(?:" + alt("agreement_words", "partner_table_head") + r")$")


def agreement_table(t: Table) -> tuple[int, int, int | None] | None:
    """(partner, date, purpose) columns of a table of agreements, else None."""
    if len(t.rows) < 2:
        return None
    head = ["".join(c.split()) for c in t.rows[0]]
    who = next((j for j, h in enumerate(head) if _PARTNER_HEAD.match(h)), None)
    when = next((j for j, h in enumerate(head) if labels.is_label(h, "agreement_date_key")), None)
    if who is None or when is None:
        return None
    return who, when, next((j for j, h in enumerate(head) if labels.is_label(h, "agreement_purpose_key")), None)


def _table_agreements(doc: Document, issuer: Party, res, ref_year: int | None,
                      issuer_names: set[str]) -> list[Agreement]:
    """A table of agreements: a partner column (`협약기관`) and a signing-date column
    (`협약일`, `체결일`; labels' agreement_date_key), both in the header; one agreement a row,
    the partners of a cell split at commas (`울산항만공사, 한국석유공사`)."""
    out: list[Agreement] = []
    for t in doc.tables:
        cols = agreement_table(t)
        if cols is None:
            continue
        who, when, what = cols
        for r, no in zip(t.rows[1:], t.row_lines[1:]):
            if max(who, when) >= len(r):
                continue
            parties = [p for p in (_party(x, issuer, res, issuer_names) for x in re.split(r"[,，·ㆍ]", r[who]))
                       if p is not None]
            if not parties:
                continue
            title = nfc(r[what]).strip() or None if what is not None and what < len(r) else None
            out.append(Agreement((issuer, *_dedupe(parties)), _kind(" ".join(t.rows[0] + r)), title,
                                 _agree_date(r[when], ref_year), no))
    return out


# `「수성구-대구교통공사」 업무협약 체결`, `수성구-경북대학교 MOU협약(2019.3.4.)`,
# `김포시-김포우체국 위기가구 발굴 업무협약 체결`: the issuer and the partner joined by a dash
_PAIR = re.compile(r"(?P<a>[가-힣A-Za-z0-9·]{2,20})\s*[-–↔]\s*(?P<b>[가-힣A-Za-z0-9·&]{2,30}(?:\s[가-힣A-Za-z0-9]{2,12})?)"
                   r"\s*[」』]?\s*(?:[가-힣·]{1,10}\s+){0,3}(?:" + alt("agreement_lines", "between") + r"\s*)?(?:"
                   + _AGREEMENT + ")")


def _pair_partner(text: str, issuer: Party, res, issuer_names: set[str]) -> Party | None:
    for m in _PAIR.finditer(text):
        a = m.group("a")
        if a not in issuer_names:
            p = res.party(a, context=issuer.code, strict=True)
            if p is None or p.code != issuer.code:
                continue
        words = m.group("b").split()
        cand = " ".join(words) if len(words) == 2 and _BRANCH.fullmatch(words[1]) else words[0]
        p = _party(cand, issuer, res, issuer_names)  # `… 충남지역본부` is a branch; `… 위기가구` is the purpose
        if p is not None:
            return p
    return None


# `한국전력공사 광주전남본부 업무협약 체결`: the partner right before the agreement word, with no
# 와/과 and no dash; taken only as a government the gazetteer knows or a name with an organisation
# suffix or branch (a verb or a common noun never: `공동 연구 업무협약`, `참여 신청 업무협약`).
_BEFORE_WORD = re.compile(r"(?:^|[\s○●◦□■·\-」』])(?P<name>(?:[가-힣A-Za-z0-9㈜()&]{2,20}\s+)??[가-힣A-Za-z0-9㈜()&]{2,20})\s+"
                          + "(?:" + agreement_kinds.words_of(intent=False, spaced=True) + r")\s*(?:을|를)?\s*(?:" + _SIGNED + ")")


def _before_word_partner(text: str, issuer: Party, res, issuer_names: set[str]) -> Party | None:
    """
    >>> class R:
    ...     def party(self, *a, **k): return None
    >>> _before_word_partner("○ 한국전력공사 광주전남본부 업무협약 체결", Party("x", code="1"), R(), set()).name
    '한국전력공사 광주전남본부'
    >>> [_before_word_partner(f"○ {w} 업무협약 체결", Party("x", code="1"), R(), set())
    ...  for w in ("공동 연구", "참여 신청", "기관 간", "관내 대학교", "북구-협력기관", "지역 상생")]
    [None, None, None, None, None, None]
    """
    m = _BEFORE_WORD.search(text)
    if not m:
        return None
    words = m.group("name").split()
    if len(words) == 2 and _BRANCH.fullmatch(words[1]):
        if not _ORG_SUFFIX.search(words[0]) or _BARE_TYPE.fullmatch(words[0]) or _common(words[0]):
            return None
        name = " ".join(words)
    else:
        name = words[-1]
        if _BARE_TYPE.fullmatch(name) or _common(name):
            return None
    p = _party(name, issuer, res, issuer_names)
    if p is None or p.code:
        return p
    return p if _BRANCH.fullmatch(words[-1]) or _ORG_SUFFIX.search(name) else None


def _child_date(doc: Document, line: int, ref_year: int | None) -> str | None:
    """`- 일 시 : 2023. 3. 15.(수) 14:00` on the lines under an agreement bullet."""
    return _child_fields(doc, line, ref_year)[0]


def _child_fields(doc: Document, line: int, ref_year: int | None) -> tuple[str | None, str | None]:
    """(date, purpose) from the `key : value` lines under a bullet (`일 시 :`, `협약내용 :`; keys in
    the lexicon's agreement_date_key / agreement_purpose_key), up to the next line that is no child."""
    date = purpose = None
    parent = doc.lines[line - 1] if 0 < line <= len(doc.lines) else None
    for ln in doc.lines[line:line + 8]:
        if not ln.text:
            continue
        kv = ln.kv()
        sibling = parent is not None and parent.marker and ln.marker == parent.marker and ln.indent <= parent.indent
        if not kv or ln.heading or ln.marker in ("□", "■") or sibling:
            break  # a line that is no `key : value` child (a sibling bullet, a heading) ends the bullet
        if date is None and labels.is_label(kv[0], "agreement_date_key"):
            date = _agree_date(kv[1], ref_year)
        elif purpose is None and labels.is_label(kv[0], "agreement_purpose_key"):
            purpose = nfc(kv[1]).strip() or None
    return date, purpose


def _dedupe(parties: list[Party]) -> list[Party]:
    out: list[Party] = []
    for p in parties:
        if all((p.code or p.label) != (q.code or q.label) for q in out):
            out.append(p)
    return out


def _keys(a: Agreement) -> set[str]:
    return {p.code or p.label for p in a.parties[1:]}


def _same_signing(a: Agreement, b: Agreement) -> bool:
    """Two dated mentions of one signing: the same partners, or one a list of co-signers the other
    shares or completes (`제천시·단양군·… 공동 협약` then `한국수자원공사와 협약`, same day). Two
    single-partner agreements with different partners on one day stay two."""
    ka, kb = _keys(a), _keys(b)
    return ka == kb or bool(ka & kb) or len(ka) > 1 or len(kb) > 1


def _merge(found: list[Agreement]) -> list[Agreement]:
    """The same signing told twice (a list of cities, then the partner body): one agreement."""
    out: list[Agreement] = []
    for a in found:
        twin = next((b for b in out if a.date and b.date == a.date and abs(a.line - b.line) < 60
                     and _same_signing(a, b)), None)
        if twin is None:  # told twice, once with its date: the overview and the results
            key = {p.code or p.label for p in a.parties[1:]}
            twin = next((b for b in out if {p.code or p.label for p in b.parties[1:]} == key
                         and (a.date is None or b.date is None)), None)
            if twin is not None and twin.date is None and a.date is not None:
                out[out.index(twin)] = Agreement(a.parties, a.kind, a.title or twin.title, a.date,
                                                 min(twin.line, a.line), max(twin.line, a.line))
                continue
        if twin is None:
            out.append(a)
            continue
        title = twin.title if twin.title and not re.search(r"·", twin.title) else a.title or twin.title
        merged = Agreement((twin.parties[0], *_dedupe(list(twin.parties[1:]) + list(a.parties[1:]))),
                           twin.kind or a.kind, title, twin.date, min(twin.line, a.line), max(twin.line, a.line))
        out[out.index(twin)] = merged
    return out


# -- awards ------------------------------------------------------------------------

# award_grades.csv, shared with the casebooks: grades in table order (the longer reading first),
# then commendations and results that are no grade (`인증`, `선정`)
_GRADE_RE = "|".join(alt("award_grades", k) for k in ("grade", "commendation", "result"))
_MINISTRY = alt("org_kinds", "ministry_ending")
_EVALUATION, _RESULT, _RATING_WORD = (words("award_results", k)[0] for k in ("evaluation", "result", "rating"))
_CONTEST_CUES = words("award_results", "contest_cue")
_WON_CUES = words("award_results", "won")
_AWARDED = words("award_results", "awarded")[0]
_SELECTION_CUE = words("award_results", "selection_cue")[0]
# `2023년 행정안전부 지방규제혁신 평가 결과 : 최우수`, `… 우수사례 경진대회 결과 : 대상`,
# `2025년 고용노동부 일자리대상 결과 : 우수상`: an evaluation or contest, then its result
_EVAL = re.compile(r"(?:(?P<year>(?:19|20)\d\d)\s*년\s*)?(?:(?P<awarder>[가-힣]{2,12}(?:"
                   + alt("org_kinds", "evaluator_ending") + r")|"
                   r"[가-힣]{1,6}(?:" + alt("org_kinds", "local_gov_ending") + r"))\s+)?"
                   r"(?P<name>[^:：()]{2,40}?(?:" + alt("award_results", "contest") + r"))\s*" + _RESULT
                   + r"\s*[:：]\s*(?P<res>.+)$")
_PRIZE = re.compile(r"(?P<name>[^,()]{3,60}?)\s*['‘\"“]?(?P<grade>" + _GRADE_RE + r")['’\"”]?\s*(?:"
                    + alt("award_results", "won") + ")")
# `민원서비스 종합평가 '가'등급 달성`, `청렴도 평가 2등급`: a rating as written
_RATING = re.compile(r"(?P<name>[^,()]{3,60}?" + _EVALUATION + r")\s*(?:" + _RESULT
                     + r"\s*)?[:：]?\s*['‘\"“「]?(?P<grade>[가-마SABCD1-5])['’\"”」]?\s*" + _RATING_WORD)
# `’23년 행정안전부 지방재정 신속집행 평가 최우수`: an evaluation and its result, no `결과 :`
_EVAL_BARE = re.compile(r"(?P<name>[^,():：]{3,60}?" + _EVALUATION + r")\s+['‘\"“「]?(?P<grade>" + _GRADE_RE
                        + r")['’\"”」]?\s*(?:" + alt("award_results", "as_body") + r")?(?P<tail>\s*\([^()]*\))?\s*$")
_LEAD_YEAR = re.compile(r"^['’‘]?((?:19|20)?\d\d)\s*년\s*")
_LEAD_BODY = re.compile(r"^([가-힣]{2,12}(?:" + _MINISTRY + r")|[가-힣]{1,6}" + labels.or_regex("gov_suffix") + r")\s+")
_GRADE_IN = re.compile(r"(" + _GRADE_RE + r")")
_PREV_GRADE = re.compile(r"\(\s*['’‘]?(\d{2,4})\s*년?\s*[:：]\s*(" + _GRADE_RE + r")\s*\)")
_TOP_GRADE = re.compile(r"(?:" + alt("award_results", "top_grade") + ")")
_LEAD_JUNK = re.compile(r"^[^가-힣A-Za-z0-9「『]+")
_N_COUNT = re.compile(r"\d+\s*개")
_DATED_PAREN = re.compile(r"\(([^()]*\d[^()]*)\)")
_HOSTED = alt("org_kinds", "hosted")
_HOST_LEAD = re.compile(r"^([가-힣]{2,12}(?:" + _MINISTRY + r"))\s*(?:" + _HOSTED + r")\s*")
_AWARDER = re.compile(r"^([가-힣A-Za-z]{2,20}(?:" + alt("org_kinds", "awarder_ending") + r"))(?:\s*(?:" + _HOSTED + "))?$")


_GOV_AWARDER = re.compile(r"^[가-힣]{1,6}(?:" + alt("org_kinds", "local_gov_ending") + r")$")
_AWARDER_LEAD = re.compile(r"(?:(?:19|20)\d\d\s*년?\s*)?([가-힣]{2,12}(?:" + _MINISTRY + r"))\s")


def _awarder_in(text: str, name: str) -> str | None:
    """`(행정안전부, '23.12.)` after the award, or `행정안전부 주관 …` / `행정안전부 …` before it."""
    pm = re.search(r"\(([^(),]+)[,)]", text)
    if pm and _AWARDER.match(pm.group(1).strip()):
        return _AWARDER.match(pm.group(1).strip()).group(1)
    if pm and _GOV_AWARDER.match(pm.group(1).strip()) and _DATED_PAREN.match(text[pm.start():].lstrip()):
        return pm.group(1).strip()  # `'최우수' (충청남도, 2023. 12. 5.)`: a 시·도 that evaluates its 시·군·구
    lead = _AWARDER_LEAD.match(name)
    return lead.group(1) if lead else None


def _lead(award: Award) -> Award:
    """`2023년 문화체육관광부 대한민국 스포츠산업대상`: the year and the awarder that
    lead an award's name are its date and awarder, not its name."""
    name, date, awarder = award.award, award.date, award.awarder
    m = _LEAD_YEAR.match(name)
    if m:
        y = m.group(1)
        date = date or (y if len(y) == 4 else "20" + y)
        name = name[m.end():]
    m = _HOST_LEAD.match(name) or _LEAD_BODY.match(name)  # `행정안전부 주관 …` or `행정안전부 …`
    if m and len(name) - m.end() >= 3:
        awarder = awarder or m.group(1)
        if awarder == m.group(1):
            name = name[m.end():]
            y = _LEAD_YEAR.match(name)  # `행정안전부 주관 2024년 …`: the year after the awarder
            if y and len(name) - y.end() >= 3:
                date = date or (y.group(1) if len(y.group(1)) == 4 else "20" + y.group(1))
                name = name[y.end():]
    if (name, date, awarder) == (award.award, award.date, award.awarder):
        return award
    return Award(award.recipient, name, award.grade, awarder, date, award.subject, award.line, award.line_end)


def extract_awards(doc: Document, issuer: Party | None, ref_year: int | None) -> list[Award]:
    return [_lead(a) for a in _awards(doc, issuer, ref_year) + _table_awards(doc, issuer, ref_year)]


_AWARD_COLS = {k: re.compile(r"^(?:" + alt("award_results", kind) + r")$")
               for k, kind in (("name", "table_name"), ("grade", "table_grade"), ("awarder", "table_awarder"),
                               ("date", "table_date"))}


def award_table(t: Table) -> dict[str, int | None] | None:
    """The name, grade, awarder and date columns of an award table, else None."""
    if len(t.rows) < 2:
        return None
    head = ["".join(c.split()) for c in t.rows[0]]
    col = {k: next((j for j, h in enumerate(head) if rx.match(h)), None) for k, rx in _AWARD_COLS.items()}
    return col if col["name"] is not None and col["grade"] is not None else None


def _table_awards(doc: Document, issuer: Party | None, ref_year: int | None) -> list[Award]:
    """An award table: a name column (`수상명`) and a grade column (`등급`) in the header, an
    awarder (`수여기관`) and a date (`수상일`) column where it has them; one award a row."""
    if issuer is None:
        return []
    out: list[Award] = []
    for t in doc.tables:
        col = award_table(t)
        if col is None:
            continue

        def cell(r, k):
            j = col[k]
            return nfc(r[j]).strip() if j is not None and j < len(r) and r[j].strip() not in ("", "-") else None

        for r, no in zip(t.rows[1:], t.row_lines[1:]):
            name, grade = cell(r, "name"), cell(r, "grade")
            if not name or not grade:
                continue
            when = cell(r, "date")
            out.append(Award(issuer, name, grade, cell(r, "awarder"), parse_date(when, ref_year) if when else None,
                             None, no))
    return out


def _awards(doc: Document, issuer: Party | None, ref_year: int | None) -> list[Award]:
    if issuer is None:
        return []
    out: list[Award] = []
    for ln in doc.lines:
        if "\t" in ln.raw:
            continue
        text = ln.text
        # each pattern needs these words: lines without them are skipped unsearched
        evaluation = _EVALUATION in text
        m = _EVAL.search(text) if _RESULT in text and (evaluation or any(w in text for w in _CONTEST_CUES)) else None
        if m:
            res = m.group("res")
            g = _GRADE_IN.search(res.split("(")[0])
            year = m.group("year")
            if g is None:
                prev = _PREV_GRADE.search(res)
                if not prev:
                    continue
                y = prev.group(1)
                year, g = (y if len(y) == 4 else "20" + y), prev
                grade = prev.group(2)
            else:
                grade = g.group(1)
            out.append(Award(issuer, nfc(m.group("name")), grade, m.group("awarder"), year, None, ln.no))
            continue
        m = _PRIZE.search(text) if any(w in text for w in _WON_CUES) else None
        if m and _AWARDED in text[m.start():] or (m and _TOP_GRADE.search(m.group("grade"))):
            name = nfc(_LEAD_JUNK.sub("", m.group("name")))
            if _N_COUNT.search(name):
                continue
            date = None
            pm = _DATED_PAREN.search(text[m.end():])
            if pm:
                date = parse_date(pm.group(1), ref_year)
            out.append(Award(issuer, name, m.group("grade"), _awarder_in(text[m.end():], name), date, None, ln.no))
            continue
        m = _EVAL_BARE.search(text) if evaluation and _RESULT not in text else None
        if m:
            name = nfc(_LEAD_JUNK.sub("", m.group("name")))
            tail = m.group("tail") or ""  # `'우수' (행정안전부, 2023. 1. 19.)`: who gave it, and when
            pm = _DATED_PAREN.search(tail)
            date = parse_date(pm.group(1), ref_year) if pm else None
            awarder = _awarder_in(tail, name) if tail else None
            out.append(Award(issuer, name, m.group("grade"), awarder, date, None, ln.no))
            continue
        m = _RATING.search(text) if evaluation and _RATING_WORD in text else None
        if m:
            name = nfc(_LEAD_JUNK.sub("", m.group("name")))
            name = _HOST_LEAD.sub("", name)
            pm = _DATED_PAREN.search(text[m.end():])
            date = parse_date(pm.group(1), ref_year) if pm else None
            awarder = _awarder_in(text[m.end():], nfc(m.group("name")).lstrip("-○□ "))
            out.append(Award(issuer, name, m.group('grade') + _RATING_WORD, awarder, date, None, ln.no))
    return out


def extract_selections(doc: Document, issuer: Party | None, ref_year: int | None) -> list[GrantSelection]:
    """`행정안전부 공모사업 「…」 선정('23. 4. 7.)`: competitions the issuer won (loaders.fields.selections),
    each competition once (the overview and the results may both tell it)."""
    if issuer is None:
        return []
    out: list[GrantSelection] = []
    for ln in doc.lines:
        if "\t" in ln.raw or _SELECTION_CUE not in ln.text:
            continue
        for f in selections.selections_in(ln.text, ref_year):
            if any(g.competition == f.competition for g in out):
                continue
            out.append(GrantSelection(issuer, f.competition, f.awarder, f.date, f.amount_krw, None, ln.no))
    return out
