"""The import use cases the CLI (and later the API) call: inspect a file,
plan an import into a season, apply it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podium.errors import InputError, Problem
from podium.imports.config import ImportConfig, load_config
from podium.imports.plan import ImportPlan, plan_import
from podium.model import Season
from podium.readers.registry import IMPORTERS, ParsedFile, Parser, parse_path
from podium.readers.session import ImportedSession, SessionKind

BUILTIN_ID = "alms-2004"


def formats() -> list[dict[str, str]]:
    return [{"name": i.name, "label": i.label, "version": i.version} for i in IMPORTERS]


def summary(parsed: ParsedFile) -> dict[str, Any]:
    """What a file holds: the shape ``podium import --inspect --format json`` prints."""
    session = parsed.session
    classes: dict[str, Any] = {}
    for name in session.classes():
        winner = session.winner(name)
        classes[name] = {
            "cars": sum(1 for c in session.cars if c.car_class == name),
            "winner": None
            if winner is None
            else {"number": winner.number, "drivers": list(winner.drivers), "laps": winner.laps},
        }
    return {
        "file": parsed.path,
        "format": parsed.importer.name,
        "session": session.kind.value,
        "session_name": session.name,
        "track": session.track,
        "cars": len(session.cars),
        "classes": classes,
        "statuses": session.status_counts(),
        "penalties": len(session.penalties),
        "notes": list(session.notes),
        "sha256": parsed.sha256,
    }


@dataclass
class Target:
    """Where an import goes: a season (from a folder or the built-in one)."""

    season: Season
    folder: Path | None
    """None for the built-in season: package data is never written."""
    config: ImportConfig = field(default_factory=ImportConfig)


def open_target(season: str | None) -> Target:
    from podium.datasets import builtin_season_path
    from podium.readers.native import load_season

    if season is None or season == BUILTIN_ID:
        path = builtin_season_path()
        return Target(load_season(path), None, load_config(path))
    folder = Path(season)
    if not folder.is_dir():
        raise InputError(
            Problem(
                "--season",
                None,
                "season",
                "not a season folder",
                expected=f"a season folder or {BUILTIN_ID}",
                found=season,
            )
        )
    return Target(load_season(folder), folder, load_config(folder))


def parse_files(paths: list[Path], fmt: str | None, parser: Parser | None) -> list[ParsedFile]:
    return [parse_path(p, fmt, parser) for p in paths]


def rounds_for(season: Season, parsed: list[ParsedFile], first: int | None) -> list[int | None]:
    """Round of each race file: from ``first`` on, else from the first round
    without results; qualifying and practice files get None."""
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
    for p in parsed:
        if p.session.kind is SessionKind.RACE:
            out.append(current)
            current += 1
        else:
            out.append(None)
    return out


def plan_file(
    target: Target, parsed: ParsedFile, round_number: int, create_entries: bool
) -> ImportPlan:
    session: ImportedSession = parsed.session
    return plan_import(
        target.season,
        session,
        round_number,
        parsed.path,
        target.config,
        create_entries,
        source=f"import {parsed.importer.name} v{parsed.importer.version} "
        f"{Path(parsed.path).name} sha256:{parsed.sha256[:12]}",
    )
