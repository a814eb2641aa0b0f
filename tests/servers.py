"""Real SPARQL servers for the tests: an Oxigraph server and Virtuoso, each on a
free 127.0.0.1 port, in a temporary directory of its own, always stopped.

Start commands follow ../shared/engine-notes.md. `start_*` raise ServerUnavailable
with the reason when a server cannot be started; conftest.py turns that into a
skip (or a failure when CI=true).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
READY_TIMEOUT = float(os.environ.get("LGKG_SERVER_TIMEOUT", "120"))


class ServerUnavailable(RuntimeError):
    """A server binary is missing or the server did not become ready."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    """The `oxigraph` CLI of the PyPI package: next to the interpreter, else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class Server:
    name: str
    proc: subprocess.Popen
    workdir: Path
    query_url: str
    store_url: str  # Graph Store Protocol endpoint for `kg push`
    user: str | None = None
    password: str | None = None
    log: Path | None = None
    extra: dict = field(default_factory=dict)

    def wait_ready(self, probe: str, timeout: float = READY_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerUnavailable(f"{self.name} exited with {self.proc.returncode}: {self.tail_log()}")
            if _http_ok(probe):
                return
            time.sleep(0.2)
        self.stop()
        raise ServerUnavailable(f"{self.name} not ready after {timeout:.0f} s: {self.tail_log()}")

    def tail_log(self, n: int = 600) -> str:
        if self.log and self.log.exists():
            return self.log.read_text(errors="replace")[-n:]
        return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


def _spawn(cmd: list[str], log: Path, cwd: Path) -> subprocess.Popen:
    # a process group of its own, so stop() ends the server and nothing else
    with open(log, "wb") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, start_new_session=True)


def start_oxigraph(workdir: Path, *, read_only: bool = False) -> Server:
    binary = oxigraph_binary()
    if not binary:
        raise ServerUnavailable("the `oxigraph` CLI is not installed (pip install oxigraph)")
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "db"
    port = free_port()
    cmd = [binary, "serve-read-only" if read_only else "serve", "--location", str(db), "--bind", f"127.0.0.1:{port}",
           "--union-default-graph"]
    base = f"http://127.0.0.1:{port}"
    srv = Server("oxigraph", _spawn(cmd, workdir / "log", workdir), workdir, f"{base}/query", f"{base}/store",
                 log=workdir / "log")
    srv.wait_ready(f"{base}/query?query=" + urllib.parse.quote("ASK {}"))
    return srv


def virtuoso_ini(template: str, workdir: Path, port: int, http_port: int, buffers: int | None = None) -> str:
    """The Debian virtuoso.ini with the database in `workdir`, both ports on 127.0.0.1
    and the silent 10,000-row result cap raised; `buffers` (8 KB pages) for large loads."""
    text = template.replace("/var/lib/virtuoso-opensource-7/db", str(workdir / "db"))
    text = re.sub(r"(?m)^ServerPort(\s*)=\s*1111\b.*$", rf"ServerPort\g<1>= 127.0.0.1:{port}", text)
    text = re.sub(r"(?m)^ServerPort(\s*)=\s*8890\b.*$", rf"ServerPort\g<1>= 127.0.0.1:{http_port}", text)
    text = re.sub(r"(?m)^ResultSetMaxRows(\s*)=.*$", r"ResultSetMaxRows\g<1>= 1000000", text)
    text = re.sub(r"(?m)^DirsAllowed(\s*)=.*$", rf"DirsAllowed\g<1>= ., {workdir}, /usr/share/virtuoso-opensource-7/vad", text)
    if buffers:
        text = re.sub(r"(?m)^NumberOfBuffers(\s*)=.*$", rf"NumberOfBuffers\g<1>= {buffers}", text)
        text = re.sub(r"(?m)^MaxDirtyBuffers(\s*)=.*$", rf"MaxDirtyBuffers\g<1>= {buffers * 3 // 4}", text)
    return text


def start_virtuoso(workdir: Path, *, buffers: int | None = None) -> Server:
    binary = shutil.which("virtuoso-t")
    if not binary or not VIRTUOSO_INI.exists():
        raise ServerUnavailable("Virtuoso is not installed (Debian package virtuoso-opensource)")
    (workdir / "db").mkdir(parents=True, exist_ok=True)
    port, http_port = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(virtuoso_ini(VIRTUOSO_INI.read_text(), workdir, port, http_port, buffers))
    cmd = [binary, "+configfile", str(ini), "+foreground"]
    base = f"http://127.0.0.1:{http_port}"
    srv = Server("virtuoso", _spawn(cmd, workdir / "log", workdir), workdir, f"{base}/sparql",
                 f"{base}/sparql-graph-crud-auth", user="dba", password="dba", log=workdir / "log",
                 extra={"isql_port": port})
    srv.wait_ready(f"{base}/sparql?query=" + urllib.parse.quote("ASK {}"))
    return srv
