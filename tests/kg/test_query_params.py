"""Parameters must filter on every path: pyoxigraph substitutions, VALUES on Oxigraph,
VALUES on Virtuoso. `BOUND(?param_x)` breaks the first (Oxigraph's optimiser folds
it to false when nothing in the query binds the variable) and
`COALESCE(?col = ?param_x, true)` breaks Virtuoso; `COALESCE(?param_x, X) = X`
works on all three (see kg/queries.py)."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg import queries

CATALOGUE = sorted(queries.catalogue().values(), key=lambda q: q.name)


@pytest.mark.parametrize("q", CATALOGUE, ids=lambda q: q.name)
def test_params_use_the_portable_filter(q):
    assert "BOUND(?param_" not in q.text
    for name in q.params:
        var = f"?{queries.PARAM_PREFIX}{name}"
        assert var in q.text, f"{q.name}: parameter {name} never used"
        if name not in q.required:
            assert re.search(rf"COALESCE\(\{var}, ", q.text), f"{q.name}: {name} not in COALESCE({var}, X) = X form"


def _toy():
    s = ox.Store()
    s.update('INSERT DATA { GRAPH <http://g> { <http://a> <http://p> "x"@ko . <http://b> <http://p> "y"@ko } }')
    return s


FILTER = 'SELECT ?s ?param_v WHERE { ?s <http://p> ?o FILTER(COALESCE(?param_v, STR(?o)) = STR(?o)) }'


def test_portable_filter_with_substitution_and_values():
    s = _toy()
    sub = {ox.Variable("param_v"): ox.Literal("x")}
    assert [r["s"].value for r in s.query(FILTER, use_default_graph_as_union=True, substitutions=sub)] == ["http://a"]
    assert len(list(s.query(FILTER, use_default_graph_as_union=True))) == 2
    with_values = queries.with_values(FILTER, {"param_v": ox.Literal("x")})
    assert [r["s"].value for r in s.query(with_values, use_default_graph_as_union=True)] == ["http://a"]
