"""`--param` values are bound as values and cannot change a query: every catalogue
query, with hostile values for each parameter, on the embedded store (pyoxigraph
substitutions), through a VALUES block (what remote endpoints get), through the
CLI, and on a real Oxigraph server. SECURITY.md, promise 6."""
from __future__ import annotations

import time

import pyoxigraph as ox
import pytest

from kg import queries
from kg.errors import QueryError
from kg.store import Store
from tests.robustness.conftest import LONG, run_kg

HOSTILE = [
    '" } UNION { ?s ?p ?o } #',
    "x\n} UNION { ?s ?p ?o }\n#",
    "<http://evil>",
    "\\",
    "' } UNION { ?s ?p ?o } #",
    "# comment\n} LIMIT 1 #",
    '"@ko ; DROP ALL ; #',
    "서울특별시 종로구\" || true || \"",
    # the long run (LGKG_LONG=1) adds these
    '"',
    "'",
    '\\"',
    '"""x',
    "}",
    "{",
    "> } UNION { ?s ?p ?o } <x",
    "?param_agency",
    "\u0000\u202e서울",
]
CORE = HOSTILE if LONG else HOSTILE[:6]
UNMATCHED = "없는값"  # a plain value that matches nothing
SLOW = 1.0  # seconds: queries slower than this get 2 hostile values unless LGKG_LONG=1


@pytest.fixture(scope="module")
def store(built_store):
    s = Store(built_store, read_only=True)
    yield s
    s.close()


def _params(q, name: str, value: str) -> dict[str, str]:
    params = {name: value}
    for req in q.required:  # a required parameter other than the hostile one: a real value
        params.setdefault(req, "서울특별시 종로구")
    return params


def _run(store, name, params):
    try:
        return queries.run(name, params, store=store)
    except QueryError as exc:  # e.g. not an IRI / integer: refused cleanly
        return f"QueryError: {exc}"


def _cases():
    for q in queries.catalogue().values():
        for p in q.params:
            yield pytest.param(q.name, p, id=f"{q.name}-{p}")


@pytest.mark.parametrize("name, param", list(_cases()))
def test_hostile_parameter_is_only_a_value(store, name, param):
    """Each hostile value gives the rows of a value that matches nothing: the query
    kept its meaning. Bound as a VALUES block (remote endpoints), the same rows."""
    q = queries.get(name)
    if q.params[param] in ("agency", "agency-ko") or param == "year":
        # resolved (gazetteer) or checked before any query runs: a hostile value is refused, never run
        for value in CORE[:3]:
            got = _run(store, name, _params(q, param, value))
            assert isinstance(got, str) and got.startswith("QueryError"), (name, param, value, got)
        return
    t0 = time.monotonic()
    baseline = _run(store, name, _params(q, param, UNMATCHED))
    values = CORE if LONG or time.monotonic() - t0 < SLOW else CORE[:2]
    for value in values:
        got = _run(store, name, _params(q, param, value))
        if isinstance(got, str):
            assert q.params[param] in ("iri", "integer", "gYear"), got
            continue
        assert got == baseline, f"{name} with {param}={value!r} differs from a value that matches nothing"
    for value in values[:1]:
        bindings = queries.bind(q, _params(q, param, value))
        _, rows = queries.run_local(store, queries.with_values(q.text, bindings))
        assert len(rows) == len(baseline[1])


def test_a_real_value_still_selects(store):
    _, rows = queries.run("programs", {"agency": "서울특별시 종로구"}, store=store)
    assert rows and all("서울특별시 종로구" in row for row in rows)


@pytest.mark.parametrize("value", HOSTILE)
def test_values_block_holds_exactly_one_literal_per_parameter(value):
    bindings = {"param_agency": ox.Literal(value, language="ko"), "param_year": ox.Literal(value)}
    text = queries.with_values("SELECT * WHERE { }", bindings)
    mem = ox.Store()
    sols = list(mem.query(text))
    assert len(sols) == 1
    [sol] = sols
    assert {v.value for v in mem.query(text).variables} == {"param_agency", "param_year"}
    assert sol["param_agency"] == ox.Literal(value, language="ko")
    assert sol["param_year"] == ox.Literal(value)
    # and rdflib's parser reads the same single row
    from rdflib.plugins.sparql import prepareQuery

    algebra = prepareQuery(text).algebra
    rows = _values_rows(algebra)
    assert len(rows) == 1 and sorted(str(k) for k in rows[0]) == ["param_agency", "param_year"]
    assert {str(v) for v in rows[0].values()} == {value}


def _values_rows(node):
    if getattr(node, "name", None) == "values":
        return node["res"]
    for child in (node.values() if hasattr(node, "values") else []):
        if hasattr(child, "name"):
            found = _values_rows(child)
            if found is not None:
                return found
    return None


@pytest.mark.parametrize("value", ['" } UNION { ?s ?p ?o } #', "x\n} UNION { ?s ?p ?o }\n#", "<http://evil>"])
def test_hostile_parameter_through_the_cli(built_store, value):
    for name in ("adoptions", "programs", "documents"):
        q = queries.get(name)
        args = ["query", name, "--store", built_store, "--format", "json"]
        for p in q.params:
            args += ["--param", f"{p}={value}"]
        res = run_kg(*args)
        assert "Traceback" not in res.stderr
        if any(q.params[p] in ("agency", "agency-ko") or p == "year" for p in q.params):
            # an agency is resolved, a year checked, before the query runs: refused with a message
            assert res.returncode == 2 and res.stdout.strip() == "" and "--param" in res.stderr, (name, res.stderr)
        elif q.params:
            assert res.returncode == 0 and res.stdout.strip() == "[]", (name, res.stdout[:300], res.stderr)


@pytest.mark.server
def test_hostile_parameter_on_an_oxigraph_server(oxigraph_server):
    for q in queries.catalogue().values():
        for p in q.params:
            for value in CORE:
                try:
                    _, rows = queries.run(q.name, _params(q, p, value), endpoint=oxigraph_server.query_url)
                except QueryError as exc:
                    assert q.params[p] in ("iri", "integer", "gYear", "agency", "agency-ko") or p == "year", str(exc)
                    continue
                assert all(value in [str(c) for c in row] for row in rows), (q.name, p, value)
