"""Two processes on one store: a second writer, and a reader while a writer is
active, get "store is in use" (exit 2) and nothing is corrupted; a writer is
refused while a reader holds the store. SECURITY.md, promise 5."""
from __future__ import annotations

import signal

import pytest

from kg.store import Store
from tests.robustness.conftest import bundled, graph_snapshots, popen_kg, run_kg

IN_USE = "store is in use by another process"


@pytest.fixture
def writer(store_copy, tmp_path):
    """A `kg ingest` holding the store for writing: a 3 MB document (LGKG_MAX_DOC_MB=8)
    takes it half a minute; it is stopped with SIGINT once the test is done."""
    big = tmp_path / "big.txt"
    data = bundled()[0].read_bytes()
    big.write_bytes(data * (3_000_000 // len(data)))
    proc = popen_kg("ingest", big, "--store", store_copy, LGKG_MAX_DOC_MB="8")
    line = proc.stderr.readline()
    assert "ingesting" in line, line + proc.stderr.read()
    yield proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=120)


@pytest.mark.parametrize("command", [
    ["ingest", bundled()[-1]],
    ["build"],
    ["query", "documents"],
    ["export", "--format", "nq"],
    ["stats"],
])
def test_second_process_is_refused_while_a_writer_runs(writer, store_copy, command):
    res = run_kg(*command, "--store", store_copy)
    assert res.returncode == 2, (res.returncode, res.stdout[-500:], res.stderr[-1500:])
    assert IN_USE in res.stderr and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert writer.poll() is None, "the writer should still be running"


def test_store_is_intact_after_the_refusals(writer, store_copy, built_store):
    for command in (["ingest", bundled()[-1]], ["build"]):
        assert run_kg(*command, "--store", store_copy).returncode == 2
    writer.send_signal(signal.SIGINT)
    writer.communicate(timeout=120)
    old = graph_snapshots(built_store)
    now = graph_snapshots(store_copy)
    assert {g: now[g] for g in old} == old  # the big document's graph, if any, came extra
    assert set(now) - set(old) <= {g for g in now if g.endswith("/big")}
    assert run_kg("query", "documents", "--store", store_copy).returncode == 0


def test_writer_is_refused_while_a_reader_holds_the_store(store_copy):
    reader = Store(store_copy, read_only=True, lock=True)  # what `kg query` does
    try:
        res = run_kg("ingest", bundled()[-1], "--store", store_copy)
        assert res.returncode == 2 and IN_USE in res.stderr, res.stderr
        res = run_kg("build", "--store", store_copy)
        assert res.returncode == 2 and IN_USE in res.stderr, res.stderr
    finally:
        reader.close()
    assert run_kg("ingest", bundled()[-1], "--store", store_copy).returncode == 0


def test_readers_share_the_store(store_copy):
    first = Store(store_copy, read_only=True, lock=True)
    try:
        res = run_kg("query", "documents", "--store", store_copy)
        assert res.returncode == 0, res.stderr
    finally:
        first.close()
