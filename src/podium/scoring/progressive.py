"""Every in-season table of a championship in one pass over the rounds.

The general path (standings._table) walks each competitor's rounds for every
table: O(rounds^2) per competitor. When nothing in the rules makes a table
depend on more than the running sums (no best-N, no exclusion, no negative
adjustment, rounds in order), each competitor's state after round k follows
from its state after k-1, and a table costs one sort of the field.
"""

from __future__ import annotations

from collections.abc import Sequence

from podium.model.points import Points
from podium.rules.schema import Championship, Listing, Ruleset
from podium.scoring.standings import (
    Cell,
    Ranked,
    StandingsTable,
    countback_key,
    rank,
    rank_key,
)
from podium.scoring.tally import Folded


def applies(
    folded: Folded, rules: Ruleset, championship: Championship, rounds: Sequence[int]
) -> bool:
    if championship.drops is not None or list(rounds) != sorted(rounds):
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
    # Per competitor, the standing after each round (None: not listed yet).
    states: dict[str, list[tuple[Points, tuple[object, ...]] | None]] = {}
    for competitor, tally in folded.competitors.items():
        units, reached, classified, any_points = 0, 0, False, False
        counts: dict[int, int] = {}
        countback = countback_key(counts)
        total = Points(0)
        state: tuple[Points, tuple[object, ...]] | None = None
        listed: list[tuple[Points, tuple[object, ...]] | None] = []
        for n in rounds:
            here = tally.rounds.get(n)
            if here is not None:
                net = here.units + here.adjustment_units
                units += net
                if net > 0 or not reached:
                    reached = n
                classified = classified or here.classified
                any_points = any_points or here.any_points
                if here.places and tie_break.countback is not None:
                    for place in here.places:
                        counts[place] = counts.get(place, 0) + 1
                    countback = countback_key(counts)
                if net:
                    total = folded.points(units)
                shown = (
                    listing is Listing.ALL
                    or (listing is Listing.CLASSIFIED and (units != 0 or classified))
                    or (listing is Listing.SCORERS and (units > 0 or any_points))
                )
                state = (total, rank_key(units, countback, reached, tie_break)) if shown else None
            listed.append(state)
        states[competitor] = listed
    tables: dict[int, StandingsTable] = {}
    for index, after in enumerate(rounds):
        size = index + 1
        ranked = [
            Ranked(competitor, state[0], full_cells[competitor][:size], state[1], 0)
            for competitor, per_round in states.items()
            if (state := per_round[index]) is not None
        ]
        tables[after] = StandingsTable(
            championship, class_code, tuple(rounds[:size]), after, rank(ranked)
        )
    return tables
