"""The exact fallback: CP-SAT decides whether a contender can still be
champion when pairwise reasoning is not enough (every car must take a place,
or cars are shared between rivals).

Variables: x[r, car, place] (the car's place at open round r; a car may take
no place when it can retire). Points and count-back follow the counted car:
a team's best car (the first of its places) or every car of a driver.
"Not behind anyone" is: more points than each rival, or equal points and a
count-back at least as good (compared place by place).
"""

from __future__ import annotations

from typing import Any

from podium.analysis.title_completion import Placings
from podium.analysis.title_race import TitleRace


def solve_can_win(
    race: TitleRace, name: str, time_limit: float = 5.0
) -> tuple[bool | None, tuple[Placings, ...] | None]:
    """(True, witness) / (False, None) / (None, None) past the time cap."""
    from podium.analysis.title_solver_grouped import groupable, solve_grouped

    if groupable(race):
        return solve_grouped(race, name, time_limit)
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    x: dict[tuple[int, int, int], Any] = {}
    gained: dict[str, list[Any]] = {c.name: [] for c in race.contenders}
    counted: dict[str, list[list[Any]]] = {
        c.name: [[] for _ in range(race.depth)] for c in race.contenders
    }
    for r, rnd in enumerate(race.rounds):
        n = rnd.field_size
        places = range(1, n + 1)
        for i in range(n):
            for p in places:
                x[r, i, p] = model.new_bool_var(f"x{r}_{i}_{p}")
            if rnd.everyone_classified:
                model.add_exactly_one(x[r, i, p] for p in places)
            else:
                model.add_at_most_one(x[r, i, p] for p in places)
        taken = []
        for p in places:
            used = sum(x[r, i, p] for i in range(n))
            if rnd.everyone_classified:
                model.add(used == 1)
            else:
                model.add(used <= 1)
            taken.append(used)
        for k in range(1, len(taken)):  # places run 1..m, no gaps
            model.add(taken[k] <= taken[k - 1])
        for c in race.contenders:
            mine = race.cars_of(c.name, rnd)
            if not mine:
                continue
            if race.best_car:
                # s[p]: some car of the competitor at place <= p; b[p] = its best is p.
                prev: Any = 0
                for p in places:
                    s = model.new_bool_var("")
                    upto = [x[r, i, q] for i in mine for q in range(1, p + 1)]
                    model.add_max_equality(s, upto)
                    b = s - prev
                    gained[c.name].append(rnd.worth(p) * b)
                    if race.counted(rnd, p):
                        counted[c.name][p - 1].append(b)
                    prev = s
            else:
                for i in mine:
                    for p in places:
                        gained[c.name].append(rnd.worth(p) * x[r, i, p])
                        if race.counted(rnd, p):
                            counted[c.name][p - 1].append(x[r, i, p])

    _not_behind(model, race, name, gained, counted)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        witness = []
        for r, rnd in enumerate(race.rounds):
            row: list[int | None] = []
            for i in range(rnd.field_size):
                at = [p for p in range(1, rnd.field_size + 1) if solver.value(x[r, i, p])]
                row.append(at[0] if at else None)
            witness.append(tuple(row))
        return True, tuple(witness)
    if status == cp_model.INFEASIBLE:
        return False, None
    return None, None


def _not_behind(
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
