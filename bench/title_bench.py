"""Title analysis benchmarks (numbers go to docs/performance.md, "## Title analysis").

    .venv/bin/python bench/title_bench.py [--runs 1000000]
    .venv/bin/python bench/title_bench.py --sweep 1000   # the knife-edge leader, 1,000 seeds

1. Exact answers for every contender of a 30-car class with 4 rounds left:
   a spread field, an adversarial one (rivals' combined room almost exactly
   the points still available), and a points-to-every-starter scale (every
   car classified: CP-SAT territory). Reports p95 per contender.
2. Odds for N season endings x 4 rounds x 30 cars, against the time to just
   generate and sort the random finishing orders, in the same run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import numpy as np

from podium.analysis.title.odds import random_orders, title_odds
from podium.analysis.title.race import Car, Contender, OpenRound, TitleRace
from podium.analysis.title.verdict import verdict
from podium.rules.schema import CountBack

STANDARD = (20, 16, 13, 10, 8, 6, 4, 3, 2, 1)


def race(kind: str, seed: int) -> TitleRace:
    rng = random.Random(seed)
    cars = tuple(Car(f"c{i}", f"#{i}", (f"Team {i}",)) for i in range(30))
    everyone = kind.startswith("every-starter")
    scale = tuple(range(30, 0, -1)) if everyone else STANDARD + (0,) * 20
    rounds = tuple(OpenRound(7 + r, f"R{7 + r}", scale, cars, everyone) for r in range(4))
    room = 4 * scale[0]
    leader = 200
    if kind == "every-starter-adversarial":
        # Leader 0 places ahead; winning every round it reaches leader + 120. The
        # 29 rivals must share the other 1740 points with room for about that
        # much: a near-exact partition only a solver settles.
        slack = rng.randint(56, 64)
        totals = [leader] + [leader + room - slack + rng.choice((-1, 0, 1)) for _ in range(29)]
    elif kind == "adversarial":
        # Each chaser sits within a point or two of the leader minus what is left.
        totals = [leader] + [leader - room + rng.choice((-1, 0, 1)) for _ in range(29)]
    else:
        totals = [leader - rng.randint(0, 2 * room) for _ in range(30)]
    contenders = tuple(
        Contender(f"Team {i}", t, tuple(rng.randint(0, 2) for _ in range(30)))
        for i, t in enumerate(totals)
    )
    return TitleRace(
        "teams", "X", 6, contenders, rounds, True, CountBack.SCORING_PLACES, True, 1, 30
    )


def exact(reps: int) -> None:
    for kind in ("spread", "adversarial", "every-starter", "every-starter-adversarial"):
        times = []
        methods: dict[str, int] = {}
        seeds = range(reps * 10 if kind == "every-starter-adversarial" else reps)
        for seed in seeds:
            r = race(kind, seed)
            names = [c.name for c in r.contenders]
            if kind == "every-starter-adversarial":
                names = names[:1]  # the rivals are pairwise cases; the leader is the hard one
            for c in (r.contender(n) for n in names):
                start = time.perf_counter()
                v = verdict(r, c.name, time_limit=2.0)
                times.append(time.perf_counter() - start)
                label = f"{v.method.value}: {v.status.value}"
                methods[label] = methods.get(label, 0) + 1
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"exact {kind:14s} per contender: p50 {statistics.median(times) * 1e3:6.1f} ms  "
            f"p95 {p95 * 1e3:6.1f} ms  max {times[-1] * 1e3:6.1f} ms  methods {methods}"
        )


def sweep(count: int) -> None:
    """The knife-edge leader over many more seeds than the benchmark's 30."""
    times = []
    methods: dict[str, int] = {}
    for seed in range(count):
        r = race("every-starter-adversarial", seed)
        start = time.perf_counter()
        v = verdict(r, r.contenders[0].name, time_limit=2.0)
        times.append(time.perf_counter() - start)
        label = f"{v.method.value}: {v.status.value}"
        methods[label] = methods.get(label, 0) + 1
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"sweep every-starter-adversarial, {count} seeds: p50 "
        f"{statistics.median(times) * 1e3:6.1f} ms  p95 {p95 * 1e3:6.1f} ms  "
        f"max {times[-1] * 1e3:6.1f} ms  methods {methods}"
    )


def odds(runs: int, reps: int) -> None:
    """Interleaved repetitions (the machine is shared): medians and bests."""
    r = race("spread", 1)
    chunk = 50_000
    base_times, full_times = [], []
    for _ in range(reps):
        rng = np.random.default_rng(0)
        start = time.perf_counter()
        for _ in range(0, runs, chunk):
            for _ in r.rounds:
                random_orders(rng, chunk, 30, None)
        base_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        title_odds(r, runs, seed=42, chunk=chunk, workers=2)
        full_times.append(time.perf_counter() - start)
    base, full = statistics.median(base_times), statistics.median(full_times)
    print(
        f"odds {runs} endings x 4 rounds x 30 cars (2 threads): median {full:.2f} s "
        f"(best {min(full_times):.2f}); generate+sort orders only (1 thread): median {base:.2f} s "
        f"(best {min(base_times):.2f}); ratio of medians {full / base:.2f}, of bests "
        f"{min(full_times) / min(base_times):.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", choices=["", "exact", "odds"], default="")
    parser.add_argument(
        "--sweep", type=int, default=0, help="only the knife-edge leader, over this many seeds"
    )
    args = parser.parse_args()
    if args.sweep:
        sweep(args.sweep)
        return
    if args.only in ("", "exact"):
        exact(args.reps)
    if args.only in ("", "odds"):
        odds(args.runs, args.reps)


if __name__ == "__main__":
    main()
