"""The reviewed word tables (loaders/lexicon/data/*.csv in the `kind, pattern, means,
example, source, note` form, read by loaders/lexicon/words.py): every row's example is
matched by the alternation built from its kind, and says where it came from: a bundled
file and line or a test case and line (then the example is on that line), an issue, or
`genre (why)`."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.lexicon import words

ROOT = Path(__file__).resolve().parents[3]
ROWS = [r for t in words.tables() for r in words.rows(t)]


def test_the_tables_are_found():
    assert {"agreement_kinds", "agreement_words", "org_kinds", "company_forms", "twinning", "agreement_lines",
            "party_words", "award_results", "report_words", "money_units", "case_names"} \
        <= set(words.tables())


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}-L{r.line}")
def test_each_example_is_matched_by_its_kind(row):
    assert re.search(row.pattern, row.example), f"{row.table}.csv:{row.line}: the row does not match its example"
    assert re.search(words.alt(row.table, row.kind), row.example), \
        f"{row.table}.csv:{row.line}: the alternation of {row.kind!r} does not match the row's example"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}-L{r.line}")
def test_each_row_says_where_its_example_came_from(row):
    src = row.source.strip()
    assert src and row.example.strip()
    m = re.match(r"(\d{3}_[0-9a-f]{16}\.txt|tests/[\w/.-]+\.txt):(\d+)$", src)
    if m:  # a bundled document or a test case: the example is on that line
        path = ROOT / (m.group(1) if m.group(1).startswith("tests/") else "data/sources/" + m.group(1))
        line = path.read_text(encoding="utf-8").splitlines()[int(m.group(2)) - 1]
        flat = " ".join(line.replace("\t", " | ").split())
        assert " ".join(row.example.split()) in flat, f"{row.table}.csv:{row.line}: the example is not on {src}"
    else:
        assert src.startswith(("genre", "issue")), \
            f"{row.table}.csv:{row.line}: source is a bundled file and line, a test case and line, an issue, or `genre (why)`"


def test_a_bad_table_names_file_and_line(tmp_path, monkeypatch):
    (tmp_path / "t.csv").write_text("kind,pattern,means,example,source,note\nk,(unclosed,,x,genre,\n",
                                    encoding="utf-8")
    monkeypatch.setattr(words, "DATA", tmp_path)
    with pytest.raises(ValueError, match=r"t\.csv:2: bad pattern"):
        words.rows.__wrapped__("t")


# tables whose readers walk every kind in table order (lexicon/agreements.py), not by name
_WALKED = {"agreement_kinds"}


def _loader_code() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "loaders").rglob("*.py")))


def test_every_kind_is_read_somewhere():
    """No dead vocabulary: each kind of each table is named by a loader (or its table is walked)."""
    from loaders.lexicon import labels

    code = _loader_code()
    named = set(re.findall(r"[\"']([a-z_]+)[\"']", code))
    dead = [f"{t}:{k}" for t in words.tables() if t not in _WALKED for k in words.kinds(t) if k not in named]
    dead += [f"labels:{k}" for k in labels.table() if k not in named]
    assert not dead, f"kinds no loader reads (remove their rows or read them): {dead}"
