"""`kg build` and `kg ingest`."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from kg.cli.common import StoreOpt, handle_errors, store_path


def _summary(report) -> None:
    for d in report.documents:
        if d.error:
            typer.echo(f"  FAILED {d.error}", err=True)
        else:
            counts = ", ".join(f"{k} {v}" for k, v in sorted(d.counts.items()))
            typer.echo(f"  {d.doc_id} [{d.genre}] {d.triples} triples: {counts}")
    ok = len(report.documents) - len(report.failed)
    typer.echo(
        f"{ok} of {len(report.documents)} documents, {report.store_triples} triples in the store "
        f"({report.seconds:.1f} s)"
    )


def register(app: typer.Typer) -> None:
    @app.command()
    @handle_errors
    def build(
        store: Optional[Path] = StoreOpt,
        sources: Optional[List[Path]] = typer.Argument(None, help="documents (default: the bundled data/sources/*.txt)"),
    ):
        """Build the store from scratch: ontology, vocabularies, gazetteer and every document."""
        from kg.build import build as run_build
        from kg.store import ensure_not_in_use

        target = store_path(store)
        ensure_not_in_use(target)  # fail now, not after building aside (swap_in checks again)
        typer.echo(f"building {target}")
        report = run_build(target, sources or None)
        _summary(report)
        if report.failed:
            raise typer.Exit(2)

    @app.command()
    @handle_errors
    def ingest(
        files: List[Path] = typer.Argument(..., help="source documents (text; work reports or casebooks)"),
        store: Optional[Path] = StoreOpt,
    ):
        """Add or replace documents in the store; each document is all-or-nothing."""
        from kg.build import ingest as run_ingest
        from kg.store import Store

        s = Store(store_path(store))
        typer.echo(f"ingesting {len(files)} document{'s' if len(files) != 1 else ''} into {s.path}", err=True)
        report = run_ingest(s, files)
        s.close()
        _summary(report)
        if report.failed:
            raise typer.Exit(2)
