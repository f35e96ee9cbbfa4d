"""A championship's ledger folded once per competitor and round, so that the
table after every round of a season costs one pass over the ledger, not one
per table (75 F1 seasons, ~1,200 tables: bench/f1_bench.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from math import lcm

from podium.model.points import ZERO, Points
from podium.model.results import Status
from podium.rules.schema import Championship, CountBack, TieBreak
from podium.scoring.frozen import builder
from podium.scoring.ledger_row import QUALIFYING, LedgerRow, RowKind


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
    wanted = championship.id
    for row in ledger:
        if row.championship == wanted and row.class_code == class_code:
            rows_at[row.competitor, row.round].append(row)
    out: dict[str, CompetitorTally] = {}
    scoring_only = tie_break.countback is CountBack.SCORING_PLACES
    sessions = tie_break.sessions if tie_break.countback is not None else ()
    for (competitor, number), rows in rows_at.items():
        tally = out.get(competitor)
        if tally is None:
            tally = out[competitor] = CompetitorTally(competitor)
        tally.rounds[number] = _round(rows, scoring_only, sessions)
    # Only rounds with points have a denominator other than 1 (and units
    # other than 0): most rounds of most competitors are skipped.
    with_points = [
        here for tally in out.values() for here in tally.rounds.values() if here.any_points
    ]
    per_point = 1
    for here in with_points:
        per_point = lcm(per_point, here.points.denominator, here.adjustment.denominator)
    for here in with_points:
        # Exact: per_point is a multiple of every denominator.
        here.units = here.points.numerator * (per_point // here.points.denominator)
        adjustment = here.adjustment
        here.adjustment_units = adjustment.numerator * (per_point // adjustment.denominator)
    for tally in out.values():
        tally.ordered = sorted(tally.rounds.items())
    return Folded(out, per_point)


def _round(
    rows: list[LedgerRow], scoring_only: bool, sessions: list[str] | tuple[()] | None
) -> RoundTally:
    """``sessions``: those whose places count back (None: every session but
    qualifying; empty: none)."""
    points = adjustment = ZERO
    scored = adjusted = any_points = classified = False
    places: list[int] = []
    best: LedgerRow | None = None
    for row in rows:
        kind = row.kind
        earned = bool(row.points)
        if earned:
            any_points = True
            if kind is RowKind.ADJUSTMENT or kind is RowKind.PENALTY:
                adjustment += row.points
                adjusted = True
                continue
            if row.counts:
                points = row.points if not scored else points + row.points
                scored = True
        if kind is not RowKind.RESULT:
            continue
        # The car that stands for the competitor in the cell: a counting row
        # first, then the best placed.
        if best is None or _stands_before(row, best):
            best = row
        if row.status is Status.CLASSIFIED:
            classified = True
            place = row.place
            if (
                place is not None
                and row.counts
                and (earned or not scoring_only)
                and (row.session != QUALIFYING if sessions is None else row.session in sessions)
            ):
                places.append(place)
    adjusted = adjusted and bool(adjustment)  # adjustments may cancel out
    cell = None
    if best is not None or scored or adjusted:
        cell = _new_cell(
            points + adjustment if adjusted else points if scored else None,
            best.place if best else None,
            best.status if best else None,
        )
    return RoundTally(points, adjustment, scored, any_points, classified, places, cell)


_new_cell = builder(Cell)  # one per competitor and round: Cell(...) made cheap


def _stands_before(row: LedgerRow, best: LedgerRow) -> bool:
    if row.counts != best.counts:
        return row.counts
    if row.place is None:
        return False
    return best.place is None or row.place < best.place
