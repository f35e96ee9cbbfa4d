"""The idempotency half of the repository contract (podium.app.idempotency),
on memory, SQLite and PostgreSQL: claim, keep, replay, refuse, release,
take over from a dead holder, and one claim of many at once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable

import pytest

from podium.app.idempotency import (
    KEEP,
    Conflict,
    KeyClaim,
    KeyConflict,
    KeyedRequest,
    KeyRecord,
    KeyState,
    KeyTable,
    StoredResponse,
    settle,
)
from podium.app.memory import MemoryRepository
from podium.app.repository import Repository
from tests.store.databases import postgres_repository, sqlite_repository

REPOSITORIES: dict[str, Callable[[], Repository]] = {
    "memory": MemoryRepository,
    "sqlite": sqlite_repository,
    "postgresql": postgres_repository,
}

PENALTY = KeyedRequest("desk", "k-1", "POST", "/api/v1/seasons/x/penalties", "ab" * 32)
ANSWER = StoredResponse(201, "application/json", b'{"revision": 12}')


@pytest.fixture(params=sorted(REPOSITORIES))
def repo(request: pytest.FixtureRequest) -> Repository:
    return REPOSITORIES[request.param]()


def claimed(repo: Repository, request: KeyedRequest = PENALTY, **lease: float) -> KeyClaim:
    if lease:
        found = repo.claim_idempotency_key(request, dt.timedelta(**lease))
    else:
        found = repo.claim_idempotency_key(request)
    assert isinstance(found, KeyClaim), found
    return found


def claim(repo: Repository, request: KeyedRequest = PENALTY) -> object:
    return repo.claim_idempotency_key(request)


def test_a_kept_answer_is_replayed_to_the_same_request(repo: Repository) -> None:
    held = claimed(repo)
    assert (held.actor, held.key) == ("desk", "k-1")
    assert repo.finish_idempotency_key(held, ANSWER)
    assert claim(repo) == ANSWER
    assert claim(repo) == ANSWER


def test_a_key_is_per_actor(repo: Repository) -> None:
    repo.finish_idempotency_key(claimed(repo), ANSWER)
    other = dataclasses.replace(PENALTY, actor="another desk")
    assert isinstance(claim(repo, other), KeyClaim)


def test_another_request_under_a_key_is_refused(repo: Repository) -> None:
    held = claimed(repo)
    for other in (
        KeyedRequest("desk", "k-1", "POST", PENALTY.target, "cd" * 32),
        KeyedRequest("desk", "k-1", "POST", "/api/v1/seasons/x/penalties/1/withdraw", "ab" * 32),
    ):
        found = claim(repo, other)
        assert isinstance(found, KeyConflict) and found.conflict is Conflict.OTHER_REQUEST
        assert found.first == PENALTY
    repo.finish_idempotency_key(held, ANSWER)
    found = claim(repo, KeyedRequest("desk", "k-1", "POST", PENALTY.target, "cd" * 32))
    assert isinstance(found, KeyConflict) and found.conflict is Conflict.OTHER_REQUEST


def test_a_repeat_while_the_first_runs_is_in_progress(repo: Repository) -> None:
    held = claimed(repo)
    found = claim(repo)
    assert isinstance(found, KeyConflict) and found.conflict is Conflict.IN_PROGRESS
    assert repo.renew_idempotency_key(held)
    found = claim(repo)
    assert isinstance(found, KeyConflict) and found.conflict is Conflict.IN_PROGRESS


def test_a_released_key_is_free_again(repo: Repository) -> None:
    held = claimed(repo)
    assert repo.release_idempotency_key(held)  # it wrote nothing
    again = claimed(repo)
    assert again.claim != held.claim
    assert not repo.finish_idempotency_key(held, ANSWER)  # no longer the holder's
    assert not repo.renew_idempotency_key(held)
    assert not repo.release_idempotency_key(held)
    assert repo.finish_idempotency_key(again, ANSWER)
    assert claim(repo) == ANSWER


def test_a_dead_holder_is_taken_over_after_its_lease(repo: Repository) -> None:
    dead = claimed(repo)
    taken = claimed(repo, seconds=0)  # a lease of 0: every holder is late
    assert taken.claim != dead.claim
    assert not repo.finish_idempotency_key(dead, StoredResponse(201, "", b"dead"))
    assert repo.finish_idempotency_key(taken, ANSWER)
    assert repo.claim_idempotency_key(PENALTY, dt.timedelta(0)) == ANSWER


def test_of_many_claims_at_once_one_wins(repo: Repository) -> None:
    barrier = threading.Barrier(8)
    found: list[object] = []

    def race() -> None:
        barrier.wait()
        found.append(repo.claim_idempotency_key(PENALTY))

    threads = [threading.Thread(target=race) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(isinstance(f, KeyClaim) for f in found) == 1
    assert all(
        isinstance(f, KeyClaim)
        or (isinstance(f, KeyConflict) and f.conflict is Conflict.IN_PROGRESS)
        for f in found
    )


# -- the decision, and the memory table, at given moments ---------------------

T0 = dt.datetime(2026, 12, 15, 9, 0, tzinfo=dt.UTC)


def test_settle_decides_what_a_held_key_answers() -> None:
    running = KeyRecord(PENALTY, "c1", KeyState.RUNNING, T0, T0)
    later = T0 + dt.timedelta(seconds=31)
    assert settle(running, PENALTY, T0 + dt.timedelta(seconds=29)) == KeyConflict(
        Conflict.IN_PROGRESS, PENALTY, T0
    )
    assert settle(running, PENALTY, later) is None  # its holder died: take it over
    written = KeyRecord(PENALTY, "c1", KeyState.WRITTEN, T0, T0)
    assert settle(written, PENALTY, later) == KeyConflict(Conflict.ANSWER_LOST, PENALTY, T0)
    released = KeyRecord(PENALTY, "", KeyState.WRITTEN, T0, T0)
    assert settle(released, PENALTY, T0) == KeyConflict(Conflict.ANSWER_LOST, PENALTY, T0)
    done = KeyRecord(PENALTY, "c1", KeyState.DONE, T0, T0, ANSWER)
    assert settle(done, PENALTY, later) == ANSWER


def test_memory_keys_expire_after_24_hours() -> None:
    table = KeyTable()
    held = table.claim(PENALTY, T0)
    assert isinstance(held, KeyClaim) and table.finish(held, ANSWER)
    assert table.claim(PENALTY, T0 + KEEP - dt.timedelta(seconds=1)) == ANSWER
    fresh = table.claim(PENALTY, T0 + KEEP)
    assert isinstance(fresh, KeyClaim)
    assert [r.created_at for r in table.records()] == [T0 + KEEP]
