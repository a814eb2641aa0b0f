"""Result values as plain Python, the same from the embedded store and a remote
endpoint (kg.queries.plain for pyoxigraph terms, kg.remote for SPARQL JSON)."""
from __future__ import annotations

from decimal import Decimal

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {
    **dict.fromkeys((_XSD + t for t in ("integer", "long", "int", "short", "nonNegativeInteger")), int),
    _XSD + "decimal": Decimal,
    _XSD + "double": float,
    _XSD + "float": float,
}


def plain_literal(lexical: str, datatype: str) -> object:
    """A literal as a JSON-ready value (shared by the embedded store and remote
    endpoints, so both give the same rows): numbers stay numbers, booleans
    booleans, everything else its lexical form.

    >>> plain_literal("2.0", _XSD + "decimal"), plain_literal("0", _XSD + "boolean"), plain_literal("2021", _XSD + "gYear")
    (2, False, '2021')
    """
    kind = _NUMERIC.get(datatype)
    if kind is not None:
        try:
            v = kind(lexical)
        except (ValueError, ArithmeticError):
            return lexical
        if isinstance(v, Decimal):
            return int(v) if v == v.to_integral_value() else float(v)
        return v
    if datatype == _XSD + "boolean":
        return lexical.strip() in ("true", "1")
    return lexical
