"""Genre 2: innovation-evaluation casebooks (지방자치단체 혁신평가 우수사례집).

`extract_text` is pure: text in, records out (first a DocumentInfo). It raises
`GenreError` for a document of another genre and `InputError` subclasses for
bad input; the gazetteer comes from `agencies.load_gazetteer`.
"""
from __future__ import annotations

import re

from loaders.lexicon import vocab
from loaders.lexicon.words import alt
from loaders.errors import GenreError, InputError, KgError
from loaders.records import Record

GENRE = "casebook"
THRESHOLD = 0.5

# a contact line: a label, a colon, a phone after `(☎`, `☎` or in brackets
_CONTACT = re.compile(r"^\s*[※*]?\s*\S{0,8}\s*:\s*.{2,40}(?:\(\s*[☎☏]|\s[☎☏]|\(\s*0\d{1,2}-\d{3,4}-\d{4}\s*\))", re.M)
# the genre's cue words: rows of loaders/lexicon/data/casebook_words.csv
_SUMMARY = re.compile(r"^\s*(?:" + alt("casebook_words", "summary_title") + r")\s*$", re.M)
_PHONE_CONTACT = re.compile(r"^\s*[☎☏]\s*\d{2,4}-\d{3,4}-\d{4}\s*\(", re.M)  # `☎ <phone> (<office> <dept>)`
_ASK = re.compile(alt("casebook_words", "contact_title"))
_TITLE = re.compile(alt("casebook_words", "genre_title"))


def looks_like(text: str) -> float:
    """Confidence (0..1) that `text` is an innovation-evaluation casebook.

    >>> looks_like("오늘은 날씨가 좋다")
    0.0
    """
    if not isinstance(text, str) or not text:
        return 0.0
    from loaders.casebook.parse import find_headers

    contacts = len(_ASK.findall(text)) or len(_CONTACT.findall(text)) or len(_PHONE_CONTACT.findall(text))
    # an entry opens with its summary, or with its identity table (`기관명 | 사례명 | 담당부서`)
    summaries = len(_SUMMARY.findall(text)) or _tables(text)
    labels = sum(1 for _k, ko, _en, _alts in vocab.SCHEMES["indicators"] if ko in text)
    headers = _has_header(text, find_headers) if labels or contacts or summaries else 0
    title = 1.0 if _TITLE.search(text[:3000]) else 0.0
    score = (0.35 * min(contacts / 2, 1) + 0.25 * min(summaries / 2, 1) + 0.25 * min(labels, 1)
             + 0.15 * min(headers, 1) + 0.1 * title)
    score = min(score, 1.0)
    return round(score, 3)


def _tables(text: str) -> int:
    """Lines that are an entry identity table's label row: two or more labels of its
    columns (lexicon labels.csv `casebook_table_*`), between bars or tabs; or the line after
    a vertical block's agency line (`□ 기관명 : …` then `□ 사례명 : …`)."""
    from loaders.casebook.entry_table import _role, kv_row
    from loaders.casebook.norm import nfc

    n = 0
    prev = None  # the role of the previous line of a vertical block (`□ 기관명 : …`)
    for line in text.split("\n"):
        if "|" in line or "\t" in line:
            cells = re.split(r"[|\t]", line)
            n += sum(_role(c.strip()) is not None for c in cells if c.strip()) >= 2
        kv = kv_row(nfc(line)) if ":" in line else None
        n += bool(kv and prev == "casebook_table_agency")
        prev = kv[0] if kv else (prev if not line.strip() else None)
    return n


def _has_header(text: str, find_headers) -> int:
    """min(1, headers in the first 20000 lines). A header found in a prefix is a
    header of the whole (the scan only looks ahead, and a cut only hides), so the
    first lines usually settle it."""
    from loaders.casebook.markup import strip_markup

    if find_headers(strip_markup(text.split("\n", 60)[:60])):
        return 1
    return min(len(find_headers(strip_markup(text.split("\n")[:20000]))), 1)


def extract_text(text: str, *, file_name: str, doc_id: str, sha256: str) -> list[Record]:
    from loaders.casebook.agencies import load_gazetteer
    from loaders.casebook.extract import extract
    from loaders.casebook.parse import parse

    if not isinstance(text, str):
        raise InputError("expected text", file=file_name)
    score = looks_like(text)
    if score < THRESHOLD:
        raise GenreError(f"not an innovation-evaluation casebook (confidence {score:.2f})", file=file_name)
    try:
        tree = parse(text)
        if not tree.entries:
            raise InputError("casebook without entries (no agency header followed by an indicator)",
                             file=file_name, line=1)
        return extract(tree, file_name=file_name, doc_id=doc_id, sha256=sha256, gazetteer=load_gazetteer())
    except KgError as exc:
        if exc.file is None:
            exc.file = file_name
        raise
    except (ValueError, IndexError, KeyError, AttributeError, TypeError, ArithmeticError) as exc:
        # a bug shows up as a located InputError rather than a bare traceback in the CLI
        raise InputError(f"cannot read casebook: {type(exc).__name__}: {exc}", file=file_name) from exc
