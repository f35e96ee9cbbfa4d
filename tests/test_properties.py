"""Scoring invariants, checked by Hypothesis on the built-in season's rules."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.app.season import ScoredSeason, open_season
from podium.model import PointsAdjustment, Season

SEASON = open_season()
TABLES = [(c, k) for c in ("teams", "drivers") for k in ("LMP1", "LMP2", "GTS", "GT")]


def snapshot(season: Season) -> dict[tuple[str, str], list[tuple[str, int, Fraction]]]:
    scored = ScoredSeason(season)
    return {
        (c, k): [(r.competitor, r.place, r.total) for r in scored.standings(c, k).rows]
        for c, k in TABLES
    }


BASE = snapshot(SEASON)


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(SEASON.results))))
def test_input_order_never_changes_standings(order: list[int]) -> None:
    shuffled = dataclasses.replace(SEASON, results=tuple(SEASON.results[i] for i in order))
    assert snapshot(shuffled) == BASE


# Removing a class winner changes the distance reference (70% of *its* laps),
# so the invariant is about every other line.
REMOVABLE = [i for i, r in enumerate(SEASON.results) if r.class_pos != 1]


@settings(max_examples=40, deadline=None)
@given(st.sets(st.sampled_from(REMOVABLE), min_size=1, max_size=6))
def test_removing_results_never_raises_a_total(removed: set[int]) -> None:
    kept = tuple(r for i, r in enumerate(SEASON.results) if i not in removed)
    after = snapshot(dataclasses.replace(SEASON, results=kept))
    for key, rows in after.items():
        before = {name: total for name, _, total in BASE[key]}
        for name, _, total in rows:
            assert total <= before.get(name, Fraction(0)), (key, name)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(TABLES), st.data())
def test_more_points_never_lowers_a_place(table: tuple[str, str], data: st.DataObject) -> None:
    championship, class_code = table
    rows = BASE[table]
    name, place, _ = data.draw(st.sampled_from(rows))
    bonus = data.draw(st.integers(min_value=1, max_value=40))
    adjustment = PointsAdjustment(championship, class_code, name, Fraction(bonus), "test bonus")
    richer = dataclasses.replace(SEASON, adjustments=(adjustment,))
    new_place = next(p for n, p, _ in snapshot(richer)[table] if n == name)
    assert new_place <= place
