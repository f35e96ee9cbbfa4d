"""The CP-SAT fallback against brute force, and its time cap."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.analysis.title.completion import check_completion, final_table
from podium.analysis.title.race import Car, Contender, OpenRound, TitleRace
from podium.analysis.title.solver import solve_can_win
from podium.analysis.title.verdict import Method, TitleStatus, verdict
from podium.rules.schema import CountBack


@st.composite
def every_starter_races(draw: st.DrawFn) -> TitleRace:
    n = draw(st.integers(3, 4))
    teams = draw(st.integers(2, n))
    cars = tuple(Car(f"c{i}", f"#{i}", (f"T{i % teams}",)) for i in range(n))
    scale = tuple(sorted(draw(st.lists(st.integers(0, 5), min_size=n, max_size=n)), reverse=True))
    rounds = tuple(
        OpenRound(5 + r, f"R{r}", scale, cars, everyone_classified=True)
        for r in range(draw(st.integers(1, 2)))
    )
    contenders = tuple(
        Contender(
            f"T{t}", draw(st.integers(0, 8)), tuple(draw(st.integers(0, 1)) for _ in range(n))
        )
        for t in range(teams)
    )
    basis = draw(st.sampled_from([CountBack.SCORING_PLACES, CountBack.ALL_PLACES, None]))
    return TitleRace("teams", "X", 4, contenders, rounds, draw(st.booleans()), basis, True, 1, n)


@settings(max_examples=40, deadline=None)
@given(every_starter_races())
def test_solver_agrees_with_brute_force(race: TitleRace) -> None:
    per_round = [list(itertools.permutations(range(1, r.field_size + 1))) for r in race.rounds]
    endings = list(itertools.product(*per_round))
    for c in race.contenders:
        possible = any(c.name in final_table(race, e).champions for e in endings)
        found, witness = solve_can_win(race, c.name, time_limit=10)
        assert found is possible, c.name
        if witness is not None:
            check_completion(race, witness)
            assert c.name in final_table(race, witness).champions


@settings(max_examples=40, deadline=None)
@given(every_starter_races())
def test_verdicts_with_every_car_classified_match_brute_force(race: TitleRace) -> None:
    per_round = [list(itertools.permutations(range(1, r.field_size + 1))) for r in race.rounds]
    endings = list(itertools.product(*per_round))
    for c in race.contenders:
        champions = [c.name in final_table(race, e).champions for e in endings]
        v = verdict(race, c.name)
        expected = (
            TitleStatus.CHAMPION
            if all(champions)
            else TitleStatus.CAN_WIN
            if any(champions)
            else TitleStatus.ELIMINATED
        )
        assert v.status is expected, (c.name, v)
        # Nothing but pairwise champion checks may claim pairwise exactness here.
        if v.status is TitleStatus.CAN_WIN:
            assert v.method in (Method.WITNESS, Method.CPSAT)


def test_time_cap_answers_unknown() -> None:
    cars = tuple(Car(f"c{i}", f"#{i}", (f"T{i}",)) for i in range(30))
    scale = tuple(range(30, 0, -1))
    rounds = tuple(OpenRound(7 + r, f"R{r}", scale, cars, True) for r in range(4))
    contenders = tuple(Contender(f"T{i}", 100 - (i % 3), (0,) * 30) for i in range(30))
    race = TitleRace(
        "teams", "X", 6, contenders, rounds, True, CountBack.SCORING_PLACES, True, 1, 30
    )
    found, witness = solve_can_win(race, "T29", time_limit=1e-6)
    assert found is None and witness is None
