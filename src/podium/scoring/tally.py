"""A championship's ledger folded once per competitor and round, so that the
table after every round of a season costs one pass over the ledger, not one
per table (75 F1 seasons, ~1,200 tables: bench/f1_bench.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from math import lcm

from podium.model.points import Points
from podium.model.results import Status
from podium.rules.schema import Championship, CountBack, TieBreak
from podium.scoring.ledger import LedgerRow, RowKind


@dataclass(frozen=True, slots=True)
class Cell:
    """A competitor's round in the matrix: points (None when none) and the
    place and status of the car that stood for it, for colouring."""

    points: Points | None
    place: int | None = None
    status: Status | None = None
    dropped: bool = False


@dataclass(slots=True)
class RoundTally:
    """A competitor's results at one round (adjustments kept apart)."""

    points: Points = Points(0)
    """Points of counting result and bonus rows (before best-N)."""
    adjustment: Points = Points(0)
    scored: bool = False
    any_points: bool = False
    classified: bool = False
    places: list[int] = field(default_factory=list)
    """Places that count back."""
    cell: Cell | None = None
    units: int = 0
    """``points`` in units of 1/``Folded.per_point`` (exact integer sums)."""
    adjustment_units: int = 0


@dataclass(slots=True)
class CompetitorTally:
    competitor: str
    rounds: dict[int, RoundTally] = field(default_factory=dict)
    ordered: list[tuple[int, RoundTally]] = field(default_factory=list)
    """``rounds`` in round order."""


@dataclass(frozen=True, slots=True)
class Folded:
    """Tallies of a championship, with points also held as integers of a
    common unit: summing ~1,000 Fractions per table is what made the F1 tables
    slow, and every F1 point is a multiple of 1/84 at worst."""

    competitors: dict[str, CompetitorTally]
    per_point: int

    def points(self, units: int) -> Points:
        if self.per_point == 1:
            return Points(units)
        return Points(units, self.per_point)


def fold(
    ledger: Iterable[LedgerRow], championship: Championship, class_code: str, tie_break: TieBreak
) -> Folded:
    """Per competitor and round: points, count-back places and the cell."""
    rows_at: dict[tuple[str, int], list[LedgerRow]] = defaultdict(list)
    for row in ledger:
        if row.championship == championship.id and row.class_code == class_code:
            rows_at[row.competitor, row.round].append(row)
    out: dict[str, CompetitorTally] = {}
    for (competitor, number), rows in rows_at.items():
        tally = out.get(competitor)
        if tally is None:
            tally = out[competitor] = CompetitorTally(competitor)
        tally.rounds[number] = _round(rows, tie_break)
    per_point = 1
    for tally in out.values():
        for here in tally.rounds.values():
            per_point = lcm(per_point, here.points.denominator, here.adjustment.denominator)
    for tally in out.values():
        tally.ordered = sorted(tally.rounds.items())
        for here in tally.rounds.values():
            # Exact: per_point is a multiple of every denominator.
            here.units = here.points.numerator * (per_point // here.points.denominator)
            adjustment = here.adjustment
            here.adjustment_units = adjustment.numerator * (per_point // adjustment.denominator)
    return Folded(out, per_point)


def _round(rows: list[LedgerRow], tie_break: TieBreak) -> RoundTally:
    here = RoundTally()
    results = [r for r in rows if r.kind is RowKind.RESULT]
    for row in rows:
        if row.points:
            here.any_points = True
        if row.kind is RowKind.ADJUSTMENT:
            here.adjustment += row.points
            continue
        if row.counts and row.points:
            here.points = row.points if not here.scored else here.points + row.points
            here.scored = True
        if row.kind is not RowKind.RESULT:
            continue
        if row.status is Status.CLASSIFIED:
            here.classified = True
            if _counts_back(row, tie_break):
                assert row.place is not None
                here.places.append(row.place)
    if results or here.scored or here.adjustment:
        counted = [r for r in results if r.counts] or results
        best = min(counted, key=lambda r: (r.place is None, r.place or 0)) if counted else None
        total = here.points + here.adjustment
        here.cell = Cell(
            total if here.scored or here.adjustment or total else None,
            best.place if best else None,
            best.status if best else None,
        )
    return here


def _counts_back(row: LedgerRow, tie_break: TieBreak) -> bool:
    if not row.counts or row.place is None:
        return False
    if tie_break.countback is CountBack.SCORING_PLACES and row.points <= 0:
        return False
    return tie_break.sessions is None or row.session in tie_break.sessions
