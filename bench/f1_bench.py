"""Benchmark: recompute every F1 standings table from the race results.

    .venv/bin/python bench/f1_bench.py [--data DIR] [--repeat N]

Reading the CSVs is timed apart; the timed part is scoring: the ledger of
every season, then the drivers' and constructors' tables after every round
and the final ones (the work `podium f1 verify` does before comparing), and
separately the final tables only. Best of N runs (CPU time), so that other
processes on a shared machine disturb it less. Target: <= 0.5 s for
1950-2025 (docs/performance.md, "## F1").
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from podium.app.f1 import season_tables
from podium.model.season import Season
from podium.readers.f1db import load_f1_seasons
from podium.scoring import compute_standings, score_season

DATA = Path(__file__).resolve().parents[1] / "data" / "f1"
TARGET = 0.5


def final_only(seasons: list[Season]) -> None:
    for season in seasons:
        ledger = score_season(season)
        for championship in season.rules.championships:
            compute_standings(ledger, season.rules, championship, "", season.round_numbers())


def every_table(seasons: list[Season]) -> int:
    return sum(len(season_tables(season)) for season in seasons)


def best_of(repeat: int, work: object) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    start = time.perf_counter()
    seasons = list(load_f1_seasons(args.data).values())
    load = time.perf_counter() - start
    tables = every_table(seasons)
    all_tables = best_of(args.repeat, lambda: every_table(seasons))
    finals = best_of(args.repeat, lambda: final_only(seasons))
    years = f"{seasons[0].year}-{seasons[-1].year}"
    print(
        f"seasons: {len(seasons)} ({years}), result lines: {sum(len(s.results) for s in seasons)}"
    )
    print(f"read CSVs:                          {load:.3f} s (wall)")
    print(f"ledger + final tables:              {finals:.3f} s (CPU, best of {args.repeat})")
    print(
        f"ledger + all {tables} tables:           {all_tables:.3f} s (CPU, best of {args.repeat})"
    )
    # The repository holds the even seasons: 1950-2025 has twice the result
    # lines. Scoring every local season twice is the same amount of work.
    doubled = best_of(args.repeat, lambda: (every_table(seasons), every_table(seasons)))
    finals_doubled = best_of(args.repeat, lambda: (final_only(seasons), final_only(seasons)))
    print(f"twice (the size of 1950-2025), finals:  {finals_doubled:.3f} s")
    print(f"twice (the size of 1950-2025), all:     {doubled:.3f} s")
    verdict = "met" if doubled <= TARGET else "NOT met"
    print(f"target <= {TARGET} s for 1950-2025 (every table): {verdict}")


if __name__ == "__main__":
    main()
