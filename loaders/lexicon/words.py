"""Reviewed word tables, one per kind of word: `data/<table>.csv`.

Every table has the columns `kind, pattern, means, example, source, note`:

- `kind`: which list of the table the row belongs to (a table holds a few related
  lists: `agreement_kinds` has one per concept, `org_kinds` the body kinds, the
  name endings and the branch words);
- `pattern`: the word as a regular-expression fragment (most rows are a plain word;
  `업무\\s*협약` allows the spaces documents put in);
- `means`: what the row stands for when a reader needs it (a concept label, a
  canonical name), else empty;
- `example`: a phrase as documents write it, which the pattern must match
  (tests/loaders/lexicon/test_word_tables.py checks every row);
- `source`: where the example came from: a bundled file and line, or `genre`
  with the reason the word belongs to the genre.

Readers build their alternations from the rows in table order (the order an
alternation tries them), so a table is the one place each word is written.

>>> alt("agreement_kinds", "mou")
'MOU(?:\\\\s*협약)?|양해각서'
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
COLUMNS = ("kind", "pattern", "means", "example", "source", "note")


@dataclass(frozen=True)
class Row:
    table: str
    kind: str
    pattern: str
    means: str
    example: str
    source: str
    note: str
    line: int  # line of the row in its table


@lru_cache(maxsize=None)
def rows(table: str) -> tuple[Row, ...]:
    """The rows of `data/<table>.csv`. A bad row is a ValueError naming file and line."""
    path = DATA / f"{table}.csv"
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}:1: the columns are {', '.join(COLUMNS)}")
        for rec in reader:
            no = reader.line_num
            if not rec["kind"] or not rec["pattern"]:
                raise ValueError(f"{path}:{no}: a row needs a kind and a pattern")
            try:
                re.compile(rec["pattern"])
            except re.error as exc:
                raise ValueError(f"{path}:{no}: bad pattern {rec['pattern']!r}: {exc}") from None
            if not rec["example"] or not rec["source"]:
                raise ValueError(f"{path}:{no}: every row has an example and says where it came from")
            out.append(Row(table, rec["kind"], rec["pattern"], rec["means"] or "", rec["example"],
                           rec["source"], rec["note"] or "", no))
    return tuple(out)


def of(table: str, kind: str) -> tuple[Row, ...]:
    found = tuple(r for r in rows(table) if r.kind == kind)
    if not found:
        raise KeyError(f"{table}.csv has no rows of kind {kind!r}")
    return found


def words(table: str, kind: str) -> tuple[str, ...]:
    """The patterns of a kind, in table order (for rows that are plain words: the words)."""
    return tuple(dict.fromkeys(r.pattern for r in of(table, kind)))


def alt(table: str, kind: str) -> str:
    """`a|b|c`: the kind's patterns as one alternation, in table order (ungrouped:
    callers put it inside their own group)."""
    return "|".join(words(table, kind))


def kinds(table: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.kind for r in rows(table)))


def tables() -> tuple[str, ...]:
    """Every table in this format (the others, labels.csv and the like, have their own readers)."""
    out = []
    for path in sorted(DATA.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            if tuple(next(csv.reader(fh), ())) == COLUMNS:
                out.append(path.stem)
    return tuple(out)


def letter_spaced(pattern: str) -> str:
    """`pattern` with `\\s*` allowed between two letters written one after the other outside a
    character class (`업무협약` -> `업\\s*무\\s*협\\s*약`), as converters letter-space short words.

    >>> letter_spaced(r"MOU(?:\\s*협약)?")
    'M\\\\s*O\\\\s*U(?:\\\\s*협\\\\s*약)?'
    >>> import re; bool(re.fullmatch(letter_spaced(r"업무\\s*(?:협력\\s*)?협약"), "업 무 협 약"))
    True
    >>> re.fullmatch(letter_spaced(r"(?P<kind>협약)"), "협 약").group("kind")
    '협 약'
    """
    out: list[str] = []
    prev_letter = False
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            prev_letter = False
            continue
        if pattern.startswith(("(?P<", "(?<", "(?P="), i) and not pattern.startswith(("(?<=", "(?<!"), i):
            end = pattern.index(">" if pattern[i + 2] != "P" or pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i:end + 1])  # a group's name is no word
            i = end + 1
            prev_letter = False
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            prev_letter = False
        else:
            letter = c.isalpha()
            if letter and prev_letter:
                out.append(r"\s*")
            out.append(c)
            prev_letter = letter
        i += 1
    return "".join(out)


def spaced(words_: Iterable[str]) -> str:
    """One group of plain words, longest first, each character allowed to be spaced out from the
    next (`추진배경` matches `추 진 배 경`): the one way labels read at the start of a line are
    built (labels.or_regex, spaced_alt)."""
    ws = sorted(set(words_), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(r"\s*".join(map(re.escape, w)) for w in ws) + ")"


def spaced_alt(table: str, *kinds: str) -> str:
    """`spaced` over the kinds' plain words (a pattern's `\\s*` dropped first).

    >>> import re; bool(re.fullmatch(spaced_alt("section_labels", "program_label"), "추 진 배 경"))
    True
    """
    return spaced(re.sub(r"\\s[*+]", "", w) for k in kinds for w in words(table, k))
