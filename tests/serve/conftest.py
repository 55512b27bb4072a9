"""The HTTP service's tests run against its ASGI app (Starlette's test client), and one
module against a real server process on loopback (`test_clients.py`)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the server extra: pip install 'learning-models[server]'")

with warnings.catch_warnings():  # Starlette's notice about its test client's transport
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from learning_models._serve.app import create_app
from learning_models._serve.config import ServeConfig

FAMILY = "vn/2021-2025/family"


def client_for(config: ServeConfig | None = None) -> TestClient:
    """A test client of a service started with `config`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return TestClient(create_app(config or ServeConfig()), raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    with client_for() as started:
        yield started
