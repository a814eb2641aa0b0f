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


def _shared_subjects(store: Store) -> set[str]:
    from kg import iris

    return {q.subject.value for q in store.quads(iris.ENTITY_GRAPH)}


def test_shared_descriptions_one_copy_and_no_orphans(tmp_path):
    """Two documents naming the same organisation: one copy of its description in
    the entities graph; it goes when the last document naming it stops naming it."""
    from kg import iris
    from loaders import records as r
    from kg.mapping import to_graphs

    def report(doc_id: str, partner: str | None):
        recs = [r.DocumentInfo(doc_id, f"{doc_id}.txt", "a" * 64, "work-report", issuer=r.Party("종로구", code="11110"),
                               year="2026")]
        if partner:
            recs.append(r.Agreement((r.Party("종로구", code="11110"), r.Party(partner, name=partner)), "업무협약",
                                    "협력", "2026-02", line=3))
        return to_graphs(recs)

    from kg.namespaces import LGKG

    own = {"owned_via": LGKG.hasName}  # the store knows no ontology term: the caller names the link
    store = Store(tmp_path / "s")
    for doc in ("d1", "d2"):
        store.replace_document(iris.doc_graph(doc), *report(doc, "한국전력공사"), iris.ENTITY_GRAPH, **own)
    kepco = str(iris.organization("한국전력공사"))
    names = [q for q in store.quads(iris.ENTITY_GRAPH) if q.subject.value == kepco]
    assert len(names) == len(set(names)) >= 3  # type, labels, name: once, not once per document
    assert not [q for q in store.quads(iris.doc_graph("d1")) if q.subject.value == kepco]
    # d1 changes partner: KEPCO stays (d2 still names it), KT arrives
    store.replace_document(iris.doc_graph("d1"), *report("d1", "KT"), iris.ENTITY_GRAPH, **own)
    assert {kepco, str(iris.organization("KT"))} <= _shared_subjects(store)
    # d2 no longer names KEPCO: its description and its name node go, KT stays
    store.replace_document(iris.doc_graph("d2"), *report("d2", None), iris.ENTITY_GRAPH, **own)
    left = _shared_subjects(store)
    assert kepco not in left and kepco + "/name/0" not in left
    assert str(iris.organization("KT")) in left and str(iris.organization("KT")) + "/name/0" in left
