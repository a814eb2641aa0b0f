"""Remote SPARQL 1.1 endpoints (Oxigraph server, Virtuoso, ...) via SPARQLWrapper,
and uploading the store's named graphs with the Graph Store Protocol."""
from __future__ import annotations

from decimal import Decimal
from urllib.error import HTTPError, URLError

from kg.errors import QueryError, StoreError

_NUMERIC = {
    "http://www.w3.org/2001/XMLSchema#integer": int,
    "http://www.w3.org/2001/XMLSchema#long": int,
    "http://www.w3.org/2001/XMLSchema#int": int,
    "http://www.w3.org/2001/XMLSchema#decimal": Decimal,
    "http://www.w3.org/2001/XMLSchema#double": float,
    "http://www.w3.org/2001/XMLSchema#float": float,
}


def _plain(b: dict | None):
    if b is None:
        return None
    value = b["value"]
    if b.get("type") in ("literal", "typed-literal"):
        dt = b.get("datatype", "")
        if dt in _NUMERIC:
            try:
                v = _NUMERIC[dt](value)
            except (ValueError, ArithmeticError):
                return value
            if isinstance(v, Decimal):
                return int(v) if v == v.to_integral_value() else float(v)
            return v
        if dt == "http://www.w3.org/2001/XMLSchema#boolean":
            return value in ("true", "1")
    return value


def run_remote(endpoint: str, sparql: str) -> tuple[list[str], list[list]]:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    sw = SPARQLWrapper(endpoint)
    sw.setMethod(POST)
    sw.setQuery(sparql)
    sw.setReturnFormat(JSON)
    try:
        data = sw.query().convert()
    except (HTTPError, URLError, OSError) as exc:
        raise QueryError(f"endpoint {endpoint} failed: {exc}") from None
    except Exception as exc:  # SPARQLWrapper raises its own exception family
        raise QueryError(f"endpoint {endpoint} rejected the query: {exc}") from None
    if "boolean" in data:
        return ["ask"], [[data["boolean"]]]
    columns = data["head"]["vars"]
    return columns, [[_plain(b.get(c)) for c in columns] for b in data["results"]["bindings"]]


def push(store, endpoint: str, *, user: str | None = None, password: str | None = None) -> dict[str, int]:
    """PUT every named graph to `endpoint` (a Graph Store Protocol URL taking ?graph=)."""
    import urllib.parse
    import urllib.request

    from kg.export import graph_ntriples

    opener = urllib.request.build_opener()
    if user:
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, endpoint, user, password or "")
        opener = urllib.request.build_opener(
            urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)
        )
    sent: dict[str, int] = {}
    sep = "&" if "?" in endpoint else "?"
    param = "graph-uri" if "graph-crud" in endpoint else "graph"
    for graph in store.graphs():
        body, n = graph_ntriples(store, graph)
        url = f"{endpoint}{sep}{param}={urllib.parse.quote(graph, safe='')}"
        req = urllib.request.Request(url, data=body, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
        try:
            with opener.open(req, timeout=120) as resp:
                resp.read()
        except (HTTPError, URLError, OSError) as exc:
            raise StoreError(f"uploading {graph} to {endpoint} failed: {exc}") from None
        sent[graph] = n
    return sent
