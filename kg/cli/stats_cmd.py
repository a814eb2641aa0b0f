"""`kg stats`: what is in the store."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from kg.cli.common import FormatOpt, StoreOpt, echo_rows, handle_errors, open_store


app = typer.Typer()


@app.command()
@handle_errors
def stats(store: Optional[Path] = StoreOpt, fmt: str = FormatOpt):
    """Counts: graphs, triples, instances per class, concepts per scheme."""
    from kg.stats import stats as compute

    columns, rows = compute(open_store(store))
    echo_rows(columns, rows, fmt)
