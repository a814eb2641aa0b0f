"""`kg build` and `kg ingest`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from kg.cli.common import StoreOpt, fail, handle_errors, store_path

ReportOpt = typer.Option(
    None, "--report",
    help="json | text: print each document's extraction report on stdout (what was found, what the "
         "document's own lists and totals expect, warnings); the progress lines then go to stderr")
REPORT_FORMATS = ("json", "text")


def _check_format(fmt: Optional[str]) -> None:
    if fmt is not None and fmt not in REPORT_FORMATS:
        fail(f"--report wants json or text, got {fmt!r}")


def _warnings(report) -> None:
    """One WARNING line (stderr) per check that carries a warning, `file:line: text`."""
    from loaders.report import warning_text

    for d in report.documents:
        for c in d.checks:
            if c.warning:
                where = Path(d.path).name + (f":{c.line}" if c.line else "")
                typer.echo(f"WARNING {where}: {warning_text(c)}", err=True)


def _text(report) -> None:
    from loaders.report import describe

    for d in report.documents:
        name = Path(d.path).name
        if d.error:
            typer.echo(f"{name}: FAILED")
            continue
        typer.echo(f"{name} [{d.genre}] {d.triples} triples")
        for c in d.checks:
            line = f"  {describe(c)}"
            typer.echo(line + (f"  WARNING: {c.warning}" if c.warning else ""))


def _summary(report, fmt: Optional[str], stored: bool = True) -> None:
    from loaders.report import one_line

    out = fmt is None  # without --report the summary is the output; with it, progress on stderr
    for d in report.documents:
        if d.error:
            typer.echo(f"  FAILED {d.error}", err=True)
        elif out:
            typer.echo(f"  {Path(d.path).name} [{d.genre}] {d.triples} triples: {one_line(d.checks)}")
    if fmt == "json":
        sys.stdout.write(json.dumps(report.extraction_report(), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "text":
        _text(report)
    _warnings(report)
    ok = len(report.documents) - len(report.failed)
    where = f"{report.store_triples} triples in the store" if stored else \
        f"{sum(d.triples for d in report.documents)} triples, nothing stored"
    typer.echo(f"{ok} of {len(report.documents)} documents, {where} ({report.seconds:.1f} s)", err=not out)


app = typer.Typer()


@app.command()
@handle_errors
def build(
    store: Optional[Path] = StoreOpt,
    sources: Optional[List[Path]] = typer.Argument(None, help="documents (text, PDF, HWPX or HWP) or directories of them (default: the bundled data/sources/*.txt)"),
    report_fmt: Optional[str] = ReportOpt,
):
    """Build the store from scratch: ontology, vocabularies, gazetteer and every document."""
    from kg.build import build as run_build
    from kg.build import expand_sources
    from kg.store import ensure_not_in_use

    _check_format(report_fmt)
    sources = expand_sources(sources) if sources else None
    target = store_path(store)
    ensure_not_in_use(target)  # fail now, not after building aside (swap_in checks again)
    typer.echo(f"building {target}", err=report_fmt is not None)
    report = run_build(target, sources or None)
    _summary(report, report_fmt)
    if report.failed:  # 2: a document's fault; 70: a loader bug (reported as such)
        raise typer.Exit(max(d.error.exit_code for d in report.failed))


@app.command()
@handle_errors
def ingest(
    files: List[Path] = typer.Argument(..., help="source documents (text, PDF, HWPX or HWP; work reports or casebooks) or directories of them"),
    store: Optional[Path] = StoreOpt,
    report_fmt: Optional[str] = ReportOpt,
):
    """Add or replace documents in the store; each document is all-or-nothing."""
    from kg.build import expand_sources
    from kg.build import ingest as run_ingest
    from kg.store import Store

    _check_format(report_fmt)
    files = expand_sources(files)
    s = Store(store_path(store))
    typer.echo(f"ingesting {len(files)} document{'s' if len(files) != 1 else ''} into {s.path}", err=True)
    report = run_ingest(s, files)
    s.close()
    _summary(report, report_fmt)
    if report.failed:  # 2: a document's fault; 70: a loader bug (reported as such)
        raise typer.Exit(max(d.error.exit_code for d in report.failed))
