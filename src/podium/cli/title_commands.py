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
    chart: Path | None,
    season: Path | None,
    fmt: str,
) -> None:
    """Who can still win a title, exactly, and what each contender needs.

    For every contender: champion / can still win / eliminated (or unknown
    past the solver's time cap), the points range still reachable, the
    weakest result at the next round that guarantees the title whatever the
    others do, the worst case that shows why one place less is not enough,
    and a witness ending that makes it champion. The method column says
    which reasoning answered: pairwise, a constructed witness, the points
    budget (more points left than the rivals can absorb) or the CP-SAT
    solver. Driver tables built from partial data say which missing results
    would decide.

    Example: podium title --class LMP2 --championship teams --after 8
    """
    from podium.app.title import title_fight
    from podium.render.title_chart import title_chart_svg
    from podium.render.title_views import fight_view

    scored = scored_season(season)
    with failing_cleanly():
        fight = title_fight(
            scored, class_code, championship, after, who, everyone_finishes, time_limit
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
    chart: Path | None,
    season: Path | None,
    fmt: str,
) -> None:
    """Title odds by seeded Monte Carlo over the rounds still to run.

    Each run draws a finishing order for every open round (the model is
    printed with the result) and scores it under the season's rules; ties
    after count-back are shared. Odds come with their standard error.

    Example: podium odds --class GT --championship drivers --after 7 --runs 1000000 --seed 42
    """
    from podium.app.title import title_fight, title_odds
    from podium.render.title_chart import title_chart_svg
    from podium.render.title_views import odds_view

    if model not in ("uniform", "form"):
        click.echo(f"error: --model: expected uniform or form, found {model!r}", err=True)
        raise click.exceptions.Exit(2)
    scored = scored_season(season)
    with failing_cleanly():
        result = title_odds(scored, class_code, championship, after, runs, seed, model, retire_rate)
        if chart:
            fight = title_fight(scored, class_code, championship, after)
            chart.write_text(title_chart_svg(fight, result), encoding="utf-8")
    emit(lambda: odds_view(result), fmt)
