"""Import benchmark: 200 ACC race files (copies and re-encoded variants of
the real fixtures) detected, parsed and planned into a league season.

    .venv/bin/python bench/import_bench.py [--files 200]

Prints files/s for parsing alone and for parse + dry-run plan (the work of
`podium import --season ... --create-entries` without writing).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from podium.imports.config import load_config
from podium.imports.plan import plan_import
from podium.readers.native import load_season
from podium.readers.registry import parse_path

ROOT = Path(__file__).resolve().parent.parent
ACC = ROOT / "tests" / "fixtures" / "acc"
RACES = [
    "fabieu__simdesk__Session_R.json",
    "kagd__league-results-parser__cmsracing_split2_zolder-r.json",
    "mauserrifle__simresults__191003_235558_R.json",
    "mauserrifle__simresults__race.to.fix.positions.json",
]


def variants(folder: Path, count: int) -> list[Path]:
    """``count`` race files cycling through the fixtures and three encodings."""
    texts = []
    for name in RACES:
        data = (ACC / name).read_bytes()
        texts.append(data.decode("utf-16-le") if data[1:2] == b"\x00" else data.decode("utf-8"))
    encodings = [
        lambda t: t.encode("utf-16-le"),
        lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
        lambda t: t.encode("utf-8"),
    ]
    paths = []
    for i in range(count):
        path = folder / f"{i:03d}_R.json"
        path.write_bytes(encodings[i % 3](texts[i % len(texts)]))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = variants(Path(tmp), args.files)
        size = sum(p.stat().st_size for p in paths) / 1e6
        start = time.perf_counter()
        parsed = [parse_path(p) for p in paths]
        parse_s = time.perf_counter() - start

        league = Path(tmp) / "league"
        shutil.copytree(ROOT / "docs" / "examples" / "league", league)
        season, config = load_season(league), load_config(league)
        start = time.perf_counter()
        for p in parsed:
            plan = plan_import(season, p.session, 1, p.path, config, create_entries=True)
            assert not plan.problems, plan.problems[:3]
        plan_s = time.perf_counter() - start
    total = parse_s + plan_s
    print(f"{args.files} ACC race files, {size:.1f} MB")
    print(
        f"parse (detect + decode + validate): {parse_s:.2f} s = {args.files / parse_s:.0f} files/s"
    )
    print(f"parse + plan (dry run):             {total:.2f} s = {args.files / total:.0f} files/s")


if __name__ == "__main__":
    main()
