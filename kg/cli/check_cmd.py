"""`kg check`: what the loaders make of documents, without a store."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kg.cli.build_cmd import ReportOpt, _check_format, _summary
from kg.cli.common import handle_errors

app = typer.Typer()


@app.command()
@handle_errors
def check(
    files: List[Path] = typer.Argument(..., help="documents (text, PDF, HWPX or HWP; work reports or casebooks) "
                                                  "or directories of them"),
    report_fmt: Optional[str] = ReportOpt,
):
    """Read documents as `kg ingest` would and print what was read of each (the extraction
    report, warnings on stderr); no store is opened or written. Exit 2 if a document cannot be
    read, 70 on a loader bug, else 0."""
    from kg.build import check as run_check
    from kg.build import expand_sources

    _check_format(report_fmt)
    files = expand_sources(files)
    typer.echo(f"checking {len(files)} document{'s' if len(files) != 1 else ''}", err=True)
    report = run_check(files)
    _summary(report, report_fmt, stored=False)
    if report.failed:  # 2: a document's fault; 70: a loader bug (reported as such)
        raise typer.Exit(max(d.error.exit_code for d in report.failed))
