"""A results file whose names hold a control character (a NUL from an ACC
server once crashed the PostgreSQL load) is refused with the car and the
character named, and nothing is written (issue 14)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.test_cli_process import PODIUM

ACC = Path(__file__).resolve().parents[1] / "fixtures" / "acc"
RACE = ACC / "kagd__league-results-parser__cmsracing_split2_zolder-r.json"


@pytest.mark.parametrize(
    ("character", "named"),
    [
        ("\x00", "U+0000"),
        # A right-to-left override: "Smith\u202eAJR" shows as "SmithRJA", so a
        # name can read as another's on every page while stored differently.
        ("\u202e", "U+202E"),
    ],
)
def test_a_control_character_in_a_driver_name_is_refused_and_nothing_written(
    tmp_path: Path, character: str, named: str
) -> None:
    data = json.loads(RACE.read_bytes().decode("utf-16-le").lstrip("\ufeff"))  # as ACC writes it
    driver = data["sessionResult"]["leaderBoardLines"][0]["car"]["drivers"][0]
    driver["lastName"] = driver["lastName"] + character + "AJR"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(data), encoding="utf-8")
    league = tmp_path / "league"
    init = [PODIUM, "init", str(league), "--name", "L", "--classes", "GT3", "--rounds", "2"]
    subprocess.run(init, check=True, capture_output=True)
    before = {p: p.read_bytes() for p in league.rglob("*") if p.is_file()}
    done = subprocess.run(
        [PODIUM, "import", str(hostile), "--season", str(league), "--round", "1",
         "--create-entries", "--apply"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    said = done.stderr + done.stdout
    assert "control character in a name" in said and named in said
    assert {p: p.read_bytes() for p in league.rglob("*") if p.is_file()} == before
