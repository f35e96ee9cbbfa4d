"""What happened at a round: classification lines, qualifying, penalties."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from podium.model.points import Points


class Status(StrEnum):
    """A car's standing on the results sheet. ``classified`` is the results
    sheet's word: it covered enough distance to be placed, whether or not it
    was running at the flag."""

    CLASSIFIED = "classified"
    NOT_CLASSIFIED = "nc"
    RETIRED = "dnf"
    DISQUALIFIED = "dsq"
    DID_NOT_START = "dns"


@dataclass(frozen=True, slots=True)
class ResultLine:
    """One car's line in one round's classification.

    ``entry`` is None when the source knows a class position was occupied but
    not by which car; ``team`` is then what the source says (or blank).
    ``drivers`` are those the classification names, never filled in from the
    entry list: a line without drivers earns no driver points.
    """

    round: int
    class_code: str
    status: Status
    entry: str | None = None
    team: str = ""
    overall_pos: int | None = None
    class_pos: int | None = None
    drivers: tuple[str, ...] = ()
    car: str = ""
    laps: int | None = None
    time: str = ""
    gap: str = ""
    reason: str = ""
    laps_led: int | None = None
    entrant: str = ""
    """Name the car ran under at this round, when the source prints one."""
    session: str = "race"
    fastest_lap: bool = False
    fastest_lap_driver: str = ""
    """Who set the fastest lap when the car was shared (blank: its drivers)."""
    source: str = ""

    @property
    def classified(self) -> bool:
        return self.status is Status.CLASSIFIED


class PenaltyKind(StrEnum):
    GRID_TO_BACK = "grid_to_back"
    GRID_PLACES = "grid_places"
    TIME = "time"
    DISQUALIFICATION = "dsq"
    POINTS = "points"


@dataclass(frozen=True, slots=True)
class Penalty:
    """A steward's decision. Points penalties act on one championship; the
    others are recorded with the round (results already reflect time and DSQ)."""

    round: int
    entry: str
    kind: PenaltyKind
    reason: str
    value: str = ""
    championship: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class PointsAdjustment:
    """A manual change to a competitor's points in one championship."""

    championship: str
    class_code: str
    competitor: str
    points: Points
    reason: str
    round: int | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class QualifyingLine:
    round: int
    entry: str
    class_code: str
    position: int | None = None
    class_position: int | None = None
    grid: int | None = None
    driver: str = ""
    time: str = ""
    note: str = ""
    source: str = ""
