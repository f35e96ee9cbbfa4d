"""Bad files are refused with file, line or path, field, expected and found."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from podium.errors import InputError
from podium.readers.registry import parse_bytes, parse_path
from tests.formats.conftest import FIXTURES

ACC_R = FIXTURES / "acc/mauserrifle__simresults__191003_235558_R.json"
ELMS = (
    FIXTURES
    / "alkamel/Razgrizaces__alkamel_stint_analyzer__2014_ELMS_Silverstone_Classification.csv"
)


def acc_json() -> dict[str, object]:
    return json.loads(ACC_R.read_bytes().decode("utf-16-le"))  # type: ignore[no-any-return]


def refused(data: bytes, name: str, fmt: str | None = None) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_bytes(data, name, fmt)
    assert caught.value.problems[0].file == name
    return caught.value


def test_truncated_json_names_the_line() -> None:
    text = ACC_R.read_bytes().decode("utf-16-le")
    error = refused(text[: len(text) // 2].encode("utf-16-le"), "cut.json")
    problem = error.problems[0]
    assert problem.field == "(json)"
    assert problem.line is not None and problem.line > 1
    assert "complete JSON" in problem.expected


def test_negative_laps_names_the_json_path() -> None:
    data = acc_json()
    data["sessionResult"]["leaderBoardLines"][1]["timing"]["lapCount"] = -3  # type: ignore[index]
    error = refused(json.dumps(data).encode(), "neg.json")
    problem = error.problems[0]
    assert problem.field == "$.sessionResult.leaderBoardLines[1].timing.lapCount"
    assert problem.expected == "a number >= 0"
    assert problem.found == "-3"


def test_duplicate_car_numbers() -> None:
    data = acc_json()
    lines = data["sessionResult"]["leaderBoardLines"]  # type: ignore[index]
    lines[2]["car"]["raceNumber"] = lines[0]["car"]["raceNumber"]
    error = refused(json.dumps(data).encode(), "dup.json")
    problem = error.problems[0]
    assert problem.message == "duplicate car number"
    assert problem.field == "$.sessionResult.leaderBoardLines[2].car.raceNumber"
    assert "#82" in problem.found


def test_duplicate_car_numbers_in_a_sheet_names_the_line() -> None:
    lines = ELMS.read_bytes().decode("utf-8-sig").splitlines()
    lines[3] = lines[3].replace(";43;", ";46;", 1)
    error = refused("\n".join(lines).encode(), "dup.csv")
    assert error.problems[0].line == 4
    assert error.problems[0].field == "NUMBER"


def test_csv_missing_column() -> None:
    text = ELMS.read_bytes().decode("utf-8-sig").replace(";LAPS;", ";LAPZ;", 1)
    error = refused(text.encode(), "nolaps.csv", "alkamel")
    problem = error.problems[0]
    assert (problem.line, problem.field, problem.message) == (1, "LAPS", "missing column")
    assert "LAPZ" in problem.found


def test_csv_negative_laps_names_line_and_column() -> None:
    text = ELMS.read_bytes().decode("utf-8-sig").replace(";Classified;118;", ";Classified;-118;", 1)
    problem = refused(text.encode(), "neg.csv").problems[0]
    assert (problem.line, problem.field, problem.found) == (2, "LAPS", "-118")


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rFactorXML><RaceResults><Race><Driver><Name>&lol3;</Name></Driver></Race></RaceResults></rFactorXML>
"""


def test_xml_entity_bomb_is_refused() -> None:
    error = refused(BOMB, "bomb.xml")
    problem = error.problems[0]
    assert problem.field == "(xml)"
    assert "entity" in problem.message


def test_a_practice_session_is_refused(tmp_path: Path) -> None:
    from podium.app.season import open_season
    from podium.imports.plan import plan_import

    data = acc_json()
    data["sessionType"] = "FP"
    practice = tmp_path / "fp.json"
    practice.write_bytes(json.dumps(data).encode())
    parsed = parse_path(practice)
    with pytest.raises(InputError) as caught:
        plan_import(open_season(), parsed.session, 1, parsed.path)
    problem = caught.value.problems[0]
    assert problem.field == "session"
    assert (problem.expected, problem.found) == ("a race or qualifying session", "practice")


def test_unknown_format() -> None:
    error = refused(b"hello world\n", "notes.txt")
    assert error.problems[0].field == "(format)"


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda b: b"\xff\xfe" + b, id="utf16le-bom"),
        pytest.param(lambda b: b, id="utf16le-no-bom"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b.decode("utf-16-le").encode(), id="utf8-bom"),
        pytest.param(lambda b: b.decode("utf-16-le").encode(), id="utf8"),
    ],
)
def test_acc_encodings(transform: object) -> None:
    data = transform(ACC_R.read_bytes())  # type: ignore[operator]
    session = parse_bytes(data, "x.json").session
    assert [c.number for c in session.cars] == ["82", "107", "17"]


def test_rf2_invalid_utf8_and_junk_after_the_closing_tag() -> None:
    data = (FIXTURES / "rfactor2/mauserrifle__simresults__rf2_race.xml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the file declares UTF-8 but is not
    session = parse_bytes(data + b"\x1a\x00junk", "race.xml").session
    assert len(session.cars) == 5
    assert any("é" in d for c in session.cars for d in c.drivers)  # byte 0xe9, cp1252


def test_iracing_team_event_names_every_driver() -> None:
    # data API shape for team events: one row per team, drivers nested
    event = {
        "subsession_id": 1,
        "track": {"track_name": "Spa", "config_name": "Endurance"},
        "car_classes": [{"car_class_id": 4029, "short_name": "GT3"}],
        "session_results": [
            {
                "simsession_number": 0,
                "simsession_type_name": "Race",
                "results": [
                    {
                        "display_name": "Team Two",
                        "finish_position": 1,
                        "finish_position_in_class": 1,
                        "laps_complete": 99,
                        "car_class_id": 4029,
                        "reason_out": "Disconnected",
                        "livery": {"car_number": "2"},
                        "driver_results": [{"display_name": "C"}],
                    },
                    {
                        "display_name": "Team One",
                        "finish_position": 0,
                        "finish_position_in_class": 0,
                        "laps_complete": 100,
                        "car_class_id": 4029,
                        "reason_out": "Running",
                        "livery": {"car_number": "1"},
                        "driver_results": [{"display_name": "A"}, {"display_name": "B"}],
                    },
                ],
            }
        ],
    }
    session = parse_bytes(json.dumps(event).encode(), "team.json").session
    first, second = session.cars
    assert (first.number, first.team, first.drivers, first.class_position) == (
        "1",
        "Team One",
        ("A", "B"),
        1,
    )
    assert second.status is not None and second.status.value == "dnf"
    assert session.track == "Spa Endurance"
