"""Benchmark: recompute every F1 standings table from the race results.

    .venv/bin/python bench/f1_bench.py [--data DIR] [--repeat N]

Reading the CSVs is timed apart; the timed part is scoring: the ledger of
every season, then the drivers' and constructors' tables after every round
and the final ones (the work `podium f1 verify` does before comparing), and
separately the final tables only. Best of N runs (CPU time), so that other
processes on a shared machine disturb it less. Target: <= 0.5 s for
1950-2025 (docs/performance.md, "## F1").

Then, in the same run, the round that decided each title against checking
the tables: ``f1_deciders`` (what `podium f1 deciders` does) against
``verify_f1`` (what `podium f1 verify` does), each reading the folder and
doing all its work, alternated, best of N CPU times, and their ratio.
Target: deciders within 3x of verify (docs/performance.md, "## F1 deciders").
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from podium.app.f1 import f1_deciders, season_tables, verify_f1
from podium.model.season import Season
from podium.readers.f1db import load_f1_seasons
from podium.scoring import compute_standings, score_season

DATA = Path(__file__).resolve().parents[1] / "data" / "f1"
TARGET = 0.5
DECIDERS_RATIO = 3.0


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
    parser.add_argument("--deciders-repeat", type=int, default=3)
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
    deciders_against_verify(args.data, args.deciders_repeat)


def deciders_against_verify(data: Path, repeat: int) -> None:
    """`podium f1 deciders` against `podium f1 verify` over one folder, in
    process (no interpreter start-up), alternated so that a busy spell of the
    machine hits both."""
    verify = deciders = float("inf")
    summary = ""
    for _ in range(repeat):
        start = time.process_time()
        verify_f1(data)
        verify = min(verify, time.process_time() - start)
        start = time.process_time()
        summary = f1_deciders(data).summary
        deciders = min(deciders, time.process_time() - start)
    ratio = deciders / verify
    print(f"podium f1 verify   (read + score + compare): {verify:.3f} s (CPU, best of {repeat})")
    print(f"podium f1 deciders (read + every title):     {deciders:.3f} s  [{summary}]")
    verdict = "met" if ratio <= DECIDERS_RATIO else "NOT met"
    print(f"deciders / verify: {ratio:.2f} (target <= {DECIDERS_RATIO}: {verdict})")


if __name__ == "__main__":
    main()
