"""`kg graph`: networks from the catalogue (diffusion, twinning, partners, awards),
their measures, and adoption cascades for NetworkInference."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import EndpointOpt, StoreOpt, echo_rows, fail, handle_errors, open_store

GraphFormatOpt = typer.Option("graphml", "--format", "-f", help="graphml | gexf | json | csv (edge list)")
OutOpt = typer.Option(None, "-o", "--output", help="file (default: stdout)")

_HELP = {
    "diffusion": "Innovation diffusion: source agency -> adopter, one edge per case.",
    "twinning": "Sister cities: agency -- partner city (domestic / foreign).",
    "partners": "MOUs and agreements: bipartite agency -- partner.",
    "awards": "Awards: bipartite agency -- award.",
}


def _write(text: str, out: Optional[Path]) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {out}", err=True)


def _export_command(group: typer.Typer, name: str) -> None:
    @group.command(name=name, help=_HELP[name])
    @handle_errors
    def export_graph(
        fmt: str = GraphFormatOpt,
        out: Optional[Path] = OutOpt,
        store: Optional[Path] = StoreOpt,
        endpoint: Optional[str] = EndpointOpt,
    ):
        from kg import analytics

        if fmt not in analytics.FORMATS:
            fail(f"unknown format {fmt!r}: one of {', '.join(analytics.FORMATS)}")
        s = None if endpoint else open_store(store)
        _write(analytics.serialize(analytics.graph(name, s, endpoint=endpoint), fmt), out)


app = typer.Typer(help="Networks (diffusion, twinning, partners, awards), measures and cascades.",
                  no_args_is_help=True)
for _network in ("diffusion", "twinning", "partners", "awards"):
    _export_command(app, _network)


@app.command()
@handle_errors
def measures(
    name: str = typer.Argument(..., help="diffusion | twinning | partners | awards"),
    top: int = typer.Option(10, "--top", "-n", help="how many agencies (0: all)"),
    fmt: str = typer.Option("table", "--format", help="table | csv | tsv | json"),
    store: Optional[Path] = StoreOpt,
    endpoint: Optional[str] = EndpointOpt,
):
    """Top agencies by degree, PageRank, betweenness (and innovativeness for diffusion)."""
    from kg import analytics

    s = None if endpoint else open_store(store)
    df = analytics.graph_measures(name, s, endpoint=endpoint, top=top or None)
    rows = [[None if v != v else v for v in r] for r in df.itertuples(index=False)]  # NaN -> empty
    echo_rows(list(df.columns), rows, fmt)


@app.command()
@handle_errors
def cascades(
    out: Optional[Path] = OutOpt,
    dated_only: bool = typer.Option(False, "--dated-only", help="leave out undated adoptions"),
    store: Optional[Path] = StoreOpt,
    endpoint: Optional[str] = EndpointOpt,
):
    """Adoption events as CSV for R's NetworkInference (event_time: decimal year)."""
    import io

    from kg import analytics

    s = None if endpoint else open_store(store)
    buf = io.StringIO()
    analytics.write_cascades_csv(analytics.cascades(s, endpoint=endpoint, dated_only=dated_only), buf)
    _write(buf.getvalue(), out)
