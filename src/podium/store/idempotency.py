"""Idempotency keys in SQL (podium.app.idempotency): the ``idempotency_keys``
table, whose primary key (actor, key) makes a claim atomic: of two
requests inserting one key, one inserts it and the other finds it.

A request holding a key (``idempotency.HELD``) that writes a revision marks
its key ``written`` in the same transaction (the two session hooks below):
if the server dies before the answer is kept, a repeat is refused instead
of writing a second time.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CursorResult, Select, delete, event, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from podium.app.idempotency import (
    HELD,
    KEEP,
    LEASE,
    Claim,
    Conflict,
    KeyClaim,
    KeyConflict,
    KeyedRequest,
    KeyRecord,
    KeyState,
    StoredResponse,
    new_claim,
    settle,
)
from podium.app.repository import now
from podium.store.models import IdempotencyKeyRow, RevisionRow

Row = IdempotencyKeyRow
_WROTE = "podium.idempotency.wrote"


class SqlIdempotencyKeys:
    """The idempotency half of the repository contract, for ``SqlRepository``
    (one short write transaction per call)."""

    _write: sessionmaker[Session]

    def claim_idempotency_key(self, request: KeyedRequest, lease: dt.timedelta = LEASE) -> Claim:
        with self._write() as session, session.begin():
            return claim_key(session, request, now(), lease)

    def renew_idempotency_key(self, held: KeyClaim) -> bool:
        with self._write() as session, session.begin():
            return _changed(session, held, renewed_at=now())

    def finish_idempotency_key(self, held: KeyClaim, response: StoredResponse) -> bool:
        with self._write() as session, session.begin():
            return _changed(
                session,
                held,
                state=KeyState.DONE.value,
                status=response.status,
                content_type=response.content_type,
                body=response.body,
            )

    def release_idempotency_key(self, held: KeyClaim) -> bool:
        with self._write() as session, session.begin():
            return release_key(session, held)


def claim_key(
    session: Session, request: KeyedRequest, at: dt.datetime, lease: dt.timedelta = LEASE
) -> Claim:
    """Claim ``request.key`` in the caller's transaction (see
    ``Repository.claim_idempotency_key``); expired keys are deleted first."""
    session.execute(
        delete(Row).where(Row.expires_at <= at), execution_options={"synchronize_session": False}
    )
    claim = new_claim()
    for _ in range(2):  # a key that expired between the INSERT and the SELECT: once more
        if _insert(session, request, claim, at):
            return KeyClaim(request.actor, request.key, claim)
        row = session.scalar(_mine(request.actor, request.key).with_for_update())
        if row is None:
            continue
        found = settle(_record(row), request, at, lease)
        if found is not None:
            return found
        row.claim, row.renewed_at = claim, at  # its holder died before writing
        return KeyClaim(request.actor, request.key, claim)
    return KeyConflict(Conflict.IN_PROGRESS, request, at)


def release_key(session: Session, held: KeyClaim) -> bool:
    """Forget the key if its request wrote nothing (True), else keep it
    written without a holder (False)."""
    row = session.scalar(
        _mine(held.actor, held.key).where(Row.claim == held.claim).with_for_update()
    )
    if row is None:
        return False
    if row.state == KeyState.RUNNING.value:
        session.delete(row)
        return True
    row.claim = ""
    return False


def _mine(actor: str, key: str) -> Select[Row]:
    return select(Row).where(Row.actor == actor, Row.key == key)


def _insert(session: Session, request: KeyedRequest, claim: str, at: dt.datetime) -> bool:
    """INSERT the key unless it is held (ON CONFLICT DO NOTHING: on
    PostgreSQL it waits for a concurrent insert of the same key to end)."""
    values = {
        "actor": request.actor,
        "key": request.key,
        "method": request.method,
        "target": request.target,
        "body_sha256": request.body_sha256,
        "state": KeyState.RUNNING.value,
        "claim": claim,
        "created_at": at,
        "renewed_at": at,
        "expires_at": at + KEEP,
    }
    postgres = session.get_bind().dialect.name == "postgresql"
    insert = postgresql.insert(Row) if postgres else sqlite.insert(Row)
    statement = (
        insert.values(values)
        .on_conflict_do_nothing(index_elements=["actor", "key"])
        .returning(Row.claim)
    )
    return session.execute(statement).first() is not None


def _changed(session: Session, held: KeyClaim, **values: object) -> bool:
    result = session.execute(
        update(Row)
        .where(Row.actor == held.actor, Row.key == held.key, Row.claim == held.claim)
        .values(values),
        execution_options={"synchronize_session": False},
    )
    assert isinstance(result, CursorResult)
    return result.rowcount == 1


def _record(row: Row) -> KeyRecord:
    response = None
    if row.status is not None and row.body is not None:
        response = StoredResponse(row.status, row.content_type or "", bytes(row.body))
    return KeyRecord(
        KeyedRequest(row.actor, row.key, row.method, row.target, row.body_sha256),
        row.claim,
        KeyState(row.state),
        row.created_at,
        row.renewed_at,
        response,
    )


# -- the key a request holds, marked written in its write's own transaction --


@event.listens_for(Session, "before_flush")
def _note_revision(session: Session, _context: object, _instances: object) -> None:
    # Every write of a season makes a revision (store/repository.py: _bump).
    if HELD.get() is not None and any(isinstance(o, RevisionRow) for o in session.new):
        session.info[_WROTE] = True


@event.listens_for(Session, "before_commit")
def _mark_written(session: Session) -> None:
    held = HELD.get()
    if held is None:
        return
    session.flush()  # the revision rows not flushed yet
    if session.info.pop(_WROTE, False):
        session.execute(
            update(Row)
            .where(
                Row.actor == held.actor,
                Row.key == held.key,
                Row.claim == held.claim,
                Row.state == KeyState.RUNNING.value,
            )
            .values(state=KeyState.WRITTEN.value),
            execution_options={"synchronize_session": False},
        )


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_WROTE, None)
