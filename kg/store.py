"""The only place that writes: an embedded pyoxigraph store on disk.

One named graph per source document, the ontology, vocabularies and gazetteer
in graphs of their own; queries see the union of all graphs. Replacing a
document's graph is one SPARQL update, which Oxigraph applies in a single
transaction: a failure (or a kill) leaves the previous graph in place.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import StoreError, StoreInUse

Triple = tuple[Node, Node, Node]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: Node) -> ox.NamedNode | ox.Literal:
    """rdflib term -> pyoxigraph term (no blank nodes: lgkg mints IRIs for everything)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language.lower())
        if term.datatype and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        raise ValueError(f"blank node {term!r}: mint an IRI in kg.iris instead")
    raise TypeError(f"not an RDF term: {term!r}")


def _open_error(path: Path, exc: OSError) -> StoreError:
    text = str(exc)
    if "lock" in text.lower() or "Resource temporarily unavailable" in text:
        return StoreInUse(
            "store is in use by another process (a running `kg ingest`, `kg build` or "
            "`kg serve`); wait for it, or query through `kg serve` / `--endpoint`",
            file=str(path),
        )
    return StoreError(f"cannot open the store: {text}", file=str(path))


class Store:
    """A pyoxigraph store, on disk (`path`) or in memory (`path=None`)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError("no store here: run `kg build` or `kg ingest` first", file=str(self.path))
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as exc:
            raise _open_error(self.path or Path("<memory>"), exc) from None

    # -- writing ---------------------------------------------------------

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> int:
        """Replace `graph` by `triples` atomically; returns the number of triples written."""
        self._check_writable()
        g = to_ox(graph)
        try:
            lines = sorted({f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in triples})
        except (ValueError, TypeError) as exc:
            raise StoreError(f"graph {graph} not written, previous state kept: {exc}") from None
        update = f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n} }"
        try:
            self._ox.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"writing graph {graph} failed, previous state kept: {exc}") from None
        return len(lines)

    def bulk_add(self, graph: URIRef, triples: Iterable[Triple]) -> int:
        """Fast, non-transactional load for building a fresh store (see kg.build)."""
        self._check_writable()
        g = to_ox(graph)
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples]
        self._ox.bulk_extend(quads)
        return len(quads)

    def drop_graph(self, graph: URIRef) -> None:
        self._check_writable()
        self._ox.update(f"DROP SILENT GRAPH {to_ox(graph)}")

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("store opened read-only", file=str(self.path))

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._ox.flush()

    # -- reading ---------------------------------------------------------

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs())

    def has_graph(self, graph: URIRef) -> bool:
        return self._ox.contains_named_graph(to_ox(graph))

    def query(self, sparql: str, substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None):
        """Run a query over the union of all graphs, with variables bound by value."""
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        return self._ox.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)

    def quads(self, graph: URIRef | None = None) -> Iterator[ox.Quad]:
        return self._ox.quads_for_pattern(None, None, None, to_ox(graph) if graph is not None else None)

    def __len__(self) -> int:
        return len(self._ox)

    @property
    def ox(self) -> ox.Store:
        """The pyoxigraph store, for read-only use by export and benchmarks."""
        return self._ox

    def close(self) -> None:
        # pyoxigraph releases the RocksDB lock when the object is collected
        self.flush()
        del self._ox


def swap_in(new_dir: Path, target: Path) -> None:
    """Replace the store directory `target` by `new_dir` (built aside), keeping the
    old one until the new one is in place."""
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new_dir.rename(target)
    if old.exists():
        shutil.rmtree(old)
