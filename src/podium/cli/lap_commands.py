"""`podium laps`: a round's laps, car by car, from the season folder's laps/."""

from __future__ import annotations

from pathlib import Path

import click

from podium.cli.common import (
    emit,
    failing_cleanly,
    format_option,
    round_argument,
    scored_season,
    season_option,
)


@click.command()
@round_argument
@click.option(
    "--session",
    default="race",
    show_default=True,
    help="Session of the round: race, sprint, race2, qualifying...",
)
@click.option("--car", help="Only this car (its number or entry key).")
@season_option
@format_option
def laps(round_number: int, session: str, car: str | None, season: Path | None, fmt: str) -> None:
    """Every lap of a round's cars: time, position overall and in class, gap
    to the class leader, sectors, pit stops.

    Read from the season folder's laps/r<round>.csv (laps/r<round>-<session>.csv
    for another session), which `podium import --apply` writes from timing
    files that record laps; see docs/formats.md. CSV columns:
    car,class,lap,driver,time,pos,class_pos,gap,elapsed,s1..sN,pit,valid.

    Example: podium laps 1 --season my-league --car 42
    """
    from podium.app.laps import folder_laps, round_laps
    from podium.render.lap_views import laps_view

    scored = scored_season(season)
    with failing_cleanly():
        held = folder_laps(season, scored.printed, round_number)
    emit(lambda: laps_view(round_laps(scored, round_number, held, session, car)), fmt)
