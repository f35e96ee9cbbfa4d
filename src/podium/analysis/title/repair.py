"""Repair a candidate witness by swapping places: a cheap search for an
ending that makes a contender champion, tried before CP-SAT.

When every car must be classified, the "balanced" witness can leave a few
rivals a point or two above the contender while others still have room.
Swapping two rival cars' places at one round moves points from one to the
other; steepest descent on the points by which rivals pass the contender
closes most of the gap. When no single swap helps (every rival with room
sits far from the late ones), a chain of swaps passes one point along
rivals that are exactly at their limit. The contender's own cars keep
their places; count-back is left to the final check. Whatever comes out is checked on the final table by the
caller: the search can only fail (the solver then decides), never mislead.
"""

from __future__ import annotations

from collections.abc import Callable

from podium.analysis.title.completion import Placings, final_table
from podium.analysis.title.race import TitleRace
from podium.analysis.title.shared import groupable


def repair(
    race: TitleRace,
    name: str,
    start: tuple[Placings, ...],
    sig: dict[str, tuple[frozenset[str], ...]],
    tie_ok: frozenset[str] = frozenset(),
    max_swaps: int = 200,
) -> tuple[Placings, ...] | None:
    """A completion from ``start`` where no rival passes ``name`` on points
    (nor ties it, unless in ``tie_ok``), or None if descent gets stuck."""
    if not groupable(race):
        return None  # a competitor's points are not the sum of its cars'
    final = final_table(race, start)
    mine = final.totals[name]
    cap = {
        c.name: mine - (0 if c.name in tie_ok else 1)
        for c in race.contenders
        if sig[c.name] != sig[name]
    }
    points = {n: final.totals[n] for n in cap}
    places = [list(p) for p in start]
    movable = [
        [
            i
            for i, car in enumerate(rnd.cars)
            if not any(sig.get(o) == sig[name] for o in car.owners)
        ]
        for rnd in race.rounds
    ]
    owners = [[[o for o in car.owners if o in cap] for car in rnd.cars] for rnd in race.rounds]
    # What each car's place is worth, kept in step with ``places``.
    worth = [[rnd.worth(p or 0) for p in row] for rnd, row in zip(race.rounds, places, strict=True)]

    def over(n: str, extra: int = 0) -> int:
        return max(0, points[n] + extra - cap[n])

    for _ in range(max_swaps):
        late = {n for n in cap if points[n] > cap[n]}
        if not late:
            break
        best = (0, -1, -1, -1, 0)
        for r, here in enumerate(worth):
            for a in movable[r]:
                if not late.intersection(owners[r][a]):
                    continue
                for b in movable[r]:
                    d = here[a] - here[b]
                    if d <= 0:
                        continue
                    gain = _gain(owners[r][a], owners[r][b], d, over)
                    if gain > best[0]:
                        best = (gain, r, a, b, d)
        gain, r, a, b, d = best
        swaps = [(r, a, b)] if gain > 0 else _chain(worth, movable, owners, points, cap)
        if not swaps:
            return None  # stuck: leave it to the solver
        for r, a, b in swaps:
            d = worth[r][a] - worth[r][b]
            places[r][a], places[r][b] = places[r][b], places[r][a]
            worth[r][a], worth[r][b] = worth[r][b], worth[r][a]
            for o in owners[r][a]:
                points[o] -= d
            for o in owners[r][b]:
                points[o] += d
    if any(points[n] > cap[n] for n in cap):
        return None
    return tuple(tuple(p) for p in places)


def _gain(losers: list[str], winners: list[str], d: int, over: Callable[[str, int], int]) -> int:
    """How much moving ``d`` points from ``losers`` to ``winners`` cuts the
    total by which rivals pass the contender."""
    both = set(losers) & set(winners)
    out = 0
    for o in losers:
        if o not in both:
            out += over(o, 0) - over(o, -d)
    for o in winners:
        if o not in both:
            out += over(o, 0) - over(o, d)
    return out


def _chain(
    worth: list[list[int]],
    movable: list[list[int]],
    owners: list[list[list[str]]],
    points: dict[str, int],
    cap: dict[str, int],
) -> list[tuple[int, int, int]]:
    """A chain of swaps passing one point from a rival above the contender,
    through rivals exactly at their limit, to one with room (or to a car
    scoring for nobody): breadth-first over "x's car sits one point above
    y's at some round". Only cars scoring for one rival, or nobody, take part."""
    give: dict[str, list[tuple[int, int, int, str]]] = {}
    for r, here in enumerate(worth):
        cars = [i for i in movable[r] if len(owners[r][i]) <= 1]
        by_worth: dict[int, list[int]] = {}
        for b in cars:
            by_worth.setdefault(here[b], []).append(b)
        for a in cars:
            if not owners[r][a]:
                continue
            for b in by_worth.get(here[a] - 1, []):
                to = owners[r][b][0] if owners[r][b] else ""
                give.setdefault(owners[r][a][0], []).append((r, a, b, to))
    # A state is a rival and the (round, car) through which it took the point.
    State = tuple[str, int, int]
    came: dict[State, tuple[State, int, int, int]] = {}
    queue: list[State] = [(n, -1, -1) for n in cap if points[n] > cap[n]]
    seen = set(queue)
    for state in queue:
        x, r_in, car_in = state
        for r, a, b, y in give.get(x, []):
            nxt = (y, r, b)
            if (r, a) == (r_in, car_in) or nxt in seen:
                continue  # one car cannot pass on the point it just took
            seen.add(nxt)
            came[nxt] = (state, r, a, b)
            if y == "" or points[y] < cap[y]:
                swaps = _path(came, nxt)
                touched = [(r, i) for r, a, b in swaps for i in (a, b)]
                if len(set(touched)) == len(touched):  # independent swaps
                    return swaps
            else:
                queue.append(nxt)
    return []


def _path(
    came: dict[tuple[str, int, int], tuple[tuple[str, int, int], int, int, int]],
    end: tuple[str, int, int],
) -> list[tuple[int, int, int]]:
    out = []
    while end in came:
        end, r, a, b = came[end]
        out.append((r, a, b))
    return out[::-1]
