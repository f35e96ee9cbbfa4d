"""Standings: sums of the ledger, ordered by the rules' tie-breaks, with a
per-round breakdown.

Best-N drops, exclusions and the listing rule depend on the round a table
follows, so they are applied here, per table, to a ledger folded once
(:mod:`podium.scoring.tally`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import NamedTuple

from podium.model.points import Points
from podium.rules.dimensions import Exclusion, ExclusionMode
from podium.rules.schema import Championship, Listing, Ruleset, TieBreak, Unresolved
from podium.scoring.drops import dropped_rounds
from podium.scoring.frozen import builder
from podium.scoring.ledger_row import LedgerRow
from podium.scoring.tally import Cell, Folded, RoundTally, fold

__all__ = ["Cell", "Standing", "StandingsTable", "compute_standings", "table_after"]


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


class Ranked(NamedTuple):
    """A competitor ready to be placed: ``key`` is (ranking, first-to-reach).
    A named tuple: thousands are made per season and only sorted."""

    competitor: str
    total: Points
    cells: tuple[Cell | None, ...]
    key: tuple[object, ...]
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
    tie_break = championship.tie_break or rules.tie_break
    folded = fold(ledger, championship, class_code, tie_break)
    return table_after(folded, rules, championship, class_code, rounds, after)


def _active(exclusion: Exclusion, championship: Championship, after: int | None) -> bool:
    if exclusion.championship != championship.id:
        return False
    return after is None or (exclusion.from_round is not None and after >= exclusion.from_round)


def table_after(
    folded: Folded,
    rules: Ruleset,
    championship: Championship,
    class_code: str,
    rounds: Sequence[int],
    after: int | None,
    full_cells: dict[str, tuple[Cell | None, ...]] | None = None,
) -> StandingsTable:
    """One table. ``full_cells`` (each competitor's cells for all ``rounds``)
    lets a table after round k slice them instead of building them."""
    shown = tuple(r for r in rounds if after is None or r <= after)
    wanted = set(shown)
    if tuple(rounds[: len(shown)]) != shown:
        full_cells = None
    tie_break = championship.tie_break or rules.tie_break
    exclusions = [e for e in rules.exclusions if _active(e, championship, after)]
    void = {
        (e.competitor, n)
        for e in exclusions
        if e.mode is ExclusionMode.VOID_ROUNDS
        for n in e.rounds
    }
    voided = {competitor for competitor, _ in void}
    excluded = {e.competitor: e for e in exclusions if e.mode is ExclusionMode.EXCLUDED}
    ranked: list[Ranked] = []
    unranked: list[Standing] = []
    listing = rules.standings.list
    for competitor, tally in folded.competitors.items():
        # One pass over the competitor's rounds (sorted) up to ``after``.
        held: list[tuple[int, RoundTally]] = []
        for n, t in tally.ordered:
            if after is not None and n > after:
                break
            if (n in wanted or t.adjustment_units) and not (void and (competitor, n) in void):
                held.append((n, t))
        if not held:
            continue
        dropped: frozenset[int] = frozenset()
        if championship.drops is not None:
            results = {n: t.units for n, t in held if n in wanted}
            dropped = dropped_rounds(results, championship.drops)
        units = 0
        nets: list[tuple[int, int]] = []
        for n, t in held:
            net = (t.units if n in wanted and n not in dropped else 0) + t.adjustment_units
            units += net
            nets.append((n, net))
        full = full_cells.get(competitor) if full_cells is not None else None
        if full is not None and not dropped and competitor not in voided:
            cells = full[: len(shown)]
        else:
            by_round = dict(held)
            cells = tuple(_cell(by_round.get(n), n in dropped) for n in shown)
        if competitor in excluded:
            rule = excluded[competitor]
            kept = folded.points(units) if rule.keep_points else Points(0)
            mark = rule.listed_as.value if rule.listed_as else "EX"
            unranked.append(Standing(0, False, competitor, kept, cells, mark))
            continue
        if not _listed(listing, [t for _, t in held], units):
            continue
        key = _rank_key(held, units, nets, tie_break)
        ranked.append(Ranked(competitor, folded.points(units), cells, key, 0))
    for e in exclusions:
        missing = e.mode is ExclusionMode.EXCLUDED and e.competitor not in folded.competitors
        extra_row = e.mode is ExclusionMode.VOID_ROUNDS and after is None
        if (missing or extra_row) and e.listed_as is not None:
            blank = tuple(None for _ in shown)
            unranked.append(Standing(0, False, e.competitor, Points(0), blank, e.listed_as.value))

    rows_out = rank(ranked)
    return StandingsTable(championship, class_code, shown, after, rows_out + tuple(unranked))


def rank(ranked: list[Ranked], by_name: bool = False) -> tuple[Standing, ...]:
    """Order by the ranking key and number the places, sharing equal ones.
    ``by_name``: ``ranked`` is already in name order (casefolded), so a
    stable sort on the key alone gives the same order, without a name per row."""
    # Within a shared place, list whoever reached the total first (the GT
    # table prints Morgan, 7 pts at R1, above Cirtek, 7 pts at R8).
    if by_name:
        ranked.sort(key=_key)
    else:
        ranked.sort(key=lambda t: (t.key, t.competitor.casefold()))
    places: list[int] = []
    place, last = 0, None
    for index, entry in enumerate(ranked, start=1):
        part = entry.key[0]
        if index == 1 or part != last:
            place, last = index, part
        places.append(place)
    count = len(places)
    return tuple(
        _new_standing(
            place,
            (i > 0 and places[i - 1] == place) or (i + 1 < count and places[i + 1] == place),
            t.competitor,
            t.total,
            t.cells,
        )
        for i, (place, t) in enumerate(zip(places, ranked, strict=True))
    )


_key = attrgetter("key")
_new_standing = builder(Standing)  # thousands per season: Standing(...) made cheap


def _rank_key(
    held: list[tuple[int, RoundTally]], total: int, nets: list[tuple[int, int]], tie_break: TieBreak
) -> tuple[object, ...]:
    counts: dict[int, int] = {}
    if tie_break.countback is not None:
        for _, t in held:
            for place in t.places:
                counts[place] = counts.get(place, 0) + 1
    return rank_key(total, countback_key(counts), _reached(nets, total), tie_break)


def countback_key(counts: dict[int, int]) -> tuple[tuple[int, int], ...]:
    """Sparse (place, -count) pairs in place order, closed by a sentinel that
    sorts after any real place: compares like the full vector of 1sts, 2nds,
    ... without building it."""
    return (*sorted((p, -n) for p, n in counts.items()), (_NO_PLACE, 0))


def rank_key(
    total: int, countback: tuple[tuple[int, int], ...], reached: int, tie_break: TieBreak
) -> tuple[object, ...]:
    """Sort key: the ranking part (points, count-back, first to reach when the
    rules say so), then who reached the total first (which also orders a
    shared place)."""
    parts: tuple[object, ...] = (-total,)
    if tie_break.countback is not None:
        parts += (countback,)
    if tie_break.unresolved is Unresolved.FIRST_TO_REACH:
        parts += (reached,)
    return (parts, reached)


_NO_PLACE = 1_000_000


def _listed(listing: Listing, held: Iterable[RoundTally], total: int) -> bool:
    if listing is Listing.ALL:
        return True
    if listing is Listing.CLASSIFIED:
        return total != 0 or any(t.classified for t in held)
    return total > 0 or any(t.any_points for t in held)


def _cell(tally: RoundTally | None, dropped: bool) -> Cell | None:
    cell = tally.cell if tally is not None else None
    if cell is not None and dropped:
        return replace(cell, dropped=True)
    return cell


def _reached(nets: list[tuple[int, int]], total: int) -> int:
    """Round at which the competitor reached its final total."""
    running = 0
    for number, net in nets:
        running += net
        if running >= total:
            return number
    return 10_000
