"""Options and output helpers shared by the commands.

The options are Click decorators; each command imports what it needs from
``podium.app`` inside its body, so that `podium --help` and every command
load only the code they use.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from podium.render.tabular import Format

if TYPE_CHECKING:
    from podium.app.season import ScoredSeason
    from podium.render.tabular import Tabular

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = [f.value for f in Format]


def season_option(function: F) -> F:
    return click.option(
        "--season",
        "-s",
        envvar="PODIUM_SEASON",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        show_default="built-in 2004 ALMS",
        help="Season folder (see docs/formats.md), or a built-in season: alms-2004, imsa-2023.",
    )(function)


def format_option(function: F) -> F:
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(FORMATS),
        default=Format.TABLE.value,
        show_default=True,
        help="Output: a terminal table, CSV, JSON or Markdown.",
    )(function)


def class_option(function: F) -> F:
    return click.option("--class", "-c", "class_code", help="Class code, e.g. GT or LMP1.")(
        function
    )


def after_option(function: F) -> F:
    return click.option(
        "--after",
        "-a",
        type=click.IntRange(min=1),
        help="Standings after this round (default: all).",
    )(function)


def championship_option(default: str | None = "teams", help: str | None = None) -> Callable[[F], F]:
    return click.option(
        "--championship",
        "-C",
        default=default,
        show_default=default is not None,
        help=help or "Championship id from the rules: teams or drivers.",
    )


def round_argument(function: F) -> F:
    return click.argument("round_number", metavar="ROUND", type=int)(function)


@contextmanager
def failing_cleanly() -> Iterator[None]:
    """Turn podium's own errors into a message on stderr and exit code 1."""
    from podium.errors import PodiumError

    try:
        yield
    except PodiumError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        raise click.exceptions.Exit(1) from None


def emit(build: Callable[[], Tabular], fmt: str) -> None:
    """Print the table ``build()`` makes in ``fmt`` (errors fail cleanly)."""
    from podium.render.tabular import render

    with failing_cleanly():
        table = build()
    sys.stdout.write(render(table, Format(fmt)))


def scored_season(season: Path | None) -> ScoredSeason:
    """The season of ``--season`` (default: the built-in one), ready to score."""
    from podium.app.season import ScoredSeason, open_season

    with failing_cleanly():
        return ScoredSeason(open_season(season, cached=True))
