"""Metamorphic tests on the unseen reports (unseen/*/input.txt, other districts' conventions): each
report, rewritten by every layout rewrite of metamorphic.REWRITES, must give the facts its original
gives (per fact type, as multisets of normalised facts; the document info too), and its extraction
report may warn of nothing the original's does not.

The loader was not built on these reports, so this grid guards the genre rather than the bundled
files. Nothing is xfail: a fact type of a report x rewrite that the loader does not read yet is left
out with its reason in KNOWN (as tests/loaders/formats/test_roundtrip.py does with KNOWN_MISSES), and
`test_known_still_differ` fails once it reads the same, so that the row is removed.

    python -m tests.loaders.workreport.test_metamorphic_unseen

prints the cells that differ (found/expected, +extra), KNOWN ones marked.
"""
from __future__ import annotations

import sys
from functools import lru_cache

import pytest

from tests.loaders.workreport import metamorphic as mm
from tests.loaders.workreport import score as sc

DOCS = {name: path for name, path, _ in sc.documents("unseen")}
KINDS = mm.fact_types()

# (report, rewrite) -> {fact type: why the rewritten report does not give the original's facts}
KNOWN: dict[tuple[str, str], dict[str, str]] = {
}


@lru_cache(maxsize=None)
def _text(name: str) -> str:
    return DOCS[name].read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def records(name: str, rewrite: str | None = None) -> tuple:
    """The records of the unseen report `name`, rewritten by REWRITES[rewrite] (None: the original)."""
    from loaders.workreport import extract_text

    text = _text(name) if rewrite is None else mm.REWRITES[rewrite](_text(name))
    return tuple(extract_text(text, file_name=f"{name}.txt", doc_id=name, sha256="0" * 64))


@lru_cache(maxsize=None)
def facts(name: str, rewrite: str | None = None) -> dict:
    """to_facts of the unseen report `name`, rewritten by REWRITES[rewrite] (None: the original)."""
    from tests.loaders.workreport.facts import to_facts

    return to_facts(list(records(name, rewrite)))


def warnings(name: str, rewrite: str | None = None) -> set:
    from loaders.records import ExtractionCheck

    return {(c.kind, c.warning) for c in records(name, rewrite) if isinstance(c, ExtractionCheck) and c.warning}


def differences(name: str, rewrite: str) -> dict[str, str]:
    """Fact type -> `found/expected +extra` where the rewritten report's facts differ from the original's."""
    want, got = facts(name), facts(name, rewrite)
    out = {}
    for kind in KINDS:
        missing, extra = mm.compare(want[kind], got[kind])
        if missing or extra:
            out[kind] = f"{len(want[kind]) - len(missing)}/{len(want[kind])} +{len(extra)}"
    if got["document"] != want["document"]:
        out["document"] = ", ".join(k for k in want["document"] if want["document"][k] != got["document"][k])
    return out


CELLS = [(name, rewrite) for name in DOCS for rewrite in mm.REWRITES]


def _show(rows, limit=8):
    rows = list(rows)
    more = f"\n    … and {len(rows) - limit} more" if len(rows) > limit else ""
    return "".join(f"\n    {r!r}" for r in rows[:limit]) + more


@pytest.mark.parametrize("name,rewrite", CELLS, ids=[f"{n}-{r}" for n, r in CELLS])
def test_same_facts(name, rewrite):
    known = KNOWN.get((name, rewrite), {})
    want, got = facts(name), facts(name, rewrite)
    assert got["document"] == want["document"], {k: (want["document"][k], got["document"][k])
                                                 for k in want["document"] if want["document"][k] != got["document"][k]}
    report = []
    for kind in KINDS:
        if kind in known:
            continue
        missing, extra = mm.compare(want[kind], got[kind])
        if missing or extra:
            report.append(f"{kind} {len(want[kind]) - len(missing)}/{len(want[kind])} found, {len(extra)} extra"
                          f"\n  missing:{_show(missing)}\n  extra:{_show(extra)}")
    assert not report, f"{name} rewritten by {rewrite}: " + "\n".join(report)


@pytest.mark.parametrize("name,rewrite", CELLS, ids=[f"{n}-{r}" for n, r in CELLS])
def test_no_warning_that_the_original_does_not_raise(name, rewrite):
    """The extraction report of a rewritten report warns of nothing the original's does not."""
    assert warnings(name, rewrite) <= warnings(name), sorted(warnings(name, rewrite) - warnings(name))


@pytest.mark.parametrize("cell", sorted(KNOWN), ids=[f"{n}-{r}" for n, r in sorted(KNOWN)])
def test_known_still_differ(cell):
    """A KNOWN row names a fact type that still differs (else the row is stale: remove it)."""
    name, rewrite = cell
    assert name in DOCS and rewrite in mm.REWRITES
    assert all(KNOWN[cell].values())  # every row says why
    fixed = set(KNOWN[cell]) - set(differences(name, rewrite))
    assert not fixed, f"{name} rewritten by {rewrite} now gives the original's {sorted(fixed)}: remove from KNOWN"


def main(out=sys.stdout) -> int:
    bad = 0
    for name, rewrite in CELLS:
        diff = differences(name, rewrite)
        if diff:
            bad += 1
            known = KNOWN.get((name, rewrite), {})
            print(f"{name:32} {rewrite:24} " + "; ".join(f"{k} {v}" + (" (KNOWN)" if k in known else "")
                                                          for k, v in diff.items()), file=out)
    print(f"{bad} of {len(CELLS)} report x rewrite cells differ", file=out)
    return bad


if __name__ == "__main__":
    main()
