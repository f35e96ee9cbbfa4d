"""Stewards' decisions applied on top of the timing sheets, on a made-up
two-class race whose numbers can be checked by hand.

The race (round 1), overall order as the timing sheet printed it:

    P1  #1  GT3  Alpha    20 laps  1:00:00.000
    P2  #2  GT3  Bravo    20 laps  1:00:10.000
    P3  #3  GT3  Charlie  20 laps  1:00:20.000
    P4  #4  GT3  Foxtrot  19 laps  1:00:01.000
    P5  #31 GT4  Delta    19 laps  1:00:05.000
    P6  #32 GT4  Echo     19 laps  1:00:30.000
        #33 GT4  Golf     retired

Points 10-6-4-3-2-1 per class; a teams' championship (each car its own
team) and a drivers' championship.
"""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.app.explain import explain
from podium.app.penalties import penalty_for
from podium.app.season import ScoredSeason
from podium.errors import InputError
from podium.model import (
    CarClass,
    CarSpec,
    CrewMember,
    Driver,
    Engine,
    Entry,
    Penalty,
    PenaltyKind,
    ResultLine,
    Round,
    Season,
    Series,
    Status,
    Team,
)
from podium.rules import parse_rules
from podium.scoring.stewards import apply_decisions, decision_problems

RULES = """
schema = 1
default_scale = "race"
[scales.race]
points = [10, 6, 4, 3, 2, 1]
[[championships]]
id = "teams"
competitor = "team"
[[championships]]
id = "drivers"
competitor = "driver"
"""

SHEET = [
    # number, class, driver, overall, class pos, laps, time
    ("1", "GT3", "Alpha", 1, 1, 20, "1:00:00.000"),
    ("2", "GT3", "Bravo", 2, 2, 20, "1:00:10.000"),
    ("3", "GT3", "Charlie", 3, 3, 20, "1:00:20.000"),
    ("4", "GT3", "Foxtrot", 4, 4, 19, "1:00:01.000"),
    ("31", "GT4", "Delta", 5, 1, 19, "1:00:05.000"),
    ("32", "GT4", "Echo", 6, 2, 19, "1:00:30.000"),
]


def race(*decisions: Penalty, rules: str = RULES, sprint: bool = False) -> Season:
    lines = [
        ResultLine(
            round=1,
            class_code=cls,
            status=Status.CLASSIFIED,
            entry=no,
            team=f"Team {name}",
            overall_pos=overall,
            class_pos=pos,
            drivers=(name,),
            laps=laps,
            time=time,
        )
        for no, cls, name, overall, pos, laps, time in SHEET
    ]
    lines.append(ResultLine(1, "GT4", Status.RETIRED, "33", "Team Golf", drivers=("Golf",), laps=3))
    if sprint:  # the same order in a sprint race of the round
        lines += [dataclasses.replace(ln, session="sprint") for ln in lines]
    names = [row[2] for row in SHEET] + ["Golf"]
    entries = [
        Entry(
            key=no,
            class_code=cls,
            team=f"Team {name}",
            cars=(CarSpec("car", Engine("engine")),),
            car_no=no,
            crew=(CrewMember(name),),
        )
        for no, cls, name, *_ in [*SHEET, ("33", "GT4", "Golf")]
    ]
    scales = '\n[scales.sprint]\npoints = [5, 3, 1]\nsession = "sprint"\n' if sprint else ""
    return Season(
        id="test",
        series=Series("Test"),
        year=2026,
        rules=parse_rules(rules + scales),
        classes=(CarClass("GT3", "GT3"), CarClass("GT4", "GT4")),
        circuits=(),
        rounds=(Round(1, "Race", "Circuit"), Round(2, "Next", "Elsewhere")),
        teams=tuple(Team(f"Team {n}") for n in names),
        drivers=tuple(Driver(n) for n in names),
        entries=tuple(entries),
        results=tuple(lines),
        penalties=decisions,
    )


def classes(season: Season, session: str = "race") -> dict[str, list[str]]:
    """Class order after the decisions: car numbers by class position."""
    official = apply_decisions(season)
    out: dict[str, list[str]] = {}
    for cls in ("GT3", "GT4"):
        placed = [
            ln
            for ln in official.results
            if ln.class_code == cls and ln.class_pos and ln.session == session
        ]
        out[cls] = [ln.entry or "" for ln in sorted(placed, key=lambda ln: ln.class_pos or 0)]
    return out


def points(season: Season, championship: str = "teams", cls: str = "GT3") -> dict[str, str]:
    table = ScoredSeason(season).standings(championship, cls)
    return {row.competitor: str(row.total) for row in table.rows}


def decision(kind: PenaltyKind, car: str, value: str = "", **more: str) -> Penalty:
    return Penalty(1, car, kind, more.pop("reason", "ruled"), value, **more)  # type: ignore[arg-type]


def test_the_sheet_as_printed_scores_as_printed() -> None:
    assert classes(race()) == {"GT3": ["1", "2", "3", "4"], "GT4": ["31", "32"]}
    assert points(race())["Team Charlie"] == "4"


def test_a_disqualified_car_keeps_no_place_and_the_cars_behind_move_up() -> None:
    season = race(decision(PenaltyKind.DISQUALIFICATION, "2", reason="underweight"))
    assert classes(season) == {"GT3": ["1", "3", "4"], "GT4": ["31", "32"]}
    official = apply_decisions(season)
    bravo = next(ln for ln in official.results if ln.entry == "2")
    assert (bravo.status, bravo.class_pos, bravo.overall_pos) == (Status.DISQUALIFIED, None, None)
    # Overall places close up too: Delta (GT4) was 5th overall, now 4th; its
    # class place, the one that scores, did not move, and it says nothing.
    delta = next(ln for ln in official.results if ln.entry == "31")
    assert delta.overall_pos == 4 and delta.class_pos == 1 and not delta.decision
    # 10-6-4-3: Charlie 4 -> 6, Foxtrot 3 -> 4, Bravo 6 -> 0 (and, scoring
    # nothing, not listed).
    assert points(season) == {"Team Alpha": "10", "Team Charlie": "6", "Team Foxtrot": "4"}


def test_the_ledger_says_what_the_decision_did() -> None:
    season = race(decision(PenaltyKind.DISQUALIFICATION, "2", reason="underweight"))
    scored = ScoredSeason(season)
    (bravo,) = explain(scored, "Team Bravo", "GT3", "teams").explanations
    row = bravo.rows[0]
    assert row.reason == (
        "#2 disqualified by the stewards (decision 1: underweight); 2nd on the timing sheet "
        "at Circuit: no points (its place was worth 6)"
    )
    assert (row.withheld, row.rule.value) == (6, "stewards")
    (charlie,) = explain(scored, "Team Charlie", "GT3", "teams").explanations
    assert charlie.rows[0].reason == (
        "#3 2nd in GT3 at Circuit (3rd on the timing sheet; #2 disqualified): 6 pts, scale race"
    )


def test_a_vacated_place_stays_empty_when_the_rules_say_so() -> None:
    rules = RULES + '\n[stewards]\ndisqualified_place = "left_vacant"\n'
    season = race(decision(PenaltyKind.DISQUALIFICATION, "2"), rules=rules)
    official = apply_decisions(season)
    places = {ln.entry: ln.class_pos for ln in official.results if ln.class_code == "GT3"}
    assert places == {"1": 1, "2": None, "3": 3, "4": 4}
    assert points(season, cls="GT3")["Team Charlie"] == "4"  # 3rd, as printed


def test_a_time_penalty_classifies_the_race_again_by_laps_and_time() -> None:
    # Alpha +25 s: 1:00:25, behind Bravo (1:00:10) and Charlie (1:00:20),
    # still ahead of Foxtrot (a lap down, for all its 1:00:01).
    season = race(decision(PenaltyKind.TIME, "1", "25s", reason="track limits"))
    assert classes(season)["GT3"] == ["2", "3", "1", "4"]
    official = apply_decisions(season)
    overall = sorted(
        (ln for ln in official.results if ln.overall_pos), key=lambda ln: ln.overall_pos or 0
    )
    assert [ln.entry for ln in overall] == ["2", "3", "1", "4", "31", "32"]
    alpha = next(ln for ln in official.results if ln.entry == "1")
    assert alpha.decision == "1st on the timing sheet; 25 s time penalty (decision 1: track limits)"
    # Its race time is the sheet's plus the penalty, as the classification prints it.
    assert alpha.time == "1:00:25.000"
    # A penalty too small to pass anyone moves nobody: Alpha +5 s still leads.
    assert classes(race(decision(PenaltyKind.TIME, "1", "5s")))["GT3"] == ["1", "2", "3", "4"]


def test_a_line_names_only_the_decisions_of_its_own_class() -> None:
    # Alpha +25 s (GT3) and Delta disqualified (GT4): Bravo moves up because
    # of Alpha only, Echo because of Delta only.
    season = race(
        decision(PenaltyKind.TIME, "1", "25s"), decision(PenaltyKind.DISQUALIFICATION, "31")
    )
    official = {ln.entry: ln for ln in apply_decisions(season).results}
    assert official["2"].decision == "2nd on the timing sheet; #1's time penalty"
    assert official["32"].decision == "2nd on the timing sheet; #31 disqualified"


def test_a_time_penalty_uses_the_gap_when_the_sheet_prints_no_time() -> None:
    season = race(decision(PenaltyKind.TIME, "2", "15s"))
    lines = [
        dataclasses.replace(ln, time="", gap="+10.000") if ln.entry == "2" else ln
        for ln in season.results
    ]
    assert classes(dataclasses.replace(season, results=tuple(lines)))["GT3"] == [
        "1",
        "3",
        "2",
        "4",
    ]


def test_a_time_penalty_on_a_car_without_a_time_is_refused_where_it_comes_in() -> None:
    season = race()
    lines = tuple(dataclasses.replace(ln, time="") for ln in season.results)
    season = dataclasses.replace(season, results=lines)
    with pytest.raises(InputError) as caught:
        penalty_for(season, 1, PenaltyKind.TIME, "track limits", car_no="2", value="10s")
    assert "needs the race time of #2" in caught.value.problems[0].message
    # On a season that holds one anyway (a re-import without times), scoring
    # goes on and the car's line says the decision was not applied.
    held = dataclasses.replace(season, penalties=(decision(PenaltyKind.TIME, "2", "10s"),))
    assert [n for n, _ in decision_problems(held)] == [1]
    bravo = next(ln for ln in apply_decisions(held).results if ln.entry == "2")
    assert bravo.class_pos == 2 and "decision 1 not applied" in bravo.decision


def test_a_position_penalty_drops_the_car_down_its_class() -> None:
    season = race(decision(PenaltyKind.POSITIONS, "1", "2"))
    assert classes(season)["GT3"] == ["2", "3", "1", "4"]
    # More places than there are cars behind: last of the class.
    assert classes(race(decision(PenaltyKind.POSITIONS, "1", "9")))["GT3"] == ["2", "3", "4", "1"]


def test_an_exclusion_applies_to_every_session_of_the_round() -> None:
    season = race(decision(PenaltyKind.EXCLUSION, "31", reason="fuel irregularity"), sprint=True)
    assert classes(season, "race")["GT4"] == ["32"]
    assert classes(season, "sprint")["GT4"] == ["32"]
    # A disqualification is for its session only.
    dsq = race(decision(PenaltyKind.DISQUALIFICATION, "31"), sprint=True)
    assert classes(dsq, "sprint")["GT4"] == ["31", "32"]


def test_a_points_penalty_takes_points_in_one_championship_or_all() -> None:
    teams_only = race(decision(PenaltyKind.POINTS, "1", "5", championship="teams"))
    assert points(teams_only)["Team Alpha"] == "5"
    assert points(teams_only, "drivers")["Alpha"] == "10"
    every = race(decision(PenaltyKind.POINTS, "1", "5"))
    assert points(every)["Team Alpha"] == "5" and points(every, "drivers")["Alpha"] == "5"
    (alpha,) = explain(ScoredSeason(every), "Alpha", "GT3", "drivers").explanations
    penalty = next(r for r in alpha.rows if r.kind.value == "penalty")
    assert penalty.points == -5
    assert penalty.reason == "stewards' decision 1 at round 1: -5 pts, ruled"


def test_grid_penalties_show_and_change_nothing() -> None:
    season = race(decision(PenaltyKind.GRID_PLACES, "1", "5"))
    assert classes(season) == classes(race())
    assert points(season) == points(race())


def test_a_withdrawn_decision_changes_nothing() -> None:
    withdrawn = dataclasses.replace(
        decision(PenaltyKind.DISQUALIFICATION, "1"), withdrawn="appeal upheld"
    )
    season = race(withdrawn)
    assert classes(season) == classes(race())
    assert points(season) == points(race())


def test_a_penalty_the_sheet_already_shows_is_not_applied_twice() -> None:
    served = dataclasses.replace(decision(PenaltyKind.TIME, "1", "25s"), in_results=True)
    assert classes(race(served)) == classes(race())


def test_decisions_apply_once() -> None:
    season = race(decision(PenaltyKind.TIME, "1", "25s"))
    once = apply_decisions(season)
    assert apply_decisions(once) is once
    assert ScoredSeason(once).standings("teams", "GT3") == ScoredSeason(season).standings(
        "teams", "GT3"
    )


CAR = st.sampled_from([row[0] for row in SHEET] + ["33"])
DECISION = st.one_of(
    st.builds(lambda c: decision(PenaltyKind.DISQUALIFICATION, c), CAR),
    st.builds(lambda c: decision(PenaltyKind.EXCLUSION, c), CAR),
    st.builds(lambda c, s: decision(PenaltyKind.TIME, c, f"{s}s"), CAR, st.integers(0, 900)),
    st.builds(lambda c, n: decision(PenaltyKind.POSITIONS, c, str(n)), CAR, st.integers(1, 6)),
    st.builds(lambda c, n: decision(PenaltyKind.POINTS, c, str(n)), CAR, st.integers(1, 20)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(DECISION, max_size=4))
def test_any_decisions_leave_a_proper_classification(decisions: list[Penalty]) -> None:
    """Whatever the stewards decide: every line stays, places run 1..n in
    each class with no gap and no repeat, a disqualified car has none, and
    no decision adds points to anyone."""
    season = race(*decisions)
    official = apply_decisions(season)
    assert len(official.results) == len(season.results)
    for cls in ("GT3", "GT4"):
        places = sorted(
            ln.class_pos for ln in official.results if ln.class_code == cls and ln.class_pos
        )
        assert places == list(range(1, len(places) + 1))
    assert all(ln.class_pos is None for ln in official.results if not ln.classified)
    before = {row.competitor: row.total for row in ScoredSeason(race()).standings().rows}
    total_before = sum(before.values(), Fraction(0))
    after = ScoredSeason(season).standings()
    assert sum((r.total for r in after.rows), Fraction(0)) <= total_before
