"""Assetto Corsa (AC1) dedicated-server results JSON.

``Result`` is in classification order; laps are counted from ``Laps``; there
is no class field (the class is the car model) and no race number.
"""

from __future__ import annotations

from collections import Counter

from podium.errors import InputError, Problem
from podium.readers.decode import head_text
from podium.readers.rawjson import Raw, load_json, validate
from podium.readers.session import ImportedCar, ImportedSession, SessionKind, session_kind

NAME = "assetto"
VERSION = "1"


class _Driver(Raw):
    Name: str = ""
    Team: str = ""


class _Car(Raw):
    CarId: int
    Driver: _Driver = _Driver()
    Model: str = ""


class _Result(Raw):
    DriverName: str = ""
    CarId: int
    CarModel: str = ""
    TotalTime: int = 0


class _Lap(Raw):
    CarId: int


class _File(Raw):
    TrackName: str = ""
    TrackConfig: str = ""
    Type: str
    Cars: tuple[_Car, ...] = ()
    Result: list[_Result]
    Laps: tuple[_Lap, ...] = ()


def sniff(data: bytes) -> bool:
    head = head_text(data)
    return '"TrackName"' in head and '"Type"' in head and '"Cars"' in head


def parse(data: bytes, file: str) -> ImportedSession:
    raw = validate(_File, load_json(data, file), file)
    kind = session_kind(raw.Type)
    if kind is None:
        raise InputError(
            Problem(file, None, "$.Type", "unknown session", "PRACTICE, QUALIFY or RACE", raw.Type)
        )
    laps = Counter(lap.CarId for lap in raw.Laps)
    teams = {c.CarId: c.Driver.Team.strip() for c in raw.Cars}
    cars = []
    for i, r in enumerate(raw.Result):
        name = " ".join(r.DriverName.split())
        cars.append(
            ImportedCar(
                where=f"$.Result[{i}]",
                car_class=r.CarModel,
                car_model=r.CarModel,
                team=teams.get(r.CarId, ""),
                drivers=(name,) if name else (),
                laps=laps.get(r.CarId, 0),
                time_ms=r.TotalTime if r.TotalTime > 0 else None,
            )
        )
    track = "-".join(t for t in (raw.TrackName, raw.TrackConfig) if t)
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind or SessionKind.PRACTICE,
        name=raw.Type,
        track=track,
        cars=tuple(cars),
    )
