"""Points penalties: a stewards' decision that takes points becomes ledger
rows of its own, one per competitor it takes them from (the classification
is not touched: ``scoring.stewards`` applies the decisions that change it)."""

from __future__ import annotations

from collections.abc import Sequence

from podium.model.points import ZERO, format_points, parse_points
from podium.model.results import Penalty, PenaltyKind
from podium.model.season import Season
from podium.rules.schema import Competitor
from podium.scoring.ledger_row import LedgerRow, RowKind

ALL_POINTS = "all"
"""A points penalty's value that takes every point the car earned at the
round in the championship (IMSA 2023: No. 60 lost its Daytona Endurance Cup
points)."""


def numbered_points(season: Season) -> list[tuple[int, Penalty]]:
    return [
        (n, p)
        for n, p in enumerate(season.penalties, start=1)
        if p.kind is PenaltyKind.POINTS and p.to_apply
    ]


def deduction_rows(season: Season, earned: Sequence[LedgerRow] = ()) -> list[LedgerRow]:
    """One ledger row per competitor a standing points penalty takes points
    from; a value of ``all`` takes what the car earned each of them at the
    round (``earned``: the season's result rows)."""
    rows: list[LedgerRow] = []
    for number, decision in numbered_points(season):
        entry = season.entries_by_key.get(decision.entry)
        whole = decision.value.strip() == ALL_POINTS
        try:
            points = ZERO if whole else parse_points(decision.value)
        except (ValueError, ZeroDivisionError):
            continue  # refused where it comes in (decision_problems)
        if entry is None or (points <= 0 and not whole):
            continue
        source = f"; {decision.source}" if decision.source else ""
        for championship in season.rules.championships:
            if decision.championship and championship.id != decision.championship:
                continue
            for competitor in _owners(season, decision, championship.competitor):
                taken = points
                if whole:
                    taken = sum(
                        (
                            r.points
                            for r in earned
                            if r.championship == championship.id
                            and r.round == decision.round
                            and r.entry == entry.key
                            and r.competitor == competitor
                            and r.counts
                        ),
                        ZERO,
                    )
                    if taken <= 0:
                        continue
                rows.append(
                    LedgerRow(
                        championship=championship.id,
                        class_code=entry.class_code if championship.per_class else "",
                        competitor=competitor,
                        round=decision.round,
                        points=-taken,
                        reason=f"stewards' decision {number} at round {decision.round}: "
                        f"-{format_points(taken)} pts{' (all it earned there)' if whole else ''}"
                        f", {decision.reason}{source}",
                        entry=entry.key,
                        car=entry.label,
                        kind=RowKind.PENALTY,
                    )
                )
    return rows


def _owners(season: Season, decision: Penalty, kind: Competitor) -> tuple[str, ...]:
    entry = season.entries_by_key[decision.entry]
    if kind is Competitor.TEAM:
        return (entry.team,)
    if kind is Competitor.ENTRY:
        return (entry.label,)
    drove = [
        line.drivers
        for line in season.results
        if line.round == decision.round and line.entry == entry.key and line.drivers
    ]
    if drove:
        return tuple(dict.fromkeys(season.driver_name(d) or d for d in drove[0]))
    return entry.drivers_at(decision.round)
