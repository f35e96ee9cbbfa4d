"""Assetto Corsa (AC1) dedicated-server results JSON: one session per file.

A car slot (``CarId``) passes from driver to driver as people leave and
join, so a car here is a driver (by ``DriverGuid``, else by name): everyone
in ``Result`` and everyone who drove a lap in ``Laps``. Each keeps his own
laps (a newcomer in a slot does not inherit the leaver's); an empty slot
(no name, no lap) is no car; a second ``Result`` row for a driver (the slot
he left, 0 ms) is the same car.

- Order: the drivers with a ``TotalTime`` (who took the flag) in
  ``Result``'s order, then the others by laps covered (the server does not
  order ``Result`` reliably; podium's order rule settles it).
- Race status: none stated for a driver with a ``TotalTime`` (the season's
  rules classify), retired for the others (no time, or no ``Result`` row:
  gone before the end).
- Laps: ``LapTime``, ``Sectors``, ``Cuts`` > 0 makes a lap invalid; in a race
  each lap's elapsed time is its ``Timestamp`` less the first lap start.
- No class field: the class is the car model; no race numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from podium.errors import InputError, Problem
from podium.model.results import Status
from podium.readers.assetto_offline import repair_name
from podium.readers.decode import head_text, tail_text
from podium.readers.rawjson import Raw, load_json, validate
from podium.readers.session import (
    MAX_MS,
    ImportedCar,
    ImportedLap,
    ImportedSession,
    SessionKind,
    session_kind,
)

NAME = "assetto"
VERSION = "2"
NO_TIME = 999_999_999


class _Driver(Raw):
    Name: str = ""
    Team: str = ""
    Guid: str = ""


class _Car(Raw):
    Driver: _Driver = _Driver()
    Model: str = ""


class _Result(Raw):
    DriverName: str = ""
    DriverGuid: str = ""
    CarModel: str = ""
    TotalTime: int = 0
    BestLap: int = 0


class _Lap(Raw):
    DriverName: str = ""
    DriverGuid: str = ""
    CarModel: str = ""
    Timestamp: int | None = None
    LapTime: int = 0
    Sectors: tuple[int, ...] = ()
    Cuts: int = 0


class _File(Raw):
    TrackName: str = ""
    TrackConfig: str = ""
    Type: str
    Cars: list[_Car] | None = None
    Result: list[_Result] | None = None
    Laps: list[_Lap] | None = None


@dataclass
class _Person:
    name: str
    guid: str
    where: str
    model: str = ""
    result: _Result | None = None
    laps: list[_Lap] = field(default_factory=list)


def sniff(data: bytes) -> bool:
    """``TrackName``, ``Type`` and ``Cars`` at the start, or at the end of a
    file rewritten with sorted keys (Assetto Server Manager's results:
    ``Cars``, ``Events``, ``Laps``, ``Result``, then ``TrackName``, ``Type``)."""
    head = head_text(data)
    if '"Cars"' not in head:
        return False
    ends = head + tail_text(data)
    return '"TrackName"' in ends and '"Type"' in ends


def parse(data: bytes, file: str) -> ImportedSession:
    raw = validate(_File, load_json(data, file), file)
    kind = session_kind(raw.Type)
    if kind is None:
        raise InputError(
            Problem(file, None, "$.Type", "unknown session", "PRACTICE, QUALIFY or RACE", raw.Type)
        )
    people = _people(raw)
    teams = {_key(c.Driver.Guid, c.Driver.Name): c.Driver.Team.strip() for c in raw.Cars or ()}
    starts = [
        lap.Timestamp - lap.LapTime
        for p in people.values()
        for lap in p.laps
        if _timed(lap) and lap.Timestamp is not None
    ]
    origin = min(starts, default=0) if kind is SessionKind.RACE else None
    cars = []
    # Who took the flag in Result's order, then the others by laps covered.
    finished = [k for k, p in people.items() if p.result and p.result.TotalTime > 0]
    others = sorted((k for k in people if k not in finished), key=lambda k: -len(people[k].laps))
    for key in finished + others:
        person = people[key]
        laps = _lap_data(person, origin)
        row = person.result
        total = row.TotalTime if row and 0 < row.TotalTime < MAX_MS else None
        timed = [lap.time_ms for lap in laps if lap.valid and lap.time_ms]
        best = row.BestLap if row and 0 < row.BestLap < NO_TIME else min(timed, default=None)
        cars.append(
            ImportedCar(
                where=person.where,
                car_class=person.model,
                car_model=person.model,
                team=teams.get(key, ""),
                drivers=(person.name,),
                laps=len(laps),
                time_ms=total if kind is SessionKind.RACE else None,
                best_lap_ms=best,
                status=_status(person, total) if kind is SessionKind.RACE else None,
                lap_data=laps,
                driver_ids=((person.name, f"steam:{person.guid}"),) if person.guid else (),
            )
        )
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=raw.Type,
        track="-".join(t for t in (raw.TrackName, raw.TrackConfig) if t),
        cars=tuple(cars),
    )


def _people(raw: _File) -> dict[str, _Person]:
    """Everyone in ``Result`` (first row wins), then everyone with a lap."""
    people: dict[str, _Person] = {}
    for i, row in enumerate(raw.Result or ()):
        name, guid = repair_name(row.DriverName), row.DriverGuid.strip()
        if name or guid:
            person = people.setdefault(_key(guid, name), _Person(name, guid, f"$.Result[{i}]"))
            if person.result is None:
                person.result, person.model = row, row.CarModel
    for i, lap in enumerate(raw.Laps or ()):
        name, guid = repair_name(lap.DriverName), lap.DriverGuid.strip()
        if name or guid:
            person = people.setdefault(_key(guid, name), _Person(name, guid, f"$.Laps[{i}]"))
            person.laps.append(lap)
            person.name = person.name or name
            person.model = person.model or lap.CarModel
    return people


def _key(guid: str, name: str) -> str:
    return f"guid:{guid.strip()}" if guid.strip() else f"name:{repair_name(name)}"


def _timed(lap: _Lap) -> bool:
    return 0 < lap.LapTime < NO_TIME


def _lap_data(person: _Person, origin: int | None) -> tuple[ImportedLap, ...]:
    out = []
    for n, lap in enumerate(person.laps, start=1):
        timed = _timed(lap)
        at = None if origin is None or lap.Timestamp is None else lap.Timestamp - origin
        out.append(
            ImportedLap(
                number=n,
                time_ms=lap.LapTime if timed else None,
                elapsed_ms=at if at is not None and 0 <= at < MAX_MS else None,
                sectors_ms=tuple(t if 0 < t < NO_TIME else None for t in lap.Sectors),
                valid=timed and lap.Cuts <= 0,
                driver=person.name,
            )
        )
    return tuple(out)


def _status(person: _Person, total: int | None) -> Status | None:
    """A driver who took the flag is unstated (the rules decide); one who
    left is retired; one who never drove a lap never started."""
    if total is not None:
        return None
    return Status.RETIRED if person.laps else Status.DID_NOT_START
