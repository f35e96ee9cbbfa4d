"""Dry run, --apply into a season folder, re-import, refusals; the
repository path against MemoryRepository."""

from __future__ import annotations

import hashlib
from pathlib import Path

from podium.app.imports import Target, plan_file
from podium.app.memory import MemoryRepository
from podium.imports.config import load_config
from podium.imports.plan import plan_import
from podium.model import Status
from podium.readers.native import load_season
from podium.readers.native.imports_file import ImportRecord, imports_text, read_imports
from podium.readers.registry import parse_path
from tests.formats.conftest import FIXTURES
from tests.formats.helpers import league, podium, snapshot

RACE = FIXTURES / "acc/fabieu__simdesk__Session_R.json"
ZOLDER = FIXTURES / "acc/kagd__league-results-parser__cmsracing_split2_zolder-r.json"


def test_dry_run_shows_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    folder = league(tmp_path)
    before = snapshot(folder)
    result = podium(
        "import", str(RACE), "--season", str(folder), "--round", "1", "--create-entries"
    )
    assert result.exit_code == 0, result.output
    assert "new entry" in result.output and "#47" in result.output
    assert "dry run: nothing written" in result.output
    assert snapshot(folder) == before


def test_unknown_cars_are_refused_without_create_entries(tmp_path: Path) -> None:
    folder = league(tmp_path)
    before = snapshot(folder)
    result = podium("import", str(RACE), "--season", str(folder), "--round", "1", "--apply")
    assert result.exit_code == 1
    assert "unknown car" in result.output and "#47" in result.output
    assert snapshot(folder) == before


def test_apply_writes_results_and_reimport_changes_nothing(tmp_path: Path) -> None:
    folder = league(tmp_path)
    args = ("import", str(RACE), "--season", str(folder), "--round", "1", "--create-entries")
    first = podium(*args, "--apply")
    assert first.exit_code == 0, first.output
    season = load_season(folder)
    lines = season.results_of(1)
    assert len(lines) == 48  # 50 cars in the file, two of them safety cars (left out)
    winner = next(r for r in lines if r.class_code == "GT3" and r.class_pos == 1)
    assert season.entry(winner.entry or "").car_no == "47"
    assert winner.laps == 275
    # CUP, ST, CHL and TCX all map to INV (import.toml): #910 leads it on 274 laps
    inv = sorted(
        (r for r in lines if r.class_code == "INV" and r.class_pos), key=lambda r: r.class_pos or 0
    )
    assert [season.entry(r.entry or "").car_no for r in inv] == ["910", "31", "99", "69"]
    assert sum(r.status is Status.DISQUALIFIED for r in lines) == 5
    assert sum(p.kind.value == "dsq" for p in season.penalties) == 5
    records = read_imports(folder)
    assert [(r.round, r.format, r.importer_version, r.cars) for r in records] == [
        (1, "acc", "1", 50)
    ]
    assert records[0].sha256 == hashlib.sha256(RACE.read_bytes()).hexdigest()

    after_first = snapshot(folder)
    again = podium(*args, "--apply")
    assert again.exit_code == 0, again.output
    assert "nothing to change" in again.output
    assert snapshot(folder) == after_first


def test_builtin_season_is_read_only() -> None:
    result = podium("import", str(RACE), "--season", "alms-2004", "--round", "1", "--apply")
    assert result.exit_code == 1
    assert "built-in season" in result.output


def test_a_qualifying_file_fills_the_rounds_grid(tmp_path: Path) -> None:
    # A GT4 qualifying at Spa: #42 fastest (2:29.432), #718 next (2:29.477);
    # the GT3 cars on the server set no time and get no position.
    folder = league(tmp_path)
    q = FIXTURES / "acc/fabieu__simdesk__230602_202712_Q.json"
    args = ("import", str(q), "--season", str(folder), "--round", "1", "--create-entries")
    dry = podium(*args)
    assert dry.exit_code == 0, dry.output
    assert "-> round 1 qualifying" in dry.output and "new qualifying" in dry.output
    assert podium(*args, "--apply").exit_code == 0
    season = load_season(folder)
    grid = {season.entry(q.entry).car_no: q for q in season.qualifying}
    assert (grid["42"].class_position, grid["42"].position, grid["42"].time) == (1, 1, "2:29.432")
    assert (grid["718"].class_position, grid["718"].time) == (2, "2:29.477")
    assert grid["787"].class_position is None and grid["787"].class_code == "GT3"
    assert season.results == ()  # a grid is not a result
    again = podium(*args, "--apply")
    assert "nothing to change" in again.output


def test_unmapped_class_is_listed(tmp_path: Path) -> None:
    folder = league(tmp_path)
    (folder / "import.toml").unlink()
    season = load_season(folder)
    parsed = parse_path(RACE)
    plan = plan_import(season, parsed.session, 1, parsed.path, load_config(folder), True)
    found = sorted(p.found for p in plan.problems)
    assert found == ["CHL", "CUP", "ST", "TCX"]
    assert all(p.expected == "GT3 or GT4 or INV" for p in plan.problems)


def test_old_acc_files_take_the_class_from_the_car_model(tmp_path: Path) -> None:
    folder = league(tmp_path)
    result = podium(
        "import",
        str(ZOLDER),
        "--season",
        str(folder),
        "--round",
        "1",
        "--create-entries",
        "--apply",
    )
    assert result.exit_code == 0, result.output
    lines = load_season(folder).results_of(1)
    assert sum(r.class_code == "GT4" for r in lines) == 9  # carModel 50-61
    assert sum(r.class_code == "GT3" for r in lines) == 20


def test_ambiguous_driver_is_listed_never_guessed(tmp_path: Path) -> None:
    folder = league(tmp_path)
    (folder / "drivers.csv").write_text(
        "name,nationality,aliases,source\nChris Hanna,,,\nChris Hanne,,,\n", encoding="utf-8"
    )
    csv = tmp_path / "results.csv"
    csv.write_text("pos,no,class,driver,laps\n1,7,GT3,Chris Hann,30\n", encoding="utf-8")
    season = load_season(folder)
    parsed = parse_path(csv)
    plan = plan_import(season, parsed.session, 1, parsed.path, load_config(folder), True)
    assert [p.message.split(" (")[0] for p in plan.problems] == ["ambiguous driver name"]
    assert plan.problems[0].expected == "one of Chris Hanna, Chris Hanne"
    before = snapshot(folder)
    result = podium(
        "import", str(csv), "--season", str(folder), "--round", "1", "--create-entries", "--apply"
    )
    assert result.exit_code == 1
    assert snapshot(folder) == before


def test_fuzzy_match_is_used_and_reported_with_its_score(tmp_path: Path) -> None:
    folder = league(tmp_path)
    (folder / "drivers.csv").write_text(
        "name,nationality,aliases,source\nPierre Thiriet,FRA,,\nLudovic Badey,FRA,,\n",
        encoding="utf-8",
    )
    csv = tmp_path / "results.csv"
    # case differs (exact after normalising); one letter missing (fuzzy)
    csv.write_text(
        "pos,no,class,drivers,laps\n1,46,GT3,Pierre THIRIET / Ludovic Bade,118\n", encoding="utf-8"
    )
    result = podium("import", str(csv), "--season", str(folder), "--round", "1", "--create-entries")
    assert result.exit_code == 0, result.output
    assert "'Ludovic Bade' -> 'Ludovic Badey' (score 0.96)" in result.output


def test_alkamel_not_classified_status_survives_the_mapping(tmp_path: Path) -> None:
    folder = league(tmp_path)
    (folder / "import.toml").write_text(
        '[classes]\nLMP2 = "GT3"\nLMGTE = "GT4"\nGTC = "INV"\n', encoding="utf-8"
    )
    sheet = (
        FIXTURES
        / "alkamel/Razgrizaces__alkamel_stint_analyzer__2014_ELMS_Silverstone_Classification.csv"
    )
    result = podium(
        "import", str(sheet), "--season", str(folder), "--round", "1", "--create-entries", "--apply"
    )
    assert result.exit_code == 0, result.output
    season = load_season(folder)
    by_number = {season.entry(r.entry or "").car_no: r for r in season.results_of(1)}
    assert by_number["38"].status is Status.NOT_CLASSIFIED and by_number["38"].laps == 97
    assert by_number["71"].status is Status.DID_NOT_START
    assert by_number["46"].class_pos == 1


def test_repository_path(tmp_path: Path) -> None:
    folder = league(tmp_path)
    season = load_season(folder)
    repo = MemoryRepository()
    repo.load_season(season, "test")
    target = Target(repo.season(season.id), None, load_config(folder))
    parsed = parse_path(RACE)
    plan = plan_file(target, parsed, 1, create_entries=True)

    from podium.app.import_apply import apply_to_repository

    assert apply_to_repository(repo, target.season, plan, "test", "import")
    stored = repo.season(season.id)
    assert len(stored.results_of(1)) == 48  # the two safety cars left out
    assert sum(p.kind.value == "dsq" for p in stored.penalties) == 5
    # the same file again: nothing posted
    again = plan_file(Target(stored, None, target.config), parsed, 1, create_entries=False)
    assert not again.changes and not again.problems
    versions = len(repo.result_versions(season.id, 1))
    assert not apply_to_repository(repo, stored, again, "test", "import")
    assert len(repo.result_versions(season.id, 1)) == versions


def test_imports_csv_round_trip(tmp_path: Path) -> None:
    record = ImportRecord("2026-01-01T00:00:00Z", 3, "r.json", "ab" * 32, "acc", "1", 50)
    (tmp_path / "imports.csv").write_text(imports_text([record, record]), encoding="utf-8")
    assert read_imports(tmp_path) == [record, record]


def test_repository_path_checks_the_laps_before_writing_anything(tmp_path: Path) -> None:
    """A lap chart that fails its checks (here a lap of a car not in the
    results) refuses the whole import: the results are not posted without it."""
    import dataclasses

    import pytest

    from podium.app.import_apply import apply_to_repository
    from podium.errors import InputError
    from podium.model.laps import Lap

    folder = league(tmp_path)
    season = load_season(folder)
    repo = MemoryRepository()
    repo.load_season(season, "test")
    target = Target(repo.season(season.id), None, load_config(folder))
    plan = plan_file(target, parse_path(RACE), 1, create_entries=True)
    stray = Lap(1, plan.session, "no-such-car", 1, time_ms=90_000)
    broken = dataclasses.replace(plan, laps=(*plan.laps, stray))
    before = repo.revision(season.id)
    with pytest.raises(InputError, match="no-such-car"):
        apply_to_repository(repo, target.season, broken, "test", "import")
    assert repo.revision(season.id) == before
    assert repo.season(season.id).results_of(1) == season.results_of(1)
