"""Assetto Corsa offline results JSON against what Simresults'
AssettoCorsaReaderTest.php asserts on the same files (the PHP test named on
each case)."""

from __future__ import annotations

import json

import pytest

from podium.errors import InputError
from podium.readers.registry import parse_bytes, parse_path
from podium.readers.session import SessionKind
from tests.formats.conftest import FIXTURES

AC = FIXTURES / "simresults/assettocorsa"


def test_quick_race() -> None:
    # testReadingSession, testReadingSessionTrack, testReadingSessionParticipants
    parsed = parse_path(AC / "offline_quick_race_session.json")
    assert parsed.importer.name == "assetto-offline"
    race = parsed.session
    assert (race.kind, race.name, race.track) == (SessionKind.RACE, "Quick Race", "silverstone")
    first, last = race.cars[0], race.cars[11]
    assert (first.drivers, first.car_model, first.position) == (
        ("Alex Cardinali",),
        "mclaren_mp412c",
        1,
    )
    assert (last.drivers, last.car_model, last.position) == (
        ("Hugh Lemont",),
        "lotus_exige_scura",
        12,
    )
    assert first.car_class == first.car_model  # no class in the file
    assert race.notes == ()  # raceResult agrees with laps


def test_quick_race_laps() -> None:
    # testReadingLapsOfParticipants
    cars = parse_path(AC / "offline_quick_race_session.json").session.cars
    laps = cars[0].lap_data
    assert len(laps) == 5
    assert (laps[0].number, laps[0].position, laps[0].time_ms) == (1, 1, 173883)
    assert laps[0].sectors_ms == (69147, 64934, 39802)
    assert (laps[1].number, laps[1].position, laps[1].time_ms) == (2, 1, 142660)
    assert laps[1].elapsed_ms == 173883 + 142660
    assert laps[0].driver == "Alex Cardinali"
    assert [lap.position for lap in cars[3].lap_data][:2] == [6, 6]


def test_qualify_and_race_sessions() -> None:
    # testReadingAlternativeSessionTypeNames, testReadingQualifyPositions
    parsed = parse_path(AC / "qualify.and.race.json")
    qualifying, race = parsed.sessions
    assert (qualifying.kind, race.kind) == (SessionKind.QUALIFYING, SessionKind.RACE)
    assert qualifying.cars[0].drivers == ("Petr Dolezal",)
    assert qualifying.cars[-1].drivers == ("Tomas Ledenyi",)
    # no laps in that qualifying: bestLaps gives the best
    assert qualifying.cars[0].best_lap_ms == 139291 and not qualifying.cars[0].lap_data
    # "Kundl\uffc3\uffa1k" in the file: AC's widened UTF-8 bytes
    assert any(c.drivers == ("Jan Kundlák",) for c in qualifying.cars)


def test_minus_one_lap_times() -> None:
    # testIgnoringMinusOneLapTimes: 3 sessions, qualifying's Andrea G
    qualifying = parse_path(AC / "3.sessions.with.-1.times.json").sessions[1]
    andrea = qualifying.cars[0]
    assert andrea.drivers == ("Andrea G",)
    assert andrea.best_lap_ms == 72665
    assert len(andrea.lap_data) == 8
    sixth = andrea.lap_data[5]
    assert (sixth.time_ms, sixth.sectors_ms, sixth.valid) == (None, (), False)


def test_bad_race_result_index_keeps_the_car() -> None:
    # testNoExceptionOnBadRaceResultDriverIndex: raceResult has -1 where
    # player 1 (Michal Krejcir) was; Simresults drops him, podium keeps him
    race = parse_path(AC / "qualify.and.race.modified.with.-1.result.position.json").sessions[1]
    assert len(race.cars) == 21
    krejcir = next(c for c in race.cars if c.drivers == ("Michal Krejcir",))
    assert krejcir.position is None and krejcir.laps == 30


def test_empty_slots_are_not_cars() -> None:
    # tyre.info.json: players 16 and 17 have no name and no lap
    for session in parse_path(AC / "tyre.info.json").sessions:
        assert len(session.cars) == 16
        assert all(c.drivers for c in session.cars)


def test_hotlap_and_drift_are_practice() -> None:
    # testReadingSessionDriftData (the drift points themselves are not kept)
    for file in ("offline_drift_session.json", "offline_hotlap_session.json"):
        session = parse_path(AC / file).session
        assert session.kind is SessionKind.PRACTICE
        assert session.cars[0].drivers == ("Maurice van der Star",)


def test_no_sessions() -> None:
    # testCreatingNewAssettoCorsaReaderWithNoSessions
    with pytest.raises(InputError) as caught:
        parse_path(AC / "nosessions.json")
    problem = caught.value.problems[0]
    assert (problem.field, problem.message) == ("$.sessions", "no sessions")


def test_malformed_json() -> None:
    text = (AC / "offline_quick_race_session.json").read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_bytes(text[: len(text) // 2].encode(), "cut.json", "assetto-offline")
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("cut.json", "(json)")
    assert problem.line is not None


def test_wrong_type_names_the_json_path() -> None:
    document = json.loads((AC / "offline_quick_race_session.json").read_text(encoding="utf-8"))
    document["sessions"][0]["laps"][3]["time"] = "fast"
    with pytest.raises(InputError) as caught:
        parse_bytes(json.dumps(document).encode(), "bad.json")
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("bad.json", "$.sessions[0].laps[3].time")
    assert (problem.expected, problem.found) == ("a whole number", "'fast'")


def test_lap_of_an_unknown_player() -> None:
    document = json.loads((AC / "offline_quick_race_session.json").read_text(encoding="utf-8"))
    document["sessions"][0]["laps"][2]["car"] = 40
    with pytest.raises(InputError) as caught:
        parse_bytes(json.dumps(document).encode(), "bad.json")
    problem = caught.value.problems[0]
    assert problem.field == "$.sessions[0].laps[2].car"
    assert (problem.expected, problem.found) == ("a player index below 12", "40")
