"""`kg push`: upload the store's named graphs to a SPARQL server (Graph Store Protocol)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import StoreOpt, handle_errors, open_store


app = typer.Typer()


@app.command()
@handle_errors
def push(
    endpoint: str = typer.Option(
        ..., "--endpoint",
        help="Graph Store Protocol URL: http://HOST:PORT/store (Oxigraph), "
             "http://HOST:PORT/sparql-graph-crud-auth (Virtuoso)",
    ),
    user: Optional[str] = typer.Option(None, "--user", help="user name (digest or basic auth)"),
    password: Optional[str] = typer.Option(None, "--password", help="password"),
    store: Optional[Path] = StoreOpt,
):
    """Replace each named graph on the server by the store's copy."""
    from kg.remote import push as run_push

    sent = run_push(open_store(store), endpoint, user=user, password=password)
    typer.echo(f"pushed {len(sent)} graphs, {sum(sent.values())} triples to {endpoint}")
