"""Published reference tables kept with a season, to audit podium against."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


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


@dataclass(frozen=True, slots=True)
class PublishedRow:
    """One row of a published table as printed: ``position`` is ``"1"``,
    ``"9"`` (shared places repeat the number), ``"DSQ"`` or ``"EX"``; points
    as printed (rounded to two decimals)."""

    position: str
    competitor: str
    points: Fraction
    line: int = 0


@dataclass(frozen=True, slots=True)
class PublishedTables:
    """A season's published drivers' and constructors' tables, keyed by the
    round they follow (``"1"``, ``"2"``, ...) or ``"final"``."""

    year: int
    drivers: dict[str, tuple[PublishedRow, ...]]
    constructors: dict[str, tuple[PublishedRow, ...]]
