"""A championship's ledger folded once per competitor and round, so that the
table after every round of a season costs one pass over the ledger, not one
per table (75 F1 seasons, ~1,200 tables: bench/f1_bench.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

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


@dataclass(slots=True)
class CompetitorTally:
    competitor: str
    rounds: dict[int, RoundTally] = field(default_factory=dict)


def fold(
    ledger: Iterable[LedgerRow], championship: Championship, class_code: str, tie_break: TieBreak
) -> dict[str, CompetitorTally]:
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
    return out


def _round(rows: list[LedgerRow], tie_break: TieBreak) -> RoundTally:
    here = RoundTally()
    results = [r for r in rows if r.kind is RowKind.RESULT]
    for row in rows:
        if row.points:
            here.any_points = True
        if row.kind is RowKind.ADJUSTMENT:
            here.adjustment += row.points
            continue
        if row.counts:
            here.points += row.points
            if row.points:
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
