"""iRacing results JSON (data API ``results/get``, or the site's export).

Positions are 0-based and times are in 1/10000 s; the main event is the
session with ``simsession_number`` 0; team events nest drivers in
``driver_results``; the car number is only inside ``livery``.
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

NAME = "iracing"
VERSION = "1"


class _Livery(Raw):
    car_number: str | None = None


class _Driver(Raw):
    display_name: str = ""


class _Result(Raw):
    display_name: str = ""
    finish_position: Annotated[int, Field(ge=0)]
    finish_position_in_class: Annotated[int, Field(ge=-1)] = -1
    laps_complete: Annotated[int, Field(ge=0)]
    car_class_id: int = 0
    car_name: str = ""
    car_id: int = 0
    reason_out: str = ""
    livery: _Livery = _Livery()
    driver_results: tuple[_Driver, ...] = ()


class _Session(Raw):
    simsession_number: int
    simsession_type_name: str = ""
    results: list[_Result]


class _Class(Raw):
    car_class_id: int
    name: str = ""
    short_name: str = ""


class _Track(Raw):
    track_name: str = ""
    config_name: str = ""


class _File(Raw):
    subsession_id: int
    session_results: list[_Session]
    car_classes: tuple[_Class, ...] = ()
    track: _Track = _Track()


def sniff(data: bytes) -> bool:
    head = head_text(data)
    return '"subsession_id"' in head


def parse(data: bytes, file: str) -> ImportedSession:
    raw = validate(_File, load_json(data, file), file)
    if not raw.session_results:
        raise InputError(
            Problem(file, None, "$.session_results", "no sessions", "at least one session", "[]")
        )
    index, session = max(
        enumerate(raw.session_results), key=lambda s: (s[1].simsession_number == 0, s[0])
    )
    kind = session_kind(session.simsession_type_name) or SessionKind.PRACTICE
    names = {c.car_class_id: c.short_name or c.name for c in raw.car_classes}
    cars = []
    base = f"$.session_results[{index}].results"
    results = sorted(enumerate(session.results), key=lambda r: (r[1].finish_position, r[0]))
    for i, r in results:
        drivers = tuple(d.display_name for d in r.driver_results if d.display_name) or (
            (r.display_name,) if r.display_name else ()
        )
        running = r.reason_out.casefold() in ("", "running")
        cars.append(
            ImportedCar(
                where=f"{base}[{i}]",
                number=(r.livery.car_number or "").strip() or None,
                car_class=names.get(r.car_class_id, str(r.car_class_id)),
                car_model=r.car_name or str(r.car_id),
                team=r.display_name if r.driver_results else "",
                drivers=drivers,
                laps=r.laps_complete,
                status=(Status.CLASSIFIED if running else Status.RETIRED)
                if kind is SessionKind.RACE
                else None,
                reason="" if running else r.reason_out,
                class_position=r.finish_position_in_class + 1
                if r.finish_position_in_class >= 0
                else None,
            )
        )
    check_cars(file, cars, "livery.car_number")
    track = " ".join(t for t in (raw.track.track_name, raw.track.config_name) if t and t != "N/A")
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=session.simsession_type_name,
        track=track,
        cars=tuple(cars),
    )
