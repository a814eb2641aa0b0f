"""Records -> triples -> store -> catalogue queries, on hand-made records (no loader),
so that the mapping and the queries are tested apart from extraction."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Graph

from kg import iris, queries
from kg.build import ensure_base
from kg.store import Store
from kg.validate import validate_graph
from loaders import records as r
from kg.mapping import to_graphs, to_triples

JONGNO = r.Party("종로구", code="11110")
YEONGWOL = r.Party("강원 영월군", code="51750")
BUKGU = r.Party("광주 북구", code="29170")

REPORT = [
    r.DocumentInfo("t1", "t1.txt", "a" * 64, "work-report", title="2026년 주요업무", issuer=JONGNO,
                   bureau="행정국", year="2026", reference_date="2026-01-31"),
    r.Division("행정지원과", parent="행정국", teams=("총무팀",), team_count=5, line=57),
    r.Staffing("행정지원과", 50, 46, as_of="2026-01-31", line=43),
    r.Staffing("행정지원과", 2, 2, grade="5급", line=43),
    r.Program("p1", "안심 청사", department="행정지원과", status=("신규",), budget_krw=20_000_000,
              fiscal_year="2026", period_start="2026-01", period_end="2026-12", line=72, line_end=100),
    r.Program("p1a", "출입관리시스템 도입", department="행정지원과", parent_key="p1", line=83),
    r.BudgetLine("p1", "구비", 20_000_000, line=100),
    r.Milestone("p1", "공모", "2026-07", line=90),
    r.Outcome("p1", "보도자료 제공", Decimal("444"), "건", "444건", line=95),
    r.SisterCity(JONGNO, YEONGWOL, None, None, line=187),
    r.SisterCity(JONGNO, r.Party("캘리포니아주 부에나파크시", country="미국", name="캘리포니아주 부에나파크시"),
                 "자매", "2017-08-01", line=193),
    r.Discount(YEONGWOL, JONGNO, "동강사진박물관", "50%", line=187),
    r.Agreement((JONGNO, r.Party("송파구", code="11710")), "업무협약", "급여프로그램", "2026-02", line=120),
    r.Award(JONGNO, "정보공개 종합평가", "우수", "행정안전부", "2024", line=761),
]
CASEBOOK = [
    r.DocumentInfo("t2", "t2.txt", "b" * 64, "casebook", title="2021 우수사례", year="2021", reference_date="2021-12-31"),
    r.Case("k1", "긴급자동차 자동 진출입 시스템", ("긴급자동차 자동 진･출입 시스템",), origin=BUKGU, line=5),
    r.Entry("e5", BUKGU, "자율추진 혁신과제", "k1", "2021", ("하이라이트",), "기획조정실",
            (r.Section("추진배경", "텍스트", 6, 8),), line=5, line_end=20),
    r.Adoption(YEONGWOL, "k1", BUKGU, "벤치마킹", "2021-04", line=12),
    r.Adoption(r.Party("울산 울주군", code="31710"), "k1", None, "주민생활 혁신사례 확산 지원사업", "2021", line=13),
    r.Outcome("e5", "출동시간 단축", Decimal("30"), "%", subject_kind="entry", line=14),
    r.GrantSelection(BUKGU, "긴급자동차 자동 진･출입 시스템 확산사업", "행정안전부", "2021-11-01", 50_000_000,
                     subject="긴급자동차 자동 진출입 시스템", line=15),
    r.GrantSelection(BUKGU, "공공서비스 연계 강화사업", None, "2020", line=16),
    r.Entry("e9", r.Party("신규 지표 기관", code="11110"), "디지털 전환 성과", "k1", line=30, line_end=40),
]


@pytest.fixture(scope="module")
def store():
    s = Store(None)
    ensure_base(s)
    for recs in (REPORT, CASEBOOK):
        s.replace_graph(iris.doc_graph(recs[0].doc_id), to_triples(recs))
    return s


def rows(store, name, **params):
    cols, rs = queries.run(name, params, store=store)
    return [dict(zip(cols, x)) for x in rs]


def test_names_are_official_as_of_each_document(store):
    twins = rows(store, "sister-cities")
    assert {t["partner"] for t in twins} == {"강원특별자치도 영월군", "캘리포니아주 부에나파크시"}
    adoptions = rows(store, "adoptions")
    assert {a["adopter"] for a in adoptions} == {"강원도 영월군", "울산광역시 울주군"}


def test_adoptions_and_diffusion(store):
    a = rows(store, "adoptions", adopter="강원도 영월군")
    assert a == [{"adopter": "강원도 영월군", "case": "긴급자동차 자동 진출입 시스템", "source": "광주광역시 북구",
                  "channel": "벤치마킹", "date": "2021-04"}]
    [d] = rows(store, "case-diffusion")
    assert d["adopter_count"] == 2 and d["origin"] == "광주광역시 북구"
    assert d["adopters"] == "강원도 영월군; 울산광역시 울주군"


def test_programs_funding_departments(store):
    [p] = rows(store, "programs")  # the sub-item is not a top-level program
    assert p["program"] == "안심 청사" and p["budget_krw"] == 20_000_000 and p["new"] is True and p["year"] == "2026"
    [f] = rows(store, "program-funding")
    assert {k: f[k] for k in ("agency", "program", "source", "amount_krw", "year")} == {
        "agency": "서울특별시 종로구", "program": "안심 청사", "source": "구비", "amount_krw": 20_000_000, "year": "2026"}
    [d] = rows(store, "departments")
    assert (d["department"], d["teams"], d["authorized"], d["current"]) == ("행정지원과", 5, 50, 46)


def test_grades_and_params(store):
    [a] = rows(store, "awards", grade="우수")
    assert a["awarder"] == "행정안전부" and a["date"] == "2024"
    assert rows(store, "awards", grade="대상") == []
    assert [t["country"] for t in rows(store, "sister-cities", country="미국")] == ["미국"]


def test_grant_selections_and_params(store):
    got = rows(store, "grant-selections")
    assert [(x["agency"], x["competition"], x["awarder"], x["date"], x["amount_krw"]) for x in got] == [
        ("광주광역시 북구", "공공서비스 연계 강화사업", None, "2020", None),
        ("광주광역시 북구", "긴급자동차 자동 진･출입 시스템 확산사업", "행정안전부", "2021-11-01", 50_000_000),
    ]
    assert [x["competition"] for x in rows(store, "grant-selections", awarder="행정안전부")] == [
        "긴급자동차 자동 진･출입 시스템 확산사업"]
    assert rows(store, "grant-selections", agency="서울특별시 종로구") == []
    assert rows(store, "awards", agency="광주광역시 북구") == []  # a selection is not an award


def test_new_indicator_becomes_a_concept(store):
    inds = {c["indicator"] for c in rows(store, "cases")}
    assert inds == {"자율추진 혁신과제", "디지털 전환 성과"}


def test_agency_profile_counts(store):
    prof = {x["kind"]: x["count"] for x in rows(store, "agency-profile", agency="서울특별시 종로구")}
    assert prof["programs"] == 2 and prof["sister-city relations"] == 2 and prof["awards"] == 1


def test_hand_made_graph_conforms_to_shapes(store):
    data = Graph()
    for recs in (REPORT, CASEBOOK[:-1]):
        for t in to_triples(recs):
            data.add(t)
    from kg.build import vocab_triples
    from kg.gazetteer_rdf import gazetteer_triples
    for t in vocab_triples():
        data.add(t)
    for t in gazetteer_triples():
        data.add(t)
    result = validate_graph(data)
    assert result.conforms, result.summary()


@pytest.mark.parametrize("records", [REPORT, CASEBOOK], ids=["report", "casebook"])
def test_ntriples_fast_path_writes_what_the_rdflib_path_writes(records):
    """`to_ntriples` (bulk builds) must give, line for line, what `kg.store.to_ox`
    makes of `to_triples` (ingest, tests): same terms, same order."""
    from kg.store import to_ox
    from kg.mapping import to_ntriples

    own, shared = to_graphs(records)
    slow = ([" ".join(str(to_ox(t)) for t in tr) for tr in own], [" ".join(str(to_ox(t)) for t in tr) for tr in shared])
    assert to_ntriples(records) == slow
    assert any('"^^<http://www.w3.org/2001/XMLSchema#decimal>' not in x and "^^" in x for x in slow[0])
    assert slow[1]  # parties, units, cases: shared descriptions


def test_ntriples_fast_path_on_the_bundled_documents():
    from kg.build import bundled_sources
    from kg.store import to_ox
    from loaders import load_records
    from kg.mapping import to_ntriples

    def nt(triples):
        return [" ".join(str(to_ox(t)) for t in tr) for tr in triples]

    for path in bundled_sources():
        recs = load_records(path)
        own, shared = to_graphs(recs)
        assert to_ntriples(recs) == (nt(own), nt(shared)), path.name
