"""Hand-written work reports in conventions the bundled ones do not use (unseen/*, see its README).

One test per report and fact type, asserting the extracted facts equal the expected ones as
multisets (as test_cases.py does). Nothing is xfail: every failure is a convention of the genre the
loader does not read yet. `pytest -s` (or `python -m tests.loaders.workreport.score --dir unseen`)
prints precision and recall per fact type.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import pytest

from tests.loaders.workreport import score as sc
from tests.loaders.workreport.facts import norm, score

DOCS = sc.documents("unseen")
NAMES = [name for name, _, _ in DOCS]
PAIRS = [(name, key) for name, _, exp in DOCS for key in json.loads(exp.read_text(encoding="utf-8"))]


@lru_cache(maxsize=None)
def _got(name: str) -> dict:
    _, text, _ = next(d for d in DOCS if d[0] == name)
    return sc.extract(name, text)


def _want(name: str) -> dict:
    _, _, exp = next(d for d in DOCS if d[0] == name)
    return sc.load_expected(exp)


@pytest.fixture(scope="module")
def table():
    """The P/R/F1 table of the unseen reports (shown with `pytest -s`)."""
    return sc.run("unseen")


def test_enough_unseen_reports(table):
    assert len(DOCS) >= 5
    assert set(table["per_document"]) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_expected_facts_hold_no_person_data(name):
    """Person names (`김○○`, `…과장 …`) and phone numbers occur in the inputs, never in the expected facts."""
    text = json.dumps(_want(name), ensure_ascii=False)
    assert not re.search(r"☎|\d{2,3}-\d{3,4}-\d{4}|○○|주무관|팀장|과장 ", text)


@pytest.mark.parametrize("name", NAMES)
def test_unseen_report_length(name):
    _, text, _ = next(d for d in DOCS if d[0] == name)
    assert 150 <= len(text.read_text(encoding="utf-8").split("\n")) <= 400


def _multiset(rows):
    return sorted(repr(norm(r)) for r in rows)


@pytest.mark.parametrize("name,key", PAIRS, ids=[f"{n}-{k}" for n, k in PAIRS])
def test_unseen(name, key):
    want = _want(name)[key]
    got = _got(name)
    if key == "document":
        wrong = {k: (v, got["document"][k]) for k, v in want.items() if norm(got["document"][k]) != norm(v)}
        assert not wrong, f"{name}: document (want, got): {wrong}"
        return
    tp, n_exp, n_got = score(want, got[key])
    assert _multiset(got[key]) == _multiset(want), (
        f"{name}: {key} matched {tp} of {n_exp} expected, {n_got} extracted"
        f"\n missing: {sorted(set(_multiset(want)) - set(_multiset(got[key])))}"
        f"\n   extra: {sorted(set(_multiset(got[key])) - set(_multiset(want)))}")


def test_prf():
    assert sc.prf(1, 2, 4) == (0.25, 0.5, pytest.approx(1 / 3))
    assert sc.prf(0, 0, 0) == (None, None, None)
    assert sc.prf(0, 0, 3) == (0.0, None, 0.0)
    assert sc.prf(0, 5, 0) == (0.0, 0.0, 0.0)
    assert sc.prf(4, 4, 4) == (1.0, 1.0, 1.0)
