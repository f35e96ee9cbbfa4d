"""Cheap necessary conditions checked before CP-SAT: the points budget.

When every car must take a place, the open rounds hand out a fixed number
of points. For a contender to be champion, each rival B may gain at most
``best - total_B`` (``best``: the contender's highest reachable total, which
bounds its final total), and the contender itself at most ``best - total``.
If a competitor's points are the sum of its cars' (``groupable``), give each
car to one of its owners (the contender's own cars to it): the points handed
out are then at most the sum of those allowances plus what cars scoring for
nobody can take. Handing out more is impossible, so the contender is
eliminated; the solver would have to prove that by search (hundreds of
milliseconds on a 30-car field with the points left nearly filling every
rival's room).
"""

from __future__ import annotations

from podium.analysis.title.race import TitleRace
from podium.analysis.title.shared import groupable


def points_budget(
    race: TitleRace, name: str, best: int, sig: dict[str, tuple[frozenset[str], ...]]
) -> tuple[int, int] | None:
    """(points handed out, most the field can absorb) when the first is
    larger, which proves ``name`` eliminated; None when the test does not
    apply or does not settle it."""
    if not groupable(race):
        return None
    me = race.contender(name)
    allowance = {c.name: best - c.total for c in race.contenders if sig[c.name] != sig[name]}
    allowance[name] = best - me.total
    handed = 0
    absorbed = 0
    charged: set[str] = set()
    for rnd in race.rounds:
        handed += sum(rnd.worth(p) for p in range(1, rnd.field_size + 1))
        nobody = 0
        for car in rnd.cars:
            owners = [o for o in car.owners if o in allowance or sig.get(o) == sig[name]]
            if not owners:
                nobody += 1
                continue
            # The contender's crew share its cars: charge them to the contender.
            charged.add(name if any(sig[o] == sig[name] for o in owners) else owners[0])
        absorbed += sum(rnd.worth(p) for p in range(1, nobody + 1))
    absorbed += sum(allowance[n] for n in charged)
    return (handed, absorbed) if handed > absorbed else None
