"""Applying an import plan: to a season folder (all files written to
temporary names, the whole season re-validated, then renamed into place) and
to a :class:`~podium.app.repository.Repository`."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from podium.app.repository import Repository
from podium.errors import InputError
from podium.imports.plan import ImportPlan
from podium.model import RoundStatus, Season
from podium.readers.native import read_season, save_season
from podium.readers.native.imports_file import FILE, ImportRecord, imports_text, read_imports
from podium.readers.registry import ParsedFile


def record_for(parsed: ParsedFile, round_number: int) -> ImportRecord:
    return ImportRecord(
        dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        round_number,
        Path(parsed.path).name,
        parsed.sha256,
        parsed.importer.name,
        parsed.importer.version,
        len(parsed.session.cars),
    )


def apply_to_folder(
    folder: Path, season: Season, plan: ImportPlan, record: ImportRecord
) -> list[str]:
    """Write the round's results (and entries, people, penalties the plan
    adds) into ``folder``; returns the files written. Refuses, writing
    nothing, when the season after the import would not be valid."""
    if plan.problems:
        raise InputError(plan.problems)
    after = plan.season_after(season)
    wanted = [f"results/r{plan.round}.csv"] if plan.changed else []
    if plan.new_entries or any(plan.crew_added.values()):
        wanted += ["entries.csv", "crews.csv"]
    if plan.new_drivers:
        wanted.append("drivers.csv")
    if plan.new_teams:
        wanted.append("teams.csv")
    if plan.penalties:
        wanted.append("penalties.csv")
    records = read_imports(folder)
    written: list[str] = []
    folder = folder.resolve()  # "--season ." has no useful parent otherwise
    with tempfile.TemporaryDirectory(prefix=".podium-import-", dir=folder.parent) as tmp:
        staged = Path(tmp) / folder.name
        shutil.copytree(folder, staged, ignore=shutil.ignore_patterns(".podium-import-*", ".*.tmp"))
        save_season(after, staged / "_saved")
        for name in wanted:
            (staged / name).parent.mkdir(exist_ok=True)
            shutil.copyfile(staged / "_saved" / name, staged / name)
        shutil.rmtree(staged / "_saved")
        (staged / FILE).write_text(imports_text([*records, record]), encoding="utf-8")
        report = read_season(staged)
        if report.errors:
            raise InputError(report.errors)
        for name in [*wanted, FILE]:
            target = folder / name
            target.parent.mkdir(exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            shutil.copyfile(staged / name, temporary)
            os.replace(temporary, target)
            written.append(name)
    return written


def apply_to_repository(
    repo: Repository, season: Season, plan: ImportPlan, actor: str, reason: str
) -> bool:
    """Post the plan to ``repo`` (whose season is ``season``); False when it
    already holds exactly these results and penalties."""
    if plan.problems:
        raise InputError(plan.problems)
    if plan.new_entries or plan.new_drivers or plan.new_teams or any(plan.crew_added.values()):
        return repo.load_season(plan.season_after(season), actor, reason).changed
    changed = False
    if tuple(season.results_of(plan.round)) != plan.lines:
        repo.post_results(season.id, plan.round, plan.lines, RoundStatus.PROVISIONAL, actor, reason)
        changed = True
    for penalty in plan.penalties:
        if penalty not in season.penalties:
            repo.add_penalty(season.id, penalty, actor)
            changed = True
    return changed
