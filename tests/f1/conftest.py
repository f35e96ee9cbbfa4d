from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from podium.app.f1 import SeasonCheck, verify_f1

F1_DATA = Path(__file__).resolve().parents[2] / "data" / "f1"
CSVS = ("races.csv", "results.csv", "driver_standings.csv", "constructor_standings.csv")


def years_in(data: Path) -> list[int]:
    with (data / "races.csv").open(encoding="utf-8") as handle:
        return sorted({int(r["year"]) for r in csv.DictReader(handle) if r["completed"] == "1"})


def copy_without_points(target: Path) -> Path:
    """The F1 folder with the points column deleted from results.csv."""
    target.mkdir(parents=True, exist_ok=True)
    for name in CSVS:
        shutil.copy(F1_DATA / name, target / name)
    with (F1_DATA / "results.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = [c for c in rows[0] if c != "points"]
    with (target / "results.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return target


@pytest.fixture(scope="session")
def no_points_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_without_points(tmp_path_factory.mktemp("f1") / "data")


@pytest.fixture(scope="session")
def checks(no_points_dir: Path) -> dict[int, SeasonCheck]:
    """Every local season scored from results without the points column."""
    return {c.year: c for c in verify_f1(no_points_dir)}
