"""Scoring the built-in 2004 ALMS season: in process and end to end.

    .venv/bin/python bench/bench_scoring.py [--runs 300] [--cli-runs 20]

Targets (issue 2): scoring <= 10 ms in process; `podium standings` <= 0.3 s end to end.

End to end, each run is a new process, as a user's shell starts it: Python's
bytecode cache on (written to a temporary PYTHONPYCACHEPREFIX by a warm-up run,
as an installed package has it) and podium's season cache in a temporary
XDG_CACHE_HOME. Two more lines show the first run after the season folder
changed (an empty season cache: the folder is read and the cache written) and PYTHONDONTWRITEBYTECODE=1 without a
prefix (podium's own modules compiled at every start unless src/ has
__pycache__: how the numbers before the season cache were taken).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from podium.app.season import ScoredSeason, open_season


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
        ScoredSeason(season).all_tables()

    score = timed(score_all, args.runs)
    load = timed(open_season, max(10, args.runs // 10))
    exe = str(Path(sys.executable).parent / "podium")
    command = [exe, "standings", "--class", "GT", "--championship", "teams"]
    scratch = Path(tempfile.mkdtemp(prefix="podium-bench-"))  # removed at the end
    user = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    user |= {"PYTHONPYCACHEPREFIX": str(scratch / "pyc"), "XDG_CACHE_HOME": str(scratch)}
    # As this machine's environment runs it: the installed packages' bytecode is
    # there, podium's own (an editable install, src/ without __pycache__) is not.
    no_bytecode = {k: v for k, v in user.items() if k != "PYTHONPYCACHEPREFIX"}
    no_bytecode["PYTHONDONTWRITEBYTECODE"] = "1"

    def cli_runs(arguments: list[str], env: dict[str, str]) -> list[float]:
        def run() -> None:
            subprocess.run(arguments, check=True, capture_output=True, env=env)

        run()  # warm-up: writes the bytecode and the season cache
        return timed(run, args.cli_runs)

    cli = cli_runs(command, user)
    cli_csv = cli_runs([*command, "--format", "csv"], user)
    fresh = iter(range(args.cli_runs))

    def first_run() -> None:  # an empty season cache each time: read, then store
        cache = str(scratch / f"fresh-cache-{next(fresh)}")
        subprocess.run(
            command, check=True, capture_output=True, env=user | {"XDG_CACHE_HOME": cache}
        )

    cli_cold = timed(first_run, args.cli_runs)
    cli_no_bytecode = cli_runs(command, no_bytecode)
    shutil.rmtree(scratch)

    def line(name: str, samples: list[float], target: float | None) -> str:
        median, p95 = statistics.median(samples), percentile(samples, 0.95)
        verdict = "" if target is None else ("  ok" if median <= target else "  MISSED")
        goal = "" if target is None else f"  target <= {target * 1000:.0f} ms"
        return f"{name:<50} median {median * 1000:7.2f} ms  p95 {p95 * 1000:7.2f} ms{goal}{verdict}"

    print(line("score season (ledger + 8 tables)", score, 0.010))
    print(line("load season folder (parse + validate)", load, None))
    print(line("`podium standings --class GT` end to end", cli, 0.300))
    print(line("  the same with --format csv", cli_csv, None))
    print(line("  first run after a change (season cache stored)", cli_cold, None))
    print(line("  PYTHONDONTWRITEBYTECODE=1 (podium compiled)", cli_no_bytecode, None))


if __name__ == "__main__":
    main()
