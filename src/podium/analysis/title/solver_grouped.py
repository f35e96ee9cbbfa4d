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

from podium.analysis.title.completion import Placings, check_completion, final_table
from podium.analysis.title.pairwise import signatures
from podium.analysis.title.race import TitleRace
from podium.analysis.title.shared import countback_won, not_behind


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
    won = countback_won(race, name) if mine_only else frozenset()
    not_behind(model, race, name, gained, counted, won)

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


def _exclusive(race: TitleRace, name: str) -> bool:
    """Whether the contender's cars score for nobody with other future cars."""
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
