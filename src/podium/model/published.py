"""Published reference tables kept with a season, to audit podium against."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PublishedStanding:
    """One row of a published standings table, kept as printed."""

    championship: str
    class_code: str
    pos: str
    name: str
    cells: tuple[str, ...]
    """Points per round as printed ('' = blank)."""
    total: str
    chassis: str = ""
    engine: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class PublishedWinner:
    round: int
    class_code: str
    car_no: str
    team: str
    drivers: tuple[str, ...]
    line: int = 0
