"""The points budget: it may only ever prove what brute force confirms."""

from __future__ import annotations

import itertools

from hypothesis import given, settings

from podium.analysis.title.bounds import points_budget
from podium.analysis.title.completion import final_table
from podium.analysis.title.pairwise import signatures
from podium.analysis.title.race import Car, Contender, OpenRound, TitleRace
from podium.analysis.title.verdict import Method, TitleStatus, verdict
from tests.analysis.test_title_solver import every_starter_races


def _three_cars(totals: tuple[int, int, int]) -> TitleRace:
    cars = tuple(Car(f"c{i}", f"#{i}", (f"T{i}",)) for i in range(3))
    rounds = (OpenRound(5, "R5", (3, 2, 1), cars, everyone_classified=True),)
    contenders = tuple(Contender(f"T{i}", t, (0, 0, 0)) for i, t in enumerate(totals))
    return TitleRace("teams", "X", 4, contenders, rounds, True, None, True, 1, 3)


def test_budget_settles_what_pairwise_cannot() -> None:
    # T0 wins on 13; T1 and T2 (12 each) share the 3 points left for 2nd and
    # 3rd: one reaches 14. Pairwise, each alone can be held to 13 (a shared title).
    race = _three_cars((10, 12, 12))
    assert points_budget(race, "T0", 13, signatures(race)) == (6, 5)
    v = verdict(race, "T0")
    assert (v.status, v.method) == (TitleStatus.ELIMINATED, Method.BUDGET)
    assert "hand out 6 points" in v.reason and "at most 5" in v.reason


def test_budget_silent_when_the_points_fit() -> None:
    race = _three_cars((10, 11, 12))  # T1 13 (2nd), T2 13 (3rd): a shared title
    assert points_budget(race, "T0", 13, signatures(race)) is None
    assert verdict(race, "T0").status is TitleStatus.CAN_WIN


def test_budget_needs_every_car_classified() -> None:
    race = _three_cars((10, 12, 12))
    rounds = tuple(
        OpenRound(r.number, r.label, r.points, r.cars, everyone_classified=False)
        for r in race.rounds
    )
    loose = TitleRace("teams", "X", 4, race.contenders, rounds, True, None, True, 1, 3)
    assert points_budget(loose, "T0", 13, signatures(loose)) is None


@settings(max_examples=60, deadline=None)
@given(every_starter_races())
def test_budget_never_eliminates_a_possible_champion(race: TitleRace) -> None:
    per_round = [list(itertools.permutations(range(1, r.field_size + 1))) for r in race.rounds]
    endings = list(itertools.product(*per_round))
    sig = signatures(race)
    for c in race.contenders:
        best = max(final_table(race, e).totals[c.name] for e in endings)
        if points_budget(race, c.name, best, sig) is not None:
            assert not any(c.name in final_table(race, e).champions for e in endings), c.name
