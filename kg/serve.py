"""`kg serve`: the built store as a SPARQL 1.1 endpoint with Oxigraph's browser UI.

Runs the `oxigraph` CLI (PyPI package `oxigraph`, the same engine as
pyoxigraph) on the store directory, read-only unless asked otherwise, with the
default graph as the union of all named graphs so that catalogue queries give
the embedded store's rows.

A read-only server holds the store's shared reader lock (kg.store.reader_lock)
for its whole life, like every other reader: it runs beside `kg query` and
other readers, and a writer (`kg ingest`, `kg build`) is refused with "store is
in use" instead of changing the store under it (Oxigraph calls reading during
a write undefined behaviour). Stop the server to write, then start it again.
`--writable` takes the store's own lock: it fails while any other process
holds the store.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, StoreError, StoreInUse


class ServeError(KgError):
    """The SPARQL server cannot be started."""


def oxigraph_binary() -> str:
    """The `oxigraph` CLI: next to the running interpreter (same venv), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the `oxigraph` command is missing: pip install 'oxigraph>=0.5,<0.6'")
    return found


def free_port(bind: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((bind, 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class ServeConfig:
    store: Path
    bind: str = "127.0.0.1"
    port: int = 7878
    writable: bool = False

    def command(self, binary: str, port: int) -> list[str]:
        mode = "serve" if self.writable else "serve-read-only"
        return [binary, mode, "--location", str(self.store), "--bind", f"{self.bind}:{port}",
                "--union-default-graph"]


def base_url(bind: str, port: int) -> str:
    host = "127.0.0.1" if bind in ("0.0.0.0", "") else ("localhost" if bind == "::" else bind)
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{port}"


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/query?query=" + urllib.parse.quote("ASK {}"), timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _check_store(store: Path) -> None:
    if not (store / "CURRENT").exists():
        raise StoreError("no store here: run `kg build` first", file=str(store))


def start(cfg: ServeConfig, timeout: float = 120.0) -> tuple[subprocess.Popen, str]:
    """Start the server and wait until it answers; returns (process, base URL)."""
    _check_store(cfg.store)
    port = cfg.port or free_port(cfg.bind)
    # the server logs every request on stderr: a file, not a pipe nobody drains
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(cfg.command(oxigraph_binary(), port), stdout=subprocess.DEVNULL, stderr=log)
    url = base_url(cfg.bind, port)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise _start_error(log.read().decode("utf-8", "replace"), cfg, port)
        if _ready(url):
            return proc, url
        time.sleep(0.1)
    stop(proc)
    raise ServeError(f"the server did not answer on {url} within {timeout:.0f} s")


def _start_error(stderr: str, cfg: ServeConfig, port: int) -> KgError:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    text = next((line for line in lines if "error" in line.lower()), lines[0] if lines else "")[:300]
    if "lock" in stderr.lower():
        return StoreInUse("store is in use by another process; `--writable` needs it to itself",
                          file=str(cfg.store))
    if "in use" in text.lower() or "address" in text.lower():
        return ServeError(f"cannot listen on {cfg.bind}:{port}: {text}")
    return ServeError(f"oxigraph exited: {text or 'no message'}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def serve_forever(cfg: ServeConfig, announce=print) -> int:
    """Start, announce the query URL (first line of output), run until the server
    exits or we are told to stop; returns the exit code."""
    from kg.store import reader_lock

    lock = None if cfg.writable else reader_lock(cfg.store)
    try:
        proc, url = start(cfg)
    except BaseException:
        if lock is not None:
            lock.release()
        raise

    def _term(signum, frame):
        # only unwind here: proc.wait() below holds Popen's waitpid lock, so the
        # child is stopped by the `finally`, once wait() has let go of it
        raise SystemExit(0)

    old = signal.signal(signal.SIGTERM, _term)
    marker = None
    if lock is not None:  # tell a writer that finds the store locked who holds it
        from kg.store import server_marker

        marker = server_marker(cfg.store)
        marker.write_text(json.dumps({"pid": os.getpid(), "url": f"{url}/query"}), encoding="utf-8")
    try:
        announce(f"{url}/query")
        announce(f"browser UI: {url}/  ({'read-write' if cfg.writable else 'read-only'}; Ctrl-C stops)")
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop(proc)
        signal.signal(signal.SIGTERM, old)
        if marker is not None:
            marker.unlink(missing_ok=True)
        if lock is not None:
            lock.release()
