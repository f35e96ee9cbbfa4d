"""Concurrent readers, alone and with a writer: the standings endpoint of a
real `podium serve` under 1, 50 and 200 keep-alive connections.

Issue 14's acceptance: at 50 and 200 connections, p99 with a writer posting
an amendment every second within 2x of p99 without it, zero errors, on
SQLite and PostgreSQL; reads alone at 50 connections within 2x of the
single-connection throughput. Exit status 1 when a target is missed.

For each database the script starts `podium serve` (one Uvicorn process, as
`make run` does) on a free port: SQLite is a fresh file loaded with `podium
db load`, PostgreSQL a database on a throwaway server (the test suite's,
tests/store/databases.py: initdb on 127.0.0.1, fsync off). A write token
comes from `podium token create`. Each case opens its connections, loads
them for a warm-up second, then measures for ``--duration`` seconds.

The client is one asyncio process speaking raw HTTP/1.1 over keep-alive
connections (no HTTP library on the read path). Its floor is measured in
the same run: the same client against a bare asyncio server (another
process) answering the same bytes, at each connection count: what the
client and the loopback can do on this machine when the server costs
nothing.

The writer (a thread of the client process, httpx) posts the whole round 9
classification as an amendment once a second, alternately with the first
two GT cars swapped ("protest upheld") and back ("appeal upheld"), each
with an Idempotency-Key: every amendment is a new revision that changes the
GT standings, so every cache keyed by revision is invalidated. One a second
stays under the per-token rate limit (60 a minute, bursts of 20).

    .venv/bin/python bench/concurrent_readers.py [--duration 10]
        [--database sqlite|postgresql|both] [--connections 1,50,200] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEASON = "alms-2004"
PATH = f"/api/v1/seasons/{SEASON}/standings/GT/teams"
AMEND = f"/api/v1/seasons/{SEASON}/rounds/9/amendments"
ROUND_9 = ROOT / "src/podium/datasets/alms2004/results/r9.csv"
P99_RATIO = 2.0
"""p99 with the writer at most this many times p99 without."""
RPS_RATIO = 2.0
"""Reads alone: 50 connections at least 1/this of one connection's throughput."""


# -- the client -------------------------------------------------------------


@dataclass
class Case:
    database: str
    connections: int
    writer: bool
    duration: float = 0.0
    requests: int = 0
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    rps: float = 0.0
    writes: int = 0
    write_errors: int = 0
    write_p50_ms: float = 0.0
    write_max_ms: float = 0.0
    round: int = 0

    @property
    def label(self) -> str:
        mode = "+ writer" if self.writer else "alone"
        return f"{self.database:10} r{self.round} {self.connections:>4} conn {mode:8}"


def percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


async def _one_connection(
    port: int,
    request: bytes,
    window: list[float],
    latencies: list[float],
    statuses: dict[str, int],
) -> None:
    """Requests back to back on one keep-alive connection until the window
    ends; records those started inside it (``window``: [start, end])."""
    loop_time = time.perf_counter
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    while True:
        started = loop_time()
        if started >= window[1]:
            break
        status = "error"
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            assert reader is not None
            writer.write(request)
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            status = head[9:12].decode()
            lower = head.lower()
            at = lower.find(b"\r\ncontent-length:")
            if at < 0:
                raise ValueError("no content-length")
            end = lower.find(b"\r\n", at + 2)
            length = int(lower[at + 17 : end])
            await asyncio.wait_for(reader.readexactly(length), 30)
            if b"\r\nconnection: close" in lower:
                writer.close()
                reader = writer = None
        except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError):
            status = "error"
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.01)
        done = loop_time()
        if started >= window[0]:
            latencies.append(done - started)
            statuses[status] = statuses.get(status, 0) + 1


async def _load(
    port: int, connections: int, warm: float, duration: float
) -> tuple[list[float], dict[str, int], float]:
    request = (f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").encode()
    start = time.perf_counter() + warm
    window = [start, start + duration]
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    await asyncio.gather(
        *(_one_connection(port, request, window, latencies, statuses) for _ in range(connections))
    )
    return latencies, statuses, start


class Writer(threading.Thread):
    """An amendment of round 9 once a second, from ``start`` (perf_counter)."""

    def __init__(self, base: str, token: str, start: float, end: float) -> None:
        super().__init__(daemon=True)
        self.base, self.token, self.start_at, self.end = base, token, start, end
        self.latencies: list[float] = []
        self.statuses: list[int] = []
        self.revisions: list[int] = []
        original = ROUND_9.read_text(encoding="utf-8")
        self.bodies = [_swapped_gt(original), original]

    def run(self) -> None:
        import httpx

        headers = {"Authorization": f"Bearer {self.token}"}
        with httpx.Client(base_url=self.base, timeout=30) as client:
            k = 0
            while True:
                due = self.start_at + 0.5 + k
                if due >= self.end:
                    return
                time.sleep(max(0.0, due - time.perf_counter()))
                body = self.bodies[k % 2]
                reason = "protest upheld: GT order" if k % 2 == 0 else "appeal upheld: GT order"
                started = time.perf_counter()
                try:
                    response = client.post(
                        AMEND,
                        files={"file": ("r9.csv", body.encode(), "text/csv")},
                        data={"reason": f"{reason} ({k})"},
                        headers={**headers, "Idempotency-Key": str(uuid.uuid4())},
                    )
                    self.statuses.append(response.status_code)
                    if response.status_code == 201:
                        self.revisions.append(int(response.json()["revision"]))
                except httpx.HTTPError:
                    self.statuses.append(0)
                self.latencies.append(time.perf_counter() - started)
                k += 1


def _swapped_gt(csv_text: str) -> str:
    """Round 9 with its first two GT cars' places swapped (overall and in class)."""
    lines = csv_text.splitlines(keepends=True)
    gt = [i for i, line in enumerate(lines) if ",GT,1," in line or ",GT,2," in line][:2]
    a, b = (lines[i].split(",", 3) for i in gt)
    a[0], b[0] = b[0], a[0]
    a[2], b[2] = b[2], a[2]
    lines[gt[0]], lines[gt[1]] = ",".join(b), ",".join(a)
    return "".join(lines)


def run_case(
    database: str, port: int, connections: int, duration: float, writer_token: str | None
) -> Case:
    case = Case(database, connections, writer_token is not None, duration)
    warm = 1.0
    writer: Writer | None = None
    if writer_token is not None:
        start = time.perf_counter() + warm
        writer = Writer(f"http://127.0.0.1:{port}", writer_token, start, start + duration)
        writer.start()
    latencies, statuses, _ = asyncio.run(_load(port, connections, warm, duration))
    if writer is not None:
        writer.join(timeout=60)
        case.writes = len(writer.statuses)
        case.write_errors = sum(1 for s in writer.statuses if s != 201)
        ordered_w = sorted(writer.latencies)
        case.write_p50_ms = percentile(ordered_w, 0.5) * 1000
        case.write_max_ms = (ordered_w[-1] if ordered_w else 0.0) * 1000
    ordered = sorted(latencies)
    case.requests = len(ordered)
    case.statuses = dict(sorted(statuses.items()))
    case.errors = sum(n for s, n in statuses.items() if s != "200")
    case.p50_ms = percentile(ordered, 0.5) * 1000
    case.p99_ms = percentile(ordered, 0.99) * 1000
    case.max_ms = (ordered[-1] if ordered else 0.0) * 1000
    case.rps = len(ordered) / duration
    return case


# -- the floor: a bare asyncio server answering the same bytes ---------------


def serve_floor(port: int, body_file: str) -> None:
    """Run by a child process: answer every GET with the bytes of ``body_file``."""
    body = Path(body_file).read_bytes()
    answer = (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
        + f"content-length: {len(body)}\r\n\r\n".encode()
        + body
    )

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                await reader.readuntil(b"\r\n\r\n")
                writer.write(answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=1024)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


# -- servers ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, seconds: float = 60) -> bytes:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return bytes(response.read())
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server at {url} did not answer within {seconds}s")


def podium(*args: str) -> str:
    exe = Path(sys.executable).with_name("podium")
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, check=True)
    return done.stdout


@contextlib.contextmanager
def database_url(kind: str, scratch: str) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{scratch}/podium.db"
        return
    sys.path.insert(0, str(ROOT))
    from tests.store.databases import postgres_server

    try:
        server = postgres_server()
    except BaseException as exc:  # pytest's Skipped outside pytest
        raise SystemExit(f"PostgreSQL: {exc}") from None
    try:
        yield server.new_database()
    finally:
        server.stop()


@contextlib.contextmanager
def podium_server(url: str) -> Iterator[tuple[int, str, bytes]]:
    """`podium serve` on ``url`` (loaded, with a token): (port, token, standings bytes)."""
    podium("db", "load", "--database", url)
    token = podium("token", "create", "--name", "bench writer", "--database", url).split()[-1]
    port = free_port()
    exe = Path(sys.executable).with_name("podium")
    server = subprocess.Popen(
        [str(exe), "serve", "--host", "127.0.0.1", "--port", str(port), "--database", url],
        stdout=subprocess.DEVNULL,
    )
    try:
        body = wait_ready(f"http://127.0.0.1:{port}{PATH}")
        for _ in range(100):
            urllib.request.urlopen(f"http://127.0.0.1:{port}{PATH}", timeout=5).read()
        yield port, token, body
    finally:
        server.terminate()
        server.wait(timeout=20)


@contextlib.contextmanager
def floor_server(body: bytes, scratch: str) -> Iterator[int]:
    body_file = Path(scratch) / "floor-body.json"
    body_file.write_bytes(body)
    port = free_port()
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve-floor", str(port), str(body_file)],
    )
    try:
        wait_ready(f"http://127.0.0.1:{port}{PATH}")
        yield port
    finally:
        child.terminate()
        child.wait(timeout=10)


# -- report -----------------------------------------------------------------


def row(case: Case) -> str:
    writes = (
        f"  writes {case.writes} ({case.write_errors} failed, p50 {case.write_p50_ms:.0f} ms,"
        f" max {case.write_max_ms:.0f} ms)"
        if case.writer
        else ""
    )
    return (
        f"{case.label} p50 {case.p50_ms:7.2f} ms  p99 {case.p99_ms:7.2f} ms  "
        f"max {case.max_ms:7.1f} ms  {case.rps:7.0f} req/s  errors {case.errors}{writes}"
    )


def verdicts(cases: list[Case]) -> list[tuple[str, bool]]:
    """Zero errors in every case; the ratios per round (alone and with the
    writer measured back to back), judged on their median."""
    found: list[tuple[str, bool]] = []
    by = {(c.database, c.connections, c.writer, c.round): c for c in cases}
    databases = sorted({c.database for c in cases} - {"floor"})
    counts = sorted({c.connections for c in cases})
    rounds = sorted({c.round for c in cases})
    for database in databases:
        mine = [c for c in cases if c.database == database]
        read_errors = sum(c.errors for c in mine)
        write_errors = sum(c.write_errors for c in mine)
        writes = sum(c.writes for c in mine)
        found.append(
            (
                f"{database}: {read_errors} read errors in {sum(c.requests for c in mine)} "
                f"reads, {write_errors} failed writes of {writes} (target 0)",
                read_errors == 0 and write_errors == 0,
            )
        )
        for n in (n for n in counts if n >= 50):
            pairs = [
                (by[(database, n, True, r)], by[(database, n, False, r)])
                for r in rounds
                if (database, n, True, r) in by and (database, n, False, r) in by
            ]
            if pairs:
                ratios = [w.p99_ms / a.p99_ms for w, a in pairs]
                each = ", ".join(f"{w.p99_ms:.1f}/{a.p99_ms:.1f}" for w, a in pairs)
                found.append(
                    (
                        f"{database} {n} conn: p99 with writer / alone = {each} ms: "
                        f"{_median(ratios):.2f}x (target <= {P99_RATIO:g}x)",
                        _median(ratios) <= P99_RATIO,
                    )
                )
        pairs = [
            (by[(database, 1, False, r)], by[(database, 50, False, r)])
            for r in rounds
            if (database, 1, False, r) in by and (database, 50, False, r) in by
        ]
        if pairs:
            ratios = [one.rps / fifty.rps for one, fifty in pairs]
            each = ", ".join(f"{one.rps:.0f}/{fifty.rps:.0f}" for one, fifty in pairs)
            found.append(
                (
                    f"{database} reads alone: req/s 1 conn / 50 conn = {each}: "
                    f"{_median(ratios):.2f}x (target <= {RPS_RATIO:g}x)",
                    _median(ratios) <= RPS_RATIO,
                )
            )
    return found


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--serve-floor":
        serve_floor(int(sys.argv[2]), sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10, help="seconds measured per case")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--connections",
        default="1,50,200",
        help="comma-separated connection counts (default 1,50,200)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure every case this many times; the targets use the median of the "
        "per-round ratios",
    )
    parser.add_argument("--no-floor", action="store_true", help="skip the client's floor")
    parser.add_argument("--json", help="also write every case as JSON to this file")
    args = parser.parse_args()
    counts = [int(n) for n in args.connections.split(",")]
    kinds = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"load average at start: {os.getloadavg()[0]:.2f}; {args.duration:g} s per case")
    cases: list[Case] = []
    scratch = tempfile.mkdtemp(prefix="podium-bench-")
    body = b""
    try:
        for kind in kinds:
            with database_url(kind, scratch) as url, podium_server(url) as (port, token, body):
                for turn in range(args.rounds):
                    for n in counts:
                        # Alone and with the writer back to back, the order
                        # swapped every round: drifts of a shared machine hit both.
                        order = (False, True) if turn % 2 == 0 else (True, False)
                        for with_writer in order:
                            if n == 1 and with_writer:
                                continue  # the targets compare 50 and 200 connections
                            token_or_none = token if with_writer else None
                            case = run_case(kind, port, n, args.duration, token_or_none)
                            case.round = turn
                            cases.append(case)
                            print(row(case), flush=True)
        if not args.no_floor and body:
            with floor_server(body, scratch) as port:
                for n in counts:
                    case = run_case("floor", port, n, args.duration, None)
                    cases.append(case)
                    print(row(case), flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    floors = {c.connections: c for c in cases if c.database == "floor"}
    if floors:
        print("\nreads as a ratio to the client's floor (same connections, same bytes):")
        for c in cases:
            floor = floors.get(c.connections)
            if c.database != "floor" and floor is not None:
                print(
                    f"  {c.label} p99 {c.p99_ms / floor.p99_ms:6.1f}x floor, "
                    f"throughput {c.rps / floor.rps:5.2f} of floor"
                )
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}\ntargets:")
    found = verdicts(cases)
    for text, ok in found:
        print(f"  [{'pass' if ok else 'MISS'}] {text}")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(c) for c in cases], indent=2))
    return 0 if all(ok for _, ok in found) else 1


if __name__ == "__main__":
    sys.exit(main())
