"""The Python API for notebooks: catalogue queries as pandas DataFrames.

    >>> import kg
    >>> kg.query_df("adoptions", adopter="경기도 수원시")          # doctest: +SKIP
    >>> kg.query_df("sister-cities", endpoint="http://127.0.0.1:7878/query")  # doctest: +SKIP
    >>> s = kg.load()                     # many queries: an in-memory snapshot, ~10x faster  # doctest: +SKIP
    >>> kg.query_df("awards", store=s)    # doctest: +SKIP
"""
from __future__ import annotations

from pathlib import Path


def query_df(name: str, store=None, endpoint: str | None = None, **params):
    """Run catalogue query `name` with `params` (keyword = parameter name;
    `agency="서울특별시 종로구"`), on `store` (a kg.store.Store, a directory, or
    None for the default store, opened read-only) or on a remote `endpoint`.
    Columns are the contract's, in order, then any extra columns."""
    import pandas as pd

    from kg import queries

    s = None
    if endpoint is None:
        s = _open(store)
    columns, rows = queries.run(name, {k: str(v) for k, v in params.items()}, store=s, endpoint=endpoint)
    df = pd.DataFrame(rows, columns=columns, dtype=object)
    return df.where(df.notna(), None)  # one missing-value convention: None, filtered or not


def load(store=None):
    """An in-memory snapshot of `store` (a directory, or None for the default store):
    queries on it are ~10x faster than on the store on disk (bench/RESULTS.md). The
    store on disk is read under the reader lock and released once copied."""
    s = _open(store)
    try:
        return s.in_memory()
    finally:
        if s is not store:
            s.close()


def _open(store):
    from kg.store import open_for_reading

    if store is None or isinstance(store, (str, Path)):
        return open_for_reading(store)
    return store
