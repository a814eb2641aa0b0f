from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SOURCES = ROOT / "data" / "sources"
CASEBOOK = SOURCES / "002_1883cbad05eb4de7.txt"


@pytest.fixture(scope="session")
def gazetteer():
    gaz = pytest.importorskip("kg.gazetteer")
    return gaz.Gazetteer.load()


@pytest.fixture(scope="session")
def casebook_text() -> str:
    return CASEBOOK.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def casebook_records(casebook_text, gazetteer):
    from loaders.casebook import extract_text

    return extract_text(casebook_text, file_name=CASEBOOK.name, doc_id="002", sha256="0" * 64)
