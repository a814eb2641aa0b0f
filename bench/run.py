"""Benchmarks: build, queries, rdflib baseline, cold start, planted-fact recall.

    python bench/run.py [--quick] [--json] [--sizes 100,1000,10000] [--seed 7]
                        [--workdir DIR] [--profile] [--server] [--plain-max N]
                        [--no-rdflib] [--memory-max N] [--keep]

One run measures, at each corpus size (documents from bench/generate.py):

* build end to end (read -> extract -> RDF -> store) with `kg.build.build`, in a
  subprocess per size so peak RSS is per build: source MB/s, documents/s,
  triples/s, peak RSS (main process and extraction workers), store size on disk;
  the plain path (one SPARQL update per document) beside the bulk path up to
  --plain-max documents; an in-memory store beside the on-disk one;
* the same triples exported by the project (`kg.export.export(store, "nt")`) and
  parsed by rdflib: build time / rdflib parse time;
* every catalogue query: p50/p95 on the embedded store (on disk and in memory, up
  to --memory-max documents), full and bound to one agency (the agency with the
  median number of documents, and the largest), and once on an rdflib Graph holding the same triples (a Dataset of the same quads
  for queries with GRAPH patterns), with a per-query timeout;
  rdflib is skipped above RDFLIB_MAX_TRIPLES (said so in the output);
* recall of the planted facts by the loaders;
* cold start (`kg --help`, `kg query adoptions`): median of 5 subprocess runs;
* with --server, the largest store dumped and loaded into an Oxigraph server and
  into Virtuoso, every catalogue query full and bound on both, side by side.

`--json` prints one JSON object; otherwise a table. `--quick` is for CI
(20/50/100 documents, about a minute on 2 cores).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PY = sys.executable
RDFLIB_MAX_TRIPLES = 1_200_000
KG = str(Path(PY).with_name("kg"))


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def _peak_rss_mb() -> tuple[float, float]:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(me, 1), round(kids, 1)


def _files(corpus: Path, n: int) -> list[Path]:
    return sorted(corpus.glob("*.txt"))[:n]


def _planted(corpus: Path, n: int) -> dict[str, dict]:
    out = {}
    with open(corpus / "planted.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            d = json.loads(line)
            out[d["file"]] = d
    return out


# --------------------------------------------------------------------------- child: build
_PLANTED: dict = {}  # set before the build's workers fork; read by _recall_job in them


def _recall_job(path: str, records: list):
    """In an extraction worker: match one document's records against its planted facts
    (so only the verdicts travel back, not every record)."""
    from bench.recall import match

    doc = _PLANTED.get(Path(path).name)
    return None if doc is None else (doc["file"], match(records, doc["facts"]))


def child_build(a) -> dict:
    """Build a store from the first n documents; prints a JSON line."""
    t_import = time.perf_counter()
    from bench.recall import Tally
    from kg.build import build

    corpus, n = Path(a.corpus), a.n
    files = _files(corpus, n)
    planted = _planted(corpus, n)
    _PLANTED.update(planted)
    tally = Tally()

    def on_records(res, verdicts):
        if verdicts is not None:
            tally.add(*verdicts)

    t0 = time.perf_counter()
    if a.memory:
        from kg.build import bulk_ingest
        from kg.store import Store

        store = Store(None)
        rep = bulk_ingest(store, files, workers=a.workers)
    else:
        recall = a.recall and not a.plain
        rep = build(Path(a.store), files, bulk=not a.plain, workers=a.workers,
                    on_records=on_records if recall else None, records_job=_recall_job if recall else None)
    secs = time.perf_counter() - t0
    if a.recall and not a.plain:
        for d in rep.failed:
            doc = planted.get(Path(d.path).name)
            if doc:
                tally.add_failed(doc["file"], doc["facts"])
    src_bytes = sum(f.stat().st_size for f in files)
    me, kids = _peak_rss_mb()
    doc_triples = sum(d.triples for d in rep.documents)
    out = {"docs": len(files), "source_mb": round(src_bytes / 1e6, 2), "seconds": round(secs, 2),
           "import_s": round(t0 - t_import, 2),
           "mb_per_s": round(src_bytes / 1e6 / secs, 3), "docs_per_s": round(len(files) / secs, 1),
           "triples": rep.store_triples, "doc_triples": doc_triples,
           "triples_per_s": round(rep.store_triples / secs), "failed": len(rep.failed),
           "failed_examples": [str(d.error) for d in rep.failed[:3]],
           "peak_rss_mb": me, "worker_peak_rss_mb": kids}
    if not a.memory:
        out["store_mb"] = round(_du(Path(a.store)) / 1e6, 1)
    if a.recall and not a.plain:
        out["recall"] = tally.as_dict()
    return out


# --------------------------------------------------------------------------- child: queries
def bench_agencies(store) -> dict[str, str]:
    """The agencies bound queries are timed for: the one with the median number of
    documents (a typical district) and the one with the most (the worst case), each by
    one of the names its documents give it."""
    rows = list(store.query(
        "PREFIX lgkg: <https://w3id.org/lgkg/ontology#> SELECT ?a (COUNT(?d) AS ?n) (MAX(STR(?nm)) AS ?name) "
        "WHERE { ?d lgkg:issuer ?a ; lgkg:agencyName ?nm } GROUP BY ?a ORDER BY ?n ?a"))
    if not rows:
        return {"median": "서울특별시 종로구", "largest": "서울특별시 종로구"}
    pick = {"median": rows[len(rows) // 2], "largest": rows[-1]}
    return {k: str(r["name"].value) for k, r in pick.items()} | {
        f"{k}_docs": int(r["n"].value) for k, r in pick.items()}


def _param_values(store) -> dict[str, dict[str, str]]:
    """Values for required parameters, taken from the data."""
    return {"agency-profile": {"agency": bench_agencies(store)["median"]}}


def _time_query(run_one, name, reps: int) -> dict:
    """Warm-up, then `reps` timed runs; fewer when one run is slow (>0.3 s: 2; >1 s: the first run only)."""
    t = time.perf_counter()
    rows = run_one(name)
    first = time.perf_counter() - t
    if first >= 1.0:  # slow: the first run is the sample
        return {"p50_ms": round(first * 1000, 2), "p95_ms": round(first * 1000, 2), "runs": 1, "rows": rows}
    reps = reps if first < 0.3 else 2
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        rows = run_one(name)
        ts.append((time.perf_counter() - t) * 1000)
    ts.sort()
    p95 = ts[min(len(ts) - 1, round(0.95 * (len(ts) - 1)))]
    return {"p50_ms": round(statistics.median(ts), 2), "p95_ms": round(p95, 2), "runs": reps, "rows": rows}


def child_query(a) -> dict:
    """One catalogue query on the on-disk store (or, with --memory, on an in-memory copy)."""
    import pyoxigraph as ox

    from kg import queries
    from kg.store import Store

    store = Store(Path(a.store), read_only=True)
    agencies = bench_agencies(store)
    params = {"agency-profile": {"agency": agencies["median"]}}
    out = {}
    if a.memory:
        t = time.perf_counter()
        mem = Store(None)
        mem.ox.bulk_load(input=store.ox.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        out["memory_load_s"] = round(time.perf_counter() - t, 2)
        store = mem
    if not a.bound:
        out.update(_time_query(lambda q: len(queries.run(q, params.get(q), store=store)[1]), a.name, a.reps))
        return out
    q = queries.get(a.name)
    agency_param = next((p for p, t in q.params.items() if t == "agency"), None)
    if agency_param:  # the same query bound to one agency (issue 15): a typical one and the largest
        for key, which in (("bound", "median"), ("bound_largest", "largest")):
            one = {agency_param: agencies[which]}
            bound = _time_query(lambda n: len(queries.run(n, one, store=store)[1]), a.name, a.reps)
            out[key] = {"agency": one[agency_param], "agency_docs": agencies[f"{which}_docs"], **bound}
    return out


def time_queries(store: Path, reps: int, timeout: float, skip: set[str], memory: bool = False) -> dict:
    from kg import queries

    out = {}
    for name in queries.catalogue():
        if name in skip:
            out[name] = {"skipped": "timed out at a smaller size"}
            continue
        out[name] = _child("query", proc_timeout=timeout, store=store, name=name, reps=reps, memory=memory)
        if "error" in out[name] and "timed out" in out[name]["error"]:
            out[name] = {"timeout_s": timeout}
        q = queries.get(name)
        if any(t == "agency" for t in q.params.values()):  # bound in a process of its own: a full
            # query that hits the cap does not take the bound figures with it
            bound = _child("query", proc_timeout=timeout, store=store, name=name, reps=reps, memory=memory, bound=True)
            out[name].update({k: v for k, v in bound.items() if k.startswith("bound")} if "error" not in bound
                             else {"bound": {"error": bound["error"][:200]}})
    return out


# --------------------------------------------------------------------------- child: rdflib
def child_rdflib(a) -> dict:
    """Export N-Triples with kg.export, parse with rdflib, run each query once with a timeout."""
    import signal

    from rdflib import Dataset, Graph, Literal

    from kg import queries
    from kg.export import export
    from kg.store import Store

    store = Store(Path(a.store), read_only=True)
    t = time.perf_counter()
    data = export(store, "nt")
    export_s = time.perf_counter() - t
    params = _param_values(store)
    n_triples = data.count(b"\n")
    out = {"export_nt_s": round(export_s, 2), "nt_mb": round(len(data) / 1e6, 1), "triples": n_triples}
    del store
    t = time.perf_counter()
    g = Graph()
    g.parse(data=data, format="nt")
    out["parse_s"] = round(time.perf_counter() - t, 2)
    del data

    class Timeout(Exception):
        pass

    def alarm(*_):
        raise Timeout()

    signal.signal(signal.SIGALRM, alarm)
    res = {}
    skip = set(filter(None, (a.skip or "").split(",")))
    cat = queries.catalogue()
    # queries with GRAPH patterns need the quads: they run on an rdflib Dataset (union
    # default graph) parsed from the N-Quads export; all others on the plain Graph above,
    # rdflib's faster case
    per_graph = {n for n, q in cat.items() if re.search(r"\bGRAPH\s*[?<]", q.text, re.IGNORECASE)}
    order = [n for n in cat if n not in per_graph] + [n for n in cat if n in per_graph]
    for name in order:
        q = cat[name]
        if name in per_graph and not isinstance(g, Dataset):
            del g
            store = Store(Path(a.store), read_only=True)
            data = export(store, "nq")
            del store
            t = time.perf_counter()
            g = Dataset(default_union=True)
            g.parse(data=data, format="nquads")
            out["parse_nq_s"] = round(time.perf_counter() - t, 2)
            del data
        if name in skip:
            res[name] = {"skipped": "timed out at a smaller size", "timeout_s": a.timeout}
            continue
        # the same typed terms the embedded store gets (an agency name is an @ko literal)
        bindings = {k: Literal(v[0].value, lang=v[0].language,
                               datatype=None if v[0].language or v[0].datatype is None else v[0].datatype.value)
                    for k, v in queries.bind(q, params.get(name) or {}, by_iri=False).items()}
        signal.alarm(a.timeout)
        t = time.perf_counter()
        try:
            rows = len(list(g.query(q.text, initBindings=bindings or None)))
            res[name] = {"ms": round((time.perf_counter() - t) * 1000, 1), "rows": rows}
            if name in per_graph:
                res[name]["on"] = "Dataset"
        except Timeout:
            res[name] = {"timeout_s": a.timeout}
        except Exception as exc:  # noqa: BLE001
            res[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
        finally:
            signal.alarm(0)
    out["queries"] = res
    return out


# --------------------------------------------------------------------------- child: profile
def child_profile(a) -> dict:
    """cProfile of a single-process bulk build: time per phase."""
    import cProfile
    import pstats

    from kg.build import build

    files = _files(Path(a.corpus), a.n)
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    build(Path(a.store), files, bulk=True, workers=1)
    prof.disable()
    total = time.perf_counter() - t
    st = pstats.Stats(prof)
    phases = {
        "read (read_source)": ("loaders/__init__.py", "read_source"),
        "genre detection (looks_like)": ("loaders/__init__.py", "detect_genre"),
        "extract work reports": ("loaders/workreport/__init__.py", "extract_text"),
        "extract casebooks": ("loaders/casebook/__init__.py", "extract_text"),
        "records -> N-Triples lines (to_ntriples)": ("kg/mapping.py", "to_ntriples"),
        "base graphs (ontology, vocab, gazetteer)": ("kg/build.py", "base_graphs"),
        "store: bulk_extend (base graphs)": ("~", "<method 'bulk_extend' of 'pyoxigraph.Store' objects>"),
        "store: flush": ("~", "<method 'flush' of 'pyoxigraph.Store' objects>"),
    }
    out = {"docs": len(files), "total_s": round(total, 2), "phases_s": {}}
    for label, (fname, func) in phases.items():
        cum = 0.0
        for (f, _l, fn), (_cc, _nc, _tt, ct, _callers) in st.stats.items():
            if fn == func and (fname == "~" or f.endswith(fname)):
                cum += ct
        out["phases_s"][label] = round(cum, 2)
    top = sorted(((ct, tt, f"{Path(f).name}:{fn}") for (f, _l, fn), (_cc, _nc, tt, ct, _c) in st.stats.items()),
                 reverse=True, key=lambda x: x[1])[:12]
    out["top_self_time"] = [{"func": n, "self_s": round(tt, 2), "cum_s": round(ct, 2)} for ct, tt, n in top]
    # batches are bulk-loaded on a thread, which cProfile does not see: load the same
    # quads again, timed, into a fresh store
    import pyoxigraph as ox

    data = ox.Store.read_only(str(a.store)).dump(format=ox.RdfFormat.N_QUADS)
    fresh = Path(str(a.store) + "-reload")
    t = time.perf_counter()
    st2 = ox.Store(str(fresh))
    st2.bulk_load(input=data, format=ox.RdfFormat.N_QUADS, lenient=True)
    st2.flush()
    out["phases_s"]["store: bulk_load (thread; re-timed on the same quads)"] = round(time.perf_counter() - t, 2)
    del st2
    shutil.rmtree(fresh, ignore_errors=True)
    return out


# --------------------------------------------------------------------------- parent
def _child(kind: str, proc_timeout: float | None = None, **kw) -> dict:
    cmd = [PY, str(Path(__file__).resolve()), f"_{kind}"]
    for k, v in kw.items():
        if v is True:
            cmd.append(f"--{k}")
        elif v not in (None, False):
            cmd += [f"--{k}", str(v)]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=proc_timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {proc_timeout:.0f} s"}
    if p.returncode != 0:
        return {"error": (p.stderr or p.stdout)[-1500:]}
    return json.loads(p.stdout.strip().splitlines()[-1])


def _median_ms(cmd: list[str], n: int = 5, env=None, timeout: float = 120) -> dict:
    ts = []
    rc = None
    for _ in range(n):
        t = time.perf_counter()
        try:
            p = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"timeout_s": timeout}
        ts.append((time.perf_counter() - t) * 1000)
        rc = p.returncode
    return {"median_ms": round(statistics.median(ts), 1), "min_ms": round(min(ts), 1), "rc": rc}


def _import_profile() -> list[dict]:
    """`python -X importtime` of the `kg` entry point: the slowest imports (cumulative)."""
    p = subprocess.run([PY, "-X", "importtime", "-c", "import kg.cli.main"], capture_output=True, text=True, cwd=ROOT)
    rows = []
    for line in p.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        try:
            _, self_us, cum_us, name = [x.strip() for x in line.split("|", 3)[0:1][0].split(":")[0:1]] + \
                [x.strip() for x in line.split(":", 1)[1].split("|")]
        except ValueError:
            continue
        rows.append({"module": name.strip(), "cum_ms": round(int(cum_us) / 1000, 1), "self_ms": round(int(self_us) / 1000, 1)})
    top = [r for r in rows if r["module"].count(".") == 0 or r["module"].startswith(("kg.", "loaders."))]
    return sorted(top, key=lambda r: -r["cum_ms"])[:12]


def _time_endpoint(url: str, names: list[str], agency: str, timeout_s: float = 60) -> dict:
    """Each catalogue query through `kg.queries.run(endpoint=...)` (HTTP, JSON results,
    conversion to Python values, as `kg query --endpoint` does), full and bound to one agency."""
    from kg import queries

    out = {}
    for name in names:
        q = queries.get(name)
        agency_param = next((p for p, t in q.params.items() if t.startswith("agency")), None)
        runs = {"full": {} if not q.required else None,
                "bound": {agency_param: agency} if agency_param else None}
        res = {}
        for kind, params in runs.items():
            if params is None:
                continue
            try:
                res[kind] = _time_query(lambda n: len(queries.run(n, params, endpoint=url)[1]), name, 3)
            except Exception as exc:  # a server error or timeout is a figure too
                res[kind] = {"error": str(exc)[:200]}
        out[name] = res
    return out


def _server(store: Path, work: Path, queries_to_time: list[str]) -> dict:
    """The same store dumped to N-Quads and loaded into an Oxigraph server (`oxigraph load`,
    served read-only) and into Virtuoso 7 (its bulk loader); every catalogue query timed
    on both, full and bound to the median agency, side by side."""
    import pyoxigraph as ox

    from kg.store import Store

    try:  # the test suite's server helpers: the same start commands (engine notes)
        from tests.servers import ServerUnavailable, oxigraph_binary, start_oxigraph, start_virtuoso
    except ImportError as exc:
        return {"skipped": f"tests.servers not importable: {exc}"}
    dump_dir = work / "dump"
    shutil.rmtree(dump_dir, ignore_errors=True)
    dump_dir.mkdir(parents=True)
    dump = dump_dir / "dump.nq"
    s = Store(store, read_only=True)
    agency = bench_agencies(s)["median"]
    t = time.perf_counter()
    s.ox.dump(output=str(dump), format=ox.RdfFormat.N_QUADS)
    out = {"dump_nq_s": round(time.perf_counter() - t, 2), "dump_mb": round(dump.stat().st_size / 1e6, 1),
           "bound_agency": agency}
    del s
    # Oxigraph server
    exe = oxigraph_binary()
    if not exe:
        out["oxigraph"] = {"skipped": "oxigraph CLI not installed (pip install oxigraph)"}
    else:
        owork = work / "oxigraph"
        shutil.rmtree(owork, ignore_errors=True)
        owork.mkdir(parents=True)
        t = time.perf_counter()
        p = subprocess.run([exe, "load", "--location", str(owork / "db"), "--file", str(dump)],
                           capture_output=True, text=True)
        load_s = time.perf_counter() - t
        if p.returncode != 0:
            out["oxigraph"] = {"error": p.stderr[-500:]}
        else:
            srv = start_oxigraph(owork, read_only=True)
            try:
                out["oxigraph"] = {"load_s": round(load_s, 2), "db_mb": round(_du(owork / "db") / 1e6, 1),
                                   "queries": _time_endpoint(srv.query_url, queries_to_time, agency)}
            finally:
                srv.stop()
        shutil.rmtree(owork, ignore_errors=True)
    # Virtuoso: bulk loader (ld_dir + rdf_loader_run), buffers sized for a few GB
    vwork = work / "virtuoso"
    shutil.rmtree(vwork, ignore_errors=True)
    vwork.mkdir(parents=True)
    try:
        srv = start_virtuoso(vwork, buffers=340_000)  # 2.7 GB of pages (the Debian default is 80 MB)
    except ServerUnavailable as exc:
        out["virtuoso"] = {"skipped": str(exc)}
    else:
        try:
            isql = shutil.which("isql-vt") or shutil.which("isql")
            shutil.copy(dump, vwork / "dump.nq")
            t = time.perf_counter()
            p = subprocess.run([isql, f"127.0.0.1:{srv.extra['isql_port']}", "dba", "dba", "exec="
                                f"ld_dir('{vwork}', 'dump.nq', 'urn:lgkg:unused'); rdf_loader_run(); checkpoint;"],
                               capture_output=True, text=True, timeout=3600)
            load_s = time.perf_counter() - t
            if p.returncode != 0:
                out["virtuoso"] = {"error": (p.stderr or p.stdout)[-500:]}
            else:
                out["virtuoso"] = {"load_s": round(load_s, 2),
                                   "queries": _time_endpoint(srv.query_url, queries_to_time, agency)}
        finally:
            srv.stop()
            shutil.rmtree(vwork, ignore_errors=True)
    dump.unlink(missing_ok=True)
    return out


def machine() -> dict:
    import pyoxigraph
    import rdflib

    model = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu_model": model, "memory_mb": mem, "python": platform.python_version(),
            "pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__, "platform": platform.platform()}


def run(a) -> dict:
    from bench.generate import generate

    quick = a.quick
    sizes = [int(x) for x in (a.sizes or ("10,20,40" if quick else "100,1000,10000")).split(",")]
    work = Path(a.workdir or tempfile.mkdtemp(prefix="lgkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-s{a.seed}"
    have = len(list(corpus.glob("*.txt"))) if (corpus / "planted.jsonl").exists() else 0
    t = time.perf_counter()
    if have < max(sizes):
        shutil.rmtree(corpus, ignore_errors=True)
        generate(max(sizes), a.seed, corpus)
    gen_s = time.perf_counter() - t
    log = (lambda *x: print(*x, file=sys.stderr, flush=True)) if not a.json else (lambda *x: None)
    log(f"corpus: {max(sizes)} documents in {corpus} ({gen_s:.1f} s)")
    reps = 3 if quick else 7
    result = {"date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "quick": quick, "seed": a.seed, "machine": machine(),
              "generate_s": round(gen_s, 2), "sizes": {}}
    mid_memory_done = quick  # in-memory comparison only in full runs, at the first size
    q_timeout = 8 if quick else 30
    r_timeout = 3 if quick else 30
    q_skip: set[str] = set()
    r_skip: set[str] = set()
    for n in sizes:
        store = work / f"store-{n}"
        log(f"[{n}] build (bulk)")
        b = _child("build", corpus=corpus, n=n, store=store, recall=True)
        size = {"build": b}
        if n <= a.plain_max:
            log(f"[{n}] build (plain, one update per document, 1 process)")
            size["build_plain"] = _child("build", corpus=corpus, n=n, store=work / f"plain-{n}", plain=True, workers=1)
            shutil.rmtree(work / f"plain-{n}", ignore_errors=True)
            if n <= 200:
                size["build_bulk_1proc"] = _child("build", corpus=corpus, n=n, store=work / f"one-{n}", workers=1)
                shutil.rmtree(work / f"one-{n}", ignore_errors=True)
        if "error" in b:
            result["sizes"][n] = size
            continue
        do_memory = not mid_memory_done or (not quick and n <= a.memory_max)  # in-memory snapshot (kg.load) too
        if do_memory:
            log(f"[{n}] build in memory")
            size["build_memory"] = _child("build", corpus=corpus, n=n, memory=True)
        log(f"[{n}] queries (reps={reps})")
        size["queries"] = {"disk": time_queries(store, reps, q_timeout, q_skip)}
        q_skip |= {q for q, v in size["queries"]["disk"].items() if "timeout_s" in v or "skipped" in v}
        if do_memory:
            log(f"[{n}] queries in memory")
            size["queries"]["memory"] = time_queries(store, reps, q_timeout, q_skip, memory=True)
        mid_memory_done = mid_memory_done or do_memory
        if b["triples"] <= RDFLIB_MAX_TRIPLES and (not quick or n == sizes[-1]) and not a.no_rdflib:
            log(f"[{n}] rdflib baseline ({b['triples']} triples)")
            size["rdflib"] = _child("rdflib", proc_timeout=1800, store=store, timeout=r_timeout,
                                    skip=",".join(sorted(r_skip)) or None)
            r_skip |= {q for q, v in size["rdflib"].get("queries", {}).items() if "timeout_s" in v or "skipped" in v}
        else:
            size["rdflib"] = {"skipped": f"{b['triples']} triples > {RDFLIB_MAX_TRIPLES} (rdflib would need "
                                         f"~{b['triples'] / 24000:.0f} s and several GB to parse)"}
        result["sizes"][n] = size
    largest = max(n for n in sizes if "error" not in result["sizes"][n]["build"])
    big_store = work / f"store-{largest}"
    log("cold start")
    env = dict(os.environ)
    from kg.build import build

    build(work / "store-bundled", None)  # the default store: the bundled documents
    stores = {"bundled": work / "store-bundled"}
    for n in (sizes[-1:] if quick else sizes):
        v = result["sizes"][n].get("queries", {}).get("disk", {}).get("adoptions", {})
        if (work / f"store-{n}").exists() and v.get("p50_ms", 1e9) < 10_000:
            stores[str(n)] = work / f"store-{n}"
    result["cold_start"] = {
        "kg_help": _median_ms([KG, "--help"]),
        "kg_query_adoptions": {k: _median_ms([KG, "query", "adoptions", "--store", str(v), "--format", "csv"], env=env,
                                             n=3 if quick else 5)
                               for k, v in stores.items()},
        "python_startup": _median_ms([PY, "-c", "pass"]),
        "slowest_imports": _import_profile(),
    }
    if a.profile:
        n = min(sizes[-1], 100 if quick else 300)
        log(f"profile ({n} documents, 1 process)")
        result["profile"] = _child("profile", corpus=corpus, n=n, store=work / "profile-store")
        shutil.rmtree(work / "profile-store", ignore_errors=True)
    if a.server:
        log("oxigraph server")
        from kg import queries as _q

        result["server"] = {"docs": largest, **_server(big_store, work, sorted(_q.catalogue()))}
    summarize(result)
    if not a.keep:
        for n in [*sizes, "bundled"]:
            shutil.rmtree(work / f"store-{n}", ignore_errors=True)
        if not a.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return result


def summarize(res: dict) -> None:
    sizes = res["sizes"]
    ok = [n for n in sizes if "error" not in sizes[n]["build"]]
    big = max(ok)
    b = sizes[big]["build"]
    res["largest_size"] = big
    res["build_mb_per_s"] = b["mb_per_s"]
    res["build_docs_per_s"] = b["docs_per_s"]
    res["peak_rss_mb"] = max(b["peak_rss_mb"], b["worker_peak_rss_mb"])
    with_rdflib = [n for n in ok if "parse_s" in sizes[n].get("rdflib", {})]
    if with_rdflib:
        r = max(with_rdflib)
        res["build_vs_rdflib_parse"] = round(sizes[r]["build"]["seconds"] / sizes[r]["rdflib"]["parse_s"], 3)
        res["build_vs_rdflib_parse_at"] = r
        sp = {}
        for q, v in sizes[r]["queries"]["disk"].items():
            rq = sizes[r]["rdflib"]["queries"].get(q, {})
            if "p50_ms" in v and "ms" in rq:
                sp[q] = round(rq["ms"] / max(v["p50_ms"], 0.01), 1)
            elif "p50_ms" in v and "timeout_s" in rq:
                sp[q] = f">{round(rq['timeout_s'] * 1000 / max(v['p50_ms'], 0.01), 1)}"
        res["query_speedup_vs_rdflib"] = sp
        # rdflib's Graph lives in memory: the like-for-like figure is our in-memory store
        spm = {}
        for q, v in sizes[r]["queries"].get("memory", {}).items():
            rq = sizes[r]["rdflib"]["queries"].get(q, {})
            if "p50_ms" in v and "ms" in rq:
                spm[q] = round(rq["ms"] / max(v["p50_ms"], 0.01), 1)
            elif "p50_ms" in v and "timeout_s" in rq:
                spm[q] = f">{round(rq['timeout_s'] * 1000 / max(v['p50_ms'], 0.01), 1)}"
        if spm:
            res["query_speedup_vs_rdflib_memory"] = spm
        # a speed-up means nothing if the answers differ: row counts side by side
        res["rdflib_row_mismatches"] = {
            q: {"oxigraph": v["rows"], "rdflib": sizes[r]["rdflib"]["queries"][q]["rows"]}
            for q, v in sizes[r]["queries"]["disk"].items()
            if "rows" in v and "rows" in sizes[r]["rdflib"]["queries"].get(q, {})
            and v["rows"] != sizes[r]["rdflib"]["queries"][q]["rows"]}
        res["query_speedup_vs_rdflib_at"] = r
    res["query_p50_ms"] = {q: v.get("p50_ms", f"timeout {v['timeout_s']} s" if "timeout_s" in v else None)
                           for q, v in sizes[big].get("queries", {}).get("disk", {}).items()}
    res["query_p50_ms_memory"] = {n: {q: v.get("p50_ms") for q, v in sizes[n].get("queries", {}).get("memory", {}).items()}
                                  for n in ok if sizes[n].get("queries", {}).get("memory")}
    res["query_p50_ms_by_size"] = {n: {q: v.get("p50_ms") for q, v in sizes[n].get("queries", {}).get("disk", {}).items()}
                                   for n in ok}
    # each catalogue query bound to one agency, on disk, at every size (issue 15's target: <= 50 ms)
    res["bound_query_p50_ms_by_size"] = {
        n: {q: v["bound"]["p50_ms"] for q, v in sizes[n].get("queries", {}).get("disk", {}).items() if "bound" in v}
        for n in ok}
    res["planted_recall"] = {n: sizes[n]["build"].get("recall", {}).get("recall") for n in ok}
    cs = res["cold_start"]
    res["cold_start_ms"] = {"kg_help": cs["kg_help"]["median_ms"],
                            "kg_query_adoptions": {n: v["median_ms"] for n, v in cs["kg_query_adoptions"].items()}}


def table(res: dict) -> str:
    rows = []
    w = rows.append
    m = res["machine"]
    w(f"{res['date']} — {m['cpus']} CPU {m['cpu_model']}, {m['memory_mb']} MB, Python {m['python']}, "
      f"pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}")
    w("")
    w("| docs | source MB | build s | MB/s | docs/s | triples | triples/s | peak RSS MB (main/worker) | store MB | "
      "plain-update s | bulk 1-proc s | rdflib parse s | build/rdflib | recall |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, s in res["sizes"].items():
        b = s["build"]
        if "error" in b:
            w(f"| {n} | error: {b['error'][:80]} |")
            continue
        rl = s.get("rdflib", {})
        parse = rl.get("parse_s", "skipped")
        ratio = round(b["seconds"] / rl["parse_s"], 2) if "parse_s" in rl else "-"
        w(f"| {n} | {b['source_mb']} | {b['seconds']} | {b['mb_per_s']} | {b['docs_per_s']} | {b['triples']:,} | "
          f"{b['triples_per_s']:,} | {b['peak_rss_mb']}/{b['worker_peak_rss_mb']} | {b.get('store_mb')} | "
          f"{s.get('build_plain', {}).get('seconds', '-')} | {s.get('build_bulk_1proc', {}).get('seconds', '-')} | "
          f"{parse} | {ratio} | {b.get('recall', {}).get('recall')} |")
    w("")
    names = sorted({q for s in res["sizes"].values() for q in s.get("queries", {}).get("disk", {})})
    ns = list(res["sizes"])
    w("| query | " + " | ".join(f"p50/p95 ms @{n}" for n in ns) + " | rdflib ms | speed-up |")
    w("|---|" + "---|" * (len(ns) + 2))
    for q in names:
        cells = []
        for n in ns:
            v = res["sizes"][n].get("queries", {}).get("disk", {}).get(q, {})
            cells.append(f"{v.get('p50_ms', '-')}/{v.get('p95_ms', '-')}" if "p50_ms" in v else v.get("error", "-")[:30])
        at = res.get("query_speedup_vs_rdflib_at")
        rq = res["sizes"][at]["rdflib"]["queries"].get(q, {}) if at else {}
        rms = rq.get("ms", f"timeout {rq.get('timeout_s')} s" if "timeout_s" in rq else "-")
        w(f"| {q} | " + " | ".join(cells) + f" | {rms} | {res.get('query_speedup_vs_rdflib', {}).get(q, '-')} |")
    w("")
    w(f"cold start: {json.dumps(res['cold_start_ms'], ensure_ascii=False)}")
    return "\n".join(rows)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0].startswith("_"):
        ap = argparse.ArgumentParser()
        ap.add_argument("--corpus")
        ap.add_argument("--n", type=int, default=0)
        ap.add_argument("--store")
        ap.add_argument("--workers", type=int, default=None)
        ap.add_argument("--reps", type=int, default=5)
        ap.add_argument("--timeout", type=int, default=30)
        ap.add_argument("--name")
        ap.add_argument("--skip")
        for flag in ("plain", "memory", "recall", "bound"):
            ap.add_argument(f"--{flag}", action="store_true")
        a = ap.parse_args(argv[1:])
        fn = {"_build": child_build, "_query": child_query, "_rdflib": child_rdflib,
              "_profile": child_profile}[argv[0]]
        print(json.dumps(fn(a), ensure_ascii=False, default=str))
        return 0
    ap = argparse.ArgumentParser(description="lgkg benchmarks")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sizes")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir")
    ap.add_argument("--profile", action="store_true", help="cProfile a single-process build")
    ap.add_argument("--server", action="store_true", help="also load the largest corpus into an Oxigraph server")
    ap.add_argument("--plain-max", type=int, default=1000, help="largest size for the plain-update comparison")
    ap.add_argument("--keep", action="store_true", help="keep the stores")
    ap.add_argument("--no-rdflib", action="store_true", help="skip the rdflib baseline")
    ap.add_argument("--memory-max", type=int, default=1000, help="largest size for the in-memory comparison")
    ap.add_argument("--out", help="also write the JSON here")
    a = ap.parse_args(argv)
    res = run(a)
    if a.out:
        Path(a.out).write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    if a.json:
        print(json.dumps(res, ensure_ascii=False, default=str))
    else:
        print(table(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
