"""Pairwise reasoning over a title race: can rival B finish ahead of A?

Exact because a rival's result only meets a contender's through the places
they take: B's cars in the best places and A's in the worst (no place at all
when a car may retire) is the worst case for A, round after round; the worst
places also add the least to A's count-back.
"""

from __future__ import annotations

from collections.abc import Iterable

from podium.analysis.title.completion import Placings, final_table, key_of
from podium.analysis.title.race import TitleRace


def signatures(race: TitleRace) -> dict[str, tuple[frozenset[str], ...]]:
    """Which cars each contender has at each open round."""
    return {
        c.name: tuple(
            frozenset(car.key for car in rnd.cars if c.name in car.owners) for rnd in race.rounds
        )
        for c in race.contenders
    }


def pairwise_exact(race: TitleRace) -> bool:
    """Whether no car is shared by contenders with different future cars."""
    sig = signatures(race)
    for rnd in race.rounds:
        for car in rnd.cars:
            if len({sig[o] for o in car.owners if o in sig}) > 1:
                return False
    return True


def scenario(
    race: TitleRace,
    up: Iterable[str],
    down: Iterable[str],
    fixed: dict[tuple[int, int], int | None] | None = None,
) -> tuple[Placings, ...]:
    """A completion: ``fixed`` cars where given, then the cars of ``up`` in
    the best free places and those of ``down`` in the worst (not classified
    when cars may retire). Other cars fill the places between, or retire
    unless a gap must be filled (places run 1..n). ``down`` is listed most
    feared first: it gets the very worst places."""
    fixed = fixed or {}
    up, down = list(up), list(down)
    out: list[Placings] = []
    for r, rnd in enumerate(race.rounds):
        places: list[int | None] = [None] * rnd.field_size
        done: set[int] = set()
        for (rr, i), p in fixed.items():
            if rr == r:
                places[i] = p
                done.add(i)
        free = [p for p in range(1, rnd.field_size + 1) if p not in places]
        for name in up:
            for i in race.cars_of(name, rnd):
                if i not in done:
                    places[i] = free.pop(0)
                    done.add(i)
        low: list[int] = []
        for name in down:
            low += [i for i in race.cars_of(name, rnd) if i not in done and i not in low]
        rest = [i for i in range(rnd.field_size) if i not in done and i not in low]
        if rnd.everyone_classified:
            for i in rest + low[::-1]:
                places[i] = free.pop(0)
        else:
            top = max((p for p in places if p is not None), default=0)
            gaps = [p for p in free if p < top]
            for i in rest + low[::-1]:
                if not gaps:
                    break
                places[i] = gaps.pop(0)
        out.append(tuple(places))
    return tuple(out)


def ahead(race: TitleRace, b: str, a: str, completion: tuple[Placings, ...]) -> bool | None:
    """Is b strictly ahead of a after this completion? None: an exact tie that
    only the first-to-reach rule would break (podium does not guess)."""
    final = final_table(race, completion)
    kb = key_of(final.totals[b], final.counts[b], race)
    ka = key_of(final.totals[a], final.counts[a], race)
    if kb != ka:
        return kb > ka
    return False if race.share_ties else None


def can_get_ahead(
    race: TitleRace, b: str, a: str, fixed: dict[tuple[int, int], int | None] | None = None
) -> tuple[bool | None, tuple[Placings, ...]]:
    """Whether rival b can finish ahead of a (pairwise: b best, a worst)."""
    completion = scenario(race, [b], [a], fixed)
    return ahead(race, b, a, completion), completion


def shares_cars(sig: dict[str, tuple[frozenset[str], ...]], a: str, b: str) -> bool:
    return any(x & y for x, y in zip(sig[a], sig[b], strict=True))


def beaten_by(
    race: TitleRace,
    a: str,
    sig: dict[str, tuple[frozenset[str], ...]],
    fixed: dict[tuple[int, int], int | None] | None = None,
    skip: frozenset[str] = frozenset(),
) -> tuple[bool | None, str, tuple[Placings, ...] | None]:
    """Can any rival finish ahead of ``a``? (yes/no/unknown, who, how)"""
    unknown = ""
    for c in race.contenders:
        b = c.name
        if b == a or b in skip:
            continue
        if sig[b] == sig[a]:
            # Same cars from here on: same future points, the order stays.
            me = race.contender(a)
            if key_of(c.total, c.counts, race) > key_of(me.total, me.counts, race):
                return True, b, None
            continue
        if shares_cars(sig, a, b):
            unknown = b
            continue
        got, completion = can_get_ahead(race, b, a, fixed)
        if got:
            return True, b, completion
        if got is None:
            unknown = b
    return (None, unknown, None) if unknown else (False, "", None)


def reach(race: TitleRace, name: str) -> tuple[int, int]:
    """Lowest and highest totals still reachable."""
    low = final_table(race, scenario(race, [], [name])).totals[name]
    high = final_table(race, scenario(race, [name], [])).totals[name]
    return low, high
