"""The `kg` console script: Ctrl-C handling first, then the (heavy) command line."""
from __future__ import annotations

from kg import interrupts as signals


def main() -> None:
    signals.outside_command()
    signals.pause_at("start")
    from kg.cli.main import app

    app()
