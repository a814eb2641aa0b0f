"""What every format converter returns, and the helpers they share (below
loaders.document.formats, which dispatches to the converters: no import cycle)."""
from __future__ import annotations

from dataclasses import dataclass

from loaders.errors import InputError

EXTRA = "pip install 'lgkg[formats]'"

PDF, HWPX, HWP = "pdf", "hwpx", "hwp"
KIND = {PDF: "page", HWPX: "paragraph", HWP: "paragraph"}


@dataclass(frozen=True)
class Converted:
    text: str
    kind: str  # "page" | "paragraph": what `origin` counts
    origin: tuple[int | None, ...]  # per line of `text` (index = line - 1)


def need(module: str, what: str, name: str):
    """Import an optional library or say which extra brings it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(f"reading {what} needs the optional formats extra: {EXTRA}", file=name) from None


def join(lines: list[tuple[str, int | None]], kind: str) -> Converted:
    """Markup lines with their origins -> Converted (no trailing blank lines)."""
    while lines and not lines[-1][0]:
        lines.pop()
    return Converted("\n".join(t for t, _ in lines) + "\n", kind, tuple(o for _, o in lines))
