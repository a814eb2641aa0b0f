"""Compare extracted records with hand-written facts: precision / recall per fact type."""
from __future__ import annotations

import re
from collections import Counter

from kg import vocab
from loaders.casebook.agencies import official_name
from loaders.records import Adoption, Agreement, Award, Case, Entry, GrantSelection
from loaders.text import case_key


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def similar(a: str | None, b: str | None, threshold: float = 0.6) -> bool:
    """Names of the same thing, written a little differently."""
    if not a or not b:
        return False
    x, y = case_key(a), case_key(b)
    if x == y or (min(len(x), len(y)) >= 3 and (x in y or y in x)):
        return True
    bx, by = _bigrams(x), _bigrams(y)
    return len(bx & by) / min(len(bx), len(by)) >= threshold


def same_grade(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    if a is None or b is None:
        return False
    ka, kb = vocab.lookup("award-grades", a), vocab.lookup("award-grades", b)
    return (ka is not None and ka == kb) or "선정" in (a, b)


class Namer:
    def __init__(self, gazetteer, on: str):
        self.gz, self.on = gazetteer, on

    def __call__(self, party) -> str | None:
        if party is None:
            return None
        return official_name(self.gz, party.code, self.on) if party.code else party.label


def greedy(expected: list, got: list, match) -> int:
    """Number of one-to-one matches (first fit)."""
    used, n = set(), 0
    for e in expected:
        for i, g in enumerate(got):
            if i not in used and match(e, g):
                used.add(i)
                n += 1
                break
    return n


def prf(n_match: int, n_exp: int, n_got: int) -> tuple[float, float]:
    p = n_match / n_got if n_got else (1.0 if not n_exp else 0.0)
    r = n_match / n_exp if n_exp else 1.0
    return p, r


def facts(records, name: Namer) -> dict[str, list[dict]]:
    cases = {r.key: r for r in records if isinstance(r, Case)}

    def case_names(key):
        c = cases.get(key)
        return [c.name, *c.alt_names] if c else [key]

    out = {"entries": [], "awards": [], "agreements": [], "adoptions": [], "selections": []}
    for r in records:
        if isinstance(r, Entry):
            out["entries"].append({"agency": name(r.agency), "indicator": r.indicator,
                                   "contact_department": r.contact_department})
        elif isinstance(r, Award):
            out["awards"].append({"agency": name(r.recipient), "award": r.award, "grade": r.grade,
                                  "date": r.date})
        elif isinstance(r, Agreement):
            for p in r.parties[1:]:
                item = {"agency": name(r.parties[0]), "partner": name(p)}
                if item not in out["agreements"]:
                    out["agreements"].append(item)
        elif isinstance(r, GrantSelection):
            out["selections"].append({"agency": name(r.agency), "competition": r.competition, "awarder": r.awarder,
                                      "date": r.date, "amount_krw": r.amount_krw, "line": r.line})
        elif isinstance(r, Adoption):
            out["adoptions"].append({"adopter": name(r.adopter), "case": case_names(r.case_key),
                                     "source": name(r.source), "channel": r.channel, "date": r.date})
    return out


def match_entry(e, g) -> bool:
    return e == g


def match_award(e, g) -> bool:
    return e["agency"] == g["agency"] and same_grade(e["grade"], g["grade"]) and similar(e["award"], g["award"], 0.5)


def match_agreement(e, g) -> bool:
    return e["agency"] == g["agency"] and similar(e["partner"], g["partner"], 0.7)


def match_adoption(e, g) -> bool:
    return e["adopter"] == g["adopter"] and any(similar(e["case"], n, 0.6) for n in g["case"])


def match_selection(e, g) -> bool:
    """Same agency, same competition, and not two different years (a programme won again is
    another selection)."""
    if e["date"] and g["date"] and e["date"][:4] != g["date"][:4]:
        return False
    return e["agency"] == g["agency"] and similar(e["competition"], g["competition"], 0.6)


def signings(records, name: Namer) -> list[dict]:
    """Each Agreement record as one signing: agency, partners, date."""
    return [{"agency": name(r.parties[0]), "partners": [name(p) for p in r.parties[1:]], "date": r.date,
             "line": r.line} for r in records if isinstance(r, Agreement)]


def match_signing(e, g) -> bool:
    """Same agency, the same partners one to one, and the date when the hand-written fact has one."""
    if e["agency"] != g["agency"] or len(e["partners"]) != len(g["partners"]):
        return False
    if e["date"] is not None and e["date"] != g["date"]:
        return False
    left = list(g["partners"])
    for p in e["partners"]:
        hit = next((q for q in left if similar(p, q, 0.7)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def dedupe_agreements(items: list[dict]) -> list[dict]:
    seen, out = set(), []
    for it in items:
        k = (it["agency"], re.sub(r"\s", "", it["partner"] or ""))
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


def table(rows: list[tuple[str, int, int, int, float, float]]) -> str:
    lines = [f"{'fact':<12}{'expected':>9}{'found':>7}{'matched':>8}{'precision':>10}{'recall':>8}"]
    for kind, n_exp, n_got, n_m, p, r in rows:
        lines.append(f"{kind:<12}{n_exp:>9}{n_got:>7}{n_m:>8}{p:>10.3f}{r:>8.3f}")
    return "\n".join(lines)


def counts(items) -> Counter:
    return Counter(repr(sorted(i.items())) for i in items)
