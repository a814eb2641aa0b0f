"""`kg ingest/build --report json|text`, the summary and WARNING lines, and
`kg query extraction-report`, on the bundled documents and on a document whose
loader reports that it read only part of it."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import loaders
from kg.build import bundled_sources
from kg.cli.main import app
from loaders import load_records
from loaders import records as r
from loaders.report import extraction_report, summary

runner = CliRunner()
BUNDLED = bundled_sources()
PARTIAL = r.ExtractionCheck("program", 4, 21, cue="program list", warning="programs 4 of 21 listed", line=12)
SCOPED = r.ExtractionCheck("staffing", 0, 5, cue="staffing table", scope="행정국",
                           warning="staffing 0 of 5 divisions", line=30)


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`kg build --report json` of the bundled documents: (store, result)."""
    store = tmp_path_factory.mktemp("rep") / "store"
    res = kg("build", "--store", store, "--report", "json")
    assert res.exit_code == 0, res.output
    return store, res


def test_build_report_json_for_every_bundled_document(built):
    _, res = built
    doc = json.loads(res.stdout)  # stdout is the JSON and nothing else
    assert [d["file"] for d in doc["documents"]] == [p.name for p in BUNDLED]
    for d, path in zip(doc["documents"], BUNDLED):
        assert list(d)[:4] == ["document", "file", "genre", "triples"]
        want = summary(extraction_report(load_records(path)))
        assert d["found"] == want["found"] and d["checks"] == want["checks"], path.name
        assert d["found"]["program" if d["genre"] == "work-report" else "entry"] > 0
    assert "building" in res.stderr and "documents," in res.stderr


def test_query_extraction_report_answers_for_every_document(built):
    store, res = built
    out = kg("query", "extraction-report", "--store", store, "--format", "json")
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    for d in json.loads(res.stdout)["documents"]:
        mine = {x["kind"]: x["found"] for x in rows if x["document"] == d["document"] and x["scope"] is None}
        assert mine == d["found"], d["file"]


def test_ingest_without_report_prints_one_line_per_document(tmp_path):
    res = kg("ingest", *BUNDLED[:2], "--store", tmp_path / "s")
    assert res.exit_code == 0, res.output
    lines = [x for x in res.stdout.splitlines() if x.startswith("  ")]
    assert len(lines) == 2
    assert lines[0].startswith(f"  {BUNDLED[0].name} [work-report] ") and "programs " in lines[0]
    assert "WARNING" not in res.stderr  # the bundled documents are read whole


def test_ingest_report_text(tmp_path):
    res = kg("ingest", BUNDLED[0], "--store", tmp_path / "s", "--report", "text")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0].startswith(f"{BUNDLED[0].name} [work-report]")
    assert "  programs " in res.stdout


def test_unknown_report_format_is_a_usage_error(tmp_path):
    res = kg("ingest", BUNDLED[0], "--store", tmp_path / "s", "--report", "yaml")
    assert res.exit_code == 2 and "--report" in res.output and "Traceback" not in res.output


@pytest.fixture
def partial_loader(monkeypatch):
    """The work-report loader as it will be once it checks its cues: the real records
    of the document plus its own checks, one whole-document and one scoped."""
    real = loaders.extract_source

    def extract(src, genre=None):  # the loader's own checks replaced by these two
        return [x for x in real(src, genre) if not isinstance(x, r.ExtractionCheck)] + [PARTIAL, SCOPED]

    monkeypatch.setattr(loaders, "extract_source", extract)


def test_a_partly_read_document_warns_everywhere(partial_loader, tmp_path):
    src = BUNDLED[0]
    store = tmp_path / "s"
    res = kg("ingest", src, "--store", store, "--report", "json")
    assert res.exit_code == 0, res.output  # warnings are not errors
    [d] = json.loads(res.stdout)["documents"]
    assert d["warnings"] == ["staffing 0 of 5 divisions", "programs 4 of 21 listed"]  # kinds in report order
    assert d["found"]["program"] == 4 and d["expected"] == {"program": 21}
    assert d["found"]["staffing"] == 6  # the scoped check leaves the document's own count
    assert [c["kind"] for c in d["checks"]].count("program") == 1  # no generic count beside the loader's
    warn = [x for x in res.stderr.splitlines() if x.startswith("WARNING")]
    assert warn == [f"WARNING {src.name}:30: staffing 0 of 5 divisions", f"WARNING {src.name}:12: programs 4 of 21 listed"]

    res = kg("ingest", src, "--store", store)  # without --report: summary line and the same WARNING lines
    assert res.exit_code == 0, res.output
    [line] = [x for x in res.stdout.splitlines() if src.name in x]
    assert "programs 4 of 21 (program list)" in line and line.endswith("; 2 warnings")
    assert f"WARNING {src.name}:12: programs 4 of 21 listed" in res.stderr.splitlines()

    out = kg("query", "extraction-report", "--store", store, "--param", f"document={src.stem}", "--format", "json")
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert {(x["kind"], x["found"], x["expected"], x["warning"]) for x in rows if x["warning"]} == {
        ("program", 4, 21, "programs 4 of 21 listed"), ("staffing", 0, 5, "staffing 0 of 5 divisions")}
    assert len(rows) == len(d["checks"])


def test_build_report_carries_the_loader_warning(partial_loader, tmp_path):
    res = kg("build", "--store", tmp_path / "s", BUNDLED[0], "--report", "json")
    assert res.exit_code == 0, res.output
    [d] = json.loads(res.stdout)["documents"]
    assert "programs 4 of 21 listed" in d["warnings"]
    assert f"WARNING {BUNDLED[0].name}:12: programs 4 of 21 listed" in res.stderr.splitlines()


def test_failed_document_in_the_json_report(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_text("이 문서는 어느 장르도 아닙니다.\n", encoding="utf-8")
    res = kg("ingest", BUNDLED[0], bad, "--store", tmp_path / "s", "--report", "json")
    assert res.exit_code == 2
    docs = json.loads(res.stdout)["documents"]
    assert docs[0]["file"] == BUNDLED[0].name and "error" not in docs[0]
    assert docs[1]["file"] == "x.txt" and "x.txt" in docs[1]["error"]
