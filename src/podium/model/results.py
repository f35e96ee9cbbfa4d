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
    decision: str = ""
    """What the stewards' decisions changed on this line, in words ('' when
    nothing): set on the official classification, never stored."""
    sheet_pos: int | None = None
    """The class position the timing sheet printed, when a decision changed it."""
    drive_times: tuple[int, ...] = ()
    """Each driver's time at the wheel in ms, in the order of ``drivers``, as
    the session's lap chart shows it; empty when no lap chart was imported."""

    @property
    def classified(self) -> bool:
        return self.status is Status.CLASSIFIED


class PenaltyKind(StrEnum):
    """What the stewards decided about a car at a round."""

    GRID_TO_BACK = "grid_to_back"
    """Starts from the back of the grid: shown, no effect on the result."""
    GRID_PLACES = "grid_places"
    """``value`` places back on the grid: shown, no effect on the result."""
    TIME = "time"
    """``value`` (``30s``, ``1:05``) added to the car's race time: the session
    is classified again by laps and time."""
    POSITIONS = "positions"
    """Dropped ``value`` places in its class classification."""
    DISQUALIFICATION = "dsq"
    """Disqualified from the session: it keeps no place."""
    EXCLUSION = "excluded"
    """Excluded from the event: disqualified from every session of the round."""
    POINTS = "points"
    """``value`` points taken in ``championship`` (blank: every championship)."""


CLASSIFICATION_KINDS = frozenset(
    {
        PenaltyKind.TIME,
        PenaltyKind.POSITIONS,
        PenaltyKind.DISQUALIFICATION,
        PenaltyKind.EXCLUSION,
    }
)
"""The decisions that change a classification (the others change points or nothing)."""


@dataclass(frozen=True, slots=True)
class Penalty:
    """A stewards' decision about one car at one round. Results stay as the
    timing sheet printed them: the decision is applied on top of them when the
    season is scored (``podium.scoring.stewards``), so it survives a re-import.
    A decision withdrawn on appeal stays on record with ``withdrawn`` (why) and
    changes nothing."""

    round: int
    entry: str
    kind: PenaltyKind
    reason: str
    value: str = ""
    championship: str = ""
    source: str = ""
    session: str = "race"
    withdrawn: str = ""
    """Why the decision was withdrawn (on appeal); blank while it stands."""
    in_results: bool = False
    """The timing sheet already shows it (a penalty the timing system or the
    simulator served or applied, read from its results file): on record, never
    applied a second time."""

    @property
    def stands(self) -> bool:
        return not self.withdrawn

    @property
    def to_apply(self) -> bool:
        """Whether podium applies it on top of the timing sheet."""
        return self.stands and not self.in_results


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
