"""The laps answer: cars in results order, each lap's place in class and gap
to the class leader; the charts drawn from it."""

from __future__ import annotations

import dataclasses

import pytest

from podium.app.laps import round_laps
from podium.app.season import ScoredSeason
from podium.errors import NotFound
from podium.model.laps import Lap
from podium.render.lap_chart import gap_chart_svg, lap_chart_svg
from podium.render.lap_views import gap_text
from tests.laps.sample import sample_laps


def test_cars_in_results_order_with_places_in_class_and_gaps(scored: ScoredSeason) -> None:
    report = round_laps(scored, 9, sample_laps(scored.printed))
    assert [c.label for c in report.cars][:3] == ["#2", "#38", "#16"]  # the results sheet
    assert report.class_codes == ("LMP1", "LMP2", "GTS", "GT")
    lmp2 = report.of_class("LMP2")
    assert [c.label for c in lmp2] == ["#30", "#56", "#10"]
    assert [lap.class_position for lap in lmp2[1].laps] == [2] * 6
    assert [lap.gap_ms for lap in lmp2[0].laps] == [0] * 6
    # #38 pitted on lap 3: sixth in LMP1 for two laps, then back to third.
    (car_38,) = round_laps(scored, 9, sample_laps(scored.printed), car="38").cars
    assert [lap.class_position for lap in car_38.laps] == [3, 3, 6, 6, 3, 3]
    assert car_38.drivers == ("J.J. Lehto", "Marco Werner")  # the result line's


def test_places_from_elapsed_times_when_the_file_gives_no_position(
    scored: ScoredSeason,
) -> None:
    laps = [
        Lap(9, "race", "23", 1, 90_000, None, 90_000),
        Lap(9, "race", "24", 1, 89_000, None, 89_000),
        Lap(9, "race", "45", 1, 95_000),  # no elapsed time: no place, no gap
    ]
    report = round_laps(scored, 9, laps)
    placed = {c.entry: (c.laps[0].class_position, c.laps[0].gap_ms) for c in report.cars}
    assert placed == {"24": (1, 0), "23": (2, 1000), "45": (None, None)}


def test_another_session_and_an_unknown_car(scored: ScoredSeason) -> None:
    laps = sample_laps(scored.printed)
    sprint = [dataclasses.replace(lap, session="sprint", driver="") for lap in laps[:3]]
    report = round_laps(scored, 9, [*laps, *sprint], "sprint")
    assert report.sessions == ("race", "sprint")
    assert [c.entry for c in report.cars] == ["2", "3", "16"]  # no sprint results: entry order
    assert report.cars[0].drivers == ()
    with pytest.raises(NotFound, match="no car '999' in the race laps of round 9"):
        round_laps(scored, 9, laps, car="999")
    empty = round_laps(scored, 8, laps, car="999")  # no laps at all: nothing to filter
    assert empty.cars == () and empty.notes == ("No race laps recorded for round 8.",)


def test_charts_are_svg_with_a_title_a_description_and_one_line_per_car(
    scored: ScoredSeason,
) -> None:
    report = round_laps(scored, 9, sample_laps(scored.printed))
    svg = lap_chart_svg(report, "LMP2")
    assert svg.startswith('<svg class="chart lap-chart" id="lap-chart-race-lmp2"')
    assert 'aria-labelledby="lap-chart-race-lmp2-title lap-chart-race-lmp2-desc"' in svg
    assert "<desc" in svg and svg.count('<g class="series"') == 3
    assert gap_chart_svg(report, "LMP2").count("<polyline") == 3
    nothing = round_laps(scored, 9, [Lap(9, "race", "30", 1)])
    assert lap_chart_svg(nothing, "LMP2") == "" and gap_chart_svg(nothing, "LMP2") == ""


def test_gaps_as_printed() -> None:
    assert [gap_text(ms) for ms in (None, 0, 700, 59_999, 61_234)] == [
        "",
        "",
        "+0.700",
        "+59.999",
        "+1:01.234",
    ]
