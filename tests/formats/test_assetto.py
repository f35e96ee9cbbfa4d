"""Assetto Corsa server JSON against what Simresults'
AssettoCorsaServerJsonReaderTest.php asserts on the same files (the PHP test
named on each case), and a car per driver, not per slot (read with jq)."""

from __future__ import annotations

import json

import pytest

from podium.errors import InputError
from podium.readers.decode import tail_text
from podium.readers.registry import parse_bytes, parse_path
from podium.readers.session import SessionKind
from tests.formats.conftest import FIXTURES

AC = FIXTURES / "simresults/assettocorsa-server-json"


def test_race_participants() -> None:
    # testReadingSession, testReadingSessionTrack, testReadingSessionParticipants
    parsed = parse_path(AC / "2015_10_17_9_49_RACE.json")
    assert parsed.importer.name == "assetto"
    race = parsed.session
    assert (race.kind, race.name, race.track) == (SessionKind.RACE, "RACE", "monza-full course")
    first = race.cars[0]
    assert first.drivers == ("Andrea Sorlini",)
    assert (first.car_model, first.car_class, first.team) == (
        "lotus_exos_125",
        "lotus_exos_125",
        "TEST TEAM",
    )
    assert first.driver_ids == (("Andrea Sorlini", "steam:76561198213775428"),)
    assert (first.time_ms, first.status) == (1003035, None)
    # Last: a driver of the entry list who never drove a lap did not start.
    last = race.cars[-1]
    assert (last.status is not None and last.status.value, last.time_ms, last.laps) == (
        "dns",
        None,
        0,
    )


def test_a_car_per_driver() -> None:
    # jq: CarId 3 is driven by Peter Mac (1 lap) then paperofolle (5), CarId 5
    # by Hille1980 (1) then fabi (5): four drivers, each with his own laps;
    # 17 Result rows + 6 drivers found only in Laps = 23
    race = parse_path(AC / "2015_10_17_9_49_RACE.json").session
    assert len(race.cars) == 23
    laps = {c.drivers[0]: c.laps for c in race.cars}
    assert (laps["Peter Mac"], laps["paperofolle"], laps["Hille1980"], laps["fabi"]) == (1, 5, 1, 5)
    sam = next(c for c in race.cars if c.drivers == ("Sam Jones",))
    assert sam.where == "$.Laps[5]" and sam.status is not None and sam.status.value == "dnf"


def test_race_laps() -> None:
    # testReadingLapsOfParticipants
    cars = parse_path(AC / "2015_10_17_9_49_RACE.json").session.cars
    laps = cars[0].lap_data
    assert len(laps) == 10
    assert (laps[0].number, laps[0].position, laps[0].time_ms) == (1, 1, 104357)
    assert laps[0].sectors_ms == (38437, 34564, 31356)
    assert (laps[1].number, laps[1].position, laps[1].time_ms) == (2, 1, 100735)
    assert laps[0].driver == "Andrea Sorlini"
    assert [lap.position for lap in cars[3].lap_data][:2] == [5, 7]


def test_qualifying() -> None:
    # testQualifySession; testCuts: lap 2 of the first has a cut
    qualifying = parse_path(AC / "2015_10_17_9_30_QUALIFY.json").session
    assert qualifying.kind is SessionKind.QUALIFYING
    assert qualifying.cars[0].drivers == ("Timo Haapala",)
    assert qualifying.cars[7].drivers == ("blackbird0011",)
    assert not qualifying.cars[0].lap_data[1].valid


def test_empty_slots_and_duplicate_rows() -> None:
    # testFilteringEmptyDriverName: 6 drivers
    assert len(parse_path(AC / "tyre.info.json").session.cars) == 6
    # testIgnoringDuplicateResultInfo: Miguel Melo's second row (the slot he
    # left, 0 ms) is the same car, which finished
    race = parse_path(AC / "duplicate.result.info.for.miguel.json").session
    melo = [c for c in race.cars if c.drivers == ("Miguel Melo",)]
    assert len(melo) == 1 and melo[0].status is None and melo[0].laps == 62
    assert len(race.cars) == 13  # 21 rows: 6 empty slots, 2 second rows


@pytest.mark.parametrize("file", ["race.changed.with.null.events.json", "no.ballastkg.json"])
def test_variants_read(file: str) -> None:
    # testReadingNullEventsWithoutExceptions, testFixingBallastExceptions
    assert len(parse_path(AC / file).session.cars) == 23


def test_malformed_json() -> None:
    text = (AC / "tyre.info.json").read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_bytes(text[: len(text) // 2].encode(), "cut.json", "assetto")
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("cut.json", "(json)")
    assert problem.line is not None and problem.line > 1


def test_wrong_type_names_the_json_path() -> None:
    document = json.loads((AC / "tyre.info.json").read_text(encoding="utf-8"))
    document["Laps"][7]["LapTime"] = {"ms": 1}
    with pytest.raises(InputError) as caught:
        parse_bytes(json.dumps(document).encode(), "bad.json")
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("bad.json", "$.Laps[7].LapTime")
    assert (problem.expected, problem.found) == ("a whole number", "dict")


def test_sorted_keys_are_detected_by_the_end_of_the_file() -> None:
    # Assetto Server Manager rewrites results with sorted keys: "Cars" first,
    # "TrackName" and "Type" after thousands of lines of Laps and Events.
    document = json.loads((AC / "tyre.info.json").read_text(encoding="utf-8"))
    document["Laps"] = document["Laps"] * 40
    ordered = {k: document[k] for k in sorted(document)}
    text = json.dumps(ordered, indent="\t")
    assert text.index('"TrackName"') > 10_000
    for data in (text.encode(), text.encode("utf-16-le"), b"\xff\xfe" + text.encode("utf-16-le")):
        parsed = parse_bytes(data, "sorted.json")
        assert parsed.importer.name == "assetto"
        assert len(parsed.session.cars) == 6


def test_tail_text_cuts_utf16_at_a_character() -> None:
    text = "x" * 5000 + '"TrackName": "é"}'
    for data in (text.encode("utf-16-le"), b"\xff\xfe" + text.encode("utf-16-le")):
        assert tail_text(data, 100).endswith('"TrackName": "é"}')
        # a file cut after an odd byte: still read two bytes to a character
        assert '"TrackName": "é"}' in tail_text(data + b"x", 100)
    assert tail_text(b"", 10) == ""
