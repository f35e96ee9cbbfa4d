"""Commands that read and score a season: standings, results, winners,
explain, audit, validate, schedule, classes, entries."""

from __future__ import annotations

from pathlib import Path

import click

from podium.cli.common import (
    after_option,
    championship_option,
    class_option,
    emit,
    failing_cleanly,
    format_option,
    round_argument,
    scored_season,
    season_option,
)
from podium.render.tabular import Format


@click.command()
@class_option
@championship_option()
@after_option
@season_option
@format_option
def standings(
    class_code: str | None, championship: str, after: int | None, season: Path | None, fmt: str
) -> None:
    """Championship standings for one class, with points per round.

    Places shared after count-back print as "10=". A blank round cell means no
    points. CSV columns: pos,name,[chassis,engine,]r1..rN,total.

    Example: podium standings --class GT --championship teams --after 8
    """
    from podium.app.standings import standings_report
    from podium.render.views import standings_view

    scored = scored_season(season)
    emit(lambda: standings_view(standings_report(scored, championship, class_code, after)), fmt)


@click.command()
@round_argument
@class_option
@click.option("--all", "all_cars", is_flag=True, help="Also list cars that did not start.")
@click.option(
    "--session",
    default=None,
    metavar="SESSION",
    help="One session only: race, race2, sprint, or a time mark's class order "
    "(mark-4h: worked out from the lap chart, docs/rules.md). Default: every "
    "session of the results sheets, time marks left out.",
)
@season_option
@format_option
def results(
    round_number: int,
    class_code: str | None,
    all_cars: bool,
    session: str | None,
    season: Path | None,
    fmt: str,
) -> None:
    """A round's classification: overall and class positions, laps, retirements.

    Lists the starters in results-sheet order; --all adds the non-starters;
    --session mark-8h the class order at a time mark (IMSA's Endurance Cup).
    CSV columns: overall_pos,class,class_pos,car_no,team,drivers,car,laps,time,status,reason
    (time: the race time, with any time penalty added, or the gap to the winner).

    Example: podium results 9 --class LMP2
    """
    from podium.app.rounds import results_report
    from podium.render.views import results_view

    scored = scored_season(season)
    with failing_cleanly():
        report = results_report(scored, round_number, class_code, not all_cars, session)
    emit(lambda: results_view(report), fmt)


@click.command()
@season_option
@format_option
def winners(season: Path | None, fmt: str) -> None:
    """Class winners of every round (the season results table); the overall winner is marked.

    Example: podium winners --format md
    """
    from podium.app.rounds import winners_report
    from podium.render.views import winners_view

    scored = scored_season(season)
    emit(lambda: winners_view(winners_report(scored)), fmt)


@click.command()
@click.argument("name")
@class_option
@championship_option(default=None, help="Only this championship.")
@after_option
@season_option
@format_option
def explain(
    name: str,
    class_code: str | None,
    championship: str | None,
    after: int | None,
    season: Path | None,
    fmt: str,
) -> None:
    """Every point of a team, driver, car or make, round by round, with the
    rule behind it (NAME: any alias of a team or driver, a car as "#31" where
    each car is a team, a make such as "Cadillac").

    Rows that scored nothing say why (not classified, short of distance, not
    registered, not the team's best car, a driver who did not drive); a row
    the data cannot settle says so ("drive time not checked").

    Example: podium explain "ADT Champion Racing" --class LMP1
    """
    from podium.app.explain import explain as explain_points
    from podium.render.views import explain_view

    scored = scored_season(season)
    emit(lambda: explain_view(explain_points(scored, name, class_code, championship, after)), fmt)


@click.command()
@season_option
@format_option
def audit(season: Path | None, fmt: str) -> None:
    """Compare the computed tables with the published ones, cell by cell.

    The published tables are the season folder's published/*.csv. Every cell
    that differs is listed with the ledger rows behind it; cells decided by a
    modelled rule (registration, distance) are listed too. Every place where
    the data is incomplete follows (INCOMPLETE: drive times without a lap
    chart, time marks not taken, a qualifying without times, a car without
    a make, a line without a place). Exits 1 if any difference is
    unexplained; incomplete data alone does not fail.

    Example: podium audit --season imsa-2023
    """
    from podium.app.audit import audit as audit_season
    from podium.render.audit_view import audit_view

    scored = scored_season(season)
    with failing_cleanly():
        report = audit_season(scored)
    emit(lambda: audit_view(report), fmt)
    if not report.clean:
        raise click.exceptions.Exit(1)


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@format_option
def validate(folder: Path, fmt: str) -> None:
    """Check a season FOLDER and report every problem with file, line and field.

    Finds unknown car numbers, drivers not entered, class mismatches, duplicate
    positions, engines that break their class rules, broken rules.toml, and
    in laps/ unknown cars, lap numbers out of order and bad times. Exits 1
    when there is any error (warnings alone exit 0).

    Example: podium validate my-league
    """
    from podium.readers.native import read_season
    from podium.readers.native.laps import read_laps
    from podium.render.tabular import Tabular

    report = read_season(folder)
    if report.season is not None:  # laps are read only here: scoring never needs them
        report.problems.extend(read_laps(folder, report.season).problems)
    columns = ["severity", "file", "line", "field", "problem", "expected", "found"]
    rows = [
        [p.severity.value, p.file, str(p.line or ""), p.field, p.message, p.expected, p.found]
        for p in report.problems
    ]
    if Format(fmt) is Format.TABLE:
        for p in report.problems:
            click.echo(f"{p.severity.value}: {p}")
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
        click.echo(summary)
    else:
        emit(lambda: Tabular(columns, rows, "Problems"), fmt)
    if report.errors:
        raise click.exceptions.Exit(1)


@click.command()
@season_option
@format_option
def schedule(season: Path | None, fmt: str) -> None:
    """The calendar: rounds, circuits, dates, race length and points scale.

    Example: podium schedule --season my-league
    """
    from podium.render.season_views import schedule_view

    scored = scored_season(season)
    emit(lambda: schedule_view(scored.season), fmt)


@click.command(name="classes")
@season_option
@format_option
def classes_command(season: Path | None, fmt: str) -> None:
    """The classes and their technical rules (weight, engine limits, brakes).

    Example: podium classes --format csv
    """
    from podium.render.season_views import classes_view

    scored = scored_season(season)
    emit(lambda: classes_view(scored.season), fmt)


@click.command()
@class_option
@season_option
@format_option
def entries(class_code: str | None, season: Path | None, fmt: str) -> None:
    """The entry list: cars, teams, chassis, engines, tyres and drivers per round.

    Example: podium entries --class GTS
    """
    from podium.app.people import entry_list
    from podium.render.season_views import entries_view

    scored = scored_season(season)
    emit(lambda: entries_view(entry_list(scored, class_code)), fmt)
