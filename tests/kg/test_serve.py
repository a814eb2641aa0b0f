"""`kg serve`: the store as a read-only SPARQL endpoint with Oxigraph's browser UI."""
from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import queries
from kg.cli.main import app
from kg.serve import ServeConfig, ServeError, oxigraph_binary
from tests.conftest import unavailable
from tests.kg.test_remote import normalised

KG = [sys.executable, "-c", "from kg.cli.main import app; app()"]


def _first_line(proc: subprocess.Popen, timeout: float = 120) -> str:
    q: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: q.put(proc.stdout.readline()), daemon=True).start()
    try:
        return q.get(timeout=timeout).strip()
    except queue.Empty:
        return ""


@pytest.fixture(scope="module")
def served(kg_store_dir):
    try:
        oxigraph_binary()
    except ServeError as exc:
        unavailable(str(exc))
    proc = subprocess.Popen([*KG, "serve", "--store", str(kg_store_dir), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = _first_line(proc)
    if not url.startswith("http://"):
        proc.kill()
        pytest.fail(f"kg serve printed {url!r} first; stderr: {proc.stderr.read()[-500:]}")
    yield url
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)


def test_first_line_is_the_query_url(served):
    assert served.startswith("http://127.0.0.1:") and served.endswith("/query")


@pytest.mark.parametrize("name", ["adoptions", "sister-cities", "programs"])
def test_catalogue_query_through_the_server(served, kg_store, name):
    local = queries.run(name, store=kg_store)[1]
    remote = queries.run(name, endpoint=served)[1]
    assert normalised(local) == normalised(remote)


def test_updates_are_refused(served):
    req = urllib.request.Request(served.replace("/query", "/update"), method="POST",
                                 data=b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                 headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=30)
    assert err.value.code in (403, 405)


def test_root_is_the_query_ui(served):
    with urllib.request.urlopen(served.replace("/query", "/"), timeout=30) as resp:
        html = resp.read().decode()
    assert resp.headers.get_content_type() == "text/html"
    assert "yasgui" in html.lower() and "<html" in html.lower()


def test_cli_errors_are_usage_errors(tmp_path, monkeypatch):
    res = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "nothing"), "--port", "0"])
    assert res.exit_code == 2 and "kg build" in res.output
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ServeError, match="pip install"):
        oxigraph_binary()


def test_command_is_read_only_and_local_by_default():
    cmd = ServeConfig(Path("/s")).command("oxigraph", 7878)
    assert cmd[1] == "serve-read-only" and "127.0.0.1:7878" in cmd and "--union-default-graph" in cmd
    assert ServeConfig(Path("/s"), writable=True).command("oxigraph", 1)[1] == "serve"


def test_writer_is_refused_while_serving(served, kg_store_dir):
    """The read-only server holds the reader lock: `kg ingest` gets "in use", exit 2,
    and the server keeps answering."""
    src = sorted((Path(__file__).resolve().parents[2] / "data" / "sources").glob("*.txt"))[0]
    out = subprocess.run([*KG, "ingest", str(src), "--store", str(kg_store_dir)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2, out.stderr
    assert "in use" in out.stderr
    cols, rows = queries.run("documents", endpoint=served)
    assert rows
