"""The casebook's own cue for its entries: each indicator section opens with the list of its
agencies, and the entries read in that section must be theirs (loaders/casebook/checks.py)."""
from __future__ import annotations

from pathlib import Path

from loaders.casebook import extract_text
from loaders.records import ExtractionCheck

ROOT = Path(__file__).resolve().parents[3]
BOOK = ROOT / "data" / "sources" / "002_1883cbad05eb4de7.txt"


def _lists(text: str) -> list[ExtractionCheck]:
    recs = extract_text(text, file_name="b.txt", doc_id="b", sha256="0" * 64)
    return [r for r in recs if isinstance(r, ExtractionCheck) and r.cue == "section list"]


def test_every_listed_agency_has_its_entry_in_the_bundled_book():
    got = _lists(BOOK.read_text(encoding="utf-8"))
    assert len(got) == 11 and all(c.warning is None and c.found == c.expected == 7 for c in got)
    assert got[0].scope == "조직문화 혁신"


def test_a_list_that_disagrees_with_the_entries_is_warned_about():
    """The 조직문화 혁신 list names 경남 거제시 where its entry is 경남 고성군's: both sides are named."""
    text = BOOK.read_text(encoding="utf-8")
    lines = text.split("\n")
    i = next(k for k in range(1240, 1270) if lines[k] == "경남 고성군")
    lines[i] = "경남 거제시"
    (c,) = [c for c in _lists("\n".join(lines)) if c.scope == "조직문화 혁신"]
    assert (c.found, c.expected) == (6, 7)
    assert "경남 거제시 listed but no entry read" in c.warning
    assert "an entry of 경남 고성군, which the list does not name" in c.warning
