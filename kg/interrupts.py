"""Ctrl-C at any moment of `kg`: exit 130 with one line, never death by the signal.

Three phases (issue 18). Until a command's body starts (interpreter start-up done,
imports, argument parsing) and after it ends (output, interpreter shutdown), a
SIGINT ends the process at once: nothing is being written, so the store is as it
was; `_now` writes the line and calls `os._exit(130)`. While a command's body
runs, SIGINT raises KeyboardInterrupt as usual, so `finally` blocks release locks
and discard half-built stores; `kg.cli.common.handle_errors` then exits 130.

This module imports nothing heavy: it is installed before typer, rdflib or
pyoxigraph are imported. LGKG_PAUSE_AT=<step> makes the process stop at a named
step and say so on stderr (`paused at <step>`), so tests can deliver the signal
at a chosen point instead of after a sleep.
"""
from __future__ import annotations

import os
import signal
import threading
import time

MESSAGE = ("error: interrupted; the store is consistent (each document is replaced all-or-nothing, "
           "and an interrupted build keeps the previous store)")


def _now(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.write(2, (MESSAGE + "\n").encode())
    finally:
        os._exit(130)


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def is_handled() -> bool:
    """True in the `kg` program (the handler was installed), False in a test's
    CliRunner, whose process keeps its own SIGINT handling."""
    return _main_thread() and signal.getsignal(signal.SIGINT) in (_now, signal.default_int_handler) and \
        _installed[0]


_installed = [False]


def outside_command() -> None:
    """SIGINT exits 130 at once (start-up, argument parsing, after the body)."""
    if _main_thread():
        signal.signal(signal.SIGINT, _now)
        _installed[0] = True


def inside_command() -> None:
    """SIGINT raises KeyboardInterrupt, so the body's `finally` blocks run."""
    if _main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)


def pause_at(step: str) -> None:
    """For tests: with LGKG_PAUSE_AT=<step>, say `paused at <step>` and wait here
    (up to LGKG_PAUSE_SECONDS, default 30) for the signal the test sends."""
    if os.environ.get("LGKG_PAUSE_AT") != step:
        return
    os.write(2, f"paused at {step}\n".encode())
    deadline = time.monotonic() + float(os.environ.get("LGKG_PAUSE_SECONDS", "30"))
    while time.monotonic() < deadline:
        time.sleep(0.01)


def run_and_exit(app) -> None:
    """Run the command line, then leave with `os._exit` once output is flushed: during
    the interpreter's own shutdown the signal module restores the default SIGINT
    action, and a Ctrl-C landing there killed the process (exit -2, one run in sixty
    in the random-moment stress of issue 18) instead of exiting 130."""
    import sys

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
        pass
    os._exit(code)


def worker_init() -> None:
    """In a worker process: Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class blocked_sigint:
    """SIGINT held back in this thread while worker processes are forked."""

    def __enter__(self):
        self.previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) \
            if hasattr(signal, "pthread_sigmask") else None
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, self.previous)
        return False
