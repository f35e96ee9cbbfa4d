"""Best-N results: which of a competitor's rounds count (pure)."""

from __future__ import annotations

from collections.abc import Mapping

from podium.model.points import Points
from podium.rules.dimensions import Drops


def dropped_rounds(totals: Mapping[int, Points | int], drops: Drops | None) -> frozenset[int]:
    """Rounds whose results do not count: outside each segment's best N.

    ``totals`` are the competitor's points per round held so far, so an
    in-season table applies the rule to the rounds held (best 5 of 6 after
    three rounds keeps all three). Between equal totals the later round is
    dropped; the sum does not depend on which.
    """
    if drops is None:
        return frozenset()
    spans = [(s.first, s.last, s.best) for s in drops.segments] or [(1, 0, drops.best or 1)]
    out: set[int] = set()
    for first, last, best in spans:
        held = [n for n in totals if n >= first and (not last or n <= last)]
        if len(held) <= best:
            continue
        ranked = sorted(held, key=lambda n: (-totals[n], n))
        out.update(n for n in ranked[best:] if totals[n] != 0)
    return frozenset(out)
