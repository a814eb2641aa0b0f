"""The casebook's own extraction checks: what an entry's layout promised but the
loader could not read. Emitted only when something is missing (a document read
whole carries the generic counts alone, see loaders/report.py)."""
from __future__ import annotations

from loaders.records import ExtractionCheck


def entry_checks(entries: list, unread_tables: list[int]) -> list[ExtractionCheck]:
    """`entries`: the parse tree's (parse.RawEntry), whose indicator is None when none was read."""
    out = []
    blind = [e for e in entries if e.indicator is None]
    if blind:
        lines = ", ".join(str(e.line) for e in blind[:10])
        out.append(ExtractionCheck(
            "entry", len(entries) - len(blind), expected=len(entries), cue="entry headers",
            warning=f"{len(blind)} entries without an indicator (no indicator line, no chapter heading naming one): "
                    f"line {lines}", line=blind[0].line))
    if unread_tables:
        out.append(ExtractionCheck(
            "entry-table", 0, expected=len(unread_tables), cue="entry identity tables",
            warning=f"{len(unread_tables)} entry tables (agency / case / department labels) whose values "
                    f"could not be read: line {', '.join(str(n) for n in unread_tables[:10])}",
            line=unread_tables[0]))
    return out
