"""What people type for a query parameter, turned into the values the graph holds.

An agency parameter (`#+ params: agency:agency`) takes the forms people type:
`서울특별시 종로구`, `서울 종로구`, `종로구` (when only one agency has that name),
or a name the agency had at another date (`강원도 영월군` finds the documents that
call it `강원특별자치도 영월군` too). It resolves through the gazetteer, the one
resolver, to every name the agency had: the queries print an agency's name as of
each document's date, so the parameter matches any of them. A name that fits
several agencies, or none, is an error that lists the candidates or the closest
names (exit 2), never an empty answer.

Typed parameters are checked: `year=abc` is an error, not zero rows.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from kg.errors import AmbiguousAgency, QueryError, UnknownAgency
from kg.gazetteer import Gazetteer, normalize

_YEAR = re.compile(r"^(?:19|20|21)\d\d$")
_INTEGER = re.compile(r"^[+-]?\d+$")


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.load()


@lru_cache(maxsize=1)
def _all_names() -> dict[str, str]:
    """Every name and short name -> the full name it belongs to."""
    gz = _gazetteer()
    out: dict[str, str] = {}
    for a in gz:
        for n, _, _ in gz.names(a.code):
            out.setdefault(n, n)
            out.setdefault(n.split(" ", 1)[-1], n)
    return out


def closest(value: str, n: int = 5) -> list[str]:
    """Full names of the agencies whose name is closest to `value`.

    >>> closest("종로그")[:1]
    ['서울특별시 종로구']
    """
    names = _all_names()
    hits = difflib.get_close_matches(value.strip(), list(names), n=n * 2, cutoff=0.5)
    return list(dict.fromkeys(names[h] for h in hits))[:n]


def agency_iri(name: str, value: str) -> str:
    """The IRI of the one agency `value` names (errors as agency_names).

    >>> agency_iri("agency", "종로구")
    'https://w3id.org/lgkg/id/agency/11110'
    """
    from kg import iris

    return str(iris.agency(_resolve(name, value).code))


def agency_names(name: str, value: str) -> list[str]:
    """Every name of the one agency `value` names (its names over time, current first).

    >>> agency_names("agency", "종로구")
    ['서울특별시 종로구']
    >>> agency_names("adopter", "강원도 영월군")
    ['강원특별자치도 영월군', '강원도 영월군']
    """
    gz = _gazetteer()
    agency = _resolve(name, value)
    names = [n for n, _, _ in sorted(gz.names(agency.code), key=lambda r: (r[2] is not None, r[1] or r[2]),
                                     reverse=False)]
    current = agency.name
    return [current] + [n for n in dict.fromkeys(names) if n != current]


def _resolve(name: str, value: str):
    gz = _gazetteer()
    try:
        return gz.resolve(normalize(value))
    except AmbiguousAgency as exc:
        raise QueryError(f"--param {name}={value}: several agencies have this name: "
                         f"{', '.join(exc.candidates)}; say which (e.g. --param \"{name}={exc.candidates[0]}\")") from None
    except UnknownAgency as exc:
        close = closest(value)
        hint = f"; closest names: {', '.join(close)}" if close else ""
        raise QueryError(f"--param {name}={value}: {exc.message if hasattr(exc, 'message') else exc}{hint}") from None


def check(name: str, typ: str, value: str) -> None:
    """A typed parameter's value must be of its type."""
    if (typ == "gYear" or name == "year") and not _YEAR.match(value.strip()):
        raise QueryError(f"--param {name}={value}: a year is four digits (e.g. {name}=2024)")
    if typ == "integer" and not _INTEGER.match(value.strip()):
        raise QueryError(f"--param {name}={value}: not a whole number")
