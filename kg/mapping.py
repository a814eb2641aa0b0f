"""Records -> triples, for every genre. Uses kg.namespaces and kg.iris only.

Each extracted node gets `prov:wasDerivedFrom <document>` and `lgkg:sourceLine`.
Agencies are referenced by IRI only (their data live in the gazetteer graph).

Two kinds of triples come out (`to_graphs`):
* the document's own facts, for its graph, with their provenance;
* *shared descriptions* of entities that many documents name — partner
  organisations and foreign cities (type, labels, name, country), organisational
  units (type, labels, kind, agency), concepts minted from the text, innovation
  cases (type, labels) — for the one entities graph (`kg.iris.ENTITY_GRAPH`).
  They are the same whichever document names the entity, so the store keeps one
  copy instead of one per document (copies in many graphs made joins on names
  grow with the square of the number of documents). What a document says *about*
  such an entity (`prov:wasDerivedFrom`, `org:subOrganizationOf`,
  `lgkg:originAgency`) stays in the document's graph.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg import iris
from kg import namespaces as _ns
from kg.vocab import key_for, lookup
from loaders import records as r
from loaders.text import nfc

Triple = tuple[Node, Node, Node]


class _Terms:
    """A namespace whose terms are looked up once: rdflib's namespaces check the name
    and build a new URIRef on every attribute access (0.4 s per 1,000 documents here)."""

    def __init__(self, ns):
        self.__dict__["_ns"] = ns

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)  # unknown terms still fail here
        self.__dict__[name] = term
        return term


DCT, LGKG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD = (
    _Terms(ns) for ns in (_ns.DCT, _ns.LGKG, _ns.ORG, _ns.PROV, _ns.RDF, _ns.RDFS, _ns.SCHEMA, _ns.SKOS, _ns.XSD))


def ko(text: str) -> Literal:
    return Literal(nfc(text), lang="ko")


def _date_type(iso: str) -> URIRef:
    dt = _DATE_TYPES.get(len(iso))
    if dt is None:
        raise ValueError(f"not an ISO date at day, month or year precision: {iso!r}")
    return dt


def date_literal(iso: str) -> Literal:
    """ISO date at its precision -> xsd:date / xsd:gYearMonth / xsd:gYear."""
    return Literal(iso, datatype=_date_type(iso))


def reference_date(d: r.DocumentInfo) -> str | None:
    """The date a document speaks as of (its own, else 1 January of its year): the
    date at which agencies' names are read."""
    ref = d.reference_date or (f"{d.year}-01-01" if d.year else None)
    return ref if ref and len(ref) == 10 else None


@lru_cache(maxsize=65536)
def name_at(code: str, on: str | None) -> str | None:
    """A gazetteer agency's official name on a date, as the gazetteer graph states it
    (`kg.gazetteer_rdf`: the first name also covers the years before it, the last one
    the years after it); on an unknown date, the name in force now."""
    from kg.gazetteer import Gazetteer

    try:
        names = Gazetteer.load().names(code)
    except KeyError:
        return None
    day = date.fromisoformat(on) if on else None
    last = len(names) - 1
    for i, (name, start, end) in enumerate(names):
        start, end = (start if i > 0 else None), (end if i < last else None)
        if day is None:
            if end is None:
                return name
        elif (start is None or start <= day) and (end is None or day < end):
            return name
    return names[-1][0] if names else None


class _Builder:
    def __init__(self, doc: r.DocumentInfo):
        self.doc = doc
        self.doc_iri = iris.document(doc.doc_id)
        self.issuer_code = doc.issuer.code if doc.issuer else None
        self.ref = reference_date(doc)
        self.out: list[Triple] = []
        self.shared: list[Triple] = []
        self.described: set[URIRef] = set()
        self.minted: dict[URIRef, int] = {}

    def add(self, s: Node, p: Node, o: Node | None) -> None:
        if o is not None:
            self.out.append((s, p, o))

    def add_shared(self, s: Node, p: Node, o: Node | None) -> None:
        if o is not None:
            self.shared.append((s, p, o))

    # literals: rdflib terms here; pre-rendered N-Triples text in _NTBuilder
    lit = staticmethod(Literal)
    ko = staticmethod(ko)
    date_lit = staticmethod(date_literal)

    def prov(self, node: URIRef, rec) -> None:
        self.add(node, PROV.wasDerivedFrom, self.doc_iri)
        if getattr(rec, "line", 0):
            self.add(node, LGKG.sourceLine, self.lit(rec.line))
        if getattr(rec, "line_end", None):
            self.add(node, LGKG.sourceLineEnd, self.lit(rec.line_end))
        origin = self.doc.origin
        if origin:
            line = getattr(rec, "line", 0)
            at = origin[line - 1] if 0 < line <= len(origin) else None
            if at is not None:
                prop = LGKG.sourcePage if self.doc.origin_kind == "page" else LGKG.sourceParagraph
                self.add(node, prop, self.lit(at))

    def concept(self, scheme: str, label: str | None) -> URIRef | None:
        """A scheme concept; a label the scheme lacks becomes a new concept here."""
        if not label:
            return None
        key = key_for(scheme, label)
        iri = iris.concept(scheme, key)
        if lookup(scheme, label) is None and iri not in self.described:
            self.described.add(iri)
            self.add_shared(iri, RDF.type, SKOS.Concept)
            self.add_shared(iri, SKOS.inScheme, iris.scheme(scheme))
            self.add_shared(iri, SKOS.prefLabel, self.ko(label))
            self.add(iri, PROV.wasDerivedFrom, self.doc_iri)
        return iri

    def party(self, p: r.Party | None) -> URIRef | None:
        if p is None:
            return None
        if p.code:
            return iris.agency(p.code)
        name = nfc(p.label)
        if p.country is not None:
            iri = iris.foreign_city(p.country, name)
            kind = LGKG.ForeignLocalGovernment
        else:
            iri = iris.organization(name)
            kind = LGKG.PartnerOrganization
        if iri not in self.described:
            self.described.add(iri)
            self.add_shared(iri, RDF.type, kind)
            self.add_shared(iri, SKOS.prefLabel, self.ko(name))
            self.add_shared(iri, RDFS.label, self.ko(name))
            name_node = URIRef(str(iri) + "/name/0")
            self.add_shared(iri, LGKG.hasName, name_node)
            self.add_shared(name_node, RDF.type, LGKG.AgencyName)
            self.add_shared(name_node, LGKG.name, self.ko(name))
            if p.country:
                self.add_shared(iri, LGKG.country, self.ko(p.country))
        return iri

    def party_name(self, p: r.Party | None):
        """The name a party had on the document's reference date, as a literal: what
        queries show for it, written once here instead of joined at every query (issue 15)."""
        if p is None:
            return None
        name = name_at(p.code, self.ref) if p.code else nfc(p.label)
        return self.ko(name) if name else None

    def unit_name(self, name: str):
        """A unit's label (its skos:prefLabel, and the lgkg:unitName of its facts)."""
        return self.ko(name.replace(" ", ""))

    def unit(self, name: str, kind: str, parent: URIRef | None = None, key: str | None = None) -> URIRef | None:
        """The unit's IRI; None when the document's government is unknown: a unit must
        belong to an agency (its shape says so), and nothing is invented (the extraction
        report warns that the issuer could not be determined)."""
        if not self.issuer_code:
            return None
        iri = iris.unit(self.issuer_code, nfc(key or name).replace(" ", ""))
        if iri not in self.described:
            self.described.add(iri)
            self.add_shared(iri, RDF.type, LGKG.OrganizationalUnit)
            label = self.unit_name(name)
            self.add_shared(iri, SKOS.prefLabel, label)
            self.add_shared(iri, RDFS.label, label)
            self.add_shared(iri, LGKG.unitKind, iris.concept("unit-kinds", kind))
            if self.issuer_code:
                self.add_shared(iri, ORG.unitOf, iris.agency(self.issuer_code))
            self.add(iri, PROV.wasDerivedFrom, self.doc_iri)
        if parent is not None and parent != iri:
            self.add(iri, ORG.subOrganizationOf, parent)
        return iri

    def node(self, kind: str, key: str, rdf_type: URIRef, rec) -> URIRef:
        iri = iris.node(kind, self.doc.doc_id, key)
        # several records from one line (a table row with two dates, yearly
        # figures) share a key: number the later ones, in record order
        seen = self.minted.get(iri, 0)
        self.minted[iri] = seen + 1
        if seen:
            iri = iris.node(kind, self.doc.doc_id, f"{key}-{seen + 1}")
        self.add(iri, RDF.type, rdf_type)
        self.prov(iri, rec)
        return iri

    def date(self, node: URIRef, prop: URIRef, iso: str | None) -> None:
        if iso:
            self.add(node, prop, self.date_lit(iso))




class _Lit(str):
    """A literal already written as N-Triples text (made by pyoxigraph)."""

    __slots__ = ()


_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}
_XSD_STRING = str(XSD.string)
_XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_XSD_BOOLEAN = ox.NamedNode(str(XSD.boolean))
_DATATYPES = {str(t): ox.NamedNode(str(t)) for t in (XSD.date, XSD.gYearMonth, XSD.gYear)}


# IRI -> N-Triples text, shared by the documents one process converts (classes,
# properties, agencies and concepts recur in every document)
_IRI_TEXT: dict[str, str] = {}


class _NTBuilder(_Builder):
    """The same mapping, written straight to N-Triples lines ("s p o", no dot):
    no rdflib term is built for a literal, and each IRI is rendered once. The text
    is exactly what `kg.terms` makes of the rdflib terms of `_Builder`
    (pyoxigraph renders both; tests compare the two)."""

    def __init__(self, doc: r.DocumentInfo):
        super().__init__(doc)
        if len(_IRI_TEXT) > 200_000:  # IRIs of many documents: start afresh
            _IRI_TEXT.clear()
        self._text = _IRI_TEXT

    def _term(self, t) -> str:
        if t.__class__ is _Lit:
            return t
        hit = self._text.get(t)
        if hit is None:
            if isinstance(t, URIRef):
                hit = self._text[t] = str(ox.NamedNode(t))
            else:  # an rdflib term from a path without a fast literal
                from kg.terms import nt

                return nt(t)
        return hit

    def add(self, s, p, o) -> None:
        if o is not None:
            self.out.append(f"{self._term(s)} {self._term(p)} {self._term(o)}")

    def add_shared(self, s, p, o) -> None:
        if o is not None:
            self.shared.append(f"{self._term(s)} {self._term(p)} {self._term(o)}")

    def lit(self, value, datatype=None, lang=None):
        cls = value.__class__
        if cls is str:
            if lang:
                return _Lit(ox.Literal(value, language=lang.lower()))
            if datatype is None or str(datatype) == _XSD_STRING:
                return _Lit(ox.Literal(value))
            dt = _DATATYPES.get(str(datatype))
            if dt is not None:
                return _Lit(ox.Literal(value, datatype=dt))
        elif datatype is None and lang is None:
            if cls is int:
                return _Lit(ox.Literal(str(value), datatype=_XSD_INTEGER))
            if cls is bool:
                return _Lit(ox.Literal("true" if value else "false", datatype=_XSD_BOOLEAN))
        return Literal(value, datatype=datatype, lang=lang)  # rendered by _term via kg.terms

    def ko(self, text: str):
        return _Lit(ox.Literal(nfc(text), language="ko"))

    def date_lit(self, iso: str):
        return _Lit(ox.Literal(iso, datatype=_DATATYPES[str(_date_type(iso))]))

def to_triples(records: Iterable[r.Record]) -> Iterator[Triple]:
    """All triples of one document's records (the first record is its DocumentInfo):
    its own facts, then the shared descriptions of the entities it names."""
    b = _map(_Builder, records)
    return iter(b.out + b.shared)


def to_graphs(records: Iterable[r.Record]) -> tuple[list[Triple], list[Triple]]:
    """(triples for the document's graph, shared descriptions for the entities graph)."""
    b = _map(_Builder, records)
    return b.out, b.shared


def to_ntriples(records: Iterable[r.Record]) -> tuple[list[str], list[str]]:
    """`to_graphs` as N-Triples lines without the final " ." (duplicates kept, same
    order): the fast path of bulk builds."""
    b = _map(_NTBuilder, records)
    return b.out, b.shared


def _map(builder, records: Iterable[r.Record]):
    recs = list(records)
    if not recs or not isinstance(recs[0], r.DocumentInfo):
        raise ValueError("records must start with the document's DocumentInfo")
    b = builder(recs[0])
    _document(b, recs[0])
    ctx = _Context(b, recs)
    # sister-city relations first: discounts point at them
    ordered = sorted(recs[1:], key=lambda x: not isinstance(x, r.SisterCity))
    for rec in ordered:
        handler = _HANDLERS.get(type(rec))
        if handler is None:
            raise TypeError(f"no RDF mapping for {type(rec).__name__}")
        handler(b, rec, ctx)
    _staffing_summaries(b, ctx)
    return b


class _Context:
    """What handlers need to know about the other records of the document."""

    def __init__(self, b: _Builder, recs: list):
        self.programs = {x.key: x for x in recs if isinstance(x, r.Program)}
        self.entries = {x.key: x for x in recs if isinstance(x, r.Entry)}
        self.divisions = {x.name: x for x in recs if isinstance(x, r.Division)}
        self.staffing = [x for x in recs if isinstance(x, r.Staffing)]
        self.relations: dict[URIRef, URIRef] = {}
        self.bureau: URIRef | None = None
        if b.doc.bureau:
            self.bureau = b.unit(b.doc.bureau, "bureau")


def _document(b: _Builder, d: r.DocumentInfo) -> None:
    s = b.doc_iri
    b.add(s, RDF.type, LGKG.SourceDocument)
    b.add(s, DCT.identifier, b.lit(d.doc_id))
    b.add(s, LGKG.fileName, b.lit(d.file_name))
    b.add(s, LGKG.sha256, b.lit(d.sha256))
    b.add(s, LGKG.genre, iris.concept("document-genres", d.genre))
    if d.title:
        b.add(s, DCT.title, b.ko(d.title))
        b.add(s, RDFS.label, b.ko(d.title))
    b.add(s, LGKG.issuer, b.party(d.issuer))
    b.add(s, LGKG.agencyName, b.party_name(d.issuer))
    if d.bureau:
        b.add(s, LGKG.bureau, b.unit(d.bureau, "bureau"))
    if d.year:
        b.add(s, LGKG.fiscalYear, b.lit(d.year, datatype=XSD.gYear))
    if d.council_session:
        b.add(s, LGKG.councilSession, b.ko(d.council_session))
    b.date(s, DCT.date, d.date)
    if b.ref:
        b.add(s, LGKG.referenceDate, b.lit(b.ref, datatype=XSD.date))
    b.add(s, LGKG.sourceLine, b.lit(d.line or 1))


def _division(b: _Builder, d: r.Division, ctx: _Context) -> None:
    if not b.issuer_code:
        return
    parent = b.unit(d.parent, "bureau") if d.parent else ctx.bureau
    u = b.unit(d.name, d.kind, parent)
    for team in d.teams:
        b.unit(team, "team", u, key=f"{d.name}/{team}")


def _staffing_summaries(b: _Builder, ctx: _Context) -> None:
    """One summary StaffingRecord per division (teams, 정원, 현원), one per grade row."""
    if not b.issuer_code:
        return  # staff of units of an unknown government: not recorded (the report says why)
    summary: dict[str, dict] = {}
    for name, d in ctx.divisions.items():
        summary.setdefault(name, {"rec": d, "kind": d.kind})["teams"] = d.team_count
    for s in ctx.staffing:
        if s.grade:
            node = b.node("staffing", f"{s.unit}-{s.grade}", LGKG.StaffingRecord, s)
            _staffing_values(b, node, s, ctx)
            b.add(node, LGKG.staffGrade, b.lit(s.grade))
        else:
            entry = summary.setdefault(s.unit, {"rec": s, "kind": None})
            entry["staff"] = s
    for name, info in summary.items():
        rec = info.get("staff") or info["rec"]
        node = b.node("staffing", name, LGKG.StaffingRecord, rec)
        if info.get("staff"):
            _staffing_values(b, node, info["staff"], ctx)
        else:
            b.add(node, LGKG.staffingOf, _unit_for(b, name, ctx))
            b.add(node, LGKG.unitName, b.unit_name(name))
            b.add(node, LGKG.agency, b.party(b.doc.issuer))
            b.add(node, LGKG.agencyName, b.party_name(b.doc.issuer))
        if info.get("teams") is not None:
            b.add(node, LGKG.teamCount, b.lit(info["teams"]))


def _unit_for(b: _Builder, name: str, ctx: _Context) -> URIRef:
    if b.doc.bureau and name.replace(" ", "") == b.doc.bureau.replace(" ", ""):
        return b.unit(name, "bureau")
    d = ctx.divisions.get(name)
    return b.unit(name, d.kind if d else "division", ctx.bureau)


def _staffing_values(b: _Builder, node: URIRef, s: r.Staffing, ctx: _Context) -> None:
    b.add(node, LGKG.staffingOf, _unit_for(b, s.unit, ctx))
    b.add(node, LGKG.unitName, b.unit_name(s.unit))
    b.add(node, LGKG.agency, b.party(b.doc.issuer))
    b.add(node, LGKG.agencyName, b.party_name(b.doc.issuer))
    if s.authorized is not None:
        b.add(node, LGKG.authorized, b.lit(s.authorized))
    if s.current is not None:
        b.add(node, LGKG.current, b.lit(s.current))
    b.date(node, LGKG.asOf, s.as_of)


def _program(b: _Builder, p: r.Program, ctx: _Context) -> None:
    n = b.node("program", p.key, LGKG.Program, p)
    b.add(n, DCT.title, b.ko(p.title))
    b.add(n, RDFS.label, b.ko(p.title))
    b.add(n, LGKG.agency, b.party(b.doc.issuer))
    b.add(n, LGKG.agencyName, b.party_name(b.doc.issuer))
    if p.department:
        b.add(n, LGKG.runBy, _unit_for(b, p.department, ctx))
        b.add(n, LGKG.unitName, b.unit_name(p.department))
    if p.parent_key and p.parent_key in ctx.programs:
        b.add(n, LGKG.partOfProgram, iris.node("program", b.doc.doc_id, p.parent_key))
    for status in p.status:
        b.add(n, LGKG.programStatus, b.concept("program-status", status))
    if p.budget_krw is not None:
        b.add(n, LGKG.budgetKRW, b.lit(p.budget_krw))
    if p.non_budget:
        b.add(n, LGKG.nonBudget, b.lit(True))
    if p.fiscal_year:
        b.add(n, LGKG.fiscalYear, b.lit(p.fiscal_year, datatype=XSD.gYear))
    b.date(n, LGKG.periodStart, p.period_start)
    b.date(n, LGKG.periodEnd, p.period_end)
    for basis in p.legal_basis:
        b.add(n, LGKG.legalBasis, b.ko(basis))


def _budget_line(b: _Builder, x: r.BudgetLine, ctx: _Context) -> None:
    n = b.node("budget", f"{x.program_key}-L{x.line}-{x.source or 'total'}", LGKG.BudgetLine, x)
    b.add(iris.node("program", b.doc.doc_id, x.program_key), LGKG.hasBudgetLine, n)
    if x.amount_krw is not None:
        b.add(n, LGKG.amountKRW, b.lit(x.amount_krw))
    b.add(n, SCHEMA.currency, b.lit("KRW"))
    b.add(n, LGKG.fundingSource, b.concept("funding-sources", x.source))
    if x.share is not None:
        b.add(n, LGKG.share, b.lit(Decimal(x.share)))
    fy = x.fiscal_year or _program_year(b, x.program_key, ctx)
    if fy:
        b.add(n, LGKG.fiscalYear, b.lit(fy, datatype=XSD.gYear))


def _program_year(b: _Builder, key: str, ctx: _Context) -> str | None:
    p = ctx.programs.get(key)
    return (p.fiscal_year if p else None) or b.doc.year


def _milestone(b: _Builder, m: r.Milestone, ctx: _Context) -> None:
    n = b.node("milestone", f"{m.program_key}-L{m.line}", LGKG.Milestone, m)
    b.add(iris.node("program", b.doc.doc_id, m.program_key), LGKG.hasMilestone, n)
    b.add(n, RDFS.label, b.ko(m.label))
    b.date(n, DCT.date, m.date)
    b.date(n, LGKG.periodEnd, m.date_end)


def _outcome(b: _Builder, o: r.Outcome, ctx: _Context) -> None:
    n = b.node("outcome", f"L{o.line}-{o.subject_key}-{o.metric}", LGKG.Outcome, o)
    if o.subject_kind == "entry":
        subject = iris.node("entry", b.doc.doc_id, o.subject_key)
        entry = ctx.entries.get(o.subject_key)
        agency = b.party(entry.agency) if entry else None
        b.add(n, LGKG.agencyName, b.party_name(entry.agency) if entry else None)
        if entry:
            b.add(n, LGKG.outcomeOf, iris.case(entry.case_key))
    else:
        subject = iris.node("program", b.doc.doc_id, o.subject_key)
        agency = b.party(b.doc.issuer)
        b.add(n, LGKG.agencyName, b.party_name(b.doc.issuer))
    b.add(n, LGKG.outcomeOf, subject)
    b.add(n, LGKG.agency, agency)
    b.add(n, LGKG.metric, b.ko(o.metric))
    if o.value is not None:
        b.add(n, LGKG.value, b.lit(Decimal(o.value)))
    if o.unit:
        b.add(n, LGKG.unit, b.ko(o.unit))
    if o.value_text:
        b.add(n, LGKG.valueText, b.ko(o.value_text))
    b.date(n, LGKG.asOf, o.date)
    b.date(n, LGKG.periodStart, o.period_start)
    b.date(n, LGKG.periodEnd, o.period_end)


def _sister_city(b: _Builder, s: r.SisterCity, ctx: _Context) -> None:
    agency, partner = b.party(s.agency), b.party(s.partner)
    n = b.node("sister-city", f"L{s.line}-{iris._h(str(partner), 8)}", LGKG.SisterCityRelation, s)
    b.add(n, LGKG.party, agency)
    b.add(n, LGKG.party, partner)
    # the reporting side (the document's agency, when it is a party) and the other side,
    # named on the document's date
    own, other = (s.partner, s.agency) if partner == b.party(b.doc.issuer) != agency else (s.agency, s.partner)
    if b.party(own) == b.party(b.doc.issuer):
        b.add(n, LGKG.agency, b.party(own))
    b.add(n, LGKG.agencyName, b.party_name(own))
    b.add(n, LGKG.partnerName, b.party_name(other))
    b.add(n, LGKG.relationType, b.concept("relation-types", s.relation))
    b.date(n, DCT.date, s.date)
    b.add(n, LGKG.mentionedAs, b.ko(s.partner.mention))
    b.add(agency, LGKG.sisterCity, partner)
    b.add(partner, LGKG.sisterCity, agency)
    ctx.relations.setdefault(partner, n)
    ctx.relations.setdefault(agency, n)


def _discount(b: _Builder, d: r.Discount, ctx: _Context) -> None:
    offered, benefit = b.party(d.offered_by), b.party(d.beneficiary)
    n = b.node("discount", f"L{d.line}-{iris._h(d.facility, 8)}", LGKG.DiscountOffer, d)
    b.add(n, LGKG.offeredBy, offered)
    b.add(n, LGKG.beneficiary, benefit)
    b.add(n, LGKG.facility, b.ko(d.facility))
    if d.rate:
        b.add(n, LGKG.rate, b.ko(d.rate))
    issuer = b.party(b.doc.issuer)
    other = benefit if offered == issuer else offered
    b.add(n, LGKG.withinRelation, ctx.relations.get(other))
    if issuer is not None and issuer in (offered, benefit):  # the names as the issuer's report gives them
        b.add(n, LGKG.agency, issuer)
        b.add(n, LGKG.agencyName, b.party_name(b.doc.issuer))
        b.add(n, LGKG.partnerName, b.party_name(d.beneficiary if offered == issuer else d.offered_by))


def _agreement(b: _Builder, a: r.Agreement, ctx: _Context) -> None:
    n = b.node("agreement", f"L{a.line}", LGKG.Agreement, a)
    if a.parties:
        b.add(n, LGKG.agency, b.party(a.parties[0]))
        b.add(n, LGKG.agencyName, b.party_name(a.parties[0]))
    for p in a.parties:
        b.add(n, LGKG.party, b.party(p))
        if b.party(p) != b.party(a.parties[0]):
            b.add(n, LGKG.partnerName, b.party_name(p))
    b.add(n, LGKG.agreementType, b.concept("agreement-types", a.kind))
    if a.title:
        b.add(n, DCT.title, b.ko(a.title))
        b.add(n, LGKG.purpose, b.ko(a.title))
    b.date(n, DCT.date, a.date)


def _award(b: _Builder, a: r.Award, ctx: _Context) -> None:
    n = b.node("award", f"L{a.line}-{iris._h(a.award + (a.grade or ''), 8)}", LGKG.AwardConferral, a)
    b.add(n, LGKG.recipient, b.party(a.recipient))
    b.add(n, LGKG.agencyName, b.party_name(a.recipient))
    b.add(n, LGKG.awardName, b.ko(a.award))
    b.add(n, LGKG.awardGrade, b.concept("award-grades", a.grade))
    if a.awarder:
        b.add(n, LGKG.awardingBody, b.party(r.Party(a.awarder, name=a.awarder)))
    b.date(n, DCT.date, a.date)
    if a.subject:
        b.add(n, LGKG.subject, b.ko(a.subject))


def _grant_selection(b: _Builder, g: r.GrantSelection, ctx: _Context) -> None:
    n = b.node("selection", f"L{g.line}-{iris._h(g.competition, 8)}", LGKG.GrantSelection, g)
    b.add(n, LGKG.selectedAgency, b.party(g.agency))
    b.add(n, LGKG.agencyName, b.party_name(g.agency))
    b.add(n, LGKG.competitionName, b.ko(g.competition))
    if g.awarder:
        b.add(n, LGKG.grantor, b.party(r.Party(g.awarder, name=g.awarder)))
    if g.amount_krw is not None:
        b.add(n, LGKG.grantKRW, b.lit(g.amount_krw))
    b.date(n, DCT.date, g.date)
    if g.subject:
        b.add(n, LGKG.selectedFor, b.ko(g.subject))


def _case(b: _Builder, c: r.Case, ctx: _Context) -> None:
    n = iris.case(c.key)
    b.add_shared(n, RDF.type, LGKG.InnovationCase)
    b.add_shared(n, SKOS.prefLabel, b.ko(c.name))
    b.add_shared(n, RDFS.label, b.ko(c.name))
    for alt in c.alt_names:
        if nfc(alt) != nfc(c.name):
            b.add_shared(n, SKOS.altLabel, b.ko(alt))
    b.add(n, LGKG.originAgency, b.party(c.origin))
    b.add(n, PROV.wasDerivedFrom, b.doc_iri)


def _entry(b: _Builder, e: r.Entry, ctx: _Context) -> None:
    n = b.node("entry", e.key, LGKG.CasebookEntry, e)
    agency = b.party(e.agency)
    b.add(n, LGKG.agency, agency)
    b.add(n, LGKG.agencyName, b.party_name(e.agency))
    b.add(n, LGKG.indicator, b.concept("indicators", e.indicator))
    b.add(n, LGKG.describesCase, iris.case(e.case_key))
    year = e.year or b.doc.year
    if year:
        b.add(n, LGKG.fiscalYear, b.lit(year, datatype=XSD.gYear))
    for h in e.highlights:
        b.add(n, LGKG.highlight, b.ko(h))
    if e.contact_department:
        b.add(n, LGKG.contactDepartment, b.ko(e.contact_department))
        unit = iris.unit(e.agency.code, nfc(e.contact_department).replace(" ", ""))
        if unit not in b.described:
            b.described.add(unit)
            b.add_shared(unit, RDF.type, LGKG.OrganizationalUnit)
            b.add_shared(unit, SKOS.prefLabel, b.ko(e.contact_department))
            b.add_shared(unit, LGKG.unitKind, iris.concept("unit-kinds", "division"))
            b.add_shared(unit, ORG.unitOf, agency)
            b.add(unit, PROV.wasDerivedFrom, b.doc_iri)
        b.add(n, LGKG.contactUnit, unit)
    for i, sec in enumerate(e.sections):
        s = b.node("section", f"{e.key}-{i}", LGKG.EntrySection, sec)
        b.add(n, LGKG.hasSection, s)
        b.add(s, LGKG.sectionTitle, b.ko(sec.title))
        b.add(s, LGKG.sectionText, b.lit(sec.text.strip(), lang="ko") if sec.text.strip() else None)


def _adoption(b: _Builder, a: r.Adoption, ctx: _Context) -> None:
    adopter = b.party(a.adopter)
    n = b.node("adoption", f"L{a.line}-{iris._h(str(adopter) + a.case_key, 8)}", LGKG.Adoption, a)
    b.add(n, LGKG.adopter, adopter)
    b.add(n, LGKG.agencyName, b.party_name(a.adopter))
    b.add(n, LGKG.adoptedCase, iris.case(a.case_key))
    b.add(n, LGKG.sourceAgency, b.party(a.source))
    b.add(n, LGKG.sourceAgencyName, b.party_name(a.source))
    b.add(n, LGKG.channel, b.concept("adoption-channels", a.channel))
    b.date(n, DCT.date, a.date)
    b.add(n, LGKG.mentionedAs, b.ko(a.adopter.mention))


def _extraction_check(b: _Builder, c: r.ExtractionCheck, ctx: _Context) -> None:
    """What was found of one kind against what the document's cue expects (loaders.report)."""
    key = "-".join(x for x in (c.kind, c.cue, c.scope) if x)
    n = b.node("check", key, LGKG.ExtractionCheck, c)
    if not c.line:  # a check about the whole document, with no line of its own
        b.add(n, LGKG.sourceLine, b.lit(b.doc.line or 1))
    b.add(n, LGKG.checkKind, b.lit(c.kind))
    b.add(n, LGKG.found, b.lit(int(c.found)))
    if c.expected is not None:
        b.add(n, LGKG.expected, b.lit(int(c.expected)))
    if c.cue:
        b.add(n, LGKG.cue, b.lit(nfc(c.cue)))
    if c.scope:
        b.add(n, LGKG.checkScope, b.ko(c.scope))
    if c.warning:
        b.add(n, LGKG.warning, b.lit(nfc(c.warning)))


_HANDLERS = {
    r.Division: _division,
    r.Staffing: lambda b, x, ctx: None,  # folded into summaries at the end
    r.Program: _program,
    r.BudgetLine: _budget_line,
    r.Milestone: _milestone,
    r.Outcome: _outcome,
    r.SisterCity: _sister_city,
    r.Discount: _discount,
    r.Agreement: _agreement,
    r.Award: _award,
    r.GrantSelection: _grant_selection,
    r.Case: _case,
    r.Entry: _entry,
    r.Adoption: _adoption,
    r.ExtractionCheck: _extraction_check,
}
