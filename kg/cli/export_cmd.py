"""`kg export`: the whole graph in a standard RDF format, byte-stable."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import StoreOpt, fail, handle_errors, open_store


app = typer.Typer()


@app.command()
@handle_errors
def export(
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle | trig | nt | nq | jsonld"),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="file (default: stdout)"),
    store: Optional[Path] = StoreOpt,
):
    """Export the graph (the same graph gives the same bytes)."""
    from kg.export import FORMATS, write

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    data = write(open_store(store), fmt, out)
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        typer.echo(f"wrote {out} ({len(data)} bytes)", err=True)
