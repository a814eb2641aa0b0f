"""`kg query NAME` (the catalogue) and `kg sparql QUERY|FILE`."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kg.cli.common import EndpointOpt, FormatOpt, StoreOpt, echo_rows, fail, handle_errors, open_store


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            fail(f"--param wants key=value, got {pair!r}")
        out[key.strip()] = value
    return out


def _query_text(arg: str) -> str:
    """The query itself, or the text of the file it names; a path that is no file is
    said to be missing rather than parsed as SPARQL."""
    looks_like_path = len(arg) < 4096 and "\n" not in arg and "{" not in arg and (
        arg.endswith((".rq", ".sparql", ".txt")) or "/" in arg and " " not in arg.strip())
    p = Path(arg)
    if looks_like_path:
        if not p.is_file():
            fail(f"no such file: {arg}")
        return p.read_text(encoding="utf-8")
    return arg


app = typer.Typer()


@app.command()
@handle_errors
def query(
    name: Optional[str] = typer.Argument(None, help="catalogue query name (see --list)"),
    param: List[str] = typer.Option([], "--param", "-p", help="key=value, bound as a value"),
    fmt: str = FormatOpt,
    store: Optional[Path] = StoreOpt,
    endpoint: Optional[str] = EndpointOpt,
    list_: bool = typer.Option(False, "--list", help="list the catalogue"),
    explain: bool = typer.Option(False, "--explain",
                                 help="print the query with its parameters bound (a VALUES block), don't run it"),
):
    """Run a catalogue query (queries/NAME.rq)."""
    from kg import queries

    if list_ or not name:
        for q in queries.catalogue().values():
            params = ", ".join(q.params) or "-"
            typer.echo(f"{q.name:22} {q.summary}\n{'':22} params: {params}; columns: {', '.join(q.columns)}")
        return
    if explain:
        q = queries.get(name)
        typer.echo(queries.with_values(q.text, queries.bind(q, _params(param))))
        return
    s = None if endpoint else open_store(store)
    columns, rows = queries.run(name, _params(param), store=s, endpoint=endpoint)
    echo_rows(columns, rows, fmt)


@app.command()
@handle_errors
def sparql(
    query: Optional[str] = typer.Argument(None, help="a SPARQL query, or a file holding one"),
    fmt: str = FormatOpt,
    store: Optional[Path] = StoreOpt,
    endpoint: Optional[str] = EndpointOpt,
    prefixes: bool = typer.Option(False, "--prefixes", help="list the predeclared prefixes and exit"),
):
    """Run any SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union of all graphs.
    The project's prefixes (`--prefixes`) are predeclared; CONSTRUCT and DESCRIBE print
    triples (subject, predicate, object) in any format."""
    from kg import queries

    if prefixes:
        for p, ns in sorted(queries.known_prefixes().items()):
            typer.echo(f"PREFIX {p + ':':8} <{ns}>")
        return
    if not query:
        fail("give a SPARQL query or a .rq file (or --prefixes)")
    text = _query_text(query)
    text = queries.with_prefixes(text)
    if endpoint:
        from kg.remote import run_remote

        columns, rows = run_remote(endpoint, text)
    else:
        columns, rows = queries.run_local(open_store(store), text)
    echo_rows(columns, rows, fmt)
