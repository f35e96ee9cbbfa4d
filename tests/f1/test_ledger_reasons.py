"""The explanation of each kind of ledger row, word for word: `podium explain`,
the web site and the audit print these, so their text is part of the
contract (docs/rules.md). Small made-up seasons, one rule at a time."""

from __future__ import annotations

from fractions import Fraction

from podium.scoring import LedgerRow, score_season
from podium.scoring.ledger_row import Withheld

from .test_rule_dimensions import BASE, DRIVERS, TEAMS, line, season


def rows_of(rules: str, *lines: object, championship: str = "drivers") -> list[LedgerRow]:
    s = season(rules, *lines)  # type: ignore[arg-type]
    return [r for r in score_season(s) if r.championship == championship]


def test_a_scoring_place_and_a_place_the_scale_does_not_pay() -> None:
    lines = [line(1, p, f"t{p}", f"d{p}") for p in range(1, 8)]
    first, *_, seventh = rows_of(BASE + DRIVERS, *lines)
    assert first.reason == "#d1 1st at c1: 10 pts, scale race"
    assert (first.points, first.withheld, first.rule) == (10, 0, Withheld.NONE)
    assert seventh.reason == "#d7 7th at c1: no points, scale race pays the first 6"
    assert seventh.points == 0 and seventh.counts


def test_a_retired_car() -> None:
    (row,) = rows_of(BASE + DRIVERS, line(1, None, "t", "a"))
    assert row.reason == "#a retired at c1: no points, only classified cars score"
    assert row.place is None and row.rule is Withheld.NONE


def test_a_teams_second_car_does_not_count() -> None:
    best, second = rows_of(
        BASE + TEAMS, line(1, 1, "t", "a"), line(1, 2, "t", "b"), championship="teams"
    )
    assert best.reason == "#a 1st at c1: 10 pts, scale race" and best.counts
    assert second.reason == (
        "#b 2nd at c1: does not count (6 pts not added): "
        "the team scores only with its best car (#a, 1st)"
    )
    assert (second.points, second.withheld, second.rule) == (0, 6, Withheld.BEST_CAR)
    assert not second.counts


def test_a_shared_car_split_and_a_shared_car_scoring_nothing() -> None:
    split = BASE + DRIVERS + 'shared_cars = "split"\n'
    a, b, c = rows_of(split, line(1, 1, "t", "a", "b", "c"))
    assert a.reason == "#a 1st at c1: 3.33 pts, scale race, shared car, split 3 ways (0.33)"
    assert [r.competitor for r in (a, b, c)] == ["a", "b", "c"]
    assert a.points == b.points == c.points == Fraction(10, 3)

    nothing = BASE + DRIVERS + 'shared_cars = "none"\n'
    a, _ = rows_of(nothing, line(1, 1, "t", "a", "b"))
    assert a.reason == "#a 1st at c1: no points, shared cars score nothing"
    assert (a.points, a.withheld, a.rule) == (0, 10, Withheld.SHARED_CAR)


def test_a_multiplied_round_and_a_sprint() -> None:
    rules = BASE + '[scales.sprint]\npoints = [3, 2, 1]\nsession = "sprint"\n' + DRIVERS
    rules += "[[multipliers]]\nrounds = [1]\nfactor = 0.5\n"
    race, sprint = rows_of(rules, line(1, 1, "t", "a"), line(1, 1, "t", "a", session="sprint"))
    assert race.reason == "#a 1st at c1: 5 pts, scale race, x0.5 at this round"
    assert sprint.reason == "#a 1st at c1 (sprint): 3 pts, scale sprint"
    assert sprint.session == "sprint" and sprint.scale == "sprint"


def test_a_car_ruled_ineligible() -> None:
    rules = BASE + DRIVERS + '[[ineligible]]\nround = 1\ndrivers = ["x"]\n'
    _, x = rows_of(rules, line(1, 1, "t", "a"), line(1, 2, "f2", "x"))
    assert x.reason == "#x 2nd at c1: no points, not eligible to score at this round"
    assert (x.points, x.withheld, x.rule) == (0, 6, Withheld.INELIGIBLE)
