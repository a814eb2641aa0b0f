"""The OWL ontology against its contract (ontology/TERMS.md) and the files generated from it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "lgkg.ttl"
TERMS_MD = ROOT / "ontology" / "TERMS.md"
VOCAB_DIR = ROOT / "ontology" / "vocab"
ONT_IRI = URIRef("https://w3id.org/lgkg/ontology")

PREFIXES = {
    "lgkg": "https://w3id.org/lgkg/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "cv": "http://data.europa.eu/m8g/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
LGKG = PREFIXES["lgkg"]
XSD = Namespace(PREFIXES["xsd"])  # open namespace: pytest's collection probes attributes
DATE_TYPES = {XSD.date, XSD.gYearMonth, XSD.gYear}
BANNERS = [
    "Agencies", "Organisational units and staffing", "Programs and budgets", "Outcomes",
    "Agreements", "Sister cities", "Awards", "Innovation cases and diffusion", "Documents and provenance",
]


def curie(text: str) -> URIRef:
    prefix, local = text.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def qname(term: URIRef) -> str:
    for p, ns in PREFIXES.items():
        if str(term).startswith(ns):
            return f"{p}:{str(term)[len(ns):]}"
    return str(term)


# --- TERMS.md, read as data -------------------------------------------------------------

def _tables() -> dict[str, list[list[str]]]:
    """Section title -> table rows (cells stripped), header and rule rows dropped."""
    out: dict[str, list[list[str]]] = {}
    section = None
    for line in TERMS_MD.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
            out[section] = []
        elif section and line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] != "term":
                out[section].append(cells)
    return out


TABLES = _tables()
TERM_RE = re.compile(r"\b(lgkg|org|prov):([A-Za-z]\w*)", re.ASCII)


def _names(cell: str, prefixes=("lgkg", "org", "prov")) -> list[str]:
    return [f"{p}:{n}" for p, n in TERM_RE.findall(cell) if p in prefixes]


def _class_name(word: str) -> URIRef:
    word = word.strip()
    return curie(word) if ":" in word else URIRef(LGKG + word)


def _domain_spec(cell: str) -> set[URIRef] | None:
    """TERMS.md domain cell -> set of classes (a union when several); None for 'any ... node'."""
    cell = cell.strip()
    if cell.startswith("any ") or not cell:
        return None
    if ": on " in cell:  # "OrganizationalUnit-in-document: on StaffingRecord"
        cell = cell.split(": on ", 1)[1]
    return {_class_name(w) for w in cell.strip("()").split(",")}


CLASS_ROWS = [(r[0], r[1]) for r in TABLES["Classes"]]
OBJECT_ROWS = [(name, r[1]) for r in TABLES["Object properties"] for name in _names(r[0])]
DATATYPE_ROWS = [(name, r[1], r[2]) for r in TABLES["Datatype properties"] for name in _names(r[0], ("lgkg",))]


# --- the ontology ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def declared(g: Graph) -> dict[URIRef, URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {s: k for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(LGKG)}


def class_set(g: Graph, node) -> set:
    """A class expression as a set: {C} for a named class, its members for an owl:unionOf."""
    if isinstance(node, BNode):
        union = g.value(node, OWL.unionOf)
        assert union is not None, f"unexpected anonymous class {node}"
        return set(Collection(g, union))
    return {node}


def superclasses(g: Graph, cls: URIRef) -> set[URIRef]:
    return set(g.transitive_objects(cls, RDFS.subClassOf)) - {cls}


def test_ontology_header(g):
    assert (ONT_IRI, RDF.type, OWL.Ontology) in g
    titles = {t.language for t in g.objects(ONT_IRI, DCTERMS.title)}
    assert {"ko", "en"} <= titles
    assert g.value(ONT_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert g.value(ONT_IRI, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert g.value(ONT_IRI, DCTERMS.created) is not None
    assert g.value(ONT_IRI, DCTERMS.description) is not None


def test_banner_sections_in_order():
    text = ONTOLOGY.read_text(encoding="utf-8")
    positions = [text.find(f"# -- {b} --") for b in BANNERS]
    assert -1 not in positions, [b for b, p in zip(BANNERS, positions) if p == -1]
    assert positions == sorted(positions)


def test_language_tags_lowercase(g):
    bad = {o for o in g.objects() if isinstance(o, Literal) and o.language and o.language != o.language.lower()}
    assert not bad


def test_terms_md_was_read():
    assert len(CLASS_ROWS) >= 20 and len(OBJECT_ROWS) >= 30 and len(DATATYPE_ROWS) >= 35


@pytest.mark.parametrize("name", [n for n, _ in CLASS_ROWS])
def test_class_declared(g, name):
    assert (curie(name), RDF.type, OWL.Class) in g


@pytest.mark.parametrize("name", [n for n, _ in OBJECT_ROWS])
def test_object_property_declared(g, name):
    assert (curie(name), RDF.type, OWL.ObjectProperty) in g


@pytest.mark.parametrize("name", [n for n, *_ in DATATYPE_ROWS])
def test_datatype_property_declared(g, name):
    assert (curie(name), RDF.type, OWL.DatatypeProperty) in g


def test_no_lgkg_term_beyond_terms_md(g):
    listed = {curie(n) for n, _ in CLASS_ROWS} | {curie(n) for n, _ in OBJECT_ROWS} | {curie(n) for n, *_ in DATATYPE_ROWS}
    extra = set(declared(g)) - listed
    assert not extra, sorted(map(qname, extra))


def test_every_lgkg_term_labelled_and_defined(g):
    problems = []
    for term in declared(g):
        for pred in (RDFS.label, SKOS.definition):
            langs = sorted(o.language or "" for o in g.objects(term, pred))
            if langs != ["en", "ko"]:
                problems.append(f"{qname(term)} {qname(pred)} {langs}")
        if (term, RDFS.isDefinedBy, ONT_IRI) not in g:
            problems.append(f"{qname(term)} lacks rdfs:isDefinedBy")
    assert not problems, problems


def test_referenced_external_terms_declared(g):
    """Every non-lgkg class or property the ontology points to is declared with a label."""
    refs = set(g.objects(None, RDFS.subClassOf)) | {
        o for p in (RDFS.domain, RDFS.range) for s in declared(g) for o in g.objects(s, p)
        if (s, RDF.type, OWL.ObjectProperty) in g
    }
    named = set()
    for r in refs:
        named |= class_set(g, r)
    for cls in named - {u for u in named if str(u).startswith(LGKG)}:
        assert (cls, RDF.type, OWL.Class) in g, qname(cls)
        assert any(l.language == "en" for l in g.objects(cls, RDFS.label)), qname(cls)
    for prop in ("org:unitOf", "org:subOrganizationOf", "prov:wasDerivedFrom"):
        assert (curie(prop), RDF.type, OWL.ObjectProperty) in g
        assert g.value(curie(prop), RDFS.label) is not None


@pytest.mark.parametrize("name,supers", CLASS_ROWS)
def test_superclasses_as_terms_md_says(g, name, supers):
    expected = {curie(s.strip()) for s in supers.split(",") if s.strip()}
    assert set(g.objects(curie(name), RDFS.subClassOf)) == expected


@pytest.mark.parametrize("name,root", [
    ("lgkg:Agency", "org:Organization"),
    ("lgkg:LocalGovernment", "org:Organization"),
    ("lgkg:MetropolitanGovernment", "org:Organization"),
    ("lgkg:BasicGovernment", "org:Organization"),
    ("lgkg:AdministrativeDistrict", "org:Organization"),
    ("lgkg:ForeignLocalGovernment", "org:Organization"),
    ("lgkg:PartnerOrganization", "org:Organization"),
    ("lgkg:MetropolitanGovernment", "cv:PublicOrganisation"),
    ("lgkg:OrganizationalUnit", "org:OrganizationalUnit"),
    ("lgkg:Program", "prov:Activity"),
    ("lgkg:BudgetLine", "schema:MonetaryAmount"),
    ("lgkg:SourceDocument", "prov:Entity"),
    ("lgkg:SourceDocument", "foaf:Document"),
])
def test_class_reaches(g, name, root):
    assert curie(root) in superclasses(g, curie(name))


def test_class_hierarchy_has_no_cycle(g):
    for cls in g.subjects(RDF.type, OWL.Class):
        if isinstance(cls, URIRef):
            assert cls not in superclasses(g, cls), qname(cls)


@pytest.mark.parametrize("name,spec", OBJECT_ROWS)
def test_object_property_domain_and_range(g, name, spec):
    term = curie(name)
    if not name.startswith("lgkg:"):
        return  # reused W3C terms: TERMS.md states lgkg usage, we do not redefine them
    dom_text, rng_text = (s.strip() for s in spec.split("->"))
    rng_text = rng_text.split(", owl:")[0]
    rng_text = re.sub(r"\s*\([a-z-]+\)$", "", rng_text)  # "skos:Concept (gov-types)"
    dom = _domain_spec(dom_text)
    got_dom = [class_set(g, d) for d in g.objects(term, RDFS.domain)]
    assert got_dom == ([dom] if dom else []), f"{name} domain {got_dom} != {dom}"
    got_rng = [class_set(g, r) for r in g.objects(term, RDFS.range)]
    assert got_rng == [_domain_spec(rng_text)], f"{name} range {got_rng}"
    if "(" in spec.split("->")[1] and "skos:Concept" in spec:
        scheme = re.search(r"\(([a-z-]+)\)", spec.split("->")[1]).group(1)
        assert (term, RDFS.seeAlso, URIRef(f"https://w3id.org/lgkg/vocab/{scheme}")) in g


def test_sister_city_is_symmetric(g):
    assert (curie("lgkg:sisterCity"), RDF.type, OWL.SymmetricProperty) in g


def _expected_range(text: str):
    if "xsd:" in text:
        return {curie(re.search(r"xsd:\w+", text).group(0))}
    if text.startswith("string @ko"):
        return {RDF.langString}
    if text.startswith("string"):
        return {XSD.string}
    if text.startswith("date literal"):
        return DATE_TYPES
    return None  # "the value as written": no range


@pytest.mark.parametrize("name,dom_text,rng_text", DATATYPE_ROWS)
def test_datatype_property_domain_and_range(g, name, dom_text, rng_text):
    term = curie(name)
    dom = _domain_spec(dom_text)
    got_dom = [class_set(g, d) for d in g.objects(term, RDFS.domain)]
    assert got_dom == ([dom] if dom else []), f"{name} domain {got_dom} != {dom}"
    want = _expected_range(rng_text)
    got = [class_set(g, r) for r in g.objects(term, RDFS.range)]
    assert got == ([want] if want else []), f"{name} range {got} != {want}"


# --- generated files ------------------------------------------------------------------

def test_namespaces_module_is_up_to_date(tmp_path):
    from kg import gen_namespaces

    fresh = tmp_path / "namespaces.py"
    assert gen_namespaces.main(["--out", str(fresh)]) == 0
    current = ROOT / "kg" / "namespaces.py"
    assert current.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        "kg/namespaces.py is stale: run python -m kg.gen_namespaces")


def test_namespaces_check_flag(tmp_path):
    stale = tmp_path / "namespaces.py"
    stale.write_text("# stale\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "kg.gen_namespaces", "--check", "--out", str(stale)]
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 1
    cmd = [sys.executable, "-m", "kg.gen_namespaces", "--check"]
    assert subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode == 0


def test_namespaces_module_is_closed_and_complete(g):
    from kg.namespaces import LGKG as NS, PREFIXES as P

    names = {str(t)[len(LGKG):] for t in declared(g)}
    assert set(NS.__annotations__) == names
    with pytest.raises(AttributeError):
        NS.Agncy  # noqa: B018  (a typo must raise, not mint an IRI)
    assert {"lgkg", "lgkgv", "id", "org", "cv", "prov", "skos", "dct", "schema",
            "foaf", "owl", "rdf", "rdfs", "xsd", "dcat", "void"} <= set(P)
    assert P["lgkg"] == LGKG


# ASCII only: in Korean prose `lgkg:region이` is the term `region` followed by a particle.
USE_PATTERNS = [re.compile(r"(?<![\w-])lgkg:([A-Za-z_]\w*)", re.ASCII), re.compile(r"\bLGKG\.([A-Za-z]\w*)", re.ASCII)]


def _repo_files():
    yield from (ROOT / "ontology").glob("*.ttl")
    yield from (ROOT / "ontology" / "vocab").glob("*.ttl")
    yield from (ROOT / "queries").glob("*.rq")
    for top in ("kg", "loaders"):
        yield from (ROOT / top).rglob("*.py")


def test_every_used_lgkg_term_is_declared(g):
    names = {str(t)[len(LGKG):] for t in declared(g)}
    unknown = []
    for path in _repo_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for pat in USE_PATTERNS:
            for m in pat.finditer(text):
                if m.group(1) not in names:
                    line = text.count("\n", 0, m.start()) + 1
                    unknown.append(f"{path.relative_to(ROOT)}:{line}: {m.group(0)}")
    assert not unknown, "undeclared lgkg terms:\n" + "\n".join(unknown)


def test_vocab_files_match_kg_vocab():
    sys.path.insert(0, str(VOCAB_DIR))
    try:
        import build_vocab
    finally:
        sys.path.remove(str(VOCAB_DIR))
    from kg.vocab import SCHEMES

    on_disk = {p.stem for p in VOCAB_DIR.glob("*.ttl")}
    assert on_disk == set(SCHEMES)
    for scheme in SCHEMES:
        text = (VOCAB_DIR / f"{scheme}.ttl").read_text(encoding="utf-8")
        fresh = build_vocab.render(scheme)
        assert isomorphic(Graph().parse(data=text, format="turtle"), build_vocab.scheme_graph(scheme)), scheme
        assert text == fresh, f"{scheme}.ttl is stale: run python ontology/vocab/build_vocab.py"


def test_vocab_concepts_well_formed():
    from kg.vocab import SCHEMES

    for scheme, rows in SCHEMES.items():
        v = Graph().parse(VOCAB_DIR / f"{scheme}.ttl")
        s = URIRef(f"https://w3id.org/lgkg/vocab/{scheme}")
        assert (s, RDF.type, SKOS.ConceptScheme) in v
        assert {l.language for l in v.objects(s, SKOS.prefLabel)} == {"ko", "en"}
        for key, ko, en, _alts in rows:
            c = URIRef(f"{s}/{key}")
            assert (c, SKOS.inScheme, s) in v and (c, SKOS.topConceptOf, s) in v
            assert Literal(ko, lang="ko") in set(v.objects(c, SKOS.prefLabel))
            assert Literal(en, lang="en") in set(v.objects(c, SKOS.prefLabel))
            pref = set(v.objects(c, SKOS.prefLabel))
            assert not pref & set(v.objects(c, SKOS.altLabel)), f"{c}: label both pref and alt"
    note = Graph().parse(VOCAB_DIR / "indicators.ttl").value(URIRef("https://w3id.org/lgkg/vocab/indicators"), SKOS.note)
    assert note == Literal("2021 지방자치단체 혁신평가 지표", lang="ko")
