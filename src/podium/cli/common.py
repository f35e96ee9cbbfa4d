"""Options and output helpers shared by the commands."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from podium.render.tabular import Format

SeasonOption = Annotated[
    Path | None,
    typer.Option(
        "--season",
        "-s",
        envvar="PODIUM_SEASON",
        show_default="built-in 2004 ALMS",
        help="Season folder to use (see docs/formats.md).",
        file_okay=False,
    ),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output: a terminal table, CSV, JSON or Markdown.")
]
ClassOption = Annotated[
    str | None, typer.Option("--class", "-c", help="Class code, e.g. GT or LMP1.")
]
AfterOption = Annotated[
    int | None,
    typer.Option("--after", "-a", min=1, help="Standings after this round (default: all)."),
]


@contextmanager
def failing_cleanly() -> Iterator[None]:
    """Turn podium's own errors into a message on stderr and exit code 1."""
    from podium.errors import PodiumError

    try:
        yield
    except PodiumError as exc:
        for problem in exc.problems:
            typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(1) from None


def emit(build: Callable[[], Any], fmt: Format) -> None:
    from podium.render.tabular import render

    with failing_cleanly():
        table = build()
    sys.stdout.write(render(table, fmt))


def championships(season: Path | None) -> Any:
    from podium.service import Championships, open_season

    with failing_cleanly():
        return Championships(open_season(season, cached=True))
