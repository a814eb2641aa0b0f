"""The commands of this issue end to end: push, --endpoint, docs, catalog, serve's help."""
from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from kg import queries
from kg.cli.main import app

runner = CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_push_then_query_and_sparql_by_endpoint(kg_store_dir, kg_store, oxigraph_server):
    res = kg("push", "--endpoint", oxigraph_server.store_url, "--store", kg_store_dir)
    assert res.exit_code == 0, res.output
    assert f"{len(kg_store)} triples" in res.output
    res = kg("query", "adoptions", "--endpoint", oxigraph_server.query_url, "--format", "json")
    assert res.exit_code == 0, res.output
    local = queries.run("adoptions", store=kg_store)
    assert len(json.loads(res.stdout)) == len(local[1])
    res = kg("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/lgkg/ontology#SourceDocument> }",
             "--endpoint", oxigraph_server.query_url, "--format", "csv")
    assert res.exit_code == 0 and res.stdout.splitlines()[0] == "n"
    assert int(res.stdout.splitlines()[1]) == len(queries.run("documents", store=kg_store)[1])


def test_endpoint_errors_are_usage_errors(kg_store_dir):
    res = kg("query", "adoptions", "--endpoint", "http://127.0.0.1:9/query")
    assert res.exit_code == 2 and "127.0.0.1:9" in res.output
    res = kg("push", "--endpoint", "http://127.0.0.1:9/store", "--store", kg_store_dir)
    assert res.exit_code == 2 and "Traceback" not in res.output


def test_bad_sparql_on_endpoint_is_a_usage_error(oxigraph_server):
    res = kg("sparql", "SELECT WHERE {", "--endpoint", oxigraph_server.query_url)
    assert res.exit_code == 2


def test_docs(tmp_path):
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF

    from kg import paths

    res = kg("docs", "-o", tmp_path / "docs")
    assert res.exit_code == 0, res.output
    html = (tmp_path / "docs" / "index.html").read_text(encoding="utf-8")
    onto = Graph().parse(paths.ONTOLOGY)
    ns = "https://w3id.org/lgkg/ontology#"
    terms = {str(t)[len(ns):] for k in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for t in onto.subjects(RDF.type, k) if str(t).startswith(ns)}
    assert len(terms) > 50
    missing = [t for t in terms if f'id="{t}"' not in html]
    assert not missing
    assert "지방자치단체" in html and re.search(r"[\uac00-\ud7a3]", html)
    assert 'id="scheme-gov-types"' in html


def test_new_commands_have_help():
    for cmd in ("push", "serve", "catalog", "docs"):
        res = kg(cmd, "--help")
        assert res.exit_code == 0, cmd


def test_build_and_ingest_take_directories(tmp_path):
    """A directory stands for the documents under it (hidden ones and non-documents
    skipped); one without documents is a usage error naming it."""
    import shutil

    from kg import paths
    from kg.store import Store

    src = tmp_path / "reports"
    (src / "2024").mkdir(parents=True)
    (src / ".cache").mkdir()
    bundled = sorted(paths.SOURCES_DIR.glob("00[01]_*.txt"))
    assert len(bundled) == 2
    shutil.copy(bundled[0], src / bundled[0].name)
    shutil.copy(bundled[1], src / "2024" / bundled[1].name)
    shutil.copy(bundled[1], src / ".cache" / "copy.txt")
    (src / "README.md").write_text("not a document\n", encoding="utf-8")
    (src / "notes.csv").write_text("a,b\n", encoding="utf-8")
    store = tmp_path / "store"
    res = kg("build", "--store", store, src)
    assert res.exit_code == 0, res.output
    assert "2 of 2 documents" in res.output
    docs = {r[0] for r in queries.run("documents", store=Store(store, read_only=True))[1]}
    assert docs == {p.name.split(".")[0] for p in bundled}
    empty = tmp_path / "empty"
    empty.mkdir()
    res = kg("ingest", "--store", store, empty)
    assert res.exit_code == 2 and "no documents" in res.output and "empty" in res.output
    assert "Traceback" not in res.output


def test_check_reads_and_reports_without_a_store(tmp_path, monkeypatch):
    """`kg check`: the extraction report of documents (a directory too), nothing stored;
    a document that cannot be read is exit 2 with its one line, the others still reported."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    store = tmp_path / "store"
    monkeypatch.setenv("LGKG_STORE", str(store))
    unseen = root / "tests/loaders/workreport/unseen/county_no_hash"
    res = kg("check", unseen, root / "data/sources/004_845debc1c9c51afa.txt", "--report", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout[res.stdout.index("{"):])["documents"]
    assert [d["file"] for d in doc] == ["input.txt", "004_845debc1c9c51afa.txt"]
    assert doc[0]["genre"] == "work-report" and doc[0]["found"]["division"] == 4 and doc[0]["triples"] > 100
    assert not store.exists()
    bad = tmp_path / "memo.txt"
    bad.write_text("회의 메모\n점심 메뉴 정하기\n", encoding="utf-8")
    res = kg("check", bad, unseen / "input.txt")
    assert res.exit_code == 2
    assert "memo.txt" in res.output and "FAILED" in res.output and "1 of 2 documents" in res.output
    assert not store.exists()
