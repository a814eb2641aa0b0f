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


def test_a_loader_bug_fails_its_document_as_a_bug_and_the_batch_goes_on(tmp_path, monkeypatch):
    """Issue 19's error policy: a loader's unexpected exception is not bad input. In a
    batch it is recorded against its document as a LoaderBug (exit 70, naming the
    exception and where it happened); the other documents are loaded."""
    from typer.testing import CliRunner

    import loaders.workreport.assemble as assemble_mod
    from kg import paths
    from kg.build import build
    from kg.cli.main import app
    from loaders.errors import LoaderBug

    real = assemble_mod.assemble

    def buggy(text, *, file_name, **kw):
        if file_name.startswith("001_"):
            raise KeyError("a bug")
        return real(text, file_name=file_name, **kw)

    monkeypatch.setattr(assemble_mod, "assemble", buggy)
    files = sorted(paths.SOURCES_DIR.glob("00[01]_*.txt"))
    report = build(tmp_path / "s", files, workers=1)
    assert [type(d.error) for d in report.failed] == [LoaderBug]
    msg = str(report.failed[0].error)
    assert "001_" in msg and "loader bug (KeyError" in msg and "please report" in msg
    assert len(report.documents) - len(report.failed) == 1
    res = CliRunner().invoke(app, ["build", "--store", str(tmp_path / "s2"), *map(str, files)])
    assert res.exit_code == 70 and "loader bug" in res.output and "Traceback" not in res.output
