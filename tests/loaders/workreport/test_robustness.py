"""Mangled real reports never raise anything but KgError subclasses."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from loaders.workreport import extract_text

SOURCES = Path(__file__).resolve().parents[3] / "data" / "sources"
LINES = {stem: (SOURCES / f"{stem}.txt").read_text(encoding="utf-8").split("\n")
         for stem in ("000_f06941a74a258fad", "001_3a47f10a3fb60216", "004_845debc1c9c51afa")}


@st.composite
def mangled(draw):
    stem = draw(st.sampled_from(sorted(LINES)))
    lines = list(LINES[stem])
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(["drop", "dup", "swap", "cut"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(j, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]))))]
    if draw(st.booleans()):
        start = draw(st.integers(0, max(0, len(lines) - 1)))
        lines = lines[start:start + draw(st.integers(1, 400))]
    return "\n".join(lines)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_only_kg_errors(text):
    try:
        records = extract_text(text, file_name="m.txt", doc_id="m", sha256="0")
    except KgError as exc:
        assert exc.file == "m.txt"
        return
    assert records and records[0].genre == "work-report"
