"""`podium import` from the command line: inspect JSON, many files, a
column mapping, changed positions, and the --database wiring."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from podium.app.memory import MemoryRepository
from podium.readers.native import load_season
from tests.formats.conftest import FIXTURES
from tests.formats.helpers import league, podium, snapshot

RACE = FIXTURES / "acc/fabieu__simdesk__Session_R.json"
ZOLDER = FIXTURES / "acc/kagd__league-results-parser__cmsracing_split2_zolder-r.json"
QUALI = FIXTURES / "acc/fabieu__simdesk__230602_202712_Q.json"


def test_inspect_json_shape() -> None:
    result = podium("import", str(ZOLDER), "--inspect", "--format", "json")
    assert result.exit_code == 0, result.output
    held = json.loads(result.output)
    assert {"format", "session", "cars", "classes", "statuses"} <= set(held)
    assert held["format"] == "acc" and held["session"] == "race" and held["cars"] == 29
    assert held["classes"]["GT4"] == {
        "cars": 9,
        "winner": {"number": "68", "drivers": ["Neil Sutherland"], "laps": 45},
    }


def test_list_formats() -> None:
    result = podium("import", "--list-formats", "--format", "csv")
    names = [line.split(",")[0] for line in result.output.splitlines()[1:]]
    assert names == [
        "acc", "rfactor", "iracing", "assetto", "raceroom", "alkamel", "alkamel-qualifying",
        "alkamel-analysis", "pcars", "assetto-offline", "acc-client", "generic-csv",
    ]  # fmt: skip


def _two_rounds(folder: Path) -> None:
    text = (folder / "season.toml").read_text(encoding="utf-8")
    text += '\n[[rounds]]\nnumber = 2\nname = "Zolder"\ncircuit = "Nürburgring"\n'
    (folder / "season.toml").write_text(text, encoding="utf-8")


def test_race_files_go_to_consecutive_rounds_and_qualifying_to_a_grid(tmp_path: Path) -> None:
    folder = league(tmp_path)
    _two_rounds(folder)
    result = podium(
        "import", str(RACE), str(QUALI), str(RACE), "--season", str(folder),
        "--create-entries", "--apply",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    # The qualifying file is from Spa, neither race is: it is round 1's grid.
    assert "-> round 1 qualifying" in result.output
    season = load_season(folder)
    assert len(season.results_of(1)) == len(season.results_of(2)) == 48  # no safety cars
    assert {q.round for q in season.qualifying} == {1}


def test_a_car_number_in_another_class_is_another_car(tmp_path: Path) -> None:
    folder = league(tmp_path)
    _two_rounds(folder)
    args = ("--season", str(folder), "--create-entries")
    assert podium("import", str(RACE), "--round", "1", *args, "--apply").exit_code == 0
    # another league's file: its #78 is a GT4 car, the season's #78 a GT3 car
    result = podium("import", str(ZOLDER), "--round", "2", *args, "--apply")
    assert result.exit_code == 0, result.output
    season = load_season(folder)
    both = sorted((e.class_code, e.key) for e in season.entries if e.car_no == "78")
    assert both == [("GT3", "78"), ("GT4", "78-gt4")]
    in_gt4 = next(r for r in season.results_of(2) if r.entry == "78-gt4")
    assert in_gt4.class_code == "GT4"
    # Without --create-entries the unknown GT4 #78 is refused, the GT3 car named.
    before = snapshot(folder)
    fresh = league(tmp_path / "again")
    assert (
        podium(
            "import",
            str(RACE),
            "--round",
            "1",
            "--season",
            str(fresh),
            "--create-entries",
            "--apply",
        ).exit_code
        == 0
    )
    refused = podium("import", str(ZOLDER), "--round", "1", "--season", str(fresh))
    assert refused.exit_code == 1
    assert "unknown car in GT4 (#78 is a car of GT3)" in refused.output
    assert snapshot(folder) == before


def test_generic_csv_with_a_column_mapping(tmp_path: Path) -> None:
    folder = league(tmp_path)
    sheet = tmp_path / "ergebnis.csv"
    sheet.write_text(
        "Platz;Startnr;Klasse;Fahrer;Runden;Status\n"
        "2;7;GT4;Anna Berg;40;\n1;3;GT3;Carl Dahl / Eva Falk;42;\n3;9;GT3;Gus Hahn;12;DNF\n",
        encoding="utf-8",
    )
    result = podium(
        "import", str(sheet), "--format", "generic-csv", "--season", str(folder), "--round", "1",
        "--columns", "position=Platz,number=Startnr,class=Klasse,drivers=Fahrer,laps=Runden,"
        "status=Status", "--create-entries", "--apply",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = {r.entry: r for r in load_season(folder).results_of(1)}
    assert (lines["3"].overall_pos, lines["3"].class_pos, lines["3"].drivers) == (
        1,
        1,
        ("Carl Dahl", "Eva Falk"),
    )
    assert lines["9"].status.value == "dnf" and lines["9"].class_pos is None


def test_bad_column_mapping_is_refused(tmp_path: Path) -> None:
    result = podium(
        "import", str(RACE), "--columns", "speed=Kph", "--season", str(league(tmp_path)),
    )  # fmt: skip
    assert result.exit_code == 1
    assert "--columns: speed: unknown field" in result.output


def test_changed_positions_are_shown(tmp_path: Path) -> None:
    folder = league(tmp_path)
    first = tmp_path / "r1.csv"
    first.write_text("pos,no,class,driver,laps\n1,3,GT3,Carl Dahl,42\n2,7,GT3,Anna Berg,42\n")
    args = ("--season", str(folder), "--round", "1", "--create-entries")
    assert podium("import", str(first), *args, "--apply").exit_code == 0
    amended = tmp_path / "r1-amended.csv"
    amended.write_text("pos,no,class,driver,laps\n1,7,GT3,Anna Berg,42\n2,3,GT3,Carl Dahl,42\n")
    before = snapshot(folder)
    dry = podium("import", str(amended), *args)
    assert dry.exit_code == 0, dry.output
    changed = [line for line in dry.output.splitlines() if "changed" in line]
    assert len(changed) == 2
    assert any("#7" in line and "P2 GT3, 42 laps -> P1 GT3, 42 laps" in line for line in changed)
    assert snapshot(folder) == before


@pytest.fixture
def fake_store(monkeypatch: pytest.MonkeyPatch) -> MemoryRepository:
    """podium.store arrives from another branch; stand in with the contract's
    in-memory implementation to test the --database wiring."""
    repo = MemoryRepository()
    module = types.ModuleType("podium.store")
    module.open_repository = lambda url: repo  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "podium.store", module)
    return repo


def test_database_with_the_builtin_season_writes_only_the_database(
    fake_store: MemoryRepository, tmp_path: Path
) -> None:
    sheet = tmp_path / "r9.csv"
    # Round 9 (Laguna Seca) LMP1 top two, with #2 and #38 the other way round
    sheet.write_text(
        "pos,no,class,drivers,laps\n1,38,LMP1,J.J. Lehto / Marco Werner,169\n"
        "2,2,LMP1,Johnny Herbert / Pierre Kaffer,169\n"
    )
    result = podium(
        "import", str(sheet), "--season", "alms-2004", "--round", "9", "--database", "memory://",
        "--apply",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "posted to the database" in result.output
    stored = fake_store.season("alms-2004")
    lines = {r.entry: r for r in stored.results_of(9)}
    assert (lines["38"].class_pos, lines["2"].class_pos) == (1, 2)
    assert len(fake_store.result_versions("alms-2004", 9)) == 2  # the load, then the import


def test_database_and_folder_are_both_updated_once(
    fake_store: MemoryRepository, tmp_path: Path
) -> None:
    folder = league(tmp_path)
    args = ("import", str(RACE), "--season", str(folder), "--round", "1", "--create-entries")
    first = podium(*args, "--database", "memory://", "--apply")
    assert first.exit_code == 0, first.output
    assert "wrote results/r1.csv" in first.output and "posted to the database" in first.output
    stored = fake_store.season("yeet-endurance-2023")
    assert stored.results_of(1) == load_season(folder).results_of(1)
    versions = len(fake_store.result_versions("yeet-endurance-2023", 1))
    again = podium(*args, "--database", "memory://", "--apply")
    assert again.exit_code == 0, again.output
    assert "database already up to date" in again.output
    assert len(fake_store.result_versions("yeet-endurance-2023", 1)) == versions


def test_a_broken_file_is_refused_with_its_location_and_nothing_written(tmp_path: Path) -> None:
    folder = league(tmp_path)
    text = RACE.read_text(encoding="utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) // 3], encoding="utf-8")
    before = snapshot(folder)
    result = podium(
        "import", str(RACE), str(cut), "--season", str(folder), "--create-entries", "--apply",
    )  # fmt: skip
    assert result.exit_code == 1
    assert f"error: {cut}:" in result.output and "(json): not valid JSON" in result.output
    assert snapshot(folder) == before  # the good file is not half-applied either
