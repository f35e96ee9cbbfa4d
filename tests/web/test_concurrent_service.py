"""Readers and writers at once against a real `podium serve` process (issue
14: a results service that stays up under load), on SQLite and PostgreSQL.

Reader threads ask for the standings, a round and the stewards' decisions
back to back while writer threads, each with its own token, post amendments
of round 9 and penalties with an Idempotency-Key. No timing is asserted
(bench/concurrent_readers.py measures); what must hold:

- every read answers 200, or a clean 503 with Retry-After: never a 500, never
  a dropped connection;
- a reader never sees the season go back to an older revision, and a writer
  sees its own write at once (the revision it was given, or a later one);
- every acknowledged write is there afterwards (its version, its decision),
  and the revisions the writes were given have no duplicates and no gaps:
  they are exactly the revisions after the first read's.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import pytest

from podium.model import Season
from podium.store import open_repository
from tests.store.databases import postgres_server, sqlite_url
from tests.web.conftest import free_port

SEASON = "alms-2004"
STANDINGS = f"/api/v1/seasons/{SEASON}/standings/GT/teams"
READ_PATHS = (
    STANDINGS,
    f"/api/v1/seasons/{SEASON}/rounds/9",
    f"/api/v1/seasons/{SEASON}/penalties",
)
ROUND_9 = Path(__file__).resolve().parents[2] / "src/podium/datasets/alms2004/results/r9.csv"
READERS = 6
WRITERS = 3
WRITES_EACH = 8
"""Under the rate limit's burst of 20 per token: no write is refused for speed."""
GT_CARS = ("24", "23", "45", "35", "66", "31", "43", "79", "44", "67")


@dataclass
class Tally:
    statuses: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    revisions_seen: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, status: int) -> None:
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)


@dataclass
class Acknowledged:
    kind: str  # "amendment" or "penalty"
    reason: str
    revision: int


@contextmanager
def podium_serve(url: str) -> Iterator[str]:
    """`podium serve` on ``url`` as a process of its own, as `make run` starts it."""
    port = free_port()
    exe = Path(sys.executable).with_name("podium")
    base = f"http://127.0.0.1:{port}"
    # Its log in a file, not a pipe: a full pipe would stall the server.
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(
            [str(exe), "serve", "--host", "127.0.0.1", "--port", str(port), "--database", url],
            stdout=subprocess.DEVNULL,
            stderr=log,
            text=True,
        )
        try:
            _wait_for(server, base, log)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.seek(0)
        errors = log.read()
    # Anything logged at warning or above (a 500's traceback) fails the test.
    assert "Traceback" not in errors and "ERROR" not in errors, errors


def _wait_for(server: subprocess.Popen[str], base: str, log: IO[str]) -> None:
    deadline = time.monotonic() + 60
    while True:
        if server.poll() is not None:
            log.seek(0)
            pytest.fail(f"podium serve exited: {log.read()}")
        try:
            if httpx.get(base + STANDINGS, timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            pytest.fail("podium serve did not answer within 60 s")
        time.sleep(0.1)


def _reader(base: str, stop: threading.Event, tally: Tally) -> None:
    last = 0
    with httpx.Client(base_url=base, timeout=60) as client:
        i = 0
        while not stop.is_set():
            path = READ_PATHS[i % len(READ_PATHS)] if i % 2 else STANDINGS
            i += 1
            try:
                response = client.get(path)
            except httpx.TransportError as exc:
                tally.problem(f"GET {path}: {exc!r}")
                continue
            tally.count(response.status_code)
            if response.status_code == 503:
                if "retry-after" not in response.headers:
                    tally.problem(f"GET {path}: 503 without Retry-After")
                time.sleep(0.05)
                continue
            if response.status_code != 200:
                tally.problem(f"GET {path}: {response.status_code} {response.text[:300]}")
                continue
            if path == STANDINGS:
                revision = response.json()["revision"]
                with tally.lock:
                    tally.revisions_seen.add(revision)
                if revision < last:
                    tally.problem(f"a reader went back from revision {last} to {revision}")
                last = max(last, revision)


def _amended(seed: int) -> bytes:
    """Round 9 with two GT cars' places swapped (which two depends on ``seed``)."""
    lines = ROUND_9.read_text(encoding="utf-8").splitlines(keepends=True)
    gt = [i for i, line in enumerate(lines) if line.split(",")[1:2] == ["GT"]]
    first = gt[seed % (len(gt) - 1)]
    second = gt[seed % (len(gt) - 1) + 1]
    a, b = lines[first].split(",", 3), lines[second].split(",", 3)
    a[0], b[0] = b[0], a[0]
    a[2], b[2] = b[2], a[2]
    lines[first], lines[second] = ",".join(b), ",".join(a)
    return "".join(lines).encode()


def _writer(base: str, token: str, who: int, tally: Tally, done: list[Acknowledged]) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
        for k in range(WRITES_EACH):
            reason = f"writer {who} write {k}"
            key = str(uuid.uuid4())
            amendment = k % 2 == 0
            for _attempt in range(20):  # the same key on a retry: written once at most
                if amendment:
                    response = client.post(
                        f"/api/v1/seasons/{SEASON}/rounds/9/amendments",
                        files={"file": ("r9.csv", _amended(who * WRITES_EACH + k), "text/csv")},
                        data={"reason": reason},
                        headers={"Idempotency-Key": key},
                    )
                else:
                    response = client.post(
                        f"/api/v1/seasons/{SEASON}/penalties",
                        json={
                            "round": 9,
                            "car_no": GT_CARS[(who + k) % len(GT_CARS)],
                            "kind": "points",
                            "value": "1",
                            "reason": reason,
                        },
                        headers={"Idempotency-Key": key},
                    )
                if response.status_code not in (409, 503):
                    break
                if "retry-after" not in response.headers:
                    tally.problem(f"write {reason}: {response.status_code} without Retry-After")
                time.sleep(0.2)
            tally.count(response.status_code)
            if response.status_code != 201:
                tally.problem(f"write {reason}: {response.status_code} {response.text[:300]}")
                continue
            revision = response.json()["revision"]
            done.append(Acknowledged("amendment" if amendment else "penalty", reason, revision))
            # Read your writes: the server shows it at once, whatever its revision TTL.
            seen = client.get(STANDINGS)
            if seen.status_code != 200 or seen.json()["revision"] < revision:
                tally.problem(f"after {reason} (revision {revision}): {seen.text[:200]}")


def _hammer(url: str, alms: Season) -> None:
    repository = open_repository(url)
    repository.load_season(alms, actor="tests")
    tokens = [repository.create_token(f"desk {n}") for n in range(WRITERS)]
    repository.close()
    with podium_serve(url) as base:
        first = httpx.get(base + STANDINGS, timeout=30).json()["revision"]
        tally = Tally()
        done: list[Acknowledged] = []
        stop = threading.Event()
        readers = [
            threading.Thread(target=_reader, args=(base, stop, tally)) for _ in range(READERS)
        ]
        writers = [
            threading.Thread(target=_writer, args=(base, token, n, tally, done))
            for n, token in enumerate(tokens)
        ]
        for thread in readers + writers:
            thread.start()
        for thread in writers:
            thread.join(timeout=120)
        stop.set()
        for thread in readers:
            thread.join(timeout=60)
        assert not tally.problems, tally.problems[:10]
        assert set(tally.statuses) <= {200, 201, 503}, tally.statuses
        assert tally.statuses.get(200, 0) > 0
        assert len(done) == WRITERS * WRITES_EACH

        # Every acknowledged write is there, once.
        with httpx.Client(base_url=base, timeout=30) as client:
            versions = client.get(
                f"/api/v1/seasons/{SEASON}/rounds/9/versions", params={"limit": 500}
            ).json()["versions"]
            decisions = client.get(f"/api/v1/seasons/{SEASON}/penalties").text
            last = client.get(STANDINGS).json()["revision"]
        by_reason = {v["reason"]: v for v in versions}
        for write in done:
            if write.kind == "amendment":
                assert by_reason[write.reason]["revision"] == write.revision, write
                assert sum(v["reason"] == write.reason for v in versions) == 1, write
            else:
                assert decisions.count(f'"{write.reason}"') == 1, write
        # Revisions: one per acknowledged write, none twice, none skipped.
        given = sorted(w.revision for w in done)
        assert given == list(range(first + 1, first + 1 + len(done))), given
        assert last == given[-1]
        assert tally.revisions_seen <= set(range(first, last + 1))


def test_readers_and_writers_at_once_on_sqlite(alms: Season) -> None:
    _hammer(sqlite_url(), alms)


def test_readers_and_writers_at_once_on_postgresql(alms: Season) -> None:
    _hammer(postgres_server().new_database(), alms)
