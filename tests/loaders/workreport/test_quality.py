"""Precision and recall against facts written by hand from the three seed reports.

Run with `pytest -s` to see the table. Outcomes and milestones are checked for
recall only, on hand-picked subsets.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.workreport import extract_text
from tests.loaders.workreport.facts import norm, score, to_facts

ROOT = Path(__file__).resolve().parents[3]
SOURCES = ROOT / "data" / "sources"
EXPECTED = Path(__file__).parent / "expected"
STEMS = ["000_f06941a74a258fad", "001_3a47f10a3fb60216", "004_845debc1c9c51afa"]
STRICT = ("programs", "budget_lines", "divisions", "staffing", "sister_cities", "discounts", "agreements")
RECALL_ONLY = ("outcomes", "milestones")
REPORTED = ("awards", "status")


def load(stem: str):
    text = (SOURCES / f"{stem}.txt").read_text(encoding="utf-8")
    got = to_facts(extract_text(text, file_name=f"{stem}.txt", doc_id=stem, sha256="0" * 64))
    want = json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))
    want["agreements"] = [[sorted(parties), date] for parties, date in want["agreements"]]
    return got, want


@pytest.fixture(scope="module")
def table():
    rows = {}
    for kind in STRICT + RECALL_ONLY + REPORTED:
        tp = n_exp = n_got = 0
        for stem in STEMS:
            got, want = load(stem)
            t, e, g = score(want.get(kind, []), got[kind])
            tp, n_exp, n_got = tp + t, n_exp + e, n_got + g
        rows[kind] = (tp, n_exp, n_got)
    print("\nfact type        expected  extracted  matched  precision  recall")
    for kind, (tp, e, g) in rows.items():
        p = tp / g if g else 1.0
        r = tp / e if e else 1.0
        print(f"{kind:<16} {e:>8} {g:>10} {tp:>8} {p:>10.3f} {r:>7.3f}")
    return rows


@pytest.mark.parametrize("kind", STRICT)
def test_precision_and_recall(table, kind):
    tp, e, g = table[kind]
    precision = tp / g if g else 1.0
    recall = tp / e if e else 1.0
    assert precision >= 0.95 and recall >= 0.95, (kind, precision, recall)


@pytest.mark.parametrize("kind", RECALL_ONLY)
def test_recall_of_hand_picked(table, kind):
    tp, e, _g = table[kind]
    assert e == 0 or tp / e >= 0.8, (kind, tp, e)


@pytest.mark.parametrize("stem", STEMS)
def test_document_info(stem):
    got, want = load(stem)
    assert {k: norm(v) for k, v in got["document"].items()} == {k: norm(v) for k, v in want["document"].items()}


def test_awards_exact():
    got, want = load("000_f06941a74a258fad")
    assert [norm(a) for a in got["awards"]] == [norm(a) for a in want["awards"]]
