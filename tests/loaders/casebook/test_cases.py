"""Synthetic casebook pages, one directory each: input.txt + expected.json.

Layouts varied on purpose: agency glued to a page number, page number on the
line before, an empty header region, no 주요내용요약, awards in tables and prose,
diffusion written both ways, an indicator outside the 2021 scheme, a 2022 title.
"""
from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest

from loaders.casebook import extract_text
from loaders.records import Case, Entry, Outcome
from tests.loaders.casebook import matching as m

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "input.txt").exists())
KINDS = {"entries": m.match_entry, "awards": m.match_award, "agreements": m.match_agreement,
         "adoptions": m.match_adoption}


def test_enough_cases():
    assert len(CASES) >= 6


@pytest.mark.parametrize("case_dir", CASES, ids=[p.name for p in CASES])
def test_case(case_dir: Path, gazetteer):
    text = (case_dir / "input.txt").read_text(encoding="utf-8")
    expected = json.loads((case_dir / "expected.json").read_text(encoding="utf-8"))
    records = extract_text(text, file_name="input.txt", doc_id=case_dir.name, sha256="0")
    year = expected.get("year")
    assert records[0].year == year
    name = m.Namer(gazetteer, f"{year or 2021}-12-31")
    got = m.facts(records, name)
    problems = []
    for kind, matcher in KINDS.items():
        if kind not in expected:
            continue
        exp = m.dedupe_agreements(expected[kind]) if kind == "agreements" else expected[kind]
        n = m.greedy(exp, got[kind], matcher)
        if n != len(exp) or n != len(got[kind]):
            problems.append(f"{kind}: expected {exp}\n   got {got[kind]}")
    for e in expected.get("adoptions", []):
        g = next((g for g in got["adoptions"] if matcher_ok(e, g)), None)
        if g is None:
            problems.append(f"adoption source/channel/date: {e}")
    cases = [r for r in records if isinstance(r, Case)]
    for c in expected.get("cases", []):
        hit = [x for x in cases if m.similar(c["name"], x.name, 0.8)]
        if not hit or name(hit[0].origin) != c["origin"]:
            problems.append(f"case {c} not in {[(x.name, name(x.origin)) for x in cases]}")
    if "one_case" in expected:
        keys = {x.key for x in cases if any(n == x.name or n in x.alt_names for n in expected["one_case"])}
        names = [n for x in cases for n in (x.name, *x.alt_names)]
        if len(keys) != 1 or not set(expected["one_case"]) <= set(names):
            problems.append(f"one case expected for {expected['one_case']}: {[(x.key, x.name, x.alt_names) for x in cases]}")
    entries = [r for r in records if isinstance(r, Entry)]
    for want, e in zip(expected.get("highlights", []), entries):
        if list(e.highlights) != want:
            problems.append(f"highlights {e.highlights} != {want}")
    outcomes = [r for r in records if isinstance(r, Outcome)]
    for o in expected.get("outcomes", []):
        if not any(x.metric == o["metric"] and x.value == Decimal(o["value"]) and x.unit == o["unit"]
                   for x in outcomes):
            problems.append(f"outcome {o} not in {[(x.metric, x.value, x.unit) for x in outcomes]}")
    for person in expected.get("people", []):
        for r in records:
            if person in repr(dataclasses.astuple(r)) if dataclasses.is_dataclass(r) else False:
                problems.append(f"person {person} in {type(r).__name__}")
    assert not problems, "\n".join(problems)


def matcher_ok(e, g) -> bool:
    return (m.match_adoption(e, g) and e["source"] == g["source"] and e["channel"] == g["channel"]
            and ("date" not in e or e["date"] == g.get("date")))
