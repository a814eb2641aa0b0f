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


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def query(
        name: Optional[str] = typer.Argument(None, help="catalogue query name (see --list)"),
        param: List[str] = typer.Option([], "--param", "-p", help="key=value, bound as a value"),
        fmt: str = FormatOpt,
        store: Optional[Path] = StoreOpt,
        endpoint: Optional[str] = EndpointOpt,
        list_: bool = typer.Option(False, "--list", help="list the catalogue"),
    ):
        """Run a catalogue query (queries/NAME.rq)."""
        from kg import queries

        if list_ or not name:
            for q in queries.catalogue().values():
                params = ", ".join(q.params) or "-"
                typer.echo(f"{q.name:22} {q.summary}\n{'':22} params: {params}; columns: {', '.join(q.columns)}")
            return
        s = None if endpoint else open_store(store)
        columns, rows = queries.run(name, _params(param), store=s, endpoint=endpoint)
        echo_rows(columns, rows, fmt)

    @app.command()
    @handle_errors
    def sparql(
        query: str = typer.Argument(..., help="a SPARQL query, or a file holding one"),
        fmt: str = FormatOpt,
        store: Optional[Path] = StoreOpt,
        endpoint: Optional[str] = EndpointOpt,
    ):
        """Run any SPARQL query over the union of all graphs."""
        from kg import queries

        text = query
        p = Path(query)
        if len(query) < 4096 and "\n" not in query and p.suffix in (".rq", ".sparql", ".txt") and p.exists():
            text = p.read_text(encoding="utf-8")
        if endpoint:
            from kg.remote import run_remote

            columns, rows = run_remote(endpoint, text)
        else:
            columns, rows = queries.run_local(open_store(store), text)
        echo_rows(columns, rows, fmt)
