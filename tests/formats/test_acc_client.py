"""ACC client (game) results JSON against what Simresults'
AssettoCorsaCompetizioneReaderTest.php (testClientRaceLog) asserts, and
what the file says (decoded with iconv -f UTF-16LE)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from podium.errors import InputError
from podium.readers.acc import split_team
from podium.readers.registry import parse_bytes, parse_path
from podium.readers.session import SessionKind
from tests.formats.conftest import FIXTURES

RACE = FIXTURES / "simresults/assettocorsa-competizione-client/race.json"


def document() -> dict[str, Any]:
    return json.loads(RACE.read_bytes().decode("utf-16-le"))  # type: ignore[no-any-return]


def test_client_race() -> None:
    # testClientRaceLog: a race, Rob R first with 23 laps, no track name
    parsed = parse_path(RACE)
    assert parsed.importer.name == "acc-client"
    race = parsed.session
    assert (race.kind, race.name, race.track) == (SessionKind.RACE, "10", "")
    first = race.cars[0]
    assert (first.drivers, first.laps, first.number) == (("Rob R",), 23, "69")
    assert first.driver_ids == (("Rob R", "steam:76561198378009674"),)
    # carModel 13: Lamborghini Gallardo R-EX (GT3); teamName kept
    assert (first.car_class, first.car_name, first.team) == (
        "GT3",
        "Lamborghini Gallardo R-EX",
        "Team Red",
    )
    assert first.best_lap_ms == 100230
    # 16 lines, leaderboard order kept: totalTime is not comparable here
    assert len(race.cars) == 16 and race.notes == ()
    assert [c.number for c in race.cars[:3]] == ["69", "63", "1"]
    assert race.cars[1].drivers == ("Mirko B", "Christian E")
    assert race.cars[1].driver_ids == ()  # playerId "0": AI


def test_client_laps() -> None:
    cars = parse_path(RACE).session.cars
    laps = cars[0].lap_data
    assert len(laps) == 23
    assert (laps[0].time_ms, laps[0].sectors_ms) == (175482, (98490, 40341, 36651))
    # flags 9 on lap 10 and 4 on lap 11: into the pits (and invalid), out of them
    assert (laps[9].pit_in, laps[9].valid, laps[10].pit_out) == (True, False, True)
    # the timestamps order the line: lap 1 elapsed from the first lap start
    elapsed = [lap.elapsed_ms or 0 for lap in laps]
    assert elapsed[0] > 0 and elapsed == sorted(elapsed)
    assert all(lap.position is not None for car in cars for lap in car.lap_data)


def test_team_after_a_newline_in_the_last_name() -> None:
    data = document()
    data["snapShot"]["leaderBoardLines"][2]["car"]["teamName"] = ""
    data["snapShot"]["leaderBoardLines"][2]["car"]["drivers"][0]["lastName"] = "V\nTEAMname"
    car = parse_bytes(json.dumps(data).encode("utf-16-le"), "x.json").session.cars[2]
    assert car.drivers[0] == "Dries V"
    assert car.team == "TEAMname"
    assert split_team("Federico", "Siv\nTEAMname") == ("Federico Siv", "TEAMname")


def test_malformed_json() -> None:
    text = RACE.read_bytes().decode("utf-16-le")
    with pytest.raises(InputError) as caught:
        parse_bytes(text[: len(text) // 3].encode("utf-16-le"), "cut.json")
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("cut.json", "(json)")
    assert problem.line is not None and problem.line > 1


def test_wrong_type_names_the_json_path() -> None:
    data = document()
    data["snapShot"]["leaderBoardLines"][4]["timing"]["lapCount"] = [22]
    with pytest.raises(InputError) as caught:
        parse_bytes(json.dumps(data).encode("utf-16-le"), "bad.json")
    problem = caught.value.problems[0]
    assert problem.file == "bad.json"
    assert problem.field == "$.snapShot.leaderBoardLines[4].timing.lapCount"
    assert (problem.expected, problem.found) == ("a whole number", "list")


def test_unknown_session_type() -> None:
    data = document()
    data["sessionDef"]["sessionType"] = 7
    with pytest.raises(InputError) as caught:
        parse_bytes(json.dumps(data).encode(), "seven.json")
    problem = caught.value.problems[0]
    assert (problem.field, problem.found) == ("$.sessionDef.sessionType", "7")
