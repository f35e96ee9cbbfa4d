"""Start-up of the `podium` command, as a ratio to `python -c pass`.

    .venv/bin/python bench/startup.py [--runs 21] [--breakdown]

Target (issue 13): `podium standings --class GT --championship teams` end to
end within 8x of `python -c pass` on the same machine, median of paired runs.

Each run is a new process started as a user's shell starts it, with Python's
bytecode cache (written to a temporary PYTHONPYCACHEPREFIX by a warm-up run,
as an installed package has it) and podium's season cache warm (a temporary
XDG_CACHE_HOME). Runs are paired: the floor and the command alternate, and
the ratio is taken per pair, so load from other jobs on a shared machine
shifts both alike. Two floors show what the libraries cost before podium
runs a line: importing Click and Rich (the CLI and its tables), and
importing pydantic as well (the rules schema).

--breakdown: one more run under `python -X importtime`, summed by package.
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
from collections import defaultdict
from pathlib import Path

TARGET = 8.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument(
        "--podium",
        default=str(Path(sys.executable).parent / "podium"),
        help="the podium executable to time (e.g. a wrapper running an older checkout)",
    )
    args = parser.parse_args()

    python = sys.executable
    podium = args.podium
    scratch = Path(tempfile.mkdtemp(prefix="podium-startup-"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"PYTHONPYCACHEPREFIX": str(scratch / "pyc"), "XDG_CACHE_HOME": str(scratch)}
    floor = [python, "-c", "pass"]
    commands = {
        "podium standings --class GT --championship teams": [
            podium,
            "standings",
            "--class",
            "GT",
            "--championship",
            "teams",
        ],
        "  the same with --format csv (no Rich table)": [
            podium,
            "standings",
            "--class",
            "GT",
            "--championship",
            "teams",
            "--format",
            "csv",
        ],
        "podium --help": [podium, "--help"],
        "floor: import click, rich (CLI + tables)": [
            python,
            "-c",
            "import click, rich.console, rich.table",
        ],
        "floor: import click, rich, pydantic (+ rules schema)": [
            python,
            "-c",
            "import click, rich.console, rich.table, pydantic.main",
        ],
    }

    def run(command: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        return time.perf_counter() - start

    try:
        for command in [floor, *commands.values()]:
            run(command)  # warm-up: bytecode and season cache written
        print(f"{'':<52} {'median':>9} {'x pass':>7}")
        base = []
        for name, command in commands.items():
            passes, times, ratios = [], [], []
            for _ in range(args.runs):
                p, c = run(floor), run(command)
                passes.append(p)
                times.append(c)
                ratios.append(c / p)
            base += passes
            ratio = statistics.median(ratios)
            verdict = ""
            if name.startswith("podium standings"):
                verdict = f"  target <= {TARGET:g}x: " + ("met" if ratio <= TARGET else "NOT met")
            print(f"{name:<52} {statistics.median(times) * 1000:7.1f} ms {ratio:6.1f}x{verdict}")
        print(f"{'python -c pass':<52} {statistics.median(base) * 1000:7.1f} ms")
        if args.breakdown:
            breakdown(python, commands["podium standings --class GT --championship teams"], env)
    finally:
        shutil.rmtree(scratch)


def breakdown(python: str, command: list[str], env: dict[str, str]) -> None:
    """Import time of one run, summed by top-level package (self times)."""
    done = subprocess.run(
        [python, "-X", "importtime", *command], capture_output=True, text=True, env=env
    )
    by_package: dict[str, int] = defaultdict(int)
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = (part.strip() for part in line[len("import time:") :].split("|"))
        top = name.split(".")[0]
        key = name.split(".")[1] if top == "podium" and "." in name else top
        by_package[f"podium.{key}" if top == "podium" else key] += int(self_us)
    total = sum(by_package.values())
    print(f"\nimports, self time by package (one run, -X importtime): {total / 1000:.0f} ms")
    for name, us in sorted(by_package.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {name:<30} {us / 1000:6.1f} ms")


if __name__ == "__main__":
    main()
