"""rules.toml is validated with exact messages naming file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.datasets import builtin_season_path
from podium.errors import RulesError
from podium.rules import parse_rules

BUILTIN = (builtin_season_path() / "rules.toml").read_text(encoding="utf-8")


def problem(text: str) -> str:
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "rules.toml")
    assert len(caught.value.problems) >= 1
    return str(caught.value.problems[0])


def test_builtin_rules_validate() -> None:
    rules = parse_rules(BUILTIN)
    assert rules.scales["monterey"].points[:3] == [23, 19, 16]
    assert rules.scale_for(1, "")[0] == "sebring_plm"
    assert rules.scale_for(5, "")[0] == "standard"
    assert rules.eligibility.min_distance == pytest.approx(0.70)
    assert rules.championship("teams").registration


def test_toml_syntax_error_names_the_line() -> None:
    text = BUILTIN.replace("min_distance = 0.70", "min_distance = = 0.70")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "min_distance = =" in t)
    assert problem(text).startswith(f"rules.toml:{line}: (syntax): not valid TOML")


def test_non_numeric_points_name_place_and_key() -> None:
    text = BUILTIN.replace("points = [23, 19, 16", 'points = [23, "nineteen", 16')
    line = next(i for i, t in enumerate(text.splitlines(), 1) if '"nineteen"' in t)
    assert problem(text) == (
        f"rules.toml:{line}: scales.monterey.points: place 2: expected a number, got 'nineteen'"
    )


def test_negative_points_refused() -> None:
    text = BUILTIN.replace("points = [20, 16, 13", "points = [20, -16, 13")
    assert "scales.standard.points: place 2: expected a number >= 0, got -16" in problem(text)


def test_unknown_key_is_refused_not_ignored() -> None:
    text = BUILTIN.replace("min_distance = 0.70", "min_distanse = 0.70")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "min_distanse" in t)
    assert problem(text) == (
        f"rules.toml:{line}: eligibility.min_distanse: unknown key; check its spelling against docs/rules.md"
    )


def test_unknown_option_lists_the_choices() -> None:
    text = BUILTIN.replace('cars = "best"', 'cars = "fastest"')
    message = problem(text)
    assert "championships.0.cars" in message
    assert "'best' or 'all'" in message and "'fastest'" in message


def test_round_given_two_scales_is_refused() -> None:
    text = BUILTIN.replace("rounds = [9]", "rounds = [8, 9]")
    assert "round 8 is already given scale 'sebring_plm'" in problem(text)


def test_missing_championships_refused() -> None:
    cut = BUILTIN.split("[[championships]]")[0] + BUILTIN.split("[tie_break]")[1].join(
        ["[tie_break]", ""]
    )
    assert "championships: required key is missing" in problem(cut)


def test_distance_share_out_of_range() -> None:
    text = BUILTIN.replace("min_distance = 0.70", "min_distance = 70")
    assert "eligibility.min_distance: Input should be less than or equal to 1" in problem(text)


def test_broken_rules_file_fails_validate(season_copy: Path) -> None:
    from podium.readers.native import read_season

    rules = season_copy / "rules.toml"
    rules.write_text(
        rules.read_text().replace("points = [20,", "points = [twenty,"), encoding="utf-8"
    )
    report = read_season(season_copy)
    assert not report.ok
    assert str(report.errors[0]).startswith("alms2004/rules.toml:")


def test_a_round_can_skip_one_class_of_one_championship(season_copy: Path) -> None:
    """`skip_class_rounds`: LMP2 drivers score nothing at round 1 (as IMSA
    2023's Daytona counted only for the Endurance Cup in LMP2); LMP2 teams
    and the other classes' drivers score as before."""
    from podium.app.season import ScoredSeason
    from podium.readers.native import load_season

    def ledger() -> set[tuple[str, str, str, int, object]]:
        rows = ScoredSeason(load_season(season_copy)).ledger
        return {(r.championship, r.class_code, r.competitor, r.round, r.points) for r in rows}

    before = ledger()
    rules = season_copy / "rules.toml"
    text = rules.read_text(encoding="utf-8")
    marker = 'id = "drivers"\n'
    rules.write_text(
        text.replace(marker, marker + "skip_class_rounds = { LMP2 = [1] }\n"), encoding="utf-8"
    )
    after = ledger()
    gone = before - after
    assert gone and {(c, k, r) for c, k, _, r, _ in gone} == {("drivers", "LMP2", 1)}
    assert after - before == set()


def test_skip_class_rounds_names_season_classes_and_rounds(season_copy: Path) -> None:
    from podium.readers.native import read_season

    rules = season_copy / "rules.toml"
    marker = 'id = "drivers"\n'
    rules.write_text(
        rules.read_text(encoding="utf-8").replace(
            marker, marker + "skip_class_rounds = { LMP9 = [1], GT = [12] }\n"
        ),
        encoding="utf-8",
    )
    problems = [str(p) for p in read_season(season_copy).errors]
    assert any("skip_class_rounds.LMP9: no such class" in p for p in problems)
    assert any("skip_class_rounds.GT: no such round" in p and "found 12" in p for p in problems)


_REST = """
[scales.imsa]
points = [350, 320, 300]
rest = 10

[[championships]]
id = "drivers"
competitor = "driver"
"""


def test_rest_pays_every_place_past_the_list() -> None:
    scale = parse_rules(_REST, "rules.toml").scales["imsa"]
    assert [int(scale.for_place(p)) for p in (1, 3, 4, 40)] == [350, 300, 10, 10]
    assert scale.for_place(0) == 0  # no place, no points


def test_rest_above_the_last_place_is_refused() -> None:
    assert "rest pays 400, more than the list's last place (300)" in problem(
        _REST.replace("rest = 10", "rest = 400")
    )
    assert "expected a number >= 0" in problem(_REST.replace("rest = 10", "rest = -1"))
