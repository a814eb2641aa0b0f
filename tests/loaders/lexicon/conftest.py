from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    gaz = pytest.importorskip("kg.gazetteer")
    return gaz.Gazetteer.load()
