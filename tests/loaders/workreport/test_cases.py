"""Synthetic reports that vary what real reports vary; one directory per case."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.workreport import extract_text
from tests.loaders.workreport.facts import norm, to_facts

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "input.txt").exists())


def test_enough_cases():
    assert len(CASES) >= 8


def _multiset(rows):
    return sorted((repr(norm(r)) for r in rows))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(case: Path):
    text = (case / "input.txt").read_text(encoding="utf-8")
    want = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = to_facts(extract_text(text, file_name="input.txt", doc_id=case.name, sha256="0" * 64))
    if "agreements" in want:
        want["agreements"] = [[sorted(p), d] for p, d in want["agreements"]]
    for key, value in want.items():
        if key == "document":
            for k, v in value.items():
                assert norm(got["document"][k]) == norm(v), (case.name, k, got["document"][k])
            continue
        assert _multiset(got[key]) == _multiset(value), f"{case.name}: {key}\n got: {got[key]}\nwant: {value}"
