"""Applying an import plan: to a season folder (all files written to
temporary names, the whole season re-validated, then renamed into place) and
to a :class:`~podium.app.repository.Repository`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from podium.app.folder import round_status_text, write_files
from podium.app.repository import Repository, RoundPost
from podium.errors import InputError
from podium.imports.outcome import ImportPlan
from podium.model import RoundStatus, Season
from podium.model.lap_checks import laps_to_store
from podium.readers.native.imports_file import FILE, ImportRecord, imports_text, read_imports
from podium.readers.native.laps import laps_file, laps_text, parse_laps
from podium.readers.registry import ParsedFile
from podium.readers.session import ImportedSession


def record_for(
    parsed: ParsedFile, round_number: int, session: ImportedSession | None = None
) -> ImportRecord:
    return ImportRecord(
        dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        round_number,
        Path(parsed.path).name,
        parsed.sha256,
        parsed.importer.name,
        parsed.importer.version,
        len((session or parsed.session).cars),
    )


def apply_to_folder(
    folder: Path,
    season: Season,
    plan: ImportPlan,
    record: ImportRecord,
    status: RoundStatus = RoundStatus.PROVISIONAL,
) -> list[str]:
    """Write the round's results (and entries, people, penalties the plan
    adds, the round's ``status`` and the session's laps) into ``folder``;
    returns the files written. Refuses, writing nothing, when the season
    after the import (or its laps) would not be valid."""
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

    def texts() -> dict[str, str]:  # read and written while the folder is held
        out = {FILE: imports_text([*read_imports(folder), record])}
        if not plan.is_qualifying and season.round(plan.round).status is not status:
            current = (folder / "season.toml").read_text(encoding="utf-8")
            out["season.toml"] = round_status_text(current, plan.round, status)
        out.update(_laps_texts(folder, after, plan))
        return out

    return write_files(folder, after, wanted, texts, before=season)


def _laps_texts(folder: Path, after: Season, plan: ImportPlan) -> dict[str, str]:
    """``laps/r<round>[-<session>].csv`` when the plan has laps the folder
    does not hold yet, checked against the season after the import."""
    if not plan.laps:
        return {}
    name = laps_file(plan.round, plan.session)
    text = laps_text(plan.laps)
    held = folder / name
    if held.is_file() and held.read_text(encoding="utf-8") == text:
        return {}
    errors = parse_laps(text, name, after, plan.round, plan.session).errors
    if errors:
        raise InputError(errors)
    return {name: text}


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
    """Post the plan to ``repo`` (whose season is ``season``), and the
    session's laps, all or nothing; False when it already holds exactly
    these results, penalties and laps."""
    if plan.problems:
        raise InputError(plan.problems)
    after = plan.season_after(season)
    laps = plan.laps or None
    if plan.is_qualifying or (
        plan.new_entries or plan.new_drivers or plan.new_teams or any(plan.crew_added.values())
    ):
        # Entries, people and qualifying are the season's base data: a load
        # (one transaction), then the laps, so these are checked first. (A
        # round post below checks its laps in its own transaction.)
        if laps:
            laps_to_store(after, plan.round, plan.session, laps)
        if not plan.is_qualifying:
            after = with_status(after, plan.round, status)
        changed = repo.load_season(after, actor, reason).changed
        if laps and repo.put_laps(season.id, plan.round, plan.session, laps, actor, reason):
            changed = True
        return changed
    lines = after.results_of(plan.round)  # a version holds every session of the round
    post = RoundPost(
        plan.round,
        status,
        lines
        if lines != season.results_of(plan.round) or season.round(plan.round).status is not status
        else None,
        tuple(p for p in plan.penalties if p not in season.penalties),
        plan.session,
        laps,
    )
    return repo.post_round(season.id, post, actor, reason)
