"""`podium title` and `podium odds` on a season with best-N drops and no
classes (Formula One 1988, best 11 of 16): exact answers or "unknown" with
the reason, never a wrong number (issue 11, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.app.season import ScoredSeason
from podium.app.title import title_fight
from podium.app.title_odds import title_odds

F1 = Path(__file__).resolve().parents[2] / "data" / "f1"


@pytest.fixture(scope="module")
def f1_1988() -> ScoredSeason:
    from podium.readers.f1db import load_f1_seasons

    return ScoredSeason(load_f1_seasons(F1, [1988])[1988])


def test_a_title_across_classes_sees_the_rounds_left(f1_1988: ScoredSeason) -> None:
    # Senna took the 1988 title at round 15 (Japan): after round 14 neither
    # he nor Prost can be called champion. The table had no class, and the
    # rounds left had no cars, so Prost read "champion" (84 to 84 points).
    fight = title_fight(f1_1988, None, "drivers", 14)
    by_name = {c.name: c for c in fight.contenders}
    prost, senna = by_name["alain-prost"], by_name["ayrton-senna"]
    assert prost.highest > prost.points and senna.highest > senna.points
    # Best 11 of 16 count: what the bounds do not settle is "unknown", with why.
    for c in (prost, senna):
        assert c.status.value == "unknown"
        assert c.answer.startswith("unknown: the rules have best-N drops")
    # A driver the bounds rule out is out, by at least the shortfall shown.
    berger = by_name["gerhard-berger"]
    assert berger.answer == (
        "out: even winning every race leaves them at least 28 points short of alain-prost"
    )


def test_odds_with_drops_are_unknown_with_the_reason(f1_1988: ScoredSeason) -> None:
    odds = title_odds(f1_1988, None, "drivers", 14, runs=1000)
    assert odds.contenders == ()
    assert odds.unknown.startswith("the rules have best-N drops")
    # Without drops (the constructors' table) the odds are simulated.
    assert title_odds(f1_1988, None, "constructors", 10, runs=1000).contenders
