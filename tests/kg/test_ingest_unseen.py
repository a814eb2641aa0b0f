"""`kg ingest` of documents the loaders were not developed on (the synthetic
reports and casebook entries under tests/loaders/*/cases) into an empty store,
then the catalogue answers from them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.main import app

HERE = Path(__file__).resolve().parents[1] / "loaders"
CASES = sorted(HERE.glob("workreport/cases/*/input.txt")) + sorted(HERE.glob("casebook/cases/*/input.txt"))
runner = CliRunner()


def test_enough_unseen_documents():
    assert len(CASES) >= 10


@pytest.mark.parametrize("doc", CASES, ids=lambda p: f"{p.parts[-4]}/{p.parent.name}")
def test_ingest_unseen_document_into_empty_store(doc, tmp_path):
    store = tmp_path / "store"
    res = runner.invoke(app, ["ingest", str(doc), "--store", str(store)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["query", "documents", "--store", str(store), "--format", "json"])
    assert res.exit_code == 0, res.output
    [row] = json.loads(res.output)
    assert row["document"] == doc.stem
    genre = "programs" if "workreport" in doc.parts else "cases"
    res = runner.invoke(app, ["query", genre, "--store", str(store), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert isinstance(json.loads(res.output), list)
