"""RaceRoom server JSON against what Simresults' RaceRoomReaderTest.php
asserts on the same files (the PHP test named on each case)."""

from __future__ import annotations

import json

import pytest

from podium.errors import InputError
from podium.readers.registry import parse_bytes, parse_path
from podium.readers.session import SessionKind
from tests.formats.conftest import FIXTURES

R3E = FIXTURES / "simresults/raceroom-server"


def test_every_session_with_players() -> None:
    # testReadingMultipleSessions: qualifying and race
    parsed = parse_path(R3E / "qualify.and.race.json")
    assert parsed.importer.name == "raceroom"
    assert [s.kind for s in parsed.sessions] == [SessionKind.QUALIFYING, SessionKind.RACE]
    assert parsed.sessions[1].track == "Portimao Circuit"  # testReadingSessionTrack
    # testRace2Session
    race2 = parse_path(R3E / "log.with.race2.json").sessions[2]
    assert (race2.kind, race2.name) == (SessionKind.RACE, "Race2")


def test_race_participants_and_laps() -> None:
    # testReadingSessionParticipantsAndLaps
    race = parse_path(R3E / "qualify.and.race.json").sessions[1]
    first = race.cars[0]
    assert (first.drivers, first.car_model, first.position) == (("chin matsuo",), "Ford GT GT1", 1)
    assert first.time_ms == 1216072
    assert first.status is not None and first.status.value == "classified"
    assert (first.lap_data[0].time_ms, first.lap_data[4].time_ms) == (115091, 100417)
    # Simresults keeps the file's order (DSQ, then Akihiro Nakao DNF P4);
    # podium puts a disqualified car last
    dnf, dsq = race.cars[-2], race.cars[-1]
    assert (dnf.drivers, dnf.car_model, dnf.position) == (("Akihiro Nakao",), "Saleen S7R", 4)
    assert dnf.status is not None and dnf.status.value == "dnf"
    assert dsq.status is not None and dsq.status.value == "dsq"


def test_old_file_with_usernames_and_best_laps_only() -> None:
    # testLogWithoutLapsAndUnknownUsernames
    qualifying = parse_path(R3E / "no.laps.json").sessions[0]
    first = qualifying.cars[0]
    assert (first.drivers, first.car_model, first.position) == (
        ("YHKIM",),
        "DTM Mercedes AMG C-Coupé",
        1,
    )
    assert first.best_lap_ms == 80138 and not first.lap_data
    assert qualifying.cars[5].drivers == ()  # Simresults: "unknown"
    assert qualifying.cars[6].drivers == ("junkim",)
    assert qualifying.cars[7].drivers == ("DunkinCupF",)  # FullName before Username
    last = qualifying.cars[-1]
    assert (last.drivers, last.car_model, last.position) == (("BigShot",), "BMW M3 DTM", 15)
    assert last.best_lap_ms is None  # BestLapTime -1000


def test_best_lap_for_qualifying() -> None:
    # testBestQualifyLapOnMissingLapsData
    qualifying = parse_path(R3E / "only.bestlap.for.qualy.json").sessions[1]
    assert qualifying.cars[0].best_lap_ms is not None


def test_pit_lap_and_negative_lap() -> None:
    # testPitLapsAndSkippingNegativeLapTimes: the 16th car's lap 3 is a pit
    # lap; lap 4 (-1000) has no time (Simresults drops it, podium keeps it
    # as a lap without a time, invalid)
    race = parse_path(R3E / "pit.lap.and.negative.lap.json").sessions[1]
    car = race.cars[15]
    assert car.lap_data[2].pit_in
    assert (car.lap_data[3].time_ms, car.lap_data[3].valid) == (None, False)
    assert any(n.startswith(f"{car.drivers[0]}: lap 4 without a usable time") for n in race.notes)


def test_sectors_and_ids() -> None:
    # testReadingSectors: the winner's best lap
    race = parse_path(R3E / "race.with.new.incident.indexes.and.sector.times.json").sessions[2]
    bence = race.cars[0]
    best = min(
        (lap for lap in bence.lap_data if lap.valid and lap.time_ms), key=lambda x: x.time_ms or 0
    )
    assert best.sectors_ms == (22478, 40117, 34557)
    assert bence.driver_ids == (("Bence", "raceroom:792057"),)
    assert bence.car_class == "PI 160"


def test_invalid_qualifying_lap() -> None:
    # testIgnoringInvalidLaps: Simresults drops the time; podium marks it invalid
    qualifying = parse_path(R3E / "qualify.with.invalid.laps.json").sessions[1]
    assert qualifying.cars[0].drivers == ("Bence",)
    assert not qualifying.cars[0].lap_data[0].valid


@pytest.mark.parametrize(("variant", "laps"), [("with", 12), ("without", 13)])
def test_last_lap_of_a_retired_car_with_incidents(variant: str, laps: int) -> None:
    # testIgnoringLastRaceLapWithIncidentsOnDnf
    file = R3E / f"driver.ken.j.dnf.but.with.all.laps.registered.{variant}.incidents.json"
    race = parse_path(file).sessions[2]
    assert race.kind is SessionKind.RACE
    assert race.cars[7].drivers == ("Ken J",)
    assert race.cars[7].laps == laps


def test_finish_status_none_is_unstated() -> None:
    # testFinishStatusNone (Simresults: finished; podium: the file does not say)
    race = parse_path(R3E / "finish.status.none.json").sessions[1]
    assert race.cars[0].status is None


def test_malformed_json() -> None:
    text = (R3E / "qualify.and.race.json").read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_bytes(text[: len(text) // 2].encode(), "cut.json", "raceroom")
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("cut.json", "(json)")
    assert problem.line == 1 and "column" in problem.message  # a one-line file


def test_wrong_type_names_the_json_path() -> None:
    document = json.loads((R3E / "qualify.and.race.json").read_text(encoding="utf-8"))
    document["Sessions"][1]["Players"][2]["RaceSessionLaps"][1]["Time"] = "slow"
    with pytest.raises(InputError) as caught:
        parse_bytes(json.dumps(document).encode(), "bad.json")
    problem = caught.value.problems[0]
    assert problem.file == "bad.json"
    assert problem.field == "$.Sessions[1].Players[2].RaceSessionLaps[1].Time"
    assert (problem.expected, problem.found) == ("a whole number", "'slow'")
