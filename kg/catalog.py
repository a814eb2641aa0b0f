"""`kg catalog`: a DCAT-AP 3 description of the graph, with VoID statistics.

Everything is derived from the store, never from the clock, so the same graph
gives the same bytes: dates and the temporal coverage come from the source
documents (`lgkg:referenceDate`, `lgkg:fiscalYear`), counts from SPARQL.
The EU vocabulary concepts it uses (languages, data theme, country, file type,
availability) are declared with their scheme and label, as the DCAT-AP
controlled-vocabulary shapes expect.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS as DCT, FOAF, RDF, SKOS, VOID, XSD

from kg import iris
from kg.namespaces import PREFIXES

EU = "http://publications.europa.eu/resource/authority/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
IANA_TURTLE = URIRef("https://www.iana.org/assignments/media-types/text/turtle")
LICENSE = URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
LICENCE_TYPE = URIRef("http://purl.org/adms/licencetype/Attribution")
WKT = URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")
# South Korea incl. Jeju, Ulleungdo and Dokdo (WGS 84, lon lat)
KOREA_BBOX = "POLYGON((124.5 33.0, 132.0 33.0, 132.0 38.7, 124.5 38.7, 124.5 33.0))"
KOREA_CENTROID = "POINT(127.8 36.4)"

# EU authority concepts used: (scheme, code, class, English label)
_EU_CONCEPTS = {
    "ko": ("language", "KOR", DCT.LinguisticSystem, "Korean"),
    "en": ("language", "ENG", DCT.LinguisticSystem, "English"),
    "theme": ("data-theme", "GOVE", None, "Government and public sector"),
    "spatial": ("country", "KOR", DCT.Location, "South Korea"),
    "format": ("file-type", "RDF_TURTLE", DCT.MediaTypeOrExtent, "RDF Turtle"),
    "availability": ("planned-availability", "STABLE", None, "stable"),
}
_SCHEME_TITLES = {
    "language": "Languages", "data-theme": "Data themes", "country": "Countries",
    "file-type": "File types", "planned-availability": "Planned availability",
}


def eu(key: str) -> URIRef:
    scheme, code, _, _ = _EU_CONCEPTS[key]
    return URIRef(f"{EU}{scheme}/{code}")


@dataclass(frozen=True)
class CatalogIRIs:
    catalog: URIRef
    dataset: URIRef
    dump: URIRef
    service: URIRef
    publisher: URIRef
    period: URIRef
    contact: URIRef
    download_url: URIRef
    endpoint_url: URIRef

    @classmethod
    def under(cls, base: str, download_url: str | None = None, endpoint_url: str | None = None):
        ds = base + "dataset/lgkg"
        return cls(
            catalog=URIRef(base + "catalog"), dataset=URIRef(ds), dump=URIRef(ds + "/distribution/turtle"),
            service=URIRef(base + "service/sparql"), publisher=URIRef(base + "publisher"),
            period=URIRef(ds + "/temporal"), contact=URIRef(base + "contact"),
            download_url=URIRef(download_url or base + "download/lgkg.ttl"),
            endpoint_url=URIRef(endpoint_url or base + "sparql"),
        )


# -- facts from the store ------------------------------------------------------

_DOC_DATES = """
PREFIX lgkg: <https://w3id.org/lgkg/ontology#>
SELECT (MIN(STR(?ref)) AS ?first) (MAX(STR(?ref)) AS ?last) (MIN(?y) AS ?y0) (MAX(?y) AS ?y1) WHERE {
  ?d a lgkg:SourceDocument .
  OPTIONAL { ?d lgkg:referenceDate ?ref }
  OPTIONAL { ?d lgkg:fiscalYear ?fy }
  BIND(COALESCE(SUBSTR(STR(?fy), 1, 4), SUBSTR(STR(?ref), 1, 4)) AS ?y)
}"""
_VOID_TOTALS = """
SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
       (COUNT(DISTINCT ?o) AS ?objects) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"""
_VOID_CLASSES = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"""


def _one(store, sparql: str) -> dict:
    sols = list(store.query(sparql))
    sol = sols[0] if sols else None
    return {v.value: (sol[v.value].value if sol is not None and sol[v.value] is not None else None)
            for v in store.query(sparql).variables}


def document_dates(store) -> dict:
    return _one(store, _DOC_DATES)


def void_stats(store) -> tuple[dict, list[tuple[str, int]]]:
    totals = {k: int(v or 0) for k, v in _one(store, _VOID_TOTALS).items()}
    classes = [(sol["class"].value, int(sol["n"].value)) for sol in store.query(_VOID_CLASSES)]
    return totals, classes


# -- the graph -----------------------------------------------------------------


def _texts(g: Graph, s, p, ko: str, en: str) -> None:
    g.add((s, p, Literal(ko, lang="ko")))
    g.add((s, p, Literal(en, lang="en")))


def _eu_concepts(g: Graph) -> None:
    for scheme, code, cls, label in _EU_CONCEPTS.values():
        c, sch = URIRef(f"{EU}{scheme}/{code}"), URIRef(f"{EU}{scheme}")
        g.add((c, RDF.type, SKOS.Concept))
        if cls is not None:
            g.add((c, RDF.type, cls))
        g.add((c, SKOS.inScheme, sch))
        g.add((c, SKOS.prefLabel, Literal(label, lang="en")))
        g.add((sch, RDF.type, SKOS.ConceptScheme))
        g.add((sch, DCT.title, Literal(_SCHEME_TITLES[scheme], lang="en")))
    g.add((IANA_TURTLE, RDF.type, DCT.MediaType))
    g.add((LICENSE, RDF.type, DCT.LicenseDocument))
    g.add((LICENSE, DCT.type, LICENCE_TYPE))
    g.add((LICENCE_TYPE, RDF.type, SKOS.Concept))
    g.add((LICENCE_TYPE, SKOS.inScheme, URIRef("http://purl.org/adms/licencetype/1.0")))
    g.add((LICENCE_TYPE, SKOS.prefLabel, Literal("Attribution", lang="en")))
    g.add((eu("spatial"), DCAT.bbox, Literal(KOREA_BBOX, datatype=WKT)))
    g.add((eu("spatial"), DCAT.centroid, Literal(KOREA_CENTROID, datatype=WKT)))
    g.add((SPARQL_PROTOCOL, RDF.type, DCT.Standard))


def _agents(g: Graph, i: CatalogIRIs) -> None:
    g.add((i.publisher, RDF.type, FOAF.Agent))
    _texts(g, i.publisher, FOAF.name, "lgkg 프로젝트", "the lgkg project")
    g.add((i.contact, RDF.type, VCARD.Kind))
    g.add((i.contact, RDF.type, VCARD.Organization))
    g.add((i.contact, VCARD.fn, Literal("lgkg maintainers")))
    g.add((i.contact, VCARD.hasURL, URIRef(iris.BASE)))


def _catalog(g: Graph, i: CatalogIRIs, dates: dict) -> None:
    c = i.catalog
    g.add((c, RDF.type, DCAT.Catalog))
    _texts(g, c, DCT.title, "한국 지방자치단체 지식그래프 카탈로그", "Catalogue of the Korean local government knowledge graph")
    _texts(g, c, DCT.description,
           "지방의회 주요업무 보고와 혁신평가 우수사례집에서 추출한 지식그래프(lgkg)의 데이터셋과 SPARQL 서비스.",
           "The datasets and SPARQL service of lgkg, a knowledge graph extracted from council work "
           "reports and innovation-evaluation casebooks of Korean local governments.")
    g.add((c, DCT.publisher, i.publisher))
    g.add((c, FOAF.homepage, URIRef(iris.BASE)))
    g.add((URIRef(iris.BASE), RDF.type, FOAF.Document))
    g.add((c, DCAT.dataset, i.dataset))
    g.add((c, DCAT.service, i.service))
    g.add((c, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
    g.add((c, DCT.license, LICENSE))
    g.add((c, DCT.spatial, eu("spatial")))
    for lang in ("ko", "en"):
        g.add((c, DCT.language, eu(lang)))
    _dates(g, c, dates)


def _dates(g: Graph, s, dates: dict) -> None:
    if dates.get("first"):
        g.add((s, DCT.issued, Literal(dates["first"][:10], datatype=XSD.date)))
    if dates.get("last"):
        g.add((s, DCT.modified, Literal(dates["last"][:10], datatype=XSD.date)))


def _dataset(g: Graph, i: CatalogIRIs, dates: dict) -> None:
    d = i.dataset
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, RDF.type, VOID.Dataset))
    _texts(g, d, DCT.title, "lgkg: 한국 지방자치단체 지식그래프", "lgkg: a knowledge graph of Korean local government")
    _texts(g, d, DCT.description,
           "기관과 조직, 사업과 예산, 협약, 수상, 자매결연, 혁신사례와 그 확산(도입)을 원문 문서와 행 번호까지 추적하는 RDF 그래프.",
           "Agencies and their units, programs and budgets, agreements, awards, sister cities, innovation "
           "cases and their adoption, each fact traced to its source document and line.")
    for kw_ko, kw_en in (("지방자치단체", "local government"), ("정책 확산", "policy diffusion"),
                         ("혁신사례", "innovation cases")):
        g.add((d, DCAT.keyword, Literal(kw_ko, lang="ko")))
        g.add((d, DCAT.keyword, Literal(kw_en, lang="en")))
    for p, o in ((DCT.publisher, i.publisher), (DCAT.contactPoint, i.contact), (DCAT.theme, eu("theme")),
                 (DCT.spatial, eu("spatial")), (DCT.license, LICENSE), (DCAT.distribution, i.dump),
                 (DCT.language, eu("ko")), (DCT.language, eu("en"))):
        g.add((d, p, o))
    _dates(g, d, dates)
    if dates.get("y0"):
        g.add((d, DCT.temporal, i.period))
        g.add((i.period, RDF.type, DCT.PeriodOfTime))
        g.add((i.period, DCAT.startDate, Literal(f"{dates['y0']}-01-01", datatype=XSD.date)))
        g.add((i.period, DCAT.endDate, Literal(f"{dates['y1']}-12-31", datatype=XSD.date)))


def _distribution(g: Graph, i: CatalogIRIs, dates: dict) -> None:
    x = i.dump
    g.add((x, RDF.type, DCAT.Distribution))
    _texts(g, x, DCT.title, "전체 그래프 (Turtle)", "The whole graph (Turtle)")
    _texts(g, x, DCT.description, "`kg export --format turtle`의 출력 (바이트 단위로 재현 가능).",
           "The output of `kg export --format turtle` (byte-stable).")
    for p, o in ((DCAT.accessURL, i.download_url), (DCAT.downloadURL, i.download_url),
                 (DCT.format, eu("format")), (DCAT.mediaType, IANA_TURTLE), (DCT.license, LICENSE),
                 (DCATAP.availability, eu("availability")), (DCAT.accessService, i.service)):
        g.add((x, p, o))
    _dates(g, x, dates)


def _service(g: Graph, i: CatalogIRIs) -> None:
    s = i.service
    g.add((s, RDF.type, DCAT.DataService))
    _texts(g, s, DCT.title, "lgkg SPARQL 엔드포인트", "lgkg SPARQL endpoint")
    _texts(g, s, DCT.description, "`kg serve`가 제공하는 SPARQL 1.1 질의 서비스.",
           "The SPARQL 1.1 query service started by `kg serve`.")
    # the endpoint answers a GET without a query with its SPARQL service description
    for p, o in ((DCAT.endpointURL, i.endpoint_url), (DCAT.endpointDescription, i.endpoint_url),
                 (DCAT.servesDataset, i.dataset),
                 (DCT.conformsTo, SPARQL_PROTOCOL), (DCT.publisher, i.publisher),
                 (DCAT.contactPoint, i.contact), (DCAT.theme, eu("theme")), (DCT.license, LICENSE)):
        g.add((s, p, o))
    g.add((s, DCAT.keyword, Literal("SPARQL", lang="en")))


def _partition_iri(dataset: URIRef, cls: str) -> URIRef:
    for prefix, ns in sorted(PREFIXES.items()):
        local = cls[len(ns):]
        if cls.startswith(ns) and local.replace("_", "").replace("-", "").isalnum():
            return URIRef(f"{dataset}/class/{prefix}-{local}")
    return URIRef(f"{dataset}/class/h-{hashlib.sha1(cls.encode()).hexdigest()[:12]}")


def _void(g: Graph, i: CatalogIRIs, totals: dict, classes: list[tuple[str, int]]) -> None:
    d = i.dataset
    g.add((d, VOID.triples, Literal(totals["triples"])))
    g.add((d, VOID.distinctSubjects, Literal(totals["subjects"])))
    g.add((d, VOID.distinctObjects, Literal(totals["objects"])))
    g.add((d, VOID.properties, Literal(totals["properties"])))
    g.add((d, VOID.classes, Literal(len(classes))))
    g.add((d, VOID.sparqlEndpoint, i.endpoint_url))
    g.add((d, VOID.dataDump, i.download_url))
    for cls, n in classes:
        part = _partition_iri(d, cls)
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n)))


def catalog_graph(store, *, download_url: str | None = None, endpoint_url: str | None = None) -> Graph:
    i = CatalogIRIs.under(iris.BASE, download_url, endpoint_url)
    dates = document_dates(store)
    totals, classes = void_stats(store)
    g = Graph()
    for prefix in ("dcat", "dct", "foaf", "skos", "void", "xsd", "rdf"):
        g.bind(prefix, PREFIXES[prefix], override=True, replace=True)
    g.bind("vcard", VCARD)
    g.bind("dcatap", DCATAP)
    _eu_concepts(g)
    _agents(g, i)
    _catalog(g, i, dates)
    _dataset(g, i, dates)
    _distribution(g, i, dates)
    _service(g, i)
    _void(g, i, totals, classes)
    return g


def catalog_turtle(store, **urls) -> bytes:
    """The catalogue as Turtle; rdflib's Turtle writer sorts subjects and
    predicates and there are no blank nodes, so the bytes are stable."""
    return catalog_graph(store, **urls).serialize(format="turtle").encode("utf-8")


def write(store, out: Path | None, **urls) -> bytes:
    data = catalog_turtle(store, **urls)
    if out is not None:
        tmp = Path(str(out) + ".part")
        tmp.write_bytes(data)
        tmp.replace(out)
    return data
