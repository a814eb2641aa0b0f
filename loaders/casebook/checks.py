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


def _agency(e) -> str | None:
    """The entry's header agency, else its contact line's (an empty header region)."""
    contact = getattr(e, "contact", None)
    return e.agency or (contact.agency if contact is not None else None)


def section_list_checks(entries: list, section_lists: list) -> list[ExtractionCheck]:
    """A section's opening list of agencies (parse.CaseTree.section_lists: line, indicator,
    agencies) against the agencies of the entries read between it and the next list: one
    check per section (found: listed agencies with an entry), a warning naming the listed
    agencies without an entry and the entries whose agency the list does not name. An agency
    may have several entries; the list's last name may be the first entry's own header.

    >>> class E:
    ...     def __init__(self, line, agency): self.line, self.agency = line, agency
    >>> lists = [(10, "협업 추진 성과", ("경기 수원시", "충남 서산시", "경기 수원시"))]
    >>> [(c.found, c.expected, c.warning) for c in section_list_checks([E(20, "경기 수원시"), E(40, "충남 서산시")], lists)]
    [(2, 2, None)]
    >>> section_list_checks([E(20, "경기 수원시"), E(40, "서울 중구")], lists)[0].warning
    '협업 추진 성과: 충남 서산시 listed but no entry read; an entry of 서울 중구, which the list does not name'
    """
    out: list[ExtractionCheck] = []
    for k, (line, indicator, names) in enumerate(section_lists):
        end = section_lists[k + 1][0] if k + 1 < len(section_lists) else None
        got = [_agency(e) for e in entries if e.line > line and (end is None or e.line < end) and _agency(e)]
        listed = list(dict.fromkeys(names))
        missing = [n for n in listed if n not in got]
        extra = list(dict.fromkeys(a for a in got if a not in listed))
        parts = []
        if missing:
            parts.append(f"{', '.join(missing)} listed but no entry read")
        if extra:
            parts.append(f"an entry of {', '.join(extra)}, which the list does not name")
        out.append(ExtractionCheck("entry", len(listed) - len(missing), len(listed), "section list",
                                   f"{indicator}: " + "; ".join(parts) if parts else None, indicator, line + 1))
    return out
