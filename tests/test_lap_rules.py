"""Rule dimensions issue 10 added for IMSA 2023, checked on the 2004 season
(loaded, then given a make, drive times or time marks in memory): a
manufacturers' championship paid for the make's rank, a minimum drive time,
classifications at time marks, championships held in some classes or
sessions only, and a points penalty that takes everything a car earned."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest

from podium.app.season import ScoredSeason
from podium.datasets import builtin_season_path
from podium.errors import RulesError
from podium.model import Season
from podium.model.lap_facts import classification_at, with_drive_times
from podium.model.laps import Lap
from podium.model.results import Penalty, PenaltyKind, ResultLine, Status
from podium.readers.native import load_season
from podium.rules import parse_rules
from podium.scoring.ledger_row import Withheld

RULES = (builtin_season_path() / "rules.toml").read_text(encoding="utf-8")
MAKES = """
[[championships]]
id = "makes"
competitor = "make"
cars = "best"
places = "competitor"
classes = ["GTS"]
"""


@pytest.fixture(scope="module")
def season() -> Season:
    return load_season(builtin_season_path())


def with_rules(season: Season, text: str) -> Season:
    return replace(season, rules=parse_rules(text, "rules.toml"))


def with_makes(season: Season) -> Season:
    """Each entry's make: the first word of its chassis (Chevrolet, Ferrari...)."""
    entries = tuple(
        replace(e, cars=tuple(replace(c, make=c.chassis.split()[0]) for c in e.cars))
        for e in season.entries
    )
    return replace(season, entries=entries)


def test_makes_are_paid_for_their_rank_among_makes(season: Season) -> None:
    scored = ScoredSeason(with_rules(with_makes(season), RULES + MAKES))
    rows = [r for r in scored.ledger if r.championship == "makes"]
    assert {r.class_code for r in rows} == {"GTS"}  # held in GTS only
    for rnd in season.rounds:
        lines = sorted(
            (
                x
                for x in season.results_of(rnd.number, "race")
                if x.class_code == "GTS" and x.classified and x.class_pos and x.entry
            ),
            key=lambda x: x.class_pos or 0,
        )
        makes: list[str] = []
        for line in lines:
            car = season.entries_by_key[line.entry or ""].car_at(rnd.number)
            assert car is not None
            if car.make not in makes:
                makes.append(car.make)
        paid = {r.competitor: r.points for r in rows if r.round == rnd.number and r.counts}
        scale = season.rules.scale_for(rnd.number, rnd.scale)[1]
        # Each make's best car is paid for the make's rank, not for its own place.
        for rank, make in enumerate(makes, start=1):
            if paid.get(make, 0):
                assert paid[make] == scale.for_place(rank), (rnd.number, make)


def test_make_ranking_at_round_2_of_2004(season: Season) -> None:
    """Round 2 of 2004 in GTS: the two Corvettes 1st and 2nd, ACEMCO's
    Saleen 3rd. Chevrolet scores 20 once; Saleen is the second make home
    and scores second place, 16, not the 13 of its own place."""
    scale = season.rules.scale_for(2, season.round(2).scale)[1]
    assert scale.points[:3] == [20, 16, 13]
    scored = ScoredSeason(with_rules(with_makes(season), RULES + MAKES))
    rows = [r for r in scored.ledger if r.championship == "makes" and r.round == 2]
    paid = {r.competitor: r.points for r in rows if r.counts}
    assert paid["Chevrolet"] == 20 and paid["Saleen"] == 16
    (second_corvette,) = [r for r in rows if r.competitor == "Chevrolet" and not r.counts]
    assert second_corvette.rule is Withheld.BEST_CAR
    saleen = next(r for r in rows if r.competitor == "Saleen")
    assert saleen.place == 2 and "2nd make home" in saleen.reason


def test_a_make_needs_the_best_car_rule() -> None:
    with pytest.raises(RulesError) as caught:
        parse_rules(RULES + MAKES.replace('cars = "best"', 'cars = "all"'), "rules.toml")
    assert "places = 'competitor' ranks each competitor's best car" in str(caught.value)


def _timed(season: Season, times: tuple[int, ...] | None) -> Season:
    """Round 1's winning car (two or more drivers) with the drive times given."""
    winner = next(
        x for x in season.results_of(1, "race") if x.class_pos == 1 and len(x.drivers) >= 2
    )
    given = times if times is not None else ()
    changed = replace(winner, drive_times=given[: len(winner.drivers)])
    results = tuple(changed if x is winner else x for x in season.results)
    return replace(season, results=results)


DRIVE = '\n[[drive_time]]\nminimum = "0:30:00"\n'


def test_a_driver_short_of_the_minimum_scores_nothing_the_car_keeps_its_points(
    season: Season,
) -> None:
    winner = next(
        x for x in season.results_of(1, "race") if x.class_pos == 1 and len(x.drivers) >= 2
    )
    times = (4 * 3600_000, 10 * 60_000, *([3600_000] * (len(winner.drivers) - 2)))
    scored = ScoredSeason(with_rules(_timed(season, times), RULES + DRIVE))
    rows = {
        r.competitor: r
        for r in scored.ledger
        if r.round == 1 and r.entry == winner.entry and r.championship == "drivers"
    }
    short = season.driver_name(winner.drivers[1]) or winner.drivers[1]
    first = season.driver_name(winner.drivers[0]) or winner.drivers[0]
    assert rows[short].points == 0 and rows[short].withheld == 26
    assert rows[short].rule is Withheld.DRIVE_TIME
    assert "drove 10:00.000" in rows[short].reason and "at least 30:00.000" in rows[short].reason
    assert rows[first].points == 26
    teams = [
        r
        for r in scored.ledger
        if r.round == 1 and r.entry == winner.entry and r.championship == "teams"
    ]
    assert [r.points for r in teams if r.counts] == [26]


def test_without_a_lap_chart_the_drive_time_is_not_checked_and_says_so(season: Season) -> None:
    scored = ScoredSeason(with_rules(_timed(season, None), RULES + DRIVE))
    winner = next(
        x for x in season.results_of(1, "race") if x.class_pos == 1 and len(x.drivers) >= 2
    )
    rows = [
        r
        for r in scored.ledger
        if r.round == 1 and r.entry == winner.entry and r.championship == "drivers"
    ]
    assert rows and all(r.points == 26 for r in rows)
    assert all("drive time not checked: no lap chart" in r.reason for r in rows)


def test_drive_times_come_from_the_laps_each_driver_drove() -> None:
    line = ResultLine(1, "GT", Status.CLASSIFIED, "7", drivers=("Ann Lee", "Bo Berg", "Cy Dahl"))
    laps = [
        Lap(1, "race", "7", 1, 90_000, driver="Ann Lee"),
        Lap(1, "race", "7", 2, 91_500, driver="Ann Lee"),
        Lap(1, "race", "7", 3, 95_000, driver="Bo Berg"),
        Lap(1, "race", "8", 1, 80_000, driver="Cy Dahl"),  # another car
    ]
    (timed,) = with_drive_times([line], laps, lambda d: d)
    assert timed.drive_times == (181_500, 95_000, 0)


def _lap(entry: str, number: int, elapsed_s: int) -> Lap:
    return Lap(1, "race", entry, number, 60_000, elapsed_ms=elapsed_s * 1000)


def test_the_class_order_at_a_mark_is_by_laps_then_by_when() -> None:
    lines = [
        ResultLine(1, "GT", Status.CLASSIFIED, car, class_pos=i, drivers=(f"d{car}",))
        for i, car in enumerate(["1", "2", "3", "4"], start=1)
    ]
    laps = [
        *(_lap("1", n, 60 * n) for n in range(1, 11)),  # 10 laps, 4 of them by 4:00
        *(_lap("2", n, 55 * n) for n in range(1, 11)),  # 4 laps by 3:40: leads at 4:00
        *(_lap("3", n, 70 * n) for n in range(1, 4)),  # out after 3:30: not placed
        # car 4 never completed a lap
    ]
    at = classification_at(lines, laps, 240_000, "mark-0h04", "test")
    by_car = {x.entry: x for x in at}
    assert [x.entry for x in at if x.class_pos] == ["2", "1"]
    assert by_car["2"].laps == 4 and by_car["1"].laps == 4
    assert by_car["1"].time == "4:00.000"
    assert by_car["3"].status is Status.RETIRED and by_car["3"].class_pos is None
    assert by_car["4"].status is Status.NOT_CLASSIFIED
    assert {x.session for x in at} == {"mark-0h04"}


MARKS = """
[scales.cup]
points = [5, 4, 3]
rest = 2
session = "mark"

[[marks]]
round = 1
at = ["4:00:00"]

[[championships]]
id = "cup"
competitor = "driver"
scale = "cup"
sessions = ["race", "mark"]
"""


def test_a_mark_pays_only_the_championships_that_score_marks(season: Season) -> None:
    rules = RULES.replace('id = "drivers"\n', 'id = "drivers"\nsessions = ["race"]\n').replace(
        'id = "teams"\n', 'id = "teams"\nsessions = ["race"]\n'
    )
    race = season.results_of(1, "race")
    # The class order at the mark: the race's, reversed in each class.
    mark = [
        replace(x, session="mark-4h", class_pos=None if x.class_pos is None else 100 - x.class_pos)
        for x in race
    ]
    marked = replace(with_rules(season, rules + MARKS), results=season.results + tuple(mark))
    ledger = ScoredSeason(marked).ledger
    assert {r.championship for r in ledger if r.session == "mark-4h"} == {"cup"}
    winner = next(x for x in race if x.class_pos == 1 and x.class_code == "LMP1")
    cup = {
        r.session: r.points
        for r in ledger
        if r.championship == "cup" and r.entry == winner.entry and r.counts
    }
    assert cup["race"] == 5  # the finish, on the cup's scale
    assert cup["mark-4h"] == 2  # last of its class at the mark
    plain = {r.session for r in ledger if r.championship == "drivers"}
    assert plain == {"race"}


def test_marks_must_rise_after_the_start() -> None:
    for bad in ('["8:00:00", "4:00:00"]', '["0:00:00"]', '["4h"]'):
        with pytest.raises(RulesError):
            parse_rules(RULES + MARKS.replace('["4:00:00"]', bad), "rules.toml")


def test_a_drive_time_belongs_to_drivers() -> None:
    with pytest.raises(RulesError) as caught:
        parse_rules(RULES + DRIVE + 'championships = ["teams"]\n', "rules.toml")
    assert "expected a championship of drivers" in str(caught.value)


def test_a_points_penalty_of_all_takes_everything_the_car_earned(season: Season) -> None:
    winner = next(x for x in season.results_of(2, "race") if x.class_pos == 1)
    ruled = replace(
        season,
        penalties=(
            *season.penalties,
            Penalty(2, winner.entry or "", PenaltyKind.POINTS, "test", "all", "drivers"),
        ),
    )
    ledger = ScoredSeason(ruled).ledger
    taken = [r for r in ledger if r.kind.value == "penalty" and r.round == 2]
    earned = {
        r.competitor: r.points
        for r in ledger
        if r.championship == "drivers"
        and r.round == 2
        and r.entry == winner.entry
        and r.counts
        and r.kind.value == "result"
    }
    assert taken and {r.competitor: -r.points for r in taken} == earned
    assert all(r.championship == "drivers" for r in taken)
    assert all(p > Fraction(0) for p in earned.values())


def test_championship_classes_name_season_classes(tmp_path: Path) -> None:
    import shutil

    from podium.readers.native import read_season

    folder = tmp_path / "s"
    shutil.copytree(builtin_season_path(), folder)
    (folder / "rules.toml").write_text(RULES + MAKES.replace('["GTS"]', '["GTX"]'))
    problems = [str(p) for p in read_season(folder).errors]
    assert any("classes: no such class in season.toml" in p and "GTX" in p for p in problems)
