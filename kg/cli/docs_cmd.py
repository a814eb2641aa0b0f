"""`kg docs`: HTML documentation of the ontology (Korean and English)."""
from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.common import handle_errors


app = typer.Typer()


@app.command()
@handle_errors
def docs(out: Path = typer.Option(Path("docs/ontology"), "-o", "--output", help="output directory")):
    """Write DIR/index.html: every class, property and SKOS scheme with ko/en labels."""
    from kg.docs import write_docs

    typer.echo(f"wrote {write_docs(out)}")
