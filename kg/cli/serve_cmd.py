"""`kg serve`: a SPARQL 1.1 endpoint and browser query UI over the built store."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import StoreOpt, handle_errors, store_path


def _announce(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


app = typer.Typer()


@app.command()
@handle_errors
def serve(
    store: Optional[Path] = StoreOpt,
    port: int = typer.Option(7878, "--port", help="TCP port (0: any free port)"),
    bind: str = typer.Option("127.0.0.1", "--bind", help="address to listen on (0.0.0.0: all interfaces)"),
    writable: bool = typer.Option(False, "--writable", help="accept SPARQL updates and Graph Store writes"),
):
    """Serve the store over HTTP (Oxigraph server); prints the query URL first."""
    from kg.serve import ServeConfig, serve_forever

    code = serve_forever(ServeConfig(store_path(store), bind, port, writable), announce=_announce)
    if code:
        raise typer.Exit(code)
