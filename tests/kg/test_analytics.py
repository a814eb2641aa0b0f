"""kg.analytics: graphs agree with the catalogue rows they are built from,
exports round-trip, the innovativeness formula and cascades on hand-made rows."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from kg.errors import StoreError
from typer.testing import CliRunner

from kg import analytics as A
from kg import queries


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from kg.build import build
    from kg.store import Store

    target = tmp_path_factory.mktemp("analytics") / "store"
    build(target)
    s = Store(target, read_only=True)
    yield s
    del s


def rows(name, store):
    return A.rows(name, store)


# -- graphs vs catalogue rows ------------------------------------------------

def test_every_adoption_row_is_in_the_diffusion_graph(store):
    G = A.diffusion_graph(store)
    origins = {r["case"]: r["origin"] for r in rows("graph-case-origins", store)}
    adoptions = rows("adoptions", store)
    assert adoptions, "no adoptions in the bundled data"
    for r in adoptions:
        a, case, src = r["adopter"], r["case"], r["source"]
        assert a in G
        if src and src != a:
            assert G.has_edge(src, a, key=case) and G[src][a][case]["case"] == case
        elif not src and case in origins and origins[case] != a:
            assert G[origins[case]][a][case]["via"] == "origin"
        elif not src:
            assert case in G.nodes[a]["unknown_source_cases"].split(A.LIST_SEPARATOR)


def test_diffusion_graph_invents_no_edges(store):
    G = A.diffusion_graph(store)
    origins = {r["case"]: r["origin"] for r in rows("graph-case-origins", store)}
    expected = set()
    for r in rows("adoptions", store):
        src = r["source"] or origins.get(r["case"])
        if src and src != r["adopter"]:
            expected.add((src, r["adopter"], r["case"]))
    assert set(G.edges(keys=True)) == expected
    D = A.simple_projection(G)
    assert set(D.edges) == {(u, v) for u, v, _ in expected}
    assert sum(d["weight"] for *_, d in D.edges(data=True)) == G.number_of_edges()


def test_twinning_graph_matches_sister_cities(store):
    T = A.twinning_graph(store)
    data = rows("sister-cities", store)
    assert {frozenset((r["agency"], r["partner"])) for r in data} == {frozenset(e) for e in T.edges}
    for r in data:
        node = T.nodes[r["partner"]]
        if node["kind"] == "city":
            assert node["domestic"] == (r["country"] is None)
            assert node.get("country") == r["country"]


def test_partner_graph_and_projection(store):
    B = A.partner_graph(store)
    data = rows("agreements", store)
    assert {frozenset((r["agency"], r["partner"])) for r in data} == {frozenset(e) for e in B.edges}
    assert all(B.nodes[r["agency"]]["bipartite"] == 0 for r in data)
    P = A.partner_projection(graph=B)
    partners_of: dict[str, set] = {}
    for r in data:
        partners_of.setdefault(r["agency"], set()).add(r["partner"])
    agencies = set(partners_of)  # a partner that is itself an agency of some row is an agency node
    for a, b, d in P.edges(data=True):
        assert d["weight"] == len((partners_of[a] & partners_of[b]) - agencies)
    shared = [r for r in rows("shared-partners", store) if r["partner"] not in agencies]
    for r in shared:  # the catalogue's partners of 2+ agencies link them in the projection
        names = r["agencies"].split(A.LIST_SEPARATOR)
        assert all(P.has_edge(x, y) for x in names for y in names if x < y)


def test_partner_projection_weights_on_rows():
    data = [{"agency": "갑", "partner": "p1"}, {"agency": "갑", "partner": "p2"},
            {"agency": "을", "partner": "p1"}, {"agency": "을", "partner": "p2"}, {"agency": "병", "partner": "p2"}]
    P = A.partner_projection(graph=A.partner_from_rows(data))
    assert P["갑"]["을"]["weight"] == 2 and P["갑"]["병"]["weight"] == 1 and P["을"]["병"]["weight"] == 1


def test_award_graph_matches_awards(store):
    G = A.award_graph(store)
    data = rows("awards", store)
    assert {frozenset((r["agency"], r["award"])) for r in data} == {frozenset(e) for e in G.edges}
    assert nx.is_bipartite(G)


def test_case_reach_agrees_with_case_diffusion(store):
    reach = A.case_reach(store).set_index("case")
    for r in rows("case-diffusion", store):
        assert reach.loc[r["case"], "adopters"] == r["adopter_count"]
        assert reach.loc[r["case"], "adopter_names"] == r["adopters"]
    assert list(reach["adopters"]) == sorted(reach["adopters"], reverse=True)


# -- exports -------------------------------------------------------------------

def test_graphml_round_trip_keeps_source_adopter_edges(store, tmp_path):
    G = A.diffusion_graph(store)
    path = tmp_path / "diffusion.graphml"
    path.write_text(A.serialize(G, "graphml"), encoding="utf-8")
    H = nx.read_graphml(path)
    assert H.is_directed() and set(H.nodes) == set(G.nodes)
    for r in rows("adoptions", store):
        if r["source"] and r["source"] != r["adopter"]:
            data = H.get_edge_data(r["source"], r["adopter"])
            cases = {d["case"] for d in data.values()} if H.is_multigraph() else {data["case"]}
            assert r["case"] in cases


@pytest.mark.parametrize("name", A.GRAPHS)
@pytest.mark.parametrize("fmt", A.FORMATS)
def test_every_graph_serialises(store, name, fmt, tmp_path):
    text = A.serialize(A.graph(name, store), fmt)
    if fmt == "json":
        assert json.loads(text)["graph"]["name"] == name
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(text)))[:2] == ["source", "target"]
    elif fmt == "gexf":
        (tmp_path / "g.gexf").write_text(text, encoding="utf-8")
        nx.read_gexf(tmp_path / "g.gexf")
    else:
        (tmp_path / "g.graphml").write_text(text, encoding="utf-8")
        nx.read_graphml(tmp_path / "g.graphml")


def test_clean_attributes_drops_none_and_stringifies():
    G = nx.Graph()
    G.add_node("a", x=None, y=[1, 2])
    G.add_edge("a", "b", date=None, n=3)
    H = A.clean_attributes(G)
    assert H.nodes["a"] == {"y": "1; 2"} and H["a"]["b"] == {"n": 3}
    assert G.nodes["a"]["x"] is None  # the original is untouched


# -- measures ------------------------------------------------------------------

def test_measures_columns_and_determinism(store):
    m1, m2 = A.graph_measures("diffusion", store), A.graph_measures("diffusion", store)
    assert {"node", "degree", "pagerank", "betweenness", "community", "innovativeness", "adoptions"} <= set(m1.columns)
    assert m1.equals(m2)
    adopters = {r["adopter"] for r in rows("adoptions", store)}
    assert adopters <= set(m1["node"])


def test_betweenness_is_sampled_on_large_graphs(monkeypatch):
    monkeypatch.setattr(A, "BETWEENNESS_EXACT_LIMIT", 5)
    G = nx.path_graph(12)
    nx.set_node_attributes(G, True, "agency")
    df = A.measures(G)
    assert len(df) == 12 and df["betweenness"].max() > 0


# -- innovativeness ------------------------------------------------------------

SYNTHETIC = [
    # case X: origin O; A dated 2019 from O; B 2020-05 and C 2020 tie at year precision; D undated
    {"adopter": "A", "case": "X", "source": "O", "date": "2019"},
    {"adopter": "B", "case": "X", "source": None, "date": "2020-05"},
    {"adopter": "C", "case": "X", "source": None, "date": "2020"},
    {"adopter": "D", "case": "X", "source": None, "date": None},
    # case Y: no origin, day precision
    {"adopter": "A", "case": "Y", "source": None, "date": "2021-01-10"},
    {"adopter": "B", "case": "Y", "source": None, "date": "2021-01-09"},
    # case Z: E took it from A, undated
    {"adopter": "E", "case": "Z", "source": "A", "date": None},
    # case W: dated origin P
    {"adopter": "Q", "case": "W", "source": None, "date": "2019-03-02"},
]
ORIGINS = [{"case": "X", "origin": "O", "date": None}, {"case": "W", "origin": "P", "date": "2018"}]


def test_innovativeness_on_hand_made_rows():
    df = A.innovativeness_from_rows(SYNTHETIC, ORIGINS).set_index("agency")
    # X: 5 participants (O, A, B, C, D). O first; A after O; B and C after O and A
    # (tied with each other); D undated: only the origin is known to precede it.
    # Y: B before A (2 participants).  Z: A (source) before E.  W: P before Q.
    expected = {
        "O": 1.0, "P": 1.0,
        "A": (0.8 + 0.5 + 1.0) / 3,
        "B": (0.6 + 1.0) / 2,
        "C": 0.6, "D": 0.8, "E": 0.5, "Q": 0.5,
    }
    assert df["innovativeness"].to_dict() == pytest.approx(expected, abs=1e-6)
    assert df.loc["A", "adoptions"] == 3 and df.loc["A", "as_source"] == 1
    assert df.loc["O", "as_source"] == 1 and df.loc["C", "as_source"] == 0
    assert list(df["innovativeness"]) == sorted(df["innovativeness"], reverse=True)


def test_dates_compare_at_the_coarser_precision():
    assert A.earlier("2019", "2020-01-01") and not A.earlier("2020", "2020-01-01")
    assert not A.earlier("2020-01-01", "2020") and A.earlier("2020-01", "2020-02-01")
    assert not A.earlier(None, "2020") and not A.earlier("2020", None)


def test_innovativeness_on_the_store_covers_every_adopter(store):
    df = A.innovativeness(store)
    assert {r["adopter"] for r in rows("adoptions", store)} <= set(df["agency"])
    assert df["innovativeness"].between(0, 1, inclusive="right").all()


# -- cascades ------------------------------------------------------------------

def test_cascades_on_hand_made_rows():
    ev = A.cascades_from_rows(SYNTHETIC, ORIGINS)
    assert len([e for e in ev if e["role"] == "adopter"]) == len(SYNTHETIC)
    by = {(e["cascade_id"], e["node_name"]): e for e in ev}
    assert ("X", "O") not in by  # origin known but undated: no event
    assert by[("W", "P")] == {**by[("W", "P")], "role": "origin", "event_time": 2018.0, "time_precision": "year"}
    q = by[("W", "Q")]
    assert q["time_precision"] == "day" and q["event_date"] == "2019-03-02"
    assert q["event_time"] == pytest.approx(2019 + 60 / 365)
    assert by[("X", "B")]["time_precision"] == "month" and by[("X", "D")]["event_time"] is None
    dated = A.cascades_from_rows(SYNTHETIC, ORIGINS, dated_only=True)
    assert all(e["event_time"] is not None for e in dated) and len(dated) == len(ev) - 2


def test_cascades_csv_from_the_store(store):
    events = A.cascades(store)
    assert len(events) == len({(r["case"], r["adopter"]) for r in rows("adoptions", store)}) + \
        sum(1 for e in events if e["role"] == "origin")
    buf = io.StringIO()
    A.write_cascades_csv(events, buf)
    read = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert read and {"node_name", "event_time", "cascade_id", "time_precision", "event_date"} <= set(read[0])
    for row, e in zip(read, events):
        assert row["time_precision"] == (e["time_precision"] or "")
        assert row["event_date"] == (e["event_date"] or "")
        if e["time_precision"]:
            assert float(row["event_time"]) == pytest.approx(A.decimal_year(e["event_date"]))


# -- named queries only ----------------------------------------------------------

def test_new_graph_queries_are_catalogue_queries(store):
    for name in ("graph-case-origins", "graph-budgets", "graph-outcomes"):
        q = queries.get(name)
        cols, _ = queries.run(name, store=store)
        assert cols[: len(q.columns)] == list(q.columns)


def test_budgets_sum_to_program_funding(store):
    total = sum(r["amount_krw"] or 0 for r in rows("program-funding", store))
    assert int(A.budgets(store, by="source")["amount_krw"].sum()) == total


# -- Korean font -----------------------------------------------------------------

def test_use_korean_font_picks_a_hangul_font():
    import matplotlib

    from kg import plotting

    name = plotting.use_korean_font()
    assert matplotlib.rcParams["font.family"][0] == name
    from matplotlib import font_manager as fm

    assert plotting._covers_hangul(fm.findfont(fm.FontProperties(family=name), fallback_to_default=False))


def test_missing_korean_font_names_fonts_nanum(monkeypatch):
    from kg import plotting

    monkeypatch.setattr(plotting, "_covers_hangul", lambda path: False)
    with pytest.raises(plotting.KoreanFontMissing, match="fonts-nanum"):
        plotting.use_korean_font(preferred=(), font_dirs=())


# -- CLI -------------------------------------------------------------------------

def test_cli_graph_commands(store, tmp_path):
    from kg.cli.main import app

    runner = CliRunner()
    where = ["--store", str(store.path)]
    out = tmp_path / "d.graphml"
    r = runner.invoke(app, ["graph", "diffusion", "-o", str(out), *where])
    assert r.exit_code == 0, r.output
    assert nx.read_graphml(out).number_of_nodes() > 0
    r = runner.invoke(app, ["graph", "measures", "diffusion", "--top", "3", "--format", "json", *where])
    assert r.exit_code == 0, r.output
    top = json.loads(r.stdout)
    assert len(top) <= 3 and {"node", "degree", "pagerank", "betweenness", "innovativeness"} <= set(top[0])
    r = runner.invoke(app, ["graph", "cascades", *where])
    assert r.exit_code == 0 and r.stdout.startswith("node_name,event_time,cascade_id,time_precision,event_date")
    r = runner.invoke(app, ["graph", "measures", "nope", *where])
    assert r.exit_code == 2 and "no graph named" in r.output


def test_notebook_store_location(monkeypatch, tmp_path):
    from kg import paths

    monkeypatch.delenv("LGKG_STORE", raising=False)
    project = tmp_path / "project"
    (project / ".lgkg" / "store").mkdir(parents=True)
    (project / "notebooks").mkdir()
    monkeypatch.chdir(project / "notebooks")  # notebooks run in notebooks/: the project's store, found upwards
    assert A.store_location() == (project / ".lgkg" / "store").resolve()
    monkeypatch.chdir(tmp_path)  # nowhere near a store: the cwd default, which the opener reports as missing
    assert A.store_location() == paths.STORE_NAME
    with pytest.raises(StoreError, match="no store found"):
        A.open_store()
    monkeypatch.setenv("LGKG_STORE", str(tmp_path / "s"))
    assert A.store_location() == tmp_path / "s"
