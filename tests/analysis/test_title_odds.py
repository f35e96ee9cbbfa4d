"""Monte Carlo title odds: seeded, exact where the verdict is certain, and
close to the enumerated probability on a race small enough to count."""

from __future__ import annotations

import itertools
import math

from podium.analysis.title.completion import final_table
from podium.analysis.title.odds import OrderModel, title_odds
from podium.analysis.title.race import Car, Contender, OpenRound, TitleRace, build_race
from podium.analysis.title.verdict import TitleStatus, verdicts
from podium.app.season import ScoredSeason
from podium.rules.schema import CountBack


def _small() -> TitleRace:
    cars = (
        Car("a1", "#1", ("A",)),
        Car("a2", "#2", ("A",)),
        Car("b", "#3", ("B",)),
        Car("c", "#4", ("C",)),
    )
    rounds = tuple(OpenRound(8 + r, f"R{r}", (10, 6, 4, 3), cars, True) for r in range(2))
    contenders = (
        Contender("A", 20, (1, 0, 0, 0)),
        Contender("B", 24, (0, 1, 0, 0)),
        Contender("C", 27, (0, 0, 1, 0)),
    )
    return TitleRace(
        "teams", "X", 7, contenders, rounds, True, CountBack.SCORING_PLACES, True, 1, 4
    )


def test_odds_match_enumeration_within_the_standard_error() -> None:
    race = _small()
    orders = list(itertools.permutations(range(1, 5)))
    endings = list(itertools.product(orders, orders))
    exact = {
        c.name: sum(c.name in final_table(race, e).champions for e in endings) / len(endings)
        for c in race.contenders
    }
    odds = title_odds(race, runs=200_000, seed=3, chunk=30_000)
    for name, chance, error in zip(odds.names, odds.chances, odds.errors, strict=True):
        assert error == math.sqrt(chance * (1 - chance) / odds.runs)
        assert abs(chance - exact[name]) <= 4 * max(error, 1e-4), (name, chance, exact[name])
    assert "uniform" in odds.model


def test_same_seed_same_odds_whatever_the_threads() -> None:
    race = _small()
    one = title_odds(race, runs=60_000, seed=11, chunk=7_000, workers=1)
    two = title_odds(race, runs=60_000, seed=11, chunk=7_000, workers=2)
    assert one.chances == two.chances
    assert title_odds(race, runs=60_000, seed=12, chunk=7_000).chances != one.chances


def test_certain_verdicts_have_certain_odds(scored: ScoredSeason) -> None:
    for code in ("LMP2", "GT"):
        race = build_race(scored.season, scored.ledger, scored.championship("teams"), code, 8)
        result = title_odds(race, 20_000, seed=1, retire_rate=0.2)
        odds = dict(zip(result.names, result.chances, strict=True))
        for v in verdicts(race):
            if v.status is TitleStatus.CHAMPION:
                assert odds[v.name] == 1.0
            if v.status is TitleStatus.ELIMINATED:
                assert odds[v.name] == 0.0
    race = build_race(scored.season, scored.ledger, scored.championship("teams"), "LMP2", 8)
    odds = title_odds(race, 50_000, seed=2, model=OrderModel.FORM, retire_rate=0.2, form={})
    got = dict(zip(odds.names, odds.chances, strict=True))
    # Intersport needs Miracle's two cars both out (0.2**2) and a class win.
    assert 0 < got["Intersport Racing"] < 0.04 and "weighted by this season" in odds.model
