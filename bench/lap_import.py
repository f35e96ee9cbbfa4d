"""Reading a 12-hour race's lap file: the Al Kamel lap chart of the 2023
Sebring 12 Hours (2.4 MB, 15,196 laps of 53 cars), as `podium import` reads
it (format detection, every lap with time, sectors, elapsed time, pit in and
out, driver, position at the line derived from the elapsed times, the
contradiction checks), against the floor: decoding the same bytes and reading
every row with the ``csv`` module alone.

    .venv/bin/python bench/lap_import.py [--runs 21]

Target (issue 15): podium within 3x of the floor. The two are measured
alternately in one run (the machine is shared and noisy); the ratio is of
medians, with the ratio of minimums beside it.
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import time
from pathlib import Path

from podium.readers.registry import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
LAPS = ROOT / "data/imsa2023/timing/07-sebring-international-raceway/202303181010-race-laps.csv"


def floor(data: bytes) -> int:
    return len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))))


def podium(data: bytes) -> int:
    parsed = parse_bytes(data, LAPS.name)
    return sum(len(c.lap_data) for c in parsed.session.cars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    data = LAPS.read_bytes()
    rows, laps = floor(data), podium(data)  # warm-up
    samples: dict[str, list[float]] = {"csv": [], "podium": []}
    for _ in range(args.runs):
        for name, function in (("csv", floor), ("podium", podium)):
            start = time.perf_counter()
            function(data)
            samples[name].append(time.perf_counter() - start)
    med = {k: statistics.median(v) for k, v in samples.items()}
    low = {k: min(v) for k, v in samples.items()}
    print(f"{LAPS.name}: {len(data) / 1e6:.1f} MB, {rows - 1} rows, {laps} laps")
    print(f"csv module alone: median {med['csv'] * 1000:.0f} ms, min {low['csv'] * 1000:.0f} ms")
    print(
        f"podium reader:    median {med['podium'] * 1000:.0f} ms, min {low['podium'] * 1000:.0f} ms"
    )
    ratio = med["podium"] / med["csv"]
    print(
        f"ratio: {ratio:.2f}x of medians ({low['podium'] / low['csv']:.2f}x of minimums); "
        f"target <= 3x: {'met' if ratio <= 3 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
