"""The deciding round as known after each round, and ties by the season's
own rules, on small constructed seasons in the F1 data layout (races.csv and
results.csv, rules as a rules.toml). Every answer is worked out in the
comments; the rules say when each decision was made (``decided_after``).

Scale 10-6-4 for 1st-3rd throughout; one car per team, so a team's points
are its driver's (team "a" runs driver "a", and so on).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.analysis.title.deciders import deciding_round
from podium.model.season import Season
from podium.readers.f1db import load_f1_seasons
from podium.rules import CountBack, Unresolved, parse_rules
from podium.rules.schema import TieBreak
from podium.scoring import compute_standings, score_season

YEAR = 2001

RULES = """
schema = 1
default_scale = "race"
[scales.race]
points = [10, 6, 4]
[eligibility]
statuses = ["classified"]
[[championships]]
id = "drivers"
competitor = "driver"
per_class = false
[[championships]]
id = "constructors"
competitor = "team"
per_class = false
[tie_break]
countback = "scoring_places"
unresolved = "share"
"""


def _season(
    tmp_path: Path, finishes: list[str], rules: str, tie_break: TieBreak | None = None
) -> Season:
    """A season whose round r (1-based) finished in the order ``finishes[r-1]``
    (one letter per driver, winner first): e.g. "abc"."""
    races = ["year,round,date,official_name,circuit_id,completed"]
    results = [
        "year,round,session,position_order,position,position_text,driver_id,"
        "constructor_id,engine_id,car_number,shared_car,laps,fastest_lap"
    ]
    for number, order in enumerate(finishes, start=1):
        races.append(f"{YEAR},{number},{YEAR}-0{number}-01,Round {number},c{number},1")
        for place, driver in enumerate(order, start=1):
            results.append(
                f"{YEAR},{number},race,{place},{place},{place},{driver},{driver},{driver},"
                f"{place},0,50,0"
            )
    (tmp_path / "races.csv").write_text("\n".join(races) + "\n", encoding="utf-8")
    (tmp_path / "results.csv").write_text("\n".join(results) + "\n", encoding="utf-8")
    ruleset = parse_rules(rules, "rules.toml")
    if tie_break is not None:
        # No count-back cannot be written in TOML (omitted means scoring_places).
        ruleset = ruleset.model_copy(update={"tie_break": tie_break})
    return load_f1_seasons(tmp_path, [YEAR], {YEAR: ruleset})[YEAR]


def _final(season: Season, title: str) -> list[tuple[str, str]]:
    championship = season.rules.championship(title)
    table = compute_standings(
        score_season(season), season.rules, championship, "", season.round_numbers()
    )
    return [(row.label, row.competitor) for row in table.rows]


# Round 4 was stopped early and paid half points (5-3-2), ruled at round 4.
HALF_POINTS = """
[[multipliers]]
rounds = [4]
factor = "0.5"
decided_after = {decided}
"""


def test_a_race_ruled_half_points_later_pays_full_points_before_it(tmp_path: Path) -> None:
    # R1 a-b-c, R2 a-c-b, R3 b-a-c, R4 (half points) b-a-c.
    # After R3: a 10+10+6 = 26, b 6+4+10 = 20, c 4+6+4 = 14.
    # As known after R3, R4 pays its announced 10 for a win: b can reach
    # 30 > 26, so the title is open; after R4 (a 29, b 25) it is over: 4.
    # Had the half points been known in advance, b could reach only
    # 20 + 5 = 25 < 26 and the title was decided after R3.
    finishes = ["abc", "acb", "bac", "bac"]
    ruled_at_r4 = _season(tmp_path, finishes, RULES + HALF_POINTS.format(decided=4))
    assert _final(ruled_at_r4, "drivers")[:2] == [("1", "a"), ("2", "b")]
    assert deciding_round(ruled_at_r4, "drivers") == 4
    assert deciding_round(ruled_at_r4, "constructors") == 4
    announced = _season(tmp_path, finishes, RULES + HALF_POINTS.format(decided=0))
    assert deciding_round(announced, "drivers") == 3


# b excluded from the drivers' championship after the season (round 5).
EXCLUSION = """
[[exclusions]]
championship = "drivers"
competitor = "b"
listed_as = "DSQ"
{decided}
"""


def test_an_exclusion_decided_after_the_season_applies_only_from_then(tmp_path: Path) -> None:
    # R1 a-b-c, R2 a-b-d, R3 a-b-c, R4 b-a-c, R5 b-a-d (d: a fourth driver).
    # After R3: a 30, b 18, c 8, d 4, two rounds (20 points) left.
    # b, not yet excluded, can reach 38 > 30: open after R3; after R4
    # (a 36, b 28) b can still reach 38 > 36: open; decided after R5.
    # Applied to every ending (as if known before the season), b would not
    # count and nobody else can reach 30 (c 28, d 24): "decided" after R3.
    finishes = ["abc", "abd", "abc", "bac", "bad"]
    after_season = _season(
        tmp_path, finishes, RULES + EXCLUSION.format(decided="decided_after = 5")
    )
    assert ("DSQ", "b") in _final(after_season, "drivers")
    assert deciding_round(after_season, "drivers") == 5
    known_before = _season(tmp_path, finishes, RULES + EXCLUSION.format(decided=""))
    assert deciding_round(known_before, "drivers") == 3
    # The constructors' title (b's team not excluded) is open to the end too.
    assert deciding_round(after_season, "constructors") == 5


@pytest.mark.parametrize("title", ["drivers", "constructors"])
@pytest.mark.parametrize(
    ("tie_break", "decider"),
    [
        # Count-back: a has 2 wins, b or c at best 1: a ranks first at 20-20.
        (TieBreak(countback=CountBack.SCORING_PLACES), 2),
        # No count-back, ties shared: b or c could share the title: open to R3.
        (TieBreak(countback=None, unresolved=Unresolved.SHARE), 3),
        # No count-back, first to reach: a reached 20 at R2, a rival only at R3.
        (TieBreak(countback=None, unresolved=Unresolved.FIRST_TO_REACH), 2),
    ],
)
def test_a_possible_tie_on_points_is_settled_by_the_seasons_tie_break(
    tmp_path: Path, title: str, tie_break: TieBreak, decider: int
) -> None:
    # R1 a-b-c, R2 a-c-b, R3 b-a-c. After R2: a 20, b 6+4 = 10, c 4+6 = 10;
    # one round (10 points) left, so b or c can at best tie a on 20.
    # One rule for drivers and teams (each team runs one car).
    season = _season(tmp_path, ["abc", "acb", "bac"], RULES, tie_break)
    assert deciding_round(season, title) == decider
