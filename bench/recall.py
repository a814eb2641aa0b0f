"""Planted facts (bench/generate.py) against the loaders' records: recall per type.

`match(records, facts)` -> list of (fact, found: bool). Matching is on key
fields only, normalised (NFC, no spaces); a fact counts as found when some
record of the right type agrees on all of them.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal

from loaders import records as r
from loaders.text import case_key


def norm(s: str | None) -> str:
    return re.sub(r"[\s'‘’\"“”「」]+", "", unicodedata.normalize("NFC", s or ""))


def _code(p) -> str | None:
    return p.code if p is not None else None


class Index:
    def __init__(self, records: list):
        self.doc = records[0]
        by: dict[type, list] = {}
        for x in records[1:]:
            by.setdefault(type(x), []).append(x)
        self.by = by
        self.program_titles = {p.key: norm(p.title) for p in by.get(r.Program, [])}
        self.case_names: dict[str, set[str]] = {}
        for c in by.get(r.Case, []):
            self.case_names[c.key] = {case_key(n) for n in (c.name, *c.alt_names)} | {c.key}

    def of(self, t):
        return self.by.get(t, [])


def _same_case(idx: Index, key: str, planted: str) -> bool:
    want = case_key(planted)
    names = idx.case_names.get(key, {key})
    return any(want == n or (len(n) >= 4 and (want in n or n in want)) for n in names)


def found(idx: Index, f: dict) -> bool:
    t = f["type"]
    if t == "document":
        d = idx.doc
        ok = d.year == f["year"]
        if "issuer" in f:
            ok = ok and _code(d.issuer) == f["issuer"]
        if "bureau" in f:
            ok = ok and norm(d.bureau) == norm(f["bureau"])
        return ok
    if t == "division":
        return any(norm(x.name) == norm(f["name"]) for x in idx.of(r.Division))
    if t == "staffing":
        return any(norm(x.unit) == norm(f["unit"]) and x.grade is None and x.authorized == f["authorized"]
                   and x.current == f["current"] for x in idx.of(r.Staffing))
    if t == "program":
        return any(norm(x.title) == norm(f["title"]) and ("budget_krw" not in f or x.budget_krw == f["budget_krw"])
                   for x in idx.of(r.Program))
    if t == "budget_line":
        want = norm(f["program"])
        for x in idx.of(r.BudgetLine):
            if idx.program_titles.get(x.program_key) != want or norm(x.source) != norm(f["source"]):
                continue
            if "amount_krw" in f and x.amount_krw != f["amount_krw"]:
                continue
            if "share" in f and (x.share is None or Decimal(x.share) != Decimal(f["share"])):
                continue
            return True
        return False
    if t == "sister_city":
        for x in idx.of(r.SisterCity):
            if "partner" in f and _code(x.partner) != f["partner"]:
                continue
            if "partner_name" in f and norm(f["partner_name"]) not in norm(x.partner.label):
                continue
            if f.get("date") and x.date != f["date"]:
                continue
            return True
        return False
    if t == "discount":
        return any(_code(x.offered_by) == f["offered_by"] and norm(x.facility) == norm(f["facility"])
                   and norm(x.rate) == norm(f["rate"]) for x in idx.of(r.Discount))
    if t == "agreement":
        for x in idx.of(r.Agreement):
            if "party" in f and any(_code(p) == f["party"] for p in x.parties):
                return True
            if "party_name" in f and any(norm(f["party_name"]) in norm(p.label) for p in x.parties):
                return True
        return False
    if t == "award":
        return any(_code(x.recipient) == f["recipient"] and norm(x.grade) == norm(f["grade"])
                   and (norm(f["award"]) in norm(x.award) or norm(x.award) in norm(f["award"]))
                   for x in idx.of(r.Award))
    if t == "entry":
        return any(_code(x.agency) == f["agency"] and norm(x.indicator) == norm(f["indicator"])
                   for x in idx.of(r.Entry))
    if t == "adoption":
        for x in idx.of(r.Adoption):
            if _code(x.adopter) != f["adopter"]:
                continue
            if "source" in f and _code(x.source) != f["source"]:
                continue
            if "case" in f and not _same_case(idx, x.case_key, f["case"]):
                continue
            return True
        return False
    raise ValueError(f"unknown planted fact type {t!r}")


def match(records: list, facts: list[dict]) -> list[tuple[dict, bool]]:
    idx = Index(records)
    return [(f, found(idx, f)) for f in facts]


class Tally:
    """Recall per fact type over many documents, with a few misses kept as examples."""

    def __init__(self, keep: int = 3):
        self.total: Counter = Counter()
        self.hit: Counter = Counter()
        self.misses: dict[str, list] = {}
        self.keep = keep
        self.failed_docs: list[str] = []

    def add(self, file: str, results: list[tuple[dict, bool]]) -> None:
        for f, ok in results:
            self.total[f["type"]] += 1
            if ok:
                self.hit[f["type"]] += 1
            else:
                ex = self.misses.setdefault(f["type"], [])
                if len(ex) < self.keep:
                    ex.append({"file": file, **f})

    def add_failed(self, file: str, facts: list[dict]) -> None:
        self.failed_docs.append(file)
        self.add(file, [(f, False) for f in facts])

    def recall(self) -> float:
        n = sum(self.total.values())
        return round(sum(self.hit.values()) / n, 4) if n else 0.0

    def as_dict(self) -> dict:
        return {"recall": self.recall(), "facts": sum(self.total.values()),
                "by_type": {t: {"planted": n, "found": self.hit[t], "recall": round(self.hit[t] / n, 4)}
                            for t, n in sorted(self.total.items())},
                "failed_documents": len(self.failed_docs), "miss_examples": self.misses}
