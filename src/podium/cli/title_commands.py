"""Title questions: `podium title` (who can still win, what each contender
needs) and `podium odds` (Monte Carlo title odds)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

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

ChampionshipOption = Annotated[
    str,
    typer.Option("--championship", "-C", help="Championship id from the rules: teams or drivers."),
]
ChartOption = Annotated[
    Path | None,
    typer.Option(
        "--chart", help="Also write an SVG chart (reachable points and odds) to this file."
    ),
]


@app.command()
def title(
    class_code: ClassOption = None,
    championship: ChampionshipOption = "teams",
    after: AfterOption = None,
    who: Annotated[
        str | None,
        typer.Option("--who", "-w", help="Only this team or driver, with the reasoning."),
    ] = None,
    everyone_finishes: Annotated[
        bool,
        typer.Option(
            "--everyone-finishes", help="Assume every car is classified at every open round."
        ),
    ] = False,
    time_limit: Annotated[
        float,
        typer.Option("--time-limit", help="Seconds the exact solver may take; past it: unknown."),
    ] = 5.0,
    chart: ChartOption = None,
    season: SeasonOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Who can still win a title, exactly, and what each contender needs.

    For every contender: champion / can still win / eliminated (or unknown
    past the solver's time cap), the points range still reachable, the
    weakest result at the next round that guarantees the title whatever the
    others do, the worst case that shows why one place less is not enough,
    and a witness ending that makes it champion. The method column says
    which reasoning answered: pairwise, a constructed witness, the points
    budget (more points left than the rivals can absorb) or the CP-SAT
    solver. Driver tables
    built from partial data say which missing results would decide.

    Example: podium title --class LMP2 --championship teams --after 8
    """
    from podium.title_service import title_chart, title_fight

    champs = championships(season)
    with failing_cleanly():
        fight = title_fight(
            champs, class_code, championship, after, who, everyone_finishes, time_limit
        )
    if chart:
        chart.write_text(title_chart(fight), encoding="utf-8")
    emit(lambda: _fight_table(fight, detailed=who is not None), fmt)


def _fight_table(fight: dict[str, Any], detailed: bool) -> Any:
    from podium.render.tabular import Tabular

    columns = ["name", "status", "points", "reachable", "needs", "method"]
    rows = []
    notes = []
    for c in fight["contenders"]:
        status = c["status"]
        if fight["partial_data"] and not c["data_determines"]:
            status += " (data does not decide)"
        needs = c["needs"]
        if needs:
            needs = f"R{c['needs_round']}: {needs}"
        rows.append(
            [c["name"], status, c["points"], f"{c['lowest']}-{c['highest']}", needs, c["method"]]
        )
        if c["needs"] or detailed:
            notes += _story(c, fight)
    notes.append(f"Assumption: {fight['assumption']}. {fight['scoring_rule']}")
    if fight["partial_data"]:
        notes.append(
            "Some point-scoring lines name no drivers: totals are lower bounds; "
            "a verdict is decided by the data only if it holds whichever way those lines go."
        )
    title = f"{fight['title']} after round {fight['after']}"
    return Tabular(columns, rows, title=title, notes=notes, data=fight, right={"points"})


def _story(c: dict[str, Any], fight: dict[str, Any]) -> list[str]:
    name = c["name"]
    lines = []
    if c["needs"]:
        where = next(
            (
                f"R{r['round']} {r['label']}"
                for r in fight["open_rounds"]
                if r["round"] == c["needs_round"]
            ),
            f"round {c['needs_round']}",
        )
        lines.append(f"{name} clinches at {where} if {c['needs']}.")
    lines += [f"  otherwise: {o}" for o in c["otherwise"]]
    if c["worst_case"]:
        lines.append("  one place less is not enough: " + " | ".join(c["worst_case"]))
    lines.append(f"  {name}: {c['status']} ({c['method']}): {c['reason']}.")
    if c["witness"]:
        lines.append("  witness ending: " + " | ".join(c["witness"]))
    if fight["partial_data"] and not c["data_determines"]:
        lines.append(
            f"  the data does not decide: {c['if_gaps_go_against']} if the driverless lines go "
            f"against {name}, {c['if_gaps_go_for']} if they go its way"
            + (f" (then needs: {c['if_gaps_go_for_needs']})" if c["if_gaps_go_for_needs"] else "")
            + "; deciding: "
            + "; ".join(c["deciding_missing_results"][:8])
            + (" ..." if len(c["deciding_missing_results"]) > 8 else "")
        )
    reading = c.get("entry_list_reading")
    if reading:
        needs = f", needs: {reading['needs']}" if reading["needs"] else ""
        lines.append(
            f"  if each driverless line went to the crew the entry list names: {reading['points']} pts, "
            f"{reading['status']}{needs}"
        )
    return lines


@app.command()
def odds(
    class_code: ClassOption = None,
    championship: ChampionshipOption = "teams",
    after: AfterOption = None,
    runs: Annotated[
        int, typer.Option("--runs", "-n", min=1, help="Season endings to simulate.")
    ] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same odds.")] = 0,
    model: Annotated[
        str,
        typer.Option(
            "--model", help="Finishing order: uniform, or form (weighted by points per round)."
        ),
    ] = "uniform",
    retire_rate: Annotated[
        float,
        typer.Option(
            "--retire-rate", min=0.0, max=1.0, help="Chance a car retires (scores nothing)."
        ),
    ] = 0.0,
    chart: ChartOption = None,
    season: SeasonOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Title odds by seeded Monte Carlo over the rounds still to run.

    Each run draws a finishing order for every open round (the model is
    printed with the result) and scores it under the season's rules; ties
    after count-back are shared. Odds come with their standard error.

    Example: podium odds --class GT --championship drivers --after 7 --runs 1000000 --seed 42
    """
    from podium.render.tabular import Tabular
    from podium.title_service import title_chart, title_fight, title_odds

    if model not in ("uniform", "form"):
        typer.echo(f"error: --model: expected uniform or form, found {model!r}", err=True)
        raise typer.Exit(2)
    champs = championships(season)
    with failing_cleanly():
        result = title_odds(champs, class_code, championship, after, runs, seed, model, retire_rate)
        if chart:
            fight = title_fight(champs, class_code, championship, after)
            chart.write_text(title_chart(fight, result), encoding="utf-8")
    rows = [
        [c["name"], f"{c['odds']:.2%}", f"{c['standard_error']:.2%}"]
        for c in result["contenders"]
        if c["odds"] > 0
    ]
    notes = [f"{result['runs']} runs, seed {result['seed']}, model: {result['model']}."]
    if result["partial_data"]:
        notes.append(
            "Some point-scoring lines name no drivers: the odds start from the points the data "
            "names (lower bounds); see `podium title` for what the missing results would change."
        )
    table = Tabular(
        ["name", "odds", "std_error"],
        rows,
        title=f"{result['title']} title odds after round {result['after']}",
        notes=notes,
        data=result,
        right={"odds", "std_error"},
    )
    emit(lambda: table, fmt)


def _attach_deciders() -> None:
    """`podium f1 deciders` joins the F1 command group."""
    from podium.cli.f1_commands import f1

    @f1.command()
    def deciders(
        data: Annotated[
            Path,
            typer.Option(
                "--data",
                "-d",
                help="Folder in the F1DB layout with deciders.csv (year,round,championship).",
                file_okay=False,
                exists=True,
            ),
        ],
        year: Annotated[
            int | None, typer.Option("--year", "-y", help="Only this season, e.g. 1978.")
        ] = None,
        fmt: FormatOption = Format.TABLE,
    ) -> None:
        """The round at which each title was decided, podium's beside the published one.

        podium scores each season under its rules and finds the first round
        after which the leader stays champion whatever happens next (the
        rival winning everything left, the leader scoring nothing; best-N
        results, sprints and shared drives as the rules have them). The last
        line sums up: drivers N/M, constructors N/M.

        Example: podium f1 deciders --data data/f1
        """
        from podium.render.tabular import Tabular
        from podium.title_service import f1_deciders

        with failing_cleanly():
            result = f1_deciders(data, [year] if year is not None else None)

        def cell(ours: int | None, published: int | None) -> str:
            if published is None:
                return "-" if ours is None else f"{ours} (none published)"
            mark = "" if ours == published else "  DIFFERENT"
            return f"{ours if ours is not None else 'undecided'} vs {published}{mark}"

        rows = [
            [
                str(r["season"]),
                cell(r["drivers"], r["drivers_published"]),
                cell(r["constructors"], r["constructors_published"]),
            ]
            for r in result["seasons"]
        ]
        table = Tabular(
            ["season", "drivers podium vs published", "constructors podium vs published"],
            rows,
            title="Round that decided each title",
            notes=[result["summary"]],
            data=result,
        )
        emit(lambda: table, fmt)


_attach_deciders()
