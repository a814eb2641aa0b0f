"""The `kg` command. Each command group lives in its own module; imports of the
heavy libraries happen inside commands so that `kg --help` starts fast."""
from __future__ import annotations

import typer

from kg.cli import build_cmd, export_cmd, query_cmd, stats_cmd, validate_cmd

app = typer.Typer(
    help="lgkg: a knowledge graph of Korean local government (build, query, validate, export).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
build_cmd.register(app)
query_cmd.register(app)
stats_cmd.register(app)
validate_cmd.register(app)
export_cmd.register(app)

if __name__ == "__main__":  # pragma: no cover
    app()
