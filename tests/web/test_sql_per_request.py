"""A request costs a fixed, small number of SQL statements, whatever the page:
the site asks the store for the season's revision and serves the scored
season from its cache; only a write (a new revision) reads the season again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from podium.model import Season
from podium.store.repository import SqlRepository
from tests.web.conftest import loaded, serving

MAX_PER_REQUEST = 4
"""revision() is one SELECT; a round page also reads its result versions
(the season's revision as of the page, the versions, their lines)."""
MAX_AFTER_WRITE = 25
"""After a write, the first request reads the new revision (about one SELECT per table)."""

PATHS = [
    "/api/v1/seasons/alms-2004/standings/GT/teams",
    "/api/v1/seasons/alms-2004/standings/LMP1/drivers?after=8",
    "/api/v1/seasons/alms-2004/rounds/9/results",
    "/api/v1/seasons/alms-2004/winners",
    "/seasons/alms-2004",
    "/seasons/alms-2004/standings/GT/teams",
    "/seasons/alms-2004/standings/GT/teams.json",
    "/seasons/alms-2004/rounds/9",
    "/seasons/alms-2004/entries",
]


@contextmanager
def counting(store: SqlRepository) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SET")):
            statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_sql_statements_per_request_are_bounded(alms: Season, backend: str) -> None:
    store = loaded(alms, backend=backend)
    assert isinstance(store, SqlRepository)
    with serving(store) as url, httpx.Client(base_url=url, timeout=30) as client:
        for path in PATHS:  # warm the cache once
            assert client.get(path).status_code == 200, path
        for path in PATHS:
            with counting(store) as statements:
                response = client.get(path)
            assert response.status_code == 200, path
            assert 1 <= len(statements) <= MAX_PER_REQUEST, (path, statements)
        token = store.create_token("desk")
        written = client.post(
            "/api/v1/seasons/alms-2004/penalties",
            json={"round": 9, "car_no": "3", "kind": "time", "reason": "pit speeding"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert written.status_code == 201, written.text
        with counting(store) as statements:
            assert client.get(PATHS[0]).status_code == 200
        assert len(statements) <= MAX_AFTER_WRITE
