"""The extraction report (loaders.report): generic counts from a document's records,
merged with the loader's own checks; their RDF, SHACL and the extraction-report query."""
from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Graph

from kg import iris, queries
from kg.build import bundled_sources, ensure_base
from kg.store import Store
from kg.validate import validate_graph
from loaders import load_records
from loaders import records as r
from loaders.report import FACT_KINDS, GENRE_KINDS, checks_of, extraction_report, summary, with_report
from kg.mapping import to_graphs, to_ntriples, to_triples
from tests.kg.test_mapping import CASEBOOK, REPORT

# what the loader of a work report could say about REPORT: its own cues disagree
PROGRAM_LIST = r.ExtractionCheck("program", 1, 21, cue="program list", warning="programs 1 of 21 listed", line=50)
STAFF_TABLE = r.ExtractionCheck("staffing", 0, 1, cue="staffing table", scope="자치행정과",
                                warning="자치행정과: no staffing read from its staffing table", line=44)
TOTAL = r.ExtractionCheck("budget-total", 20_000_000, 45_000_000, cue="division totals", line=30)
WITH_CHECKS = REPORT + [PROGRAM_LIST, STAFF_TABLE, TOTAL]


def independent_counts(recs) -> dict[str, int]:
    """Counts by record type, written apart from loaders.report."""
    by = Counter(type(x).__name__ for x in recs)
    progs = [x for x in recs if isinstance(x, r.Program)]
    return {
        "division": by["Division"], "program": sum(p.parent_key is None for p in progs),
        "sub-program": sum(p.parent_key is not None for p in progs),
        "staffing": len({s.unit for s in recs if isinstance(s, r.Staffing)}),
        "budget-line": by["BudgetLine"], "milestone": by["Milestone"], "outcome": by["Outcome"],
        "sister-city": by["SisterCity"], "discount": by["Discount"], "agreement": by["Agreement"],
        "award": by["Award"], "grant-selection": by["GrantSelection"], "case": by["Case"], "entry": by["Entry"],
        "adoption": by["Adoption"],
    }


BUNDLED = bundled_sources()


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_document_has_a_report_with_the_records_counts(path):
    recs = load_records(path)
    checks = extraction_report(recs)
    whole = {c.kind: c for c in checks if c.scope is None}
    assert len(whole) == len([c for c in checks if c.scope is None]), "one whole-document check per kind"
    for kind in GENRE_KINDS[recs[0].genre]:
        assert kind in whole, kind
    for kind, n in independent_counts(recs).items():
        if n:
            assert whole[kind].found == n, (kind, whole[kind].found, n)
        elif kind in whole:
            assert whole[kind].found == 0
    # every kind of fact the document gave is counted by some check
    counted = {FACT_KINDS[k][0] for k, c in whole.items() if k in FACT_KINDS and c.found}
    assert {type(x) for x in recs[1:] if not isinstance(x, r.ExtractionCheck)} <= counted
    assert all(c.line >= 1 for c in checks)  # provenance: a line in the document


def test_with_report_is_idempotent_and_keeps_the_facts():
    once = with_report(WITH_CHECKS)
    assert with_report(once) == once
    assert [x for x in once if not isinstance(x, r.ExtractionCheck)] == REPORT
    assert len(checks_of(once)) == len({(c.kind, c.scope, c.cue) for c in checks_of(once)})


def test_loader_checks_replace_the_generic_count_of_their_kind():
    checks = extraction_report(WITH_CHECKS)
    programs = [c for c in checks if c.kind == "program"]
    assert programs == [PROGRAM_LIST]  # not also a generic "program 1" beside it
    staffing = [c for c in checks if c.kind == "staffing"]
    assert staffing[0] == r.ExtractionCheck("staffing", 1, line=43)  # scoped check: the document total stays
    assert staffing[1] == STAFF_TABLE
    assert TOTAL in checks
    assert [c.kind for c in checks].index("budget-total") > [c.kind for c in checks].index("award")


def test_summary_is_json_shaped():
    import json

    s = summary(extraction_report(WITH_CHECKS))
    assert list(s) == ["found", "expected", "warnings", "checks"]
    assert s["found"]["program"] == 1 and s["expected"] == {"program": 21, "budget-total": 45_000_000}
    assert s["warnings"] == ["자치행정과: no staffing read from its staffing table", "programs 1 of 21 listed"]
    assert list(s["checks"][0]) == ["kind", "scope", "found", "expected", "cue", "warning", "line"]
    assert json.loads(json.dumps(s, ensure_ascii=False)) == s


@pytest.mark.parametrize("records", [WITH_CHECKS, CASEBOOK], ids=["report", "casebook"])
def test_checks_in_rdf_conform_and_both_writers_agree(records):
    from kg.build import vocab_triples
    from kg.gazetteer_rdf import gazetteer_triples
    from kg.store import to_ox

    recs = with_report(records)
    own, shared = to_graphs(recs)
    assert to_ntriples(recs) == ([" ".join(str(to_ox(t)) for t in tr) for tr in own],
                                 [" ".join(str(to_ox(t)) for t in tr) for tr in shared])
    assert to_ntriples(recs) == to_ntriples(list(recs))  # same records, same lines
    data = Graph()
    for t in [*to_triples(recs), *vocab_triples(), *gazetteer_triples()]:
        data.add(t)
    result = validate_graph(data)
    assert result.conforms, result.summary()


def test_check_iris_are_deterministic_and_distinct():
    own, _ = to_graphs(with_report(WITH_CHECKS))
    from kg.namespaces import LGKG, RDF

    nodes = [s for s, p, o in own if p == RDF.type and o == LGKG.ExtractionCheck]
    assert len(nodes) == len(set(nodes)) == len(extraction_report(WITH_CHECKS))
    assert iris.node("check", "t1", "program-program list") in nodes


@pytest.fixture(scope="module")
def store():
    s = Store(None)
    ensure_base(s)
    for recs in (WITH_CHECKS, CASEBOOK):
        s.replace_graph(iris.doc_graph(recs[0].doc_id), to_triples(with_report(recs)))
    return s


def test_extraction_report_query(store):
    cols, rows = queries.run("extraction-report", store=store)
    assert cols[:5] == ["document", "kind", "found", "expected", "warning"]
    got = [dict(zip(cols, x)) for x in rows]
    assert {x["document"] for x in got} == {"t1", "t2"}
    [prog] = [x for x in got if x["document"] == "t1" and x["kind"] == "program"]
    assert (prog["found"], prog["expected"], prog["warning"], prog["cue"]) == (1, 21, "programs 1 of 21 listed",
                                                                             "program list")
    [staff] = [x for x in got if x["scope"] == "자치행정과"]
    assert staff["warning"].startswith("자치행정과: no staffing")
    assert len([x for x in got if x["document"] == "t1"]) == len(extraction_report(WITH_CHECKS))
    _, only = queries.run("extraction-report", {"document": "t2"}, store=store)
    assert only and {x[0] for x in only} == {"t2"}
    assert {x[1] for x in only} >= {"entry", "case", "adoption"}
