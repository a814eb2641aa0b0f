"""The only place instance IRIs are minted.

Every IRI comes from a stable key (agency code, document id + item key, a
normalised name), so rebuilding from the same documents gives the same IRIs.
The base is `LGKG_BASE` (default `https://w3id.org/lgkg/`); ontology and
vocabulary IRIs do not move with it.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata

from rdflib import URIRef

from loaders.text import doc_id_for  # noqa: F401 - a document id is a key, made below the mapping

BASE = os.environ.get("LGKG_BASE", "https://w3id.org/lgkg/")
if not BASE.endswith("/"):
    BASE += "/"
VOCAB = "https://w3id.org/lgkg/vocab/"
GRAPH_BASE = BASE + "graph/"

ONTOLOGY_GRAPH = URIRef(GRAPH_BASE + "ontology")
VOCAB_GRAPH = URIRef(GRAPH_BASE + "vocab")
GAZETTEER_GRAPH = URIRef(GRAPH_BASE + "gazetteer")
# descriptions that several documents share (partner organisations, foreign
# cities, organisational units, concepts minted from the text, innovation cases):
# written once here, not repeated in every document graph (see kg.mapping)
ENTITY_GRAPH = URIRef(GRAPH_BASE + "entities")
DOC_GRAPH_PREFIX = GRAPH_BASE + "doc/"


def _h(text: str, n: int = 12) -> str:
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:n]


def _id(path: str) -> URIRef:
    return URIRef(BASE + "id/" + path)


def agency(code: str) -> URIRef:
    return _id(f"agency/{code}")


def agency_name(code: str, n: int) -> URIRef:
    return _id(f"agency/{code}/name/{n}")


def foreign_city(country: str | None, name: str) -> URIRef:
    return _id(f"foreign/{_h((country or '') + '|' + name)}")


_CORP = re.compile(r"\(주\)|주식회사|\(사\)|\(재\)|사단법인|재단법인|\(유\)|유한회사")


def organization(name: str) -> URIRef:
    """A partner organisation, identified by its normalised name: NFKC (which turns
    `㈜` into `(주)`), corporate-form markers and spaces removed, lowercased.

    >>> organization("㈜카카오") == organization("주식회사 카카오") == organization("(주)카카오")
    True
    """
    key = _CORP.sub("", unicodedata.normalize("NFKC", name))
    key = "".join(key.split()).lower() or name
    return _id(f"org/{_h(key)}")


def unit(agency_code: str | None, name: str) -> URIRef:
    key = "".join(unicodedata.normalize("NFC", name).split())
    return _id(f"unit/{agency_code or 'unknown'}/{_h(key)}")


def document(doc_id: str) -> URIRef:
    return _id(f"doc/{doc_id}")


def doc_graph(doc_id: str) -> URIRef:
    return URIRef(DOC_GRAPH_PREFIX + doc_id)


def node(kind: str, doc_id: str, key: str) -> URIRef:
    """An n-ary / extracted node: kind + document + item key."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", key)
    if safe != key:
        safe = f"{safe.strip('-')}-{_h(key, 6)}"
    return _id(f"{kind}/{doc_id}/{safe}")


def case(key: str) -> URIRef:
    return _id(f"case/{_h(key)}")


def concept(scheme: str, key: str) -> URIRef:
    return URIRef(f"{VOCAB}{scheme}/{key}")


def scheme(name: str) -> URIRef:
    return URIRef(f"{VOCAB}{name}")
