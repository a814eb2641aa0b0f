"""Entries tree -> typed records (pure, given a gazetteer)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from loaders.lexicon import labels, regions, vocab
from loaders.lexicon.words import alt, words
from loaders.casebook.agencies import Resolver
from loaders.casebook.agreements import find_agreements
from loaders.casebook.awards import find_awards
from loaders.casebook.cases import CaseRegistry, clean_case_name, name_from_highlight
from loaders.casebook.diffusion import channel_of, find_adoptions
from loaders.casebook.highlights import continues
from loaders.casebook.norm import nfc
from loaders.casebook.parse import CaseTree, RawEntry
from loaders.fields.selections import selections_in
from loaders.records import (Adoption, Agreement, Award, DocumentInfo, Entry, ExtractionCheck, GrantSelection,
                             Outcome, Party, Record, Section)
from loaders.text import parse_date, parse_period

_DIFFUSION = "diffusion"
# phone numbers in running text (`☎ 041-635-5589`): personal data, never kept
_PHONE = re.compile(r"\(\s*[☎☏]?\s*(?:0\d{1,3}[-)]\s?)?\d{3,4}-\d{4}\s*\)|[☎☏]\s*|"
                    r"(?<!\d)\d{2,4}-\d{3,4}-\d{4}(?!\d)")


def scrub(text: str) -> str:
    """
    >>> scrub("상담(☎ 02-2600-6527) 운영")
    '상담 운영'
    >>> scrub("- 용역 연구자 : 호서대학교 이용재 교수, 정책 팀장 회의")
    '- 용역 연구자 : 호서대학교 ○○○ 교수, 정책 팀장 회의'
    """
    text = _PERSON.sub(_person, text) if _TITLE_CUE.search(text) else text
    if "-" not in text and "☎" not in text and "☏" not in text:  # _PHONE needs one of them
        return text
    return _PHONE.sub("", text)


# a person named in running text by a title (`이정민 주무관의 제안`, `호서대학교 이용재 교수`):
# the name (three letters: a two-letter word before a title is more often a field, `정책 팀장`)
# is replaced by ○○○, as the books themselves anonymise
_TITLE_CUE = re.compile(alt("casebook_words", "person_title"))
_PERSON = re.compile(r"(?<![가-힣])([가-힣]{3})(?=\s+(?:" + alt("casebook_words", "person_title") + r")(?![가-힣]{2}))")


def _person(m: re.Match) -> str:
    from loaders.casebook.contact import _is_person

    return "○○○" if _is_person(m.group(1)) else m.group(1)


_HAS_PHONE = re.compile(r"☎|\d{2,4}-\d{3,4}-\d{4}")
_METRIC_LEAD = re.compile(r"^[-∙･·•*※➜→]\s*")
# the words: rows of loaders/lexicon/data/casebook_words.csv
_OUTCOME_SECTIONS = re.compile(alt("casebook_words", "outcome_section"))
_QUANTITY = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>%|" + alt("casebook_words", "quantity_unit") + ")")
_UNKNOWN = words("casebook_words", "unknown")[0]
# a partner that is a local government: a name ending like one, or a 광역 short name (gazetteer data)
_LOCAL_GOV = re.compile(r"[가-힣]{1,8}(?:시|군|구|도)|" + regions.alt(regions.short_names()))
# the grade opening a table cell, after the body that gave it where written (`행정안전부장관상`)
_GRADE_CELL = re.compile(r"^\s*(?P<body>[가-힣]{2,12}(?:" + alt("org_kinds", "ministry_ending") + r"))?\s*(?:"
                         + alt("award_grades", "grade") + ")")
_CITY_DISTRICT = re.compile(r"^(" + regions.alt(regions.cities_with_districts()) + r")(\S+구|\S+군)$")


def extract(tree: CaseTree, *, file_name: str, doc_id: str, sha256: str, gazetteer) -> list[Record]:
    year = tree.year
    ref = f"{year}-12-31" if year else None
    resolver = Resolver(gazetteer, ref)
    records: list[Record] = [DocumentInfo(doc_id=doc_id, file_name=file_name, sha256=sha256, genre="casebook",
                                          title=tree.title, issuer=None, year=str(year) if year else None,
                                          reference_date=ref, line=1)]
    cases = CaseRegistry()
    facts: list[Record] = []
    entries: list[Entry] = []
    own: dict[str, list[Party]] = {}  # case key -> agencies presenting it as their own
    checks: list = []  # what an entry's layout promised and could not be read
    book_channel = channel_of(tree.title) if tree.title else None  # a 확산 지원사업 book: its programme
    for e in tree.entries:
        agency = _agency(e, resolver)
        key = f"e{e.line}"
        indicator = e.indicator or _UNKNOWN
        name = _case_name(e)
        joined = [_join_all(body) for _t, _l, _le, body in e.sections]  # read by _sections and _outcomes
        ck = cases.add(name, e.line, e.line_end) or cases.add(f"{agency.label} {indicator}", e.line)
        entries.append(Entry(key=key, agency=agency, indicator=indicator, case_key=ck,
                             year=str(year) if year else None,
                             highlights=tuple(scrub(h[2]) for h in e.highlights),
                             contact_department=e.contact.department if e.contact else None,
                             sections=tuple(_sections(e, joined)), line=e.line, line_end=e.line_end))
        diffusion = vocab.lookup("indicators", indicator) == _DIFFUSION
        if not diffusion:
            own.setdefault(ck, []).append(agency)
        adoptions = _adoptions(e, agency, ck, diffusion, cases, resolver, year, book_channel)
        facts.extend(adoptions)
        checks.extend(_spread_checks(e, adoptions))
        facts.extend(_awards(e, agency, name, year))
        facts.extend(_table_award(e, agency, name, tree.title, checks))
        facts.extend(_selections(e, agency, name, year))
        facts.extend(_agreements(e, agency, resolver, year))
        facts.extend(_outcomes(e, key, year, joined))
    _set_origins(cases, own, [f for f in facts if isinstance(f, Adoption)])
    final = cases.final_keys()
    entries = [replace(x, case_key=final.get(x.case_key, x.case_key)) for x in entries]
    facts = [replace(x, case_key=final.get(x.case_key, x.case_key)) if isinstance(x, Adoption) else x
             for x in facts]
    from loaders.casebook.checks import entry_checks, section_list_checks
    from loaders.casebook.entry_table import unread_tables

    return (records + cases.records() + entries + facts + entry_checks(tree.entries, unread_tables(tree.lines))
            + section_list_checks(tree.entries, tree.section_lists) + checks)


def _agency(e: RawEntry, resolver: Resolver) -> Party:
    # the header wins over the contact line; the contact line fills an empty header
    for mention in (e.agency, e.contact.agency if e.contact else None):
        if mention:
            party = resolver.party(mention)
            if party:
                return party
    return Party(mention=e.agency or (e.contact.agency if e.contact else _UNKNOWN))


def _case_name(e: RawEntry) -> str:
    if e.subtitle:
        return clean_case_name(e.subtitle)
    if e.highlights:
        return name_from_highlight(e.highlights[0][2])
    for title, _l, _le, body in e.sections:
        for _no, raw in body:
            if nfc(raw):
                return name_from_highlight(raw)
    return clean_case_name(e.indicator or "")


def _sections(e: RawEntry, joined) -> list[Section]:
    out = []
    for (title, line, line_end, _body), lines in zip(e.sections, joined):
        text = "\n".join(t for _a, _b, t in lines)
        out.append(Section(title=title, text=scrub(text), line=line, line_end=line_end))
    return out


def _join_all(body):
    out: list[list] = []
    prev = prev_s = None
    for no, raw in body:
        s = nfc(raw)
        if not s:
            continue
        if out and prev is not None and continues(prev, prev_s, raw):
            out[-1][1], out[-1][2] = no, nfc(out[-1][2] + " " + s)
        else:
            out.append([no, no, s])
        prev, prev_s = raw, s
    return out


def _adoptions(e, agency, ck, diffusion, cases, resolver, year, book_channel=None) -> list[Adoption]:
    joined = [tuple(x) for x in _join_all(e.body)]
    found = find_adoptions(e.body, joined + [(no, no, s) for no, s in e.captions], book_channel)
    out: dict[tuple, Adoption] = {}
    own_seen = False
    for f in found:
        key = cases.add(f.case_name, f.line) if f.case_name else ck
        if key is None:
            continue
        date = parse_date(f.date_text, year) if f.date_text else None
        if f.list_text is not None:
            for adopter in resolver.find_in_list(f.list_text, context=agency.code):
                if adopter.code != agency.code:
                    out.setdefault((adopter.code, key), Adoption(adopter, key, agency, f.channel, date,
                                                                 f.line, f.line))
            continue
        source = resolver.party(f.source, context=agency.code) if f.source else None
        # the adopter a `도입기관 :` line names, else the entry's agency
        who = (resolver.party(f.adopter, context=agency.code) if f.adopter else None) or agency
        if source is not None and source.code == who.code:
            continue
        own_seen |= key == ck
        prior = out.get((who.code, key))
        if prior is not None and source is not None and prior.source is None and prior.channel != f.channel:
            # `X 등 7대 중점 추진과제 도입`, then `○○시의 ‘X’ 벤치마킹`: two ways in, the second from a named source
            out[(who.code, key, f.channel)] = Adoption(who, key, source, f.channel, date, f.line, f.line)
            continue
        out.setdefault((who.code, key), Adoption(who, key, source, f.channel, date, f.line, f.line))
    if diffusion and not out:
        out[(agency.code, ck)] = Adoption(agency, ck, None, None, None, e.line, e.line_end)
    return list(out.values())


def _spread_checks(e, adoptions: list[Adoption]) -> list[ExtractionCheck]:
    """A `확산 현황` table's total row against the adopting agencies read from its rows."""
    from loaders.casebook.diffusion_lists import spread_totals

    out = []
    for line, stated, rows in spread_totals(e.body):
        found = len({a.adopter.code or a.adopter.label for a in adoptions if a.line in rows})
        warning = (f"the spread table's total row states {stated} adopting agencies, {found} read from its rows"
                   if found != stated else None)
        out.append(ExtractionCheck("adoption", found, stated, "spread table total", warning, None, line))
    return out


def _awards(e, agency, subject, year) -> list[Award]:
    out: list[Award] = []
    for a in find_awards(e.body, year):
        if any(_same_award(a, b) for b in out):
            continue
        out.append(Award(recipient=agency, award=a.award, grade=a.grade, awarder=a.awarder, date=a.date,
                         subject=subject, line=a.line, line_end=a.line_end))
    return out


_BOOK_SUFFIX = re.compile(alt("casebook_words", "book_suffix"))


def _contest(title: str | None) -> str | None:
    """The contest a contest's casebook is the book of: its title without `수상사례집`,
    when what is left names a contest (labels.csv `casebook_award_contest`)."""
    if not title:
        return None
    name = nfc(_BOOK_SUFFIX.sub("", nfc(title)))
    key = "".join(name.split())
    return name if any(w in key for w in labels.words("casebook_award_contest")) else None


def _table_award(e, agency, subject, title, checks) -> list[Award]:
    """The grade in the entry table's award column (`기관명 | 사례명 | 담당부서 | 수상`), given by
    the contest the book's title names; unread (a warning) when the title names none or the
    cell holds no grade."""
    if e.table_award is None:
        return []
    line, cell = e.table_award
    contest = _contest(title)
    m = _GRADE_CELL.search(cell)
    if contest is None or m is None:
        checks.append(ExtractionCheck(
            "award", 0, 1, "entry table award column",
            f"award column `{cell}` not read: " + ("no grade in it" if m is None else "the title names no contest"),
            None, line))
        return []
    grade = re.sub(r"\s+", "", m.group(0)[m.end("body") - m.start() if m.group("body") else 0:])
    return [Award(recipient=agency, award=contest, grade=grade, awarder=m.group("body"), date=None,
                  subject=subject, line=line, line_end=line)]


def _selections(e, agency, subject, year) -> list[GrantSelection]:
    """Selections in competitions for funding or designation; one told twice in an
    entry (summary and body, a form and the narrative) is one, kept where it says most."""
    out: list[GrantSelection] = []
    for no, raw in e.body:
        for c in selections_in(raw, year):
            new = GrantSelection(agency=agency, competition=c.competition, awarder=c.awarder, date=c.date,
                                 amount_krw=c.amount_krw, subject=subject, line=no, line_end=no)
            i = next((i for i, old in enumerate(out) if _same_selection(old, new)), None)
            if i is None:
                out.append(new)
            elif _said(new) > _said(out[i]):
                out[i] = new
    return out


def _said(s: GrantSelection) -> int:
    return (s.awarder is not None) + (s.date is not None) + (s.amount_krw is not None)


def _same_selection(a: GrantSelection, b: GrantSelection) -> bool:
    if a.date and b.date and a.date[:4] != b.date[:4]:
        return False  # `’19년 … 선정`, `’20년 … 선정`: selected again
    x, y = re.sub(r"\W|\d+년", "", a.competition), re.sub(r"\W|\d+년", "", b.competition)
    bx, by = {x[i:i + 2] for i in range(len(x) - 1)}, {y[i:i + 2] for i in range(len(y) - 1)}
    return bool(bx and by) and len(bx & by) / min(len(bx), len(by)) >= 0.6


def _same_award(a, b: Award) -> bool:
    """The same award told twice in one entry (summary and body)."""
    if a.grade != b.grade or (a.date and b.date and a.date[:4] != b.date[:4]):
        return False
    x, y = re.sub(r"\W", "", a.award), re.sub(r"\W", "", b.award)
    bx, by = {x[i:i + 2] for i in range(len(x) - 1)}, {y[i:i + 2] for i in range(len(y) - 1)}
    return bool(bx and by) and len(bx & by) / min(len(bx), len(by)) >= 0.6


def _agreements(e, agency, resolver, year) -> list[Agreement]:
    out, seen = [], []
    for a in find_agreements(e.body + e.captions, year):
        partners = []
        from loaders.casebook.partner_split import split_joined

        for p in (q for x in a.partners for q in split_joined(x)):
            party = _partner(p, agency, resolver)
            if party is not None and (party.code is None or party.code != agency.code):
                if party.label not in {x.label for x in partners}:
                    partners.append(party)
        # an agreement is its parties, date and title: the same parties signing on another
        # date is another agreement; told twice in an entry (one telling undated) it is one
        key = frozenset(p.label for p in partners)
        if not partners or any(k == key and (d == a.date or d is None or a.date is None) for k, d in seen):
            continue
        seen.append((key, a.date))
        out.append(Agreement(parties=(agency, *partners), kind=a.kind, title=a.title, date=a.date,
                             line=a.line, line_end=a.line_end))
    return out


def _partner(mention: str, agency: Party, resolver: Resolver) -> Party | None:
    if _LOCAL_GOV.fullmatch(mention):
        spaced = _CITY_DISTRICT.sub(r"\1 \2", mention)
        for m in dict.fromkeys((mention, spaced)):
            party = resolver.party(m, context=agency.code)
            if party:
                return party
        compact = agency.mention.replace(" ", "")
        if compact.endswith(mention) or mention.endswith(compact):
            return None
    return Party(mention=mention, name=mention)


def _outcomes(e, key, year, joined) -> list[Outcome]:
    out = []
    for (title, _l, _le, _body), lines in zip(e.sections, joined):
        if not _OUTCOME_SECTIONS.search(title):
            continue
        for no, end, text in lines:
            m = _QUANTITY.search(text)
            if not m or _HAS_PHONE.search(text):
                continue
            metric = nfc(_METRIC_LEAD.sub("", text[: m.start()]).strip(" :(,"))
            if len(metric) < 2:
                continue
            start, end_p = parse_period(text, year)
            try:
                value = Decimal(m.group("num").replace(",", ""))
            except ArithmeticError:
                value = None
            out.append(Outcome(subject_key=key, metric=metric[:80], value=value, unit=m.group("unit"),
                               value_text=m.group(0), period_start=start, period_end=end_p,
                               subject_kind="entry", line=no, line_end=end))
    return out


def _set_origins(cases: CaseRegistry, own: dict[str, list[Party]], adoptions: list[Adoption]) -> None:
    """Origin: the stated source, else the agency whose own entry others adopted."""
    sources: dict[str, Counter] = {}
    adopters: dict[str, set] = {}
    for a in adoptions:
        adopters.setdefault(a.case_key, set()).add(a.adopter.code)
        if a.source is not None:
            sources.setdefault(a.case_key, Counter())[a.source] += 1
    for key, counter in sources.items():
        # a source that adopted the case itself passed it on (`B from A`, then `C from B`): not the origin
        first = Counter({p: n for p, n in counter.items() if p.code not in adopters.get(key, set())}) or counter
        cases.set_origin(key, first.most_common(1)[0][0])
    for key, parties in own.items():
        others = adopters.get(key, set()) - {p.code for p in parties}
        if others and key not in sources and len({p.code for p in parties}) == 1:
            cases.set_origin(key, parties[0])
