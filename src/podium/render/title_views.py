"""Title answers as tables: the fight (with each contender's story in the
notes), the odds, and the F1 deciding rounds."""

from __future__ import annotations

from podium.app.f1 import Deciders
from podium.app.title import ContenderVerdict, TitleFight, TitleOdds
from podium.model import format_points
from podium.render.tabular import Tabular


def fight_view(fight: TitleFight, detailed: bool = False) -> Tabular:
    """One row per contender; the notes tell the story of each one with a
    need (every one when ``detailed``), then the assumption."""
    columns = ["name", "status", "points", "reachable", "needs", "method"]
    rows = []
    notes = []
    for c in fight.contenders:
        status = c.status.value
        if fight.partial_data and not c.data_determines:
            status += " (data does not decide)"
        needs = f"R{c.needs_round}: {c.needs}" if c.needs else ""
        reachable = f"{format_points(c.lowest)}-{format_points(c.highest)}"
        rows.append([c.name, status, format_points(c.points), reachable, needs, c.method.value])
        if c.needs or detailed:
            notes += story(c, fight)
    notes.append(f"Assumption: {fight.assumption}. {fight.scoring_rule}")
    if fight.unmodelled:
        notes.append(
            f"The rules have {fight.unmodelled}: verdicts come from the reachable totals "
            "alone, and a fight they do not settle is 'unknown'."
        )
    if fight.partial_data:
        notes.append(
            "Some point-scoring lines name no drivers: totals are lower bounds; "
            "a verdict is decided by the data only if it holds whichever way those lines go."
        )
    title = f"{fight.title} after round {fight.after}"
    return Tabular(columns, rows, title=title, notes=notes, answer=fight, right={"points"})


def story(c: ContenderVerdict, fight: TitleFight) -> list[str]:
    """A contender's verdict in sentences: what clinches, why, a witness ending."""
    name = c.name
    lines = []
    if c.needs:
        where = next(
            (f"R{r.round} {r.label}" for r in fight.open_rounds if r.round == c.needs_round),
            f"round {c.needs_round}",
        )
        lines.append(f"{name} clinches at {where} if {c.needs}.")
    lines += [f"  otherwise: {o}" for o in c.otherwise]
    if c.worst_case:
        lines.append("  one place less is not enough: " + " | ".join(c.worst_case))
    lines.append(f"  {name}: {c.status.value} ({c.method.value}): {c.reason}.")
    if c.witness:
        lines.append("  witness ending: " + " | ".join(c.witness))
    gaps = c.gaps
    if fight.partial_data and not c.data_determines and gaps is not None:
        lines.append(
            f"  the data does not decide: {gaps.if_gaps_go_against.value} if the driverless "
            f"lines go against {name}, {gaps.if_gaps_go_for.value} if they go its way"
            + (f" (then needs: {gaps.if_gaps_go_for_needs})" if gaps.if_gaps_go_for_needs else "")
            + "; deciding: "
            + "; ".join(gaps.deciding_missing_results[:8])
            + (" ..." if len(gaps.deciding_missing_results) > 8 else "")
        )
    reading = c.entry_list_reading
    if reading is not None:
        needs = f", needs: {reading.needs}" if reading.needs else ""
        lines.append(
            f"  if each driverless line went to the crew the entry list names: "
            f"{format_points(reading.points)} pts, {reading.status.value}{needs}"
        )
    return lines


def odds_view(odds: TitleOdds) -> Tabular:
    rows = [
        [c.name, f"{c.odds:.2%}", f"{c.standard_error:.2%}"] for c in odds.contenders if c.odds > 0
    ]
    notes = [f"{odds.runs} runs, seed {odds.seed}, model: {odds.model}."]
    if odds.unmodelled:
        notes.append(f"The simulation leaves out {odds.unmodelled}: read the odds as a guide.")
    if odds.partial_data:
        notes.append(
            "Some point-scoring lines name no drivers: the odds start from the points the data "
            "names (lower bounds); see `podium title` for what the missing results would change."
        )
    return Tabular(
        ["name", "odds", "std_error"],
        rows,
        title=f"{odds.title} title odds after round {odds.after}",
        notes=notes,
        answer=odds,
        right={"odds", "std_error"},
    )


def deciders_view(deciders: Deciders) -> Tabular:
    def cell(ours: int | None, published: int | None) -> str:
        if published is None:
            return "-" if ours is None else f"{ours} (none published)"
        mark = "" if ours == published else "  DIFFERENT"
        return f"{ours if ours is not None else 'undecided'} vs {published}{mark}"

    rows = [
        [
            str(r.season),
            cell(r.drivers, r.drivers_published),
            cell(r.constructors, r.constructors_published),
        ]
        for r in deciders.seasons
    ]
    return Tabular(
        ["season", "drivers podium vs published", "constructors podium vs published"],
        rows,
        title="Round that decided each title",
        notes=[deciders.summary],
        answer=deciders,
    )
