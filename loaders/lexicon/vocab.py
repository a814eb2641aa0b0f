"""The SKOS concept schemes, read from data: `data/schemes.csv` (one row per scheme) and
`data/concepts.csv` (one row per concept: key, Korean and English label, alt labels).

A scheme's `words_from` names the word tables its loaders read (`labels:funding_source`,
`agreement_kinds`): every word there that stands for one of the scheme's concepts is one of
its alt labels, so the SKOS files (`ontology/vocab/<scheme>.ttl`, written from here) and the
extractors read the same rows. Keys are ASCII and stable: they end up in IRIs.
"""
from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from pathlib import Path

from loaders.lexicon import labels, words

_DATA = Path(__file__).parent / "data"


def _csv(name: str) -> list[dict[str, str]]:
    with (_DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


_PLAIN = re.compile(r"[^\\()\[\]|?*+{}^$.]+")


def _written(pattern: str) -> str | None:
    """A pattern as a label: `최우수\\s*자치구` -> `최우수 자치구`; None for a real pattern."""
    text = re.sub(r"\\s[*+]", " ", pattern)
    return text if _PLAIN.fullmatch(text) else None


def table_words(source: str) -> list[tuple[str, str]]:
    """(label as written, the concept label it stands for) of a word table named in
    schemes.csv's `words_from`: `labels:<kind>` (label -> canonical) or `<table>:<kind>`
    (plain-word patterns -> `means`, or the word itself when `means` is empty; a real pattern
    gives its `means` alone)."""
    table, _, kind = source.partition(":")
    if table == "labels":
        return sorted(labels.table().get(kind, {}).items())
    out = []
    for row in words.rows(table):
        if kind not in ("", "*", row.kind):
            continue
        text = _written(row.pattern)
        if text is not None:
            out.append((text, row.means or text))
        elif row.means:  # a real pattern: what it stands for must still be a concept
            out.append((row.means, row.means))
    return out


NOTES: dict[tuple[str, str], str] = {}  # (scheme, key) -> the concept's scope note (English)


def _load(notes: dict[tuple[str, str], str] = NOTES) -> tuple[dict[str, list[tuple[str, str, str, list[str]]]], dict[str, tuple[str, str]],
                     dict[str, tuple[str, ...]]]:
    schemes = {r["scheme"]: (r["label"], r["label_en"]) for r in _csv("schemes.csv")}
    sources = {r["scheme"]: tuple(r["words_from"].split()) for r in _csv("schemes.csv")}
    concepts: dict[str, list[tuple[str, str, str, list[str]]]] = {s: [] for s in schemes}
    notes.clear()
    for r in _csv("concepts.csv"):
        if r["scheme"] not in schemes:
            raise ValueError(f"{_DATA / 'concepts.csv'}: unknown scheme {r['scheme']!r}")
        alts = [a for a in r["alt_labels"].split("|") if a]
        concepts[r["scheme"]].append((r["key"], r["label"], r["label_en"], alts))
        if r["note"]:
            notes[(r["scheme"], r["key"])] = r["note"]
    for scheme, srcs in sources.items():  # the words the loaders read become alt labels
        rows = concepts[scheme]
        by_label = {norm_label(ko): (ko, alts) for _k, ko, _en, alts in rows}
        for ko, alts in list(by_label.values()):
            for a in alts:
                by_label.setdefault(norm_label(a), (ko, alts))
        for src in srcs:
            for written, means in table_words(src):
                ko, alts = by_label.get(norm_label(means), (None, None))
                if alts is not None and norm_label(written) not in {norm_label(ko), *map(norm_label, alts)}:
                    alts.append(written)
    return concepts, schemes, sources


def norm_label(label: str) -> str:
    """A label as lookups compare it: NFKC, no spaces, no middle dots."""
    return "".join(unicodedata.normalize("NFKC", label).split()).replace("·", "").replace("･", "")


def _index() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for scheme, rows in SCHEMES.items():
        idx: dict[str, str] = {}
        for key, ko, en, alts in rows:
            for label in [ko, en, *alts]:
                idx.setdefault(norm_label(label).lower(), key)
        out[scheme] = idx
    return out


SCHEMES, SCHEME_LABELS, WORDS_FROM = _load()
_INDEX = _index()


def lookup(scheme: str, label: str) -> str | None:
    """Key of the concept whose label (or alt label) is `label`, or None.

    >>> lookup("funding-sources", "구비")
    'district'
    >>> lookup("relation-types", "자 매 결 연")
    'sister'
    >>> lookup("indicators", "협업 추진 성과")
    'collaboration'
    >>> lookup("award-grades", "은메달") is None
    True
    """
    return _INDEX[scheme].get(norm_label(label).lower())


def minted_key(label: str) -> str:
    """Key for a concept the scheme does not have: `x-` + 10 hex of its NFC label.

    >>> minted_key("새로운 지표")
    'x-cd0dfce463'
    """
    nfc = unicodedata.normalize("NFC", label.strip())
    return "x-" + hashlib.sha1(nfc.encode("utf-8")).hexdigest()[:10]


def key_for(scheme: str, label: str) -> str:
    """Known key, or a minted one for a label the scheme lacks."""
    return lookup(scheme, label) or minted_key(label)


