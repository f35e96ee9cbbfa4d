"""`podium f1 ...`: Formula One data in the F1DB layout (data/f1/FORMAT.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from podium.cli.common import emit, failing_cleanly, format_option
from podium.render.tabular import Format

data_option = click.option(
    "--data",
    "-d",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder in the F1DB layout: races.csv, results.csv, driver_standings.csv, "
    "constructor_standings.csv, deciders.csv (the points column of results.csv is never read).",
)


@click.group(no_args_is_help=True)
def f1() -> None:
    """Formula One: score every season from its results and its rules file, and
    compare with the published tables.

    Example: podium f1 verify --data data/f1 --season 1976
    """


@f1.command()
@data_option
@click.option("--season", "-y", type=int, help="Only this season, e.g. 1976.")
@format_option
def verify(data: Path, season: int | None, fmt: str) -> None:
    """Score each season from its results and rules and compare podium's final
    and round-by-round drivers' and constructors' tables with the published ones.

    Per season: whether the final tables are equal, how many round-by-round
    tables are equal, and the first differing row when one is not. The last
    line sums up: final drivers N/M, final constructors N/M.

    Example: podium f1 verify --data data/f1 --season 1976
    """
    from podium.app.f1 import f1_verification
    from podium.render.f1_views import verify_view
    from podium.render.tabular import render

    with failing_cleanly():
        verification = f1_verification(data, [season] if season is not None else None)
    if season is not None and not verification.checks:
        click.echo(f"error: no season {season} in {data}", err=True)
        raise click.exceptions.Exit(1)
    table = verify_view(verification)
    if Format(fmt) is Format.TABLE:
        # Plain lines: long first-difference texts stay readable and greppable.
        for year, drivers, constructors, rounds, where in table.rows:
            parts = [
                year,
                f"final drivers {drivers}",
                f"final constructors {constructors}",
                f"round by round {rounds}",
            ]
            click.echo("  ".join(parts + ([f"first difference: {where}"] if where else [])))
        click.echo(table.notes[-1])
        return
    sys.stdout.write(render(table, Format(fmt)))


@f1.command()
@data_option
@click.option("--year", "-y", type=int, help="Only this season, e.g. 1978.")
@format_option
def deciders(data: Path, year: int | None, fmt: str) -> None:
    """The round at which each title was decided, podium's beside the published one.

    podium scores each season under its rules and finds the first round
    after which the leader stays champion whatever happens next (the
    rival winning everything left, the leader scoring nothing; best-N
    results, sprints and shared drives as the rules have them). The last
    line sums up: drivers N/M, constructors N/M.

    Example: podium f1 deciders --data data/f1
    """
    from podium.app.f1 import f1_deciders
    from podium.render.title_views import deciders_view

    emit(lambda: deciders_view(f1_deciders(data, [year] if year is not None else None)), fmt)
