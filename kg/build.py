"""Build and ingest: ontology + vocabularies + gazetteer + documents into a store."""
from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg import iris, paths
from kg.errors import KgError
from kg.store import Store, swap_in


@dataclass
class DocResult:
    path: str
    doc_id: str | None = None
    genre: str | None = None
    triples: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    error: KgError | None = None


@dataclass
class BuildReport:
    documents: list[DocResult] = field(default_factory=list)
    base_triples: int = 0
    seconds: float = 0.0
    store_triples: int = 0

    @property
    def failed(self) -> list[DocResult]:
        return [d for d in self.documents if d.error]


def skolemized(g: Graph) -> Graph:
    """Blank nodes (OWL union lists) -> IRIs named by rdflib's canonical labelling,
    so the same file always gives the same IRIs (and exports have no blank nodes)."""
    from rdflib import BNode, URIRef
    from rdflib.compare import to_canonical_graph

    canon = to_canonical_graph(g)
    base = iris.BASE + ".well-known/genid/"

    def sk(t):
        return URIRef(base + str(t)) if isinstance(t, BNode) else t

    out = Graph()
    for s_, p_, o_ in canon:
        out.add((sk(s_), p_, sk(o_)))
    return out


def ontology_triples() -> Graph:
    g = Graph()
    g.parse(paths.ONTOLOGY, format="turtle")
    return skolemized(g)


def vocab_triples() -> Graph:
    g = Graph()
    for f in sorted(paths.VOCAB_DIR.glob("*.ttl")):
        g.parse(f, format="turtle")
    return skolemized(g)


def base_graphs():
    """(graph IRI, triples) of the ontology, the vocabularies and the gazetteer."""
    from kg.gazetteer_rdf import gazetteer_triples

    yield iris.ONTOLOGY_GRAPH, list(ontology_triples())
    yield iris.VOCAB_GRAPH, list(vocab_triples())
    yield iris.GAZETTEER_GRAPH, list(gazetteer_triples())


def ensure_base(store: Store) -> int:
    """Write ontology, vocabularies and gazetteer if the store lacks them."""
    n = 0
    for graph, triples in base_graphs():
        if not store.has_graph(graph):
            n += store.replace_graph(graph, triples)
    return n


def refresh_base(store: Store) -> int:
    return sum(store.replace_graph(g, t) for g, t in base_graphs())


def bundled_sources() -> list[Path]:
    return sorted(p for p in paths.SOURCES_DIR.glob("*.txt"))


def document_triples(path: Path) -> tuple[DocResult, list]:
    """Read and extract one document; never raises a KgError (it is in the result)."""
    from loaders import extract_source, read_source
    from loaders.to_rdf import to_triples

    res = DocResult(str(path))
    try:
        src = read_source(path)
        records = extract_source(src)
        res.doc_id, res.genre = src.doc_id, records[0].genre
        triples = list(to_triples(records))
        for rec in records[1:]:
            name = type(rec).__name__
            res.counts[name] = res.counts.get(name, 0) + 1
        return res, triples
    except KgError as exc:
        res.error = exc
        return res, []


def ingest(store: Store, files: Iterable[Path]) -> BuildReport:
    """Replace each document's graph, one transaction per document."""
    t0 = time.perf_counter()
    report = BuildReport()
    report.base_triples = ensure_base(store)
    for f in files:
        res, triples = document_triples(Path(f))
        if res.error is None:
            res.triples = store.replace_graph(iris.doc_graph(res.doc_id), triples)
        report.documents.append(res)
    store.flush()
    report.store_triples = len(store)
    report.seconds = time.perf_counter() - t0
    return report


def build(target: Path, files: Iterable[Path] | None = None) -> BuildReport:
    """A fresh store from scratch, built beside `target` and swapped in at the end,
    so an interrupted build leaves the previous store untouched."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=target.name + ".build-", dir=target.parent))
    try:
        store = Store(work)
        report = ingest(store, files if files is not None else bundled_sources())
        store.close()
        del store
        swap_in(work, target)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return report
