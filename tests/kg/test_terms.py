"""kg.terms, the one writer of RDF terms: what it writes and what it refuses."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.terms import nt, statements, to_ox

S, P = URIRef("https://w3id.org/lgkg/id/x"), URIRef("https://w3id.org/lgkg/ontology#name")


def test_terms_are_written_as_the_engines_store_them():
    assert nt(Literal("종로구", lang="ko-KR")) == '"종로구"@ko-kr'
    assert nt(Literal("x", datatype=XSD.string)) == nt(Literal("x")) == '"x"'
    assert nt(Literal("2024", datatype=XSD.gYear)) == '"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    assert nt(Literal('a "quoted"\nline')) == '"a \\"quoted\\"\\nline"'
    assert to_ox(ox.NamedNode(str(S))) == ox.NamedNode(str(S))  # pyoxigraph terms pass through


def test_blank_nodes_and_non_terms_are_refused():
    with pytest.raises(ValueError, match="blank node"):
        nt(BNode())
    with pytest.raises(TypeError):
        nt("not a term")


def test_statements_from_triples_and_lines_agree_sorted_and_unique():
    triples = [(S, P, Literal("b", lang="ko")), (S, P, Literal("a", lang="ko")), (S, P, Literal("a", lang="ko"))]
    lines = [f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in triples]
    got = statements(triples)
    assert got == statements(lines) == statements([line + " ." for line in lines])
    assert got == sorted(set(got)) and len(got) == 2 and all(line.endswith(" .") for line in got)
