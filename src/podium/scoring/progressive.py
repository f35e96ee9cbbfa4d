"""Every in-season table of a championship in one pass over the rounds.

The general path (standings.table_after) walks each competitor's rounds for every
table: O(rounds^2) per competitor. When no exclusion changes between tables,
no adjustment is negative and the rounds are in order, a competitor's
standing after round k changes only if it has a row at round k (best-N is
then recomputed for it alone), and a table costs one sort of the field.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace

from podium.model.points import Points
from podium.rules.schema import Championship, Listing, Ruleset
from podium.scoring.drops import dropped_rounds
from podium.scoring.ledger_row import LedgerRow
from podium.scoring.standings import (
    Cell,
    Ranked,
    StandingsTable,
    countback_key,
    rank,
    rank_key,
    table_after,
)
from podium.scoring.tally import Folded, RoundTally, fold


def applies(
    folded: Folded, rules: Ruleset, championship: Championship, rounds: Sequence[int]
) -> bool:
    if list(rounds) != sorted(rounds):
        return False
    if any(e.championship == championship.id for e in rules.exclusions):
        return False
    known = set(rounds)
    return all(
        n in known and t.units >= 0 and t.adjustment_units >= 0
        for tally in folded.competitors.values()
        for n, t in tally.rounds.items()
    )


def progressive_tables(
    folded: Folded,
    rules: Ruleset,
    championship: Championship,
    class_code: str,
    rounds: Sequence[int],
    full_cells: dict[str, tuple[Cell | None, ...]],
) -> dict[int, StandingsTable] | None:
    """The tables after each of ``rounds``, or None when the rules need the
    general path."""
    if not applies(folded, rules, championship, rounds):
        return None
    tie_break = championship.tie_break or rules.tie_break
    listing = rules.standings.list
    # Per competitor, the standing after each round (None: not listed yet):
    # (total, ranking key, rounds dropped by best-N).
    states: dict[str, list[_State | None]] = {}
    totals: dict[int, Points] = {}
    # In name order, so that each table sorts on the ranking key alone.
    by_name = sorted(folded.competitors.items(), key=lambda item: item[0].casefold())
    for competitor, tally in by_name:
        units, reached, classified, any_points = 0, 0, False, False
        counts: list[tuple[int, int]] = []
        # (place, -times) in place order, as countback_key builds it.
        countback = countback_key({})
        results: dict[int, int] = {}
        dropped: frozenset[int] = frozenset()
        total, total_units = Points(0), 0
        state: _State | None = None
        listed: list[_State | None] = []
        for n in rounds:
            here = tally.rounds.get(n)
            if here is not None:
                classified = classified or here.classified
                any_points = any_points or here.any_points
                if here.places and tie_break.countback is not None:
                    for place in here.places:
                        _count(counts, place)
                    countback = (*counts, _SENTINEL)
                if championship.drops is None:
                    net = here.units + here.adjustment_units
                    units += net
                    if net > 0 or not reached:
                        reached = n
                else:
                    results[n] = here.units
                    # A round adding nothing (most of them) changes neither
                    # the rounds dropped nor the total nor who reached it:
                    # zeros are never dropped and sort after any points.
                    if here.units or here.adjustment_units or len(results) == 1:
                        dropped = dropped_rounds(results, championship.drops)
                        units, reached = _with_drops(tally.rounds, results, dropped)
                if units != total_units:
                    if units not in totals:  # one Fraction per distinct total
                        totals[units] = folded.points(units)
                    total, total_units = totals[units], units
                shown = (
                    listing is Listing.ALL
                    or (listing is Listing.CLASSIFIED and (units != 0 or classified))
                    or (listing is Listing.SCORERS and (units > 0 or any_points))
                )
                key = rank_key(units, countback, reached, tie_break)
                state = (total, key, dropped) if shown else None
            listed.append(state)
        states[competitor] = listed
    tables: dict[int, StandingsTable] = {}
    for index, after in enumerate(rounds):
        size = index + 1
        ranked = [
            Ranked(
                competitor,
                state[0],
                _cells(full_cells[competitor], size, rounds, state[2])
                if state[2]
                else full_cells[competitor][:size],
                state[1],
                0,
            )
            for competitor, per_round in states.items()
            if (state := per_round[index]) is not None
        ]
        tables[after] = StandingsTable(
            championship, class_code, tuple(rounds[:size]), after, rank(ranked, by_name=True)
        )
    return tables


_State = tuple[Points, tuple[object, ...], frozenset[int]]
_SENTINEL = countback_key({})[-1]


def _count(counts: list[tuple[int, int]], place: int) -> None:
    """One more ``place`` in a count-back kept sorted (no sort per round)."""
    at = bisect_left(counts, (place, -1_000_000))
    if at < len(counts) and counts[at][0] == place:
        counts[at] = (place, counts[at][1] - 1)
    else:
        counts.insert(at, (place, -1))


def _with_drops(
    tallies: dict[int, RoundTally], results: dict[int, int], dropped: frozenset[int]
) -> tuple[int, int]:
    """Total and first-to-reach round once best-N has dropped ``dropped``."""
    nets = [
        (n, (0 if n in dropped else units) + tallies[n].adjustment_units)
        for n, units in results.items()
    ]
    total = sum(net for _, net in nets)
    running = 0
    for n, net in nets:
        running += net
        if running >= total:
            return total, n
    return total, 10_000


def _cells(
    full: tuple[Cell | None, ...], size: int, rounds: Sequence[int], dropped: frozenset[int]
) -> tuple[Cell | None, ...]:
    if not dropped:
        return full[:size]
    return tuple(
        replace(cell, dropped=True) if cell is not None and n in dropped else cell
        for n, cell in zip(rounds[:size], full[:size], strict=True)
    )


def compute_all_standings(
    ledger: Iterable[LedgerRow],
    rules: Ruleset,
    championship: Championship,
    class_code: str,
    rounds: Sequence[int],
) -> dict[int | None, StandingsTable]:
    """The table after every round of ``rounds`` and the final one (key None),
    folding the ledger once."""
    tie_break = championship.tie_break or rules.tie_break
    folded = fold(ledger, championship, class_code, tie_break)
    rounds = tuple(rounds)
    full = {
        competitor: tuple(tally.rounds[n].cell if n in tally.rounds else None for n in rounds)
        for competitor, tally in folded.competitors.items()
    }
    tables: dict[int | None, StandingsTable] = {}
    quick = progressive_tables(folded, rules, championship, class_code, rounds, full) or {}
    for after, table in quick.items():
        tables[after] = table
    for after in rounds:
        if after not in tables:
            tables[after] = table_after(
                folded, rules, championship, class_code, rounds, after, full
            )
    if quick and rounds:
        # The one-pass path applies only when every row is at one of
        # ``rounds`` and no exclusion is set: the final table is then the
        # table after the last round.
        tables[None] = replace(quick[rounds[-1]], after=None)
    else:
        tables[None] = table_after(folded, rules, championship, class_code, rounds, None, full)
    return tables
