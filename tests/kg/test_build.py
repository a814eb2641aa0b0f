"""`kg build` / `kg ingest` / `kg stats` / `kg validate` end to end on the bundled documents."""
from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from kg import iris
from kg.build import build, bundled_sources
from kg.cli.main import app
from kg.export import sorted_lines
from kg.store import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("build") / "store"
    report = build(path)
    assert not report.failed, [str(d.error) for d in report.failed]
    return path


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_build_holds_every_bundled_document(built):
    store = Store(built, read_only=True)
    docs = {g for g in store.graphs() if g.startswith(iris.DOC_GRAPH_PREFIX)}
    assert len(docs) == len(bundled_sources()) >= 4


def test_stats_show_ontology_schemes_and_agencies(built):
    res = kg("stats", "--store", built, "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = {tuple(line.split(",")[:2]): int(line.split(",")[2]) for line in res.output.strip().splitlines()[1:]}
    assert rows[("ontology", "owl:Class")] >= 20
    assert rows[("scheme", "lgkgv:indicators")] >= 12 and rows[("scheme", "lgkgv:funding-sources")] >= 9
    agencies = rows[("class", "lgkg:MetropolitanGovernment")] + rows[("class", "lgkg:BasicGovernment")]
    assert rows[("class", "lgkg:MetropolitanGovernment")] == 17 and agencies >= 243


def test_validate_conforms(built):
    res = kg("validate", "--store", built)
    assert res.exit_code == 0, res.output
    assert "conforms" in res.output


def test_ingest_into_empty_store_initialises_base_graphs(tmp_path):
    src = bundled_sources()[0]
    res = kg("ingest", src, "--store", tmp_path / "s")
    assert res.exit_code == 0, res.output
    store = Store(tmp_path / "s", read_only=True)
    assert str(iris.GAZETTEER_GRAPH) in store.graphs() and str(iris.ONTOLOGY_GRAPH) in store.graphs()
    res = kg("query", "documents", "--store", tmp_path / "s", "--format", "json")
    assert res.exit_code == 0 and src.stem in res.output


def test_failing_ingest_leaves_the_old_graph(tmp_path, built):
    store_dir = tmp_path / "s"
    shutil.copytree(built, store_dir)
    before = sorted_lines(Store(store_dir, read_only=True))
    # a document of no known genre under the name of an ingested one: refused, nothing changes
    bad = tmp_path / bundled_sources()[0].name
    bad.write_text("이 문서는 어느 장르도 아닙니다.\n그냥 텍스트입니다.\n", encoding="utf-8")
    res = kg("ingest", bad, "--store", store_dir)
    assert res.exit_code == 2
    assert bad.name in res.output
    assert sorted_lines(Store(store_dir, read_only=True)) == before


def test_rebuild_gives_identical_triples(built, tmp_path):
    again = tmp_path / "again"
    build(again)
    assert sorted_lines(Store(again, read_only=True)) == sorted_lines(Store(built, read_only=True))
