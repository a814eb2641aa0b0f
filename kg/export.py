"""Byte-stable exports of the store: N-Triples, N-Quads, Turtle, TriG, JSON-LD.

Stability comes from sorting: triples are de-duplicated across graphs and
sorted as N-Triples lines before any serialiser sees them, and serialisers
that iterate in insertion order are fed that sorted order. No blank nodes
exist (kg.iris mints every node), so the output does not depend on
PYTHONHASHSEED.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.namespaces import PREFIXES
from kg.terms import statements

FORMATS = ("turtle", "trig", "nt", "nq", "jsonld")


def sorted_lines(store, graph: str | None = None) -> list[str]:
    """The graph's (or the union's) statements as sorted N-Triples, by kg.terms."""
    g = ox.NamedNode(graph) if graph else None
    return statements((q.subject, q.predicate, q.object) for q in store.ox.quads_for_pattern(None, None, None, g))


def graph_ntriples(store, graph: str) -> tuple[bytes, int]:
    lines = sorted_lines(store, graph)
    return ("\n".join(lines) + "\n").encode("utf-8"), len(lines)


def _rdflib_graph(lines: list[str]) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    g.parse(data="\n".join(lines), format="nt")
    return g


def _turtle(lines: list[str]) -> str:
    return _rdflib_graph(lines).serialize(format="turtle")


def _strip_prefixes(turtle: str) -> str:
    return "\n".join(l for l in turtle.splitlines() if not l.startswith("@prefix")).strip()


def export(store, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "nt":
        return ("\n".join(sorted_lines(store)) + "\n").encode("utf-8")
    if fmt == "nq":
        quads = sorted({f"{q.subject} {q.predicate} {q.object} {q.graph_name} ." for q in store.ox})
        return ("\n".join(quads) + "\n").encode("utf-8")
    if fmt == "turtle":
        return _turtle(sorted_lines(store)).encode("utf-8")
    if fmt == "trig":
        head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))
        parts = [head]
        for graph in store.graphs():
            body = _strip_prefixes(_turtle(sorted_lines(store, graph)))
            parts.append(f"\n<{graph}> {{\n{body}\n}}\n")
        return "".join(parts).encode("utf-8")
    g = _rdflib_graph(sorted_lines(store))
    doc = json.loads(g.serialize(format="json-ld", context={p: ns for p, ns in PREFIXES.items()}))
    if isinstance(doc, dict) and isinstance(doc.get("@graph"), list):
        doc["@graph"].sort(key=lambda n: n.get("@id", ""))
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def write(store, fmt: str, out: Path | None) -> bytes:
    data = export(store, fmt)
    if out is not None:
        tmp = Path(str(out) + ".part")
        tmp.write_bytes(data)
        tmp.replace(out)
    return data
