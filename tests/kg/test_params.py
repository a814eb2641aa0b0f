"""Parameters as people type them (issue 16; the contract's notes on agency parameters)."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kg import params, queries
from kg.cli.main import app
from kg.errors import QueryError

JONGNO = "서울특별시 종로구"


@pytest.mark.parametrize("typed", ["서울특별시 종로구", "서울 종로구", "종로구", " 종로구 "])
def test_each_form_of_a_name_resolves_to_the_agency(typed):
    assert params.agency_names("agency", typed)[0] == JONGNO


def test_a_former_name_finds_the_agency_and_all_its_names():
    names = params.agency_names("adopter", "강원도 영월군")
    assert names[0] == "강원특별자치도 영월군" and "강원도 영월군" in names


@pytest.mark.parametrize("typed, some", [("중구", "서울특별시 중구"), ("고성군", "경상남도 고성군"),
                                        ("북구", "광주광역시 북구")])
def test_an_ambiguous_name_lists_the_candidates(typed, some):
    with pytest.raises(QueryError) as exc:
        params.agency_names("agency", typed)
    assert "several agencies" in str(exc.value) and some in str(exc.value)


def test_an_unknown_name_gives_the_closest_names():
    with pytest.raises(QueryError) as exc:
        params.agency_names("agency", "종로그")
    assert "closest names" in str(exc.value) and JONGNO in str(exc.value)


@pytest.mark.parametrize("value", ["abc", "24", "2024년"])
def test_a_year_is_checked(value):
    with pytest.raises(QueryError):
        queries.bind(queries.get("programs"), {"year": value})


def test_the_short_name_gives_the_same_rows_as_the_full_name(kg_store):
    full = queries.run("programs", {"agency": JONGNO}, store=kg_store)
    assert full[1]
    for typed in ("종로구", "서울 종로구"):
        assert queries.run("programs", {"agency": typed}, store=kg_store) == full


def test_a_name_of_another_date_binds_every_name_the_agency_had():
    # documents print an agency as named on their date (강원도 영월군 in 2022, 강원특별자치도
    # 영월군 from 2023-06-11): the parameter matches either, as a VALUES block of both names
    assert params.agency_names("agency", "강원도 영월군") == ["강원특별자치도 영월군", "강원도 영월군"]
    # a query that knows its agency variable binds the agency's IRI: every name at once
    bindings = queries.bind(queries.get("sister-cities"), {"agency": "강원도 영월군"})
    assert [t.value for t in bindings["ag"]] == ["https://w3id.org/lgkg/id/agency/51750"]


def test_agency_profile_takes_any_name_of_the_agency(kg_store):
    full = queries.run("agency-profile", {"agency": JONGNO}, store=kg_store)
    assert full[1] and queries.run("agency-profile", {"agency": "종로구"}, store=kg_store) == full


def test_cli_errors_exit_2_with_one_line(kg_store_dir):
    runner = CliRunner()
    for args in (["query", "programs", "--param", "agency=중구"], ["query", "programs", "--param", "year=abc"],
                 ["query", "adoption"]):
        res = runner.invoke(app, args + ["--store", str(kg_store_dir)])
        assert res.exit_code == 2, res.output
        assert "Traceback" not in res.output
    res = runner.invoke(app, ["query", "adoption", "--store", str(kg_store_dir)])
    assert "did you mean adoptions" in res.output


def _agency_queries():
    return [q for q in queries.catalogue().values() if q.agency_var and not q.required]


def test_agency_profile_bound_by_iri_equals_bound_by_name(kg_store):
    """agency-profile needs its agency: binding the IRI (the embedded store) must count
    what binding its name (the endpoints' way) counts, for every agency with documents."""
    q = queries.get("agency-profile")
    assert q.agency_var and q.required == ("agency",)
    names = sorted({r[1] for r in queries.run("documents", {}, store=kg_store)[1] if r[1]})
    assert names
    for name in names:
        by_iri = queries.run("agency-profile", {"agency": name}, store=kg_store)[1]
        text = queries.with_values(q.text, queries.bind(q, {"agency": name}, by_iri=False))
        cols, rows = queries.run_local(kg_store, text, None)
        by_name = queries.tidy_rows(q, cols, rows)
        assert by_iri and sorted(map(repr, by_iri)) == sorted(map(repr, [r[:2] for r in by_name])), name


@pytest.mark.parametrize("name", [q.name for q in _agency_queries()])
def test_binding_the_agency_iri_gives_exactly_that_agencys_rows(kg_store, name):
    """The agency's IRI is bound where the pattern starts (fast); the rows must be the
    unbound query's rows of that agency, for every agency the query answers about."""
    q = queries.get(name)
    param = next(p for p, t in q.params.items() if t == "agency")
    columns, rows = queries.run(name, {}, store=kg_store)
    col = columns.index(q.columns[0])
    agencies = sorted({r[col] for r in rows if r[col]})
    assert agencies, f"{name}: no rows on the bundled data"
    for agency in agencies[:6]:
        got = queries.run(name, {param: agency}, store=kg_store)[1]
        want = [r for r in rows if r[col] == agency]
        assert sorted(map(repr, got)) == sorted(map(repr, want)), (name, agency)
    bindings = queries.bind(q, {param: agencies[0]})
    assert list(bindings) == [q.agency_var] and queries.single(bindings) is None  # bound by a VALUES block
