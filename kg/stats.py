"""Counts of what is in the store, for `kg stats` and notebooks."""
from __future__ import annotations

from kg import iris
from kg.namespaces import PREFIXES

_CLASSES = """
PREFIX lgkg: <https://w3id.org/lgkg/ontology#>
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?class . FILTER(STRSTARTS(STR(?class), STR(lgkg:)))
} GROUP BY ?class ORDER BY ?class
"""
_SCHEMES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?scheme (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c skos:inScheme ?scheme } GROUP BY ?scheme ORDER BY ?scheme
"""
_TERMS = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?kind (COUNT(DISTINCT ?t) AS ?n) ?onto WHERE {
  GRAPH ?g { ?t a ?kind . FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty)) }
  FILTER(?g = ?onto)
} GROUP BY ?kind ?onto ORDER BY ?kind
"""


def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def stats(store) -> tuple[list[str], list[list]]:
    import pyoxigraph as ox

    rows: list[list] = []
    graphs = store.graphs()
    docs = [g for g in graphs if g.startswith(iris.DOC_GRAPH_PREFIX)]
    rows.append(["graphs", "named graphs", len(graphs)])
    rows.append(["graphs", "documents", len(docs)])
    rows.append(["graphs", "quads", len(store)])
    onto = ox.NamedNode(str(iris.ONTOLOGY_GRAPH))
    for sol in store.ox.query(_TERMS, substitutions={ox.Variable("onto"): onto}):
        rows.append(["ontology", _short(sol["kind"].value), int(sol["n"].value)])
    for sol in store.query(_SCHEMES):
        rows.append(["scheme", _short(sol["scheme"].value), int(sol["n"].value)])
    for sol in store.query(_CLASSES):
        rows.append(["class", _short(sol["class"].value), int(sol["n"].value)])
    return ["kind", "what", "count"], rows
