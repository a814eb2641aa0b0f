"""The query catalogue against its contract (../shared/competency-questions.md):
every .rq parses on both engines, declares its header, uses its parameters, and
`kg query NAME --format json` answers with exactly the contract's columns first."""
from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery
from typer.testing import CliRunner

from kg import paths, queries
from kg.cli.main import app

CONTRACT_FILE = paths.ROOT.parent / "shared" / "competency-questions.md"
CATALOGUE = sorted(queries.catalogue().values(), key=lambda q: q.name)
runner = CliRunner()


def contract() -> dict[str, dict]:
    """name -> {columns, params} from the contract's table."""
    if not CONTRACT_FILE.exists():
        pytest.skip(f"contract not found at {CONTRACT_FILE} (../shared beside the repository)")
    out = {}
    for line in CONTRACT_FILE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].isdigit():
            name = cells[1].strip("`")
            params = [p.split("(")[0].strip() for p in cells[4].split(",") if p.strip()]
            out[name] = {"columns": [c.strip() for c in cells[3].split(",")], "params": params}
    assert len(out) >= 13, "contract table not found or changed shape"
    return out


def kg(*args: str):
    return runner.invoke(app, list(args))


def run_json(store_dir, name: str, *params: str) -> list[dict]:
    args = ["query", name, "--store", str(store_dir), "--format", "json"]
    for p in params:
        args += ["--param", p]
    res = kg(*args)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


# -- static checks -------------------------------------------------------------


@pytest.mark.parametrize("q", CATALOGUE, ids=lambda q: q.name)
def test_query_parses_on_both_engines(q):
    ox.Store().query(q.text)  # raises SyntaxError with line and column
    prepareQuery(q.text)


@pytest.mark.parametrize("q", CATALOGUE, ids=lambda q: q.name)
def test_header_and_params(q):
    assert q.text.startswith("#+ summary:"), "query must start with the #+ header"
    assert q.summary and q.columns
    projected = {str(v) for v in prepareQuery(q.text).algebra["PV"]}
    body = q.text.split("WHERE", 1)[1]
    for name in q.params:
        var = f"{queries.PARAM_PREFIX}{name}"
        assert f"?{var}" in body, f"{q.name}: ?{var} not used in the body"
        assert var in projected, f"{q.name}: ?{var} not projected (a VALUES binding would be invisible)"
    for col in q.columns:
        assert col in projected, f"{q.name}: declared column {col} not projected"


def test_every_contract_query_exists_with_its_columns_and_params():
    cat = queries.catalogue()
    for name, spec in contract().items():
        assert name in cat, f"contract query {name} missing from queries/"
        assert list(cat[name].columns) == spec["columns"], name
        assert sorted(cat[name].params) == sorted(spec["params"]), name


def test_list_shows_every_contract_query():
    res = kg("query", "--list")
    assert res.exit_code == 0
    for name in contract():
        assert re.search(rf"^{re.escape(name)}\s", res.stdout, flags=re.M), name


# -- running them ----------------------------------------------------------------


def _required_args(name: str, store_dir) -> list[str]:
    if name != "agency-profile":
        return []
    docs = run_json(store_dir, "documents")
    agency = next(r["agency"] for r in docs if r["agency"])
    return [f"agency={agency}"]


@pytest.mark.parametrize("name", [q.name for q in CATALOGUE])
def test_json_rows_are_keyed_by_the_contract_columns(name, kg_store_dir):
    expected = contract().get(name, {}).get("columns") or list(queries.get(name).columns)
    rows = run_json(kg_store_dir, name, *_required_args(name, kg_store_dir))
    assert isinstance(rows, list)
    for row in rows:
        assert list(row)[: len(expected)] == expected
        assert not any(k.startswith(queries.PARAM_PREFIX) for k in row)
        assert all(v is None or isinstance(v, (str, int, float, bool)) for v in row.values())


def _filterable():
    for q in CATALOGUE:
        for p in q.params:
            if p in q.columns and p not in q.required:
                yield q.name, p


@pytest.mark.parametrize("name,param", list(_filterable()))
def test_param_filters_rows(name, param, kg_store_dir):
    rows = run_json(kg_store_dir, name)
    values = sorted({r[param] for r in rows if r[param] not in (None, "")}, key=str)
    if not values:
        pytest.skip(f"no {param} values in the bundled documents' {name} rows")
    value = str(values[len(values) // 2])
    filtered = run_json(kg_store_dir, name, f"{param}={value}")
    assert filtered, f"{name} --param {param}={value} returned nothing"
    assert all(str(r[param]) == value for r in filtered)
    assert len(filtered) <= len(rows)


def test_unknown_param_is_a_usage_error(kg_store_dir):
    res = kg("query", "adoptions", "--store", str(kg_store_dir), "--param", "colour=red")
    assert res.exit_code == 2
    assert "colour" in res.output and "Traceback" not in res.output


def test_agency_profile_needs_agency(kg_store_dir):
    res = kg("query", "agency-profile", "--store", str(kg_store_dir))
    assert res.exit_code == 2
    assert "agency" in res.output


def test_agency_profile_counts(kg_store_dir):
    rows = run_json(kg_store_dir, "agency-profile", *_required_args("agency-profile", kg_store_dir))
    assert rows and all(isinstance(r["count"], int) and r["count"] > 0 for r in rows)


def test_unknown_query_is_a_usage_error(kg_store_dir):
    res = kg("query", "no-such-query", "--store", str(kg_store_dir))
    assert res.exit_code == 2 and "no-such-query" in res.output


def test_query_df(kg_store, kg_store_dir):
    from kg.api import query_df

    df = query_df("documents", store=kg_store)
    assert list(df.columns)[:5] == ["document", "agency", "bureau", "year", "title"]
    assert len(df) == len(run_json(kg_store_dir, "documents"))
    agency = next(a for a in df["agency"] if a)
    prof = query_df("agency-profile", store=kg_store_dir, agency=agency)
    assert list(prof.columns)[:2] == ["kind", "count"] and len(prof) > 0


def test_in_memory_snapshot_answers_like_the_store(kg_store, kg_store_dir):
    """kg.load(): the same quads and the same catalogue rows as the store on disk."""
    import kg

    mem = kg.load(kg_store_dir)
    assert mem.path is None and len(mem) == len(kg_store)
    for name in ("adoptions", "sister-cities", "program-funding"):
        assert queries.run(name, store=mem) == queries.run(name, store=kg_store), name
