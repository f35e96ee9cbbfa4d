"""iRacing results JSON (data API ``results/get``, or the site's export).

Positions are 0-based and times are in 1/10000 s; the main event is the
session with ``simsession_number`` 0, and the file also holds its
qualifying and practice; team events nest drivers in ``driver_results``;
the car number is only inside ``livery``; ``cust_id`` is kept as the
driver's iRacing id. The file has no lap-by-lap data (a separate API).
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
    cust_id: int | None = None


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
    cust_id: int | None = None
    best_lap_time: int = Field(default=-1, le=10**12)  # 1/10000 s: a 3-year lap at most


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


def parse(data: bytes, file: str) -> tuple[ImportedSession, ...]:
    """Every session, in the order they ran."""
    raw = validate(_File, load_json(data, file), file)
    if not raw.session_results:
        raise InputError(
            Problem(file, None, "$.session_results", "no sessions", "at least one session", "[]")
        )
    track = " ".join(t for t in (raw.track.track_name, raw.track.config_name) if t and t != "N/A")
    names = {c.car_class_id: c.short_name or c.name for c in raw.car_classes}
    # In the order they ran: practice (-2), qualifying (-1), the race (0);
    # the file lists the race first.
    ordered = sorted(enumerate(raw.session_results), key=lambda s: (s[1].simsession_number, s[0]))
    return tuple(_session(file, index, session, names, track) for index, session in ordered)


def _session(
    file: str, index: int, session: _Session, names: dict[int, str], track: str
) -> ImportedSession:
    kind = session_kind(session.simsession_type_name) or SessionKind.PRACTICE
    cars = []
    base = f"$.session_results[{index}].results"
    results = sorted(enumerate(session.results), key=lambda r: (r[1].finish_position, r[0]))
    for i, r in results:
        people = [(d.display_name, d.cust_id) for d in r.driver_results if d.display_name] or (
            [(r.display_name, r.cust_id)] if r.display_name else []
        )
        running = r.reason_out.casefold() in ("", "running")
        cars.append(
            ImportedCar(
                where=f"{base}[{i}]",
                number=(r.livery.car_number or "").strip() or None,
                car_class=names.get(r.car_class_id, str(r.car_class_id)),
                car_model=r.car_name or str(r.car_id),
                team=r.display_name if r.driver_results else "",
                drivers=tuple(name for name, _ in people),
                driver_ids=tuple((n, f"iracing:{c}") for n, c in people if c is not None),
                laps=r.laps_complete,
                # 1/10000 s; -1 when no lap was timed.
                best_lap_ms=round(r.best_lap_time / 10) if r.best_lap_time > 0 else None,
                status=(Status.CLASSIFIED if running else Status.RETIRED)
                if kind is SessionKind.RACE
                else None,
                reason="" if running else r.reason_out,
                class_position=r.finish_position_in_class + 1
                if r.finish_position_in_class >= 0
                else None,
                position=r.finish_position + 1,
            )
        )
    check_cars(file, cars, "livery.car_number")
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=session.simsession_type_name,
        track=track,
        cars=tuple(cars),
    )
