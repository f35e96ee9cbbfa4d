"""`podium import`: results files from timing systems and simulators."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from podium.cli.common import failing_cleanly
from podium.render.tabular import Format

if TYPE_CHECKING:
    from podium.app.imports import ImportOutcome
    from podium.readers.registry import Parser

T = TypeVar("T")

_OUTPUTS = {f.value for f in Format}


@click.command(name="import")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--season", "-s", help="Season folder, or alms-2004 (the built-in season).")
@click.option(
    "--round",
    "-r",
    "round_number",
    type=click.IntRange(min=1),
    help="Round the (first) file is for. Default: the first round without results.",
)
@click.option("--apply", is_flag=True, help="Write the import (default: dry run, writes nothing).")
@click.option(
    "--status",
    type=click.Choice(["provisional", "official"]),
    default="provisional",
    show_default=True,
    help="What the imported results are until `podium publish` makes them official.",
)
@click.option(
    "--session",
    "sessions",
    multiple=True,
    metavar="WHICH[=INTO]",
    help="Which sessions of the file to import (repeatable): its number as --inspect lists "
    "them, its name as the file spells it, or race/qualifying; =INTO names the round's "
    "session it fills (race, sprint, race2, qualifying). Default: every race (race, race2, "
    "...) and the last qualifying. With one race, --session sprint sends it to sprint.",
)
@click.option(
    "--trust-positions",
    is_flag=True,
    help="Keep the file's order where it contradicts laps and time (race) or best laps "
    "(qualifying); by default podium reorders and says so.",
)
@click.option("--create-entries", is_flag=True, help="Add unknown cars, drivers and teams.")
@click.option("--database", help="Also post to this store (e.g. sqlite:///podium.db).")
@click.option(
    "--format",
    "-f",
    "fmt",
    multiple=True,
    help="An importer name to force one (see --list-formats) and/or the output: "
    "table, csv, json or md.",
)
@click.option("--columns", help="generic-csv column mapping, e.g. 'number=Startnr,laps=Runden'.")
@click.option("--inspect", is_flag=True, help="Show what the files hold; no season needed.")
@click.option("--cars", is_flag=True, help="With --inspect: every car of every session.")
@click.option("--laps", is_flag=True, help="With --inspect --cars: each car's laps too.")
@click.option("--list-formats", is_flag=True, help="List the importers.")
def import_command(
    files: tuple[Path, ...],
    season: str | None,
    round_number: int | None,
    apply: bool,
    status: str,
    sessions: tuple[str, ...],
    trust_positions: bool,
    create_entries: bool,
    database: str | None,
    fmt: tuple[str, ...],
    columns: str | None,
    inspect: bool,
    cars: bool,
    laps: bool,
    list_formats: bool,
) -> None:
    """Import race and qualifying results (FILES: any number; the format is
    read from the content) from a timing system or simulator into a season.

    Formats: Al Kamel race and qualifying classifications and lap charts, Assetto Corsa
    Competizione (server and client), rFactor 2 / Le Mans Ultimate /
    Automobilista, iRacing, Assetto Corsa (server and offline), RaceRoom,
    Automobilista 2 / Project CARS server stats, and any CSV with --columns.
    A dry run (the
    default) shows the new rows, changed positions, new entries and penalties;
    --apply writes them (results/rN.csv, imports.csv) all or nothing.
    Importing the same file again changes nothing.

    A file can hold practice, qualifying and several races: --inspect lists
    them, and by default each race fills a session of the round (race, race2,
    ...) and the last qualifying its grid; --session chooses. Several race
    files go to consecutive rounds from --round; a qualifying file to the
    round of the race file from the same track (grid, pole, qualifying
    points). A sprint and a feature race of one round: import each with its
    --session. Where a file's positions contradict its laps and times (or best
    laps), podium orders by those and says so (--trust-positions keeps the
    file's). Laps in the file are stored with the results (`podium laps`).
    Results are provisional until `podium publish`. A car is known
    by its number in its class (two classes may share a number) and, where a
    number is used twice, by its drivers; safety cars are left out.

    Class names map through the season's import.toml; names of people through
    aliases, and a fuzzy match only for a typo (its score is shown); a name
    that is merely like another is refused until an alias or a new entry in
    drivers.csv or teams.csv settles it. See docs/importing.md.

    Example: podium import results.json --inspect

    Example: podium import results.json --inspect --cars --format json

    Example: podium import results.csv --season my-league --round 3 --apply

    Example: podium import server/results/*_R.json --season my-league --create-entries --apply
    """
    output, forced = _split_formats(fmt)
    with failing_cleanly():
        if list_formats:
            _emit_formats(output)
            return
        if not files:
            raise click.UsageError("give at least one results file (or --list-formats)")
        parser = _parser(forced, columns)
        if inspect:
            _inspect(list(files), forced, parser, output, cars, laps, trust_positions, sessions)
            return
        _import(
            list(files),
            season,
            round_number,
            apply,
            status,
            list(sessions),
            trust_positions,
            create_entries,
            database,
            forced,
            parser,
            output,
        )


def _split_formats(values: Sequence[str]) -> tuple[Format, str | None]:
    output, forced = Format.TABLE, None
    for value in values:
        if value in _OUTPUTS:
            output = Format(value)
        else:
            forced = value
    return output, forced


def _parser(forced: str | None, columns: str | None) -> Parser | None:
    if columns is None:
        return None
    from functools import partial

    from podium.readers import generic_csv
    from podium.readers.registry import importer

    if forced is not None:
        importer(forced)
    return partial(generic_csv.parse, columns=generic_csv.parse_columns(columns))


def _emit_formats(output: Format) -> None:
    from podium.app.imports import importers
    from podium.render.tabular import Tabular, render

    found = importers()
    rows = [[i.name, i.label, i.version] for i in found.importers]
    table = Tabular(["name", "label", "version"], rows, "Import formats", answer=found)
    click.echo(render(table, output), nl=False)


def _progress(items: Sequence[T], label: str, output: Format) -> Iterable[T]:
    if len(items) < 2 or output is not Format.TABLE:
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description=label, console=Console(stderr=True), transient=True)


def _inspect(
    files: list[Path],
    forced: str | None,
    parser: Parser | None,
    output: Format,
    cars: bool,
    laps: bool,
    trust: bool,
    sessions: tuple[str, ...],
) -> None:
    if cars:
        _inspect_cars(files, forced, parser, output, laps, trust, sessions)
        return
    from podium.app.inspect import inspect_file
    from podium.render.import_views import summary_view
    from podium.render.tabular import render

    which = sessions[-1] if sessions else None
    summaries = [
        inspect_file(p, forced, parser, trust, which) for p in _progress(files, "Reading", output)
    ]
    if output is Format.JSON and len(summaries) > 1:
        click.echo(json.dumps([s.to_json() for s in summaries], ensure_ascii=False, indent=2))
        return
    for s in summaries:
        table = summary_view(s)
        if output is Format.TABLE:
            click.echo(table.title)  # long file names would squeeze the table
            table.title = ""
        click.echo(render(table, output), nl=False)


def _inspect_cars(
    files: list[Path],
    forced: str | None,
    parser: Parser | None,
    output: Format,
    laps: bool,
    trust: bool,
    sessions: tuple[str, ...],
) -> None:
    from podium.app.inspect import file_cars
    from podium.render.import_views import cars_views
    from podium.render.tabular import render

    answers = [
        file_cars(p, forced, parser, laps, trust, list(sessions))
        for p in _progress(files, "Reading", output)
    ]
    if output is Format.JSON:
        held = [a.to_json() for a in answers]
        click.echo(json.dumps(held[0] if len(held) == 1 else held, ensure_ascii=False, indent=2))
        return
    for answer in answers:
        for table in cars_views(answer):
            if output is Format.TABLE:
                click.echo(table.title)
                table.title = ""
            click.echo(render(table, output), nl=False)


def _import(
    files: list[Path],
    season: str | None,
    round_number: int | None,
    apply: bool,
    status: str,
    sessions: list[str],
    trust: bool,
    create_entries: bool,
    database: str | None,
    forced: str | None,
    parser: Parser | None,
    output: Format,
) -> None:
    from podium.app import imports
    from podium.app.season import BUILTIN_ID
    from podium.errors import InputError, Problem
    from podium.model import RoundStatus

    if season is None:
        raise InputError(
            Problem(
                "--season",
                None,
                "season",
                "which season?",
                f"a season folder or {BUILTIN_ID}",
                "nothing",
            )
        )
    target = imports.open_target(season)
    if apply and target.folder is None and database is None:
        raise InputError(
            Problem(
                "--season",
                None,
                "season",
                f"{BUILTIN_ID} is the built-in season (read-only package data): "
                "copy it to a folder and import there, or pass --database URL",
                expected="a season folder",
                found=season,
            )
        )
    parsed = imports.parse_files(list(_progress(files, "Reading", output)), forced, parser, trust)
    chosen = imports.choose_sessions(parsed, sessions)
    rounds = imports.rounds_for(target.season, chosen, round_number)
    repo = None
    if database:
        from podium.store import open_repository

        repo = open_repository(database)
        imports.hold_season(repo, target)
    failed = False
    for p, number, taken in zip(parsed, rounds, chosen, strict=True):
        if number is None:
            if len(parsed) == 1:
                imports.plan_file(
                    target, p, round_number or 1, create_entries, imported=taken[-1].session
                )  # raises: not a race
            click.echo(
                f"skipped {p.path}: a {taken[-1].session.kind.value} session (podium imports "
                "races and qualifying)",
                err=True,
            )
            continue
        if len(p.sessions) > 1 and output is Format.TABLE:
            from podium.imports.sessions import listing

            click.echo(
                f"{Path(p.path).name}: sessions {listing(p.sessions)}; importing "
                + ", ".join(f"{c.session.index} into {c.into}" for c in taken)
                + " (--session chooses)"
            )
        for c in taken:
            outcome = imports.import_file(
                target, p, number, apply, create_entries, repo, RoundStatus(status), c.into,
                c.session,
            )  # fmt: skip
            _print_outcome(outcome, output)
            failed |= bool(outcome.problems)
    if failed:
        raise click.exceptions.Exit(1)


def _print_outcome(outcome: ImportOutcome, output: Format) -> None:
    from podium.render.import_views import outcome_view
    from podium.render.tabular import render

    for problem in outcome.problems:
        click.echo(f"error: {problem}", err=True)
    table = outcome_view(outcome, titled=output is not Format.TABLE)
    if output is Format.TABLE:
        click.echo(outcome.title)
        if not table.rows:
            for note in table.notes:
                click.echo(note)
            return
    click.echo(render(table, output), nl=False)
