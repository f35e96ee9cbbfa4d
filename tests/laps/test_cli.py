"""`podium laps`, `podium db load` and `podium serve --season` with a folder's
laps/, each run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from podium.model import Season
from podium.readers.native.laps import laps_text
from tests.laps.sample import sample_laps

PODIUM = str(Path(sys.executable).parent / "podium")


def podium(*args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([PODIUM, *args], capture_output=True, text=True, check=False)
    assert done.returncode == code, done.stdout + done.stderr
    return done


@pytest.fixture
def with_laps(season_copy: Path, alms: Season) -> Path:
    (season_copy / "laps").mkdir()
    (season_copy / "laps" / "r9.csv").write_text(laps_text(sample_laps(alms)), encoding="utf-8")
    return season_copy


def test_laps_of_one_car_as_json(with_laps: Path) -> None:
    out = podium("laps", "9", "--season", str(with_laps), "--car", "16", "-f", "json")
    held = json.loads(out.stdout)
    assert (held["round"], held["session"], held["sessions"]) == (9, "race", ["race"])
    (car,) = held["cars"]
    assert (car["car_no"], car["class"], len(car["laps"])) == ("16", "LMP1", 6)
    first = car["laps"][0]
    assert (first["lap"], first["class_position"], first["gap_ms"]) == (1, 2, 700)


def test_laps_as_csv_and_table(with_laps: Path) -> None:
    csv = podium("laps", "9", "--season", str(with_laps), "--format", "csv").stdout
    lines = csv.splitlines()
    assert lines[0] == "car,class,lap,driver,time,pos,class_pos,gap,elapsed,s1,s2,s3,pit,valid"
    assert lines[1].startswith("#2,LMP1,1,")
    table = podium("laps", "9", "--season", str(with_laps), "--car", "16").stdout
    assert "Laguna Seca - race laps" in table and "+0.700" in table


def test_a_round_without_laps_and_an_unknown_car(with_laps: Path) -> None:
    none = podium("laps", "9").stdout  # the built-in season has no laps
    assert "No race laps recorded for round 9." in none
    wrong = podium("laps", "9", "--season", str(with_laps), "--car", "999", code=1)
    assert "no car '999' in the race laps of round 9" in wrong.stderr


def test_a_bad_laps_file_fails_cleanly(with_laps: Path) -> None:
    (with_laps / "laps" / "r9.csv").write_text("entry,lap\n99,1\n", encoding="utf-8")
    done = podium("laps", "9", "--season", str(with_laps), code=1)
    assert "error: alms2004/laps/r9.csv:2: entry: unknown entry" in done.stderr
    # Every other command reads the season without its laps.
    assert (
        "GT Teams' championship"
        in podium("standings", "--season", str(with_laps), "--class", "GT").stdout
    )


def test_db_load_stores_the_folders_laps(with_laps: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'podium.db'}"
    first = podium("db", "load", str(with_laps), "--database", url).stdout
    assert "alms-2004: new season" in first
    assert "laps of round 9 (race) stored: 140 laps" in first
    again = podium("db", "load", str(with_laps), "--database", url).stdout
    assert again.startswith("alms-2004: unchanged") and "laps" not in again
