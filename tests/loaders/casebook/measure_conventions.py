"""P/R/F1 per fact type on the casebooks in other conventions (tests/loaders/casebook/conventions/).

    .venv/bin/python -m tests.loaders.casebook.measure_conventions
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.gazetteer import Gazetteer
from loaders.casebook import extract_text
from loaders.errors import KgError
from loaders.records import Case
from tests.loaders.casebook import matching as m

DIR = Path(__file__).parent / "conventions"
KINDS = {"entries": m.match_entry, "awards": m.match_award, "agreements": m.match_agreement,
         "adoptions": m.match_adoption}


def case_match(e, g) -> bool:
    return m.similar(e["name"], g["name"], 0.8) and e["origin"] == g["origin"]


def measure(case_dir: Path, gz) -> dict[str, tuple[int, int, int]]:
    """kind -> (expected, found, matched)."""
    text = (case_dir / "input.txt").read_text(encoding="utf-8")
    expected = json.loads((case_dir / "expected.json").read_text(encoding="utf-8"))
    try:
        records = extract_text(text, file_name="input.txt", doc_id=case_dir.name, sha256="0")
    except KgError as exc:
        print(f"{case_dir.name}: {exc}", file=sys.stderr)
        records = []
    name = m.Namer(gz, f"{expected.get('year') or 2021}-12-31")
    got = m.facts(records, name) if records else {k: [] for k in KINDS}
    got["cases"] = [{"name": c.name, "origin": name(c.origin)} for c in records if isinstance(c, Case)]
    out = {}
    for kind, matcher in {**KINDS, "cases": case_match}.items():
        exp = expected.get(kind, [])
        if kind == "agreements":
            exp = m.dedupe_agreements(exp)
        out[kind] = (len(exp), len(got[kind]), m.greedy(exp, got[kind], matcher))
    return out


def main() -> None:
    gz = Gazetteer.load()
    for d in sorted(p for p in DIR.iterdir() if (p / "input.txt").exists()):
        print(d.name)
        print(f"  {'fact':<11}{'exp':>4}{'got':>5}{'match':>6}{'P':>7}{'R':>7}{'F1':>7}")
        for kind, (ne, ng, nm) in measure(d, gz).items():
            p, r = m.prf(nm, ne, ng)
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"  {kind:<11}{ne:>4}{ng:>5}{nm:>6}{p:>7.2f}{r:>7.2f}{f:>7.2f}")


if __name__ == "__main__":
    main()
