"""`kg sparql` and output as a researcher uses them (issue 16)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg import queries
from kg.cli.main import app

runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_prefixes_are_predeclared_and_table_output_compacts_iris(kg_store_dir):
    res = kg("sparql", "SELECT ?s ?t WHERE { ?s a lgkg:Program ; a ?t } LIMIT 1", "--store", kg_store_dir)
    assert res.exit_code == 0, res.output
    assert "lgkg:Program" in res.stdout and "https://w3id.org/lgkg/ontology#" not in res.stdout


def test_json_keeps_full_iris(kg_store_dir):
    res = kg("sparql", "SELECT ?t WHERE { ?s a lgkg:Program ; a ?t } LIMIT 1", "--format", "json",
             "--store", kg_store_dir)
    assert json.loads(res.stdout) == [{"t": "https://w3id.org/lgkg/ontology#Program"}]


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_ask_construct_describe_answer_in_every_format(kg_store_dir, fmt):
    for q in ("ASK { ?s a lgkg:Program }", "CONSTRUCT { ?s a lgkg:Program } WHERE { ?s a lgkg:Program } LIMIT 3",
              "DESCRIBE <https://w3id.org/lgkg/id/agency/11110>"):
        res = kg("sparql", q, "--format", fmt, "--store", kg_store_dir)
        assert res.exit_code == 0, (q, res.output)
        assert "Traceback" not in res.output
    res = kg("sparql", "ASK { ?s a lgkg:Program }", "--format", "json", "--store", kg_store_dir)
    assert json.loads(res.stdout) == [{"ask": True}]


def test_a_missing_file_is_said_to_be_missing(kg_store_dir):
    res = kg("sparql", "nofile.rq", "--store", kg_store_dir)
    assert res.exit_code == 2 and "no such file: nofile.rq" in res.output


def test_a_query_file_runs(kg_store_dir, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a lgkg:Program }", encoding="utf-8")
    res = kg("sparql", f, "--format", "json", "--store", kg_store_dir)
    assert res.exit_code == 0 and json.loads(res.stdout)[0]["n"] > 0


def test_a_syntax_error_is_short_and_names_an_unknown_prefix(kg_store_dir):
    res = kg("sparql", "SELECT ?s WHERE { ?s a lgkgx:Program }", "--store", kg_store_dir)
    assert res.exit_code == 2
    msg = res.output.strip()
    assert len(msg.splitlines()) <= 2 and "unknown prefix lgkgx:" in msg and "line 1" in msg


def test_prefixes_are_listed():
    res = kg("sparql", "--prefixes")
    assert res.exit_code == 0 and "PREFIX lgkg:" in res.stdout and "<https://w3id.org/lgkg/ontology#>" in res.stdout


def test_explain_prints_the_bound_query_for_another_endpoint(kg_store):
    res = kg("query", "programs", "--param", "agency=종로구", "--explain")
    assert res.exit_code == 0
    assert 'VALUES (?ag) { (<https://w3id.org/lgkg/id/agency/11110>) }' in res.stdout
    _, rows = queries.run_local(kg_store, res.stdout)  # runs as printed, with the same rows
    by_name = queries.run_local(kg_store, queries.get("programs").text,
                                {"param_agency": __import__("pyoxigraph").Literal("서울특별시 종로구")})[1]
    assert rows and sorted(repr(r[:6]) for r in rows) == sorted(repr(r[:6]) for r in by_name)


def test_store_in_use_names_a_read_only_server_and_the_way_out(tmp_path):
    import json as _json
    import os

    from kg.build import build
    from kg.errors import StoreInUse
    from kg.store import ensure_not_in_use, reader_lock, server_marker

    store = tmp_path / "store"
    build(store)
    lock = reader_lock(store)  # what a read-only `kg serve` holds
    server_marker(store).write_text(_json.dumps({"pid": os.getpid(), "url": "http://127.0.0.1:7878/query"}))
    try:
        with pytest.raises(StoreInUse) as exc:
            ensure_not_in_use(store)
        assert "read-only `kg serve`" in str(exc.value) and "stop the server" in str(exc.value)
        server_marker(store).unlink()
        with pytest.raises(StoreInUse) as exc:
            ensure_not_in_use(store)
        assert "in use by another process: a reader" in str(exc.value)
    finally:
        lock.release()
    ensure_not_in_use(store)  # free again
