"""Title answers as tables: the fight (with each contender's story in the
notes), the odds, and the F1 deciding rounds."""

from __future__ import annotations

from podium.app.f1 import Deciders
from podium.app.title import ENTRY_LIST, NAMED_ONLY, ContenderVerdict, TitleFight
from podium.app.title_odds import TitleOdds
from podium.model import format_points
from podium.render.tabular import Tabular


def fight_view(fight: TitleFight, detailed: bool = False) -> Tabular:
    """One line per answer in plain words, contenders with the same points
    and answer together; ``detailed`` (``--who``): one line per contender,
    each followed by its story. Method names stay in the JSON."""
    rows = []
    notes = []
    if detailed:
        for c in fight.contenders:
            rows.append([c.name, format_points(c.points), c.answer])
            notes += story(c, fight)
    else:
        for g in fight.groups:
            rows.append([" / ".join(g.names), format_points(g.points), g.answer])
    if fight.caveat:
        hint = "" if fight.reading == NAMED_ONLY else " --named-only counts only named results;"
        notes.append(f"{fight.caveat}{hint} --who NAME shows what the missing ones decide.")
    notes.append(f"Assumption: {fight.assumption}. {fight.scoring_rule}")
    if fight.unmodelled:
        notes.append(
            f"The rules have {fight.unmodelled}: podium answers from the highest and "
            "lowest totals still reachable, and says 'unknown' where they do not settle it."
        )
    left = ", ".join(f"R{r.round} {r.label}" for r in fight.open_rounds)
    title = f"{fight.title} after round {fight.after}" + (
        f" (still to run: {left})" if left else " (no round left)"
    )
    return Tabular(
        ["name", "points", "answer"], rows, title=title, notes=notes, answer=fight, right={"points"}
    )


def _plain(reason: str) -> str:
    return (
        reason.replace("the witness ending", "the ending shown")
        .replace("a completion", "an ending")
        .replace("no completion", "no ending")
        .replace("the solver", "podium")
    )


def story(c: ContenderVerdict, fight: TitleFight) -> list[str]:
    """A contender's answer in sentences: why, what clinches, one way it happens."""
    name = c.name
    lines = [f"{name}: {c.answer}."]
    if c.reason:
        lines.append(f"  why: {_plain(c.reason)}.")
    if c.needs:
        where = next(
            (f"R{r.round} {r.label}" for r in fight.open_rounds if r.round == c.needs_round),
            f"round {c.needs_round}",
        )
        lines.append(f"  clinches at {where} if {c.needs}.")
    lines += [f"  otherwise: {o}" for o in c.otherwise]
    if c.worst_case:
        lines.append("  one place less is not enough: " + " | ".join(c.worst_case))
    if c.witness:
        lines.append("  one way it happens: " + " | ".join(c.witness))
    gaps = c.gaps
    if fight.partial_data and not c.data_determines and gaps is not None:
        lines.append(
            f"  the named results alone do not decide: {gaps.if_gaps_go_against.value} if the "
            f"driverless results went to rivals, {gaps.if_gaps_go_for.value} if they went to {name}"
            + (f" (then needs: {gaps.if_gaps_go_for_needs})" if gaps.if_gaps_go_for_needs else "")
            + "; deciding: "
            + "; ".join(gaps.deciding_missing_results[:8])
            + (" ..." if len(gaps.deciding_missing_results) > 8 else "")
        )
    other = c.other_reading
    if other is not None:
        needs = f", needs: {other.needs}" if other.needs else ""
        how = (
            "counting only results that name their drivers"
            if fight.reading == ENTRY_LIST
            else "if each driverless result went to the crew the entry list names"
        )
        lines.append(f"  {how}: {format_points(other.points)} pts, {other.status.value}{needs}")
    return lines


def odds_view(odds: TitleOdds) -> Tabular:
    rows = [[c.name, c.shown(), f"{c.standard_error:.2%}"] for c in odds.contenders if c.odds > 0]
    if odds.unknown:
        notes = [f"Odds unknown: {odds.unknown}; `podium title` says who can still win."]
    else:
        notes = [
            f"{odds.runs} runs, seed {odds.seed}, model: {odds.model}.",
            f"Retirement rate: {odds.retire_rate_source}.",
            "Contenders no simulated ending made champion are left out.",
        ]
    if odds.reading == ENTRY_LIST:
        notes.append(
            "Some point-scoring results name no drivers: each is counted for the crew the "
            "entry list names for that round, as in `podium title` (--named-only: only "
            "named results)."
        )
    elif odds.reading:
        notes.append(
            "Some point-scoring results name no drivers and are not counted: the odds start "
            "from lower bounds."
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
