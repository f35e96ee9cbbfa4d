"""Applying an import plan: to a season folder (all files written to
temporary names, the whole season re-validated, then renamed into place) and
to a :class:`~podium.app.repository.Repository`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from podium.app.folder import round_status_text, write_files
from podium.app.repository import Repository
from podium.errors import InputError
from podium.imports.plan import ImportPlan
from podium.model import RoundStatus, Season
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
    folder: Path,
    season: Season,
    plan: ImportPlan,
    record: ImportRecord,
    status: RoundStatus = RoundStatus.PROVISIONAL,
) -> list[str]:
    """Write the round's results (and entries, people, penalties the plan
    adds, and the round's ``status``) into ``folder``; returns the files
    written. Refuses, writing nothing, when the season after the import would
    not be valid."""
    if plan.problems:
        raise InputError(plan.problems)
    after = plan.season_after(season)
    if not plan.is_qualifying:
        after = with_status(after, plan.round, status)
    sheet = "qualifying" if plan.is_qualifying else "results"
    wanted = [f"{sheet}/r{plan.round}.csv"] if plan.changed else []
    if plan.new_entries or any(plan.crew_added.values()):
        wanted += ["entries.csv", "crews.csv"]
    if plan.new_drivers:
        wanted.append("drivers.csv")
    if plan.new_teams:
        wanted.append("teams.csv")
    if plan.penalties:
        wanted.append("penalties.csv")
    texts = {FILE: imports_text([*read_imports(folder), record])}
    if not plan.is_qualifying and season.round(plan.round).status is not status:
        current = (folder / "season.toml").read_text(encoding="utf-8")
        texts["season.toml"] = round_status_text(current, plan.round, status)
    return write_files(folder, after, wanted, texts)


def with_status(season: Season, number: int, status: RoundStatus) -> Season:
    rounds = tuple(replace(r, status=status) if r.number == number else r for r in season.rounds)
    return replace(season, rounds=rounds)


def apply_to_repository(
    repo: Repository,
    season: Season,
    plan: ImportPlan,
    actor: str,
    reason: str,
    status: RoundStatus = RoundStatus.PROVISIONAL,
) -> bool:
    """Post the plan to ``repo`` (whose season is ``season``); False when it
    already holds exactly these results and penalties."""
    if plan.problems:
        raise InputError(plan.problems)
    after = plan.season_after(season)
    if plan.is_qualifying or (
        plan.new_entries or plan.new_drivers or plan.new_teams or any(plan.crew_added.values())
    ):
        # Entries, people and qualifying are the season's base data: a load.
        if not plan.is_qualifying:
            after = with_status(after, plan.round, status)
        return repo.load_season(after, actor, reason).changed
    changed = False
    lines = after.results_of(plan.round)  # a version holds every session of the round
    if lines != season.results_of(plan.round) or season.round(plan.round).status is not status:
        repo.post_results(season.id, plan.round, lines, status, actor, reason)
        changed = True
    for penalty in plan.penalties:
        if penalty not in season.penalties:
            repo.add_penalty(season.id, penalty, actor)
            changed = True
    return changed
