"""Shared fixtures: one store built from the bundled documents per test session,
and real SPARQL servers (Oxigraph server, Virtuoso) loaded from it with `kg push`.

A server that cannot be started skips its tests with the reason, except under
CI=true, where it fails them: CI must exercise the real servers.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import servers

IN_CI = os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"CI=true and a required server is unavailable: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def kg_store_dir(tmp_path_factory) -> Path:
    """A store built from the bundled documents (read it, never write it)."""
    from kg.build import build

    target = tmp_path_factory.mktemp("kgstore") / "store"
    build(target)
    return target


@pytest.fixture(scope="session")
def kg_store(kg_store_dir):
    from kg.store import Store

    return Store(kg_store_dir, read_only=True)


def _server(factory, tmp_path_factory, kg_store, name: str):
    try:
        srv = factory(tmp_path_factory.mktemp(name))
    except servers.ServerUnavailable as exc:
        unavailable(str(exc))
    try:
        from kg.remote import push

        push(kg_store, srv.store_url, user=srv.user, password=srv.password)
    except Exception:
        srv.stop()
        raise
    return srv


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory, kg_store):
    srv = _server(servers.start_oxigraph, tmp_path_factory, kg_store, "oxigraph")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory, kg_store):
    srv = _server(servers.start_virtuoso, tmp_path_factory, kg_store, "virtuoso")
    yield srv
    srv.stop()


@pytest.fixture(scope="session", params=["oxigraph", "virtuoso"])
def sparql_server(request):
    """Each real server in turn (started once per session)."""
    return request.getfixturevalue(f"{request.param}_server")
