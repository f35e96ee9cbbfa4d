"""A whole column of timing-sheet times to milliseconds at once.

A 12-hour race's lap chart has 76,000 time cells (lap, elapsed, three
sectors); one Python call per cell costs as much as reading the file. The
cells of a column are right-aligned to 12 characters and read as one NumPy
byte array: the usual shapes (``ss.fff``, ``m:ss.fff``, ``h:mm:ss.fff``,
with or without a leading tens digit) are recognised by their separators'
places and converted together. Any other cell (blank, ``1'51.631``, junk, a
value out of range) goes through :func:`podium.readers.alkamel.parse_time`,
so the answer is always exactly ``parse_time``'s, cell by cell (a property
test holds it to that).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import methodcaller

import numpy as np

from podium.readers.alkamel import parse_time

WIDTH = 12
_RJUST = methodcaller("rjust", WIDTH)


def parse_times(column: Sequence[str]) -> list[int | None]:
    """``[parse_time(cell) for cell in column]``, in bulk."""
    n = len(column)
    text = "".join(map(_RJUST, column))
    if n == 0 or len(text) != n * WIDTH or not text.isascii():
        return list(map(parse_time, column))  # a cell wider than 12, or not ASCII
    b = np.frombuffer(text.encode("ascii"), dtype=np.uint8).reshape(n, WIDTH)
    digit = (b >= 48) & (b <= 57)
    space = b == 32
    colon = b == 58

    def at(k: int) -> np.ndarray:  # the column k places from the right
        return np.asarray(digit[:, WIDTH - k])

    def blank_left_of(k: int) -> np.ndarray:  # every place left of -k is a space
        return np.asarray(space[:, : WIDTH - k].all(axis=1))

    base = (b[:, WIDTH - 4] == 46) & at(3) & at(2) & at(1) & at(5)  # s.fff
    short = base & (blank_left_of(5) | (at(6) & blank_left_of(6)))  # ss.fff
    sexa = base & at(6) & colon[:, WIDTH - 7] & at(8)  # ...m:ss.fff
    minutes = sexa & (blank_left_of(8) | (at(9) & blank_left_of(9)))  # mm:ss.fff
    hours = sexa & at(9) & colon[:, WIDTH - 10] & at(11) & (blank_left_of(11) | at(12))
    d = np.where(digit, b.astype(np.int64) - 48, 0)

    def value(k: int) -> np.ndarray:  # the digits at -k and -(k+1) as a number
        return np.asarray(d[:, WIDTH - k] + 10 * d[:, WIDTH - k - 1])

    thousandths = d[:, WIDTH - 3] * 100 + d[:, WIDTH - 2] * 10 + d[:, WIDTH - 1]
    seconds = value(5)
    mins = np.where(minutes | hours, value(8), 0)
    hrs = np.where(hours, value(11), 0)
    ok = short | ((minutes | hours) & (seconds < 60)) & (~hours | (mins < 60))
    ms = (((hrs * 60 + mins) * 60 + seconds) * 1000 + thousandths).tolist()
    out: list[int | None] = ms
    for i in np.flatnonzero(~ok).tolist():
        out[i] = parse_time(column[i])
    return out
