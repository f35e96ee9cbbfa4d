"""Importing results files: the importers podium has (``ImporterList``),
and an import of one file into a season, planned and, if asked, applied to
its folder and/or a database (``ImportOutcome``). What a file holds is
podium.app.inspect. `podium import` calls these."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from podium.app import import_apply as applying
from podium.app.answer import JSON, Answer, to_json
from podium.app.repository import Repository
from podium.app.season import open_season
from podium.errors import InputError, NotFound, Problem
from podium.imports.config import ImportConfig, load_config
from podium.imports.diff import Change
from podium.imports.lap_facts import add_lap_facts
from podium.imports.outcome import ImportPlan
from podium.imports.plan import plan_import
from podium.imports.sessions import Chosen, choose
from podium.model import RoundStatus, Season
from podium.model.lap_checks import laps_to_store, sorted_laps
from podium.readers.native.laps import laps_file, laps_text
from podium.readers.registry import IMPORTERS, ParsedFile, Parser, parse_path
from podium.readers.session import ImportedSession, SessionKind


@dataclass(frozen=True, slots=True)
class ImporterInfo(Answer):
    name: str
    label: str
    version: str


@dataclass(frozen=True, slots=True)
class ImporterList(Answer):
    importers: tuple[ImporterInfo, ...]

    def to_json(self) -> JSON:
        return to_json(self.importers)


def importers() -> ImporterList:
    return ImporterList(tuple(ImporterInfo(i.name, i.label, i.version) for i in IMPORTERS))


@dataclass
class Target:
    """Where an import goes: a season (from a folder or the built-in one)."""

    season: Season
    folder: Path | None
    """None for the built-in season: package data is never written."""
    config: ImportConfig = field(default_factory=ImportConfig)


def open_target(season: str | None) -> Target:
    from podium.datasets import builtin_folder

    path = builtin_folder(season)
    if path is not None:
        return Target(open_season(season), None, load_config(path))
    assert season is not None
    folder = Path(season)
    return Target(open_season(folder), folder, load_config(folder))


def parse_files(
    paths: list[Path], fmt: str | None, parser: Parser | None, trust_positions: bool = False
) -> list[ParsedFile]:
    return [parse_path(p, fmt, parser, trust_positions) for p in paths]


def choose_sessions(parsed: list[ParsedFile], specs: list[str]) -> list[list[Chosen]]:
    """The sessions each file's import takes (podium.imports.sessions)."""
    return [choose(p.path, p.sessions, specs) for p in parsed]


def rounds_for(season: Season, chosen: list[list[Chosen]], first: int | None) -> list[int | None]:
    """Round of each file, from the sessions chosen of it. Files with a race:
    from ``first`` on, one round each, else from the first round without
    results. A qualifying file: the round of the race file from the same
    track, else ``first`` (or the first race's round). Practice files: None
    (not imported)."""
    kinds = [[c.session for c in files] for files in chosen]
    held = set(season.rounds_with_results())
    numbers = [r.number for r in season.rounds]
    if first is None:
        free = [n for n in numbers if n not in held]
        if not free:
            raise InputError(
                Problem(
                    "--round",
                    None,
                    "round",
                    "every round has results",
                    "--round N",
                    "no free round",
                )
            )
        first = free[0]
    out: list[int | None] = []
    current = first
    tracks: dict[str, int] = {}
    for sessions in kinds:
        races = [s for s in sessions if s.kind is SessionKind.RACE]
        if races:
            tracks.setdefault(races[0].track, current)
            out.append(current)
            current += 1
        else:
            out.append(None)
    for i, sessions in enumerate(kinds):
        qualifying = [s for s in sessions if s.kind is SessionKind.QUALIFYING]
        if out[i] is None and qualifying:
            out[i] = tracks.get(qualifying[0].track, first)
    return out


def plan_file(
    target: Target,
    parsed: ParsedFile,
    round_number: int,
    create_entries: bool,
    session: str = "race",
    imported: ImportedSession | None = None,
) -> ImportPlan:
    """The plan of one session of ``parsed`` (default: its last race) into
    the round's session ``session``."""
    plan = plan_import(
        target.season,
        imported or parsed.session,
        round_number,
        parsed.path,
        target.config,
        create_entries,
        source=f"import {parsed.importer.name} v{parsed.importer.version} "
        f"{Path(parsed.path).name} sha256:{parsed.sha256[:12]}",
        session_name=session,
    )
    add_lap_facts(plan, target.season)
    return plan


def hold_season(repo: Repository, target: Target) -> None:
    """Make ``repo`` hold the target's season (loaded first when it holds
    none); for the built-in season, the stored copy becomes the target
    (package data is never written)."""
    try:
        stored = repo.season(target.season.id)
    except NotFound:
        repo.load_season(target.season, "podium import", "season load before import", dated=True)
        stored = repo.season(target.season.id)
    if target.folder is None:
        target.season = stored


def _new_laps(target: Target, repo: Repository | None, plan: ImportPlan) -> bool:
    """Whether the folder or the database does not hold these laps yet (laps
    are not in the season: the plan cannot see them)."""
    wanted = sorted_laps(plan.laps)
    if target.folder is not None:
        held = target.folder / laps_file(plan.round, plan.session)
        if not held.is_file() or held.read_text(encoding="utf-8") != laps_text(plan.laps):
            return True
    if repo is not None:
        return tuple(repo.laps(target.season.id, plan.round, plan.session)) != wanted
    return target.folder is None


@dataclass(frozen=True, slots=True)
class ImportOutcome(Answer):
    """One file imported into one round: what changes (or changed)."""

    file: str
    round: int
    importer: str
    cars: int
    applied: bool
    session: str
    changes: tuple[Change, ...]
    notes: tuple[str, ...]
    problems: tuple[Problem, ...]

    @property
    def title(self) -> str:
        verb = "applied" if self.applied else "dry run"
        session = "" if self.session == "race" else f" {self.session}"
        return (
            f"{Path(self.file).name} -> round {self.round}{session} "
            f"({self.importer}, {self.cars} cars): {verb}"
        )

    def to_json(self) -> JSON:
        return [{"change": c.kind, "car": c.car, "detail": c.detail} for c in self.changes]


def import_file(
    target: Target,
    parsed: ParsedFile,
    number: int,
    apply: bool,
    create: bool,
    repo: Repository | None = None,
    status: RoundStatus = RoundStatus.PROVISIONAL,
    session: str = "race",
    imported: ImportedSession | None = None,
    actor: str = "podium import",
    reason: str = "",
) -> ImportOutcome:
    """Plan one session of ``parsed`` (default: its last race) into round
    ``number``'s session ``session``; with ``apply``, write it to the
    target's folder and/or post it to ``repo`` (as ``actor``, for ``reason``:
    by default the file and its hash), all or nothing. The target's season
    becomes the season after the import (the next file plans on it)."""
    imported = imported or parsed.session
    plan = plan_file(target, parsed, number, create, session, imported)
    if plan.laps and not plan.problems:  # a lap chart that fails refuses the whole file
        try:
            laps_to_store(plan.season_after(target.season), plan.round, plan.session, plan.laps)
        except InputError as exc:
            plan.problems.extend(exc.problems)
    if plan.laps and not plan.problems and _new_laps(target, repo, plan):
        cars = len({lap.entry for lap in plan.laps})
        plan.changes.append(Change("laps", "", f"{len(plan.laps)} laps of {cars} cars"))
    elif not plan.laps and target.folder is not None:
        held = laps_file(plan.round, plan.session)
        if (target.folder / held).is_file():
            plan.notes.append(f"{held} kept: this file has no laps")
    notes = [*plan.notes]
    notes += [
        f"fuzzy match: {m.given!r} -> {m.name!r} (score {m.score:.2f})"
        for m in plan.matches
        if m.name
    ]
    notes += [
        f"ambiguous: {m.given!r} could be {', '.join(m.candidates)}"
        for m in plan.matches
        if not m.name
    ]
    notes += list(imported.notes)
    if not plan.changes and not plan.problems:
        notes.append("nothing to change: the season already holds these results")
    if plan.problems:
        notes.append(f"{len(plan.problems)} problem(s): nothing written")
    elif apply:
        stored_plan = None
        if repo is not None:
            # The database may hold another state of the season than the
            # folder: plan against what it holds, before writing anything.
            stored = repo.season(target.season.id)
            stored_plan = (
                plan
                if target.folder is None
                else plan_file(
                    Target(stored, None, target.config), parsed, number, create, session, imported
                )
            )
            if stored_plan.problems:
                raise InputError(stored_plan.problems)
        if target.folder is not None and plan.changes:
            written = applying.apply_to_folder(
                target.folder,
                target.season,
                plan,
                applying.record_for(parsed, number, imported),
                status,
            )
            notes.append("wrote " + ", ".join(written))
        if repo is not None and stored_plan is not None:
            changed = applying.apply_to_repository(
                repo,
                repo.season(target.season.id),
                stored_plan,
                actor,
                reason or f"import {Path(parsed.path).name} sha256:{parsed.sha256}",
                status,
            )
            notes.append("posted to the database" if changed else "database already up to date")
        after = plan.season_after(target.season)
        target.season = after if plan.is_qualifying else applying.with_status(after, number, status)
    elif plan.changes:
        notes.append("dry run: nothing written (add --apply)")
    return ImportOutcome(
        parsed.path,
        number,
        parsed.importer.name,
        len(imported.cars),
        apply,
        plan.session,
        tuple(plan.changes),
        tuple(notes),
        tuple(plan.problems),
    )
