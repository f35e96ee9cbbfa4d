"""Every session of a file, every lap of a car, and the contradictions a file
holds: which sessions an import takes (`--session`), the order podium keeps
where a file's positions contradict its laps and times (`--trust-positions`),
laps from Al Kamel lap files and simulator files, names split from team
suffixes, importer ids kept as aliases."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from podium.errors import InputError
from podium.imports.config import ImportConfig
from podium.imports.plan import plan_import
from podium.imports.sessions import choose
from podium.readers.native import load_season
from podium.readers.registry import parse_bytes, parse_path
from tests.formats.conftest import FIXTURES
from tests.formats.helpers import league, podium

ROOT = FIXTURES.parent.parent
SIM = FIXTURES / "simresults"
RF2_RACE = FIXTURES / "rfactor2/mauserrifle__simresults__rf2_race.xml"
CORRUPT = SIM / "rfactor2/race_with_corrupted_positions_added_DQ_driver.xml"
CORRUPT_QUALI = SIM / "rfactor2/race_with_corrupted_positions_changed_as_qualify.xml"
ACC_RACE = SIM / "assettocorsa-competizione/191003_235558_R.json"
IRACING = FIXTURES / "iracing/mauserrifle__simresults__iracing-result-36788868.json"
SEBRING = ROOT / "data/imsa2023/timing/07-sebring-international-raceway"
SEBRING_LAPS = SEBRING / "202303181010-race-laps.csv"


def two_races(tmp_path: Path) -> Path:
    """An rFactor 2 weekend file with two races: the Race element twice."""
    text = RF2_RACE.read_bytes().decode("utf-8", errors="replace")
    race = re.search(r"<Race>.*?</Race>", text, re.S)
    assert race is not None
    second = race.group(0).replace("<Race>", "<Race2>").replace("</Race>", "</Race2>")
    path = tmp_path / "two_races.xml"
    path.write_text(text.replace(race.group(0), race.group(0) + second), encoding="utf-8")
    return path


# -- which sessions ----------------------------------------------------------


def test_iracing_file_holds_race_qualifying_and_practice() -> None:
    parsed = parse_path(IRACING)
    assert [(s.index, s.kind.value, s.name) for s in parsed.sessions] == [
        (1, "practice", "Open Practice"),
        (2, "qualifying", "Open Qualifying"),
        (3, "race", "Race"),
    ]
    # By default the qualifying (the grid) and the race; never practice.
    chosen = choose(parsed.path, parsed.sessions, [])
    assert [(c.session.index, c.into) for c in chosen] == [(2, "qualifying"), (3, "race")]
    # iRacing's customer ids become the drivers' ids.
    first = parsed.sessions[2].cars[0]
    assert first.driver_ids == ((first.drivers[0], "iracing:357237"),)


def test_session_choice_by_number_name_kind_and_target(tmp_path: Path) -> None:
    parsed = parse_path(two_races(tmp_path))
    sessions = parsed.sessions
    assert [s.name for s in sessions] == ["Race", "Race2"]
    assert [c.into for c in choose("f", sessions, [])] == ["race", "race2"]
    assert [(c.session.name, c.into) for c in choose("f", sessions, ["2=sprint"])] == [
        ("Race2", "sprint")
    ]
    assert [c.session.name for c in choose("f", sessions, ["race2"])] == ["Race2"]
    with pytest.raises(InputError) as refused:
        choose("f", sessions, ["Qualify"])
    assert "has no session 'Qualify'" in str(refused.value)
    assert "1 race (Race), 2 race (Race2)" in str(refused.value)
    with pytest.raises(InputError, match="would both fill the round's race"):
        choose("f", sessions, ["1=race", "2=race"])
    # One race: a name the file does not use is where the race goes.
    one = parse_path(RF2_RACE).sessions
    assert [c.into for c in choose("f", one, ["sprint"])] == ["sprint"]


def test_a_two_race_file_fills_two_sessions_of_one_round(tmp_path: Path) -> None:
    folder = league(tmp_path)
    rules = (folder / "rules.toml").read_text(encoding="utf-8")
    (folder / "rules.toml").write_text(
        rules + '\n[scales.race2]\npoints = [10, 6, 4]\nsession = "race2"\n', encoding="utf-8"
    )
    (folder / "import.toml").write_text('[classes]\nLolaT280 = "GT3"\n', encoding="utf-8")
    args = ("--season", str(folder), "--round", "1", "--create-entries")
    dry = podium("import", str(two_races(tmp_path)), *args)
    assert dry.exit_code == 0, dry.output
    assert "-> round 1 (rfactor" in dry.output and "-> round 1 race2 (rfactor" in dry.output
    assert (
        "two_races.xml: sessions 1 race (Race), 2 race (Race2); "
        "importing 1 into race, 2 into race2 (--session chooses)"
    ) in dry.output
    applied = podium("import", str(two_races(tmp_path)), *args, "--apply")
    assert applied.exit_code == 0, applied.output
    season = load_season(folder)
    assert {ln.session for ln in season.results_of(1)} == {"race", "race2"}
    assert (folder / "laps/r1.csv").is_file() and (folder / "laps/r1-race2.csv").is_file()


# -- contradictions ------------------------------------------------------------


def test_corrupt_race_positions_are_overruled_and_said() -> None:
    """Simresults' testReadingCorruptedRacePositions: Tig_green is printed
    first, 12 laps and 35 s behind mauserrifle; the disqualified car goes last."""
    race = parse_path(CORRUPT).session
    assert [c.drivers[0] for c in race.cars] == [
        "mauserrifle", "Leonardo Saponti", "Tig_green", "Malek1th", "Bad driver",
    ]  # fmt: skip
    said = "\n".join(race.notes)
    assert "#06 Tig_green: printed P1 (12 laps, 22:18.025), P3 by laps and time: placed P3" in said
    assert "class position 3 printed for 2 cars in Megane Trophy" in said


def test_trust_positions_keeps_the_file_order_and_still_says_so() -> None:
    kept = parse_path(CORRUPT, trust_positions=True).session
    assert kept.cars[0].drivers == ("Tig_green",)
    assert any("kept P1 (--trust-positions)" in n for n in kept.notes)
    result = podium("import", str(CORRUPT), "--inspect", "--cars", "--trust-positions")
    assert result.exit_code == 0 and "Tig_green" in result.output.split("\n", 5)[4]


def test_qualifying_is_ordered_by_best_lap() -> None:
    """Simresults' testReadingCorruptedQualifyPositions."""
    quali = parse_path(CORRUPT_QUALI).session
    assert [c.drivers[0] for c in quali.cars][:4] == [
        "Tig_green", "Leonardo Saponti", "mauserrifle", "Malek1th",
    ]  # fmt: skip


def test_official_timing_is_kept_as_printed_even_where_it_looks_wrong() -> None:
    """An Al Kamel classification is the stewards' order: reported, never
    reordered. As published, Sebring has nothing to report; give the winner
    a lap less and it is reported and kept first."""
    text = (SEBRING / "202303181010-race-results.csv").read_text(encoding="utf-8-sig")
    parsed = parse_bytes(text.encode(), "results.csv")
    assert parsed.session.official and not any("printed P" in n for n in parsed.session.notes)
    edited = text.replace("1,31,Classified,322,", "1,31,Classified,321,", 1)
    kept = parse_bytes(edited.encode(), "results.csv").session
    assert kept.cars[0].number == "31"
    assert any(n.startswith("#31 ") and "kept P1 (official timing)" in n for n in kept.notes)


# -- laps ----------------------------------------------------------------------


def test_sebring_lap_file_holds_every_lap_of_every_car() -> None:
    """The 2023 Sebring 12 Hours: 53 cars, 15,196 laps. The winning #31
    Cadillac (Derani, Sims, Aitken) did 322 laps and led at the end."""
    race = parse_path(SEBRING_LAPS).session
    assert len(race.cars) == 53
    assert sum(len(c.lap_data) for c in race.cars) == 15196
    winner = race.cars[0]
    assert (winner.number, winner.laps) == ("31", 322)
    assert set(winner.drivers) == {"Pipo Derani", "Alexander Sims", "Jack Aitken"}
    last = winner.lap_data[-1]
    assert (last.number, last.position, last.time_ms, last.driver) == (
        322, 1, 111262, "Jack Aitken",
    )  # fmt: skip
    assert last.sectors_ms == (10334, 70319, 30609)
    assert last.elapsed_ms == 43253382  # 12:00:53.382
    first = winner.lap_data[0]
    assert first.elapsed_ms == first.time_ms  # lap 1 from the start
    # Pit stops: a lap ending in the pit lane, the next one leaving it.
    stops = [lap.number for lap in winner.lap_data if lap.pit_in]
    assert stops and all(winner.lap_data[n].pit_out for n in stops if n < 322)
    # Positions at the line agree with the elapsed times on every lap.
    by_lap: dict[int, list[tuple[int, int]]] = {}
    for car in race.cars:
        for lap in car.lap_data:
            by_lap.setdefault(lap.number, []).append((lap.elapsed_ms or 0, lap.position or 0))
    for crossings in by_lap.values():
        assert [p for _, p in sorted(crossings)] == list(range(1, len(crossings) + 1))


@pytest.mark.parametrize(
    ("line", "field", "cell", "found"),
    [
        (3, "ELAPSED", "6:00.840", "6:0x.840"),
        (4, "LAP_NUMBER", ",3,", ",-3,"),
    ],
)
def test_a_bad_lap_row_is_named_by_line_and_field(
    line: int, field: str, cell: str, found: str
) -> None:
    lines = SEBRING_LAPS.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace(cell, found, 1)
    with pytest.raises(InputError) as refused:
        parse_bytes("".join(lines).encode(), "laps.csv")
    problem = refused.value.problems[0]
    assert (problem.file, problem.line, problem.field) == ("laps.csv", line, field)


def test_acc_laps_drivers_names_and_ids() -> None:
    """Simresults' ACC tests: 'Federico Siv' with 'TEAMname' after a newline
    in his last name is one person whose team is TEAMname; each lap has its
    driver, time and three sectors; positions come from the lap times."""
    race = parse_path(ACC_RACE).session
    siv = next(c for c in race.cars if "Federico Siv" in c.drivers)
    assert siv.team == "TEAMname"
    mel = race.cars[0]
    assert mel.drivers == ("Andrea Mel",) and mel.driver_ids == (("Andrea Mel", "acc:123"),)
    assert len(mel.lap_data) == 23 and all(len(lap.sectors_ms) == 3 for lap in mel.lap_data)
    assert all(lap.driver == "Andrea Mel" for lap in mel.lap_data)
    assert mel.lap_data[-1].position == 1


def test_laps_go_into_the_plan_under_the_season_entries(tmp_path: Path) -> None:
    season = load_season(league(tmp_path))
    parsed = parse_path(ACC_RACE)
    config = ImportConfig(classes={"GT3": "GT3"})
    plan = plan_import(season, parsed.session, 1, "r.json", config, create_entries=True)
    assert not plan.problems
    keys = {e.key for e in plan.new_entries}
    assert {lap.entry for lap in plan.laps} == keys
    assert len(plan.laps) == sum(len(c.lap_data) for c in parsed.session.cars)
    assert {lap.driver for lap in plan.laps} <= {d.name for d in plan.new_drivers}


def test_an_importer_id_joins_a_renamed_driver(tmp_path: Path) -> None:
    """The same Steam id under a new name is the same driver: the id was
    kept as an alias when the driver was created."""
    folder = league(tmp_path)
    with (folder / "season.toml").open("a", encoding="utf-8") as toml:
        toml.write('\n[[rounds]]\nnumber = 2\nname = "Spa"\ncircuit = "Nürburgring"\n')
    args = ("--season", str(folder), "--create-entries", "--apply")
    assert podium("import", str(ACC_RACE), *args, "--round", "1").exit_code == 0
    drivers = {d.name: d.aliases for d in load_season(folder).drivers}
    assert drivers["Andrea Mel"] == ("acc:123",)
    renamed = tmp_path / "renamed.json"
    renamed.write_text(
        ACC_RACE.read_bytes().decode("utf-16-le").replace('"Mel"', '"Mel-Rossi"'),
        encoding="utf-8",
    )
    result = podium("import", str(renamed), *args, "--round", "2")
    assert result.exit_code == 0, result.output
    assert "'Andrea Mel-Rossi' is 'Andrea Mel' (same id acc:123)" in result.output
    round2 = load_season(folder).results_of(2)
    assert any(ln.drivers == ("Andrea Mel",) for ln in round2)


# -- the inspect --cars contract, as a user runs it -------------------------


def test_inspect_cars_json_contract_from_a_real_process() -> None:
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "podium"
    out = subprocess.run(
        [str(exe), "import", str(IRACING), "--inspect", "--cars", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    held = json.loads(out)
    assert [s["type"] for s in held["sessions"]] == ["practice", "qualifying", "race"]
    car = held["sessions"][2]["cars"][0]
    assert {
        "position", "class", "class_position", "number", "drivers", "laps", "best_lap_ms",
        "time_ms", "status",
    } <= set(car)  # fmt: skip
    assert all(isinstance(car[k], int) for k in ("position", "class_position", "laps"))
    assert isinstance(car["best_lap_ms"], int) and car["status"] == "classified"
    assert "lap_data" not in car


def test_lap_chart_adds_laps_to_the_official_classification(tmp_path: Path) -> None:
    """Sebring 2023: the results file is the classification; the lap file
    next to it adds its 15,196 laps and changes no line; the results file
    again keeps the laps, saying so."""
    folder = tmp_path / "imsa"
    made = podium(
        "init", str(folder), "--name", "IMSA", "--classes", "GTP,LMP2,LMP3,GTDPRO,GTD",
        "--rounds", "1",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    args = ("--season", str(folder), "--round", "1", "--apply")
    results = SEBRING / "202303181010-race-results.csv"
    assert podium("import", str(results), *args, "--create-entries").exit_code == 0
    lines = load_season(folder).results_of(1)
    laps = podium("import", str(SEBRING_LAPS), *args)
    assert laps.exit_code == 0, laps.output
    assert "15196 laps of 53 cars" in laps.output
    assert "its laps are imported, the round's classification is kept" in laps.output
    assert load_season(folder).results_of(1) == lines
    assert (folder / "laps/r1.csv").read_text(encoding="utf-8").count("\n") == 15197
    again = podium("import", str(results), *args)
    assert "laps/r1.csv kept: this file has no laps" in again.output
    # The gap chart: #60 lost an hour in the pits; every other GTP car stays
    # readable, #60 on the bottom edge, said in the chart's description.
    from podium.app.laps import folder_laps, round_laps
    from podium.app.season import ScoredSeason
    from podium.render.lap_chart import gap_chart_svg

    season = load_season(folder)
    report = round_laps(ScoredSeason(season), 1, folder_laps(folder, season, 1))
    svg = gap_chart_svg(report, "GTP")
    assert "gaps over " in svg and " s are drawn on the bottom edge" in svg


def test_rfactor_driver_without_laps_element_counts_its_lap_rows() -> None:
    # hockeylagu/LMULapTime test/fixtures/results/2026_05_28_P1.xml: no
    # <Laps>, no <VehName>, two <Lap> rows, <CarType>Ferrari 499P</CarType>
    xml = b"""<?xml version="1.0" encoding="utf-8"?>
<rFactorXML version="1.0"><RaceResults><TrackEvent>Spa</TrackEvent><Race>
<Driver><Name>TestPlayer</Name><CarType>Ferrari 499P</CarType><CarClass>Hypercar</CarClass>
<CarNumber>50</CarNumber><Position>1</Position><ClassPosition>1</ClassPosition>
<Lap num="1" p="1" s1="34.120" s2="42.340" s3="45.540">122.000</Lap>
<Lap num="2" p="1" s1="33.800" s2="42.100" s3="45.100">121.000</Lap>
<BestLapTime>121.000</BestLapTime></Driver>
<Driver><Name>Other</Name><VehName>Porsche 963</VehName><CarType>963</CarType>
<CarClass>Hypercar</CarClass><Position>2</Position><Laps>0</Laps>
<Lap num="1" p="2">--.----</Lap></Driver>
</Race></RaceResults></rFactorXML>"""
    cars = parse_bytes(xml, "lmu.xml").session.cars
    assert [(c.car_model, c.laps, c.best_lap_ms) for c in cars] == [
        ("Ferrari 499P", 2, 121000),
        ("Porsche 963", 0, None),  # <Laps> is the file's word when present
    ]


QUALI_RESULTS = SEBRING / "202303170915-qualifying-results.csv"
QUALI_LAPS = SEBRING / "202303170915-qualifying-laps.csv"


def test_al_kamel_qualifying_is_a_grid_with_best_laps_and_drivers() -> None:
    """Sebring 2023 qualifying (IMSA layout): 53 cars; the GTP pole is the
    #31 Cadillac, 1:45.836, its three drivers named."""
    parsed = parse_path(QUALI_RESULTS)
    assert parsed.importer.name == "alkamel-qualifying"
    grid = parsed.session
    assert grid.kind.value == "qualifying" and grid.official and len(grid.cars) == 53
    pole = grid.cars[0]
    assert (pole.number, pole.car_class, pole.best_lap_ms, pole.position) == (
        "31",
        "GTP",
        105836,
        1,
    )
    assert pole.drivers == ("Pipo Derani", "Alexander Sims", "Jack Aitken")


def test_a_bad_qualifying_time_is_named_by_line() -> None:
    text = QUALI_RESULTS.read_text(encoding="utf-8-sig").replace("1:45.836", "1:4x.836", 1)
    with pytest.raises(InputError) as refused:
        parse_bytes(text.encode(), "q.csv")
    problem = refused.value.problems[0]
    assert (problem.line, problem.field, problem.found) == (2, "TIME", "1:4x.836")


def test_a_qualifying_lap_chart_adds_laps_to_the_grid(tmp_path: Path) -> None:
    folder = tmp_path / "imsa"
    made = podium(
        "init",
        str(folder),
        "--name",
        "IMSA",
        "--classes",
        "GTP,LMP2,LMP3,GTDPRO,GTD",
        "--rounds",
        "1",
    )
    assert made.exit_code == 0, made.output
    args = ("--season", str(folder), "--round", "1", "--apply")
    assert podium("import", str(QUALI_RESULTS), *args, "--create-entries").exit_code == 0
    grid = load_season(folder).qualifying
    laps = podium("import", str(QUALI_LAPS), *args, "--session", "qualifying")
    assert laps.exit_code == 0, laps.output
    assert "its laps are imported, the grid is kept" in laps.output
    assert load_season(folder).qualifying == grid
    assert (folder / "laps/r1-qualifying.csv").is_file()


def test_an_absurd_lap_time_stamp_is_no_time_not_a_traceback() -> None:
    """An Assetto Corsa lap stamped 580 days into the session: no elapsed time
    from the file (every reader shares one bound, readers.session.MAX_MS)."""
    ac = FIXTURES / "other/mauserrifle__simresults__ac1server_2015_10_17_9_49_RACE.json"
    raw = json.loads(ac.read_text(encoding="utf-8"))
    raw["Laps"][3]["Timestamp"] += 5 * 10**10
    race = parse_bytes(json.dumps(raw).encode(), "race.json").session
    assert all((lap.elapsed_ms or 0) <= 10**10 for car in race.cars for lap in car.lap_data)
