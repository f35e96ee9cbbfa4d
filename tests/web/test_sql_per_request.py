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

from podium.model import RoundStatus, Season
from podium.store.repository import SqlRepository
from tests.web.conftest import loaded, serving

MAX_PER_REQUEST = 4
"""revision() is one SELECT; a round page also reads a page of its result
versions (a COUNT and one SELECT, without their lines)."""
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
            json={
                "round": 9,
                "car_no": "3",
                "kind": "points",
                "value": "5",
                "reason": "pit speeding",
            },
            headers={"Authorization": f"Bearer {token}"},
        )
        assert written.status_code == 201, written.text
        with counting(store) as statements:
            assert client.get(PATHS[0]).status_code == 200
        assert len(statements) <= MAX_AFTER_WRITE


def test_revision_ttl_reuses_reads_and_own_writes_show_at_once(
    alms: Season, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`podium serve` reuses a season's revision for a short time (fewer SQL
    reads under load); a write through the server invalidates it at once,
    a write by another process shows once the TTL has passed. The clock is
    the test's: a loaded machine must not decide what the cache does."""
    import types

    import podium.app.scored_seasons as repository_module
    from podium.web import create_app

    now = [1000.0]
    clock = types.SimpleNamespace(monotonic=lambda: now[0])
    monkeypatch.setattr(repository_module, "time", clock)
    store = loaded(alms, backend="sqlite")
    assert isinstance(store, SqlRepository)
    app = create_app(store, revision_ttl=0.5)
    scored = app.state.scored
    first = scored.get("alms-2004")
    with counting(store) as statements:
        again = scored.get("alms-2004")
    assert again is first and statements == []  # within the TTL: no SQL at all
    # Another process writes (here: straight to the repository, not through the app).
    from podium.model import Penalty, PenaltyKind

    store.add_penalty("alms-2004", Penalty(9, "3", PenaltyKind.TIME, "outside write"), "other")
    assert scored.get("alms-2004").revision == first.revision  # not seen yet: bounded staleness
    now[0] += 0.55
    assert scored.get("alms-2004").revision == first.revision + 1  # seen after the TTL
    # A write through the app invalidates at once.
    store.add_penalty("alms-2004", Penalty(9, "4", PenaltyKind.TIME, "api write"), "desk")
    scored.invalidate("alms-2004")
    assert scored.get("alms-2004").revision == first.revision + 2


def test_a_write_through_the_api_shows_at_once_despite_the_ttl(alms: Season) -> None:
    store = loaded(alms, backend="sqlite")
    token = store.create_token("desk")
    with serving(store, revision_ttl=60) as url, httpx.Client(base_url=url, timeout=30) as client:
        before = client.get("/api/v1/seasons/alms-2004/standings/GTS/teams").json()["revision"]
        written = client.post(
            "/api/v1/seasons/alms-2004/penalties",
            json={
                "round": 9,
                "car_no": "3",
                "kind": "points",
                "value": "5",
                "reason": "pit speeding",
            },
            headers={"Authorization": f"Bearer {token}"},
        )
        assert written.status_code == 201, written.text
        after = client.get("/api/v1/seasons/alms-2004/standings/GTS/teams").json()["revision"]
        assert after == before + 1


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_round_page_reads_no_result_lines_whatever_its_history(
    alms: Season, backend: str
) -> None:
    """A round with 80 versions: its page counts the versions and reads the
    newest 50 (each one's lines counted in SQL), never a line row."""
    store = loaded(alms, backend=backend)
    assert isinstance(store, SqlRepository)
    lines = alms.results_of(9)
    for n in range(2, 81):
        store.post_results("alms-2004", 9, lines, RoundStatus.AMENDED, "desk", str(n))
    with serving(store) as url, httpx.Client(base_url=url, timeout=30) as client:
        for path in ("/seasons/alms-2004/rounds/9", "/seasons/alms-2004/rounds/9.json"):
            assert client.get(path).status_code == 200  # warm
            with counting(store) as statements:
                response = client.get(path)
            assert response.status_code == 200
            assert 1 <= len(statements) <= 3, statements  # revision, COUNT, the page
            selected = " ".join(statements).lower()
            assert "result_lines.entry" not in selected and "result_lines.drivers" not in selected
        page = client.get("/seasons/alms-2004/rounds/9.json").json()
        assert page["versions_total"] == 80 and len(page["versions"]) == 50
        assert {v["lines"] for v in page["versions"]} == {len(lines)}
