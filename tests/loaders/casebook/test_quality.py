"""Precision / recall against facts written by hand from the 2021 casebook."""
from __future__ import annotations

import json
from pathlib import Path

from tests.loaders.casebook import matching as m

EXPECTED = Path(__file__).parent / "expected" / "002_1883cbad05eb4de7.json"
THRESHOLDS = {"entries": 0.95, "awards": 0.95, "agreements": 0.95, "adoptions": 0.90, "selections": 0.90}
MATCHERS = {"entries": m.match_entry, "awards": m.match_award, "agreements": m.match_agreement,
            "adoptions": m.match_adoption, "selections": m.match_selection}


def test_precision_recall(casebook_records, gazetteer, capsys):
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    got = m.facts(casebook_records, m.Namer(gazetteer, "2021-12-31"))
    got["agreements"] = m.dedupe_agreements(got["agreements"])
    expected["agreements"] = m.dedupe_agreements(expected["agreements"])
    rows, failures = [], []
    for kind, matcher in MATCHERS.items():
        n = m.greedy(expected[kind], got[kind], matcher)
        p, r = m.prf(n, len(expected[kind]), len(got[kind]))
        rows.append((kind, len(expected[kind]), len(got[kind]), n, p, r))
        if p < THRESHOLDS[kind] or r < THRESHOLDS[kind]:
            failures.append(f"{kind}: precision {p:.3f}, recall {r:.3f} < {THRESHOLDS[kind]}")
    report = m.table(rows)
    with capsys.disabled():
        print("\n" + report)
    assert not failures, report + "\n" + "\n".join(failures) + "\n" + _misses(expected, got)


def test_adoption_source_and_channel(casebook_records, gazetteer):
    """Among matched adoptions, source and channel agree with the hand-written facts."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["adoptions"]
    got = m.facts(casebook_records, m.Namer(gazetteer, "2021-12-31"))["adoptions"]
    agree = total = 0
    for e in expected:
        g = next((g for g in got if m.match_adoption(e, g)), None)
        if g is None:
            continue
        total += 1
        agree += e["source"] == g["source"] and e["channel"] == g["channel"]
    assert total and agree / total >= 0.85, f"{agree}/{total}"


def test_selection_details(casebook_records, gazetteer):
    """Among matched selections, awarder, date and amount agree with the hand-written facts
    wherever those state them."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["selections"]
    got = m.facts(casebook_records, m.Namer(gazetteer, "2021-12-31"))["selections"]
    wrong = []
    for e in expected:
        g = next((g for g in got if m.match_selection(e, g)), None)
        if g is None:
            continue
        for k in ("awarder", "date", "amount_krw"):
            if e[k] is not None and g[k] != e[k]:
                wrong.append(f"line {e['line']}: {k} {g[k]!r} != {e[k]!r}")
            if e[k] is None and g[k] is not None:
                wrong.append(f"line {e['line']}: {k} {g[k]!r} where the text states none")
    assert not wrong, "\n".join(wrong)


def test_agreement_signings(casebook_records, gazetteer, capsys):
    """Every signing of a multi-party or repeated agreement is one Agreement with every named partner."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))["agreement_signings"]
    got = m.signings(casebook_records, m.Namer(gazetteer, "2021-12-31"))
    missed = [e for e in expected if not any(m.match_signing(e, g) for g in got)]
    with capsys.disabled():
        print(f"\nagreement signings: {len(expected) - len(missed)}/{len(expected)} found")
    assert not missed, "\n".join(f"missed: {e}\n  got: {[g for g in got if g['agency'] == e['agency']]}"
                                  for e in missed)


def test_document_info(casebook_records):
    doc = casebook_records[0]
    assert doc.genre == "casebook" and doc.year == "2021" and doc.reference_date == "2021-12-31"
    assert doc.issuer is None


def _misses(expected, got) -> str:
    out = []
    for kind, matcher in MATCHERS.items():
        for e in expected[kind]:
            if not any(matcher(e, g) for g in got[kind]):
                out.append(f"missed {kind}: {e}")
        for g in got[kind]:
            if not any(matcher(e, g) for e in expected[kind]):
                out.append(f"extra {kind}: {g}")
    return "\n".join(out)
