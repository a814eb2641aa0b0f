"""Network analytics: catalogue query rows -> networkx graphs -> measures.

Every edge is read through a named query of the catalogue (`kg.queries.run`),
never from the store's internals, so the same code runs on the embedded store
and on a remote endpoint (`endpoint=`). Nodes are named by the agencies' and
partners' names as the queries print them (official names as of the source
document's date).

Graphs
    diffusion_graph   MultiDiGraph source agency -> adopter, one edge per case
    twinning_graph    Graph agency -- sister city
    partner_graph     bipartite Graph agency -- partner (MOUs / agreements)
    partner_projection  Graph agency -- agency, weight = shared partners
    award_graph       bipartite Graph agency -- award

Every node has `kind` (agency, partner, city, award) and `agency` (True for a
Korean public body: an agency of some row, or a domestic sister city).
"""
from __future__ import annotations

import calendar
import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date as _date
from pathlib import Path

import networkx as nx

from kg import paths, queries

LIST_SEPARATOR = "; "
BETWEENNESS_EXACT_LIMIT = 1000  # nodes; above it betweenness samples k pivots
BETWEENNESS_SAMPLE = 500
SEED = 0
GRAPHS = ("diffusion", "twinning", "partners", "awards")
FORMATS = ("graphml", "gexf", "json", "csv")


# -- reading -----------------------------------------------------------------

def rows(name: str, store=None, *, endpoint: str | None = None, params=None) -> list[dict]:
    """A catalogue query's rows as dicts keyed by column name."""
    columns, data = queries.run(name, params or {}, store=store, endpoint=endpoint)
    return [dict(zip(columns, r)) for r in data]


def table(name: str, store=None, *, endpoint: str | None = None, params=None):
    """A catalogue query's result as a pandas DataFrame (for notebooks)."""
    import pandas as pd

    columns, data = queries.run(name, params or {}, store=store, endpoint=endpoint)
    return pd.DataFrame(data, columns=columns)


def store_location() -> Path:
    """The one default store (kg.paths.default_store): `LGKG_STORE`, else the nearest
    `.lgkg/store` up from the working directory (notebooks run in `notebooks/`)."""
    return paths.default_store()


def open_store(path: str | Path | None = None):
    """Open the store read-only (default: `store_location()`)."""
    from kg.store import open_for_reading

    return open_for_reading(path)


# -- dates -------------------------------------------------------------------

def parse_date(text: str | None) -> tuple[tuple[int, ...], str] | None:
    """An ISO date at its precision -> (parts, precision), None when absent or unreadable.

    >>> parse_date("2021-11-26"), parse_date("2021-11"), parse_date("2021"), parse_date(None)
    (((2021, 11, 26), 'day'), ((2021, 11), 'month'), ((2021,), 'year'), None)
    """
    if not text:
        return None
    parts = str(text).strip().split("-")
    try:
        nums = tuple(int(p) for p in parts[:3])
    except ValueError:
        return None
    if not nums or len(parts[0]) != 4:
        return None
    return nums, ("year", "month", "day")[len(nums) - 1]


def earlier(a: str | None, b: str | None) -> bool:
    """True when date `a` is known to be before `b`: both are compared at the
    coarser of their two precisions, so `2021` is not before `2021-05-03`.

    >>> earlier("2020", "2021-05"), earlier("2021", "2021-05"), earlier("2021-03", "2021-05-01"), earlier(None, "2021")
    (True, False, True, False)
    """
    pa, pb = parse_date(a), parse_date(b)
    if pa is None or pb is None:
        return False
    n = min(len(pa[0]), len(pb[0]))
    return pa[0][:n] < pb[0][:n]


def decimal_year(text: str | None) -> float | None:
    """Decimal year of the start of the period an ISO date names:
    `2021` -> 2021.0, `2021-07` -> 2021 + 181/365, `2021-01-02` -> 2021 + 1/365.

    >>> decimal_year("2021"), decimal_year("2020-03"), round(decimal_year("2021-12-31"), 4)
    (2021.0, 2020.163934, 2021.9973)
    """
    parsed = parse_date(text)
    if parsed is None:
        return None
    nums = parsed[0] + (1, 1)[len(parsed[0]) - 1:]
    y, m, d = nums[0], nums[1], nums[2]
    days = 366 if calendar.isleap(y) else 365
    return round(y + (_date(y, m, d).toordinal() - _date(y, 1, 1).toordinal()) / days, 6)


# -- diffusion ---------------------------------------------------------------

def _origins(origin_rows: Iterable[Mapping]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in origin_rows:
        out.setdefault(r["case"], {"origin": r["origin"], "date": r.get("date")})
    return out


def _add_node(G, name: str, kind: str, **attrs) -> None:
    if name in G and G.nodes[name].get("kind") == "agency":
        G.nodes[name].update({k: v for k, v in attrs.items() if v is not None and k not in G.nodes[name]})
        return
    G.add_node(name, kind=kind, **{k: v for k, v in attrs.items() if v is not None})


def diffusion_from_rows(adoptions: Iterable[Mapping], origins: Iterable[Mapping] = ()) -> nx.MultiDiGraph:
    """The diffusion graph from `adoptions` and `graph-case-origins` rows.

    An adoption naming its source gives an edge source -> adopter keyed by the
    case (attrs case, channel, date, via = "source"). An adoption without a
    source gets an edge from the case's origin (via = "origin") when the case
    has one; otherwise the adopter stays a node (isolated if it has no other
    edge) whose `unknown_source_cases` attribute lists those cases.
    """
    org = _origins(origins)
    G = nx.MultiDiGraph(name="diffusion")
    unknown: dict[str, set[str]] = defaultdict(set)
    for r in adoptions:
        adopter, case = r["adopter"], r["case"]
        _add_node(G, adopter, "agency", agency=True)
        src, via = r.get("source"), "source"
        if not src and case in org:
            src, via = org[case]["origin"], "origin"
        if not src or src == adopter:
            if not src:
                unknown[adopter].add(case)
            continue
        _add_node(G, src, "agency", agency=True)
        if G.has_edge(src, adopter, key=case):
            continue  # the same adoption in several rows (another date or channel): keep the first
        G.add_edge(src, adopter, key=case, case=case, channel=r.get("channel"), date=r.get("date"), via=via)
    for adopter, cases in unknown.items():
        G.nodes[adopter]["unknown_source_cases"] = LIST_SEPARATOR.join(sorted(cases))
    for n, d in G.nodes(data=True):  # for pictures: 출처 (a source or origin), 도입, 도입(출처 미상)
        d["role"] = "출처" if G.out_degree(n) else ("도입(출처 미상)" if n in unknown and not G.in_degree(n) else "도입")
    for case, o in org.items():
        if o["origin"] in G:
            prev = G.nodes[o["origin"]].get("originated")
            G.nodes[o["origin"]]["originated"] = LIST_SEPARATOR.join(sorted(set(filter(None, [prev, case]))))
    return G


def diffusion_graph(store=None, *, endpoint: str | None = None) -> nx.MultiDiGraph:
    """Directed graph source agency -> adopter, one edge per case (see `diffusion_from_rows`)."""
    return diffusion_from_rows(rows("adoptions", store, endpoint=endpoint),
                               rows("graph-case-origins", store, endpoint=endpoint))


def simple_projection(G: nx.MultiDiGraph | nx.MultiGraph) -> nx.DiGraph | nx.Graph:
    """Collapse parallel edges: weight = number of them, `cases` = their keys joined."""
    H = nx.DiGraph(name=G.graph.get("name")) if G.is_directed() else nx.Graph(name=G.graph.get("name"))
    H.add_nodes_from(G.nodes(data=True))
    for u, v, k in G.edges(keys=True):
        if H.has_edge(u, v):
            H[u][v]["weight"] += 1
            H[u][v]["cases"] = LIST_SEPARATOR.join(sorted(set(H[u][v]["cases"].split(LIST_SEPARATOR)) | {str(k)}))
        else:
            H.add_edge(u, v, weight=1, cases=str(k))
    return H


# -- other graphs -------------------------------------------------------------

def twinning_from_rows(sister_rows: Iterable[Mapping]) -> nx.Graph:
    """Agency -- sister city. A partner with a country is foreign, else domestic
    (a Korean local government, so also `agency=True`)."""
    G = nx.Graph(name="twinning")
    for r in sister_rows:
        _add_node(G, r["agency"], "agency", agency=True)
        foreign = bool(r.get("country"))
        _add_node(G, r["partner"], "city", agency=not foreign, domestic=not foreign, country=r.get("country"))
        G.add_edge(r["agency"], r["partner"], relation=r.get("relation"), date=r.get("date"))
    for n, d in G.nodes(data=True):
        if d["kind"] == "agency":
            d.setdefault("domestic", True)
        d["scope"] = "기관" if d["kind"] == "agency" else ("국내" if d["domestic"] else "해외")
    return G


def twinning_graph(store=None, *, endpoint: str | None = None) -> nx.Graph:
    return twinning_from_rows(rows("sister-cities", store, endpoint=endpoint))


def partner_from_rows(agreement_rows: Iterable[Mapping]) -> nx.Graph:
    """Bipartite agency -- partner (bipartite=0 agencies, 1 partners); edge attrs
    date and title of the first agreement, `agreements` = how many."""
    G = nx.Graph(name="partners")
    data = list(agreement_rows)
    agencies = {r["agency"] for r in data}
    for r in data:
        G.add_node(r["agency"], kind="agency", agency=True, bipartite=0)
    for r in data:
        a, p = r["agency"], r["partner"]
        if p not in G:
            G.add_node(p, kind="partner", agency=p in agencies, bipartite=1)
        if G.has_edge(a, p):
            G[a][p]["agreements"] += 1
        else:
            G.add_edge(a, p, date=r.get("date"), title=r.get("title"), agreements=1)
    return G


def partner_graph(store=None, *, endpoint: str | None = None) -> nx.Graph:
    return partner_from_rows(rows("agreements", store, endpoint=endpoint))


def partner_projection(store=None, *, endpoint: str | None = None, graph: nx.Graph | None = None) -> nx.Graph:
    """Agencies linked by the partners they share (weight = number of shared partners)."""
    B = graph if graph is not None else partner_graph(store, endpoint=endpoint)
    agencies = [n for n, d in B.nodes(data=True) if d.get("bipartite") == 0]
    P = nx.Graph(name="partner-projection")
    P.add_nodes_from((n, {"kind": "agency", "agency": True}) for n in agencies)
    for partner in (n for n, d in B.nodes(data=True) if d.get("bipartite") == 1):
        nbrs = sorted(x for x in B[partner] if B.nodes[x].get("bipartite") == 0)
        for i, a in enumerate(nbrs):
            for b in nbrs[i + 1:]:
                w = P[a][b]["weight"] + 1 if P.has_edge(a, b) else 1
                shared = P[a][b]["partners"].split(LIST_SEPARATOR) if P.has_edge(a, b) else []
                P.add_edge(a, b, weight=w, partners=LIST_SEPARATOR.join(sorted(shared + [partner])))
    return P


def award_from_rows(award_rows: Iterable[Mapping]) -> nx.Graph:
    """Bipartite agency -- award (by award name); edge attrs grade, awarder, date, subject."""
    G = nx.Graph(name="awards")
    for r in award_rows:
        G.add_node(r["agency"], kind="agency", agency=True, bipartite=0)
    for r in award_rows:
        if r["award"] not in G:
            G.add_node(r["award"], kind="award", agency=False, bipartite=1)
        if not G.has_edge(r["agency"], r["award"]):
            G.add_edge(r["agency"], r["award"], grade=r.get("grade"), awarder=r.get("awarder"),
                       date=r.get("date"), subject=r.get("subject"))
    return G


def award_graph(store=None, *, endpoint: str | None = None) -> nx.Graph:
    return award_from_rows(rows("awards", store, endpoint=endpoint))


def graph(name: str, store=None, *, endpoint: str | None = None):
    """One of GRAPHS by name."""
    from kg.errors import QueryError

    makers = {"diffusion": diffusion_graph, "twinning": twinning_graph,
              "partners": partner_graph, "awards": award_graph}
    if name not in makers:
        raise QueryError(f"no graph named {name!r}: one of {', '.join(GRAPHS)}")
    return makers[name](store, endpoint=endpoint)


# -- measures ----------------------------------------------------------------

def communities(G) -> dict:
    """Node -> community number (Louvain, fixed seed; numbered by size, then by first member)."""
    U = nx.Graph(G.to_undirected()) if G.is_directed() or G.is_multigraph() else G
    if U.number_of_edges() == 0:
        parts = [{n} for n in U]
    else:
        parts = nx.community.louvain_communities(U, weight="weight", seed=SEED)
    parts = sorted(parts, key=lambda c: (-len(c), min(map(str, c))))
    return {n: i for i, c in enumerate(parts) for n in c}


def measures(G, *, agencies_only: bool = True):
    """Per node: degree (in/out for directed graphs), PageRank, betweenness
    (exact up to BETWEENNESS_EXACT_LIMIT nodes, else sampled with k pivots and a
    fixed seed) and community; a DataFrame sorted by degree, then PageRank.
    PageRank follows the edges (on the diffusion graph, adopters of influential
    sources score high; out_degree is the number of agencies a source reached)."""
    import pandas as pd

    S = simple_projection(G) if G.is_multigraph() else G
    n = S.number_of_nodes()
    if n == 0:
        return pd.DataFrame(columns=["node", "degree", "pagerank", "betweenness", "community"])
    pr = nx.pagerank(S, weight="weight" if S.number_of_edges() and "weight" in next(iter(S.edges(data=True)))[2] else None)
    k = None if n <= BETWEENNESS_EXACT_LIMIT else min(n, BETWEENNESS_SAMPLE)
    bc = nx.betweenness_centrality(S, k=k, seed=SEED if k else None)
    comm = communities(S)
    recs = []
    for node, d in S.nodes(data=True):
        if agencies_only and not d.get("agency"):
            continue
        rec = {"node": node, "degree": S.degree(node)}
        if S.is_directed():
            rec["in_degree"], rec["out_degree"] = S.in_degree(node), S.out_degree(node)
        rec.update(pagerank=round(pr[node], 6), betweenness=round(bc[node], 6), community=comm[node])
        recs.append(rec)
    df = pd.DataFrame(recs)
    return df.sort_values(["degree", "pagerank", "node"], ascending=[False, False, True]).reset_index(drop=True)


def graph_measures(name: str, store=None, *, endpoint: str | None = None, top: int | None = None):
    """`measures` of a named graph; for diffusion joined with `innovativeness`."""
    if name == "diffusion":  # one read of the adoptions for both
        adoptions = rows("adoptions", store, endpoint=endpoint)
        origins = rows("graph-case-origins", store, endpoint=endpoint)
        df = measures(diffusion_from_rows(adoptions, origins))
        inn = innovativeness_from_rows(adoptions, origins)
        df = df.merge(inn.rename(columns={"agency": "node"}), on="node", how="left")
        df = df.sort_values(["innovativeness", "adoptions", "degree", "node"],
                            ascending=[False, False, False, True], na_position="last").reset_index(drop=True)
    else:
        df = measures(graph(name, store, endpoint=endpoint))
    return df.head(top) if top else df


# -- innovativeness ----------------------------------------------------------

def _case_events(case_rows: list[Mapping], origin: Mapping | None):
    """Agencies taking part in one case -> their date, and who is known to precede whom."""
    when: dict[str, str | None] = {}
    prec = nx.DiGraph()
    if origin:
        when[origin["origin"]] = origin.get("date")
        prec.add_node(origin["origin"])
    for r in case_rows:
        a, d = r["adopter"], r.get("date")
        if a not in when or (d and (when[a] is None or earlier(d, when[a]))):
            when[a] = d
        prec.add_node(a)
        if r.get("source") and r["source"] != a:
            when.setdefault(r["source"], None)
            prec.add_edge(r["source"], a)
    if origin:
        prec.add_edges_from((origin["origin"], a) for a in when if a != origin["origin"])
    return when, prec


def innovativeness_from_rows(adoptions: Iterable[Mapping], origins: Iterable[Mapping] = ()):
    """Innovativeness per agency, after the SPID state-policy innovativeness
    scores (Boehmke & Skinner): how early an agency takes up the cases it takes up.

    For each case c, the participants A_c are its adopters, its stated origin and
    the sources its adoptions name. Agency u is *before* v when it is known to
    have had the case first: u is the origin, or u is the source v (or v's source,
    ...) took it from, or both are dated and u's date is earlier, comparing at the
    coarser precision of the two (`2021` ties with `2021-05`; ties share the rank;
    an undated adoption is before or after nobody by date). Then

        score(v, c)       = 1 - |{u in A_c : u before v}| / |A_c|
        innovativeness(v) = mean of score(v, c) over the cases c with v in A_c

    1 means no one is known to have been earlier (origins always score 1).
    Returns a DataFrame: agency, innovativeness, adoptions (|cases|),
    as_source (cases where it is origin or a named source), sorted best first.
    """
    import pandas as pd

    by_case: dict[str, list[Mapping]] = defaultdict(list)
    for r in adoptions:
        by_case[r["case"]].append(r)
    org = _origins(origins)
    scores: dict[str, list[float]] = defaultdict(list)
    as_source: dict[str, int] = defaultdict(int)
    for case, case_rows in by_case.items():
        when, prec = _case_events(case_rows, org.get(case))
        total = len(when)
        for v in when:
            known = nx.ancestors(prec, v) if v in prec else set()
            before = {u for u in when if u != v and (u in known or earlier(when[u], when[v]))}
            scores[v].append(1 - len(before) / total)
            if prec.out_degree(v):
                as_source[v] += 1
    recs = [{"agency": a, "innovativeness": round(sum(s) / len(s), 6), "adoptions": len(s),
             "as_source": as_source.get(a, 0)} for a, s in scores.items()]
    df = pd.DataFrame(recs, columns=["agency", "innovativeness", "adoptions", "as_source"])
    return df.sort_values(["innovativeness", "adoptions", "agency"], ascending=[False, False, True]).reset_index(drop=True)


def innovativeness(store=None, *, endpoint: str | None = None):
    """`innovativeness_from_rows` on the store's adoptions and case origins."""
    return innovativeness_from_rows(rows("adoptions", store, endpoint=endpoint),
                                    rows("graph-case-origins", store, endpoint=endpoint))


def case_reach(store=None, *, endpoint: str | None = None):
    """Cases ranked by number of distinct adopters: case, adopters (count),
    origin, sources, channels, adopter_names."""
    import pandas as pd

    org = _origins(rows("graph-case-origins", store, endpoint=endpoint))
    acc: dict[str, dict[str, set]] = defaultdict(lambda: {"a": set(), "s": set(), "c": set()})
    for r in rows("adoptions", store, endpoint=endpoint):
        e = acc[r["case"]]
        e["a"].add(r["adopter"])
        e["s"].update(filter(None, [r.get("source")]))
        e["c"].update(filter(None, [r.get("channel")]))
    recs = [{"case": c, "adopters": len(e["a"]), "origin": org.get(c, {}).get("origin"),
             "sources": LIST_SEPARATOR.join(sorted(e["s"])), "channels": LIST_SEPARATOR.join(sorted(e["c"])),
             "adopter_names": LIST_SEPARATOR.join(sorted(e["a"]))} for c, e in acc.items()]
    df = pd.DataFrame(recs, columns=["case", "adopters", "origin", "sources", "channels", "adopter_names"])
    return df.sort_values(["adopters", "case"], ascending=[False, True]).reset_index(drop=True)


# -- cascades (NetworkInference) ---------------------------------------------

CASCADE_COLUMNS = ["node_name", "event_time", "cascade_id", "time_precision", "event_date", "role", "source", "channel"]


def cascades_from_rows(adoptions: Iterable[Mapping], origins: Iterable[Mapping] = (), *, dated_only: bool = False) -> list[dict]:
    """Adoption events in the long format of the R package NetworkInference
    (`as_cascade_long(df, cascade_node_name="node_name", event_time="event_time",
    cascade_id="cascade_id")`): one row per adoption (the earliest when an agency
    adopted a case twice), plus the case's origin as an event when it is known
    and dated. `event_time` is a **decimal year** (`decimal_year`: the start of
    the period, 2021-07 -> 2021.4959); `event_date` keeps the ISO string and
    `time_precision` says day, month or year. Undated adoptions have event_time
    None (NetworkInference needs times: pass `dated_only=True` to leave them out).
    """
    org = _origins(origins)
    first: dict[tuple[str, str], Mapping] = {}
    for r in adoptions:
        key = (r["case"], r["adopter"])
        if key not in first or (r.get("date") and (not first[key].get("date") or earlier(r["date"], first[key]["date"]))):
            first[key] = r
    out = []
    for case, o in org.items():
        if parse_date(o.get("date")) and any(k[0] == case for k in first) and (case, o["origin"]) not in first:
            out.append(_event(o["origin"], case, o["date"], "origin", None, None))
    for (case, adopter), r in first.items():
        out.append(_event(adopter, case, r.get("date"), "adopter", r.get("source"), r.get("channel")))
    if dated_only:
        out = [e for e in out if e["event_time"] is not None]
    return sorted(out, key=lambda e: (e["cascade_id"], e["event_time"] is None, e["event_time"] or 0, e["node_name"]))


def _event(node, case, date_text, role, source, channel) -> dict:
    parsed = parse_date(date_text)
    return {"node_name": node, "event_time": decimal_year(date_text), "cascade_id": case,
            "time_precision": parsed[1] if parsed else None, "event_date": date_text if parsed else None,
            "role": role, "source": source, "channel": channel}


def cascades(store=None, *, endpoint: str | None = None, dated_only: bool = False) -> list[dict]:
    """`cascades_from_rows` on the store's adoptions and case origins."""
    return cascades_from_rows(rows("adoptions", store, endpoint=endpoint),
                              rows("graph-case-origins", store, endpoint=endpoint), dated_only=dated_only)


def write_cascades_csv(events: list[dict], out) -> None:
    """CSV with CASCADE_COLUMNS (empty cell for None) to a path or text stream."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return write_cascades_csv(events, fh)
    w = csv.DictWriter(out, fieldnames=CASCADE_COLUMNS, lineterminator="\n")
    w.writeheader()
    for e in events:
        w.writerow({k: "" if e.get(k) is None else e[k] for k in CASCADE_COLUMNS})


# -- export ------------------------------------------------------------------

def clean_attributes(G):
    """A copy whose attribute values GraphML/GEXF accept: None dropped, anything
    not str/int/float/bool (dates, lists) turned into a string."""
    H = G.copy()

    def fix(d: dict) -> None:
        for k in list(d):
            v = d[k]
            if v is None:
                del d[k]
            elif not isinstance(v, (str, int, float, bool)):
                d[k] = LIST_SEPARATOR.join(map(str, v)) if isinstance(v, (list, tuple, set)) else str(v)

    H.graph = {k: v for k, v in H.graph.items() if v is not None}
    for _, d in H.nodes(data=True):
        fix(d)
    for *_, d in H.edges(data=True):
        fix(d)
    return H


def serialize(G, fmt: str) -> str:
    """The graph as text in one of FORMATS (csv: one row per edge)."""
    from kg.errors import QueryError

    H = clean_attributes(G)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(H)) + "\n"
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(H)) + "\n"
    if fmt == "json":
        return json.dumps(nx.node_link_data(H, edges="edges"), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        edges = list(H.edges(data=True))
        keys = sorted({k for *_, d in edges for k in d})
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["source", "target", *keys])
        w.writerows([u, v, *[d.get(k, "") for k in keys]] for u, v, d in edges)
        return buf.getvalue()
    raise QueryError(f"unknown graph format {fmt!r}: one of {', '.join(FORMATS)}")


# -- notebook tables ---------------------------------------------------------

def frame(columns, data):
    """(columns, rows) as returned by kg.queries.run or kg.stats.stats -> DataFrame."""
    import pandas as pd

    return pd.DataFrame(data, columns=columns)


SUMMARY_QUERIES = {"programs": "programs", "agreements": "agreements", "awards": "awards",
                   "sister cities": "sister-cities", "casebook cases": "cases", "adoptions": "adoptions"}


def agency_summary(store=None, *, endpoint: str | None = None):
    """Agencies x kinds: how many rows each catalogue query has per agency."""
    import pandas as pd

    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for kind, q in SUMMARY_QUERIES.items():
        col = "adopter" if q == "adoptions" else "agency"
        for r in rows(q, store, endpoint=endpoint):
            counts[r[col]][kind] += 1
    df = pd.DataFrame.from_dict({a: dict(c) for a, c in counts.items()}, orient="index")
    df = df.reindex(columns=list(SUMMARY_QUERIES)).fillna(0).astype(int)
    df["total"] = df.sum(axis=1)
    return df.sort_values(["total"], ascending=False).rename_axis("agency")


def adoption_matrix(store=None, *, endpoint: str | None = None, min_adopters: int = 2):
    """Adopter x case table (1 = adopted) for the cases with at least `min_adopters` adopters."""
    df = table("adoptions", store, endpoint=endpoint)
    counts = df.groupby("case")["adopter"].nunique()
    df = df[df["case"].isin(counts[counts >= min_adopters].index)]
    m = df.assign(adopted=1).pivot_table(index="adopter", columns="case", values="adopted", aggfunc="max", fill_value=0)
    return m.loc[:, counts[m.columns].sort_values(ascending=False).index]


def twinning_summary(store=None, *, endpoint: str | None = None):
    """Sister-city relations counted by agency, domestic/foreign and relation type."""
    df = table("sister-cities", store, endpoint=endpoint)
    df["scope"] = df["country"].map(lambda c: "해외" if c else "국내")
    df["relation"] = df["relation"].fillna("(미기재)")
    return df.pivot_table(index=["agency", "scope"], columns="relation", values="partner",
                          aggfunc="count", fill_value=0)


def budgets(store=None, *, endpoint: str | None = None, by: str | list[str] = "source"):
    """Sum of budget lines (KRW) grouped by `by` (columns of graph-budgets:
    agency, department, program, source, year); a DataFrame, largest first."""
    df = table("graph-budgets", store, endpoint=endpoint)
    df["department"] = df["department"].fillna("(미기재)")
    keys = [by] if isinstance(by, str) else list(by)
    out = df.groupby(keys, dropna=False)["amount_krw"].sum()
    if len(keys) == 2:
        out = out.unstack(fill_value=0)
        return out.loc[out.sum(axis=1).sort_values(ascending=False).index]
    return out.sort_values(ascending=False).to_frame()


def discount_summary(store=None, *, endpoint: str | None = None):
    """Resident discounts counted by agency, partner city and offering side."""
    df = table("sister-city-discounts", store, endpoint=endpoint)
    df["side"] = [("우리 기관 제공" if o == a else "상대 도시 제공") for o, a in zip(df["offered_by"], df["agency"])]
    out = df.pivot_table(index=["agency", "partner"], columns="side", values="facility", aggfunc="count", fill_value=0)
    return out.loc[out.sum(axis=1).sort_values(ascending=False).index]


def cascades_frame(store=None, *, endpoint: str | None = None, dated_only: bool = False):
    """`cascades` as a DataFrame with CASCADE_COLUMNS."""
    import pandas as pd

    return pd.DataFrame(cascades(store, endpoint=endpoint, dated_only=dated_only), columns=CASCADE_COLUMNS)


def outcomes(store=None, *, endpoint: str | None = None, kind: str | None = "program"):
    """Outcome rows (graph-outcomes) for programs (`kind="program"`), cases or both (None)."""
    df = table("graph-outcomes", store, endpoint=endpoint)
    return df if kind is None else df[df["subject_kind"] == kind].reset_index(drop=True)


def outcome_counts(store=None, *, endpoint: str | None = None, kind: str | None = "program", top: int = 15):
    """Number of measured outcomes per subject (agency, subject), largest first."""
    df = outcomes(store, endpoint=endpoint, kind=kind)
    return df.groupby(["agency", "subject"]).size().sort_values(ascending=False).head(top).rename("outcomes").to_frame()
