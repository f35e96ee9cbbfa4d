"""Witness repair by swaps: every witness it gives is a real ending that
makes the contender champion, and it settles the knife-edge 30-car case."""

from __future__ import annotations

import itertools
import random

from hypothesis import given, settings

from podium.analysis.title.completion import check_completion, final_table
from podium.analysis.title.pairwise import signatures
from podium.analysis.title.race import Car, Contender, OpenRound, TitleRace
from podium.analysis.title.repair import repair
from podium.analysis.title.shared import ties_won
from podium.analysis.title.solver import solve_can_win
from podium.analysis.title.verdict import Method, TitleStatus, balanced, verdict
from podium.rules.schema import CountBack
from tests.analysis.test_title_solver import every_starter_races


def knife_edge(seed: int, spread: int = 1) -> TitleRace:
    """The benchmark's hardest shape: 30 cars, 30..1 to every starter, 4
    rounds; the leader (200, 4 wins ahead on count-back) reaches 320, and 29
    rivals on 256-264 must share the 1,740 points below 1st almost exactly."""
    rng = random.Random(seed)
    cars = tuple(Car(f"c{i}", f"#{i}", (f"T{i}",)) for i in range(30))
    rounds = tuple(OpenRound(7 + r, f"R{r}", tuple(range(30, 0, -1)), cars, True) for r in range(4))
    slack = rng.randint(56, 64)
    totals = [200] + [320 - slack + rng.choice(range(-spread, spread + 1)) for _ in range(29)]
    contenders = tuple(Contender(f"T{i}", t, (0,) * 30) for i, t in enumerate(totals))
    return TitleRace(
        "teams", "X", 6, contenders, rounds, True, CountBack.SCORING_PLACES, True, 1, 30
    )


def test_knife_edge_answered_without_the_solver() -> None:
    answered = {Method.BUDGET: 0, Method.WITNESS: 0}
    for seed in range(12):
        race = knife_edge(seed)
        room = sum(320 - c.total for c in race.contenders[1:])  # places 2-30 pay 1,740
        v = verdict(race, "T0", time_limit=2.0)
        if room < 1740:
            assert (v.status, v.method) == (TitleStatus.ELIMINATED, Method.BUDGET)
            assert f"at most {room + 120}" in v.reason
        else:
            # Rivals' room fits the points: level on points, T0 wins count-back.
            assert v.status is TitleStatus.CAN_WIN and v.witness is not None
            assert v.method is Method.WITNESS
            check_completion(race, v.witness)
            final = final_table(race, v.witness)
            assert final.champions == ("T0",)
            assert max(final.totals[f"T{i}"] for i in range(1, 30)) <= 320
        answered[v.method] += 1
    assert answered[Method.BUDGET] and answered[Method.WITNESS]


def test_wider_knife_edge_needs_chains_through_other_rounds() -> None:
    # Rivals 5 points either side: single swaps stall, and a point passed on
    # must leave a rival through a car at another round than it came in.
    chained = 0
    for seed in range(30):
        race = knife_edge(seed, spread=5)
        v = verdict(race, "T0", time_limit=2.0)
        assert v.method in (Method.BUDGET, Method.WITNESS), (seed, v.method)
        if v.witness is not None:
            check_completion(race, v.witness)
            assert final_table(race, v.witness).champions == ("T0",)
            start = balanced(race, "T0", signatures(race))
            chained += "T0" not in final_table(race, start).champions
    assert chained >= 3


def test_repair_fixes_what_balancing_leaves() -> None:
    race = knife_edge(5)  # room 1,743 for 1,740 points: balancing leaves rivals 1 over
    sig = signatures(race)
    start = balanced(race, "T0", sig)
    assert "T0" not in final_table(race, start).champions
    fixed = repair(race, "T0", start, sig, ties_won(race, "T0"))
    assert fixed is not None
    check_completion(race, fixed)
    assert final_table(race, fixed).champions == ("T0",)


def _tight(seed: int) -> TitleRace:
    """5-12 cars (some scoring for nobody), 1-4 rounds, every car classified,
    rivals' room close to their share of the points left."""
    rng = random.Random(seed)
    n = rng.randint(5, 12)
    cars = tuple(
        Car(f"c{i}", f"#{i}", () if i >= n - rng.randint(0, 1) else (f"T{i}",)) for i in range(n)
    )
    scale = tuple(sorted(rng.sample(range(1, 3 * n), n), reverse=True))
    rounds = tuple(OpenRound(5 + r, f"R{r}", scale, cars, True) for r in range(rng.randint(1, 4)))
    top = 100 + len(rounds) * scale[0]
    share = sum(scale[1:]) * len(rounds) // (n - 1)
    contenders = [Contender("T0", 100, (0,) * n)] + [
        Contender(
            f"T{i}", top - share + rng.randint(-2, 2), tuple(rng.randint(0, 1) for _ in range(n))
        )
        for i in range(1, n)
        if cars[i].owners
    ]
    basis = rng.choice([CountBack.SCORING_PLACES, None])
    return TitleRace(
        "teams", "X", 4, tuple(contenders), rounds, True, basis, rng.random() < 0.5, 1, n
    )


def test_repair_agrees_with_the_solver() -> None:
    swapped = 0
    for seed in range(60):
        race = _tight(seed)
        sig = signatures(race)
        start = balanced(race, "T0", sig)
        fixed = repair(race, "T0", start, sig, ties_won(race, "T0"))
        if fixed is None:
            continue
        check_completion(race, fixed)
        final = final_table(race, fixed)
        assert "T0" in final.champions and (race.share_ties or final.champions == ("T0",))
        assert solve_can_win(race, "T0", time_limit=10)[0] is True
        swapped += fixed != start
    assert swapped >= 5  # the swaps, not the start, did the work


@settings(max_examples=60, deadline=None)
@given(every_starter_races())
def test_repair_only_returns_winning_endings(race: TitleRace) -> None:
    per_round = [list(itertools.permutations(range(1, r.field_size + 1))) for r in race.rounds]
    endings = list(itertools.product(*per_round))
    sig = signatures(race)
    for c in race.contenders:
        fixed = repair(race, c.name, balanced(race, c.name, sig), sig, ties_won(race, c.name))
        if fixed is None:
            continue
        check_completion(race, fixed)
        final = final_table(race, fixed)
        mine = final.totals[c.name]
        for n, t in final.totals.items():
            if sig[n] != sig[c.name]:
                assert t < mine or (t == mine and n in ties_won(race, c.name)), n
        assert any(c.name in final_table(race, e).champions for e in endings)
