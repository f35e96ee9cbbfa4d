"""idempotency_keys on SQLite and PostgreSQL: the unique (actor, key) that
makes a claim atomic, keys kept across connections and forgotten after 24
hours, and a key marked written in its write's own transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from podium.app.idempotency import (
    HELD,
    KEEP,
    Conflict,
    KeyClaim,
    KeyConflict,
    KeyedRequest,
    KeyState,
    StoredResponse,
)
from podium.errors import InputError
from podium.model import Penalty, PenaltyKind, Season
from podium.store import open_repository
from podium.store.idempotency import claim_key
from podium.store.models import IdempotencyKeyRow
from podium.store.repository import SqlRepository

KEYED = KeyedRequest("desk", "k-1", "POST", "/api/v1/seasons/alms-2004/penalties", "ab" * 32)
ANSWER = StoredResponse(201, "application/json", b'{"revision": 12}')
T0 = dt.datetime(2026, 12, 15, 9, 0, tzinfo=dt.UTC)


def row(actor: str, key: str) -> dict[str, object]:
    return {
        "actor": actor,
        "key": key,
        "method": "POST",
        "target": "/",
        "body_sha256": "ab" * 32,
        "state": "running",
        "claim": "c",
        "created_at": T0,
        "renewed_at": T0,
        "expires_at": T0 + KEEP,
    }


def state(store: SqlRepository, key: str = "k-1") -> str | None:
    with store.engine.connect() as connection:
        return connection.scalar(
            select(IdempotencyKeyRow.state).where(IdempotencyKeyRow.key == key)
        )


def test_actor_and_key_are_unique(store: SqlRepository) -> None:
    with store.engine.begin() as connection:
        connection.execute(insert(IdempotencyKeyRow), [row("desk", "k"), row("other desk", "k")])
    with pytest.raises(IntegrityError), store.engine.begin() as connection:
        connection.execute(insert(IdempotencyKeyRow), row("desk", "k"))


def test_a_kept_answer_outlives_the_connection(store: SqlRepository) -> None:
    held = store.claim_idempotency_key(KEYED)
    assert isinstance(held, KeyClaim) and store.finish_idempotency_key(held, ANSWER)
    again = open_repository(store.url, migrate=False)
    try:
        assert again.claim_idempotency_key(KEYED) == ANSWER
    finally:
        again.close()


def test_keys_are_forgotten_after_24_hours(store: SqlRepository) -> None:
    with store._write() as session, session.begin():
        held = claim_key(session, KEYED, T0)
    assert isinstance(held, KeyClaim) and store.finish_idempotency_key(held, ANSWER)
    with store._write() as session, session.begin():
        assert claim_key(session, KEYED, T0 + KEEP - dt.timedelta(seconds=1)) == ANSWER
    other = KeyedRequest("desk", "k-2", "POST", "/", "cd" * 32)
    with store._write() as session, session.begin():
        assert isinstance(claim_key(session, other, T0 + KEEP), KeyClaim)  # purges k-1
    assert state(store) is None
    with store._write() as session, session.begin():
        assert isinstance(claim_key(session, KEYED, T0 + KEEP), KeyClaim)


def test_a_write_marks_its_key_written_in_its_own_transaction(
    store: SqlRepository, alms: Season
) -> None:
    """What a request holding a key writes marks the key written, atomically:
    a read, a refused write and the writes of other requests do not."""
    store.load_season(alms, actor="tests")
    held = store.claim_idempotency_key(KEYED)
    assert isinstance(held, KeyClaim)
    penalty = Penalty(9, "56", PenaltyKind.POINTS, "held", "1")
    store.add_penalty("alms-2004", penalty, "desk")  # another request's write
    assert state(store) == KeyState.RUNNING
    token = HELD.set(held)
    try:
        store.season("alms-2004")
        with pytest.raises(InputError):
            store.withdraw_penalty("alms-2004", 99, "no such decision", "desk")
        assert state(store) == KeyState.RUNNING
        store.add_penalty("alms-2004", penalty, "desk")
        assert state(store) == KeyState.WRITTEN
    finally:
        HELD.reset(token)
    # Given up without an answer, a written key refuses its repeat at once.
    assert not store.release_idempotency_key(held)
    found = store.claim_idempotency_key(KEYED)
    assert isinstance(found, KeyConflict) and found.conflict is Conflict.ANSWER_LOST
    # Its answer kept, it replays.
    assert not store.finish_idempotency_key(held, ANSWER)  # released: no longer the holder's
