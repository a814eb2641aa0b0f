"""The `kg` console script: Ctrl-C handling first, then the (heavy) command line.

It leaves with `os._exit` once the command is done and its output flushed: during
the interpreter's own shutdown the signal module restores the default SIGINT
action, and a Ctrl-C landing there killed the process (exit -2, one run in sixty
in the random-moment stress of issue 18) instead of exiting 130."""
from __future__ import annotations

import os
import sys

from kg import interrupts as signals


def main() -> None:
    signals.outside_command()
    signals.pause_at("start")
    from kg.cli.main import app

    run(app)


def run(app) -> None:
    code = 0
    try:
        app()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # `kg query … | head`: the reader left
        code = code or 0
    os._exit(code)
