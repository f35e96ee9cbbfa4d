"""`podium f1 ...`: Formula One data in the F1DB layout (data/f1/FORMAT.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from podium.cli import app
from podium.cli.common import failing_cleanly
from podium.render.tabular import Format

if TYPE_CHECKING:
    from podium.render.tabular import Tabular
    from podium.service_f1 import SeasonCheck

f1 = typer.Typer(
    name="f1",
    help="Formula One: score every season from its results and its rules file, and "
    "compare with the published tables.",
    no_args_is_help=True,
)
app.add_typer(f1)


@f1.command()
def verify(
    data: Annotated[
        Path,
        typer.Option(
            "--data",
            "-d",
            help="Folder in the F1DB layout: races.csv, results.csv, driver_standings.csv, "
            "constructor_standings.csv (the points column of results.csv is never read).",
            file_okay=False,
            exists=True,
        ),
    ],
    season: Annotated[
        int | None, typer.Option("--season", "-y", help="Only this season, e.g. 1976.")
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="Output: a terminal table, CSV, JSON or Markdown."),
    ] = Format.TABLE,
) -> None:
    """Score each season from its results and rules and compare podium's final
    and round-by-round drivers' and constructors' tables with the published ones.

    Per season: whether the final tables are equal, how many round-by-round
    tables are equal, and the first differing row when one is not. The last
    line sums up: final drivers N/M, final constructors N/M.

    Example: podium f1 verify --data data/f1 --season 1976
    """
    from podium.render.tabular import render
    from podium.service_f1 import verify_f1

    with failing_cleanly():
        checks = verify_f1(data, [season] if season is not None else None)
    if season is not None and not checks:
        typer.echo(f"error: no season {season} in {data}", err=True)
        raise typer.Exit(1)
    table = verify_view(checks)
    if fmt is Format.TABLE:
        # Plain lines: long first-difference texts stay readable and greppable.
        for year, drivers, constructors, rounds, where in table.rows:
            parts = [
                year,
                f"final drivers {drivers}",
                f"final constructors {constructors}",
                f"round by round {rounds}",
            ]
            typer.echo("  ".join(parts + ([f"first difference: {where}"] if where else [])))
        typer.echo(table.notes[-1])
        return
    sys.stdout.write(render(table, fmt))


def verify_view(checks: list[SeasonCheck]) -> Tabular:
    from podium.render.tabular import Tabular

    def word(ok: bool | None) -> str:
        return "-" if ok is None else ("equal" if ok else "DIFFERENT")

    rows: list[list[str]] = []
    data = []
    for check in checks:
        first = next((c for c in (*check.final, *check.rounds) if not c.equal), None)
        where = ""
        if first is not None:
            when = "final" if first.after is None else f"after round {first.after}"
            where = f"{first.championship} {when}: {first.difference}"
        matched = sum(c.equal for c in check.rounds)
        per_championship = ", ".join(
            f"{name} {sum(c.equal for c in tables)}/{len(tables)}"
            for name in ("drivers", "constructors")
            if (tables := [c for c in check.rounds if c.championship == name])
        )
        drivers, constructors = check.final_equal("drivers"), check.final_equal("constructors")
        rows.append(
            [
                str(check.year),
                word(drivers),
                word(constructors),
                per_championship,
                where,
            ]
        )
        data.append(
            {
                "season": check.year,
                "final_drivers": drivers,
                "final_constructors": constructors,
                "round_tables_equal": matched,
                "round_tables": len(check.rounds),
                "first_difference": where,
            }
        )
    finals = {
        name: [c.final_equal(name) for c in checks if c.final_equal(name) is not None]
        for name in ("drivers", "constructors")
    }
    summary = (
        f"final drivers {sum(bool(x) for x in finals['drivers'])}/{len(finals['drivers'])}, "
        f"final constructors {sum(bool(x) for x in finals['constructors'])}/"
        f"{len(finals['constructors'])}"
    )
    return Tabular(
        columns=[
            "season",
            "final drivers",
            "final constructors",
            "rounds equal",
            "first difference",
        ],
        rows=rows,
        title="podium vs published F1 tables",
        notes=[summary],
        data={"seasons": data, "summary": summary},
    )
