"""The `kg` console script: Ctrl-C handling first, then the (heavy) command line."""
from __future__ import annotations

from kg import interrupts


def main() -> None:
    interrupts.outside_command()
    interrupts.pause_at("start")
    from kg.cli.main import app

    interrupts.run_and_exit(app)
