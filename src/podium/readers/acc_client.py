"""Assetto Corsa Competizione client (game) results JSON: what the game
saves after a session (``Documents/Assetto Corsa Competizione/results``).

UTF-16LE like the server's files; ``{sessionDef, snapShot, laps}``:
``snapShot.leaderBoardLines`` is the server's shape in finishing order
(class and model from ``carModel`` as in podium.readers.acc; team from
``teamName`` or appended to a last name), ``sessionDef.sessionType`` a
number (0 practice, 4 qualifying, 10 race).

- ``timing.totalTime`` counts from each car's own start here and does not
  order the cars (in the sample, P8 has less than P2 on the same laps): it
  is not used, the leaderboard's order stands.
- ``laps[]`` carry ``driverId`` (index into the car's drivers), ``lapTime``,
  ``splits`` and ``timestampMS`` (the session clock at the line): a lap's
  elapsed time is its timestamp less the earliest lap start of the file.
- ``flags``, undocumented, read as observed in the sample: 8 on the lap into
  the pits and 4 on the lap out for every car (pit in, pit out), 1 on a few
  laps (invalid).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from podium.errors import InputError, Problem
from podium.readers.acc import CARS, player_id, split_team
from podium.readers.acc_laps import NO_TIME
from podium.readers.decode import head_text
from podium.readers.rawjson import Raw, load_json, validate
from podium.readers.session import (
    MAX_MS,
    ImportedCar,
    ImportedLap,
    ImportedSession,
    SessionKind,
    check_cars,
)

NAME = "acc-client"
VERSION = "1"
_KINDS = {0: SessionKind.PRACTICE, 4: SessionKind.QUALIFYING, 10: SessionKind.RACE}
_INVALID, _PIT_OUT, _PIT_IN = 1, 4, 8


class _Driver(Raw):
    firstName: str = ""
    lastName: str = ""
    playerId: str = ""


class _Car(Raw):
    carId: int
    raceNumber: Annotated[int, Field(ge=0)]
    carModel: int
    carGroup: str | None = None
    teamName: str = ""
    drivers: tuple[_Driver, ...] = ()


class _Timing(Raw):
    lapCount: Annotated[int, Field(ge=0)]
    bestLap: int = 0


class _Line(Raw):
    car: _Car
    timing: _Timing


class _SnapShot(Raw):
    leaderBoardLines: list[_Line]


class _Lap(Raw):
    carId: int
    driverId: int = 0
    lapTime: int = 0
    splits: tuple[int, ...] = ()
    flags: int = 0
    timestampMS: Annotated[float, Field(ge=0, le=MAX_MS)] | None = None


class _SessionDef(Raw):
    sessionType: int
    trackName: str = ""


class _File(Raw):
    sessionDef: _SessionDef
    snapShot: _SnapShot
    laps: list[_Lap] | None = None


def sniff(data: bytes) -> bool:
    head = head_text(data)
    return '"sessionDef"' in head and '"snapShot"' in head


def parse(data: bytes, file: str) -> ImportedSession:
    raw = validate(_File, load_json(data, file), file)
    kind = _KINDS.get(raw.sessionDef.sessionType)
    if kind is None:
        raise InputError(
            Problem(
                file,
                None,
                "$.sessionDef.sessionType",
                "unknown session type",
                expected="0 (practice), 4 (qualifying) or 10 (race)",
                found=str(raw.sessionDef.sessionType),
            )
        )
    laps = _laps(raw.laps or [])
    cars = []
    for i, line in enumerate(raw.snapShot.leaderBoardLines):
        car = line.car
        where = f"$.snapShot.leaderBoardLines[{i}]"
        group, model = CARS.get(car.carModel, ("", f"ACC model {car.carModel}"))
        group = car.carGroup or group
        if not group:
            raise InputError(
                Problem(
                    file,
                    None,
                    f"{where}.car.carModel",
                    "unknown car model and no carGroup",
                    expected="a carModel of the ACC car list or a carGroup",
                    found=str(car.carModel),
                )
            )
        people = [split_team(d.firstName, d.lastName) for d in car.drivers]
        names = [name for name, _ in people]
        best = line.timing.bestLap
        cars.append(
            ImportedCar(
                where=where,
                number=str(car.raceNumber),
                car_class=group,
                car_model=str(car.carModel),
                car_name=model,
                team=car.teamName.strip() or next((t for _, t in people if t), ""),
                drivers=tuple(names),
                laps=line.timing.lapCount,
                best_lap_ms=best if 0 < best < NO_TIME else None,
                position=i + 1,
                lap_data=tuple(
                    lap._replace(driver=names[d] if 0 <= d < len(names) else "")
                    for d, lap in laps.get(car.carId, [])
                ),
                driver_ids=tuple(
                    dict.fromkeys(
                        (name, player_id(d.playerId))
                        for name, d in zip(names, car.drivers, strict=True)
                        if name and d.playerId.strip() not in ("", "0", "-1")
                    )
                ),
            )
        )
    check_cars(file, cars, "car.raceNumber")
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=str(raw.sessionDef.sessionType),
        track=raw.sessionDef.trackName,
        cars=tuple(cars),
    )


def _laps(raw: list[_Lap]) -> dict[int, list[tuple[int, ImportedLap]]]:
    """Each car's laps in order, with the index of who drove them."""
    starts = [
        lap.timestampMS - lap.lapTime
        for lap in raw
        if lap.timestampMS is not None and 0 < lap.lapTime < NO_TIME
    ]
    origin = min(starts, default=0.0)
    out: dict[int, list[tuple[int, ImportedLap]]] = {}
    for lap in raw:
        own = out.setdefault(lap.carId, [])
        timed = 0 < lap.lapTime < NO_TIME
        at = None if lap.timestampMS is None else round(lap.timestampMS - origin)
        own.append(
            (
                lap.driverId,
                ImportedLap(
                    number=len(own) + 1,
                    time_ms=lap.lapTime if timed else None,
                    elapsed_ms=at if at is not None and 0 <= at < MAX_MS else None,
                    sectors_ms=tuple(t if 0 < t < NO_TIME else None for t in lap.splits),
                    pit_in=bool(lap.flags & _PIT_IN),
                    pit_out=bool(lap.flags & _PIT_OUT),
                    valid=timed and not lap.flags & _INVALID,
                ),
            )
        )
    return out
