"""`kg export`: byte-stable across interpreter runs (PYTHONHASHSEED), no blank
nodes, the project's prefixes in Turtle, and every format parses back."""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys

import pytest
from rdflib import BNode, Dataset, Graph
from typer.testing import CliRunner

from kg.cli.main import app
from kg.export import FORMATS, export
from kg.namespaces import PREFIXES

HASHES = """
import hashlib, sys
from kg.export import FORMATS, export
from kg.store import Store
s = Store(sys.argv[1], read_only=True)
for fmt in FORMATS:
    print(fmt, hashlib.sha256(export(s, fmt)).hexdigest())
"""
RDFLIB_FORMAT = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def dumps(kg_store) -> dict[str, bytes]:
    return {fmt: export(kg_store, fmt) for fmt in FORMATS}


def _start(store_dir, seed: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED=str(seed))
    return subprocess.Popen([sys.executable, "-c", HASHES, str(store_dir)], env=env,
                            stdout=subprocess.PIPE, text=True)


def test_byte_identical_under_different_hash_seeds(kg_store_dir, dumps):
    procs = {seed: _start(kg_store_dir, seed) for seed in (0, 1, 12345)}  # in parallel
    runs = {seed: p.communicate(timeout=600)[0] for seed, p in procs.items()}
    assert all(p.returncode == 0 for p in procs.values())
    assert len(set(runs.values())) == 1, runs
    here = "".join(f"{f} {hashlib.sha256(d).hexdigest()}\n" for f, d in dumps.items())
    assert runs[0] == here


@pytest.mark.parametrize("fmt", FORMATS)
def test_parses_back_without_blank_nodes(fmt, dumps, kg_store):
    data = dumps[fmt]
    distinct_triples = len({(q.subject, q.predicate, q.object) for q in kg_store.ox})
    if fmt in ("trig", "nq"):
        ds = Dataset()
        ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        quads = [q for q in ds.quads((None, None, None, None)) if q[3] is not None]
        assert len(quads) == len(kg_store)
        terms = [t for q in quads for t in q[:3]]
    else:
        g = Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
        assert len(g) == distinct_triples
        terms = [t for tr in g for t in tr]
    assert not any(isinstance(t, BNode) for t in terms)
    assert b"_:" not in data


def test_turtle_uses_the_project_prefixes(dumps):
    text = dumps["turtle"].decode()
    declared = dict(re.findall(r"^@prefix (\w+): <([^>]+)> \.$", text, flags=re.M))
    assert declared and all(PREFIXES.get(p) == ns for p, ns in declared.items()), declared
    for p in ("lgkg", "skos", "dct", "prov"):
        assert p in declared and f"{p}:" in text.split("\n\n", 1)[1]


def test_cli_writes_the_same_bytes(kg_store_dir, dumps, tmp_path):
    out = tmp_path / "graph.ttl"
    res = CliRunner().invoke(app, ["export", "--store", str(kg_store_dir), "--format", "turtle", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_bytes() == dumps["turtle"]


def test_unknown_format_is_a_usage_error(kg_store_dir):
    res = CliRunner().invoke(app, ["export", "--store", str(kg_store_dir), "--format", "rdfxml"])
    assert res.exit_code == 2 and "rdfxml" in res.output
