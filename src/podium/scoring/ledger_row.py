"""The points ledger: every decision about points is a row, so every number in
a standings table can be traced back to the result and the rule behind it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from podium.model.points import Points
from podium.model.results import Status


class Withheld(StrEnum):
    """Which rule kept a car from scoring what its place was worth."""

    NONE = ""
    STATUS = "status"
    DISTANCE = "distance"
    REGISTRATION = "registration"
    BEST_CAR = "best_car"
    INELIGIBLE = "ineligible"
    SHARED_CAR = "shared_car"
    STEWARDS = "stewards"
    """A stewards' decision (a disqualification, an exclusion)."""
    DRIVE_TIME = "drive_time"
    """The driver was not at the wheel for the rules' minimum time."""


QUALIFYING = "qualifying"
"""The session name of a round's qualifying: it may pay points, never counts back."""


class RowKind(StrEnum):
    RESULT = "result"
    ADJUSTMENT = "adjustment"
    BONUS = "bonus"
    PENALTY = "penalty"
    """Points a stewards' decision took (counted like an adjustment)."""


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One competitor's outcome from one car at one round in one championship.

    ``points`` is what was awarded (0 when a rule withheld them; ``reason``
    says which). ``counts`` is true for the row that stands for the competitor
    at that round (a team's best car; every car of a driver), ``dropped`` when
    a best-N rule later discards it.
    """

    championship: str
    class_code: str
    competitor: str
    round: int
    points: Points
    reason: str
    place: int | None = None
    status: Status | None = None
    entry: str | None = None
    car: str = ""
    counts: bool = True
    dropped: bool = False
    kind: RowKind = RowKind.RESULT
    withheld: Points = Points(0)
    """Points the place was worth but a rule did not award."""
    rule: Withheld = Withheld.NONE
    scale: str = ""
    session: str = "race"

    @property
    def net(self) -> Points:
        return Points(0) if self.dropped or not self.counts else self.points


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
