"""Standings: sums of the ledger, ordered by the rules' tie-breaks, with a
per-round breakdown."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from podium.model.points import Points
from podium.model.results import Status
from podium.rules.schema import Championship, CountBack, Listing, Ruleset, Unresolved
from podium.scoring.ledger import LedgerRow, RowKind


@dataclass(frozen=True, slots=True)
class Cell:
    """A competitor's round in the matrix: points (None when none) and the
    place and status of the car that stood for it, for colouring."""

    points: Points | None
    place: int | None = None
    status: Status | None = None
    dropped: bool = False


@dataclass(frozen=True, slots=True)
class Standing:
    place: int
    shared: bool
    competitor: str
    total: Points
    cells: tuple[Cell | None, ...]
    """One per round of the table, None where the competitor did not appear."""

    @property
    def label(self) -> str:
        return f"{self.place}=" if self.shared else str(self.place)


@dataclass(frozen=True, slots=True)
class StandingsTable:
    championship: Championship
    class_code: str
    rounds: tuple[int, ...]
    after: int | None
    rows: tuple[Standing, ...]

    def row(self, competitor: str) -> Standing | None:
        return next((r for r in self.rows if r.competitor == competitor), None)


@dataclass(frozen=True, slots=True)
class _Tally:
    competitor: str
    total: Points
    cells: tuple[Cell | None, ...]
    countback: tuple[int, ...]
    reached: int


def compute_standings(
    ledger: Iterable[LedgerRow],
    rules: Ruleset,
    championship: Championship,
    class_code: str,
    rounds: Sequence[int],
    after: int | None = None,
) -> StandingsTable:
    """The table of one championship in one class after ``after`` (default: all rounds)."""
    shown = tuple(r for r in rounds if after is None or r <= after)
    wanted = set(shown)
    by_competitor: dict[str, list[LedgerRow]] = defaultdict(list)
    for row in ledger:
        if row.championship != championship.id or row.class_code != class_code:
            continue
        in_window = after is None or row.round <= after
        if row.round in wanted or (row.kind is RowKind.ADJUSTMENT and in_window):
            by_competitor[row.competitor].append(row)

    tallies = []
    for competitor, rows in by_competitor.items():
        total = sum((r.net for r in rows), Points(0))
        scored = total > 0 or any(r.points for r in rows)
        if rules.standings.list is Listing.SCORERS and not scored:
            continue
        by_round: dict[int, list[LedgerRow]] = defaultdict(list)
        for row in rows:
            by_round[row.round].append(row)
        cells = tuple(_cell(by_round.get(number, [])) for number in shown)
        tallies.append(
            _Tally(competitor, total, cells, _countback(rows, rules), _reached(rows, total))
        )

    def rank_key(t: _Tally) -> tuple[object, ...]:
        parts: list[object] = [-t.total]
        if rules.tie_break.countback is not None:
            parts.append(t.countback)
        if rules.tie_break.unresolved is Unresolved.FIRST_TO_REACH:
            parts.append(t.reached)
        return tuple(parts)

    # Within a shared place, list whoever reached the total first (the GT
    # table prints Morgan, 7 pts at R1, above Cirtek, 7 pts at R8).
    tallies.sort(key=lambda t: (rank_key(t), t.reached, t.competitor.casefold()))
    places: list[int] = []
    for index, tally in enumerate(tallies):
        same = index > 0 and rank_key(tally) == rank_key(tallies[index - 1])
        places.append(places[-1] if same else index + 1)
    shared = {p for p in places if places.count(p) > 1}
    rows_out = tuple(
        Standing(place, place in shared, t.competitor, t.total, t.cells)
        for place, t in zip(places, tallies, strict=True)
    )
    return StandingsTable(championship, class_code, shown, after, rows_out)


def _cell(rows: list[LedgerRow]) -> Cell | None:
    here = [r for r in rows if r.kind is RowKind.RESULT]
    bonus = [r for r in rows if r.kind is not RowKind.RESULT]
    if not here and not bonus:
        return None
    counted = [r for r in here if r.counts] or here
    best = min(counted, key=lambda r: (r.place is None, r.place or 0)) if counted else None
    points = sum((r.net for r in here + bonus), Points(0))
    scored = any(r.points for r in here if r.counts) or any(r.points for r in bonus)
    dropped = any(r.dropped for r in here)
    return Cell(
        points if scored or points else None,
        best.place if best else None,
        best.status if best else None,
        dropped,
    )


def _countback(rows: list[LedgerRow], rules: Ruleset) -> tuple[int, ...]:
    """Places earned, best first, closed by a sentinel: comparing two such
    tuples is comparing numbers of wins, then of 2nds, ... (more sorts first)."""
    basis = rules.tie_break.countback
    places = []
    for row in rows:
        if row.kind is not RowKind.RESULT or not row.counts or row.place is None:
            continue
        if basis is CountBack.SCORING_PLACES and row.points <= 0:
            continue
        if row.status is not Status.CLASSIFIED:
            continue
        places.append(row.place)
    return (*sorted(places), _NO_MORE_PLACES)


_NO_MORE_PLACES = 1_000_000


def _reached(rows: list[LedgerRow], total: Points) -> int:
    """Round at which the competitor reached its final total."""
    running = Points(0)
    for row in sorted(rows, key=lambda r: r.round):
        running += row.net
        if running >= total:
            return row.round
    return 10_000
