"""Every real file in tests/fixtures imports, with its content checked.

Expected values were read from the files with jq, iconv, grep and by eye
(see the comment on each case), never from podium's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.app.inspect import summary
from podium.readers.registry import parse_path
from podium.readers.session import SessionKind
from tests.formats.conftest import FIXTURES

# file, format, session, cars, {class: (cars, winner number, winner drivers, laps)}, statuses
CASES = [
    # iconv -f UTF-16LE | jq: 48 lines, carGroup GT3 32 / GT4 16, first line #42 GT4 8 laps
    (
        "acc/fabieu__simdesk__230602_202712_Q.json",
        "acc",
        SessionKind.QUALIFYING,
        48,
        {
            "GT4": (
                16,
                "42",
                (
                    "Marcel Tamo",
                    "Benjamin Tebel | YEET",
                    "Alex Stuhlsen",
                    "Jonas Thinking",
                    "Tobias Prang",
                ),
                8,
            )
        },
        {"unstated": 48},
    ),
    # jq: 50 lines; GT3 22, GT4 24, CUP/ST/CHL/TCX 1 each; Disqualified carIds
    # 1016 1020 1022 1031 1036; first GT3 #47 275 laps, first GT4 #42 (1021) 254
    (
        "acc/fabieu__simdesk__Session_R.json",
        "acc",
        SessionKind.RACE,
        50,
        {
            "GT3": (
                22,
                "47",
                ("Siggi Lentes | YEET", "Ralf Mulansky | YEET", "Martin Seidel"),
                275,
            ),
            "GT4": (24, "42", ("Marcel Tamo", "Benjamin Tebel | YEET", "Jonas Thinking"), 254),
            "CUP": (1, "910", ("Robin Schmidt", "Fabio Kehrwisch", "Mathias Eckert"), 274),
            "ST": (1, "31", ("Nick Schmenk", "Daniel Wendelspies", "Patric Keulertz"), 274),
            "CHL": (1, "99", ("Benjamin Witte", "Bjoern Boysen", "Chris Künster"), 274),
            "TCX": (1, "69", ("Domink Wirths", "Stefan Vimozahr"), 274),
        },
        {"dsq": 5, "unstated": 45},
    ),
    # no carGroup (2019): carModel >= 50 is GT4: 9 cars, first #68 45 laps; GT3 20, #4 48
    (
        "acc/kagd__league-results-parser__cmsracing_split2_zolder-r.json",
        "acc",
        SessionKind.RACE,
        29,
        {"GT3": (20, "4", ("Brandon Chan",), 48), "GT4": (9, "68", ("Neil Sutherland",), 45)},
        {"unstated": 29},
    ),
    (
        "acc/mauserrifle__simresults__191003_225901_Q.json",
        "acc",
        SessionKind.QUALIFYING,
        3,
        {"GT3": (3, "17", ("Federico Siv",), 7)},
        {"unstated": 3},
    ),
    (
        "acc/mauserrifle__simresults__191003_235558_R.json",
        "acc",
        SessionKind.RACE,
        3,
        {"GT3": (3, "82", ("Andrea Mel",), 23)},
        {"unstated": 3},
    ),
    (
        "acc/mauserrifle__simresults__laps.with.unknown.carid.json",
        "acc",
        SessionKind.QUALIFYING,
        2,
        {"GT3": (2, "107", ("Alberto For",), 8)},
        {"unstated": 2},
    ),
    (
        "acc/mauserrifle__simresults__race.to.fix.positions.json",
        "acc",
        SessionKind.RACE,
        40,
        {"GT3": (40, "723", ("Andre",), 30)},
        {"unstated": 40},
    ),
    # ELMS 2014: LMP2 11, LMGTE 13, GTC 14; #38 (97 of 118 laps, 82%) and #29 Not
    # classified, #71 Not started
    (
        "alkamel/Razgrizaces__alkamel_stint_analyzer__2014_ELMS_Silverstone_Classification.csv",
        "alkamel",
        SessionKind.RACE,
        38,
        {
            "LMP2": (11, "46", ("Pierre THIRIET", "Ludovic BADEY", "Tristan GOMMENDY"), 118),
            "LMGTE": (13, "55", ("Duncan CAMERON", "Matt GRIFFIN", "Michele RUGOLO"), 112),
            "GTC": (14, "96", ("Andriy KRUGLYK", "Sergii CHUKANOV", "Alessandro PIER GUIDI"), 109),
        },
        {"classified": 35, "dns": 1, "nc": 2},
    ),
    # lap chart: 29 cars; last lap per car, most laps then least elapsed time
    (
        "alkamel/y047aka__elm-motorsport-analysis__23_Analysis_Race_Hour_6.csv",
        "alkamel-analysis",
        SessionKind.RACE,
        29,
        {
            "LMP1": (4, "7", ("Mike CONWAY", "Kamui KOBAYASHI", "Jose Maria LOPEZ"), 143),
            "LMP2": (9, "22", ("Philip HANSON", "Filipe ALBUQUERQUE", "Paul DI RESTA"), 140),
            "LMGTE Pro": (6, "92", ("Michael CHRISTENSEN", "Kevin ESTRE"), 135),
            "LMGTE Am": (
                10,
                "83",
                ("François PERRODO", "Emmanuel COLLARD", "Nicklas NIELSEN"),
                134,
            ),
        },
        {"unstated": 29},
    ),
    # IMSA layout (comma-converted): GTP 8, GTDPRO 5, GTD 15; 2 Not started
    (
        "alkamel-converted/tobi__imsa_data__2023_08-long-beach-street-circuit_202304151405-race-results.csv",
        "alkamel",
        SessionKind.RACE,
        28,
        {
            "GTP": (8, "6", ("Nick Tandy", "Mathieu Jaminet"), 78),
            "GTDPRO": (5, "14", ("Jack Hawksworth", "Ben Barnicoat"), 73),
            "GTD": (15, "1", ("Bryan Sellers", "Madison Snow"), 73),
        },
        {"classified": 26, "dns": 2},
    ),
    # jq: session_results[simsession_number 0] Race, 17 rows, finish_position 0 = #8
    (
        "iracing/mauserrifle__simresults__iracing-result-36788868.json",
        "iracing",
        SessionKind.RACE,
        17,
        {"Porsche 911": (17, "8", ("Dave N",), 5)},
        {"classified": 17},
    ),
    # jq: 17 Result rows (10 with a TotalTime) and 6 more drivers with Laps
    # rows only (Manolo Polonioli, Tabak, Sam Jones, Peter Mac, Hille1980,
    # Dansav1746): a car per driver, retired without a TotalTime
    (
        "other/mauserrifle__simresults__ac1server_2015_10_17_9_49_RACE.json",
        "assetto",
        SessionKind.RACE,
        23,
        {"lotus_exos_125": (23, None, ("Andrea Sorlini",), 10)},
        {"dnf": 6, "dns": 7, "unstated": 10},
    ),
    # jq: 9 Result rows, all rss_formula_rss_4; BestLap 57057 Joseph Elton
    # (4 Laps rows), 61375 Callum Jones; 7 more with 999999999 and no laps
    (
        "other/JustaPenguin__assetto-server-manager__2019_2_15_21_8_QUALIFY.json",
        "assetto",
        SessionKind.QUALIFYING,
        9,
        {"rss_formula_rss_4": (9, None, ("Joseph Elton",), 4)},
        {"unstated": 9},
    ),
    # Rewritten by Assetto Server Manager: keys sorted, TrackName and Type
    # at the end. jq: 22 Result rows, 13 empty slots; 6 with a TotalTime
    # (namelesssboy first, 10 Laps rows; Danny Wilson 5), 3 named with 0
    (
        "other/JustaPenguin__assetto-server-manager__2019_3_2_22_28_RACE.json",
        "assetto",
        SessionKind.RACE,
        9,
        {
            "a3dr_lambo_diablo_vt": (4, None, ("namelesssboy",), 10),
            "ks_porsche_911_carrera_rsr": (2, None, ("Joseph Elton",), 10),
            "ks_alfa_33_stradale": (1, None, ("Callum Jones",), 10),
            "a3dr_ferrari_512tr": (2, None, ("Danny Wilson",), 5),
        },
        {"dns": 3, "unstated": 6},
    ),
    # Race session: 14 Finished, 3 DidNotFinish; Position 1 Magnus Stjerneby, 13 laps
    (
        "other/mauserrifle__simresults__r3e_log.with.incidents.json",
        "raceroom",
        SessionKind.RACE,
        17,
        {"PI 35": (17, None, ("Magnus Stjerneby",), 13)},
        {"classified": 14, "dnf": 3},
    ),
    # F3 two-class race; Latin-1 bytes in names
    (
        "rfactor2/mauserrifle__simresults__ams1_race.xml",
        "rfactor",
        SessionKind.RACE,
        15,
        {"F309": (7, "5", ("Maurice",), 21), "F301": (8, "55", ("Ruan Lanchiaro",), 21)},
        {"classified": 15},
    ),
    (
        "rfactor2/mauserrifle__simresults__rf2_qualify_with_corrupted_positions.xml",
        "rfactor",
        SessionKind.QUALIFYING,
        9,
        {
            "SCES LMP1": (3, "07", ("Capeta",), 11),
            "Corvette ALMS GT2 2009": (6, "06", ("CoNa",), 10),
        },
        {"unstated": 9},
    ),
    (
        "rfactor2/mauserrifle__simresults__rf2_race.xml",
        "rfactor",
        SessionKind.RACE,
        5,
        {"LolaT280": (5, "31", ("Malek1th",), 10)},
        {"classified": 5},
    ),
    (
        "rfactor2/mauserrifle__simresults__rf2_race_with_penalties.xml",
        "rfactor",
        SessionKind.RACE,
        5,
        {"Megane Trophy": (5, "02", ("sushi",), 13)},
        {"classified": 5},
    ),
    # 12 Finished Normally, 6 DNF; CarClass names the model (9 "classes")
    (
        "rfactor2/mauserrifle__simresults__rf2_race_with_pitstops.xml",
        "rfactor",
        SessionKind.RACE,
        18,
        {
            "MP4-12C": (1, "91", ("Nuno Pinto",), 33),
            "F458 Italia": (6, "42", ("Eduardo Henriques",), 33),
        },
        {"classified": 12, "dnf": 6},
    ),
]


def test_every_fixture_is_covered() -> None:
    files = {
        str(p.relative_to(FIXTURES))
        for p in FIXTURES.rglob("*")
        if p.is_file()
        and p.suffix.lower() in (".json", ".xml", ".csv")
        and "simresults" not in p.parts  # test_simresults.py covers those
    }
    assert files == {case[0] for case in CASES}


@pytest.mark.parametrize(
    ("file", "fmt", "kind", "cars", "classes", "statuses"), CASES, ids=lambda v: str(v)[:40]
)
def test_fixture_content(
    file: str,
    fmt: str,
    kind: SessionKind,
    cars: int,
    classes: dict[str, tuple[int, str | None, tuple[str, ...], int]],
    statuses: dict[str, int],
) -> None:
    parsed = parse_path(FIXTURES / file)
    held = summary(parsed).to_json()
    assert held["format"] == fmt
    assert held["session"] == kind.value
    assert held["cars"] == cars
    assert held["statuses"] == statuses
    for name, (count, number, drivers, laps) in classes.items():
        got = held["classes"][name]
        assert got["cars"] == count, name
        assert got["winner"]["number"] == number, name
        assert tuple(got["winner"]["drivers"]) == drivers, name
        assert got["winner"]["laps"] == laps, name


def test_rf2_class_count_and_latin1_names() -> None:
    pitstops = parse_path(FIXTURES / "rfactor2/mauserrifle__simresults__rf2_race_with_pitstops.xml")
    assert len(pitstops.session.classes()) == 9
    ams = parse_path(FIXTURES / "rfactor2/mauserrifle__simresults__ams1_race.xml").session
    # byte 0xe9 in "Mécia"-style names decodes as Windows-1252, not U+FFFD
    assert not any("\ufffd" in d for c in ams.cars for d in c.drivers)


def test_acc_penalties_become_podium_penalties() -> None:
    session = parse_path(FIXTURES / "acc/fabieu__simdesk__Session_R.json").session
    dsq = {p.car for p in session.penalties if p.kind.value == "dsq"}
    # carIds 1016 1020 1022 1031 1036 -> raceNumbers (jq .car.carId / .car.raceNumber)
    assert len(dsq) == 5
    disqualified = {c.number for c in session.cars if c.status and c.status.value == "dsq"}
    assert dsq == disqualified
    post = [p for p in session.penalties if p.value.endswith(" s")]
    assert post and post[0].reason == "Cutting"


def test_rf2_penalty_stream() -> None:
    session = parse_path(
        FIXTURES / "rfactor2/mauserrifle__simresults__rf2_race_with_penalties.xml"
    ).session
    # two "received Stop/Go" lines and one "added 35 seconds", all for mauserrifle (#01: ./Driver/Name + CarNumber)
    assert len(session.penalties) == 3
    assert {p.car for p in session.penalties} == {"01"}
    assert sum(p.value == "35 s" for p in session.penalties) == 1


def test_alkamel_not_classified_stays_not_classified() -> None:
    session = parse_path(
        FIXTURES
        / "alkamel/Razgrizaces__alkamel_stint_analyzer__2014_ELMS_Silverstone_Classification.csv"
    ).session
    car = next(c for c in session.cars if c.number == "38")
    assert car.laps == 97  # 82% of the winner's 118
    assert car.status is not None and car.status.value == "nc"


def test_detection_ignores_file_names(tmp_path: Path) -> None:
    source = FIXTURES / "rfactor2/mauserrifle__simresults__rf2_race.xml"
    renamed = tmp_path / "results.json"
    renamed.write_bytes(source.read_bytes())
    assert parse_path(renamed).importer.name == "rfactor"


def test_acc_missing_mandatory_pitstop_is_reported_not_decided() -> None:
    # jq '.sessionResult.leaderBoardLines[] | select(.missingMandatoryPitstop > 0)'
    zolder = parse_path(
        FIXTURES / "acc/kagd__league-results-parser__cmsracing_split2_zolder-r.json"
    )
    assert zolder.session.notes == ("missingMandatoryPitstop > 0 (check): #621",)
    assert all(c.status is None for c in zolder.session.cars)
    fix = parse_path(FIXTURES / "acc/mauserrifle__simresults__race.to.fix.positions.json")
    assert fix.session.notes[0].endswith("#762, #59, #17, #60, #808, #22")
