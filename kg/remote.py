"""Remote SPARQL 1.1 endpoints (Oxigraph server, Virtuoso, ...) via SPARQLWrapper,
and uploading the store's named graphs with the Graph Store Protocol.

Results are normalised to what the embedded store gives (kg.queries.plain):
numbers become int/float, booleans bool (Virtuoso writes xsd:boolean as 0/1),
everything else its lexical form. Catalogue queries assume the default graph
is the union of all named graphs: Virtuoso does that out of the box; start an
Oxigraph server with `--union-default-graph` (as `kg serve` does).
"""
from __future__ import annotations

import re
import urllib.parse
import urllib.request
from urllib.error import HTTPError, URLError

from kg.errors import QueryError, StoreError
from kg.results import plain_literal


def plain_binding(b: dict | None):
    """One SPARQL JSON result binding -> a JSON-ready value.

    >>> plain_binding({"type": "typed-literal", "datatype": "http://www.w3.org/2001/XMLSchema#decimal", "value": "2.0"})
    2
    >>> plain_binding({"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "0"})
    False
    >>> plain_binding({"type": "literal", "xml:lang": "ko", "value": "종로구"})
    '종로구'
    """
    if b is None:
        return None
    value = b["value"]
    if b.get("type") not in ("literal", "typed-literal"):
        return value
    return plain_literal(value, b.get("datatype", ""))


def _query_form(sparql: str) -> str:
    """SELECT / ASK / CONSTRUCT / DESCRIBE, ignoring comments, PREFIX and BASE."""
    body = re.sub(r"(?m)#.*$", "", sparql)
    body = re.sub(r"(?is)\b(PREFIX\s+\S*:\s*<[^>]*>|BASE\s*<[^>]*>)", "", body)
    m = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body)
    return m.group(1).upper() if m else "SELECT"


def _send(endpoint: str, sparql: str, fmt):
    from SPARQLWrapper import POST, SPARQLWrapper

    sw = SPARQLWrapper(endpoint)
    sw.setMethod(POST)
    sw.setQuery(sparql)
    sw.setReturnFormat(fmt)
    try:
        return sw.query().convert()
    except (HTTPError, URLError, OSError) as exc:
        raise QueryError(f"endpoint {endpoint} failed: {exc}") from None
    except Exception as exc:  # SPARQLWrapper raises its own exception family
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise QueryError(f"endpoint {endpoint} rejected the query: {first}") from None


_SOFTWARE: dict[str, str] = {}


def server_software(endpoint: str) -> str:
    """The endpoint's `Server` header (`Oxigraph/0.5.13`, `Virtuoso/07.20…`), asked once
    per endpoint with an empty ASK; "" when it does not say or cannot be reached."""
    if endpoint not in _SOFTWARE:
        try:
            url = endpoint + ("&" if "?" in endpoint else "?") + "query=" + urllib.parse.quote("ASK {}")
            with urllib.request.urlopen(url, timeout=5) as r:
                _SOFTWARE[endpoint] = r.headers.get("Server") or ""
        except (OSError, ValueError):
            _SOFTWARE[endpoint] = ""
    return _SOFTWARE[endpoint]


def binds_iris(endpoint: str) -> bool:
    """Whether an agency parameter may be bound as the agency's IRI where the pattern
    starts (fast), as on the embedded store: yes on an Oxigraph server (the same engine);
    elsewhere its names are matched after the join (Virtuoso 7.2 drops rows when a
    VALUES block binds the IRI or the name there; tests/kg/test_remote.py)."""
    return server_software(endpoint).lower().startswith("oxigraph/")


def run_remote(endpoint: str, sparql: str) -> tuple[list[str], list[list]]:
    """Run any query on `endpoint`; returns (columns, rows) like kg.queries.run_local."""
    from SPARQLWrapper import JSON, N3

    if _query_form(sparql) in ("CONSTRUCT", "DESCRIBE"):
        g = _send(endpoint, sparql, N3)
        if isinstance(g, (bytes, str)):  # SPARQLWrapper hands N3/Turtle back unparsed
            from rdflib import Graph

            g = Graph().parse(data=g, format="turtle")
        rows = sorted([str(s), str(p), str(o)] for s, p, o in g)
        return ["subject", "predicate", "object"], rows
    data = _send(endpoint, sparql, JSON)
    if not isinstance(data, dict):
        raise QueryError(f"endpoint {endpoint} did not answer with SPARQL JSON results")
    if "boolean" in data:
        return ["ask"], [[data["boolean"]]]
    columns = data["head"]["vars"]
    return columns, [[plain_binding(b.get(c)) for c in columns] for b in data["results"]["bindings"]]


# -- Graph Store Protocol ------------------------------------------------------


class _Auth:
    """Pre-emptive HTTP authentication for uploads. urllib's auth handlers send
    the whole body, get the 401 and only then retry; Virtuoso answers the 401 and
    closes the connection while a large body is still being sent (broken pipe).
    So fetch the challenge once with a body-less request and sign every PUT."""

    def __init__(self, endpoint: str, user: str | None, password: str | None):
        self.user, self.password = user, password or ""
        self.scheme, self.challenge = None, None
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, endpoint, user, self.password)
        self.digest = urllib.request.HTTPDigestAuthHandler(mgr)

    def refresh(self, url: str) -> None:
        if not self.user:
            return
        try:
            with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=60):
                return  # no authentication asked for
        except HTTPError as exc:
            header = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
        scheme, _, rest = header.partition(" ")
        self.scheme = scheme.lower() or "basic"
        if self.scheme == "digest":
            items = urllib.request.parse_http_list(rest)
            self.challenge = urllib.request.parse_keqv_list([i for i in items if "=" in i])

    def sign(self, req: urllib.request.Request) -> None:
        if self.scheme == "digest" and self.challenge:
            req.add_unredirected_header("Authorization", "Digest " + self.digest.get_authorization(req, self.challenge))
        elif self.scheme == "basic":
            import base64

            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode()
            req.add_unredirected_header("Authorization", "Basic " + token)


def graph_url(endpoint: str, graph: str) -> str:
    """The GSP URL of `graph`: `?graph=` (SPARQL 1.1 GSP), `?graph-uri=` for Virtuoso.

    >>> graph_url("http://h/store", "https://w3id.org/lgkg/graph/vocab")
    'http://h/store?graph=https%3A%2F%2Fw3id.org%2Flgkg%2Fgraph%2Fvocab'
    >>> graph_url("http://h/sparql-graph-crud-auth", "urn:g")
    'http://h/sparql-graph-crud-auth?graph-uri=urn%3Ag'
    """
    sep = "&" if "?" in endpoint else "?"
    param = "graph-uri" if "graph-crud" in endpoint else "graph"
    return f"{endpoint}{sep}{param}={urllib.parse.quote(graph, safe='')}"


def _put(auth: _Auth, url: str, body: bytes) -> None:
    for attempt in (1, 2):
        req = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"})
        auth.sign(req)
        try:
            with urllib.request.urlopen(req, timeout=300) as resp:
                resp.read()
            return
        except HTTPError as exc:
            if exc.code == 401 and auth.user and attempt == 1:
                auth.refresh(url)  # stale nonce: a new challenge, then once more
                continue
            raise


def push(store, endpoint: str, *, user: str | None = None, password: str | None = None) -> dict[str, int]:
    """PUT every named graph of `store` to the Graph Store Protocol `endpoint`
    (each graph replaced as a whole); returns {graph: triples sent}."""
    from kg.export import graph_ntriples

    auth = _Auth(endpoint, user, password)
    sent: dict[str, int] = {}
    for graph in store.graphs():
        body, n = graph_ntriples(store, graph)
        url = graph_url(endpoint, graph)
        try:
            if auth.scheme is None:
                auth.refresh(url)
            _put(auth, url, body)
        except HTTPError as exc:
            hint = " (wrong or missing --user/--password?)" if exc.code in (401, 403) else ""
            raise StoreError(f"uploading {graph} to {endpoint} failed: HTTP {exc.code} {exc.reason}{hint}") from None
        except (URLError, OSError) as exc:
            raise StoreError(f"uploading {graph} to {endpoint} failed: {exc}") from None
        sent[graph] = n
    return sent
