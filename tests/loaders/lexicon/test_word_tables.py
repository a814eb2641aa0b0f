"""The reviewed word tables (loaders/lexicon/data/*.csv in the `kind, pattern, means,
example, source, note` form): every row's example is read by the alternation built
from its kind, and says where it came from."""
from __future__ import annotations

import re

import pytest

from loaders.lexicon import words

ROWS = [r for t in words.tables() for r in words.rows(t)]


def test_the_tables_are_found():
    assert {"agreement_kinds", "agreement_words", "org_kinds", "company_forms"} <= set(words.tables())


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}-L{r.line}")
def test_each_example_is_matched_by_its_kind(row):
    assert re.search(row.pattern, row.example), f"{row.table}.csv:{row.line}: the row does not match its example"
    assert re.search(words.alt(row.table, row.kind), row.example), \
        f"{row.table}.csv:{row.line}: the alternation of {row.kind!r} does not match the row's example"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}-L{r.line}")
def test_each_row_says_where_its_example_came_from(row):
    assert row.source.strip() and row.example.strip()
    assert re.match(r"\d{3}_[0-9a-f]{16}\.txt:\d+$", row.source) or row.source.startswith(("genre", "issue", "tests/")), \
        f"{row.table}.csv:{row.line}: source is a bundled file and line, , a test case, or `genre (why)`"


def test_a_bad_table_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "t.csv").write_text("kind,pattern,means,example,source,note\nk,(unclosed,,x,genre,\n",
                                    encoding="utf-8")
    monkeypatch.setattr(words, "DATA", tmp_path)
    with pytest.raises(ValueError, match=r"t\.csv:2: bad pattern"):
        words.rows.__wrapped__("t")
