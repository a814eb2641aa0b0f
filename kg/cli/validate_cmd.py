"""`kg validate`: SHACL validation of the store with pySHACL."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import StoreOpt, handle_errors, open_store


app = typer.Typer()


@app.command()
@handle_errors
def validate(
    store: Optional[Path] = StoreOpt,
    max_results: int = typer.Option(20, help="violations to print"),
):
    """Validate the data against ontology/shapes.ttl; exit 1 if they do not conform."""
    from kg.validate import validate_store

    result = validate_store(open_store(store))
    typer.echo(result.summary(max_results))
    if not result.conforms:
        raise typer.Exit(1)
