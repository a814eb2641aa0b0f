"""The `kg` command. Each command group lives in its own module `kg/cli/*_cmd.py`
with a `register(app)` function; they are discovered here, so adding a command
group touches no other file. Heavy libraries are imported inside commands so
that `kg --help` starts fast."""
from __future__ import annotations

if __name__ == "__main__":  # `python -m kg.cli.main`: Ctrl-C handled before the heavy imports
    from kg import interrupts as _signals

    _signals.outside_command()
    _signals.pause_at("start")

import importlib
import pkgutil

import typer

import kg.cli as _pkg

app = typer.Typer(
    help="lgkg: a knowledge graph of Korean local government (build, query, validate, export).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_ORDER = ["build_cmd", "query_cmd", "stats_cmd", "validate_cmd", "export_cmd"]
_found = sorted(m.name for m in pkgutil.iter_modules(_pkg.__path__) if m.name.endswith("_cmd"))
for _name in sorted(_found, key=lambda n: (_ORDER.index(n) if n in _ORDER else len(_ORDER), n)):
    importlib.import_module(f"kg.cli.{_name}").register(app)

if __name__ == "__main__":  # pragma: no cover
    _signals.run_and_exit(app)
