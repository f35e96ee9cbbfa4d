"""Laps: each car's laps in one session of a round, as the timing recorded them.

Kept apart from the classification (``ResultLine``): scoring never reads
laps, so a season's laps are loaded only by what draws or checks them (lap
chart, gap chart, drive times, positions at a time mark).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lap:
    """One lap of one car. ``entry`` is the entry key of the car's result
    line; ``driver`` a driver id of the season ('' when the file does not say)."""

    round: int
    session: str
    entry: str
    number: int
    time_ms: int | None = None
    position: int | None = None
    """Overall position at the line at the end of the lap."""
    elapsed_ms: int | None = None
    """Time since the start of the session when the car crossed the line."""
    sectors_ms: tuple[int | None, ...] = ()
    pit_in: bool = False
    pit_out: bool = False
    valid: bool = True
    driver: str = ""
