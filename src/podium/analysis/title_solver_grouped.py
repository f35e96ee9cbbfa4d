"""CP-SAT on grouped rounds: when every car is classified, open rounds with
the same field and the same scale are interchangeable, so the model counts
how often each car takes each place over the group (X[car, place] in 0..R)
instead of placing it round by round. Every row and column of X sums to R,
and such a matrix is the sum of R permutations (Birkhoff, Konig): the
witness is rebuilt round by round with R perfect matchings. Removing the
rounds' symmetry is what makes adversarial 30-car, 4-round fields solvable
within the time cap.

Applies when every open round has every car classified and a competitor's
points are the sum over its cars (drivers, or one car per team).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from podium.analysis.title_completion import Placings, check_completion, final_table
from podium.analysis.title_race import TitleRace


def groupable(race: TitleRace) -> bool:
    if not race.rounds or not all(r.everyone_classified for r in race.rounds):
        return False
    if race.best_car:
        for rnd in race.rounds:
            if any(len(race.cars_of(c.name, rnd)) > 1 for c in race.contenders):
                return False
    return True


def _groups(race: TitleRace) -> dict[tuple[object, ...], list[int]]:
    groups: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for r, rnd in enumerate(race.rounds):
        key = (
            tuple(car.key for car in rnd.cars),
            tuple(car.owners for car in rnd.cars),
            rnd.points,
        )
        groups[key].append(r)
    return groups


def solve_grouped(
    race: TitleRace, name: str, time_limit: float
) -> tuple[bool | None, tuple[Placings, ...] | None]:
    from ortools.sat.python import cp_model

    from podium.analysis.title_solver import _not_behind

    model = cp_model.CpModel()
    gained: dict[str, list[Any]] = {c.name: [] for c in race.contenders}
    counted: dict[str, list[list[Any]]] = {
        c.name: [[] for _ in range(race.depth)] for c in race.contenders
    }
    mine_only = _exclusive(race, name)
    matrices = []
    for rounds in _groups(race).values():
        rnd = race.rounds[rounds[0]]
        n, times = rnd.field_size, len(rounds)
        x = {(i, p): model.new_int_var(0, times, "") for i in range(n) for p in range(1, n + 1)}
        for i in range(n):
            model.add(sum(x[i, p] for p in range(1, n + 1)) == times)
        for p in range(1, n + 1):
            model.add(sum(x[i, p] for i in range(n)) == times)
        if mine_only:
            # Its cars on top every time: moving them up only helps it.
            for k, i in enumerate(race.cars_of(name, rnd), start=1):
                model.add(x[i, k] == times)
        for c in race.contenders:
            for i in race.cars_of(c.name, rnd):
                for p in range(1, n + 1):
                    if rnd.worth(p):
                        gained[c.name].append(rnd.worth(p) * x[i, p])
                    if race.counted(rnd, p):
                        counted[c.name][p - 1].append(x[i, p])
        matrices.append((rounds, x, n))
    won = _countback_won(race, name) if mine_only else frozenset()
    _not_behind(model, race, name, gained, counted, won)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1  # small model: one worker beats two on a shared machine
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return False, None
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, None
    witness: list[Placings | None] = [None] * len(race.rounds)
    for rounds, x, n in matrices:
        counts = [[int(solver.value(x[i, p])) for p in range(1, n + 1)] for i in range(n)]
        for r in rounds:
            witness[r] = _permutation(counts)
    completion = tuple(w for w in witness if w is not None)
    check_completion(race, completion)
    if name not in final_table(race, completion).champions:
        return None, None  # never claim what the witness does not show
    return True, completion


def _countback_won(race: TitleRace, name: str) -> frozenset[str]:
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


def _exclusive(race: TitleRace, name: str) -> bool:
    """Whether the contender's cars score for nobody with other future cars."""
    from podium.analysis.title_pairwise import signatures

    sig = signatures(race)
    for rnd in race.rounds:
        for i in race.cars_of(name, rnd):
            if any(sig.get(o) != sig[name] for o in rnd.cars[i].owners):
                return False
    return True


def _permutation(counts: list[list[int]]) -> tuple[int | None, ...]:
    """Take one perfect matching out of a matrix whose rows and columns all
    have the same sum (Kuhn's augmenting paths); the matrix keeps the rest."""
    n = len(counts)
    owner: list[int | None] = [None] * n  # place index -> car

    def augment(car: int, seen: set[int]) -> bool:
        for place in range(n):
            if counts[car][place] > 0 and place not in seen:
                seen.add(place)
                holder = owner[place]
                if holder is None or augment(holder, seen):
                    owner[place] = car
                    return True
        return False

    for car in range(n):
        if not augment(car, set()):
            raise ValueError("not a regular matrix: no perfect matching")
    places: list[int | None] = [None] * n
    for place, holder in enumerate(owner):
        assert holder is not None
        places[holder] = place + 1
        counts[holder][place] -= 1
    return tuple(places)
