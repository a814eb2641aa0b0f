"""What every command shares: the store option, error reporting, result output."""
from __future__ import annotations

import csv
import functools
import io
import json
import sys
import unicodedata
from pathlib import Path
from typing import Optional

import typer

StoreOpt = typer.Option(None, "--store", help="store directory (default: $LGKG_STORE or ./.lgkg/store)")
EndpointOpt = typer.Option(None, "--endpoint", help="query a remote SPARQL 1.1 endpoint instead of the store")
FormatOpt = typer.Option("table", "--format", "-f", help="table | csv | tsv | json")


def store_path(store: Optional[Path]) -> Path:
    from kg.paths import default_store

    return Path(store) if store else default_store()


def open_store(store: Optional[Path]):
    """The store for a command. Readers hold a shared lock while they run, so a
    query never reads a store another process is writing (undefined behaviour in
    RocksDB): with a writer active they get StoreInUse, exit 2 (see SECURITY.md)."""
    from kg.store import open_for_reading

    return open_for_reading(store_path(store))


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


from kg.interrupts import MESSAGE as INTERRUPTED  # noqa: E402 - one wording for every phase


def handle_errors(fn):
    """Turn KgError into a one-line message and its exit code; bugs keep their traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from kg import interrupts as signals
        from kg.errors import KgError

        interactive = signals.is_handled()
        try:
            if interactive:
                signals.inside_command()
                signals.pause_at("command")
            return fn(*args, **kwargs)
        except KgError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            # the build/ingest `finally` blocks already ran while the exception
            # unwound; a stray second interrupt during interpreter shutdown must not
            # turn exit 130 into death by signal, so ignore SIGINT and leave now
            import os
            import signal

            signal.signal(signal.SIGINT, signal.SIG_IGN)
            typer.echo(INTERRUPTED, err=True)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        finally:
            if interactive:
                sys.stdout.flush()
                signals.outside_command()  # the body is done: from here a SIGINT exits 130 at once
                signals.pause_at("end")

    return wrapper


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def format_rows(columns: list[str], rows: list[list], fmt: str) -> str:
    """JSON keeps full IRIs; table, CSV and TSV compact them with the project's prefixes."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, r)) for r in rows], ensure_ascii=False, indent=1)
    if fmt in ("csv", "tsv", "table"):
        from kg.queries import compact

        rows = [[compact(v) for v in r] for r in rows]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(columns)
        w.writerows([[_cell(v) for v in r] for r in rows])
        return buf.getvalue().rstrip("\n")
    if fmt != "table":
        raise typer.BadParameter(f"unknown format {fmt!r}: table, csv, tsv or json")
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(vals):
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(vals, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def echo_rows(columns, rows, fmt: str) -> None:
    text = format_rows(columns, rows, fmt)
    sys.stdout.write(text + "\n")
