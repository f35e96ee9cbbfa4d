"""HTTP benchmark: the standings endpoint on loopback under wrk.

Starts `podium serve` (one Uvicorn process) on a free port, serving a fresh
SQLite database that it loads with the built-in season (or --database URL,
or the season folder in memory with --memory), warms it up, then runs wrk and reports p50, p99 and requests/s against
the targets (p50 <= 5 ms, p99 <= 25 ms, >= 500 req/s on 2 cores). Exit status
1 when a target is missed.

    .venv/bin/python bench/http_standings.py [--duration 10] [--connections 8] [--threads 1]
        [--database URL | --memory]
"""

from __future__ import annotations

import argparse
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PATH = "/api/v1/seasons/alms-2004/standings/GT/teams"
TARGETS = {"p50_ms": 5.0, "p99_ms": 25.0, "rps": 500.0}
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server at {url} did not answer within {seconds}s")


def parse_wrk(output: str) -> dict[str, float]:
    """p50/p99 (ms) from wrk's --latency distribution, and requests/s."""

    def latency(percent: str) -> float:
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
        if not match:
            raise ValueError(f"no {percent}% line in wrk output:\n{output}")
        return float(match.group(1)) * _UNITS[match.group(2)]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not rps:
        raise ValueError(f"no Requests/sec in wrk output:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "rps": float(rps.group(1)),
        "non_2xx": float(errors.group(1)) if errors else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--database", help="database URL (default: a new SQLite file)")
    parser.add_argument(
        "--memory", action="store_true", help="serve the built-in folder from memory"
    )
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")
    podium = Path(sys.executable).with_name("podium")
    port = free_port()
    url = f"http://127.0.0.1:{port}{PATH}"
    scratch = tempfile.mkdtemp(prefix="podium-bench-")
    if args.memory:
        from podium.datasets import builtin_season_path

        source = ["--season", str(builtin_season_path())]
    else:
        source = ["--database", args.database or f"sqlite:///{scratch}/podium.db"]
    print(f"serving {'memory' if args.memory else source[1]}")
    server = subprocess.Popen(
        [str(podium), "serve", "--host", "127.0.0.1", "--port", str(port), *source],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_ready(url)
        for _ in range(50):  # warm the cache and the code paths
            urllib.request.urlopen(url, timeout=5).read()
        command = [
            wrk,
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            url,
        ]
        print("$", " ".join(command).replace(str(port), "PORT"))
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(scratch, ignore_errors=True)
    result = parse_wrk(output)
    print(output)
    ok = (
        result["p50_ms"] <= TARGETS["p50_ms"]
        and result["p99_ms"] <= TARGETS["p99_ms"]
        and result["rps"] >= TARGETS["rps"]
        and result["non_2xx"] == 0
    )
    print(
        f"p50 {result['p50_ms']:.2f} ms (target <= {TARGETS['p50_ms']:g}), "
        f"p99 {result['p99_ms']:.2f} ms (target <= {TARGETS['p99_ms']:g}), "
        f"{result['rps']:.0f} req/s (target >= {TARGETS['rps']:g}), "
        f"non-2xx {result['non_2xx']:.0f}: {'OK' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
