"""Chain parse -> extract for one report, in the order the records are emitted."""
from __future__ import annotations

import re

from loaders.lexicon.words import alt, of, words
from loaders.records import DocumentInfo, Program, Record
from loaders.document.model import Table
from loaders.workreport import checks, docinfo, extract, outcomes, partners, unread
from loaders.workreport.parse import parse

# the words of this module are rows of loaders/lexicon/data/report_words.csv
_W = "report_words"
_YEAR_TITLE = re.compile(r"((?:19|20)\d\d)\s*년?\s*(?:도\s*)?" + words(_W, "genre_title")[0])  # … 주요\s*업무
_AS_OF = (words(_W, "as_of")[0], words(_W, "as_of_now")[0])  # 기준, 현재
_METRO_CITY = of(_W, "metro_city_ending")[0].means  # 시


def document_info(doc, text: str, *, file_name: str, doc_id: str, sha256: str):
    front_lines = [ln for ln in doc.lines[:60] if ln.text and "\t" not in ln.raw]
    first_item = doc.nodes[0].line if doc.nodes else len(doc.lines)
    front = [ln.text for ln in front_lines if ln.no < max(first_item, 15)][:25]
    title = docinfo.title_of(front)
    year, date = docinfo.year_and_date(front, title)
    if year is None:
        m = _YEAR_TITLE.search(text[:3000])
        year = m.group(1) if m else None
    bureau = docinfo.bureau_of(front)
    session = docinfo.council_session(text[:3000])
    as_of = [(ln.no, d) for ln in doc.lines if _AS_OF[0] in ln.text or _AS_OF[1] in ln.text  # as_of_dates' own test
             for d in docinfo.as_of_dates([ln.text])]
    if date and len(date) == 10:
        ref = date
    else:
        early = [d for no, d in as_of if no < first_item and (year is None or d[:4] <= year)]
        ref = max(early) if early else (f"{year}-01-01" if year else None)
    res = docinfo.Resolver(ref)
    issuer = docinfo.infer_issuer(text, res)
    info = DocumentInfo(doc_id, file_name, sha256, "work-report", title, issuer, bureau, year,
                        session[0] if session else None, date, ref, 1, len(doc.lines))
    return info, res, as_of


def assemble(text: str, *, file_name: str, doc_id: str, sha256: str) -> list[Record]:
    doc = parse(text)
    info, res, as_of = document_info(doc, text, file_name=file_name, doc_id=doc_id, sha256=sha256)
    if info.issuer is not None and info.issuer.code:
        res.context = info.issuer.code
    ref_year = int(info.year) if info.year else None
    ctx = extract.Context(info.bureau, info.year, ref_year, as_of)
    records: list[Record] = [info]
    divisions = extract.extract_divisions(doc, ctx)
    staffing = extract.extract_staffing(doc, ctx)
    records += divisions
    records += staffing
    progs, nodes = extract.extract_programs(doc, ctx)
    records += progs
    programs = [r for r in progs if isinstance(r, Program)]
    rows = extract.program_table_rows(doc, ctx, programs)  # programs written only as rows of a program table
    records += rows
    programs += [r for r in rows if isinstance(r, Program)]
    recovered = checks.listed_not_found(doc, programs, info.year)
    records += recovered
    records += extract.extract_milestones(nodes, ctx)
    records += outcomes.extract_outcomes(nodes)
    issuer = info.issuer
    names = _issuer_names(issuer, res)
    records += partners.extract_sister_cities(doc, issuer, res)
    records += partners.extract_discounts(doc, issuer, res)
    records += partners.extract_agreements(doc, issuer, res, ref_year, names)
    records += partners.extract_awards(doc, issuer, ref_year)
    records += partners.extract_selections(doc, issuer, ref_year)
    records += checks.program_checks(doc, programs)
    records += checks.division_checks(doc, divisions, info.bureau)
    records += checks.staffing_checks(doc, divisions, staffing, info.bureau)
    records += checks.staffing_sum_checks(divisions, staffing, info.bureau)
    records += checks.budget_checks(programs, ctx.warnings)
    records += checks.issuer_check(info.issuer)
    records += checks.table_checks(doc)
    records += checks.partner_table_checks(doc, records)
    records += checks.section_checks(doc, divisions, programs)
    records += checks.attribution_checks(doc, programs)
    records += checks.unplaced_checks(doc, divisions, programs)
    records += unread.unread_tables((b for b in doc.blocks if isinstance(b, Table)), records)
    return records


def _issuer_names(issuer, res) -> set[str]:
    if issuer is None:
        return set()
    names = {issuer.mention}
    if issuer.code and res.gz is not None:
        agency = res.gz.get(issuer.code)
        names |= {agency.name, agency.short_name}
        short = re.sub(r"(" + alt(_W, "metro_city_ending") + ")$", _METRO_CITY, agency.short_name)
        names.add(short)
    return names
