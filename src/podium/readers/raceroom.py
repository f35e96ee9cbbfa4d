"""RaceRoom dedicated-server results JSON.

A file holds every session of the event; the last race is the result. Files
name no class: cars race in a class by performance index, so that is the class
(``PI 35``), which agrees with the ``PositionInClass`` the server prints.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from podium.errors import InputError, Problem
from podium.model.results import Status
from podium.readers.decode import head_text
from podium.readers.rawjson import Raw, load_json, validate
from podium.readers.session import (
    ImportedCar,
    ImportedSession,
    SessionKind,
    check_cars,
    session_kind,
)

NAME = "raceroom"
VERSION = "1"
_STATUS = {
    "finished": Status.CLASSIFIED,
    "didnotfinish": Status.RETIRED,
    "disqualified": Status.DISQUALIFIED,
    "didnotstart": Status.DID_NOT_START,
}


class _Player(Raw):
    FullName: str = ""
    Car: str = ""
    CarPerformanceIndex: int | None = None
    Position: Annotated[int, Field(ge=0)] = 0
    PositionInClass: Annotated[int, Field(ge=0)] = 0
    TotalTime: int = -1
    FinishStatus: str = ""
    RaceSessionLaps: list[object] | None = None


class _Session(Raw):
    Type: str
    Players: list[_Player]


class _File(Raw):
    Track: str = ""
    TrackLayout: str = ""
    Sessions: list[_Session]


def sniff(data: bytes) -> bool:
    head = head_text(data)
    return '"Sessions"' in head and ('"Track"' in head or '"Experience"' in head)


def parse(data: bytes, file: str) -> ImportedSession:
    raw = validate(_File, load_json(data, file), file)
    if not raw.Sessions:
        raise InputError(Problem(file, None, "$.Sessions", "no sessions", "a session", "[]"))
    races = [i for i, s in enumerate(raw.Sessions) if session_kind(s.Type) is SessionKind.RACE]
    index = (races or [len(raw.Sessions) - 1])[-1]
    session = raw.Sessions[index]
    kind = session_kind(session.Type) or SessionKind.PRACTICE
    players = sorted(enumerate(session.Players), key=lambda p: (p[1].Position or 10**6, p[0]))
    cars = []
    for i, p in players:
        name = " ".join(p.FullName.split())
        status = _STATUS.get(p.FinishStatus.casefold()) if kind is SessionKind.RACE else None
        cars.append(
            ImportedCar(
                where=f"$.Sessions[{index}].Players[{i}]",
                car_class=f"PI {p.CarPerformanceIndex}" if p.CarPerformanceIndex else p.Car,
                car_model=p.Car,
                drivers=(name,) if name else (),
                laps=len(p.RaceSessionLaps or ()),
                time_ms=p.TotalTime if p.TotalTime > 0 else None,
                status=status,
                class_position=p.PositionInClass or None,
            )
        )
    check_cars(file, cars)
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=session.Type,
        track=" ".join(t for t in (raw.Track, raw.TrackLayout) if t),
        cars=tuple(cars),
    )
