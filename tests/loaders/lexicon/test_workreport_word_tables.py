"""The work reports' word tables (loaders/lexicon/data/*.csv in the `kind, pattern, means,
example, source, note` form, read by loaders/lexicon/words.py): every row's example is
matched by the pattern built from its kind, and says where it came from (a bundled file
and line, a test case, or `genre (why)`)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.lexicon import words

ROOT = Path(__file__).resolve().parents[3]
TABLES = ("twinning", "agreement_lines", "party_words", "org_endings", "award_results", "company_forms",
          "report_words", "money_units", "case_names")
ROWS = [r for t in TABLES for r in words.rows(t)]


def test_the_tables_are_found():
    assert set(TABLES) <= set(words.tables())


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}-L{r.line}")
def test_each_example_is_matched_by_its_kind(row):
    assert re.search(row.pattern, row.example), f"{row.table}.csv:{row.line}: the row does not match its example"
    assert re.search(words.alt(row.table, row.kind), row.example), \
        f"{row.table}.csv:{row.line}: the alternation of {row.kind!r} does not match the row's example"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}-L{r.line}")
def test_each_row_says_where_its_example_came_from(row):
    src = row.source
    m = re.match(r"(\d{3}_[0-9a-f]{16}\.txt|tests/[\w/.-]+\.txt):(\d+)$", src)
    if m:  # a bundled report or a test case: the example is on that line
        path = ROOT / ("data/sources/" + m.group(1) if not m.group(1).startswith("tests/") else m.group(1))
        line = path.read_text(encoding="utf-8").splitlines()[int(m.group(2)) - 1]
        flat = " ".join(line.replace("\t", " | ").split())
        assert row.example in flat, f"{row.table}.csv:{row.line}: the example is not on {src}"
    else:
        assert src.startswith("genre (") and src.endswith(")"), \
            f"{row.table}.csv:{row.line}: source is a bundled file and line, a test case, or `genre (why)`"
