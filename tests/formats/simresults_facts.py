"""What Simresults' PHPUnit tests assert about its fixture files, as facts
about podium's `podium import FILE --inspect --cars --laps --format json`.

Source: tests/fixtures/simresults/php/*Test.php (mauserrifle/simresults, ISC
licence, commit in tests/fixtures/simresults/SOURCE_COMMIT); the files are
under tests/fixtures/simresults/<folder>/ (``logs/<folder>/<file>`` in PHP).
One ``Fact`` per assertion podium can be held to; tests/formats/
test_simresults.py checks them.

**Session.** ``session`` is the session's ``index`` in podium's JSON (from 1;
negative: from the end, -1 the last), ``"race#4"`` the 4th session of that
type, or 0 for the file itself (``len(sessions)``, ``sessions[2].type``,
``refused``). Simresults' ``getSession()`` is ``getSession(1)``, the file's
*first* session (lib/Simresults/Data/Reader.php), so the default is 1.
Simresults' sessions and podium's are the same list, in the file's order,
except for Project CARS / AMS2 files, where podium leaves out stages nobody
drove in (podium.readers.pcars) and Simresults keeps them: those facts give
podium's index and name Simresults' in a comment.

**Path**, resolved against the session object (or the file with session 0):
``name`` a key, ``[3]`` an index (``[-1]`` the last), ``[*]`` every element
(or every value of a mapping), ``[key=value]`` the first element whose
``key`` is ``value`` (or, for a list such as ``drivers``, contains it; None
when there is none), ``[text]`` a key with spaces (``driver_ids[Ann Lee]``).
A path may be wrapped in one function: ``len``, ``sum``, ``max``,
``distinct`` (the sorted distinct values), ``notnull`` (is not None),
``consecutive`` (the values are 1, 2, 3, ...). ``refused`` (session 0) is
whether podium refuses the file (a PodiumError).

**Units.** Seconds become integer milliseconds (``round(s * 1000)``), laps
and positions stay 1-based, driver ids get podium's prefix (``steam:``,
``iracing:``, ``acc:`` for an ACC id that is not a Steam id). Simresults'
lap ``getElapsedSeconds()`` is when the lap *began*; podium's ``elapsed_ms``
is when it ended (podium.readers.session.ImportedLap): elapsed + lap time.
Finish statuses (podium's ``status`` is what an import records: the file's,
else in a race classified with a lap): finished = ``classified``, DNF =
``dnf``, DQ = ``dsq``, none = null. Simresults' placeholders for what the file does not say
(team null, track ``Unknown``, driver ``unknown``, total time 0) are
podium's empty values ("", null, no driver); a missing ACC car model is
``Unknown`` in both. ``isPitLap()`` is
``pit_in`` (both mean the lap that ended in the pit lane). Warmup is a
practice session in podium. A car Simresults picks by index in a test about
that car's laps or status is picked here by driver when podium's order may
differ; where the PHP test asserts the place, the index is kept.

**Differences.** ``difference`` says why podium deliberately holds another
value, which is ``podium``; the test asserts podium's value and
docs/importing.md lists the test ("Where podium and Simresults differ").

**Not ported** (no podium equivalent): counted per PHP file below, as
assertion statements in the PHP source. Out of scope, not ported at all:
AssettoCorsaServerReaderTest.php (40 tests: console .txt logs),
Race07Test.php (17 tests: Race 07, GTR 2, old RaceRoom, F1 Challenge) and
SecondMonitorReaderTest.php (5 tests): 62 PHP tests. ReaderTest.php (4 tests:
factory exceptions and the default time zone) names no file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fact:
    test: str
    php: str
    file: str
    """Under tests/fixtures/simresults/."""
    path: str
    expected: object
    """Simresults' value, in podium's units."""
    session: int | str = 1
    difference: str = ""
    """Why podium deliberately differs; then ``podium`` is what it holds."""
    podium: object = None


@dataclass(frozen=True, slots=True)
class Differs:
    podium: object
    why: str


Row = tuple[str, object] | tuple[str, object, Differs]
FACTS: list[Fact] = []


def facts(php: str, test: str, file: str, *rows: Row, session: int | str = 1) -> None:
    for row in rows:
        path, expected = row[0], row[1]
        differs = row[2] if len(row) == 3 else None
        FACTS.append(
            Fact(
                test,
                php,
                file,
                path,
                expected,
                session,
                differs.why if differs else "",
                differs.podium if differs else None,
            )
        )


def ms(seconds: str) -> int:
    """Simresults' seconds (written as in the PHP, a string to keep the
    digits) in podium's milliseconds."""
    whole, _, frac = seconds.partition(".")
    thousandths = int(whole) * 1000 + int((frac + "000")[:3])
    return thousandths + (1 if len(frac) > 3 and int(frac[3]) >= 5 else 0)


# Why podium differs, on purpose (the rows of docs/importing.md).
NO_LAP = (
    "a driver of the entry list who never drove a lap did not start (`dns`); "
    "Simresults calls every car that did not finish `dnf`"
)
NO_CAR_ID = (
    "an ACC leaderboard line without `carId` is still the car's place in the "
    "classification (only its laps and penalties cannot be linked); Simresults drops it"
)
NO_LEADERBOARD = (
    "an ACC file without `sessionResult.leaderBoardLines` has no classification: "
    "podium refuses it, naming the field; Simresults reads an empty session"
)
LEFT_EARLY = (
    "qualifying is ordered by best lap for every car, including one that left "
    "before the results were written (patrok1207³, best 1:28.994 from the lap "
    "events, 10th); Simresults places such a car after those with a results row"
)
NAME = (
    "podium keeps a session's name as the file writes it (`RACE`, `Q`, `race1`); "
    "Simresults leaves it empty where it only repeats the session type"
)
NUMBER = (
    "podium keeps a race number as printed, leading zeros included (`01` and `1` are "
    "different liveries); Simresults reads it as an integer"
)
NOT_RACE = (
    "podium records a finishing status for races only; Simresults marks a qualifying "
    "or practice participant finished"
)
FIFTY = (
    "podium applies no distance rule when reading: a car with laps is classified and "
    "the season's `eligibility.min_distance` decides whether it scores; Simresults gives "
    "no status to a car under 50% of the leader's laps"
)
TRACK = (
    "podium's track is one name for the layout raced (Assetto Corsa `track-config`, "
    "rFactor's `TrackEvent`), which pairs a qualifying file with its race; Simresults "
    "keeps venue and course apart"
)
FILE_LAP = (
    "podium keeps each lap as the file records it: ACC's first lap includes the time "
    "before the start (the timer runs from joining or pressing Drive), which Simresults "
    "replaces by an estimate from later laps; podium's elapsed times and positions "
    "at the line follow from the file's times"
)
INVALID = (
    "podium keeps an invalid lap's time and sectors as the file records them and marks "
    "the lap invalid (`valid` false); Simresults blanks them"
)
WARNINGS = (
    "podium leaves out ACC penalty entries whose penalty is `None` or "
    "`RemoveBestLaptime` (warnings that change no result); Simresults lists them"
)
PENALTY_TEXT = (
    "podium's penalty reason is the file's line followed by where it is in the "
    "stream (`(et 1001.6)`), so a steward can find it"
)
LAP_KEPT = (
    "podium keeps every lap the file lists; one without a usable time (rFactor's "
    "`--.----`, RaceRoom's -1000) is a lap without time, invalid, still covered "
    "distance (ImportedLap); Simresults drops it"
)
AC_DRIVERS = (
    "an Assetto Corsa server car slot passes from driver to driver: podium makes each "
    "driver a car with his own laps (everyone in `Result` and everyone who drove a lap), "
    "those who took the flag first; Simresults gives a `Result` row the slot's laps"
)
AC_TIMESTAMP = (
    "podium's time at the line is the lap's `Timestamp` counted from the session's first "
    "lap start (the start is not the same instant for every car); Simresults adds up "
    "each car's lap times from 0"
)
PCARS_STATES = (
    "without a results row podium takes a Project CARS race status from the stage's "
    "state events (Finished, Retired, Disqualified); Simresults gives no status to "
    "every car when the results are missing"
)
PCARS_CONNECTIONS = (
    "podium makes one car of a driver's several connections to one stage (the one with "
    "the best lap, noted); Simresults keeps one participant per connection"
)
DSQ_LAST = (
    "podium orders a race by finishing status (classified, nc, dnf, dns, then dsq), "
    "then laps and time (podium.readers.order); Simresults keeps a disqualified car "
    "where the file prints it"
)
ACC_CARS = (
    "podium names ACC car models from its own table (readers/acc.py, Kunos' spelling "
    "`Mercedes-AMG GT3`); Simresults' table spells them differently"
)
NO_LAPS = (
    "podium's `lap_data` holds only the laps the file records; an iRacing results file "
    "has none (each driver's best lap is `best_lap_ms`); Simresults makes one lap per "
    "completed lap, timed only where the file gives the best lap"
)
IRACING_TEAM = (
    "iRacing's `club_name` is the driver's regional club (`UK and I`), not a team: "
    "podium leaves the team empty; Simresults uses the club"
)
IRACING_CAR = (
    "an iRacing results file names the car class, not the car: podium's car is the "
    "row's `car_name`, else its `car_id` (`88`), and the class is the class's "
    "`short_name` (a code, like `GT3`); Simresults names the car by the class's short "
    "name and the class by its long name"
)
IRACING_TIME = (
    "an iRacing results file gives no race time: podium leaves it unknown; Simresults "
    "sums the lap times it knows (here only the best lap)"
)
PCARS_IDS = (
    "podium does not ship the games' vehicle and track tables: a Project CARS / AMS2 "
    "car, class (`pcars-<id>`) and track are the file's ids, mapped to names in "
    "import.toml; Simresults ships three tables"
)


# ---------------------------------------------------------------- rFactor 2
R2 = "Rfactor2ReaderTest.php"
# 178 assertion statements. Not ported, 86: session date, time zone, max
# laps and minutes, mod, allowed vehicles, setup, other settings (9); game
# (2), server (3), track course and length (2); grid and class grid
# positions, vehicle type (3); lap aids and participant identity (2); pit
# stop counts (5); chat (3, 1); invalid data (1); time zones (6); bad laps
# (1); tyre compounds (16), fuel (7), tyre wear (8); human drivers (5, 3);
# penalty time, elapsed time, type and served (6); pit stop count on swaps
# (1); game from the mod (2).

facts(
    R2,
    "testReadingSession",
    "rfactor2/race.xml",
    ("type", "race"),
    ("name", None, Differs("Race", NAME)),
    ("max(cars[*].laps)", 10),
)
facts(
    R2,
    "testReadingSessionTrack",
    "rfactor2/race.xml",
    ("track", "Sebring [Virtua_LM]", Differs("12h Course", TRACK)),
)
# (team, car, class, number, position, class position, status, reason) in
# Simresults' order; numbers as the file prints them (<CarNumber>).
_R2_RACE = [
    ("jl lafosse", "Lola T280 JL Lafosse", "31", "31", "classified"),
    ("Ecurie Bonnier", "Lola T280 le mans 1972", "1", "01", "classified"),
    ("Ecurie Bonnier", "Lola T280 1000 Kms Paris", "1", "01", "classified"),
    ("Noritake Takahara", "Lola T280 Fudji 1972", "1", "01", "classified"),
    ("scuderia filipinetti", "Lola T280 Tanaka 1972", "31", "31", "classified"),
]
for _i, (_team, _car, _number, _printed, _status) in enumerate(_R2_RACE):
    facts(
        R2,
        "testReadingSessionParticipants",
        "rfactor2/race.xml",
        (f"cars[{_i}].team", _team),
        (f"cars[{_i}].position", _i + 1),
        (f"cars[{_i}].class_position", _i + 1),
        (f"cars[{_i}].car", _car),
        (f"cars[{_i}].class", "LolaT280"),
        (
            (f"cars[{_i}].number", _number)
            if _number == _printed
            else (f"cars[{_i}].number", _number, Differs(_printed, NUMBER))
        ),
        (f"cars[{_i}].status", _status),
        (f"cars[{_i}].reason", ""),
    )
facts(
    R2,
    "testReadingLapsOfParticipants",
    "rfactor2/race.xml",
    ("cars[0].lap_data[0].lap", 1),
    ("cars[0].lap_data[0].position", 1),
    ("cars[0].lap_data[0].time_ms", ms("130.7517")),
    ("cars[0].lap_data[0].elapsed_ms", ms("171.4584")),  # 40.7067 + 130.7517
    ("cars[0].lap_data[0].driver", "Malek1th"),
    ("cars[0].lap_data[0].sectors_ms[0]", ms("53.2312")),
    ("cars[0].lap_data[0].sectors_ms[1]", ms("32.2990")),
    ("cars[0].lap_data[0].sectors_ms[2]", ms("45.2215")),
)
facts(
    R2,
    "testCreatingNewRfactor2ReaderWithNoSession",
    "rfactor2/nosession.xml",
    ("refused", True),
    session=0,
)
facts(R2, "testReadingSessionType", "rfactor2/qualify.xml", ("type", "qualifying"))
facts(R2, "testReadingSessionType", "rfactor2/practice.xml", ("type", "practice"))
facts(R2, "testReadingSessionType", "rfactor2/practice_changed_as_warmup.xml", ("type", "practice"))
facts(
    R2,
    "testReadingUncompletedLap",
    "rfactor2/qualify.xml",
    ("cars[0].lap_data[0].time_ms", None),
)
facts(
    R2,
    "testReadingPitLaps",
    "rfactor2/practice_with_compound_info.xml",
    ("cars[2].lap_data[7].pit_in", False),
    ("cars[2].lap_data[8].pit_in", True),
    ("cars[2].lap_data[9].pit_in", False),
)
# Simresults' participants 0, 1, 3, 4 are the file's positions 1, 2, 4, 5.
facts(
    R2,
    "testReadingParticipantFinishStatus",
    "rfactor2/race_changed_finish_states.xml",
    ("cars[drivers=Malek1th].status", "classified"),
    ("cars[drivers=Jo Bonnier].status", "dsq"),
    ("cars[drivers=Tig_green].status", "dnf"),
    ("cars[drivers=Tig_green].reason", "Engine"),
    ("cars[drivers=mauserrifle].status", "dnf"),
    ("cars[drivers=mauserrifle].reason", "Accident"),
)
facts(
    R2,
    "testReadingParticipantFinishStatus",
    "rfactor2/practice.xml",
    ("cars[0].status", None),
)
for _file, _test, _names in [
    (
        "rfactor2/race_with_corrupted_positions_added_DQ_driver.xml",
        "testReadingCorruptedRacePositions",
        ["mauserrifle", "Leonardo Saponti", "Tig_green", "Malek1th"],
    ),
    (
        "rfactor2/race_with_corrupted_positions_changed_as_qualify.xml",
        "testReadingCorruptedQualifyPositions",
        ["Tig_green", "Leonardo Saponti", "mauserrifle", "Malek1th"],
    ),
    (
        "rfactor2/qualify_with_corrupted_positions.xml",
        "testReadingCorruptedQualifyPositions",
        ["Capeta", "lemming77", "Coutie", "CoNa"],
    ),
    (
        "rfactor2/race_with_corrupted_positions_changed_as_qualify_and_removed_best_lap_for_position_2_driver.xml",
        "testReadingCorruptedQualifyPositionsWithRemovedLaps",
        ["Tig_green", "mauserrifle", "Malek1th", "Leonardo Saponti"],
    ),
]:
    for _i, _name in enumerate(_names):
        facts(
            R2,
            _test,
            _file,
            (f"cars[{_i}].drivers[0]", _name),
            (f"cars[{_i}].position", _i + 1),
        )
# Simresults' participants 6 and 7 (cookie, sergec: every lap '--.----',
# p=105) lose all their laps; participant 2 (Tig_green) keeps 11 laps, laps
# 2 and 6 without data.
facts(
    R2,
    "testReadingCorruptedLapPositions",
    "rfactor2/race_with_corrupted_lap_positions.xml",
    ("len(cars[drivers=cookie].lap_data)", 0, Differs(8, LAP_KEPT)),
    ("len(cars[drivers=sergec].lap_data)", 0, Differs(5, LAP_KEPT)),
    ("len(cars[drivers=Tig_green].lap_data)", 11),
    ("cars[drivers=Tig_green].lap_data[1].position", None),
    ("cars[drivers=Tig_green].lap_data[1].time_ms", None),
    ("cars[drivers=Tig_green].lap_data[1].elapsed_ms", None),
    ("cars[drivers=Tig_green].lap_data[5].position", None),
    ("cars[drivers=Tig_green].lap_data[5].time_ms", None),
    ("cars[drivers=Tig_green].lap_data[5].elapsed_ms", None),
)
facts(
    R2,
    "testReadingCorruptedLapPositions2",
    "rfactor2/race_with_corrupted_lap_positions2.xml",
    ("distinct(cars[0].lap_data[*].position)", [1]),
)
# Penalty 0 is given to Simresults' participants[2], mauserrifle, #01.
facts(
    R2,
    "testReadingSessionPenalties",
    "rfactor2/race_with_penalties.xml",
    (
        "penalties[0].reason",
        "mauserrifle received Stop/Go penalty, 10s, 0laps. Result: penalties=1, 1st=Stop/Go,10s",
        Differs(
            "mauserrifle received Stop/Go penalty, 10s, 0laps. Result: penalties=1, "
            "1st=Stop/Go,10s (et 1001.6)",
            PENALTY_TEXT,
        ),
    ),
    ("penalties[0].car", "01"),
)
facts(
    R2,
    "testReadingSessionWithDriverSwaps",
    "rfactor2/race_changed_with_swaps.xml",
    ("len(cars[0].drivers)", 3),
    ("cars[0].drivers[0]", "Paul Schuman"),
    ("cars[0].drivers[1]", "Malek1th"),
    ("cars[0].drivers[2]", "Nick Woodbury"),
    *[
        (f"cars[0].lap_data[{_lap - 1}].driver", _name)
        for _lap, _name in [
            (1, "Paul Schuman"),
            (2, "Paul Schuman"),
            (3, "Paul Schuman"),
            (4, "Malek1th"),
            (5, "Malek1th"),
            (6, "Nick Woodbury"),
            (7, "Nick Woodbury"),
            (8, "Nick Woodbury"),
            (9, "Malek1th"),
            (10, "Malek1th"),
        ]
    ],
    ("len(cars[1].drivers)", 1),
    ("cars[1].drivers[0]", "Jo Bonnier"),
)
facts(
    R2,
    "testReadingFileWithInvalidCharacters",
    "rfactor2/qualify_with_invalid_chars.xml",
    ("refused", False),
    session=0,
)
facts(
    R2,
    "testReadingFileWithUnescapedAmpCharacters",
    "rfactor2/race_with_amp_chars_in_vehicle.xml",
    ("refused", False),
    session=0,
)
facts(
    R2,
    "testReadingResultFileForMultipleQualifySessions",
    "rfactor2/multiple.qualy.xml",
    ("type", "qualifying"),
)
facts(
    R2,
    "testReadingResultFileForMultipleRaceSessions",
    "automobilista/multiple_race.xml",
    ("type", "race"),
)
facts(R2, "testReadingTestDay", "automobilista/test.day.xml", ("type", "practice"))


# ---------------------------------------------------------------- rFactor 1
R1 = "RfactorReaderTest.php"
# 16 assertion statements. Not ported, 15: incidents (7), too many incidents
# (3, built in memory), game (2), pit time (1), incidents for review (2).

facts(
    R1,
    "testReadingWithoutErrorsOnSafetyCarIncidents",
    "automobilista/race.with.safety.car.incidents.xml",
    ("refused", False),
    session=0,
)
facts(
    R1,
    "testReadingPitTimes",
    "rfactor1/race.xml",
    ("cars[drivers=Will Munney].lap_data[12].pit_in", True),
)


# ------------------------------------------------------ Assetto Corsa offline
AC = "AssettoCorsaReaderTest.php"
# 54 assertion statements. Not ported, 15: max laps and minutes (2), server
# (1, 1), game (1), grid position (1), lap participant (1), invalid data (1),
# drift points (1), tyre compounds (2), cuts (4).

facts(
    AC,
    "testReadingSession",
    "assettocorsa/offline_quick_race_session.json",
    ("type", "race"),
    ("name", "Quick Race"),
    ("max(cars[*].laps)", 5),
)
facts(
    AC,
    "testReadingSessionTrack",
    "assettocorsa/offline_quick_race_session.json",
    ("track", "silverstone"),
)
facts(
    AC,
    "testReadingSessionParticipants",
    "assettocorsa/offline_quick_race_session.json",
    ("cars[0].drivers[0]", "Alex Cardinali"),
    ("cars[0].car", "mclaren_mp412c"),
    ("cars[0].position", 1),
    ("cars[0].status", "classified"),
    ("cars[11].drivers[0]", "Hugh Lemont"),
    ("cars[11].car", "lotus_exige_scura"),
    ("cars[11].position", 12),
    ("cars[11].status", "classified"),
)
facts(
    AC,
    "testReadingLapsOfParticipants",
    "assettocorsa/offline_quick_race_session.json",
    ("len(cars[0].lap_data)", 5),
    ("cars[0].lap_data[0].lap", 1),
    ("cars[0].lap_data[0].position", 1),
    ("cars[0].lap_data[0].time_ms", ms("173.883")),
    ("cars[0].lap_data[0].elapsed_ms", ms("173.883")),  # 0 + 173.883
    ("cars[0].lap_data[0].driver", "Alex Cardinali"),
    ("cars[0].lap_data[0].sectors_ms[0]", ms("69.147")),
    ("cars[0].lap_data[0].sectors_ms[1]", ms("64.934")),
    ("cars[0].lap_data[0].sectors_ms[2]", ms("39.802")),
    ("cars[0].lap_data[1].lap", 2),
    ("cars[0].lap_data[1].position", 1),
    ("cars[0].lap_data[1].time_ms", ms("142.660")),
    ("cars[0].lap_data[1].elapsed_ms", ms("316.543")),  # 173.883 + 142.660
    ("cars[3].lap_data[0].position", 6),
    ("cars[3].lap_data[1].position", 6),
)
facts(
    AC,
    "testCreatingNewAssettoCorsaReaderWithNoSessions",
    "assettocorsa/nosessions.json",
    ("refused", True),
    session=0,
)
facts(
    AC,
    "testReadingAlternativeSessionTypeNames",
    "assettocorsa/qualify.and.race.json",
    ("type", "qualifying"),
    ("name", None, Differs("Qualify", NAME)),
)
facts(
    AC,
    "testReadingAlternativeSessionTypeNames",
    "assettocorsa/qualify.and.race.json",
    ("type", "race"),
    ("name", None, Differs("Race", NAME)),
    session=2,
)
facts(
    AC,
    "testReadingQualifyPositions",
    "assettocorsa/qualify.and.race.json",
    ("cars[0].drivers[0]", "Petr Dolezal"),
    ("cars[-1].drivers[0]", "Tomas Ledenyi"),
)
facts(
    AC,
    "testNoExceptionOnBadRaceResultDriverIndex",
    "assettocorsa/qualify.and.race.modified.with.-1.result.position.json",
    ("refused", False),
    session=0,
)
# Lap 6 is '"time": -1' with sectors in the file.
facts(
    AC,
    "testIgnoringMinusOneLapTimes",
    "assettocorsa/3.sessions.with.-1.times.json",
    ("cars[0].drivers[0]", "Andrea G"),
    ("cars[0].best_lap_ms", ms("72.665")),
    ("len(cars[0].lap_data)", 8),
    ("cars[0].lap_data[lap=6].time_ms", None),
    ("len(cars[0].lap_data[lap=6].sectors_ms)", 0),
    session=2,
)


# -------------------------------------------------- Assetto Corsa server JSON
ACS = "AssettoCorsaServerJsonReaderTest.php"
# 64 assertion statements. Not ported, 27: max laps and minutes (2); server
# (1, 1), game (1), track course (1); ballast, restrictor, skin (5); lap
# participant (1); incidents (8); invalid data (1); tyre compounds (2); cuts
# (4).

facts(
    ACS,
    "testReadingSession",
    "assettocorsa-server-json/2015_10_17_9_49_RACE.json",
    ("type", "race"),
    ("name", None, Differs("RACE", NAME)),
    ("max(cars[*].laps)", 10),
)
facts(
    ACS,
    "testReadingSessionTrack",
    "assettocorsa-server-json/2015_10_17_9_49_RACE.json",
    ("track", "monza", Differs("monza-full course", TRACK)),
)
facts(
    ACS,
    "testReadingSessionParticipants",
    "assettocorsa-server-json/2015_10_17_9_49_RACE.json",
    ("cars[0].drivers[0]", "Andrea Sorlini"),
    ("cars[0].car", "lotus_exos_125"),
    ("cars[0].team", "TEST TEAM"),
    ("cars[0].driver_ids[Andrea Sorlini]", "steam:76561198213775428"),
    ("cars[0].position", 1),
    ("cars[0].status", "classified"),
    ("cars[0].time_ms", ms("1003.035")),
    ("cars[-1].car", "lotus_exos_125"),
    ("cars[-1].status", "dnf", Differs("dns", NO_LAP)),
    ("cars[-1].time_ms", None),
    ("cars[drivers=PPolaina].status", None, Differs("classified", FIFTY)),
    ("cars[10].drivers[0]", "PPolaina", Differs("Sam Jones", AC_DRIVERS)),
)
facts(
    ACS,
    "testReadingLapsOfParticipants",
    "assettocorsa-server-json/2015_10_17_9_49_RACE.json",
    ("len(cars[0].lap_data)", 10),
    ("cars[0].lap_data[0].lap", 1),
    ("cars[0].lap_data[0].position", 1),
    ("cars[0].lap_data[0].time_ms", ms("104.357")),
    ("cars[0].lap_data[0].elapsed_ms", ms("104.357"), Differs(104418, AC_TIMESTAMP)),
    ("cars[0].lap_data[0].driver", "Andrea Sorlini"),
    ("cars[0].lap_data[0].sectors_ms[0]", ms("38.437")),
    ("cars[0].lap_data[0].sectors_ms[1]", ms("34.564")),
    ("cars[0].lap_data[0].sectors_ms[2]", ms("31.356")),
    ("cars[0].lap_data[1].lap", 2),
    ("cars[0].lap_data[1].position", 1),
    ("cars[0].lap_data[1].time_ms", ms("100.735")),
    # 104.357 + 100.735
    ("cars[0].lap_data[1].elapsed_ms", ms("205.092"), Differs(205149, AC_TIMESTAMP)),
    ("cars[3].lap_data[0].position", 5),
    ("cars[3].lap_data[1].position", 7),
)
facts(
    ACS,
    "testQualifySession",
    "assettocorsa-server-json/2015_10_17_9_30_QUALIFY.json",
    ("type", "qualifying"),
    ("name", None, Differs("QUALIFY", NAME)),
    ("cars[0].drivers[0]", "Timo Haapala"),
    ("cars[7].drivers[0]", "blackbird0011"),
)
facts(
    ACS,
    "testReadingNullEventsWithoutExceptions",
    "assettocorsa-server-json/race.changed.with.null.events.json",
    ("refused", False),
    session=0,
)
facts(
    ACS,
    "testFilteringEmptyDriverName",
    "assettocorsa-server-json/tyre.info.json",
    ("len(cars)", 6),
)
facts(
    ACS,
    "testIgnoringDuplicateResultInfo",
    "assettocorsa-server-json/duplicate.result.info.for.miguel.json",
    ("cars[4].status", "classified"),
)
facts(
    ACS,
    "testFixingBallastExceptions",
    "assettocorsa-server-json/no.ballastkg.json",
    ("refused", False),
    session=0,
)


# ----------------------------------------------- Assetto Corsa Competizione
ACC = "AssettoCorsaCompetizioneReaderTest.php"
# 93 assertion statements. Not ported, 25: other settings (1, 1); server
# (1), game (1); cups (3); lap participant (1); invalid data (1); penalty
# messages, served and driver (4, 4: podium holds no such penalties, ported
# as their count); cuts (4, 4).

facts(
    ACC,
    "testReadingSession",
    "assettocorsa-competizione/191003_235558_R.json",
    ("type", "race"),
    ("max(cars[*].laps)", 23),
)
facts(
    ACC,
    "testReadingSessionTrack",
    "assettocorsa-competizione/191003_235558_R.json",
    ("track", "brands_hatch"),
)
facts(
    ACC,
    "testReadingSessionParticipants",
    "assettocorsa-competizione/191003_235558_R.json",
    ("cars[0].drivers[0]", "Andrea Mel"),
    ("cars[0].car", "Mercedes AMG GT3", Differs("Mercedes-AMG GT3", ACC_CARS)),
    ("cars[0].driver_ids[Andrea Mel]", "acc:123"),
    ("cars[0].number", "82"),
    ("cars[0].class", "GT3"),
    ("cars[0].team", ""),
    ("cars[0].position", 1),
    ("cars[0].class_position", 1),
    ("cars[0].status", "classified"),
    ("cars[0].time_ms", ms("2329.129")),
    ("cars[1].position", 2),
    ("cars[1].class_position", 2),
    ("cars[1].class", "GT3"),
    ("cars[2].position", 3),
    ("cars[2].class_position", 3),
    ("cars[2].class", "GT3"),
    ("cars[2].drivers[0]", "Federico Siv"),
    ("cars[2].team", "TEAMname"),
)
# The file's first laps: #82 354.586 (281.629, 27.762, 45.195), #107 595.176,
# #17 642.312; second laps 336.123, 340.275, 340.032.
facts(
    ACC,
    "testReadingLapsOfParticipants",
    "assettocorsa-competizione/191003_235558_R.json",
    ("len(cars[0].lap_data)", 23),
    ("cars[0].lap_data[0].lap", 1),
    ("cars[0].lap_data[0].position", 2, Differs(1, FILE_LAP)),
    ("cars[0].lap_data[0].time_ms", ms("124.7316"), Differs(354586, FILE_LAP)),
    ("cars[0].lap_data[0].elapsed_ms", ms("124.7316"), Differs(354586, FILE_LAP)),
    ("cars[0].lap_data[0].driver", "Andrea Mel"),
    ("cars[0].lap_data[0].sectors_ms[0]", ms("51.7746"), Differs(281629, FILE_LAP)),
    ("cars[0].lap_data[0].sectors_ms[1]", ms("27.762")),
    ("cars[0].lap_data[0].sectors_ms[2]", ms("45.195")),
    ("cars[0].lap_data[1].lap", 2),
    ("cars[0].lap_data[1].position", 1),
    ("cars[0].lap_data[1].time_ms", ms("336.123")),
    # 124.7316 + 336.123; the file's 354.586 + 336.123
    ("cars[0].lap_data[1].elapsed_ms", ms("460.8546"), Differs(690709, FILE_LAP)),
    ("cars[2].lap_data[0].position", 3),
    ("cars[2].lap_data[1].position", 2, Differs(3, FILE_LAP)),
)
facts(
    ACC,
    "testFixingProperPositions",
    "assettocorsa-competizione/race.to.fix.positions.json",
    ("cars[5].drivers[0]", "Kevin"),
)
facts(
    ACC,
    "testDriverSwapping",
    "assettocorsa-competizione/race.modified.with.swaps.json",
    ("cars[0].lap_data[0].driver", "Second Driver"),
    ("cars[0].lap_data[1].driver", "Andrea Mel"),
)
facts(
    ACC,
    "testQualifySession",
    "assettocorsa-competizione/191003_225901_Q.json",
    ("type", "qualifying"),
    ("name", None, Differs("Q", NAME)),
    ("cars[0].drivers[0]", "Federico Siv"),
    ("cars[2].drivers[0]", "Andrea Mel"),
)
facts(
    ACC,
    "testNumericSessions",
    "assettocorsa-competizione/numeric.session.type.json",
    ("type", "qualifying"),
)
facts(
    ACC,
    "testPracticeSession",
    "assettocorsa-competizione/191003_224358_FP.json",
    ("type", "practice"),
    ("name", None, Differs("FP", NAME)),
    ("cars[0].drivers[0]", "Federico Siv"),
    ("cars[2].drivers[0]", "Andrea Mel"),
)
# Federico Siv's laps (index: time, sectors) as the file has them; 2 and 12
# (laps 3 and 13) are valid for best in the file but carry a
# RemoveBestLaptime penalty, which Simresults applies to the lap.
_ACC_INVALID = {
    0: (364006, [305551, 22467, 35988]),
    2: (84807, [27639, 21909, 35259]),
    3: (200487, [142818, 22116, 35553]),
    6: (548313, [491085, 22029, 35199]),
    10: (774522, [716037, 22608, 35877]),
    12: (84501, [27420, 21789, 35292]),
    13: (267270, [209370, 22101, 35799]),
    14: (247629, [190266, 21921, 35442]),
}
facts(
    ACC, "testInvalidLaps", "assettocorsa-competizione/191003_224358_FP.json", ("type", "practice")
)
for _k, (_time, _sectors) in _ACC_INVALID.items():
    facts(
        ACC,
        "testInvalidLaps",
        "assettocorsa-competizione/191003_224358_FP.json",
        (f"cars[0].lap_data[{_k}].time_ms", None, Differs(_time, INVALID)),
        (f"cars[0].lap_data[{_k}].sectors_ms", [], Differs(_sectors, INVALID)),
        (f"cars[0].lap_data[{_k}].valid", False),
    )
# Simresults lists the file's 4 penalty entries (penalties[0] .. [3]).
facts(
    ACC,
    "testPenalties",
    "assettocorsa-competizione/191003_224358_FP.json",
    ("type", "practice"),
    ("len(penalties)", 4, Differs(0, WARNINGS)),
)
facts(
    ACC,
    "testPenaltiesWithNoPenalty",
    "assettocorsa-competizione/cuts.with.no.penalty.json",
    ("len(penalties)", 4, Differs(0, WARNINGS)),
)
facts(
    ACC,
    "testNoExceptionOnMissingCarIdInCars",
    "assettocorsa-competizione/race.with.missing.carId.attribute.json",
    ("cars[0].drivers[0]", "Alberto For", Differs("Andrea Mel", NO_CAR_ID)),
)
facts(
    ACC,
    "testNoExceptionOnMissingDriverIdUsedInLaps",
    "assettocorsa-competizione/laps.with.unknown.carid.json",
    ("cars[0].drivers[0]", "Alberto For"),
)
for _test, _file in [
    ("testNoExceptionOnMissingLaps", "no.laps.json"),
    ("testNoExceptionOnMissingTeamName", "race.with.missing.driver.teamName.attribute.json"),
]:
    facts(ACC, _test, f"assettocorsa-competizione/{_file}", ("refused", False), session=0)
facts(
    ACC,
    "testNoExceptionOnMissingLeaderBoardLines",
    "assettocorsa-competizione/race.without.leaderBoardLines,attribute.json",
    ("refused", False, Differs(True, NO_LEADERBOARD)),
    session=0,
)
facts(
    ACC,
    "testNoExceptionAndNameUnknownOnMissingCarModel",
    "assettocorsa-competizione/race.with.missing.carModel.attribute.json",
    ("cars[0].car", "Unknown"),
)
facts(
    ACC,
    "testClientRaceLog",
    "assettocorsa-competizione-client/race.json",
    ("type", "race"),
    ("cars[0].drivers[0]", "Rob R"),
    ("cars[0].laps", 23),
    ("track", ""),  # Simresults: 'Unknown'
)
facts(
    ACC,
    "testGtVehicleClassesWhenGt4IsDetected",
    "assettocorsa-competizione/race.modified.with.gt4.json",
    ("cars[0].position", 1),
    ("cars[0].class_position", 1),
    ("cars[0].class", "GT4"),
    ("cars[1].position", 2),
    ("cars[1].class_position", 1),
    ("cars[1].class", "GT3"),
    ("cars[2].position", 3),
    ("cars[2].class_position", 2),
    ("cars[2].class", "GT3"),
)


# ------------------------------------------------------------------ iRacing
IR = "IracingReaderTest.php"
# 39 assertion statements (3 more are commented out). Not ported, 18:
# session dates (2); server (1), game (1); grid position (1); the laps
# Simresults makes up (lap number, position, time, elapsed time,
# participant, driver, sectors of laps 1 and 4: 13; lap 4's time is the best
# lap, ported; their count is ported as a difference).

facts(
    IR,
    "testReadingMultipleSessions",
    "iracing/iracing-result-36788868.json",
    ("len(sessions)", 3),
    ("sessions[2].type", "race"),
    ("sessions[2].name", "Race"),
    ("sessions[1].type", "qualifying"),
    ("sessions[1].name", "Open Qualifying"),
    ("sessions[0].type", "practice"),
    ("sessions[0].name", "Open Practice"),
    session=0,
)
facts(
    IR,
    "testReadingSessionTrack",
    "iracing/iracing-result-36788868.json",
    ("track", "Mount Panorama Circuit"),
)
facts(
    IR,
    "testReadingSessionParticipants",
    "iracing/iracing-result-36788868.json",
    ("len(cars)", 17),
    ("cars[0].drivers[0]", "Dave N"),
    ("cars[0].car", "Porsche 911", Differs("88", IRACING_CAR)),
    ("cars[0].driver_ids[Dave N]", "iracing:357237"),
    ("cars[0].number", "8"),
    ("cars[0].class", "Porsche 911 GT3 Cup", Differs("Porsche 911", IRACING_CAR)),
    ("cars[0].team", "UK and I", Differs("", IRACING_TEAM)),
    ("cars[0].position", 1),
    ("cars[0].class_position", 1),
    ("cars[0].status", "classified"),
    ("cars[0].time_ms", ms("129.6209"), Differs(None, IRACING_TIME)),
    session="race#1",
)
facts(
    IR,
    "testReadingLapsOfParticipants",
    "iracing/iracing-result-36788868.json",
    ("len(cars[0].lap_data)", 5, Differs(0, NO_LAPS)),
    ("cars[0].best_lap_ms", ms("129.6209")),  # Simresults' lap 4, the best lap
    session="race#1",
)


# ---------------------------------------------------------- RaceRoom server
R3 = "RaceRoomReaderTest.php"
# 63 assertion statements. Not ported, 18: session dates and time zones (4);
# server (1), game (1); settings (1); incidents (6, 3, 2). Simresults' lap 1
# made from the best lap is ported as the best lap.

facts(
    R3,
    "testReadingMultipleSessions",
    "raceroom-server/qualify.and.race.json",
    ("len(sessions)", 2),
    ("sessions[0].type", "qualifying"),
    ("sessions[1].type", "race"),
    ("sessions[1].name", None, Differs("Race", NAME)),
    session=0,
)
facts(
    R3,
    "testReadingSessionTrack",
    "raceroom-server/qualify.and.race.json",
    ("track", "Portimao Circuit"),
)
# Simresults: tak kos (DQ, 6 laps) third, Akihiro Nakao (DNF, 2 laps) last.
facts(
    R3,
    "testReadingSessionParticipantsAndLaps",
    "raceroom-server/qualify.and.race.json",
    ("cars[0].drivers[0]", "chin matsuo"),
    ("cars[0].car", "Ford GT GT1"),
    ("cars[0].position", 1),
    ("cars[0].time_ms", ms("1216.072")),
    ("cars[0].status", "classified"),
    ("cars[0].lap_data[lap=1].time_ms", ms("115.0910")),
    ("cars[0].lap_data[lap=5].time_ms", ms("100.417")),
    ("cars[drivers=tak kos].status", "dsq"),
    ("cars[-1].drivers[0]", "Akihiro Nakao", Differs("tak kos", DSQ_LAST)),
    ("cars[drivers=Akihiro Nakao].car", "Saleen S7R"),
    ("cars[drivers=Akihiro Nakao].position", 4, Differs(3, DSQ_LAST)),
    ("cars[drivers=Akihiro Nakao].status", "dnf"),
    session=2,
)
# The file has no laps: Simresults makes lap 1 from the best lap.
facts(
    R3,
    "testLogWithoutLapsAndUnknownUsernames",
    "raceroom-server/no.laps.json",
    ("cars[0].drivers[0]", "YHKIM"),
    ("cars[0].car", "DTM Mercedes AMG C-Coupé"),
    ("cars[0].position", 1),
    ("cars[0].status", "classified", Differs(None, NOT_RACE)),
    ("cars[0].best_lap_ms", ms("80.1380")),
    ("cars[5].drivers", []),  # Simresults: 'unknown'
    ("cars[6].drivers[0]", "junkim"),
    ("cars[7].drivers[0]", "DunkinCupF"),
    ("cars[-1].drivers[0]", "BigShot"),
    ("cars[-1].car", "BMW M3 DTM"),
    ("cars[-1].position", 15),
    ("cars[-1].lap_data[lap=1]", None),
)
facts(
    R3,
    "testBestQualifyLapOnMissingLapsData",
    "raceroom-server/only.bestlap.for.qualy.json",
    ("notnull(cars[0].best_lap_ms)", True),
    session=2,
)
facts(
    R3,
    "testPitLapsAndSkippingNegativeLapTimes",
    "raceroom-server/pit.lap.and.negative.lap.json",
    ("cars[15].lap_data[lap=3].pit_in", True),
    ("notnull(cars[15].lap_data[lap=4])", False, Differs(True, LAP_KEPT)),  # "Time": -1000
    session=2,
)
facts(
    R3,
    "testRace2Session",
    "raceroom-server/log.with.race2.json",
    ("type", "race"),
    ("name", "Race2"),
    session=3,
)
facts(
    R3,
    "testFinishStatusNone",
    "raceroom-server/finish.status.none.json",
    ("cars[0].status", "classified", Differs(None, NOT_RACE)),
)
# Bence's best lap is lap 5: SectorTimes [22478, 62595, 97152] (cumulative).
facts(
    R3,
    "testReadingSectors",
    "raceroom-server/race.with.new.incident.indexes.and.sector.times.json",
    ("cars[0].lap_data[lap=5].sectors_ms[0]", ms("22.478")),
    ("cars[0].lap_data[lap=5].sectors_ms[1]", ms("40.117")),
    ("cars[0].lap_data[lap=5].sectors_ms[2]", ms("34.557")),
    session=3,
)
facts(
    R3,
    "testIgnoringInvalidLaps",
    "raceroom-server/qualify.with.invalid.laps.json",
    ("cars[0].drivers[0]", "Bence"),
    ("cars[0].lap_data[lap=1].time_ms", None, Differs(97132, INVALID)),  # "Valid": false
    ("cars[0].lap_data[lap=1].valid", False),
    session=2,
)
facts(
    R3,
    "testIgnoringLastRaceLapWithIncidentsOnDnf",
    "raceroom-server/driver.ken.j.dnf.but.with.all.laps.registered.with.incidents.json",
    ("type", "race"),
    ("cars[7].drivers[0]", "Ken J"),
    ("len(cars[7].lap_data)", 12),
    session=3,
)
facts(
    R3,
    "testIgnoringLastRaceLapWithIncidentsOnDnf",
    "raceroom-server/driver.ken.j.dnf.but.with.all.laps.registered.without.incidents.json",
    ("type", "race"),
    ("len(cars[7].lap_data)", 13),
    session=3,
)


# ----------------------------------- Project CARS 1 / 2, Automobilista 2
PC = "ProjectCarsServerReaderTest.php"
# 108 assertion statements (3 more are commented out). Not ported, 46: per
# session max laps, date, time zone and settings (4); server (1), game (1);
# human drivers and grid position (2); lap participant and cuts (5); cuts
# (7); incidents (9); invalid data (1); human drivers (3); cut times (1, 2,
# 1); PC2 game and human driver (2); AMS2 game (2), vehicle ids against the
# PC tables (1), vehicle names over two empty sessions (1, see below); PC2
# "friendly" vehicle names are ported as the car.
# testLappedDriversBadDataFile (3) is not ported: its file
# (automobilista2/result.with.race.with.lapped.cars.bad.data.json) is not
# among the fixtures copied here. testAutomobilista2Fixes' vehicle
# names loop over Simresults' sessions 1 and 2 of practice.and.race.json,
# which are empty stages: nothing is asserted, nothing ported.
_SMS = "projectcars-server/sms_stats_data.json"
for _n, (_type, _sr_name, _key) in enumerate(
    [
        ("practice", None, "practice1"),
        ("practice", "Practice2", "practice2"),
        ("qualifying", "Qualifying", "qualifying"),
        ("practice", None, "warmup"),
        ("race", None, "race1"),
    ],
    start=1,
):
    facts(
        PC,
        "testReadingMultipleSessions",
        _SMS,
        ("type", _type),
        ("name", _sr_name, Differs(_key, NAME)),
        session=_n,
    )
facts(
    PC,
    "testReadingSessionTrack",
    _SMS,
    ("track", "Mazda Raceway Laguna Seca", Differs("-1612023328", PCARS_IDS)),
)
facts(
    PC,
    "testReadingSessionParticipants",
    _SMS,
    ("len(cars)", 10),
    ("cars[0].drivers[0]", "RouTeaX"),
    ("cars[0].car", "Ford Mustang Cobra TransAm", Differs("-11335215", PCARS_IDS)),
    ("cars[0].class", "Trans-Am", Differs("pcars--11335215", PCARS_IDS)),
    ("cars[0].driver_ids[RouTeaX]", "steam:76561198113826575"),
    ("cars[0].position", 1),
    ("cars[0].status", "classified"),
    ("cars[0].time_ms", ms("581.406")),
    ("cars[8].drivers[0]", "SUCKER"),
    session=5,
)
facts(
    PC,
    "testReadingLapsOfParticipants",
    _SMS,
    ("len(cars[0].lap_data)", 7),
    ("cars[0].lap_data[0].lap", 1),
    ("cars[0].lap_data[0].position", 3),
    ("cars[0].lap_data[0].time_ms", ms("90.030")),
    ("cars[0].lap_data[0].elapsed_ms", ms("90.030")),
    ("cars[0].lap_data[0].driver", "RouTeaX"),
    ("cars[0].lap_data[0].sectors_ms[0]", ms("36.008")),
    ("cars[0].lap_data[0].sectors_ms[1]", ms("22.301")),
    ("cars[0].lap_data[0].sectors_ms[2]", ms("31.7210")),
    ("cars[0].lap_data[1].lap", 2),
    ("cars[0].lap_data[1].position", 3),
    ("cars[0].lap_data[1].time_ms", ms("84.2240")),
    ("cars[0].lap_data[1].elapsed_ms", ms("174.254")),  # 90.030 + 84.224
    ("cars[3].lap_data[0].position", 9),
    ("cars[3].lap_data[2].position", 6),
    session=5,
)
_FINISH = "projectcars-server/race.without.finish.json"
facts(
    PC,
    "testReadingStatussesAndPositionsOfRaceWithoutFinish",
    _FINISH,
    (
        "distinct(cars[*].status)",
        [None],
        Differs(["classified", "dnf", "dsq"], PCARS_STATES),
    ),
    ("cars[0].drivers[0]", "I am Reginald"),
    ("cars[4].drivers[0]", "xCrazydogx"),
    session=5,
)
facts(
    PC,
    "testReadingProperPositionsForNonRace",
    _FINISH,
    ("cars[0].drivers[0]", "ivanmille"),
    ("cars[9].drivers[0]", "Zockerbursche"),
    session=2,
)
facts(
    PC,
    "testReadingProperPositionsForNonRace",
    _FINISH,
    ("cars[0].drivers[0]", "ivanmille"),
    ("cars[13].drivers[0]", "pock1910", Differs("julengarzo", LEFT_EARLY)),
    session=3,
)
_NO_EVENTS = "projectcars-server/stages.without.events.json"
facts(
    PC,
    "testReadingBestLapFromLogWithoutEvents",
    _NO_EVENTS,
    ("cars[0].best_lap_ms", ms("119.417")),
)
# Simresults' session 10 is podium's 7 (stages 4-6, 15 are empty).
facts(PC, "testReadingDNFstates", _NO_EVENTS, ("cars[1].status", "dnf"), session=7)
facts(
    PC,
    "testReadingDNFstates",
    _NO_EVENTS,
    ("cars[-1].drivers[0]", "[CAV] F1_Racer68"),
    ("cars[-1].status", "dnf"),
    session=-1,
)
facts(
    PC,
    "testDataOnUnknownOrBadParticipantIds",
    "projectcars-server/unknown.participant.ids.json",
    ("len(cars)", 17),
)
for _test, _file in [
    ("testDataOnUnknownOrBadParticipantIds2", "projectcars-server/unknown.participant.ids2.json"),
    (
        "testFixUndefinedIndexParticipants",
        "projectcars-server/log.causing.parts.offset.0.error.json",
    ),
    (
        "testReadingLogThatDidNotParseDueBadCommentCleaning",
        "projectcars2-server/not.parsing.due.slashes.in.server.name.json",
    ),
    ("testOldLog", "projectcars-server/old.log.json"),
]:
    facts(PC, _test, _file, ("refused", False), session=0)
facts(
    PC,
    "testReadingLogContainingContentWithForwardSlashes",
    "projectcars-server/forward.slashes.in.content.json",
    ("len(sessions)", 8),
    session=0,
)
_INVALID_LAPS = "projectcars-server/invalid.laps.json"
facts(
    PC,
    "testIgnoringInvalidLapsAndProperFinishes",
    _INVALID_LAPS,
    ("cars[0].drivers[0]", "Markus Walter"),
    ("consecutive(cars[0].lap_data[*].lap)", True),
)
facts(
    PC,
    "testIgnoringInvalidLapsAndProperFinishes",
    _INVALID_LAPS,
    ("cars[0].drivers[0]", "Markus Walter"),
    session=3,
)
_MIXED = "projectcars-server/races.to.test.mixed.races.json"
for _n, _winner in zip(
    [2, 4, 6, 8, 10],
    ["-T2R-Julien", "-T2R-Julien", "-T2R-Julien", "GTS - Ipod [FR]", "GTS - Ipod [FR]"],
    strict=True,
):
    facts(PC, "testNotMixingUpRaces", _MIXED, ("cars[0].drivers[0]", _winner), session=_n)
facts(PC, "testNotMixingUpRaces", _MIXED, ("len(cars)", 6), session=10)
facts(
    PC,
    "testIgnoringEmptyDriverNames",
    "projectcars-server/practice.causing.empty.AI.driver.json",
    ("len(cars)", 13, Differs(7, PCARS_CONNECTIONS)),
)
facts(
    PC,
    "testReadingPitStops",
    _FINISH,
    ("cars[6].lap_data[lap=9].pit_in", False),
    ("cars[6].lap_data[lap=10].pit_in", True),
    ("cars[6].lap_data[lap=11].pit_in", False),
    session=5,
)
# Simresults' session 5 of aborted.race.json is podium's 1 (stages 1-4 are
# empty); Simresults' "Race 4" is the 4th race with drivers.
facts(
    PC,
    "testProjectCars2Fixes",
    "projectcars2-server/aborted.race.json",
    ("cars[0].car", "Ligier JS P2 Nissan (LMP2)", Differs("820529698", PCARS_IDS)),
)
facts(
    PC,
    "testProjectCars2Fixes",
    "projectcars2-server/multiple.races.from.modified.dsms_stats.lua.file.json",
    (
        "cars[0].car",
        "Mitsubishi Lancer Evolution IX FQ360 (Road C1)",
        Differs("-149617068", PCARS_IDS),
    ),
)
facts(
    PC,
    "testProjectCars2Fixes",
    "projectcars2-server/admin.driver.missing.from.results.json",
    ("cars[5].drivers[0]", "Rob Milliken"),
    ("cars[5].car", "Formula Renault 3.5", Differs("1626504761", PCARS_IDS)),
    session="race#4",
)
_AMS2 = "automobilista2/practice.and.race.json"
facts(
    PC,
    "testAutomobilista2Fixes",
    _AMS2,
    ("distinct(sessions[*].track)", ["Imola_GP_2018"], Differs(["731129913"], PCARS_IDS)),
    session=0,
)
# Simresults' sessions with drivers, 9 and 10, are podium's 1 and 2.
for _n in (1, 2):
    facts(
        PC,
        "testFixingMissingSteamIdsFix",
        _AMS2,
        ("cars[0].driver_ids[*]", ["steam:76561198415727989"]),
        session=_n,
    )
facts(
    PC,
    "testFixingMissingSteamIdsFixUsingPlayersArray",
    "automobilista2/missing.steam.ids.json",
    ("cars[0].driver_ids[*]", ["steam:12345678247139514"]),
)
facts(
    PC,
    "testFixingWrongCarNameMatchAutomobilista2",
    "automobilista2/log.for.car.name.mismatch.with.pc2.json",
    ("cars[0].car", "MetalMoro AJR Chevrolet", Differs("1932261404", PCARS_IDS)),
    ("cars[1].car", "Ginetta G58", Differs("1433352906", PCARS_IDS)),
)
facts(
    PC,
    "testFixingConflictingParticipantIds",
    "automobilista2/qualify.with.conflicting.participantids.json",
    ("cars[0].drivers[0]", "Chris C"),
    ("cars[1].drivers[0]", "TechAde"),
)
# Simresults' session 11 is podium's 10 (stage 8 is empty).
facts(
    PC,
    "testNotUsingFinalResultWhenFinishedDriverIsMissing",
    "projectcars2-server/race3.with.missing.driver.in.final.results.json",
    ("type", "race"),
    ("cars[4].drivers[0]", "Stefan S"),
    session=10,
)
