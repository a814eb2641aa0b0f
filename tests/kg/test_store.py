"""The store: atomic replacement of a document's graph, union queries, locking."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Literal, URIRef

from kg.errors import StoreError, StoreInUse
from kg.store import Store

G = URIRef("https://w3id.org/lgkg/graph/doc/test")
S = URIRef("https://w3id.org/lgkg/id/x")
P = URIRef("https://w3id.org/lgkg/ontology#name")


def _values(store: Store) -> set[str]:
    return {q.object.value for q in store.quads(G)}


def test_replace_graph_replaces_whole_graph(tmp_path):
    store = Store(tmp_path / "s")
    store.replace_graph(G, [(S, P, Literal("old", lang="ko")), (S, P, Literal("older", lang="ko"))])
    store.replace_graph(G, [(S, P, Literal("new", lang="ko"))])
    assert _values(store) == {"new"}


def test_failing_replace_keeps_previous_graph(tmp_path):
    store = Store(tmp_path / "s")
    store.replace_graph(G, [(S, P, Literal("old", lang="ko"))])
    bad = [(S, P, Literal("new", lang="ko")), (URIRef("not an iri"), P, Literal("x"))]
    with pytest.raises(StoreError, match="previous state kept"):
        store.replace_graph(G, bad)
    assert _values(store) == {"old"}


def test_language_tags_are_lowercased(tmp_path):
    store = Store(None)
    store.replace_graph(G, [(S, P, Literal("종로구", lang="ko-KR"))])
    [q] = list(store.quads(G))
    assert q.object.language == "ko-kr"


def test_queries_see_the_union_of_graphs():
    store = Store(None)
    store.replace_graph(G, [(S, P, Literal("a"))])
    store.replace_graph(URIRef(str(G) + "2"), [(S, P, Literal("b"))])
    rows = {s["o"].value for s in store.query("SELECT ?o WHERE { ?s ?p ?o }")}
    assert rows == {"a", "b"}


def test_read_only_open_of_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "nothing", read_only=True)


def test_second_writer_gets_store_in_use(tmp_path):
    path = tmp_path / "s"
    first = Store(path)
    first.replace_graph(G, [(S, P, Literal("a"))])
    code = (
        "import sys\nfrom kg.store import Store\nfrom kg.errors import StoreInUse\n"
        f"try:\n    Store({str(path)!r})\nexcept StoreInUse as e:\n    print('IN USE', e); sys.exit(3)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 3, out.stderr
    assert "in use" in out.stdout
    assert isinstance(StoreInUse("x"), StoreError)
