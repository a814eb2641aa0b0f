"""Precision / recall / F1 of the work-report loader against hand-written expected facts.

    python -m tests.loaders.workreport.score [--dir unseen|cases|expected] [--types a,b,...]

`unseen` and `cases` are directories of `<name>/{input.txt,expected.json}`; `expected` pairs
`data/sources/<stem>.txt` with `expected/<stem>.json`. A fact type is scored for a document only
if its expected.json has that key. Prints per document and fact type matched/expected/extracted
with P, R, F1, then the pooled figures per fact type and their mean (macro-F1). A fact type with
nothing expected and nothing extracted is left out of the mean; one with nothing expected but
something extracted counts as F1 0.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
TYPES = ("divisions", "staffing", "programs", "budget_lines", "sister_cities", "discounts", "agreements", "awards")


def documents(which: str) -> list[tuple[str, Path, Path]]:
    """(name, input text, expected json) for a corpus."""
    if which == "expected":
        return [(p.stem, ROOT / "data" / "sources" / f"{p.stem}.txt", p) for p in sorted((HERE / "expected").glob("*.json"))]
    base = HERE / which
    return [(d.name, d / "input.txt", d / "expected.json") for d in sorted(base.iterdir())
            if (d / "input.txt").exists() and (d / "expected.json").exists()]


def load_expected(path: Path) -> dict:
    want = json.loads(path.read_text(encoding="utf-8"))
    if "agreements" in want:
        want["agreements"] = [[sorted(p), d] for p, d in want["agreements"]]
    return want


def extract(name: str, text_path: Path) -> dict:
    """to_facts of the loader's records; raises whatever the loader raises."""
    from loaders.workreport import extract_text
    from tests.loaders.workreport.facts import to_facts

    text = text_path.read_text(encoding="utf-8")
    return to_facts(extract_text(text, file_name=text_path.name, doc_id=name, sha256="0" * 64))


def prf(tp: int, n_exp: int, n_got: int) -> tuple[float | None, float | None, float | None]:
    if n_exp == 0 and n_got == 0:
        return None, None, None
    p = tp / n_got if n_got else (1.0 if n_exp == 0 else 0.0)
    r = tp / n_exp if n_exp else (1.0 if n_got == 0 else 0.0)
    if n_exp == 0:  # something extracted where nothing is
        return 0.0, None, 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _fmt(x: float | None) -> str:
    return "    -" if x is None else f"{x:5.2f}"


def run(which: str, types=TYPES, out=sys.stdout) -> dict:
    """Score a corpus; print the table; return {type: (tp, expected, extracted)} pooled and the macro-F1."""
    from tests.loaders.workreport.facts import score

    pooled = {t: [0, 0, 0] for t in types}
    per_doc_macro = {}
    print(f"{'document':<28} {'fact type':<14} {'match':>5} {'exp':>5} {'got':>5}     P     R    F1", file=out)
    for name, text_path, exp_path in documents(which):
        want = load_expected(exp_path)
        try:
            got = extract(name, text_path)
            error = None
        except Exception as exc:  # noqa: BLE001 - a crash scores zero and is reported
            got, error = None, f"{type(exc).__name__}: {exc}"
        f1s = []
        for t in types:
            if t not in want:
                continue
            g = [] if got is None else got[t]
            tp, e, n = score(want[t], g)
            for i, v in enumerate((tp, e, n)):
                pooled[t][i] += v
            p, r, f = prf(tp, e, n)
            if f is not None:
                f1s.append(f)
            print(f"{name[:28]:<28} {t:<14} {tp:>5} {e:>5} {n:>5} {_fmt(p)} {_fmt(r)} {_fmt(f)}", file=out)
        if "document" in want:
            fields = want["document"]
            ok = 0 if got is None else sum(
                _same(got["document"].get(k), v) for k, v in fields.items())
            print(f"{name[:28]:<28} {'document':<14} {ok:>5} {len(fields):>5}", file=out)
        macro = sum(f1s) / len(f1s) if f1s else None
        per_doc_macro[name] = macro
        print(f"{name[:28]:<28} {'macro-F1':<14} {'':>17} {'':>11} {_fmt(macro)}"
              + (f"   LOADER FAILED: {error}" if error else ""), file=out)
        print(file=out)
    print(f"{'all documents':<28} {'fact type':<14} {'match':>5} {'exp':>5} {'got':>5}     P     R    F1", file=out)
    f1s = []
    for t in types:
        tp, e, n = pooled[t]
        p, r, f = prf(tp, e, n)
        if f is not None:
            f1s.append(f)
        print(f"{'':<28} {t:<14} {tp:>5} {e:>5} {n:>5} {_fmt(p)} {_fmt(r)} {_fmt(f)}", file=out)
    macro = sum(f1s) / len(f1s) if f1s else None
    print(f"{'':<28} {'macro-F1':<14} {'':>17} {'':>11} {_fmt(macro)}", file=out)
    return {"pooled": {t: tuple(v) for t, v in pooled.items()}, "macro_f1": macro, "per_document": per_doc_macro}


def _same(a, b) -> bool:
    from tests.loaders.workreport.facts import norm

    return norm(a) == norm(b)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.loaders.workreport.score", description=__doc__.split("\n")[0])
    ap.add_argument("--dir", default="unseen", choices=("unseen", "cases", "expected"))
    ap.add_argument("--types", default=",".join(TYPES), help="comma-separated fact types (default: %(default)s)")
    args = ap.parse_args(argv)
    run(args.dir, tuple(t for t in args.types.split(",") if t))
    return 0


if __name__ == "__main__":
    sys.exit(main())
