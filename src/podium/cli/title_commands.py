"""Title questions: `podium title` (who can still win, what each contender
needs) and `podium odds` (Monte Carlo title odds)."""

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
    scored_season,
    season_option,
)

named_only_option = click.option(
    "--named-only",
    is_flag=True,
    help="Driver titles: count only results whose drivers the sources name (default: "
    "a driverless result counts for the crew the entry list names for that round).",
)
chart_option = click.option(
    "--chart",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write an SVG chart (reachable points and odds) to this file.",
)


@click.command()
@class_option
@championship_option()
@after_option
@click.option("--who", "-w", help="Only this team or driver, with the reasoning.")
@click.option(
    "--everyone-finishes",
    is_flag=True,
    help="Assume every car is classified at every open round.",
)
@click.option(
    "--time-limit",
    type=float,
    default=5.0,
    show_default=True,
    help="Seconds the exact solver may take; past it: unknown.",
)
@named_only_option
@chart_option
@season_option
@format_option
def title(
    class_code: str | None,
    championship: str,
    after: int | None,
    who: str | None,
    everyone_finishes: bool,
    time_limit: float,
    named_only: bool,
    chart: Path | None,
    season: Path | None,
    fmt: str,
) -> None:
    """Who can still win a title, exactly, and what each contender needs.

    One line per answer, in plain words: "champion", "can still win: needs
    ... at <round>", "out: even winning every race leaves them N points
    short of <leader>", or "unknown: <why>" (never a guess); contenders with
    the same points and answer share a line. --who tells one contender's
    story: why, what clinches it, one place less that is not enough, and one
    ending that makes it champion. -f json carries everything, the method
    that answered included.

    Example: podium title --class LMP2 --championship teams --after 8
    """
    from podium.app.title import title_fight
    from podium.render.title_chart import title_chart_svg
    from podium.render.title_views import fight_view

    scored = scored_season(season)
    with failing_cleanly():
        fight = title_fight(
            scored,
            class_code,
            championship,
            after,
            who,
            everyone_finishes,
            time_limit,
            named_only,
        )
    if chart:
        chart.write_text(title_chart_svg(fight), encoding="utf-8")
    emit(lambda: fight_view(fight, detailed=who is not None), fmt)


@click.command()
@class_option
@championship_option()
@after_option
@click.option(
    "--runs",
    "-n",
    type=click.IntRange(min=1),
    default=100_000,
    show_default=True,
    help="Season endings to simulate.",
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Random seed: same seed, same odds."
)
@click.option(
    "--model",
    default="uniform",
    show_default=True,
    help="Finishing order: uniform, or form (weighted by points per round).",
)
@click.option(
    "--retire-rate",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Chance a car retires (scores nothing); default: the share of starters this "
    "season's races saw retire.",
)
@named_only_option
@chart_option
@season_option
@format_option
def odds(
    class_code: str | None,
    championship: str,
    after: int | None,
    runs: int,
    seed: int,
    model: str,
    retire_rate: float | None,
    named_only: bool,
    chart: Path | None,
    season: Path | None,
    fmt: str,
) -> None:
    """Title odds by seeded Monte Carlo over the rounds still to run.

    Each run draws a finishing order for every open round (the model is
    printed with the result) and scores it under the season's rules; ties
    after count-back are shared. Cars retire at the season's own rate so far
    (the share of starters not classified; printed) unless --retire-rate
    says otherwise. Odds come with their standard error. Rules the
    simulation does not play out exactly (best-N drops, bonuses still to
    win) give no odds: "unknown" with the reason.

    Example: podium odds --class GT --championship drivers --after 7 --runs 1000000 --seed 42
    """
    from podium.app.title import title_fight
    from podium.app.title_odds import title_odds
    from podium.render.title_chart import title_chart_svg
    from podium.render.title_views import odds_view

    if model not in ("uniform", "form"):
        click.echo(f"error: --model: expected uniform or form, found {model!r}", err=True)
        raise click.exceptions.Exit(2)
    scored = scored_season(season)
    with failing_cleanly():
        result = title_odds(
            scored, class_code, championship, after, runs, seed, model, retire_rate, named_only
        )
        if chart:
            fight = title_fight(scored, class_code, championship, after, named_only=named_only)
            chart.write_text(title_chart_svg(fight, result), encoding="utf-8")
    emit(lambda: odds_view(result), fmt)
