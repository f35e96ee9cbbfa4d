"""The strict intermediate schema every importer parses into.

One :class:`ImportedSession` per session of a file (a weekend file holds
practice, qualifying and several races), whatever wrote it: session type,
track, cars in the file's classification order (class, drivers, laps, time,
status, each lap where the file has them) and penalties. Mapping onto a
season (podium.imports) only ever sees this shape.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from functools import partial
from itertools import repeat
from operator import is_not, itemgetter
from typing import Annotated, NamedTuple, cast

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SkipValidation, field_validator

from podium.errors import InputError, Problem
from podium.model.results import PenaltyKind, Status


class SessionKind(StrEnum):
    RACE = "race"
    QUALIFYING = "qualifying"
    PRACTICE = "practice"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ImportedLap(NamedTuple):
    """One lap of one car as the file records it. A named tuple, not a
    pydantic model: a 12-hour race has 20,000 of them, built at C speed;
    ``ImportedCar`` checks their ranges in one pass."""

    number: int
    time_ms: int | None = None
    """None when the file has no usable time (-1, 0, negative: see ``valid``)."""
    position: int | None = None
    """Overall position at the line at the end of this lap."""
    elapsed_ms: int | None = None
    """Time since the start of the session when the car crossed the line."""
    sectors_ms: tuple[int | None, ...] = ()
    pit_in: bool = False
    """The lap ended in the pit lane."""
    pit_out: bool = False
    """The lap started from the pit lane."""
    valid: bool = True
    """False when the file marks the lap invalid (track limits, cut) or its
    time is impossible; an invalid lap still counts as covered distance."""
    driver: str = ""
    """Who drove it, as the file names them ('' when the file does not say)."""


_MAX_LAPS = 100_000
MAX_MS = 10**10
"""The longest time a file can state (115 days: no session is longer); a
reader turns anything longer into no time, and keeps every time a machine
integer."""


def _check_laps(laps: tuple[ImportedLap, ...]) -> tuple[ImportedLap, ...]:
    """Every lap a lap, every number in range: column by column (``map`` and
    ``min``/``max`` run in C; a 12-hour race has 20,000 laps)."""
    if not laps:
        return laps
    if not all(map(isinstance, laps, repeat(ImportedLap))):
        raise ValueError(
            "not a lap: " + repr(next(x for x in laps if not isinstance(x, ImportedLap)))
        )
    for index, low, high in (
        (0, 1, _MAX_LAPS),
        (1, 1, MAX_MS),
        (2, 1, _MAX_LAPS),
        (3, 0, MAX_MS),
    ):
        values: list[int] = list(filter(_NOT_NONE, map(itemgetter(index), laps)))
        if values and (min(values) < low or max(values) > high):
            bad = next(
                x for x in laps if x[index] is not None and not low <= cast(int, x[index]) <= high
            )
            raise ValueError(f"lap out of range: {bad}")
    return laps


_NOT_NONE = partial(is_not, None)


class ImportedCar(_Strict):
    """One car's line, in the file's classification order."""

    where: str
    """Where the car is in the file: a JSON path, an XML path or a line number."""
    line: int | None = None
    number: str | None = None
    """Race number as printed (leading zeros kept); None when the file has none."""
    car_class: str
    """The class as the file names it (or as derived from the car model)."""
    car_model: str = ""
    """The car as the file names it (ACC: the carModel id); ``[car_models]`` keys."""
    car_name: str = ""
    """A readable name when ``car_model`` is a code."""
    team: str = ""
    drivers: tuple[str, ...] = ()
    laps: Annotated[int, Field(ge=0)] = 0
    time_ms: Annotated[int, Field(ge=0)] | None = None
    best_lap_ms: Annotated[int, Field(gt=0)] | None = None
    """The car's best lap, where the file gives one (a qualifying time)."""
    status: Status | None = None
    """As the file says it; None when the file does not say (the season's rules decide)."""
    reason: str = ""
    class_position: Annotated[int, Field(ge=1)] | None = None
    """As the file prints it; None when the file prints none."""
    position: Annotated[int, Field(ge=1)] | None = None
    """Overall position as the file prints it; None when it prints none."""
    lap_data: Annotated[tuple[ImportedLap, ...], SkipValidation, AfterValidator(_check_laps)] = ()
    """Each lap, in order, where the file has them."""
    driver_ids: tuple[tuple[str, str], ...] = ()
    """(driver, the importer's own id): ``("Jan Jansen", "steam:7656...")``,
    ``("Ann Lee", "iracing:123456")``; kept as aliases of the driver."""

    @field_validator("drivers", mode="after")
    @classmethod
    def _names(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        """Spacing is not part of a name; blank names (driver swaps in
        rFactor) are no one."""
        return tuple(dict.fromkeys(n for n in (" ".join(x.split()) for x in names) if n))

    @field_validator("team", mode="after")
    @classmethod
    def _team(cls, text: str) -> str:
        return " ".join(text.split())

    @field_validator("number", mode="after")
    @classmethod
    def _number(cls, text: str | None) -> str | None:
        return (text.strip() or None) if text is not None else None

    @property
    def label(self) -> str:
        return f"#{self.number}" if self.number else (self.drivers[0] if self.drivers else "?")

    @property
    def race_status(self) -> Status:
        """The status an import records for this car in a race: the file's;
        where it states none, classified with a lap (the rules decide its
        points), did not start without."""
        return self.status or (Status.CLASSIFIED if self.laps else Status.DID_NOT_START)


class ImportedPenalty(_Strict):
    car: str
    """The car's number, or its first driver when the file has no numbers."""
    driver: str = ""
    """Who the file gives it to, which tells apart two cars with one number."""
    kind: PenaltyKind
    reason: str = ""
    value: str = ""


class ImportedSession(_Strict):
    format: str
    importer_version: str
    kind: SessionKind
    name: str = ""
    """The session as the file names it (``R``, ``Race3``, ``Open Qualifying``)."""
    index: Annotated[int, Field(ge=1)] = 1
    """Its place among the sessions of the file, from 1, as ``--inspect`` lists them."""
    track: str = ""
    official: bool = False
    """Positions from an official timing system (Al Kamel): decided by the
    stewards, so contradictions are reported and the order kept."""
    lap_chart: bool = False
    """The file is a lap chart, not a classification (Al Kamel's analysis):
    where the round already has results, only its laps are imported."""
    cars: tuple[ImportedCar, ...]
    penalties: tuple[ImportedPenalty, ...] = ()
    notes: tuple[str, ...] = ()
    """What a steward should check that the file does not decide (ACC's
    missing mandatory pit stops), and what podium did about what the file
    contradicts (positions against laps and time, impossible lap times)."""

    @property
    def has_laps(self) -> bool:
        return any(c.lap_data for c in self.cars)

    def classes(self) -> list[str]:
        return list(dict.fromkeys(c.car_class for c in self.cars))

    def class_order(self, car_class: str) -> list[ImportedCar]:
        """A class's cars in finishing order: disqualified cars last."""
        cars = [c for c in self.cars if c.car_class == car_class]
        return sorted(cars, key=lambda c: c.status is Status.DISQUALIFIED)

    def winner(self, car_class: str) -> ImportedCar | None:
        for car in self.class_order(car_class):
            if car.status in (None, Status.CLASSIFIED):
                return car
        return None

    def status_counts(self) -> dict[str, int]:
        counts = Counter(c.status.value if c.status else "unstated" for c in self.cars)
        return dict(sorted(counts.items()))


def check_cars(file: str, cars: list[ImportedCar], field: str = "number") -> None:
    """Refuse a file that gives one race number to two cars of one class
    (two classes may use the same number)."""
    seen: dict[tuple[str, str], ImportedCar] = {}
    for car in cars:
        if car.number is None:
            continue
        first = seen.setdefault((car.number, car.car_class), car)
        if first is not car:
            raise InputError(
                Problem(
                    file,
                    car.line,
                    f"{car.where}.{field}" if car.line is None else field,
                    "duplicate car number",
                    expected=f"each number once in {car.car_class}",
                    found=f"#{car.number} again (first at {first.where})",
                )
            )


def session_kind(name: str) -> SessionKind | None:
    """Race, qualifying or practice from a session's name in any format."""
    text = name.strip().casefold()
    if text.startswith(("r", "race", "heat", "feature")):
        return SessionKind.RACE
    if text.startswith(("q", "lone q", "open q", "super")) or "qualif" in text:
        return SessionKind.QUALIFYING
    if text.startswith(("fp", "p", "open p", "warm", "test", "lone p")) or "practice" in text:
        return SessionKind.PRACTICE
    return None
