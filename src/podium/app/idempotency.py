"""Idempotency keys: a write retried with the same ``Idempotency-Key`` is
done once ("The Idempotency-Key HTTP Header Field", IETF httpapi draft;
Stripe's behaviour).

The first request with a key (per actor: the token's name) claims it and
runs; its answer (status, content type, body) is kept with the request's
fingerprint (method, target, SHA-256 of the body), and a repeat of the same
request gets that answer back without writing anything. The same key with
another request is refused, and so is a repeat while the first still runs.
Keys are kept 24 hours from their first use.

A claim is held by its request: the web layer renews it while the request
runs (``LEASE``). A claim whose holder stopped renewing (the server died)
is taken over by the next request with the key, unless its request had
written already: a store that can (the SQL store) marks the key ``written``
in the write's own transaction (``HELD`` tells it which key the running
request holds), so a request whose answer was lost is never run twice.

This module is pure: the types, the decision a store makes when a key is
held already (``settle``), and ``KeyTable``, the keys of ``MemoryRepository``.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from contextvars import ContextVar
from dataclasses import dataclass, replace
from enum import StrEnum

KEEP = dt.timedelta(hours=24)
"""How long a key is kept after its first use."""
LEASE = dt.timedelta(seconds=30)
"""A claim not renewed for this long belongs to a request that died."""


class KeyState(StrEnum):
    RUNNING = "running"
    """Claimed; its request has written nothing yet (as far as the store knows)."""
    WRITTEN = "written"
    """Its request has written; its answer is not kept yet."""
    DONE = "done"
    """Its answer is kept."""


@dataclass(frozen=True, slots=True)
class KeyedRequest:
    """A write request carrying an idempotency key, and its fingerprint."""

    actor: str
    key: str
    method: str
    target: str
    """The path, with ``?query`` when there is one."""
    body_sha256: str

    def same_as(self, other: KeyedRequest) -> bool:
        """Whether ``other`` repeats this request (the key aside)."""
        return (self.method, self.target, self.body_sha256) == (
            other.method,
            other.target,
            other.body_sha256,
        )


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """The answer kept for a key, replayed to a repeat."""

    status: int
    content_type: str
    body: bytes


@dataclass(frozen=True, slots=True)
class KeyClaim:
    """A key claimed by the request about to run: ``claim`` names that
    request, so only it renews, finishes or releases the key."""

    actor: str
    key: str
    claim: str


class Conflict(StrEnum):
    OTHER_REQUEST = "other request"
    """The key was first used for another request (422)."""
    IN_PROGRESS = "in progress"
    """The key's first request is still running (409)."""
    ANSWER_LOST = "answer lost"
    """The key's first request wrote, then stopped before its answer was kept (409)."""


@dataclass(frozen=True, slots=True)
class KeyConflict:
    conflict: Conflict
    first: KeyedRequest
    """The request that first used the key."""
    since: dt.datetime
    """When it was first used."""


Claim = KeyClaim | StoredResponse | KeyConflict
"""What claiming a key finds: the key is ours (run the request), the
answer to replay, or a refusal."""


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """What a store keeps for a key."""

    request: KeyedRequest
    claim: str
    """The holder's claim; blank once released."""
    state: KeyState
    created_at: dt.datetime
    renewed_at: dt.datetime
    response: StoredResponse | None = None

    @property
    def expires_at(self) -> dt.datetime:
        return self.created_at + KEEP


HELD: ContextVar[KeyClaim | None] = ContextVar("podium_idempotency_held", default=None)
"""The key the running request holds (set by the web layer around the
request), so that a store can mark it written in the write's own transaction."""


def new_claim() -> str:
    return secrets.token_hex(16)


def settle(
    record: KeyRecord, request: KeyedRequest, at: dt.datetime, lease: dt.timedelta = LEASE
) -> StoredResponse | KeyConflict | None:
    """What ``request`` gets from a key already held (``record``): its
    answer, a refusal, or None when the holder died before writing, so that
    ``request`` takes the key over and runs."""
    if not record.request.same_as(request):
        return KeyConflict(Conflict.OTHER_REQUEST, record.request, record.created_at)
    if record.state is KeyState.DONE and record.response is not None:
        return record.response
    if record.claim and at - record.renewed_at < lease:
        return KeyConflict(Conflict.IN_PROGRESS, record.request, record.created_at)
    if record.state is not KeyState.RUNNING:
        return KeyConflict(Conflict.ANSWER_LOST, record.request, record.created_at)
    return None


class KeyTable:
    """The idempotency keys of ``MemoryRepository``: a dict behind a lock,
    so that two requests with one key cannot both claim it."""

    def __init__(self) -> None:
        self._records: dict[tuple[str, str], KeyRecord] = {}
        self._lock = threading.Lock()

    def claim(self, request: KeyedRequest, at: dt.datetime, lease: dt.timedelta = LEASE) -> Claim:
        with self._lock:
            for where, old in list(self._records.items()):
                if old.expires_at <= at:
                    del self._records[where]
            where = (request.actor, request.key)
            record = self._records.get(where)
            if record is not None:
                found = settle(record, request, at, lease)
                if found is not None:
                    return found
            claim = new_claim()
            self._records[where] = KeyRecord(
                request,
                claim,
                KeyState.RUNNING,
                at if record is None else record.created_at,
                at,
            )
            return KeyClaim(request.actor, request.key, claim)

    def _held(self, held: KeyClaim) -> KeyRecord | None:
        record = self._records.get((held.actor, held.key))
        return record if record is not None and record.claim == held.claim else None

    def renew(self, held: KeyClaim, at: dt.datetime) -> bool:
        with self._lock:
            record = self._held(held)
            if record is None:
                return False
            self._records[held.actor, held.key] = replace(record, renewed_at=at)
            return True

    def finish(self, held: KeyClaim, response: StoredResponse) -> bool:
        with self._lock:
            record = self._held(held)
            if record is None:
                return False
            self._records[held.actor, held.key] = replace(
                record, state=KeyState.DONE, response=response
            )
            return True

    def release(self, held: KeyClaim) -> bool:
        with self._lock:
            record = self._held(held)
            if record is None:
                return False
            if record.state is KeyState.RUNNING:
                del self._records[held.actor, held.key]
                return True
            self._records[held.actor, held.key] = replace(record, claim="")
            return False

    def records(self) -> list[KeyRecord]:
        """Every key kept (tests, inspection)."""
        with self._lock:
            return list(self._records.values())
