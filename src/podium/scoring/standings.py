"""Standings: sums of the ledger, ordered by the rules' tie-breaks, with a
per-round breakdown."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from podium.model.points import Points
from podium.model.results import Status
from podium.rules.dimensions import ExclusionMode
from podium.rules.schema import (
    Championship,
    CountBack,
    Listing,
    Ruleset,
    TieBreak,
    Unresolved,
)
from podium.scoring.drops import dropped_rounds
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
    listed_as: str = ""
    """``DSQ`` or ``EX`` for a competitor excluded from the championship
    (listed after the ranked rows, ``place`` 0)."""

    @property
    def label(self) -> str:
        if self.listed_as:
            return self.listed_as
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

    tie_break = championship.tie_break or rules.tie_break
    exclusions = [
        e
        for e in rules.exclusions
        if e.championship == championship.id
        and (after is None or (e.from_round is not None and after >= e.from_round))
    ]
    void = {
        (e.competitor, n)
        for e in exclusions
        if e.mode is ExclusionMode.VOID_ROUNDS
        for n in e.rounds
    }
    excluded = {e.competitor: e for e in exclusions if e.mode is ExclusionMode.EXCLUDED}
    tallies = []
    unranked: list[Standing] = []
    for competitor, all_rows in by_competitor.items():
        rows = [
            r for r in all_rows if r.kind is RowKind.ADJUSTMENT or (competitor, r.round) not in void
        ]
        rows = _mark_drops(rows, championship)
        total = sum((r.net for r in rows), Points(0))
        cells = tuple(_cell(rows, number) for number in shown)
        if competitor in excluded:
            rule = excluded[competitor]
            kept = total if rule.keep_points else Points(0)
            mark = rule.listed_as.value if rule.listed_as else "EX"
            unranked.append(Standing(0, False, competitor, kept, cells, mark))
            continue
        if not _listed(rules.standings.list, rows, total):
            continue
        tallies.append(
            _Tally(
                competitor,
                total,
                cells,
                _countback(rows, tie_break),
                _reached(rows, total),
            )
        )
    for e in exclusions:
        missing = e.mode is ExclusionMode.EXCLUDED and e.competitor not in by_competitor
        extra_row = e.mode is ExclusionMode.VOID_ROUNDS and after is None
        if (missing or extra_row) and e.listed_as is not None:
            blank = tuple(None for _ in shown)
            unranked.append(Standing(0, False, e.competitor, Points(0), blank, e.listed_as.value))

    def rank_key(t: _Tally) -> tuple[object, ...]:
        parts: list[object] = [-t.total]
        if tie_break.countback is not None:
            parts.append(t.countback)
        if tie_break.unresolved is Unresolved.FIRST_TO_REACH:
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
    return StandingsTable(championship, class_code, shown, after, rows_out + tuple(unranked))


def _listed(listing: Listing, rows: list[LedgerRow], total: Points) -> bool:
    if listing is Listing.ALL:
        return True
    if listing is Listing.STARTERS:
        started = any(
            r.kind is RowKind.RESULT and r.status is not Status.DID_NOT_START for r in rows
        )
        return started or total != 0
    return total > 0 or any(r.points for r in rows)


def _mark_drops(rows: list[LedgerRow], championship: Championship) -> list[LedgerRow]:
    """Flag the rows of rounds that best-N discards (adjustments never drop)."""
    if championship.drops is None:
        return rows
    totals: dict[int, Points] = defaultdict(Points)
    for row in rows:
        if row.kind is not RowKind.ADJUSTMENT and row.counts:
            totals[row.round] += row.points
    dropped = dropped_rounds(totals, championship.drops)
    if not dropped:
        return rows
    return [
        replace(r, dropped=True) if r.round in dropped and r.kind is not RowKind.ADJUSTMENT else r
        for r in rows
    ]


def _cell(rows: list[LedgerRow], number: int) -> Cell | None:
    here = [r for r in rows if r.round == number and r.kind is RowKind.RESULT]
    bonus = [r for r in rows if r.round == number and r.kind is not RowKind.RESULT]
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


_DEPTH = 200  # places compared by count-back; no grid is larger


def _countback(rows: list[LedgerRow], tie_break: TieBreak) -> tuple[int, ...]:
    """Negated counts of 1st, 2nd, ... places, so that more wins sort first."""
    basis = tie_break.countback
    sessions = tie_break.sessions
    places: dict[int, int] = defaultdict(int)
    for row in rows:
        if row.kind is not RowKind.RESULT or not row.counts or row.place is None:
            continue
        if basis is CountBack.SCORING_PLACES and row.points <= 0:
            continue
        if row.status is not Status.CLASSIFIED:
            continue
        if sessions is not None and row.session not in sessions:
            continue
        places[row.place] += 1
    return tuple(-places[p] for p in range(1, _DEPTH + 1))


def _reached(rows: list[LedgerRow], total: Points) -> int:
    """Round at which the competitor reached its final total."""
    running = Points(0)
    for row in sorted(rows, key=lambda r: r.round):
        running += row.net
        if running >= total:
            return row.round
    return 10_000
