"""Idempotency-Key on every write, through a real server on memory, SQLite
and PostgreSQL: a retry after a lost answer gets the first answer back and
writes nothing; another request under the same key is 422, a repeat while
the first runs is 409; a 5xx is not kept; keys survive a restart of the
server on the databases, and a claim left by a server that died is taken
over, unless its request had written (issue 14, must-have 8)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from podium.app.idempotency import HELD, KeyClaim, KeyedRequest
from podium.app.repository import Repository
from podium.datasets import builtin_season_path
from podium.model import Penalty, PenaltyKind, Season
from podium.store import open_repository
from podium.store.models import IdempotencyKeyRow
from podium.store.repository import SqlRepository
from podium.web.idempotency import body_sha256
from tests.store.databases import postgres_server, sqlite_url
from tests.web.conftest import BACKENDS, SCRATCH, Site, new_repository, serving
from tests.web.test_api_read import assert_error

API = f"/api/v1/seasons/{SCRATCH}"
PENALTIES = f"{API}/penalties"


def new_key() -> str:
    return str(uuid.uuid4())


def penalty(reason: str = "idempotency test") -> dict[str, object]:
    """A point off LMP2 #56 at Laguna Seca (no other test reads that table)."""
    return {"round": 9, "car_no": "56", "kind": "points", "value": "1", "reason": reason}


def keyed(token: str, key: str | None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return headers


@pytest.fixture
def token(site: Site) -> str:
    """A token of its own: keys are per token name, and so is the write rate."""
    return site.repository.create_token(f"idempotency {uuid.uuid4().hex[:8]}")


def held_penalties(repository: Repository, season_id: str = SCRATCH) -> int:
    return len(repository.season(season_id).penalties)


def test_the_same_key_twice_writes_once_and_replays_the_answer(
    site: Site, http: httpx.Client, token: str
) -> None:
    key = new_key()
    before, revision = held_penalties(site.repository), site.repository.revision(SCRATCH)
    first = http.post(PENALTIES, json=penalty(), headers=keyed(token, key))
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    again = http.post(PENALTIES, json=penalty(), headers=keyed(token, key))
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["x-content-type-options"] == "nosniff"  # a replay is an answer too
    assert held_penalties(site.repository) == before + 1
    assert site.repository.revision(SCRATCH) == revision + 1
    # A key is the token's: another key (or none) is another request.
    other = http.post(PENALTIES, json=penalty(), headers=keyed(token, new_key()))
    assert other.status_code == 201 and "idempotent-replayed" not in other.headers
    assert held_penalties(site.repository) == before + 2


def test_without_a_key_every_post_writes(site: Site, http: httpx.Client, token: str) -> None:
    before = held_penalties(site.repository)
    for _ in range(2):
        response = http.post(PENALTIES, json=penalty(), headers=keyed(token, None))
        assert response.status_code == 201 and "idempotent-replayed" not in response.headers
    assert held_penalties(site.repository) == before + 2


def test_the_same_key_for_another_request_is_422_and_writes_nothing(
    site: Site, http: httpx.Client, token: str
) -> None:
    key = new_key()
    assert http.post(PENALTIES, json=penalty(), headers=keyed(token, key)).status_code == 201
    before, revision = held_penalties(site.repository), site.repository.revision(SCRATCH)
    other_body = http.post(PENALTIES, json=penalty("another"), headers=keyed(token, key))
    (problem,) = assert_error(other_body, 422)
    assert (problem["file"], problem["field"]) == ("header", "Idempotency-Key")
    assert problem["message"] == "key reused for another request"
    assert f"POST {PENALTIES}" in str(problem["found"])
    other_path = http.post(
        f"{PENALTIES}/1/withdraw", json={"reason": "x"}, headers=keyed(token, key)
    )
    assert assert_error(other_path, 422)[0]["message"] == "key reused for another request"
    assert (held_penalties(site.repository), site.repository.revision(SCRATCH)) == (
        before,
        revision,
    )


@pytest.mark.parametrize(
    "value",
    ["", "x" * 256, "caf\u00e9", "tab\there"],
    ids=["empty", "too-long", "not-ascii", "control"],
)
def test_a_malformed_key_is_422_and_writes_nothing(
    site: Site, http: httpx.Client, token: str, value: str
) -> None:
    revision = site.repository.revision(SCRATCH)
    headers = [
        ("Authorization", f"Bearer {token}"),
        ("Idempotency-Key", value.encode("latin-1")),
    ]
    response = http.post(PENALTIES, json=penalty(), headers=headers)
    (problem,) = assert_error(response, 422)
    assert (problem["field"], problem["message"]) == (
        "Idempotency-Key",
        "not a valid idempotency key",
    )
    assert site.repository.revision(SCRATCH) == revision


def test_two_key_headers_or_a_quoted_key(site: Site, http: httpx.Client, token: str) -> None:
    """The draft writes the key as a structured-field string: "..." is the
    same key as the bare text. Two headers are refused."""
    key = new_key()
    two = [
        ("Authorization", f"Bearer {token}"),
        ("Idempotency-Key", key),
        ("Idempotency-Key", key),
    ]
    assert_error(http.post(PENALTIES, json=penalty(), headers=two), 422)
    bare = http.post(PENALTIES, json=penalty(), headers=keyed(token, key))
    quoted = http.post(PENALTIES, json=penalty(), headers=keyed(token, f'"{key}"'))
    assert bare.status_code == quoted.status_code == 201
    assert quoted.headers["idempotent-replayed"] == "true"


def test_a_refusal_is_kept_and_replayed(site: Site, http: httpx.Client, token: str) -> None:
    key = new_key()
    unknown_car = {**penalty(), "car_no": "999"}
    first = http.post(PENALTIES, json=unknown_car, headers=keyed(token, key))
    assert assert_error(first, 422)[0]["field"] == "car_no"
    again = http.post(PENALTIES, json=unknown_car, headers=keyed(token, key))
    assert again.status_code == 422 and again.headers["idempotent-replayed"] == "true"
    assert again.content == first.content


def test_concurrent_duplicates_write_once(site: Site, token: str) -> None:
    """Two clients send the same request with one key at the same moment:
    one runs, the other is told it is in progress (409) or gets its answer."""
    for _ in range(4):
        key = new_key()
        before = held_penalties(site.repository)
        barrier = threading.Barrier(2)
        answers: list[httpx.Response] = []

        def send(
            key: str = key,
            barrier: threading.Barrier = barrier,
            answers: list[httpx.Response] = answers,
        ) -> None:
            with site.client() as client:
                barrier.wait()
                answers.append(client.post(PENALTIES, json=penalty(), headers=keyed(token, key)))

        threads = [threading.Thread(target=send) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert held_penalties(site.repository) == before + 1
        statuses = sorted(a.status_code for a in answers)
        assert statuses in ([201, 201], [201, 409]), [a.text for a in answers]
        if statuses == [201, 409]:
            busy = next(a for a in answers if a.status_code == 409)
            assert assert_error(busy, 409)[0]["message"] == "a request with this key is in progress"
            assert busy.headers["retry-after"] == "1"
        else:
            assert sum(a.headers.get("idempotent-replayed") == "true" for a in answers) == 1


def test_an_upload_retried_with_a_new_boundary_is_the_same_request(
    site: Site, http: httpx.Client, token: str
) -> None:
    """A client retrying a multipart upload draws a new boundary: the key
    still finds its request (the body is fingerprinted without it)."""
    r1 = (builtin_season_path() / "results" / "r1.csv").read_bytes()
    key = new_key()
    versions = len(site.repository.result_versions(SCRATCH, 1))
    sent: list[bytes] = []

    def post(body: bytes) -> httpx.Response:
        request = http.build_request(
            "POST",
            f"{API}/rounds/1/results",
            files={"file": ("r1.csv", body, "text/csv")},
            data={"reason": "idempotency test"},
            headers=keyed(token, key),
        )
        sent.append(request.headers["content-type"].encode())
        return http.send(request)

    first, again = post(r1), post(r1)
    assert sent[0] != sent[1]  # two boundaries
    assert first.status_code == again.status_code == 201, first.text
    assert again.headers["idempotent-replayed"] == "true" and again.content == first.content
    assert len(site.repository.result_versions(SCRATCH, 1)) == versions + 1
    changed = post(r1.replace(b"\n", b"\r\n"))
    assert assert_error(changed, 422)[0]["message"] == "key reused for another request"
    assert len(site.repository.result_versions(SCRATCH, 1)) == versions + 1


def test_the_header_is_in_the_api_description(http: httpx.Client) -> None:
    spec = http.get("/api/v1/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}
            assert ("Idempotency-Key" in names) == (method == "post"), (method, path)


# -- a server of its own: failures, restarts, a server that died --------------


class Flaky:
    """A repository whose next ``add_penalty`` calls fail: each failure an
    exception, raised before the penalty is written or after."""

    def __init__(self, inner: Repository) -> None:
        self.inner = inner
        self.failures: list[tuple[BaseException, bool]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def add_penalty(self, season_id: str, penalty: Penalty, actor: str) -> int:
        if not self.failures:
            return self.inner.add_penalty(season_id, penalty, actor)
        failure, after = self.failures.pop(0)
        if after:
            self.inner.add_penalty(season_id, penalty, actor)
        raise failure


LOCKED = OperationalError("INSERT INTO penalties ...", {}, Exception("database is locked"))


@contextmanager
def own_site(alms: Season, backend: str) -> Iterator[tuple[Flaky, str, httpx.Client]]:
    repository = Flaky(new_repository(backend))
    repository.load_season(alms, actor="tests")
    token = repository.create_token("desk")
    # A crash (500) closes its connection: one connection per request.
    once = httpx.Limits(max_keepalive_connections=0)
    with (
        serving(repository) as url,  # type: ignore[arg-type]
        httpx.Client(base_url=url, timeout=30, limits=once) as http,
    ):
        yield repository, token, http


OWN = "/api/v1/seasons/alms-2004/penalties"


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_5xx_is_not_kept_and_the_retry_writes(alms: Season, backend: str) -> None:
    with own_site(alms, backend) as (repository, token, http):
        key = new_key()
        before = held_penalties(repository, "alms-2004")
        repository.failures = [(LOCKED, False), (RuntimeError("crash"), False)]
        busy = http.post(OWN, json=penalty(), headers=keyed(token, key))
        assert assert_error(busy, 503)[0]["field"] == "lock"
        crashed = http.post(OWN, json=penalty(), headers=keyed(token, key))
        assert_error(crashed, 500)
        assert held_penalties(repository, "alms-2004") == before
        done = http.post(OWN, json=penalty(), headers=keyed(token, key))
        assert done.status_code == 201 and "idempotent-replayed" not in done.headers
        replayed = http.post(OWN, json=penalty(), headers=keyed(token, key))
        assert replayed.headers["idempotent-replayed"] == "true"
        assert held_penalties(repository, "alms-2004") == before + 1


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_crash_after_the_write_is_never_run_twice(alms: Season, backend: str) -> None:
    """A request that wrote and then failed (5xx) leaves its key written:
    the databases mark it in the write's own transaction, so a retry is
    refused instead of writing a second time."""
    with own_site(alms, backend) as (repository, token, http):
        key = new_key()
        before = held_penalties(repository, "alms-2004")
        repository.failures = [(RuntimeError("crash after the write"), True)]
        assert_error(http.post(OWN, json=penalty(), headers=keyed(token, key)), 500)
        assert held_penalties(repository, "alms-2004") == before + 1
        retry = http.post(OWN, json=penalty(), headers=keyed(token, key))
        (problem,) = assert_error(retry, 409)
        assert "server stopped before its answer was kept" in str(problem["message"])
        assert "retry-after" not in retry.headers
        assert held_penalties(repository, "alms-2004") == before + 1


def test_a_claim_that_waits_on_a_lock_is_a_503_and_keeps_nothing(alms: Season) -> None:
    """SQLite: the claim itself needs the write lock; held by another writer
    past the bounded wait, the answer is the 503 of a busy database, and
    the retry with the key runs once the lock is gone."""
    url = sqlite_url()
    repository = open_repository(url, lock_wait=1.0)
    repository.load_season(alms, actor="tests")
    token = repository.create_token("desk")
    key = new_key()
    try:
        with serving(repository) as base, httpx.Client(base_url=base, timeout=30) as http:
            other = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            try:
                busy = http.post(OWN, json=penalty(), headers=keyed(token, key))
            finally:
                other.execute("ROLLBACK")
                other.close()
            assert assert_error(busy, 503)[0]["field"] == "lock"
            assert busy.headers["retry-after"] == "2"
            done = http.post(OWN, json=penalty(), headers=keyed(token, key))
            assert done.status_code == 201 and "idempotent-replayed" not in done.headers
        assert held_penalties(repository, "alms-2004") == len(alms.penalties) + 1
    finally:
        repository.close()


def _database(backend: str) -> str:
    return sqlite_url() if backend == "sqlite" else postgres_server().new_database()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_keys_survive_a_restart_of_the_server(alms: Season, backend: str) -> None:
    url = _database(backend)
    first = open_repository(url)
    first.load_season(alms, actor="tests")
    token = first.create_token("desk")
    key = new_key()
    with serving(first) as base, httpx.Client(base_url=base, timeout=30) as http:
        answer = http.post(OWN, json=penalty(), headers=keyed(token, key))
        assert answer.status_code == 201
    first.close()
    second = open_repository(url)
    try:
        with serving(second) as base, httpx.Client(base_url=base, timeout=30) as http:
            again = http.post(OWN, json=penalty(), headers=keyed(token, key))
        assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
        assert again.content == answer.content
        assert held_penalties(second, "alms-2004") == len(alms.penalties) + 1
    finally:
        second.close()


def _left_by_a_dead_server(
    repository: SqlRepository, key: str, body: bytes, wrote: Callable[[], object] | None
) -> KeyClaim:
    """The key as a server that died mid-request left it: claimed, its lease
    run out, and (``wrote``) its write made under the key."""
    request = KeyedRequest("desk", key, "POST", OWN, body_sha256(body, "application/json"))
    claim = repository.claim_idempotency_key(request)
    assert isinstance(claim, KeyClaim)
    if wrote is not None:
        token = HELD.set(claim)
        try:
            wrote()
        finally:
            HELD.reset(token)
    with repository.engine.begin() as connection:
        connection.execute(
            update(IdempotencyKeyRow)
            .where(IdempotencyKeyRow.key == key)
            .values(renewed_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
        )
    return claim


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_claim_left_by_a_dead_server(alms: Season, backend: str) -> None:
    """The retry takes over a key whose server died before writing, and is
    refused one whose server died after writing (never two penalties)."""
    repository = open_repository(_database(backend))
    repository.load_season(alms, actor="tests")
    token = repository.create_token("desk")
    body = json.dumps(penalty()).encode()
    headers = {"Content-Type": "application/json"}
    try:
        with serving(repository) as base, httpx.Client(base_url=base, timeout=30) as http:
            before = held_penalties(repository, "alms-2004")
            died_early = new_key()
            _left_by_a_dead_server(repository, died_early, body, None)
            taken = http.post(OWN, content=body, headers={**headers, **keyed(token, died_early)})
            assert taken.status_code == 201 and "idempotent-replayed" not in taken.headers
            assert held_penalties(repository, "alms-2004") == before + 1

            died_late = new_key()
            penalty_of_the_dead = Penalty(9, "56", PenaltyKind.POINTS, "dead server", "1")
            _left_by_a_dead_server(
                repository,
                died_late,
                body,
                lambda: repository.add_penalty("alms-2004", penalty_of_the_dead, "desk"),
            )
            assert held_penalties(repository, "alms-2004") == before + 2
            refused = http.post(OWN, content=body, headers={**headers, **keyed(token, died_late)})
            assert assert_error(refused, 409)[0]["field"] == "Idempotency-Key"
            assert held_penalties(repository, "alms-2004") == before + 2
    finally:
        repository.close()
