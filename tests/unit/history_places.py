"""Where the history tests keep their histories: a folder, a SQLite file, and a database
of the PostgreSQL server named by ``LEARNING_MODELS_TEST_POSTGRES_URL`` (``.ci/run`` starts
one on the loopback interface), each test with a fresh one.

The PostgreSQL cases skip, saying why, only when no server can be reached outside CI; under
CI (``CI=true``) an unreachable server fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_VARIABLE = "LEARNING_MODELS_TEST_POSTGRES_URL"
BACKENDS = ["folder", "sqlite", "postgresql"]


def postgres_server() -> str:
    """The test server's URL; skips (or, under CI, fails) when there is none to reach."""
    import psycopg

    url = os.environ.get(POSTGRES_VARIABLE)
    under_ci = os.environ.get("CI", "").lower() == "true"
    reason = None
    if not url:
        reason = f"no PostgreSQL server: {POSTGRES_VARIABLE} is not set (.ci/run sets it)"
    else:
        try:
            psycopg.connect(url, connect_timeout=5).close()
        except psycopg.OperationalError as exc:
            reason = f"the PostgreSQL server at {url} cannot be reached: {exc}"
    if reason is not None:
        if under_ci:
            pytest.fail(reason + " (CI=true: the PostgreSQL tests must run)")
        pytest.skip(reason)
    assert url is not None
    return url


def fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on the server for one test, dropped after it."""
    import psycopg

    name = f"lm_test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def history_place(backend: str, tmp_path: Path) -> Iterator[str]:
    """A place for a new history of `backend`."""
    if backend == "folder":
        yield str(tmp_path / "lich-su")
    elif backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'lich-su.db'}"
    else:
        yield from fresh_database(postgres_server())
