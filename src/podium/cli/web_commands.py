"""`podium serve` (the web site and JSON API) and `podium export` (standings
and results as CSV, JSON, Markdown or MediaWiki wikitext)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from podium.cli.common import (
    after_option,
    championship_option,
    class_option,
    failing_cleanly,
    round_argument,
    scored_season,
    season_option,
)

if TYPE_CHECKING:
    from podium.app.repository import Repository
    from podium.render.tabular import Tabular

EXPORT_FORMATS = ["csv", "json", "md", "wikitext"]

export_format_option = click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="csv",
    show_default=True,
    help="csv, json, md (Markdown) or wikitext (a MediaWiki table).",
)


@click.group(name="export", no_args_is_help=True)
def export_group() -> None:
    """Export standings or results as CSV, JSON, Markdown or MediaWiki wikitext.

    Example: podium export standings --class GT --championship teams --format wikitext
    """


def _emit(table: Callable[[], Tabular], fmt: str, wikitext: Callable[[], str]) -> None:
    from podium.render.tabular import Format, render

    with failing_cleanly():
        text = wikitext() if fmt == "wikitext" else render(table(), Format(fmt))
    sys.stdout.write(text)


@export_group.command("standings")
@class_option
@championship_option(help="Championship id: teams or drivers.")
@after_option
@season_option
@export_format_option
def export_standings(
    class_code: str | None, championship: str, after: int | None, season: Path | None, fmt: str
) -> None:
    """A standings table, round by round. Wikitext cells are coloured in the
    Wikipedia results key (gold, silver, bronze, green, blue, purple, black,
    white), with the key as a second table.

    Example: podium export standings --class GT --championship teams --format wikitext > gt.wiki
    """
    from podium.app.standings import standings_report
    from podium.render.views import standings_view
    from podium.render.wikitext import standings_wikitext

    scored = scored_season(season)
    with failing_cleanly():
        report = standings_report(scored, championship, class_code, after)
    _emit(lambda: standings_view(report), fmt, lambda: standings_wikitext(scored.season, report))


@export_group.command("results")
@round_argument
@class_option
@season_option
@export_format_option
def export_results(
    round_number: int, class_code: str | None, season: Path | None, fmt: str
) -> None:
    """A round's classification (ROUND; overall, or one class with --class).

    Example: podium export results 9 --format wikitext
    """
    from podium.app.rounds import results_report
    from podium.render.views import results_view
    from podium.render.wikitext import results_wikitext

    scored = scored_season(season)
    with failing_cleanly():
        report = results_report(scored, round_number, class_code)
    _emit(lambda: results_view(report), fmt, lambda: results_wikitext(scored.season, report))


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--database",
    "-d",
    envvar="PODIUM_DATABASE_URL",
    show_default="SQLite file in the user's data directory",
    help="Database to serve, e.g. sqlite:///podium.db or postgresql+psycopg://user@host/db.",
)
@click.option(
    "--season",
    "-s",
    type=click.Path(file_okay=False, path_type=Path),
    help="Serve this season folder from memory instead of a database.",
)
@click.option(
    "--revision-ttl",
    type=click.FloatRange(0, 60),
    default=0.25,
    show_default=True,
    help="Seconds a request may reuse the season revision another request just read: "
    "writes through this server show at once, writes by other processes within "
    "this time. 0 reads it on every request.",
)
def serve(
    host: str, port: int, database: str | None, season: Path | None, revision_ttl: float
) -> None:
    """Serve the web site and the JSON API (/api/v1, OpenAPI at /api/v1/openapi.json).

    By default it serves the SQLite database in the user's data directory (the
    file podium db load writes), first loading every built-in season it does
    not hold yet (alms-2004, imsa-2023); write tokens come from podium token
    create. --database serves another database (PostgreSQL works the same).
    --season PATH serves a season folder from memory and prints a write token
    valid until the server stops.

    Example: podium serve --port 8000   then open http://127.0.0.1:8000/seasons/alms-2004
    """
    import gc

    import uvicorn

    from podium.web import create_app

    repository = open_repository(database, season)
    web_app = create_app(repository, revision_ttl=revision_ttl)
    ids = repository.season_ids()
    for season_id in ids:  # score now, not on the first visitor's request
        web_app.state.scored.get(season_id)
    # What is loaded now lives as long as the server: keep it out of the
    # garbage collector's full passes (they showed as p99 spikes).
    gc.collect()
    gc.freeze()
    first = f"/seasons/{ids[0]}" if ids else ""
    click.echo(f"podium: serving http://{host}:{port}{first} (API: http://{host}:{port}/api/v1)")
    if season is not None:
        # A memory repository has no `podium token create`: mint one for this process.
        token = repository.create_token("podium serve")
        click.echo(f"podium: write token for this process (memory only): {token}")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False)


LOCK_WAIT = 5.0
"""Seconds a web request waits for a database lock another writer holds."""


def open_repository(database: str | None, season: Path | None) -> Repository:
    """A memory repository holding a season folder, or a database (given
    every built-in season it does not hold yet: alms-2004, imsa-2023)."""
    from podium.app.laps import folder_laps, put_season_laps
    from podium.app.memory import MemoryRepository
    from podium.app.season import open_season
    from podium.store import open_repository as open_store

    if season is not None:
        memory = MemoryRepository()
        with failing_cleanly():
            held = open_season(season)
            memory.load_season(held, actor="podium serve", dated=True)  # as published (as_of)
            laps = folder_laps(season, held)
            put_season_laps(memory, held.id, laps, "podium serve", "season folder laps")
        return memory
    from podium.datasets import BUILTINS

    with failing_cleanly():
        # A request waits at most LOCK_WAIT for another writer, then gets 503.
        store = open_store(database, lock_wait=LOCK_WAIT)
        held_ids = set(store.season_ids())
        for season_id in BUILTINS:
            if season_id in held_ids:
                continue
            # Every built-in season the database lacks, with its laps.
            built_in = open_season(season_id)
            report = store.load_season(built_in, actor="podium serve", dated=True)
            laps = folder_laps(season_id, built_in)
            put_season_laps(store, built_in.id, laps, "podium serve", "built-in season laps")
            click.echo(f"podium: loaded the built-in season {report.season_id} into the database")
    return store
