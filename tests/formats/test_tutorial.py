"""The steps of docs/tutorial-league.md: an 8-hour multi-class ACC race
imported into a new season, then class standings.

Expected standings follow from the file (jq: GT3 order #47, #198, #22; the
CUP/ST/CHL/TCX cars #910, #31, #99, #69 all on 274 laps) and the rules
(25-18-15-12...; best car per team)."""

from __future__ import annotations

from pathlib import Path

from tests.formats.conftest import FIXTURES
from tests.formats.helpers import league, podium

RACE = str(FIXTURES / "acc/fabieu__simdesk__Session_R.json")


def test_tutorial_steps(tmp_path: Path) -> None:
    season = str(league(tmp_path))
    assert podium("validate", season).exit_code == 0
    inspect = podium("import", RACE, "--inspect", "--format", "json")
    assert inspect.exit_code == 0
    assert '"cars": 50' in inspect.output

    dry = podium("import", RACE, "--season", season, "--round", "1", "--create-entries")
    assert dry.exit_code == 0 and "dry run: nothing written" in dry.output
    applied = podium(
        "import", RACE, "--season", season, "--round", "1", "--create-entries", "--apply"
    )
    assert applied.exit_code == 0, applied.output

    inv = podium("standings", "--season", season, "--class", "INV", "--format", "csv")
    assert inv.output.splitlines()[1:] == [
        "1,Robin Schmidt,Porsche 911 II GT3 R,,25,25",
        "2,Nick Schmenk,BMW M4 GT3,,18,18",
        "3,Benjamin Witte,BMW M4 GT3,,15,15",
        "4,Domink Wirths,Porsche 911 II GT3 R,,12,12",
    ]
    gt3 = podium("standings", "--season", season, "--class", "GT3", "--format", "csv")
    assert gt3.output.splitlines()[1:3] == [
        "1,Siggi Lentes | YEET,BMW M4 GT3,,25,25",
        "2,Max Florenz,Mercedes-AMG GT3 2020,,18,18",
    ]
    gt4 = podium(
        "standings", "--season", season, "--class", "GT4", "--championship", "drivers",
        "--format", "csv",
    )  # fmt: skip
    assert gt4.output.splitlines()[1:4] == [
        "1=,Benjamin Tebel | YEET,25,25",
        "1=,Jonas Thinking,25,25",
        "1=,Marcel Tamo,25,25",
    ]
    again = podium("import", RACE, "--season", season, "--round", "1", "--apply")
    assert "nothing to change" in again.output
