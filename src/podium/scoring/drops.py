"""Best-N results: which of a competitor's rounds count (pure)."""

from __future__ import annotations

from collections.abc import Mapping

from podium.model.points import Points
from podium.rules.dimensions import Drops, Segment


def dropped_rounds(totals: Mapping[int, Points], drops: Drops | None) -> frozenset[int]:
    """Rounds whose results do not count: outside each segment's best N.

    ``totals`` are the competitor's points per round held so far, so an
    in-season table applies the rule to the rounds held (best 5 of 6 after
    three rounds keeps all three). Between equal totals the later round is
    dropped; the sum does not depend on which.
    """
    if drops is None:
        return frozenset()
    segments = drops.segments or [Segment(first=1, best=drops.best or 1)]
    out: set[int] = set()
    for segment in segments:
        held = [n for n in totals if n >= segment.first and (not segment.last or n <= segment.last)]
        ranked = sorted(held, key=lambda n: (-totals[n], n))
        out.update(n for n in ranked[segment.best :] if totals[n] != 0)
    return frozenset(out)
