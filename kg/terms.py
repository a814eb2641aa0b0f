"""The one writer of RDF terms (issue 19): every term the project stores or sends
becomes N-Triples text here, rendered by pyoxigraph, so the bulk path, the
transactional path, exports and VALUES blocks write a term the same way.

* `to_ox`: an rdflib term (or a pyoxigraph one, passed through) as a pyoxigraph term;
  language tags lowercased as Oxigraph and Virtuoso store them; no blank nodes
  (lgkg mints an IRI for everything).
* `nt`: a term's N-Triples text, IRIs cached (they recur in every document).
* `statements`: sorted, de-duplicated N-Triples statements ("s p o .") from triples
  or from lines already written ("s p o", as `kg.mapping.to_ntriples` makes them).
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_OX_TERMS = (ox.NamedNode, ox.Literal)


def to_ox(term) -> ox.NamedNode | ox.Literal:
    """rdflib term -> pyoxigraph term (no blank nodes: lgkg mints IRIs for everything)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language.lower())
        if term.datatype and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, _OX_TERMS):
        return term
    if isinstance(term, (BNode, ox.BlankNode)):
        raise ValueError(f"blank node {term!r}: mint an IRI in kg.iris instead")
    raise TypeError(f"not an RDF term: {term!r}")


def nt(term, cache: dict | None = None) -> str:
    """A term as N-Triples text; IRIs are remembered in `cache` when one is given."""
    if cache is not None:
        hit = cache.get(term)
        if hit is not None:
            return hit
    text = str(to_ox(term))
    if cache is not None and isinstance(term, (URIRef, ox.NamedNode)):  # literals rarely recur
        cache[term] = text
    return text


def statements(items: Iterable) -> list[str]:
    """Sorted, de-duplicated N-Triples statements ("s p o .") from (s, p, o) triples of
    rdflib or pyoxigraph terms, or from N-Triples lines with or without the final dot."""
    out = set()
    cache: dict = {}
    for item in items:
        if isinstance(item, str):
            line = item.rstrip()
            out.add(line if line.endswith(" .") else line + " .")
        else:
            s, p, o = item
            out.add(f"{nt(s, cache)} {nt(p, cache)} {nt(o, cache)} .")
    return sorted(out)
