"""Loading and scoring a season from its folder, end to end: the 2023 IMSA
season against the 2004 ALMS season, per result line.

    .venv/bin/python bench/season_load.py [--runs 101] [--json]

Target (issue 10): the 2023 IMSA season (11 rounds, 5 classes, every
championship its rules define) within 3x of the 2004 season's time per
result line.

One run of a season, timed as a whole:

- read: ``podium.readers.native.load_season(folder)``, the uncached reader
  (every file of the folder but ``laps/``, parsed and validated; not the
  season cache of ``podium.readers.season_cache``);
- score: ``ScoredSeason(season)`` (the stewards' decisions applied), its
  ledger (``scoring.score_season``), and ``app.standings.standings_report``
  (what ``podium standings`` calls) for every table ``ScoredSeason.all_tables``
  lists: every championship of the rules, in every class when it is per class,
  after the last round.

Result lines counted: ``len(season.results) + len(season.qualifying)`` (race
and qualifying lines, every class, every round, non-starters included).

Runs are paired: each iteration times both seasons (the order alternates
between iterations), and the ratio is the median of the per-pair ratios of
time per result line, so load from other jobs on a shared machine shifts both
alike; the ratio of medians and of minimums is printed beside it. The floor,
timed in the same iterations: reading the same files (the ones the reader
opens, found once in a child process) with ``tomllib`` and the ``csv``
module alone. The garbage collector keeps its default settings; a full
collection runs before each timed run, outside the timing, so that a season
does not pay for the other's garbage.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import os
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from podium.app.season import ScoredSeason
from podium.app.standings import standings_report
from podium.datasets import builtin_season_path
from podium.readers.native import load_season

BASE = "alms-2004"
SEASON = "imsa-2023"
TARGET = 3.0

_FILES_READ = """
import json, os, sys
folder = os.path.realpath(sys.argv[1])
seen = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        seen.add(os.path.realpath(os.fsdecode(args[0])))
sys.addaudithook(hook)
from podium.readers.native import load_season
load_season(folder)
print(json.dumps(sorted(p for p in seen if p.startswith(folder + os.sep) and os.path.isfile(p))))
"""


def files_read(folder: Path) -> list[Path]:
    """The files ``load_season`` opens in ``folder`` (an audit hook, in a child
    process so that no hook runs while timing)."""
    done = subprocess.run(
        [sys.executable, "-c", _FILES_READ, str(folder)], check=True, capture_output=True, text=True
    )
    return [Path(p) for p in json.loads(done.stdout)]


def floor(files: list[Path]) -> int:
    """Read the same files with tomllib and the csv module alone; rows read."""
    rows = 0
    for path in files:
        text = path.read_bytes().decode("utf-8-sig")
        if path.suffix == ".toml":
            tomllib.loads(text)
            rows += 1
        elif path.suffix == ".csv":
            rows += len(list(csv.reader(io.StringIO(text, newline=""))))
    return rows


def load_and_score(folder: Path) -> tuple[float, float, dict[str, int]]:
    """One end-to-end run: (read seconds, score seconds, what was done)."""
    start = time.perf_counter()
    season = load_season(folder)
    read = time.perf_counter()
    scored = ScoredSeason(season)
    ledger = scored.ledger
    tables = scored.all_tables()
    reports = [standings_report(scored, champ, code or None) for champ, code in tables]
    done = time.perf_counter()
    counts = {
        "rounds": len(season.rounds),
        "classes": len(season.classes),
        "championships": len(season.rules.championships),
        "tables": len(reports),
        "race_lines": len(season.results),
        "qualifying_lines": len(season.qualifying),
        "lines": len(season.results) + len(season.qualifying),
        "ledger_rows": len(ledger),
    }
    return read - start, done - read, counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=101, help="paired iterations (default 101)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    seasons = (BASE, SEASON)
    folders = {s: builtin_season_path(s) for s in seasons}
    files = {s: files_read(folders[s]) for s in seasons}
    counts: dict[str, dict[str, int]] = {}
    for s in seasons:  # warm-up: lazy imports, first-call costs
        floor(files[s])
        counts[s] = load_and_score(folders[s])[2]
    counts = {s: counts[s] | {"files": len(files[s])} for s in seasons}

    total: dict[str, list[float]] = {s: [] for s in seasons}
    read: dict[str, list[float]] = {s: [] for s in seasons}
    score: dict[str, list[float]] = {s: [] for s in seasons}
    base: dict[str, list[float]] = {s: [] for s in seasons}
    for i in range(args.runs):
        for s in seasons if i % 2 == 0 else seasons[::-1]:
            gc.collect()
            start = time.perf_counter()
            floor(files[s])
            base[s].append(time.perf_counter() - start)
            gc.collect()
            t_read, t_score, _ = load_and_score(folders[s])
            read[s].append(t_read)
            score[s].append(t_score)
            total[s].append(t_read + t_score)

    lines = {s: counts[s]["lines"] for s in seasons}
    race = {s: counts[s]["race_lines"] for s in seasons}

    def per_line(s: str, t: float, n: dict[str, int] = lines) -> float:
        return t / n[s]

    pair = [
        per_line(SEASON, a) / per_line(BASE, b)
        for a, b in zip(total[SEASON], total[BASE], strict=True)
    ]
    race_pair = [
        per_line(SEASON, a, race) / per_line(BASE, b, race)
        for a, b in zip(total[SEASON], total[BASE], strict=True)
    ]
    med = {s: statistics.median(total[s]) for s in seasons}
    low = {s: min(total[s]) for s in seasons}
    ratio = statistics.median(pair)
    stats: dict[str, dict[str, float]] = {
        s: {
            **counts[s],
            "median_ms": med[s] * 1e3,
            "min_ms": low[s] * 1e3,
            "read_median_ms": statistics.median(read[s]) * 1e3,
            "score_median_ms": statistics.median(score[s]) * 1e3,
            "us_per_line": per_line(s, med[s]) * 1e6,
            "floor_median_ms": statistics.median(base[s]) * 1e3,
            "x_floor": statistics.median(t / f for t, f in zip(total[s], base[s], strict=True)),
        }
        for s in seasons
    }
    result = {
        "runs": args.runs,
        "lines_counted": "len(season.results) + len(season.qualifying)",
        "gc_threshold": list(gc.get_threshold()),
        "seasons": stats,
        "ratio": ratio,
        "ratio_of_medians": per_line(SEASON, med[SEASON]) / per_line(BASE, med[BASE]),
        "ratio_of_minimums": per_line(SEASON, low[SEASON]) / per_line(BASE, low[BASE]),
        "ratio_race_lines_only": statistics.median(race_pair),
        "target": TARGET,
        "met": ratio <= TARGET,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return

    print(
        f"{args.runs} paired runs; lines = race + qualifying result lines; "
        f"gc threshold {gc.get_threshold()}"
    )
    head = f"{'season':<10} {'rnd':>3} {'cls':>3} {'chp':>3} {'tab':>3} {'race':>5} {'qual':>5}"
    print(
        f"{head} {'lines':>5}  {'median':>8} {'read':>7} {'score':>7} {'min':>7} "
        f"{'us/line':>7}  {'floor':>6} {'x floor':>7}"
    )
    for s in seasons:
        n, st = counts[s], stats[s]
        print(
            f"{s:<10} {n['rounds']:>3} {n['classes']:>3} {n['championships']:>3} "
            f"{n['tables']:>3} {n['race_lines']:>5} {n['qualifying_lines']:>5} {n['lines']:>5}  "
            f"{st['median_ms']:5.1f} ms {st['read_median_ms']:4.1f} ms {st['score_median_ms']:4.1f} ms "
            f"{st['min_ms']:4.1f} ms {st['us_per_line']:7.1f}  {st['floor_median_ms']:3.1f} ms "
            f"{st['x_floor']:6.1f}x"
        )
    print(
        f"ratio {SEASON} / {BASE}, time per result line: {ratio:.2f}x median of pairs "
        f"({result['ratio_of_medians']:.2f}x of medians, "
        f"{result['ratio_of_minimums']:.2f}x of minimums; "
        f"{result['ratio_race_lines_only']:.2f}x counting race lines only)"
    )
    print(f"target <= {TARGET:g}x: {'met' if ratio <= TARGET else 'NOT met'}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("(PYTHONDONTWRITEBYTECODE is set: it changes only the imports, before timing)")


if __name__ == "__main__":
    main()
