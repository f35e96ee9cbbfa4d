"""Each rule dimension of rules.toml on a small made-up season: what it
awards, and how a bad rules file is refused."""

from __future__ import annotations

from fractions import Fraction

import pytest

from podium.errors import RulesError
from podium.model import (
    CarClass,
    CarSpec,
    Engine,
    Entry,
    QualifyingLine,
    ResultLine,
    Round,
    Season,
    Series,
    Status,
)
from podium.rules import parse_rules
from podium.scoring import compute_standings, score_season

BASE = """
schema = 1
default_scale = "race"
positions = "as_classified"
[scales.race]
points = [10, 6, 4, 3, 2, 1]
"""
DRIVERS = """
[[championships]]
id = "drivers"
competitor = "driver"
per_class = false
"""
TEAMS = """
[[championships]]
id = "teams"
competitor = "team"
per_class = false
cars = "best"
"""


def line(
    rnd: int,
    pos: int | None,
    team: str,
    *drivers: str,
    session: str = "race",
    fastest: bool = False,
    laps_led: int | None = None,
    number: str = "",
) -> ResultLine:
    key = f"{team}#{number or drivers[0]}"
    return ResultLine(
        round=rnd,
        class_code="F1",
        status=Status.CLASSIFIED if pos else Status.RETIRED,
        entry=key,
        team=team,
        overall_pos=pos,
        class_pos=pos,
        drivers=drivers,
        session=session,
        fastest_lap=fastest,
        laps_led=laps_led,
    )


def season(rules: str, *lines: ResultLine, qualifying: tuple[QualifyingLine, ...] = ()) -> Season:
    entries = {
        ln.entry: Entry(
            key=ln.entry or "",
            class_code="F1",
            team=ln.team,
            cars=(CarSpec("car", Engine("engine")),),
            car_no=(ln.entry or "").split("#")[1],
        )
        for ln in lines
    }
    rounds = sorted({ln.round for ln in lines})
    return Season(
        id="test",
        series=Series("Test"),
        year=2000,
        rules=parse_rules(rules),
        classes=(CarClass("F1", "F1"),),
        circuits=(),
        rounds=tuple(Round(n, f"R{n}", "monza" if n == 99 else f"c{n}") for n in rounds),
        teams=(),
        drivers=(),
        entries=tuple(entries.values()),
        results=lines,
        qualifying=qualifying,
    )


def table(s: Season, championship: str = "drivers", after: int | None = None) -> dict[str, str]:
    rules = s.rules
    t = compute_standings(
        score_season(s), rules, rules.championship(championship), "", s.round_numbers(), after
    )
    return {row.competitor: f"{row.label}:{row.total}" for row in t.rows}


def refused(text: str) -> str:
    with pytest.raises(RulesError) as caught:
        parse_rules(text)
    return str(caught.value)


# --- validation -----------------------------------------------------------


def test_scale_with_a_stated_length_must_have_that_many_numbers() -> None:
    text = BASE.replace("[scales.race]", "[scales.monterey]\nplaces = 10\n[scales.race]")
    text = text.replace(
        "[scales.race]", "points = [23, 19, 16, 13, 11, 9, 7, 6, 5]\n[scales.race]", 1
    )
    assert "points scale 'monterey': expected 10 numbers, got 9" in refused(text + DRIVERS)


def test_unknown_key_in_a_new_dimension_is_refused_with_its_line() -> None:
    text = BASE + DRIVERS + '[[bonuses]]\nkind = "fastest_lap"\npoints = 1\npointz = 2\n'
    message = refused(text)
    assert "unknown key" in message and "bonuses.0.pointz" in message


def test_bonus_naming_an_unknown_championship_is_refused() -> None:
    text = BASE + DRIVERS + '[[bonuses]]\nkind = "pole"\npoints = 1\nchampionships = ["teams"]\n'
    assert "expected a championship id (drivers), got 'teams'" in refused(text)


def test_split_shared_cars_for_a_team_championship_is_refused() -> None:
    text = BASE + TEAMS + 'shared_cars = "split"\n'
    assert "shared_cars = 'split' needs competitor = 'driver'" in refused(text)


def test_drops_need_exactly_one_form() -> None:
    text = BASE + DRIVERS + "[championships.drops]\n"
    assert "expected either best = N" in refused(text)


def test_split_season_segments_must_follow_on() -> None:
    text = (
        BASE
        + DRIVERS
        + "[[championships.drops.segments]]\nfirst = 1\nlast = 3\nbest = 2\n"
        + "[[championships.drops.segments]]\nfirst = 5\nbest = 2\n"
    )
    assert "expected round 4 to start the next segment, got 5" in refused(text)


def test_pass_down_false_contradicts_among_eligible_positions() -> None:
    text = BASE.replace("as_classified", "among_eligible") + DRIVERS
    text += "[[ineligible]]\nround = 1\npositions = [1]\npass_down = false\n"
    assert "pass_down = false cannot hold" in refused(text)


def test_exclusion_needs_a_mark() -> None:
    text = BASE + DRIVERS + '[[exclusions]]\nchampionship = "drivers"\ncompetitor = "a"\n'
    assert "expected listed_as = 'DSQ' or 'EX'" in refused(text)


def test_the_2004_alms_rules_still_validate_unchanged() -> None:
    from podium.datasets import builtin_season_path

    rules = parse_rules((builtin_season_path() / "rules.toml").read_text(encoding="utf-8"))
    assert [c.id for c in rules.championships] == ["teams", "drivers"]
    assert rules.bonuses == [] and rules.multipliers == [] and rules.exclusions == []


# --- scoring --------------------------------------------------------------


def test_best_n_keeps_the_best_rounds_and_applies_to_rounds_held_so_far() -> None:
    rules = BASE + DRIVERS + "[championships.drops]\nbest = 2\n"
    s = season(rules, line(1, 1, "t", "a"), line(2, 3, "t", "a"), line(3, 2, "t", "a"))
    assert table(s, after=2) == {"a": "1:14"}
    assert table(s) == {"a": "1:16"}  # 10 + 6, the 4 dropped


def test_split_season_counts_best_a_of_the_first_k_plus_best_b_of_the_rest() -> None:
    rules = (
        BASE
        + DRIVERS
        + "[[championships.drops.segments]]\nfirst = 1\nlast = 2\nbest = 1\n"
        + "[[championships.drops.segments]]\nfirst = 3\nbest = 1\n"
    )
    s = season(
        rules,
        line(1, 1, "t", "a"),
        line(2, 2, "t", "a"),
        line(3, 3, "t", "a"),
        line(4, 4, "t", "a"),
    )
    assert table(s) == {"a": "1:14"}  # 10 (of 10, 6) + 4 (of 4, 3)


def test_shared_car_split_and_none() -> None:
    split = BASE + DRIVERS + 'shared_cars = "split"\n'
    none = BASE + DRIVERS + 'shared_cars = "none"\n'
    lines = (line(1, 1, "t", "a", "b", "c"), line(1, 2, "u", "d"))
    assert table(season(split, *lines)) == {
        "d": "1:6",
        "a": "2=:10/3",
        "b": "2=:10/3",
        "c": "2=:10/3",
    }
    assert table(season(none, *lines)) == {"d": "1:6"}


def test_drive_shares_ruling_overrides_the_split() -> None:
    rules = BASE + DRIVERS + 'shared_cars = "split"\n'
    rules += '[[drive_shares]]\nround = 1\ncar = "7"\nshares = { "a" = 1, "b" = 0 }\n'
    s = season(rules, line(1, 1, "t", "a", "b", number="7"))
    assert table(s) == {"a": "1:10"}


def test_fastest_lap_only_in_the_top_n_shared_on_a_tie() -> None:
    rules = BASE + DRIVERS + '[[bonuses]]\nkind = "fastest_lap"\npoints = 1\n'
    rules += 'championships = ["drivers"]\ntop = 2\n'
    s = season(
        rules,
        line(1, 1, "t", "a", fastest=True),
        line(1, 2, "u", "b", fastest=True),
        line(2, 1, "t", "a"),
        line(2, 3, "u", "b", fastest=True),  # 3rd: outside the top 2, nobody scores it
    )
    assert table(s) == {"a": "1:41/2", "b": "2:21/2"}  # 10+1/2+10 and 6+1/2+4


def test_fastest_lap_ruling_gives_the_point_to_one_of_the_tied() -> None:
    rules = BASE + DRIVERS + '[[bonuses]]\nkind = "fastest_lap"\npoints = 1\n'
    rules += 'championships = ["drivers"]\n[[bonuses.rulings]]\nround = 1\ndrivers = ["b"]\n'
    s = season(rules, line(1, 1, "t", "a", fastest=True), line(1, 2, "u", "b", fastest=True))
    assert table(s) == {"a": "1:10", "b": "2:7"}


def test_pole_and_most_laps_led() -> None:
    rules = BASE + DRIVERS + '[[bonuses]]\nkind = "pole"\npoints = 1\nchampionships = ["drivers"]\n'
    rules += '[[bonuses]]\nkind = "most_laps_led"\npoints = 2\nchampionships = ["drivers"]\n'
    pole = QualifyingLine(1, "u#b", "F1", position=1)
    s = season(
        rules,
        line(1, 1, "t", "a", laps_led=30),
        line(1, 2, "u", "b", laps_led=5),
        qualifying=(pole,),
    )
    assert table(s) == {"a": "1:12", "b": "2:7"}


def test_multiplier_halves_one_round_and_sprint_has_its_own_scale() -> None:
    rules = BASE + '[scales.sprint]\npoints = [3, 2, 1]\nsession = "sprint"\n' + DRIVERS
    rules += "[[multipliers]]\nrounds = [1]\nfactor = 0.5\n"
    s = season(rules, line(1, 1, "t", "a"), line(1, 1, "t", "a", session="sprint"))
    assert table(s) == {"a": "1:8"}  # 10 x 0.5 + 3 (the sprint is not halved)


def test_ineligible_cars_with_and_without_pass_down() -> None:
    lines = (line(1, 1, "t", "a"), line(1, 2, "f2", "x"), line(1, 3, "u", "b"))
    kept = BASE + DRIVERS + '[[ineligible]]\nround = 1\ndrivers = ["x"]\n'
    passed = kept + "pass_down = true\n"
    assert table(season(kept, *lines)) == {"a": "1:10", "b": "2:4"}
    assert table(season(passed, *lines)) == {"a": "1:10", "b": "2:6"}


def test_ruling_for_one_championship_leaves_the_other() -> None:
    rules = BASE + DRIVERS + TEAMS
    rules += '[[ineligible]]\nround = 1\ndrivers = ["a"]\nchampionships = ["teams"]\n'
    s = season(rules, line(1, 1, "t", "a"), line(1, 2, "u", "b"))
    assert table(s) == {"a": "1:10", "b": "2:6"}
    assert table(s, "teams") == {"u": "1:6"}


def test_best_car_only_versus_all_cars() -> None:
    best = BASE + TEAMS
    every = BASE + TEAMS.replace('cars = "best"', 'cars = "all"')
    lines = (line(1, 1, "t", "a"), line(1, 2, "t", "b"))
    assert table(season(best, *lines), "teams") == {"t": "1:10"}
    assert table(season(every, *lines), "teams") == {"t": "1:16"}


def test_exclusion_keeps_or_voids_points_and_lists_the_mark() -> None:
    rules = BASE + DRIVERS + '[[exclusions]]\nchampionship = "drivers"\ncompetitor = "a"\n'
    rules += 'listed_as = "DSQ"\nkeep_points = true\nfrom_round = 2\n'
    s = season(rules, line(1, 1, "t", "a"), line(1, 2, "u", "b"), line(2, 1, "t", "a"))
    assert table(s, after=1) == {"a": "1:10", "b": "2:6"}
    assert table(s) == {"b": "1:6", "a": "DSQ:20"}


def test_void_rounds_keep_the_rest_and_add_an_ex_row_to_the_final() -> None:
    rules = BASE + TEAMS + '[[exclusions]]\nchampionship = "teams"\ncompetitor = "t"\n'
    rules += 'mode = "void_rounds"\nrounds = [1]\nfrom_round = 2\nlisted_as = "EX"\n'
    s = season(rules, line(1, 1, "t", "a"), line(2, 3, "t", "a"), line(2, 1, "u", "b"))
    assert table(s, "teams", after=1) == {"t": "1:10"}
    assert table(s, "teams", after=2) == {"u": "1:10", "t": "2:4"}
    rows = compute_standings(
        score_season(s), s.rules, s.rules.championship("teams"), "", s.round_numbers()
    ).rows
    assert [(r.label, r.competitor, r.total) for r in rows] == [
        ("1", "u", 10),
        ("2", "t", 4),
        ("EX", "t", 0),
    ]


def test_deduction_applies_from_its_round_in_one_championship() -> None:
    rules = BASE + DRIVERS + TEAMS
    rules += (
        '[[deductions]]\nchampionship = "teams"\ncompetitor = "t"\npoints = 3\nfrom_round = 2\n'
    )
    s = season(rules, line(1, 1, "t", "a"), line(2, 1, "t", "a"))
    assert table(s, "teams", after=1) == {"t": "1:10"}
    assert table(s, "teams") == {"t": "1:17"}
    assert table(s) == {"a": "1:20"}


@pytest.mark.parametrize(
    ("tie_break", "expected"),
    [
        # one 2nd place each: scoring places cannot separate them
        ('countback = "scoring_places"\nunresolved = "share"', {"a": "2=:6", "b": "2=:6"}),
        # a has two 3rd places, b one
        ('countback = "all_places"\nunresolved = "share"', {"a": "2:6", "b": "3:6"}),
        # b had 6 after round 1, a only after round 2
        ('countback = "scoring_places"\nunresolved = "first_to_reach"', {"b": "2:6", "a": "3:6"}),
    ],
)
def test_count_back_variants(tie_break: str, expected: dict[str, str]) -> None:
    rules = BASE.replace("[10, 6, 4, 3, 2, 1]", "[10, 6]") + DRIVERS
    rules += f'[standings]\nlist = "all"\n[tie_break]\n{tie_break}\n'
    s = season(
        rules,
        line(1, 1, "t", "c"),
        line(1, 2, "u", "b"),
        line(1, 3, "v", "a"),
        line(2, 1, "t", "c"),
        line(2, 2, "v", "a"),
        line(2, 3, "u", "b"),
        line(3, 1, "t", "c"),
        line(3, 3, "v", "a"),
        line(3, 4, "u", "b"),
    )
    got = table(s)
    del got["c"]
    assert got == expected


def test_skipped_circuit_does_not_count_for_that_championship() -> None:
    rules = BASE + DRIVERS + TEAMS + 'skip_circuits = ["monza"]\n'
    s = season(rules, line(99, 1, "t", "a"))
    assert table(s) == {"a": "1:10"}
    assert table(s, "teams") == {}


def test_listing_classified_includes_zero_point_finishers_only() -> None:
    rules = (
        BASE.replace("[10, 6, 4, 3, 2, 1]", "[10]") + DRIVERS + '[standings]\nlist = "classified"\n'
    )
    s = season(rules, line(1, 1, "t", "a"), line(1, 2, "u", "b"), line(1, None, "v", "c"))
    assert table(s) == {"a": "1:10", "b": "2:0"}


def test_points_are_exact_fractions() -> None:
    rules = BASE + DRIVERS + 'shared_cars = "split"\n'
    s = season(rules, line(1, 1, "t", "a", "b", "c"))
    assert {r.points for r in score_season(s)} == {Fraction(10, 3)}
