"""`podium import`: results files from timing systems and simulators."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from podium.cli import app
from podium.cli.common import failing_cleanly
from podium.render.tabular import Format

_OUTPUTS = {f.value for f in Format}


@app.command(name="import")
def import_command(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Results files (any number; the format is read from the content).", dir_okay=False
        ),
    ] = None,
    season: Annotated[
        str | None,
        typer.Option("--season", "-s", help="Season folder, or alms-2004 (the built-in season)."),
    ] = None,
    round_number: Annotated[
        int | None,
        typer.Option(
            "--round",
            "-r",
            min=1,
            help="Round the (first) file is for. Default: the first round without results.",
        ),
    ] = None,
    apply: Annotated[
        bool, typer.Option("--apply", help="Write the import (default: dry run, writes nothing).")
    ] = False,
    create_entries: Annotated[
        bool, typer.Option("--create-entries", help="Add unknown cars, drivers and teams.")
    ] = False,
    database: Annotated[
        str | None,
        typer.Option("--database", help="Also post to this store (e.g. sqlite:///podium.db)."),
    ] = None,
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="An importer name to force one (see --list-formats) and/or the output: table, csv, json or md.",
        ),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns", help="generic-csv column mapping, e.g. 'number=Startnr,laps=Runden'."
        ),
    ] = None,
    inspect: Annotated[
        bool, typer.Option("--inspect", help="Show what the files hold; no season needed.")
    ] = False,
    list_formats: Annotated[
        bool, typer.Option("--list-formats", help="List the importers.")
    ] = False,
) -> None:
    """Import race results from a timing system or simulator into a season.

    Formats: Al Kamel classification and analysis CSV, Assetto Corsa
    Competizione, rFactor 2 / Le Mans Ultimate / Automobilista, iRacing,
    Assetto Corsa, RaceRoom, and any CSV with --columns. A dry run (the
    default) shows the new rows, changed positions, new entries and penalties;
    --apply writes them (results/rN.csv, imports.csv) all or nothing.
    Importing the same file again changes nothing.

    Class names map through the season's import.toml; names of people through
    aliases and a fuzzy match whose score is shown (ambiguous names are refused).
    See docs/importing.md.

    Example: podium import results.json --inspect

    Example: podium import results.csv --season my-league --round 5 --apply

    Example: podium import server/results/*_R.json --season my-league --create-entries --apply
    """
    output, forced = _split_formats(fmt or [])
    with failing_cleanly():
        if list_formats:
            _emit_formats(output)
            return
        if not files:
            raise typer.BadParameter("give at least one results file (or --list-formats)")
        parser = _parser(forced, columns)
        if inspect:
            _inspect(files, forced, parser, output)
            return
        _import(
            files, season, round_number, apply, create_entries, database, forced, parser, output
        )


def _split_formats(values: list[str]) -> tuple[Format, str | None]:
    output, forced = Format.TABLE, None
    for value in values:
        if value in _OUTPUTS:
            output = Format(value)
        else:
            forced = value
    return output, forced


def _parser(forced: str | None, columns: str | None) -> Any:
    if columns is None:
        return None
    from functools import partial

    from podium.readers import generic_csv
    from podium.readers.registry import importer

    if forced is not None:
        importer(forced)
    return partial(generic_csv.parse, columns=generic_csv.parse_columns(columns))


def _emit_formats(output: Format) -> None:
    from podium.imports.service import formats
    from podium.render.tabular import Tabular, render

    rows = formats()
    table = Tabular(
        ["name", "label", "version"], [list(r.values()) for r in rows], "Import formats", data=rows
    )
    typer.echo(render(table, output), nl=False)


def _progress(items: list[Any], label: str, output: Format) -> Any:
    if len(items) < 2 or output is not Format.TABLE:
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description=label, console=Console(stderr=True), transient=True)


def _inspect(files: list[Path], forced: str | None, parser: Any, output: Format) -> None:
    from podium.imports.service import summary
    from podium.readers.registry import parse_path
    from podium.render.tabular import Tabular, render

    summaries = [
        summary(parse_path(p, forced, parser)) for p in _progress(files, "Reading", output)
    ]
    for s in summaries:
        rows = [
            [
                name,
                str(c["cars"]),
                f"#{c['winner']['number']}" if c["winner"] and c["winner"]["number"] else "",
                " / ".join(c["winner"]["drivers"]) if c["winner"] else "",
                str(c["winner"]["laps"]) if c["winner"] else "",
            ]
            for name, c in s["classes"].items()
        ]
        statuses = ", ".join(f"{k} {v}" for k, v in s["statuses"].items())
        table = Tabular(
            ["class", "cars", "winner", "drivers", "laps"],
            rows,
            f"{s['file']}: {s['format']}, {s['session']} ({s['session_name']}), "
            f"{s['track'] or 'track not named'}, {s['cars']} cars",
            notes=[f"statuses: {statuses}; penalties: {s['penalties']}", *s["notes"]],
            data=s if len(summaries) == 1 else None,
            right={"cars", "laps"},
        )
        if output is Format.JSON and len(summaries) > 1:
            continue
        if output is Format.TABLE:
            typer.echo(table.title)  # long file names would squeeze the table
            table.title = ""
        typer.echo(render(table, output), nl=False)
    if output is Format.JSON and len(summaries) > 1:
        import json

        typer.echo(json.dumps(summaries, ensure_ascii=False, indent=2))


def _import(
    files: list[Path],
    season: str | None,
    round_number: int | None,
    apply: bool,
    create_entries: bool,
    database: str | None,
    forced: str | None,
    parser: Any,
    output: Format,
) -> None:
    from podium.errors import InputError, Problem
    from podium.imports import service

    if season is None:
        raise InputError(
            Problem(
                "--season",
                None,
                "season",
                "which season?",
                "a season folder or alms-2004",
                "nothing",
            )
        )
    target = service.open_target(season)
    if apply and target.folder is None and database is None:
        raise InputError(
            Problem(
                "--season",
                None,
                "season",
                "alms-2004 is the built-in season (read-only package data): "
                "copy it to a folder and import there, or pass --database URL",
                expected="a season folder",
                found=season,
            )
        )
    parsed = service.parse_files(list(_progress(files, "Reading", output)), forced, parser)
    rounds = service.rounds_for(target.season, parsed, round_number)
    repo = _repository(database, target) if database else None
    failed = False
    for p, number in zip(parsed, rounds, strict=True):
        if number is None:
            if len(parsed) == 1:
                service.plan_file(
                    target, p, round_number or 1, create_entries
                )  # raises: not a race
            typer.echo(f"skipped {p.path}: a {p.session.kind.value} session, not a race", err=True)
            continue
        failed |= _one(p, number, target, apply, create_entries, repo, output)
    if failed:
        raise typer.Exit(1)


def _repository(database: str, target: Any) -> Any:
    from podium.errors import InputError, NotFound, Problem

    try:
        from podium.store import open_repository  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise InputError(
            Problem(
                "--database",
                None,
                "database",
                "this build of podium has no database store",
                "podium.store",
                database,
            )
        ) from None
    repo = open_repository(database)
    try:
        stored = repo.season(target.season.id)
    except NotFound:
        repo.load_season(target.season, "podium import", "season load before import")
        stored = repo.season(target.season.id)
    if target.folder is None:
        target.season = stored  # the built-in season: the database copy is the one to change
    return repo


def _one(
    p: Any, number: int, target: Any, apply: bool, create: bool, repo: Any, output: Format
) -> bool:
    from podium.errors import InputError
    from podium.imports import apply as applying
    from podium.imports import service
    from podium.render.tabular import Tabular, render

    plan = service.plan_file(target, p, number, create)
    rows = [[c.kind, c.car, c.detail] for c in plan.changes]
    notes = [
        f"fuzzy match: {m.given!r} -> {m.name!r} (score {m.score:.2f})"
        for m in plan.matches
        if m.name
    ]
    notes += [
        f"ambiguous: {m.given!r} could be {', '.join(m.candidates)}"
        for m in plan.matches
        if not m.name
    ]
    notes += list(p.session.notes)
    verb = "applied" if apply else "dry run"
    title = f"{Path(p.path).name} -> round {number} ({p.importer.name}, {len(p.session.cars)} cars): {verb}"
    if not plan.changes and not plan.problems:
        notes.append("nothing to change: the season already holds these results")
    if plan.problems:
        for problem in plan.problems:
            typer.echo(f"error: {problem}", err=True)
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
                else service.plan_file(
                    service.Target(stored, None, target.config), p, number, create
                )
            )
            if stored_plan.problems:
                raise InputError(stored_plan.problems)
        if target.folder is not None and plan.changes:
            written = applying.apply_to_folder(
                target.folder, target.season, plan, applying.record_for(p, number)
            )
            notes.append("wrote " + ", ".join(written))
        if repo is not None and stored_plan is not None:
            changed = applying.apply_to_repository(
                repo,
                repo.season(target.season.id),
                stored_plan,
                "podium import",
                f"import {Path(p.path).name} sha256:{p.sha256}",
            )
            notes.append("posted to the database" if changed else "database already up to date")
        target.season = plan.season_after(target.season)
    elif not apply and plan.changes:
        notes.append("dry run: nothing written (add --apply)")
    table = Tabular(
        ["change", "car", "detail"], rows, "" if output is Format.TABLE else title, notes=notes
    )
    if output is Format.TABLE:
        typer.echo(title)
        if not rows:
            for note in notes:
                typer.echo(note)
            return bool(plan.problems)
    typer.echo(render(table, output), nl=False)
    return bool(plan.problems)
