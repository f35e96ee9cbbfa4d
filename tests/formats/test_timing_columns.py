"""A column of times parsed in bulk is exactly the cells parsed one by one:
the fast path (NumPy over right-aligned bytes) never answers differently
from `parse_time`, for timing-sheet times and for junk."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from podium.readers.alkamel import parse_time
from podium.readers.timing_columns import parse_times

_TIMES = st.builds(
    lambda h, m, s, f, shape: shape.format(h=h, m=m, s=s, f=f),
    st.integers(0, 120),
    st.integers(0, 75),
    st.integers(0, 75),
    st.integers(0, 999),
    st.sampled_from(
        [
            "{s}.{f:03d}",
            "{s:02d}.{f:03d}",
            "{m}:{s:02d}.{f:03d}",
            "{m:02d}:{s:02d}.{f:03d}",
            "{h}:{m:02d}:{s:02d}.{f:03d}",
            "{h:02d}:{m:02d}:{s:02d}.{f:03d}",
            "{m}'{s:02d}.{f:03d}",
            "{m}:{s}.{f}",
            " {m}:{s:02d}.{f:03d}",
            "{m}:{s:02d}.{f:03d} ",
            "-{m}:{s:02d}.{f:03d}",
        ]
    ),
)
_JUNK = st.text(alphabet="0123456789:.' -e+xé\t", max_size=14)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_TIMES, _JUNK), max_size=40))
def test_a_column_parses_as_its_cells(column: list[str]) -> None:
    assert parse_times(column) == [parse_time(cell) for cell in column]


def test_the_usual_shapes_take_the_fast_path_and_agree() -> None:
    column = ["1:54.572", "31.381", "1:00:43.510", "57:03.331", "0:31.736", "", "4:00'04.690"]
    assert parse_times(column) == [114572, 31381, 3643510, 3423331, 31736, None, 14404690]
