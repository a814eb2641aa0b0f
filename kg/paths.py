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


STORE_NAME = Path(".lgkg") / "store"


def default_store(start: Path | None = None) -> Path:
    """The store every command and `kg.query_df()` use unless told otherwise:
    `LGKG_STORE` if set, else the nearest `.lgkg/store` in the working directory or
    above it (a notebook in `notebooks/` finds the project's store), else
    `./.lgkg/store` (where `kg build` makes one)."""
    env = os.environ.get("LGKG_STORE")
    if env:
        return Path(env)
    here = Path(start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / STORE_NAME).is_dir():
            return d / STORE_NAME if d != here else STORE_NAME
    return STORE_NAME
