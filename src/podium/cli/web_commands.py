"""`podium serve` (the web site and JSON API) and `podium export` (standings
and results as CSV, JSON, Markdown or MediaWiki wikitext)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from podium.cli import app
from podium.cli.common import AfterOption, ClassOption, SeasonOption, championships, failing_cleanly


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    MD = "md"
    WIKITEXT = "wikitext"


ExportFormatOption = Annotated[
    ExportFormat,
    typer.Option(
        "--format", "-f", help="csv, json, md (Markdown) or wikitext (a MediaWiki table)."
    ),
]

export_app = typer.Typer(
    name="export",
    help=(
        "Export standings or results as CSV, JSON, Markdown or MediaWiki wikitext.\n\n"
        "Example: podium export standings --class GT --championship teams --format wikitext"
    ),
    no_args_is_help=True,
)
app.add_typer(export_app)


def _emit(build: Any, fmt: ExportFormat, wikitext: Any) -> None:
    from podium.render.tabular import Format, render

    with failing_cleanly():
        text = wikitext() if fmt is ExportFormat.WIKITEXT else render(build(), Format(fmt.value))
    sys.stdout.write(text)


@export_app.command("standings")
def export_standings(
    class_code: ClassOption = None,
    championship: Annotated[
        str, typer.Option("--championship", "-C", help="Championship id: teams or drivers.")
    ] = "teams",
    after: AfterOption = None,
    season: SeasonOption = None,
    fmt: ExportFormatOption = ExportFormat.CSV,
) -> None:
    """A standings table, round by round. Wikitext cells are coloured in the
    Wikipedia results key (gold, silver, bronze, green, blue, purple, black,
    white), with the key as a second table.

    Example: podium export standings --class GT --championship teams --format wikitext > gt.wiki
    """
    from podium.render.views import standings_view
    from podium.render.wikitext import standings_wikitext

    champs = championships(season)
    with failing_cleanly():
        table = champs.standings(championship, class_code, after)
    _emit(
        lambda: standings_view(champs, table),
        fmt,
        lambda: standings_wikitext(champs, table),
    )


@export_app.command("results")
def export_results(
    round_number: Annotated[int, typer.Argument(metavar="ROUND", help="Round number, e.g. 9.")],
    class_code: ClassOption = None,
    season: SeasonOption = None,
    fmt: ExportFormatOption = ExportFormat.CSV,
) -> None:
    """A round's classification (overall, or one class with --class).

    Example: podium export results 9 --format wikitext
    """
    from podium.render.views import results_view
    from podium.render.wikitext import results_wikitext

    champs = championships(season)
    with failing_cleanly():
        lines = champs.classification(round_number, class_code)
    _emit(
        lambda: results_view(champs, round_number, lines),
        fmt,
        lambda: results_wikitext(champs, round_number, lines),
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            "-d",
            envvar="PODIUM_DATABASE_URL",
            show_default="SQLite file in the user's data directory",
            help="Database to serve, e.g. sqlite:///podium.db or postgresql+psycopg://user@host/db.",
        ),
    ] = None,
    season: Annotated[
        Path | None,
        typer.Option(
            "--season",
            "-s",
            file_okay=False,
            help="Serve this season folder from memory instead of a database.",
        ),
    ] = None,
    revision_ttl: Annotated[
        float,
        typer.Option(
            min=0,
            max=60,
            help=(
                "Seconds a request may reuse the season revision another request just read: "
                "writes through this server show at once, writes by other processes within "
                "this time. 0 reads it on every request."
            ),
        ),
    ] = 0.25,
) -> None:
    """Serve the web site and the JSON API (/api/v1, OpenAPI at /api/v1/openapi.json).

    By default it serves the embedded SQLite database (the file podium db load
    writes), loading the built-in 2004 ALMS season first if the database holds
    no season. --database serves another database (PostgreSQL works the same).
    --season PATH serves a season folder from memory, with a write token valid
    until the server stops.

    Example: podium serve --port 8000   then open http://127.0.0.1:8000/seasons/alms-2004
    """
    import gc

    import uvicorn

    repository = open_repository(database, season)
    from podium.web import create_app

    web_app = create_app(repository, revision_ttl=revision_ttl)
    ids = repository.season_ids()
    for season_id in ids:  # score now, not on the first visitor's request
        web_app.state.scored.get(season_id)
    # What is loaded now lives as long as the server: keep it out of the
    # garbage collector's full passes (they showed as p99 spikes).
    gc.collect()
    gc.freeze()
    first = f"/seasons/{ids[0]}" if ids else ""
    typer.echo(f"podium: serving http://{host}:{port}{first} (API: http://{host}:{port}/api/v1)")
    if season is not None:
        # A memory repository has no `podium token create`: mint one for this process.
        token = repository.create_token("podium serve")
        typer.echo(f"podium: write token for this process (memory only): {token}")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=False)


def open_repository(database: str | None, season: Path | None) -> Any:
    """A memory repository holding a season folder, or a database (loaded
    with the built-in season when it holds none)."""
    from podium.service import open_season

    if season is not None:
        from podium.repository import MemoryRepository

        memory = MemoryRepository()
        with failing_cleanly():
            memory.load_season(open_season(season), actor="podium serve")
        return memory
    from podium.store import open_repository as open_store

    with failing_cleanly():
        store = open_store(database)
        if not store.season_ids():
            report = store.load_season(open_season(), actor="podium serve")
            typer.echo(f"podium: loaded the built-in season {report.season_id} into the database")
    return store
