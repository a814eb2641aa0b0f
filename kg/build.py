"""Build and ingest: ontology + vocabularies + gazetteer + documents into a store."""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg import iris, paths
from kg.namespaces import LGKG
from kg.terms import nt
from kg.errors import KgError
from kg.store import Store, swap_in


@dataclass
class DocResult:
    path: str
    doc_id: str | None = None
    genre: str | None = None
    triples: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    checks: list = field(default_factory=list)  # its extraction report (loaders.report), also in its graph
    error: KgError | None = None


@dataclass
class BuildReport:
    documents: list[DocResult] = field(default_factory=list)
    base_triples: int = 0
    seconds: float = 0.0
    store_triples: int = 0

    @property
    def failed(self) -> list[DocResult]:
        return [d for d in self.documents if d.error]

    def extraction_report(self) -> dict:
        """Per document what was found, what its cues expected, the warnings
        (loaders.report.summary), or why it failed: the shape of `--report json`."""
        from loaders.report import summary

        docs = []
        for d in self.documents:
            head = {"document": d.doc_id, "file": Path(d.path).name}
            if d.error is not None:
                docs.append({**head, "error": str(d.error)})
            else:
                docs.append({**head, "genre": d.genre, "triples": d.triples, **summary(d.checks)})
        return {"documents": docs}


def skolemized(g: Graph) -> Graph:
    """Blank nodes (OWL union lists) -> IRIs named by rdflib's canonical labelling,
    so the same file always gives the same IRIs (and exports have no blank nodes)."""
    from rdflib import BNode, URIRef
    from rdflib.compare import to_canonical_graph

    canon = to_canonical_graph(g)
    base = iris.BASE + ".well-known/genid/"

    def sk(t):
        return URIRef(base + str(t)) if isinstance(t, BNode) else t

    out = Graph()
    for s_, p_, o_ in canon:
        out.add((sk(s_), p_, sk(o_)))
    return out


def ontology_triples() -> Graph:
    g = Graph()
    g.parse(paths.ONTOLOGY, format="turtle")
    return skolemized(g)


def vocab_triples() -> Graph:
    g = Graph()
    for f in sorted(paths.VOCAB_DIR.glob("*.ttl")):
        g.parse(f, format="turtle")
    return skolemized(g)


def base_graphs():
    """(graph IRI, triples) of the ontology, the vocabularies and the gazetteer."""
    from kg.gazetteer_rdf import gazetteer_triples

    yield iris.ONTOLOGY_GRAPH, list(ontology_triples())
    yield iris.VOCAB_GRAPH, list(vocab_triples())
    yield iris.GAZETTEER_GRAPH, list(gazetteer_triples())


def ensure_base(store: Store) -> int:
    """Write ontology, vocabularies and gazetteer if the store lacks them."""
    n = 0
    for graph, triples in base_graphs():
        if not store.has_graph(graph):
            n += store.replace_graph(graph, triples)
    return n


def bundled_sources() -> list[Path]:
    return sorted(p for p in paths.SOURCES_DIR.glob("*.txt"))


DOCUMENT_SUFFIXES = (".txt", ".pdf", ".hwpx", ".hwp")


def expand_sources(sources: Iterable[Path]) -> list[Path]:
    """The documents named: a file as given, a directory as the documents under it
    (text, PDF, HWPX, HWP; hidden files and folders skipped), in path order. A
    directory without any is an error naming it."""
    out: list[Path] = []
    for src in sources:
        src = Path(src)
        if not src.is_dir():
            out.append(src)
            continue
        found = sorted(f for f in src.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES
                       and not any(part.startswith(".") for part in f.relative_to(src).parts))
        if not found:
            raise KgError("no documents (.txt, .pdf, .hwpx, .hwp) in this directory", file=str(src))
        out.extend(found)
    return out


def document_triples(path: Path) -> tuple[DocResult, list, list]:
    """Read and extract one document; never raises a KgError (it is in the result).
    Returns (result, triples of its graph, shared descriptions for the entities graph)."""
    res, records = _records(Path(path))
    if records is None:
        return res, [], []
    from kg.mapping import to_graphs

    own, shared = to_graphs(records)
    return res, own, shared


def loader_bug(exc: BaseException, path: str) -> KgError:
    """A LoaderBug naming the exception and the innermost frame of ours it came from."""
    import traceback

    from loaders.errors import LoaderBug

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/loaders/" in f.filename or "/kg/" in f.filename]
    at = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return LoaderBug(f"loader bug ({type(exc).__name__}: {str(exc)[:160]}{at}); the document was not loaded; "
                     "please report it with the document", file=path)


def _records(path: Path) -> tuple[DocResult, list | None]:
    """One document's records with its extraction report (the loader's checks merged
    with the generic counts: once, here, for every path that writes a graph)."""
    from loaders import extract_source, read_source
    from loaders.records import ExtractionCheck
    from loaders.report import with_report

    res = DocResult(str(path))
    try:
        src = read_source(path)
        records = with_report(extract_source(src))
    except KgError as exc:
        res.error = exc
        return res, None
    except Exception as exc:  # noqa: BLE001
        # a bug of ours on this document, not bad input: recorded against it (a batch of
        # thousands goes on), named as a bug with where it happened, and exit 70
        res.error = loader_bug(exc, str(path))
        return res, None
    res.doc_id, res.genre = src.doc_id, records[0].genre
    for rec in records[1:]:
        if isinstance(rec, ExtractionCheck):
            res.checks.append(rec)
            continue
        name = type(rec).__name__
        res.counts[name] = res.counts.get(name, 0) + 1
    return res, records


# -- N-Quads lines, made in the worker processes ------------------------------

def document_quads(path: Path, want_records: bool = False) -> tuple[DocResult, list[str], list | None]:
    """One document as de-duplicated N-Quads lines: its own graph, then the shared
    descriptions in the entities graph (for bulk loading)."""
    res, records = _records(Path(path))
    if records is None:
        return res, [], None
    from kg.mapping import to_ntriples

    try:
        g = " " + nt(iris.doc_graph(res.doc_id)) + " .\n"
        sg = " " + nt(iris.ENTITY_GRAPH) + " .\n"
        own, shared = to_ntriples(records)
        lines = [line + g for line in dict.fromkeys(own)]
        res.triples = len(lines)
        lines += [line + sg for line in dict.fromkeys(shared)]
    except (ValueError, TypeError) as exc:
        from kg.errors import StoreError

        res.error = StoreError(f"graph {iris.doc_graph(res.doc_id)} not written: {exc}")
        return res, [], None
    return res, lines, records if want_records else None


def _quads_job(args):
    """document_quads for a worker: the document's own graph as one UTF-8 block (one
    bytes object pickles ~10x faster than its hundreds of lines), the shared lines
    apart (the main process keeps one copy of each). With a `records_job`, the
    records are handed to it here, in the worker, and only its result travels back."""
    path, want, records_job = args
    res, lines, records = document_quads(path, want or records_job is not None)
    own = "".join(lines[:res.triples]).encode("utf-8")
    if records_job is not None and records is not None:
        records = records_job(str(path), records)
    return res, own, lines[res.triples:], records


def _triples_job(path):
    return document_triples(path)


def _workers(n_files: int, workers: int | None) -> int:
    if workers is None:
        workers = int(os.environ.get("LGKG_BUILD_WORKERS", "0")) or (os.cpu_count() or 1)
    return max(1, min(workers, 8, n_files // 4 or 1))


class _Pool:
    """Worker processes for extraction, started *before* any store is opened (forked
    children then hold no RocksDB state); `None` workers or one worker: run inline."""

    def __init__(self, workers: int):
        self.workers, self.pool = workers, None

    def __enter__(self):
        if self.workers > 1:
            import multiprocessing as mp

            from kg.gazetteer import Gazetteer

            Gazetteer.load()  # loaded once here, inherited by forked workers
            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
            # Ctrl-C reaches the workers too (a terminal signals the process group): they
            # ignore it and the parent stops them; started with SIGINT held back so none
            # runs the parent's handler for a moment
            from kg.interrupts import blocked_sigint, worker_init

            with blocked_sigint():
                self.pool = ctx.Pool(self.workers, initializer=worker_init)
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.terminate() if exc[0] else self.pool.close()
            self.pool.join()

    def map(self, job, items: list) -> Iterator:
        """job(item) for each item, in order. A sliding window of IN_FLIGHT documents
        per worker is submitted ahead, so workers keep extracting while this process
        loads, and at most that window of results is ever in memory (documents are
        streamed, never all held at once)."""
        if self.pool is None:
            for it in items:
                yield job(it)
            return
        from collections import deque

        ahead = deque()
        todo = iter(items)
        for it in todo:
            ahead.append(self.pool.apply_async(job, (it,)))
            if len(ahead) >= IN_FLIGHT * self.workers:
                break
        while ahead:
            res = ahead.popleft().get()
            nxt = next(todo, None)
            if nxt is not None:
                ahead.append(self.pool.apply_async(job, (nxt,)))
            yield res


def ingest(store: Store, files: Iterable[Path], *, workers: int | None = 1,
           on_document: Callable[[DocResult, list], None] | None = None) -> BuildReport:
    """Replace each document's graph, one transaction per document.

    Extraction may run on `workers` processes (None: one per CPU); the writes stay
    in this process, in file order, one SPARQL update per document."""
    t0 = time.perf_counter()
    report = BuildReport()
    report.base_triples = ensure_base(store)
    files = [Path(f) for f in files]
    with _Pool(_workers(len(files), workers)) as pool:
        return _ingest(store, files, pool, on_document, t0, report)


def _ingest(store, files, pool, on_document, t0, report) -> BuildReport:
    from kg.interrupts import pause_at

    for res, triples, shared in pool.map(_triples_job, files):
        if res.error is None:
            pause_at("write")
            store.replace_document(iris.doc_graph(res.doc_id), triples, shared, iris.ENTITY_GRAPH,
                                   owned_via=LGKG.hasName)  # an entity's name records go with it
            pause_at("written")
            res.triples = len(set(triples))
            if on_document is not None:
                on_document(res, triples + shared)
        report.documents.append(res)
        del triples, shared
    store.flush()
    report.store_triples = len(store)
    report.seconds = time.perf_counter() - t0
    return report


def check(files: Iterable[Path], *, workers: int | None = 1) -> BuildReport:
    """Read and map each document as `ingest` would, and report; no store is opened or
    written (`kg check`: what a loader makes of documents before they go in)."""
    t0 = time.perf_counter()
    report = BuildReport()
    files = [Path(f) for f in files]
    with _Pool(_workers(len(files), workers)) as pool:
        for res, _own, _shared, _records in pool.map(_quads_job, [(str(f), False, None) for f in files]):
            report.documents.append(res)
    report.seconds = time.perf_counter() - t0
    return report


BATCH_QUADS = 400_000
IN_FLIGHT = 48  # documents per worker submitted ahead of the one being loaded


def bulk_ingest(store: Store, files: Iterable[Path], *, workers: int | None = None,
                on_records: Callable[[DocResult, list], None] | None = None, pool: _Pool | None = None,
                records_job: Callable[[str, list], object] | None = None) -> BuildReport:
    """Fill a *fresh* store fast: base graphs, then every document's graph, loaded with
    pyoxigraph's bulk loader in batches of ~BATCH_QUADS quads (not transactional:
    only for a store that is built aside and swapped in, see `build`).

    `on_records(result, records)` sees each document's records in this process; with
    `records_job(path, records)` (a module-level function) they are processed in the
    worker instead and `on_records` gets what it returned (the benchmark matches planted
    facts there rather than shipping every record back)."""
    import pyoxigraph as ox

    files = [Path(f) for f in files]
    if pool is None:
        with _Pool(_workers(len(files), workers)) as own:
            return bulk_ingest(store, files, on_records=on_records, pool=own, records_job=records_job)
    t0 = time.perf_counter()
    report = BuildReport()
    for graph, triples in base_graphs():
        report.base_triples += store.bulk_add(graph, triples)
    # Batches are loaded on a thread (pyoxigraph's bulk loader releases the GIL) while
    # this thread takes in the next documents; lenient: every term was made and checked
    # by pyoxigraph in the workers (kg.mapping), parsing need not check it again.
    import threading

    batch: list[bytes] = []
    n_batch = 0
    loading: list[threading.Thread] = []
    failure: list[BaseException] = []

    def load(data: bytes) -> None:
        try:
            store.ox.bulk_load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(exc)

    def wait_loaded() -> None:
        while loading:
            loading.pop().join()
        if failure:
            raise failure[0]

    def flush_batch() -> None:
        nonlocal n_batch
        wait_loaded()
        if batch:
            th = threading.Thread(target=load, args=(b"".join(batch),), name="lgkg-bulk-load")
            batch.clear()
            n_batch = 0
            th.start()
            loading.append(th)

    want = on_records is not None
    shared_seen: set[str] = set()  # shared descriptions: one copy, however many documents name them
    try:
        for res, own, shared, records in pool.map(_quads_job, [(f, want, records_job) for f in files]):
            report.documents.append(res)
            if res.error is not None:
                continue
            batch.append(own)
            n_batch += res.triples
            new = [line for line in shared if line not in shared_seen]
            if new:
                shared_seen.update(new)
                batch.append("".join(new).encode("utf-8"))
                n_batch += len(new)
            if on_records is not None:
                on_records(res, records)
            if n_batch >= BATCH_QUADS:
                flush_batch()
        flush_batch()
    finally:
        wait_loaded()
    store.flush()
    report.store_triples = len(store)
    report.seconds = time.perf_counter() - t0
    return report


def build(target: Path, files: Iterable[Path] | None = None, *, bulk: bool = True, workers: int | None = None,
          on_records: Callable[[DocResult, list], None] | None = None,
          records_job: Callable[[str, list], object] | None = None) -> BuildReport:
    """A fresh store from scratch, built beside `target` and swapped in at the end,
    so an interrupted build leaves the previous store untouched.

    `bulk` (default) loads with pyoxigraph's bulk loader and extracts documents on
    `workers` processes (None: one per CPU); `bulk=False` is the plain path, one
    SPARQL update per document (kept for comparison: `bench/run.py`)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=target.name + ".build-", dir=target.parent))
    files = list(files) if files is not None else bundled_sources()
    store = None
    try:
        if bulk:
            with _Pool(_workers(len(files), workers)) as pool:  # before the store is opened
                store = Store(work)
                report = bulk_ingest(store, files, on_records=on_records, pool=pool, records_job=records_job)
        else:
            store = Store(work)
            report = ingest(store, files, workers=1 if workers is None else workers)
        store.close()
        store = None
        from kg.interrupts import pause_at

        pause_at("swap")
        swap_in(work, target)
    finally:
        if store is not None:  # interrupted: close RocksDB (its threads write files) before removing
            try:
                store.close()
            except Exception:  # noqa: BLE001 - already closed; the interruption is what propagates
                pass
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return report
