"""Bad documents through `kg ingest FILE --store DIR` (a real process): one clear
line naming the file (and line), exit 2, no traceback, the store unchanged; a
truncated report gives the facts it still holds. SECURITY.md, promise 1."""
from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.robustness.conftest import KG, LONG, ROOT, SOURCES, export_nq, kg_env, run_kg

REPORT = SOURCES / "000_f06941a74a258fad.txt"
TABLES = SOURCES / "001_3a47f10a3fb60216.txt"


def _assert_refused(res, name: str, pattern: str) -> None:
    assert res.returncode == 2, (res.returncode, res.stderr[-2000:])
    assert "Traceback" not in res.stderr + res.stdout
    failed = [l for l in res.stderr.splitlines() if "FAILED" in l or l.startswith("error:")]
    assert len(failed) == 1, res.stderr
    assert name in failed[0] and re.search(pattern, failed[0]), failed[0]


def _mangled_tables(text: str) -> str:
    rnd = random.Random(8)
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            r = rnd.random()
            if r < 0.3:
                line = line.replace("\t", "")
            elif r < 0.6:
                line = line.replace("\t", "\t\t\t")
            else:
                line = line.split("\t")[0] + "\t" * 5
        out.append(line)
    return "\n".join(out)


BAD = {
    # name: (bytes, pattern the message must match)
    "empty.txt": (b"", r"empty document"),
    "blank.txt": (b"\n \n\t\n", r"empty document"),
    "report.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", r"PDF"),
    "report.hwp": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), r"HWP"),
    "diary.txt": ("오늘은 날씨가 좋았다.\n점심에 김치찌개를 먹었다.\n".encode(), r"not a council work report"),
    "lone80.txt": (REPORT.read_bytes()[:2000].rsplit(b"\n", 1)[0] + b"\n\x80\n", r":\d+: .*byte 0x80"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_document_is_refused_and_store_unchanged(name, store_copy, tmp_path):
    data, pattern = BAD[name]
    f = tmp_path / name
    f.write_bytes(data)
    before = export_nq(store_copy)
    _assert_refused(run_kg("ingest", f, "--store", store_copy), name, pattern)
    assert export_nq(store_copy) == before


def test_missing_file_directory_and_device(store_copy, tmp_path):
    before = export_nq(store_copy)
    for target, pattern in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "directory"),
                            (Path("/dev/zero"), "not a regular file")):
        _assert_refused(run_kg("ingest", target, "--store", store_copy), str(target), pattern)
    assert export_nq(store_copy) == before


def test_truncated_report_gives_the_facts_it_holds(store_copy, tmp_path):
    f = tmp_path / REPORT.name  # same name: replaces the full report's graph
    f.write_text("\n".join(REPORT.read_text(encoding="utf-8").split("\n")[:30]), encoding="utf-8")
    res = run_kg("ingest", f, "--store", store_copy)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    out = run_kg("query", "documents", "--store", store_copy, "--format", "json")
    assert out.returncode == 0 and "서울특별시 종로구" in out.stdout and REPORT.stem in out.stdout


def test_broken_tables_never_crash(store_copy, tmp_path):
    f = tmp_path / TABLES.name
    f.write_text(_mangled_tables(TABLES.read_text(encoding="utf-8")), encoding="utf-8")
    before = export_nq(store_copy)
    res = run_kg("ingest", f, "--store", store_copy)
    assert "Traceback" not in res.stderr
    if res.returncode == 2:  # refused: one line, store unchanged
        _assert_refused(res, f.name, ".")
        assert export_nq(store_copy) == before
    else:
        assert res.returncode == 0, res.stderr


_MEASURE = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "sys.stderr.write(f\"\\nRSS_KB={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n\")\n"
    "sys.exit(r.returncode)\n"
)


def _run_measured(args, timeout=300, **env):
    """Run `kg ARGS` under a wrapper whose only child it is: (completed process,
    seconds, peak RSS of `kg` in MB, from getrusage(RUSAGE_CHILDREN))."""
    t0 = time.monotonic()
    res = subprocess.run([sys.executable, "-c", _MEASURE, *KG, *map(str, args)], capture_output=True, text=True,
                         timeout=timeout, env=kg_env(**env), cwd=ROOT)
    seconds = time.monotonic() - t0
    err, _, rss = res.stderr.rstrip("\n").rpartition("\nRSS_KB=")
    return subprocess.CompletedProcess(args, res.returncode, res.stdout, err), seconds, int(rss) / 1024


def _big_file(path: Path, kind: str, size: int = 100 * 2**20) -> None:
    with path.open("wb") as out:
        if kind == "report":
            data = REPORT.read_bytes()
            for _ in range(size // len(data) + 1):
                out.write(data)
        else:
            rnd = random.Random(100)
            syllables = [chr(c) for c in range(0xAC00, 0xAC00 + 2350)]
            written = 0
            while written < size:
                chunk = "\n".join(
                    " ".join("".join(rnd.choices(syllables, k=rnd.randint(1, 5))) for _ in range(rnd.randint(3, 15)))
                    for _ in range(2000)
                ).encode() + b"\n"
                out.write(chunk)
                written += len(chunk)


KINDS = ["report", "random"] if LONG else ["report"]


@pytest.mark.parametrize("kind", KINDS)
def test_100_mb_file_is_refused_fast_in_bounded_memory(kind, store_copy, tmp_path):
    f = tmp_path / f"big-{kind}.txt"
    _big_file(f, kind)
    before = export_nq(store_copy)
    res, seconds, rss_mb = _run_measured(["ingest", f, "--store", store_copy])
    print(f"100 MB {kind}: exit {res.returncode}, {seconds:.1f} s, peak RSS {rss_mb:.0f} MB")
    _assert_refused(res, f.name, r"100 MB is more than the 4 MB .*LGKG_MAX_DOC_MB")
    assert seconds < 30 and rss_mb < 300
    assert export_nq(store_copy) == before


def test_size_limit_is_overridable(tmp_path, store_copy):
    f = tmp_path / "small.txt"
    f.write_bytes(REPORT.read_bytes())
    res = run_kg("ingest", f, "--store", store_copy, LGKG_MAX_DOC_MB="0.01")
    _assert_refused(res, f.name, r"more than the 0\.01 MB")
    res = run_kg("ingest", f, "--store", store_copy, LGKG_MAX_DOC_MB="nonsense")
    assert res.returncode == 2 and "LGKG_MAX_DOC_MB" in res.stderr and "Traceback" not in res.stderr
    assert run_kg("ingest", f, "--store", store_copy, LGKG_MAX_DOC_MB="1").returncode == 0
