"""The progression chart (render/progression_chart.py): co-drivers on equal
points share one line labelled with both names, lines that meet stay
distinguishable, end labels never overlap, and the chart is one tab stop."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from podium.app.standings import Progression, RoundLabel
from podium.render.progression_chart import LABEL_LINE, lines_of, progression_svg, spread

ROUNDS = tuple(RoundLabel(n, f"R{n}") for n in (1, 2, 3))


def _series(name: str, *running: int) -> Progression:
    return Progression(
        name,
        Fraction(running[-1]),
        tuple((n, Fraction(p)) for n, p in enumerate(running, start=1)),
    )


def test_co_drivers_on_equal_points_share_one_line_with_both_names() -> None:
    series = (
        _series("J.J. Lehto", 20, 40, 60),
        _series("Marco Werner", 20, 40, 60),
        _series("Chris Dyson", 10, 40, 50),
    )
    assert [line.names for line in lines_of(series)] == [
        ("J.J. Lehto", "Marco Werner"),
        ("Chris Dyson",),
    ]
    svg = progression_svg(series, ROUNDS)
    assert svg.count("<polyline") == 2
    assert 'data-name="J.J. Lehto / Marco Werner"' in svg
    names = re.findall(r'<text class="end-name"[^>]*>([^<]*)</text>', svg)
    assert names == ["J.J. Lehto", "Marco Werner · 60", "Chris Dyson · 50"]


def test_lines_that_meet_differ_in_width_and_dashes() -> None:
    series = (_series("A", 20, 40, 60), _series("B", 10, 40, 50))  # they meet at round 2
    svg = progression_svg(series, ROUNDS)
    polylines = re.findall(r"<polyline [^>]*>", svg)
    widths = [float(re.search(r'stroke-width="([\d.]+)"', p).group(1)) for p in polylines]  # type: ignore[union-attr]
    assert widths[0] > widths[1]  # the first, drawn below, shows on both sides
    assert "stroke-dasharray" not in polylines[0] and "stroke-dasharray" in polylines[1]


def test_the_chart_is_one_tab_stop_with_a_text_alternative() -> None:
    series = tuple(_series(f"Team {i}", i, 2 * i, 3 * i) for i in range(1, 6))
    svg = progression_svg(series, ROUNDS)
    assert svg.count("tabindex") == 1 and svg.startswith("<svg")
    assert re.search(r'<svg [^>]*tabindex="0"', svg)
    assert '<title id="progression-title">' in svg and '<desc id="progression-desc">' in svg


def test_end_labels_of_close_totals_do_not_overlap() -> None:
    # Five competitors a point apart: their ends are 1-2 px apart.
    series = tuple(_series(f"Driver {i}", 50, 90, 100 - i) for i in range(5))
    svg = progression_svg(series, ROUNDS)
    ys = sorted(float(y) for y in re.findall(r'class="end-name" x="[\d.]+" y="([\d.]+)"', svg))
    assert len(ys) == 5
    assert all(b - a >= LABEL_LINE - 0.01 for a, b in itertools.pairwise(ys))


@given(st.lists(st.tuples(st.floats(0, 300), st.integers(1, 3)), min_size=1, max_size=8))
def test_spread_blocks_never_overlap_and_stay_in_bounds(blocks: list[tuple[float, int]]) -> None:
    wanted = [w for w, _ in blocks]
    heights = [13.0 * n for _, n in blocks]
    if sum(heights) > 300:
        return  # more than fits: nothing to promise
    tops = spread(wanted, heights, 0.0, 300.0)
    spans = sorted(zip(tops, heights, strict=True))
    assert spans[0][0] >= -1e-9 and spans[-1][0] + spans[-1][1] <= 300 + 1e-9
    for (top, height), (next_top, _) in itertools.pairwise(spans):
        assert next_top >= top + height - 1e-9
