"""`kg catalog`: a DCAT-AP 3 catalogue (Turtle) describing the graph."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import StoreOpt, handle_errors, open_store


app = typer.Typer()


@app.command()
@handle_errors
def catalog(
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="file (default: stdout)"),
    store: Optional[Path] = StoreOpt,
    download_url: Optional[str] = typer.Option(None, "--download-url", help="where the Turtle dump is published"),
    endpoint_url: Optional[str] = typer.Option(None, "--endpoint-url", help="the public SPARQL endpoint"),
):
    """DCAT-AP 3 catalogue with VoID statistics (deterministic: dates come from the documents)."""
    from kg.catalog import write

    data = write(open_store(store), out, download_url=download_url, endpoint_url=endpoint_url)
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        typer.echo(f"wrote {out} ({len(data)} bytes)", err=True)
