"""Fixtures of the robustness suite: the hypothesis profile, a store built once
from the bundled documents, and `kg` run as a real subprocess.

Hypothesis runs derandomized with a fixed number of examples so that CI is
reproducible; `LGKG_FUZZ_EXAMPLES=2000` runs a longer, still derandomized fuzz
(`LGKG_FUZZ_RANDOM=1` draws fresh examples). `LGKG_LONG=1` enables the long
variants of the other tests (more kill points, a 100 MB file of random lines).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "data" / "sources"
KG = [sys.executable, "-m", "kg.cli.main"]
LONG = os.environ.get("LGKG_LONG", "") not in ("", "0")

settings.register_profile(
    "lgkg-robustness",
    deadline=None,
    derandomize=os.environ.get("LGKG_FUZZ_RANDOM", "") in ("", "0"),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=True,
)


def fuzz_examples(default: int) -> int:
    """Examples per fuzz test: the CI default unless LGKG_FUZZ_EXAMPLES says more."""
    return int(os.environ.get("LGKG_FUZZ_EXAMPLES", default))


def bundled() -> list[Path]:
    return sorted(SOURCES.glob("*.txt"))


def kg_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LGKG_")}
    env.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(ROOT), **extra)
    return env


def run_kg(*args, timeout: float = 120, **env) -> subprocess.CompletedProcess:
    """`kg ARGS` as a real process (what a user runs), with text output."""
    return subprocess.run(
        [*KG, *map(str, args)], capture_output=True, text=True, timeout=timeout, env=kg_env(**env), cwd=ROOT,
    )


def popen_kg(*args, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [*KG, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=kg_env(**env), cwd=ROOT,
    )


def export_nq(store_dir: Path) -> bytes:
    """The whole store as sorted N-Quads, read in this process (read-only)."""
    from kg.export import export
    from kg.store import Store

    store = Store(store_dir, read_only=True)
    try:
        return export(store, "nq")
    finally:
        store.close()


def graph_snapshots(store_dir: Path) -> dict[str, str]:
    """graph IRI -> its sorted N-Triples."""
    from kg.export import sorted_lines
    from kg.store import Store

    store = Store(store_dir, read_only=True)
    try:
        return {g: "\n".join(sorted_lines(store, g)) for g in store.graphs()}
    finally:
        store.close()


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """A store built from the bundled documents; copy it before writing to it."""
    from kg.build import build

    target = tmp_path_factory.mktemp("robust") / "store"
    report = build(target)
    assert not report.failed, [str(d.error) for d in report.failed]
    return target


@pytest.fixture
def store_copy(built_store, tmp_path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    return target
