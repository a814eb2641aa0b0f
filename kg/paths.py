"""Where the project's data files are, and where the store lives by default."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("LGKG_HOME", Path(__file__).resolve().parents[1]))
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "lgkg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
VOCAB_DIR = ONTOLOGY_DIR / "vocab"
QUERIES_DIR = ROOT / "queries"
SOURCES_DIR = ROOT / "data" / "sources"
GAZETTEER_DIR = ROOT / "data" / "gazetteer"


def default_store() -> Path:
    """`LGKG_STORE` if set, else `./.lgkg/store` (relative to the working directory)."""
    return Path(os.environ.get("LGKG_STORE", ".lgkg/store"))
