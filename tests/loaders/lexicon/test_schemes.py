"""The SKOS schemes and the extractors read the same rows (issue 19).

`data/schemes.csv` names, per scheme, the word tables its loaders read; every word there
stands for a concept of the scheme (no label the loaders emit is left to a minted `x-` key),
and every such word is a label of that concept in the generated SKOS file.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import SKOS

from loaders.lexicon import vocab

ROOT = Path(__file__).resolve().parents[3]
LGKGV = Namespace("https://w3id.org/lgkg/vocab/")
SOURCES = [(scheme, src) for scheme, srcs in vocab.WORDS_FROM.items() for src in srcs]


def test_some_schemes_read_word_tables():
    assert {"funding-sources", "relation-types", "agreement-types", "award-grades"} <= {s for s, _ in SOURCES}


@pytest.mark.parametrize("scheme,src", SOURCES, ids=[f"{s}<-{t}" for s, t in SOURCES])
def test_every_word_is_a_label_of_a_concept(scheme, src):
    words = vocab.table_words(src)
    assert words, f"{src} gives no words"
    drift = [(w, m) for w, m in words if vocab.lookup(scheme, m) is None or vocab.lookup(scheme, w) is None]
    assert not drift, f"words of {src} with no concept in {scheme} (add a row to data/concepts.csv): {drift}"


@pytest.mark.parametrize("scheme,src", SOURCES, ids=[f"{s}<-{t}" for s, t in SOURCES])
def test_skos_file_carries_the_words(scheme, src):
    g = Graph().parse(ROOT / "ontology" / "vocab" / f"{scheme}.ttl")
    labels = {(str(c), vocab.norm_label(str(o))) for p in (SKOS.prefLabel, SKOS.altLabel)
              for c, o in g.subject_objects(p) if isinstance(o, Literal) and o.language == "ko"}
    for written, means in vocab.table_words(src):
        iri = str(LGKGV[f"{scheme}/{vocab.lookup(scheme, means)}"])
        assert (iri, vocab.norm_label(written)) in labels, (written, means)


def test_a_concept_label_is_found_by_its_written_forms():
    assert vocab.lookup("funding-sources", "특조금") == vocab.lookup("funding-sources", "특별조정교부금")
    assert vocab.lookup("relation-types", "우 호 교 류") == "friendship"
    assert vocab.lookup("agreement-types", "양해각서") == "mou"
