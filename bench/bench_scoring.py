"""Scoring the built-in 2004 ALMS season: in process and end to end.

    .venv/bin/python bench/bench_scoring.py [--runs 300] [--cli-runs 20]

Targets (issue 2): scoring <= 10 ms in process; `podium standings` <= 0.3 s end to end.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from podium.service import Championships, open_season


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function: object, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--cli-runs", type=int, default=20)
    args = parser.parse_args()

    season = open_season()

    def score_all() -> None:
        Championships(season).all_tables()

    score = timed(score_all, args.runs)
    load = timed(open_season, max(10, args.runs // 10))
    exe = str(Path(sys.executable).parent / "podium")
    command = [exe, "standings", "--class", "GT", "--championship", "teams"]
    cli = timed(lambda: subprocess.run(command, check=True, capture_output=True), args.cli_runs)

    def line(name: str, samples: list[float], target: float | None) -> str:
        median, p95 = statistics.median(samples), percentile(samples, 0.95)
        verdict = "" if target is None else ("  ok" if median <= target else "  MISSED")
        goal = "" if target is None else f"  target <= {target * 1000:.0f} ms"
        return f"{name:<42} median {median * 1000:7.2f} ms  p95 {p95 * 1000:7.2f} ms{goal}{verdict}"

    print(line("score season (ledger + 8 tables)", score, 0.010))
    print(line("load season folder (parse + validate)", load, None))
    print(line("`podium standings --class GT` end to end", cli, 0.300))


if __name__ == "__main__":
    main()
