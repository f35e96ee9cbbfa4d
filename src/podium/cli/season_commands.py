"""Commands that read and score a season: standings, results, winners,
explain, audit, validate, schedule, classes, entries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from podium.cli import app
from podium.cli.common import (
    AfterOption,
    ClassOption,
    FormatOption,
    SeasonOption,
    championships,
    emit,
    failing_cleanly,
)
from podium.render.tabular import Format


@app.command()
def standings(
    class_code: ClassOption = None,
    championship: Annotated[
        str,
        typer.Option(
            "--championship", "-C", help="Championship id from the rules: teams or drivers."
        ),
    ] = "teams",
    after: AfterOption = None,
    season: SeasonOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Championship standings for one class, with points per round.

    Places shared after count-back print as "10=". A blank round cell means no
    points. CSV columns: pos,name,[chassis,engine,]r1..rN,total.

    Example: podium standings --class GT --championship teams --after 8
    """
    from podium.render.views import standings_view

    champs = championships(season)
    emit(lambda: standings_view(champs, champs.standings(championship, class_code, after)), fmt)


@app.command()
def results(
    round_number: Annotated[int, typer.Argument(metavar="ROUND", help="Round number, e.g. 9.")],
    class_code: ClassOption = None,
    all_cars: Annotated[
        bool, typer.Option("--all", help="Also list cars that did not start.")
    ] = False,
    season: SeasonOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """A round's classification: overall and class positions, laps, retirements.

    Lists the starters in results-sheet order; --all adds the non-starters.
    CSV columns: overall_pos,class,class_pos,car_no,team,drivers,car,laps,status,reason.

    Example: podium results 9 --class LMP2
    """
    from podium.render.views import results_view

    champs = championships(season)
    starters = not all_cars
    emit(
        lambda: results_view(
            champs, round_number, champs.classification(round_number, class_code, starters)
        ),
        fmt,
    )


@app.command()
def winners(season: SeasonOption = None, fmt: FormatOption = Format.TABLE) -> None:
    """Class winners of every round (the season results table); the overall winner is marked."""
    from podium.render.views import winners_view

    champs = championships(season)
    emit(lambda: winners_view(champs.season, champs.winners()), fmt)


@app.command()
def explain(
    name: Annotated[str, typer.Argument(help="Team or driver (any alias works).")],
    class_code: ClassOption = None,
    championship: Annotated[
        str | None, typer.Option("--championship", "-C", help="Only this championship.")
    ] = None,
    after: AfterOption = None,
    season: SeasonOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Every point of a team or driver, round by round, with the rule behind it.

    Rows that scored nothing say why (not classified, short of distance, not
    registered, not the team's best car).

    Example: podium explain "ADT Champion Racing" --class LMP1
    """
    from podium.render.views import explain_view

    champs = championships(season)
    emit(lambda: explain_view(champs.explain(name, class_code, championship, after)), fmt)


@app.command()
def audit(season: SeasonOption = None, fmt: FormatOption = Format.TABLE) -> None:
    """Compare the computed tables with the published ones, cell by cell.

    The published tables are the season folder's published/*.csv. Every cell
    that differs is listed with the ledger rows behind it; cells decided by a
    modelled rule (registration, distance) are listed too. Exits 1 if any
    difference is unexplained.

    Example: podium audit --format json
    """
    from podium.render.audit_view import audit_view

    champs = championships(season)
    with failing_cleanly():
        report = champs.audit()
    emit(lambda: audit_view(report), fmt)
    if not report.clean:
        raise typer.Exit(1)


@app.command()
def validate(
    folder: Annotated[Path, typer.Argument(help="Season folder to check.", file_okay=False)],
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Check a season folder and report every problem with file, line and field.

    Finds unknown car numbers, drivers not entered, class mismatches, duplicate
    positions, engines that break their class rules, broken rules.toml. Exits 1
    when there is any error (warnings alone exit 0).
    """
    from podium.readers.native import read_season
    from podium.render.tabular import Tabular

    report = read_season(folder)
    columns = ["severity", "file", "line", "field", "problem", "expected", "found"]
    rows = [
        [p.severity.value, p.file, str(p.line or ""), p.field, p.message, p.expected, p.found]
        for p in report.problems
    ]
    if fmt is Format.TABLE:
        for p in report.problems:
            typer.echo(f"{p.severity.value}: {p}")
        s = report.season
        summary = (
            f"{folder}: {len(report.errors)} error(s), {len(report.problems) - len(report.errors)} "
            f"warning(s)"
        )
        if s is not None:
            summary += (
                f"; {len(s.classes)} classes, {len(s.rounds)} rounds, {len(s.entries)} entries, "
                f"{len(s.results)} result lines"
            )
        typer.echo(summary)
    else:
        emit(lambda: Tabular(columns, rows, "Problems"), fmt)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def schedule(season: SeasonOption = None, fmt: FormatOption = Format.TABLE) -> None:
    """The calendar: rounds, circuits, dates, race length and points scale."""
    from podium.render.season_views import schedule_view

    champs = championships(season)
    emit(lambda: schedule_view(champs.season), fmt)


@app.command(name="classes")
def classes_command(season: SeasonOption = None, fmt: FormatOption = Format.TABLE) -> None:
    """The classes and their technical rules (weight, engine limits, brakes)."""
    from podium.render.season_views import classes_view

    champs = championships(season)
    emit(lambda: classes_view(champs.season), fmt)


@app.command()
def entries(
    class_code: ClassOption = None, season: SeasonOption = None, fmt: FormatOption = Format.TABLE
) -> None:
    """The entry list: cars, teams, chassis, engines, tyres and drivers per round."""
    from podium.render.season_views import entries_view

    champs = championships(season)
    with failing_cleanly():
        code = champs.class_code(class_code) if class_code else None
    emit(lambda: entries_view(champs.season, code), fmt)


__all__ = ["failing_cleanly"]
