"""Mangled casebooks raise KgError subclasses only (or load), never another exception."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from loaders.casebook import extract_text
from tests.loaders.casebook.conftest import CASEBOOK

LINES = CASEBOOK.read_text(encoding="utf-8").split("\n")


@st.composite
def mangled(draw):
    start = draw(st.integers(0, len(LINES) - 400))
    chunk = LINES[start:start + draw(st.integers(50, 400))]
    for _ in range(draw(st.integers(0, 12))):
        i = draw(st.integers(0, len(chunk) - 1))
        op = draw(st.sampled_from(["drop", "dup", "swap", "cut"]))
        if op == "drop":
            del chunk[i]
        elif op == "dup":
            chunk.insert(i, chunk[i])
        elif op == "swap":
            j = draw(st.integers(0, len(chunk) - 1))
            chunk[i], chunk[j] = chunk[j], chunk[i]
        else:
            chunk[i] = chunk[i][: draw(st.integers(0, max(0, len(chunk[i]))))]
        if not chunk:
            break
    if draw(st.booleans()):
        chunk = draw(st.permutations(chunk))
    return "\n".join(chunk)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_slices_raise_only_kg_errors(text):
    try:
        records = extract_text(text, file_name="m.txt", doc_id="m", sha256="0")
    except KgError as exc:
        assert exc.file == "m.txt"
        return
    assert records[0].genre == "casebook"
