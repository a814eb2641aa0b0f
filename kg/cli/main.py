"""The `kg` command, one file per command group (Typer's "one file per command"):
each `kg/cli/*_cmd.py` holds a module-level `app = typer.Typer()` with its commands,
and this module adds them explicitly, in the order `kg --help` lists them.
Heavy libraries are imported inside commands so that `kg --help` starts fast."""
from __future__ import annotations

if __name__ == "__main__":  # `python -m kg.cli.main`: Ctrl-C handled before the heavy imports
    from kg import interrupts as _signals

    _signals.outside_command()
    _signals.pause_at("start")

import typer

from kg.cli import (build_cmd, catalog_cmd, check_cmd, docs_cmd, export_cmd, graph_cmd, query_cmd, remote_cmd,
                    serve_cmd, stats_cmd, validate_cmd)

app = typer.Typer(
    help="lgkg: a knowledge graph of Korean local government (build, query, validate, export).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# commands at the top level (added without a name, Typer >= 0.15), then the `graph` group
for _group in (build_cmd, check_cmd, query_cmd, stats_cmd, validate_cmd, export_cmd, catalog_cmd, docs_cmd,
               remote_cmd, serve_cmd):
    app.add_typer(_group.app)
app.add_typer(graph_cmd.app, name="graph")

if __name__ == "__main__":  # pragma: no cover
    _signals.run_and_exit(app)
