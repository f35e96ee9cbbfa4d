"""Helpers the title reasoning shares: when a competitor's points are the
sum of its cars', who loses a tie to a contender whatever happens, and the
CP-SAT constraint "not behind anyone" both solvers state."""

from __future__ import annotations

from typing import Any

from podium.analysis.title.race import TitleRace


def groupable(race: TitleRace) -> bool:
    if not race.rounds or not all(r.everyone_classified for r in race.rounds):
        return False
    if race.best_car:
        for rnd in race.rounds:
            if any(len(race.cars_of(c.name, rnd)) > 1 for c in race.contenders):
                return False
    return True


def countback_won(race: TitleRace, name: str) -> frozenset[str]:
    """Rivals that lose a tie on points to the contender in every ending,
    when its cars hold the top places: its count-back is then known exactly,
    a rival's is at most what its cars could add below those places."""
    if race.countback is None:
        return frozenset()
    me = list(race.contender(name).counts)
    for rnd in race.rounds:
        for place in range(1, len(race.cars_of(name, rnd)) + 1):
            if race.counted(rnd, place):
                me[place - 1] += 1
    out = set()
    for c in race.contenders:
        if c.name == name:
            continue
        low, high = list(c.counts), list(c.counts)
        for rnd in race.rounds:
            held = len(race.cars_of(name, rnd))
            cars = len(race.cars_of(c.name, rnd))
            for place in range(held + 1, rnd.field_size + 1):
                if race.counted(rnd, place) and place <= race.depth:
                    high[place - 1] += cars
        for k in range(race.depth):
            if me[k] > high[k]:
                out.add(c.name)
                break
            if not me[k] == low[k] == high[k]:
                break
    return frozenset(out)


def ties_won(race: TitleRace, name: str) -> frozenset[str]:
    """Rivals that may finish level on points with the contender on top:
    every tie is shared, or they lose count-back whatever happens."""
    if race.countback is None:
        return frozenset(c.name for c in race.contenders) if race.share_ties else frozenset()
    return countback_won(race, name)


def not_behind(
    model: Any,
    race: TitleRace,
    name: str,
    gained: dict[str, list[Any]],
    counted: dict[str, list[list[Any]]],
    countback_won: frozenset[str] = frozenset(),
) -> None:
    """``name`` ends with more points than every rival, or as many and a
    count-back at least as good (equal all through: a shared place, allowed
    only when the rules share ties). Rivals in ``countback_won`` lose any
    tie on count-back, whatever happens (known from bounds)."""

    def total(n: str) -> Any:
        return race.contender(n).total + sum(gained[n])

    def count(n: str, k: int) -> Any:
        return race.contender(n).counts[k] + sum(counted[n][k])

    me = total(name)
    for c in race.contenders:
        if c.name == name:
            continue
        model.add(me >= total(c.name))  # implied; it gives the relaxation its bite
        if c.name in countback_won:
            continue  # a tie on points goes to the contender whatever happens
        tie = model.new_bool_var("")
        model.add(me >= total(c.name) + 1).only_enforce_if(tie.negated())
        model.add(me == total(c.name)).only_enforce_if(tie)
        if race.countback is None:
            if not race.share_ties:
                model.add(tie == 0)
            continue
        equal = tie
        for k in range(race.depth):
            nxt = model.new_bool_var("")
            model.add_implication(nxt, equal)
            model.add(count(name, k) == count(c.name, k)).only_enforce_if(nxt)
            model.add(count(name, k) >= count(c.name, k) + 1).only_enforce_if(
                [equal, nxt.negated()]
            )
            equal = nxt
        if not race.share_ties:
            model.add(equal == 0)
