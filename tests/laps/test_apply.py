"""An import plan's laps applied: to a season folder (laps/r<round>.csv,
written all or nothing with the rest) and to a repository; the same laps
again change nothing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from podium.app.import_apply import apply_to_folder, apply_to_repository
from podium.app.memory import MemoryRepository
from podium.errors import InputError
from podium.imports.outcome import ImportPlan
from podium.model import RoundStatus, Season
from podium.model.lap_checks import sorted_laps
from podium.readers.native import load_season
from podium.readers.native.imports_file import ImportRecord
from podium.readers.native.laps import laps_text, read_laps
from tests.laps.sample import sample_laps

RECORD = ImportRecord("2004-10-17T12:00:00Z", 9, "timing.json", "0" * 64, "acc", "1", 30)


def plan_for(season: Season, session: str = "race", **changes: object) -> ImportPlan:
    laps = tuple(dataclasses.replace(lap, session=session) for lap in sample_laps(season))
    plan = ImportPlan(9, "timing.json", session, lines=season.results_of(9, session), laps=laps)
    return dataclasses.replace(plan, **changes)


def test_a_plan_with_laps_writes_the_laps_file_once(season_copy: Path, alms: Season) -> None:
    plan = plan_for(alms)
    written = apply_to_folder(season_copy, alms, plan, RECORD, RoundStatus.OFFICIAL)
    assert written == ["imports.csv", "laps/r9.csv"]
    assert (season_copy / "laps" / "r9.csv").read_text(encoding="utf-8") == laps_text(plan.laps)
    assert read_laps(season_copy, alms).laps == sorted_laps(plan.laps)
    assert load_season(season_copy).results == alms.results
    again = apply_to_folder(season_copy, alms, plan, RECORD, RoundStatus.OFFICIAL)
    assert again == ["imports.csv"]


def test_another_session_has_its_own_file(season_copy: Path, alms: Season) -> None:
    plan = plan_for(alms, "sprint", lines=())
    written = apply_to_folder(season_copy, alms, plan, RECORD, RoundStatus.OFFICIAL)
    assert "laps/r9-sprint.csv" in written
    assert read_laps(season_copy, alms).sessions(9) == ["sprint"]


def test_bad_laps_refuse_the_whole_import(season_copy: Path, alms: Season) -> None:
    plan = plan_for(alms)
    bad = dataclasses.replace(
        plan, laps=(*plan.laps, dataclasses.replace(plan.laps[0], entry="99"))
    )
    before = (season_copy / "imports.csv").exists()
    with pytest.raises(InputError) as refused:
        apply_to_folder(season_copy, alms, bad, RECORD, RoundStatus.OFFICIAL)
    problem = refused.value.problems[0]
    assert (problem.file, problem.field, problem.found) == ("laps/r9.csv", "entry", "99")
    assert not (season_copy / "laps").exists()
    assert (season_copy / "imports.csv").exists() == before


def test_a_plan_with_laps_stores_them_once(alms: Season) -> None:
    repo = MemoryRepository()
    repo.load_season(alms, actor="test")
    plan = plan_for(alms)
    assert apply_to_repository(repo, alms, plan, "test", "import", RoundStatus.OFFICIAL)
    assert repo.laps("alms-2004", 9) == list(sorted_laps(plan.laps))
    revision = repo.revision("alms-2004")
    assert not apply_to_repository(repo, alms, plan, "test", "import", RoundStatus.OFFICIAL)
    assert repo.revision("alms-2004") == revision
