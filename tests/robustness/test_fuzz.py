"""Property-based fuzzing: mutated real documents never raise anything but KgError
subclasses, and what the loaders extract from them conforms to the shapes; the
text helpers never raise on any string. SECURITY.md, promise 3.

CI runs a fixed, derandomized set (60 no-crash examples, 10 validated with
pySHACL at ~5 s each); `LGKG_FUZZ_EXAMPLES=N` runs N of each.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import loaders
from kg.errors import KgError
from loaders import text as T
from tests.robustness.conftest import bundled, fuzz_examples

PROFILE = settings.get_profile("lgkg-robustness")
DOCS = {p.stem: p.read_text(encoding="utf-8").split("\n") for p in bundled()}
SMALL = sorted(s for s, lines in DOCS.items() if len(lines) < 3000)  # the work reports
# characters the parsers key on, plus noise
NOISE = list("□■○●◦-·ㆍ※▶<>|\t ,.~()[]{}'\"‘’「」:;%원억만천백㎡☎0123456789년월일") + ["\u200b", "\u00a0", "\ufeff",
                                                                               "\u1100\u1161", "\r", "\\"]


@st.composite
def mutated(draw, stems=None):
    """A real document with lines dropped, duplicated, swapped, shuffled, cut,
    characters replaced and tables mangled; often only a window of it."""
    stem = draw(st.sampled_from(stems or sorted(DOCS)))
    lines = list(DOCS[stem])
    if len(lines) > 3000 or draw(st.booleans()):  # the casebook: a window, so examples stay fast
        size = draw(st.integers(1, min(len(lines), 1500)))
        start = draw(st.integers(0, len(lines) - size))
        lines = lines[start:start + size]
    for _ in range(draw(st.integers(0, 25))):
        if not lines:
            break
        op = draw(st.sampled_from(["drop", "dup", "swap", "shuffle", "cut", "char", "table", "blank", "join"]))
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(j, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "shuffle":
            lo, hi = min(i, j), min(max(i, j), min(i, j) + 30)
            part = lines[lo:hi + 1]
            lines[lo:hi + 1] = draw(st.permutations(part))
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == "char" and lines[i]:
            k = draw(st.integers(0, len(lines[i]) - 1))
            ch = draw(st.sampled_from(NOISE) | st.characters(codec="utf-8"))
            lines[i] = lines[i][:k] + ch + lines[i][k + 1:]
        elif op == "table":
            tabbed = [n for n, line in enumerate(lines) if "\t" in line] or [i]
            n = draw(st.sampled_from(tabbed))
            cells = lines[n].split("\t")
            how = draw(st.sampled_from(["drop-cell", "merge", "extra", "cut-rows"]))
            if how == "drop-cell" and cells:
                del cells[draw(st.integers(0, len(cells) - 1))]
            elif how == "merge":
                cells = [" ".join(cells)]
            elif how == "extra":
                cells += [""] * draw(st.integers(1, 6))
            else:
                del lines[n: n + draw(st.integers(1, 20))]
                continue
            lines[n] = "\t".join(cells)
        elif op == "blank":
            lines.insert(i, "")
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + lines[i + 1]]
    return stem, "\n".join(lines)


def _extract(stem: str, text: str):
    src = loaders.Source(Path(f"{stem}.txt"), text, "0" * 64, "utf-8")
    return loaders.extract_source(src)


@settings(PROFILE, max_examples=fuzz_examples(60))
@given(mutated())
def test_mutated_documents_raise_only_kg_errors(doc):
    stem, text = doc
    try:
        records = _extract(stem, text)
    except KgError as exc:
        assert exc.file and exc.file.endswith(f"{stem}.txt"), str(exc)
        assert "\n" not in str(exc)
        return
    from kg.mapping import to_triples

    assert records and records[0].genre in ("work-report", "casebook")
    assert list(to_triples(records))


@lru_cache(maxsize=1)
def _base_graph():
    from rdflib import Graph

    from kg.build import vocab_triples
    from kg.gazetteer_rdf import gazetteer_triples

    g = Graph()
    for t in vocab_triples():
        g.add(t)
    for t in gazetteer_triples():
        g.add(t)
    return g


@settings(PROFILE, max_examples=fuzz_examples(10))
@given(mutated(SMALL))
def test_what_is_extracted_from_mutated_reports_conforms(doc):
    from rdflib import Graph

    from kg.validate import validate_graph
    from kg.mapping import to_triples

    stem, text = doc
    try:
        records = _extract(stem, text)
    except KgError:
        return
    g = Graph()
    g += _base_graph()
    for t in to_triples(records):
        g.add(t)
    result = validate_graph(g)
    assert result.conforms, result.summary(10)


# -- the text helpers --------------------------------------------------------------

TOKENS = list("0123456789,.~-/'’ 년월일조억천백만원%()") + ["백만", "천원", "\u3000", "\u00a0", "ㆍ", "~", "’2"]
KOREANISH = st.lists(
    st.sampled_from(TOKENS) | st.characters(min_codepoint=0xAC00, max_codepoint=0xAC20) | st.characters(),
    max_size=40,
).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=80), KOREANISH)
ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _valid_iso(s: str | None) -> bool:
    if s is None:
        return True
    if not ISO.fullmatch(s):
        return False
    parts = [int(x) for x in s.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return len(parts) == 3  # day 29-31 in a short month is what the text said; not an error
    return True


@settings(PROFILE, max_examples=fuzz_examples(300))
@given(ANY_TEXT, st.none() | st.integers(1900, 2100))
@example("9" * 5000 + "조원", None)
@example("1,2,,3", 2024)
@example("'99.13.45.~ '00.2.30", None)
@example("\ud800", None)
def test_text_helpers_never_raise(text, ref_year):
    krw = T.parse_krw(text)
    assert krw is None or (isinstance(krw, int) and krw >= 0)
    num = T.parse_number(text)
    assert num is None or isinstance(num, Decimal)
    assert T.parse_percent(text) is None or isinstance(T.parse_percent(text), Decimal)
    assert _valid_iso(T.parse_date(text, ref_year))
    start, end = T.parse_period(text, ref_year)
    assert _valid_iso(start) and _valid_iso(end)
    assert isinstance(T.case_key(text), str)
    n = T.nfc(text)
    assert n == T.nfc(n) and n == n.strip()
    assert isinstance(T.strip_markup(text), str)
    T.parse_amount(text, "백만원")
    T.parse_amount("1,234", text)


@settings(PROFILE, max_examples=fuzz_examples(100))
@given(st.text(alphabet=st.characters(min_codepoint=0x1100, max_codepoint=0x11FF) | st.sampled_from("가각 ·"), max_size=30))
def test_nfc_composes_decomposed_hangul(text):
    import unicodedata

    assert T.nfc(unicodedata.normalize("NFD", text)) == T.nfc(unicodedata.normalize("NFC", text))
    assert T.case_key(unicodedata.normalize("NFD", text)) == T.case_key(text)
