"""`extraction-report` gives the same rows, warnings, scopes and cues included, on the
embedded store and on real servers (an Oxigraph server and Virtuoso of their own,
loaded with two hand-made documents whose loader reported what it could not read)."""
from __future__ import annotations

import pytest

from kg import iris, queries
from kg.remote import push
from kg.store import Store
from loaders.report import with_report
from kg.mapping import to_triples
from tests import servers
from tests.conftest import unavailable
from tests.kg.test_remote import normalised
from tests.loaders.test_report import CASEBOOK, WITH_CHECKS


@pytest.fixture(scope="module")
def small_store():
    s = Store(None)
    for recs in (WITH_CHECKS, CASEBOOK):
        s.replace_graph(iris.doc_graph(recs[0].doc_id), to_triples(with_report(recs)))
    return s


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request, tmp_path_factory, small_store):
    start = {"oxigraph": servers.start_oxigraph, "virtuoso": servers.start_virtuoso}[request.param]
    try:
        srv = start(tmp_path_factory.mktemp(request.param))
    except servers.ServerUnavailable as exc:
        unavailable(str(exc))
    try:
        push(small_store, srv.store_url, user=srv.user, password=srv.password)
        yield srv
    finally:
        srv.stop()


@pytest.mark.parametrize("params", [{}, {"document": "t1"}, {"document": "t2"}, {"document": "none"}])
def test_same_rows_on_the_server(small_store, server, params):
    local = queries.run("extraction-report", params, store=small_store)
    remote = queries.run("extraction-report", params, endpoint=server.query_url)
    assert local[0] == remote[0]
    assert normalised(local[1]) == normalised(remote[1])
    if params.get("document") != "none":
        assert local[1]
    warnings = {row[4] for row in remote[1] if row[4]}
    assert warnings == ({"programs 1 of 21 listed", "자치행정과: no staffing read from its staffing table"}
                        if params.get("document", "t1") == "t1" else set())
