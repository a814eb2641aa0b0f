"""Records -> simple comparable facts (the shape of expected/*.json)."""
from __future__ import annotations

import re
from decimal import Decimal

from loaders.records import (Agreement, Award, BudgetLine, Discount, Division, DocumentInfo, GrantSelection, Milestone,
                             Outcome, Program, SisterCity, Staffing)
from loaders.text import nfc
from loaders.workreport.docinfo import Resolver

FACT_TYPES = ("divisions", "staffing", "programs", "budget_lines", "sister_cities", "discounts", "agreements",
              "awards", "grant_selections", "outcomes", "milestones")


def norm(value):
    """Whitespace-free NFC text; numbers as ints where whole."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", nfc(value))
    if isinstance(value, Decimal | float) and value == int(value):
        return int(value)
    if isinstance(value, list | tuple):
        return tuple(norm(v) for v in value)
    return value


def to_facts(records: list) -> dict:
    info = records[0]
    assert isinstance(info, DocumentInfo)
    res = Resolver(info.reference_date)
    name = res.name
    titles = {r.key: r.title for r in records if isinstance(r, Program)}
    f: dict = {k: [] for k in FACT_TYPES}
    f["status"] = []
    f["document"] = {"title": info.title, "issuer": name(info.issuer), "bureau": info.bureau, "year": info.year,
                     "council_session": info.council_session, "date": info.date,
                     "reference_date": info.reference_date}
    for r in records:
        if isinstance(r, Division):
            f["divisions"].append([r.name, r.team_count])
        elif isinstance(r, Staffing):
            f["staffing"].append([r.unit, r.grade, r.authorized, r.current])
        elif isinstance(r, Program):
            f["programs"].append([r.department, r.title, r.budget_krw])
            f["status"] += [[r.title, s] for s in r.status]
        elif isinstance(r, BudgetLine):
            f["budget_lines"].append([titles.get(r.program_key), r.source, r.amount_krw])
        elif isinstance(r, SisterCity):
            f["sister_cities"].append([name(r.partner), r.partner.country, r.relation, r.date])
        elif isinstance(r, Discount):
            f["discounts"].append([name(r.offered_by), r.facility, r.rate])
        elif isinstance(r, Agreement):
            f["agreements"].append([sorted(name(p) for p in r.parties[1:]), r.date])
        elif isinstance(r, Award):
            f["awards"].append([r.award, r.grade, r.awarder, r.date])
        elif isinstance(r, GrantSelection):
            f["grant_selections"].append([r.competition, r.awarder, r.date, r.amount_krw])
        elif isinstance(r, Outcome):
            f["outcomes"].append([r.metric, r.value, r.unit])
        elif isinstance(r, Milestone):
            f["milestones"].append([r.label, r.date])
    return f


def score(expected: list, got: list) -> tuple[int, int, int]:
    """(true positives, expected count, extracted count) as multisets of normalised facts."""
    exp = [norm(x) for x in expected]
    pool = [norm(x) for x in got]
    tp = 0
    for e in exp:
        if e in pool:
            pool.remove(e)
            tp += 1
    return tp, len(exp), len(got)
