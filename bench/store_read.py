"""Time the store: load the built-in season, then read it back, on SQLite
(default) or any URL.

    .venv/bin/python bench/store_read.py                      # a temp SQLite file
    .venv/bin/python bench/store_read.py --database postgresql+psycopg://...

Target (docs/store.md): reading the built-in season from SQLite takes a few
tens of ms at most.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from podium.app.season import open_season
from podium.store import open_repository


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLAlchemy URL of an EMPTY database")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = args.database or f"sqlite:///{Path(scratch) / 'bench.db'}"
        season = open_season()
        start = time.perf_counter()
        repo = open_repository(url)
        opened = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        report = repo.load_season(season, actor="bench")
        loaded = (time.perf_counter() - start) * 1000
        reload_ms, _ = timed(lambda: repo.load_season(season, actor="bench"), 5)
        read = timed(lambda: repo.season(season.id), args.runs)
        as_of = timed(lambda: repo.season(season.id, as_of=report.revision - 1), args.runs)
        revision = timed(lambda: repo.revision(season.id), args.runs)
        repo.close()
    print(f"database: {repo.url.split('@')[-1]}")
    print(f"open + migrate empty database: {opened:8.1f} ms")
    print(f"first load (built-in season):  {loaded:8.1f} ms")
    print(f"load again (unchanged):        {reload_ms:8.1f} ms (median)")
    print(f"season():                      {read[0]:8.1f} ms median, {read[1]:.1f} ms p95")
    print(f"season(as_of=revision - 1):    {as_of[0]:8.1f} ms median, {as_of[1]:.1f} ms p95")
    print(f"revision():                    {revision[0]:8.2f} ms median, {revision[1]:.2f} ms p95")


if __name__ == "__main__":
    main()
