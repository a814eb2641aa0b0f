"""The only place that writes: an embedded pyoxigraph store on disk.

One named graph per source document, the ontology, vocabularies and gazetteer
in graphs of their own; queries see the union of all graphs. Replacing a
document's graph is one SPARQL update, which Oxigraph applies in a single
transaction: a failure (or a kill) leaves the previous graph in place.

Locking (see SECURITY.md): a writer holds RocksDB's `LOCK` file (a POSIX
record lock); `reader_lock` takes a shared lock on the same file, so a reader
that asks for it and a writer exclude each other instead of reading a store
being written (undefined behaviour in RocksDB). `swap_in` replaces the store
directory under an exclusive lock, and `recover` repairs a swap that a kill
interrupted between its two renames.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import struct
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from kg.errors import StoreError, StoreInUse
from kg.terms import statements, to_ox  # noqa: F401  (to_ox: kept importable from here)

Triple = tuple[Node, Node, Node]

def _nt_lines(graph: URIRef, triples: Iterable) -> list[str]:
    """Sorted, de-duplicated N-Triples statements (kg.terms, the one term writer) for an
    INSERT DATA into `graph`: from triples or from lines already written."""
    try:
        return statements(triples)
    except (ValueError, TypeError) as exc:
        raise StoreError(f"graph {graph} not written, previous state kept: {exc}") from None


def _open_error(path: Path, exc: OSError) -> StoreError:
    text = str(exc)
    if "lock" in text.lower() or "Resource temporarily unavailable" in text:
        return StoreInUse(_holder(path), file=str(path))
    return StoreError(f"cannot open the store: {text}", file=str(path))


_IN_USE = (
    "store is in use by another process (a running `kg ingest`, `kg build` or "
    "`kg serve --writable`); wait for it, or query through `kg serve` / `--endpoint`"
)


# -- locks -----------------------------------------------------------------------
# Open-file-description locks (Linux): they conflict with RocksDB's POSIX lock on
# `LOCK` even within one process, and closing our descriptor never drops a lock
# RocksDB holds (a classic fcntl lock would be released by any close() in the process).

_F_OFD_SETLK = getattr(fcntl, "F_OFD_SETLK", None)


def _lock_fd(path: Path, exclusive: bool) -> int | None:
    """A descriptor of `path` holding a shared/exclusive lock, or None if another
    holder conflicts. Non-blocking."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT if exclusive else os.O_RDONLY, 0o644)
    kind = fcntl.F_WRLCK if exclusive else fcntl.F_RDLCK
    try:
        if _F_OFD_SETLK is not None:
            fcntl.fcntl(fd, _F_OFD_SETLK, struct.pack("hhqqi4x", kind, os.SEEK_SET, 0, 0, 0))
        else:  # pragma: no cover - not Linux: per-process locks, same protocol
            fcntl.lockf(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


class Lock:
    """A held lock; released by `release()` or when collected."""

    def __init__(self, fd: int):
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    __del__ = release


def reader_lock(store_dir: Path) -> Lock | None:
    """A shared lock on the store's `LOCK` file, held while reading: StoreInUse if a
    writer holds the store; None if there is no store (yet) to lock."""
    lock = Path(store_dir) / "LOCK"
    if not lock.exists():
        return None
    fd = _lock_fd(lock, exclusive=False)
    if fd is None:
        raise StoreInUse(_IN_USE, file=str(store_dir))
    return Lock(fd)


def _no_store(path: Path) -> str:
    if "LGKG_STORE" in os.environ or Path(path).is_absolute() and Path(path) != Path.cwd() / ".lgkg" / "store":
        return "no store here: run `kg build` or `kg ingest` first"
    return (f"no store found (LGKG_STORE is not set and there is no .lgkg/store in {Path.cwd()} or above): "
            "run `kg build` in the project, or set LGKG_STORE to its store")


def server_marker(store_dir: Path) -> Path:
    """Where a read-only `kg serve` says who it is while it holds the reader lock."""
    store_dir = Path(store_dir)
    return store_dir.with_name(store_dir.name + ".serve.json")


def _holder(store_dir: Path) -> str:
    """Who holds the store, as far as this process can see: a read-only server that
    left its marker, other readers (a shared lock is still free), or a writer."""
    import json

    marker = server_marker(store_dir)
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
        pid = int(info["pid"])
        os.kill(pid, 0)  # still running?
        return (f"store is in use by another process: a read-only `kg serve` (pid {pid}, {info.get('url', '')}); "
                f"stop the server (Ctrl-C in its terminal, or `kill {pid}`) and run this again, "
                "or query through it with --endpoint")
    except (OSError, ValueError, KeyError):
        pass
    fd = _lock_fd(Path(store_dir) / "LOCK", exclusive=False)
    if fd is not None:
        os.close(fd)
        return ("store is in use by another process: a reader (a running `kg query`, `kg sparql`, a notebook "
                "or a read-only `kg serve`); wait for it or stop it, then run this again")
    return _IN_USE


def ensure_not_in_use(store_dir: Path) -> None:
    """StoreInUse now, rather than after a long build, if anyone reads or writes the store."""
    lock = Path(store_dir) / "LOCK"
    if lock.exists():
        fd = _lock_fd(lock, exclusive=True)
        if fd is None:
            raise StoreInUse(_holder(store_dir), file=str(store_dir))
        os.close(fd)


class Store:
    """A pyoxigraph store, on disk (`path`) or in memory (`path=None`).

    `lock=True` (read-only stores; the CLI's readers) holds a shared lock while
    the store is open: StoreInUse if a writer holds it, and writers are refused
    until it is closed."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False, lock: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._lock: Lock | None = None
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                recover(self.path)
                if not (self.path / "CURRENT").exists():
                    raise StoreError(_no_store(self.path), file=str(self.path))
                if lock:
                    self._lock = reader_lock(self.path)
                self._ox = ox.Store.read_only(str(self.path))
            else:
                recover(self.path)
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as exc:
            raise _open_error(self.path or Path("<memory>"), exc) from None

    # -- writing ---------------------------------------------------------

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> int:
        """Replace `graph` by `triples` atomically; returns the number of triples written."""
        self._check_writable()
        g = to_ox(graph)
        lines = _nt_lines(graph, triples)
        update = f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n} }"
        try:
            self._ox.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"writing graph {graph} failed, previous state kept: {exc}") from None
        return len(lines)

    def replace_document(self, graph: URIRef, triples: Iterable[Triple], shared: Iterable[Triple],
                         shared_graph: URIRef, owned_via: URIRef | None = None) -> int:
        """Replace a document's graph and add its shared descriptions to `shared_graph`,
        in one update (all or nothing). Shared descriptions that the old version of
        the document named and that no other graph mentions any more are removed in
        the same update, so re-ingesting a changed document leaves no orphans; with
        them go the nodes they link to by `owned_via` (the caller's vocabulary: an
        entity's name records, say)."""
        self._check_writable()
        g, sg = to_ox(graph), to_ox(shared_graph)
        owned = f"OPTIONAL {{ ?e {to_ox(owned_via)} ?n . ?n ?np ?no }} " if owned_via is not None else ""
        lines, shared_lines = _nt_lines(graph, triples), _nt_lines(graph, shared)
        # entities the old version named (subject or object there, described in the shared graph)
        # (g and sg are pyoxigraph-rendered IRIs of our own graphs, not user text)
        old = sorted({str(r[0]) for r in self._ox.query(
            f"SELECT DISTINCT ?e WHERE {{ GRAPH {g} {{ {{ ?e ?p ?o }} UNION {{ ?s ?p ?e }} }} "
            f"GRAPH {sg} {{ ?e ?sp ?so }} }}")})
        update = (f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n} "
                  f"GRAPH {sg} {{\n" + "\n".join(shared_lines) + "\n} }")
        if old:
            update += (
                f" ;\nDELETE {{ GRAPH {sg} {{ ?e ?p ?o . ?n ?np ?no }} }} WHERE {{\n"
                f"  VALUES ?e {{ {' '.join(old)} }}\n"
                f"  GRAPH {sg} {{ ?e ?p ?o {owned}}}\n"
                f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?e ?x ?y }} FILTER(?other != {sg}) }}\n"
                f"  FILTER NOT EXISTS {{ GRAPH ?other2 {{ ?z ?x2 ?e }} FILTER(?other2 != {sg}) }}\n}}")
        try:
            self._ox.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"writing graph {graph} failed, previous state kept: {exc}") from None
        return len(lines) + len(shared_lines)

    def bulk_add(self, graph: URIRef, triples: Iterable) -> int:
        """Fast, non-transactional load for building a fresh store (see kg.build): triples
        or N-Triples lines, written by kg.terms and bulk-loaded as N-Quads."""
        self._check_writable()
        g = to_ox(graph)
        lines = _nt_lines(graph, triples)
        data = "".join(f"{line[:-2]} {g} .\n" for line in lines).encode()
        self._ox.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
        return len(lines)


    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("store opened read-only", file=str(self.path))

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._ox.flush()

    def optimize(self) -> None:
        """Compact the on-disk store (RocksDB compaction). Not run by `kg build`: measured
        on the 1,000-document corpus it made the bulk-loaded store larger (168 -> 262 MB)
        and took 5 s (bench/RESULTS.md); kept for stores grown by many small ingests."""
        if self.path is not None and not self.read_only:
            self._ox.optimize()

    # -- reading ---------------------------------------------------------

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs())

    def has_graph(self, graph: URIRef) -> bool:
        return self._ox.contains_named_graph(to_ox(graph))

    def query(self, sparql: str, substitutions: dict[str, ox.NamedNode | ox.Literal] | None = None):
        """Run a query over the union of all graphs, with variables bound by value."""
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        return self._ox.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)

    def in_memory(self) -> Store:
        """An in-memory copy of this store (a snapshot: later writes to the store are
        not seen). Queries on it run ~10x faster than on the RocksDB store (measured in
        bench/RESULTS.md); loading costs ~2 s per 750k quads. For notebooks and
        long-running readers that ask many queries."""
        mem = Store(None)
        mem._ox.bulk_load(input=self._ox.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        return mem

    def quads(self, graph: URIRef | None = None) -> Iterator[ox.Quad]:
        return self._ox.quads_for_pattern(None, None, None, to_ox(graph) if graph is not None else None)

    def __len__(self) -> int:
        return len(self._ox)

    @property
    def ox(self) -> ox.Store:
        """The pyoxigraph store, for read-only use by export and benchmarks."""
        return self._ox

    def close(self) -> None:
        # pyoxigraph releases the RocksDB lock when the object is collected
        self.flush()
        del self._ox
        if self._lock is not None:
            self._lock.release()
            self._lock = None


# -- replacing the whole store (kg build) ---------------------------------------------

STALE_BUILD_SECONDS = 600


def open_for_reading(path: str | Path | None = None) -> Store:
    """The one way readers open the store (the CLI, `kg.api`, `kg.analytics`): read-only,
    with the shared reader lock, at `path` or else the one default (`kg.paths.default_store`)."""
    from kg.paths import default_store

    return Store(Path(path) if path is not None else default_store(), read_only=True, lock=True)


def _old(target: Path) -> Path:
    return target.with_name(target.name + ".old")


def _swap_lock(target: Path) -> Lock:
    """Serialises swaps and their repair; a kill releases it (the kernel drops the lock)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd = _lock_fd(target.with_name(target.name + ".swap.lock"), exclusive=True)
    if fd is None:
        raise StoreInUse("another `kg build` is swapping in a new store; try again", file=str(target))
    return Lock(fd)


def recover(target: Path) -> None:
    """Finish or undo a swap that a kill interrupted: between the two renames of
    `swap_in` only `<store>.old` exists (restore it); after them a leftover
    `<store>.old` is deleted."""
    target = Path(target)
    old = _old(target)
    if not old.exists():
        return
    lock = _swap_lock(target)
    try:
        if not target.exists():
            old.rename(target)
        elif (target / "CURRENT").exists():
            shutil.rmtree(old, ignore_errors=True)
    finally:
        lock.release()


def clean_stale_builds(target: Path, *, older_than: float = STALE_BUILD_SECONDS) -> list[Path]:
    """Delete `<store>.build-*` directories left by killed builds: unlocked and not
    touched for `older_than` seconds (a running build holds its RocksDB lock)."""
    removed = []
    for d in target.parent.glob(target.name + ".build-*"):
        try:
            if not d.is_dir() or time.time() - d.stat().st_mtime < older_than:
                continue
        except FileNotFoundError:
            continue
        lock = d / "LOCK"
        if lock.exists():
            fd = _lock_fd(lock, exclusive=True)
            if fd is None:
                continue
            os.close(fd)
        shutil.rmtree(d, ignore_errors=True)
        removed.append(d)
    return removed


def swap_in(new_dir: Path, target: Path) -> None:
    """Replace the store directory `target` by `new_dir` (built aside), keeping the
    old one until the new one is in place.

    StoreInUse if a process reads or writes `target` (renaming a store under an
    open RocksDB would lose its writes). SIGINT/SIGTERM wait until both renames
    are done; a SIGKILL between them is repaired by `recover` on the next open."""
    target, new_dir = Path(target), Path(new_dir)
    swap = _swap_lock(target)
    held: Lock | None = None
    try:
        old = _old(target)
        if old.exists() and not target.exists():
            old.rename(target)  # an earlier swap was killed between its renames
        if old.exists():
            shutil.rmtree(old)
        if target.exists() and (target / "LOCK").exists():
            fd = _lock_fd(target / "LOCK", exclusive=True)
            if fd is None:
                raise StoreInUse(_IN_USE, file=str(target))
            held = Lock(fd)
        _renames(new_dir, target, old)
    finally:
        if held is not None:
            held.release()
        swap.release()
    shutil.rmtree(old, ignore_errors=True)
    clean_stale_builds(target)


def _renames(new_dir: Path, target: Path, old: Path) -> None:
    """Both renames, with SIGINT/SIGTERM held back until they are done. Any thread may
    take a signal (RocksDB's too) and Python runs the handler in the main thread between
    two statements, so blocking it in this thread is not enough: the Python-level
    handlers only record the signal meanwhile, and it is raised again once both renames
    are done (found by the issue-18 helper's stress runs)."""
    held: list[int] = []
    swapped = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            if signal.getsignal(sig) is not None:
                swapped[sig] = signal.signal(sig, lambda signum, frame: held.append(signum))
    try:
        _renames_masked(new_dir, target, old)
    finally:
        for sig, handler in swapped.items():
            signal.signal(sig, handler)
        for sig in held:
            signal.raise_signal(sig)


def _renames_masked(new_dir: Path, target: Path, old: Path) -> None:
    blocked = {signal.SIGINT, signal.SIGTERM}
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        if target.exists():
            target.rename(old)
        new_dir.rename(target)
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
