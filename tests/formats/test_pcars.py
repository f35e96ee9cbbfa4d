"""Project CARS / Automobilista 2 server stats JSON against what Simresults'
ProjectCarsServerReaderTest.php asserts on the same files (the PHP test
named on each case). Simresults lists empty stages too; podium leaves them
out, so a session is found here by where its cars are in the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from podium.errors import InputError
from podium.readers.registry import ParsedFile, parse_bytes, parse_path
from podium.readers.session import ImportedSession, SessionKind
from tests.formats.conftest import FIXTURES

PC = FIXTURES / "simresults/projectcars-server"
PC2 = FIXTURES / "simresults/projectcars2-server"
AMS2 = FIXTURES / "simresults/automobilista2"


def stage(parsed: ParsedFile, history: int, key: str) -> ImportedSession:
    prefix = f"$.stats.history[{history}].stages.{key}."
    return next(s for s in parsed.sessions if s.cars[0].where.startswith(prefix))


def names(session: ImportedSession) -> list[str]:
    return [c.drivers[0] for c in session.cars]


def test_sessions_in_the_order_they_ran() -> None:
    # testReadingMultipleSessions: practice, practice2, qualifying, warmup,
    # race (the file writes warmup after race1; start_time puts it before)
    parsed = parse_path(PC / "sms_stats_data.json")
    assert parsed.importer.name == "pcars"
    first = parsed.sessions[:5]
    assert [s.name for s in first] == ["practice1", "practice2", "qualifying", "warmup", "race1"]
    assert [s.kind for s in first] == [SessionKind.PRACTICE] * 2 + [
        SessionKind.QUALIFYING,
        SessionKind.PRACTICE,
        SessionKind.RACE,
    ]
    assert first[4].track == "-1612023328"  # TrackId: no names shipped


def test_race_participants_and_laps() -> None:
    # testReadingSessionParticipants, testReadingLapsOfParticipants
    race = parse_path(PC / "sms_stats_data.json").sessions[4]
    assert len(race.cars) == 10
    winner = race.cars[0]
    assert winner.drivers == ("RouTeaX",)
    assert winner.driver_ids == (("RouTeaX", "steam:76561198113826575"),)
    assert winner.time_ms == 581406
    assert winner.status is not None and winner.status.value == "classified"
    assert winner.car_model == "-11335215" and winner.car_class == "pcars--11335215"
    assert race.cars[8].drivers == ("SUCKER",)
    laps = winner.lap_data
    assert len(laps) == 7
    assert (laps[0].number, laps[0].position, laps[0].time_ms) == (1, 3, 90030)
    assert laps[0].sectors_ms == (36008, 22301, 31721)
    assert (laps[1].number, laps[1].position, laps[1].time_ms) == (2, 3, 84224)
    assert not laps[1].valid  # 3 cuts: CountThisLapTimes 0
    assert [lap.position for lap in race.cars[3].lap_data][:3:2] == [9, 6]


def test_a_total_time_missing_a_lap_is_not_used() -> None:
    # results[0] ItchyTrigaFinga: Lap 7, TotalTime 516675 = his 6 lap events;
    # no event for lap 1. Simresults has RouTeaX first too.
    race = parse_path(PC / "sms_stats_data.json").sessions[4]
    itchy = next(c for c in race.cars if c.drivers == ("ItchyTrigaFinga",))
    assert itchy.position == 1  # as printed
    assert (itchy.laps, itchy.time_ms) == (7, None)
    assert itchy.lap_data[0].time_ms is None
    assert any("ItchyTrigaFinga: TotalTime 8:36.675" in n for n in race.notes)
    assert race.cars.index(itchy) == 7


def test_race_without_results_and_pit_laps() -> None:
    # testReadingStatussesAndPositionsOfRaceWithoutFinish, testReadingPitStops
    parsed = parse_path(PC / "race.without.finish.json")
    race = parsed.sessions[4]
    assert race.kind is SessionKind.RACE
    assert names(race)[0] == "I am Reginald"
    assert names(race)[4] == "xCrazydogx"
    assert all(c.position is None for c in race.cars)  # no results rows
    pits = [lap.pit_in for lap in race.cars[6].lap_data]
    assert pits[8:11] == [False, True, False]
    # testReadingProperPositionsForNonRace
    assert names(parsed.sessions[1])[0] == "ivanmille"
    assert names(parsed.sessions[1])[9] == "Zockerbursche"
    assert names(parsed.sessions[2])[0] == "ivanmille"


def test_best_lap_without_events_and_dnf() -> None:
    # testReadingBestLapFromLogWithoutEvents, testReadingDNFstates
    parsed = parse_path(PC / "stages.without.events.json")
    assert parsed.sessions[0].cars[0].best_lap_ms == 119417
    retired = stage(parsed, 4, "race1").cars[1]  # Simresults' sessions[9]
    assert retired.status is not None and retired.status.value == "dnf"
    last = parsed.sessions[-1].cars[-1]
    assert last.drivers == ("[CAV] F1_Racer68",)
    assert last.status is not None and last.status.value == "dnf"


def test_lap_numbers_follow_the_counter() -> None:
    # testIgnoringInvalidLapsAndProperFinishes: no double lap numbers
    parsed = parse_path(PC / "invalid.laps.json")
    qualifying, race = parsed.sessions[0], parsed.sessions[2]
    assert names(qualifying)[0] == names(race)[0] == "Markus Walter"
    numbers = [lap.number for lap in qualifying.cars[0].lap_data]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == 6


@pytest.mark.parametrize(
    ("file", "count"),
    [
        ("forward.slashes.in.content.json", 8),  # testReadingLogContaining...Slashes
        ("races.to.test.mixed.races.json", 10),
    ],
)
def test_session_counts(file: str, count: int) -> None:
    assert len(parse_path(PC / file).sessions) == count


def test_races_are_not_mixed_up() -> None:
    # testNotMixingUpRaces
    parsed = parse_path(PC / "races.to.test.mixed.races.json")
    winners = [s.cars[0].drivers[0] for s in parsed.races]
    assert winners == ["-T2R-Julien"] * 3 + ["GTS - Ipod [FR]"] * 2
    assert len(parsed.sessions[9].cars) == 6


def test_unknown_participant_ids_and_reconnections() -> None:
    # testDataOnUnknownOrBadParticipantIds: 17 participants
    assert len(parse_path(PC / "unknown.participant.ids.json").sessions[0].cars) == 17
    # race.without.finish qualifying: sorgato.matteo joined three times
    qualifying = parse_path(PC / "race.without.finish.json").sessions[2]
    assert names(qualifying).count("sorgato.matteo") == 1
    assert any(n.startswith("sorgato.matteo: 3 connections") for n in qualifying.notes)


def test_pc2_missing_driver_in_results() -> None:
    # testProjectCars2Fixes: the 4th race with drivers, 6th car
    parsed = parse_path(PC2 / "admin.driver.missing.from.results.json")
    assert parsed.races[3].cars[5].drivers == ("Rob Milliken",)
    # testNotUsingFinalResultWhenFinishedDriverIsMissing: Simresults' sessions[10]
    race3 = stage(parse_path(PC2 / "race3.with.missing.driver.in.final.results.json"), 5, "race1")
    assert race3.cars[4].drivers == ("Stefan S",)


def test_ams2_steam_ids_and_conflicting_participant_ids() -> None:
    # testFixingMissingSteamIdsFix, ...UsingPlayersArray, testFixingConflictingParticipantIds
    for session in parse_path(AMS2 / "practice.and.race.json").sessions:
        assert session.cars[0].driver_ids == (("DragiGus", "steam:76561198415727989"),)
    missing = parse_path(AMS2 / "missing.steam.ids.json").sessions[0].cars[0]
    assert missing.driver_ids[0][1] == "steam:12345678247139514"
    qualifying = parse_path(AMS2 / "qualify.with.conflicting.participantids.json").sessions[0]
    assert names(qualifying)[:2] == ["Chris C", "TechAde"]


def test_every_fixture_reads() -> None:
    for path in sorted([*PC.glob("*.json"), *PC2.glob("*.json"), *AMS2.glob("*.json")]):
        parsed = parse_path(path)
        assert parsed.importer.name == "pcars", path
        assert all(s.cars for s in parsed.sessions)


def _document(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.split("\n") if not line.startswith("//"))
    return json.loads(body)  # type: ignore[no-any-return]


def _bytes(document: dict[str, Any]) -> bytes:
    return ("// Persistent data for addon 'sms_stats'\n\n" + json.dumps(document)).encode()


def test_malformed_json_names_the_line() -> None:
    text = (PC / "race.with.alot.of.cuts.json").read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_bytes(text[: len(text) // 2].encode(), "cut.json")
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("cut.json", "(json)")
    assert problem.line is not None and problem.line > 3


def test_wrong_type_names_the_json_path() -> None:
    document = _document(PC / "race.with.alot.of.cuts.json")
    race = document["stats"]["history"][0]["stages"]["race1"]
    race["results"][0]["attributes"]["Lap"] = "seven"
    with pytest.raises(InputError) as caught:
        parse_bytes(_bytes(document), "bad.json")
    problem = caught.value.problems[0]
    assert problem.file == "bad.json"
    assert problem.field == "$.stats.history[0].stages.race1.results[0].attributes.Lap"
    assert (problem.expected, problem.found) == ("a whole number", "'seven'")


def test_wrong_lap_event_names_the_json_path() -> None:
    document = _document(PC / "race.with.alot.of.cuts.json")
    events = document["stats"]["history"][0]["stages"]["race1"]["events"]
    i = next(i for i, e in enumerate(events) if e["event_name"] == "Lap")
    events[i]["attributes"]["Lap"] = -2
    with pytest.raises(InputError) as caught:
        parse_bytes(_bytes(document), "bad.json")
    problem = caught.value.problems[0]
    assert problem.field == f"$.stats.history[0].stages.race1.events[{i}].attributes.Lap"
    assert (problem.expected, problem.found) == ("a number >= 0", "-2")


def test_no_stage_with_drivers_is_refused() -> None:
    document = _document(PC / "race.with.alot.of.cuts.json")
    for history in document["stats"]["history"]:
        history["stages"] = {}
    with pytest.raises(InputError) as caught:
        parse_bytes(_bytes(document), "empty.json")
    assert caught.value.problems[0].message == "no session with drivers"


def test_participants_written_as_a_lua_array_start_at_id_1() -> None:
    # Lua arrays start at 1: participant ids 1..n are written as a JSON list
    # (optikalus/projectcars2 lua_config/sms_stats_data.json, history index 6:
    # participants [dlichterman], his result row participantid 1), while ids
    # from 0 are written as an object {"0": ...}.
    document = {
        "stats": {
            "history": [
                {
                    "participants": [
                        {"Name": "First Driver", "VehicleId": 11},
                        {"Name": "Second Driver", "VehicleId": 22},
                    ],
                    "setup": {"TrackId": 5},
                    "stages": {
                        "race1": {
                            "start_time": 1,
                            "results": [
                                {
                                    "name": "",
                                    "participantid": 2,
                                    "attributes": {
                                        "Lap": 3,
                                        "RacePosition": 1,
                                        "State": "Finished",
                                        "TotalTime": 300000,
                                        "FastestLapTime": 95000,
                                    },
                                }
                            ],
                        }
                    },
                }
            ]
        }
    }
    race = parse_bytes(_bytes(document), "lua.json").sessions[0]
    assert [(c.drivers, c.car_model, c.laps) for c in race.cars] == [(("Second Driver",), "22", 3)]
