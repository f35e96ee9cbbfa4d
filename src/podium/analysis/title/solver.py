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

from podium.analysis.title.completion import Placings
from podium.analysis.title.race import TitleRace
from podium.analysis.title.shared import groupable, not_behind
from podium.analysis.title.solver_grouped import solve_grouped


def solve_can_win(
    race: TitleRace, name: str, time_limit: float = 5.0
) -> tuple[bool | None, tuple[Placings, ...] | None]:
    """(True, witness) / (False, None) / (None, None) past the time cap."""
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

    not_behind(model, race, name, gained, counted)

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
