"""A write that waits on another writer's lock waits a bounded time, then
answers 503 with Retry-After; reads go on meanwhile (issue 14: a lock held
35 s by another SQLite writer once stalled every read and ended in 500)."""

from __future__ import annotations

import sqlite3
import time

import httpx
from sqlalchemy import text

from podium.model import Season
from podium.store import open_repository
from tests.store.databases import postgres_server, sqlite_url
from tests.web.conftest import serving

PENALTY = {"round": 9, "car_no": "16", "kind": "points", "value": "1", "reason": "lock test"}


def _answers_while_locked(url: str, season: Season, hold: object, reads: bool) -> None:
    repository = open_repository(url, lock_wait=1.0)
    repository.load_season(season, actor="tests")
    token = repository.create_token("desk")
    with serving(repository) as base, httpx.Client(base_url=base, timeout=30) as http:
        assert http.get("/api/v1/seasons/alms-2004/standings/GT/teams").status_code == 200
        release = hold()  # type: ignore[operator]
        try:
            started = time.monotonic()
            response = http.post(
                "/api/v1/seasons/alms-2004/penalties",
                json=PENALTY,
                headers={"Authorization": f"Bearer {token}"},
            )
            waited = time.monotonic() - started
            assert response.status_code == 503, response.text
            assert response.headers["retry-after"] == "2"
            problem = response.json()["error"]["problems"][0]
            assert problem["field"] == "lock"
            assert waited < 10
            if reads:  # SQLite in WAL mode: readers never wait for the writer
                standings = http.get("/api/v1/seasons/alms-2004/standings/GT/teams")
                assert standings.status_code == 200
        finally:
            release()
        # The lock gone, the same write goes through.
        again = http.post(
            "/api/v1/seasons/alms-2004/penalties",
            json=PENALTY,
            headers={"Authorization": f"Bearer {token}"},
        )
        assert again.status_code == 201, again.text
    repository.close()


def test_sqlite_a_held_write_lock_is_a_503_not_a_hang(alms: Season) -> None:
    url = sqlite_url()
    path = url.removeprefix("sqlite:///")

    def hold() -> object:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # the write lock, held

        def release() -> None:
            other.execute("ROLLBACK")
            other.close()

        return release

    _answers_while_locked(url, alms, hold, reads=True)


def test_postgresql_a_held_lock_is_a_503_not_a_hang(alms: Season) -> None:
    url = postgres_server().new_database()
    open_repository(url).close()  # the schema, before the lock

    def hold() -> object:
        from podium.store.engine import create_store_engine

        engine = create_store_engine(url)
        connection = engine.connect()
        transaction = connection.begin()
        connection.execute(text("LOCK TABLE penalties IN ACCESS EXCLUSIVE MODE"))

        def release() -> None:
            transaction.rollback()
            connection.close()
            engine.dispose()

        return release

    _answers_while_locked(url, alms, hold, reads=False)
