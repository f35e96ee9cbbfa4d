"""The test harness itself: CI must never pass by skipping the database tests."""

from __future__ import annotations

import pytest

from tests.store.databases import postgres_server, unavailable


def test_a_missing_server_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        unavailable("PostgreSQL binaries not found")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        unavailable("PostgreSQL binaries not found")


def test_the_throwaway_server_listens_on_loopback_only() -> None:
    server = postgres_server()
    import psycopg

    with psycopg.connect(server.url().replace("+psycopg", "")) as connection:
        listen = connection.execute("SHOW listen_addresses").fetchone()
    assert listen == ("127.0.0.1",)
