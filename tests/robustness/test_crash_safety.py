"""Kills and Ctrl-C: after SIGKILL of `kg ingest` / `kg build` at any moment the
store opens and holds, for each document, its old or its new graph; an
interrupted swap of `kg build` is repaired on the next open; SIGINT exits 130 with
one line and a consistent store. SECURITY.md, promises 4 and 9."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.store import Store, clean_stale_builds, swap_in
from tests.robustness.conftest import LONG, ROOT, bundled, graph_snapshots, kg_env, popen_kg, run_kg

# Writes begin ~2 s after the start (imports, reading and extracting the first documents)
KILL_AFTER = [0.05, 0.5, 2.0, 2.6, 3.2] + ([0.2, 1.0, 1.5, 2.3, 2.9, 3.5, 4.0, 5.0] if LONG else [])
OUTCOMES: list[str] = []
ENTITIES = "https://w3id.org/lgkg/graph/entities"  # shared descriptions, updated with each document


@pytest.fixture(scope="module")
def new_versions(tmp_path_factory) -> list[Path]:
    """The bundled documents, changed (cut to two thirds), under the same names: their
    graphs differ from the originals."""
    d = tmp_path_factory.mktemp("new")
    out = []
    for src in bundled():
        lines = src.read_text(encoding="utf-8").split("\n")
        (d / src.name).write_text("\n".join(lines[: len(lines) * 2 // 3]), encoding="utf-8")
        out.append(d / src.name)
    return out


@pytest.fixture(scope="module")
def snapshots(built_store, new_versions, tmp_path_factory):
    """(old, new) graph snapshots: the built store, and a copy after a complete ingest."""
    ref = tmp_path_factory.mktemp("ref") / "store"
    shutil.copytree(built_store, ref)
    res = run_kg("ingest", *new_versions, "--store", ref)
    assert res.returncode == 0, res.stderr
    old, new = graph_snapshots(built_store), graph_snapshots(ref)
    assert set(old) == set(new)
    changed = [g for g in old if old[g] != new[g] and g != ENTITIES]
    assert len(changed) == len(new_versions)
    return old, new


def _check_consistent(store_dir: Path, old: dict, new: dict) -> str:
    """Each graph is its old or its new version; `kg query documents` works.
    Returns a summary: how many document graphs are new."""
    now = graph_snapshots(store_dir)
    assert set(now) == set(old), set(now) ^ set(old)
    fresh = 0
    for g, lines in now.items():
        if g == ENTITIES:
            continue
        assert lines in (old[g], new[g]), f"graph {g} is neither its old nor its new version"
        fresh += old[g] != new[g] and lines == new[g]
    # the shared descriptions are exactly those of the entities the document graphs
    # now name: none missing, no orphans (checked by subject, name nodes with their owner)
    named = {t for g, lines in now.items() if g != ENTITIES for line in lines.splitlines()
             for t in (line.split(" ", 1)[0], line.rsplit(" ", 2)[-2])}
    pool = set(old[ENTITIES].splitlines()) | set(new[ENTITIES].splitlines())
    want = {line for line in pool if line.split(" ", 1)[0].split("/name/")[0].rstrip(">") + ">" in named
            or line.split(" ", 1)[0] in named}
    assert set(now[ENTITIES].splitlines()) == want, "entities graph out of step with the document graphs"
    res = run_kg("query", "documents", "--store", store_dir, "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.strip().splitlines()) == 1 + len(bundled())
    return f"{fresh} new"


def _kill_after(proc: subprocess.Popen, seconds: float, sig=signal.SIGKILL) -> bool:
    """Send `sig` after `seconds`; False if the process had already finished."""
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(sig)
        proc.communicate(timeout=60)
        return True


@pytest.mark.parametrize("after", KILL_AFTER)
def test_sigkill_during_ingest(after, store_copy, new_versions, snapshots):
    old, new = snapshots
    proc = popen_kg("ingest", *new_versions, "--store", store_copy)
    killed = _kill_after(proc, after)
    outcome = _check_consistent(store_copy, old, new)
    OUTCOMES.append(f"ingest killed after {after} s: {'killed' if killed else 'finished'}, {outcome}")
    print(OUTCOMES[-1])


def _wal_size(store_dir: Path) -> int:
    total = 0
    for f in store_dir.glob("*.log"):
        try:
            total += f.stat().st_size
        except FileNotFoundError:
            pass
    return total


def _kill_after_writes(proc: subprocess.Popen, store_dir: Path, writes: int, delay: float) -> int:
    """SIGKILL `delay` s after the store's write-ahead log grew `writes` times
    (each growth is a committed write): kills that land right after a commit.
    Returns the number of growths seen (fewer if the process finished first)."""
    seen, size = 0, _wal_size(store_dir)
    while proc.poll() is None:
        now = _wal_size(store_dir)
        if now != size:
            seen, size = seen + 1, now
            if seen == writes:
                time.sleep(delay)
                proc.kill()
                break
        time.sleep(0.002)
    proc.communicate(timeout=60)
    return seen


@pytest.mark.parametrize("writes, delay", [(1, 0.0), (1, 0.05), (2, 0.0), (3, 0.01)]
                         + ([(1, 0.01), (2, 0.05), (3, 0.0), (4, 0.0)] if LONG else []))
def test_sigkill_right_after_a_write(writes, delay, store_copy, new_versions, snapshots):
    old, new = snapshots
    proc = popen_kg("ingest", *new_versions, "--store", store_copy)
    seen = _kill_after_writes(proc, store_copy, writes, delay)
    outcome = _check_consistent(store_copy, old, new)
    OUTCOMES.append(f"ingest killed {delay} s after write {writes} (saw {seen}): {outcome}")
    print(OUTCOMES[-1])


@pytest.mark.parametrize("after", [0.5, 3.0, 4.2] + ([1.0, 2.0, 3.5, 3.8, 4.6, 5.0, 6.0] if LONG else []))
def test_sigkill_during_build(after, store_copy, new_versions, snapshots):
    old, new = snapshots  # a build of the new versions gives the `new` graphs
    proc = popen_kg("build", "--store", store_copy, *new_versions)
    killed = _kill_after(proc, after)
    now = graph_snapshots(store_copy)
    assert now in (old, new), "the store is neither the old nor the new build"
    assert run_kg("query", "documents", "--store", store_copy).returncode == 0
    OUTCOMES.append(f"build killed after {after} s: {'killed' if killed else 'finished'}, "
                    f"{'old' if now == old else 'new'} store")
    print(OUTCOMES[-1])


_KILLED_SWAP = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import kg.store
    def renames(new_dir, target, old):
        target.rename(old)          # the first rename of the swap ...
        os.kill(os.getpid(), signal.SIGKILL)  # ... and a kill before the second
    kg.store._renames = renames
    from kg.build import build
    build(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
""")


def test_kill_between_the_two_renames_of_the_swap(store_copy, new_versions, built_store):
    old = graph_snapshots(built_store)
    res = subprocess.run([sys.executable, "-c", _KILLED_SWAP, str(store_copy), *map(str, new_versions)],
                         env=kg_env(), cwd=ROOT, capture_output=True, timeout=120)
    assert res.returncode == -signal.SIGKILL, res.stderr
    assert not store_copy.exists() and store_copy.with_name("store.old").exists()
    assert list(store_copy.parent.glob("store.build-*")), "the killed build left its directory"
    # the next command finds the store again
    res = run_kg("query", "documents", "--store", store_copy)
    assert res.returncode == 0, res.stderr
    assert graph_snapshots(store_copy) == old
    assert not store_copy.with_name("store.old").exists()


def test_leftover_old_store_after_the_swap_is_removed(store_copy):
    old_dir = store_copy.with_name("store.old")
    shutil.copytree(store_copy, old_dir)
    Store(store_copy, read_only=True).close()
    assert not old_dir.exists()


def test_stale_build_directories_are_cleaned(store_copy, tmp_path):
    stale = store_copy.with_name("store.build-stale")
    shutil.copytree(store_copy, stale)
    live = store_copy.with_name("store.build-live")
    holder = Store(live)  # a build in progress holds its store
    fresh = store_copy.with_name("store.build-fresh")
    fresh.mkdir()
    long_ago = time.time() - 3600
    for d in (stale, live):
        os.utime(d, (long_ago, long_ago))
    assert clean_stale_builds(store_copy) == [stale]
    assert live.exists() and fresh.exists() and not stale.exists()
    holder.close()


def test_swap_refuses_a_store_in_use(store_copy, tmp_path):
    from kg.errors import StoreInUse

    new_dir = tmp_path / "new"
    shutil.copytree(store_copy, new_dir)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, pyoxigraph as ox; s = ox.Store(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(store_copy)],
        stdout=subprocess.PIPE, text=True, env=kg_env(), cwd=ROOT,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreInUse):
            swap_in(new_dir, store_copy)
        assert new_dir.exists() and (store_copy / "CURRENT").exists()
    finally:
        holder.kill()
        holder.communicate()


# -- Ctrl-C ----------------------------------------------------------------------------


def _wait_for(stream, marker: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = stream.readline()
        if marker in line:
            return
        if not line:
            break
    raise AssertionError(f"no {marker!r} from the process")


INTERRUPTED = ("error: interrupted; the store is consistent (each document is replaced all-or-nothing, "
               "and an interrupted build keeps the previous store)")
# named points where LGKG_PAUSE_AT stops the process (kg.interrupts.pause_at): the signal
# arrives there, deterministically, instead of after a sleep
INGEST_POINTS = ["start", "command", "write", "written", "end"]
BUILD_POINTS = ["start", "command", "swap", "end"]
STRESS = int(os.environ.get("LGKG_STRESS_N", "200")) if os.environ.get("LGKG_STRESS") else 1


def _sigint_at(point: str, *args) -> subprocess.CompletedProcess:
    proc = popen_kg(*args, LGKG_PAUSE_AT=point)
    _wait_for(proc.stderr, f"paused at {point}", timeout=120)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _assert_interrupted(res: subprocess.CompletedProcess) -> None:
    assert res.returncode == 130, (res.returncode, res.stderr)
    lines = [ln for ln in res.stderr.strip().splitlines() if not ln.startswith("paused at")]
    assert lines[-1:] == [INTERRUPTED] and "Traceback" not in res.stderr, res.stderr


@pytest.mark.parametrize("point", INGEST_POINTS)
def test_sigint_during_ingest(point, built_store, new_versions, snapshots, tmp_path):
    old, new = snapshots
    for i in range(STRESS):  # LGKG_STRESS=1: each point many times (LGKG_STRESS_N, default 200)
        store = tmp_path / f"s{i}"
        shutil.copytree(built_store, store)
        res = _sigint_at(point, "ingest", *new_versions, "--store", store)
        _assert_interrupted(res)
        _check_consistent(store, old, new)
        if point == "end":
            assert graph_snapshots(store) == new  # the ingest had finished: every document is new
        shutil.rmtree(store, ignore_errors=True)


@pytest.mark.parametrize("point", BUILD_POINTS)
def test_sigint_during_build(point, store_copy, new_versions, built_store):
    old = graph_snapshots(built_store)
    for _ in range(STRESS):
        before = graph_snapshots(store_copy)
        res = _sigint_at(point, "build", "--store", store_copy, *new_versions)
        _assert_interrupted(res)
        after = graph_snapshots(store_copy)
        if point == "end":
            assert after != old  # the build had swapped in: the new store, complete
        else:
            assert after == before  # an interrupted build keeps the previous store
        assert not list(store_copy.parent.glob("store.build-*")), "the interrupted build left its directory"
