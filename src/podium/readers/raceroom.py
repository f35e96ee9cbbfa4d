"""RaceRoom dedicated-server results JSON.

A file holds every session of the event (practice, qualify, race, race2...):
each with players is a session. Files name no class: cars race in a class by
performance index, so that is the class (``PI 35``), which agrees with the
``PositionInClass`` the server prints; older files without one: the car.

- Names: ``FullName``, else (older files) ``Username``; ids: ``UserId``.
- Laps (``RaceSessionLaps``): ``Time``, ``SectorTimes`` (cumulative in the
  file, split here), ``Position``, ``PitStopOccured`` (a pit lap), ``Valid``.
  A negative time (-1000) is a lap without a time: invalid, untimed.
- A retired car's last race lap with incidents is left out: the server
  writes it in full, time and sectors, as if completed (Simresults' rule).
- Race status: ``FinishStatus`` (Finished, DidNotFinish, Disqualified,
  DidNotStart; ``None`` states nothing).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from podium.errors import InputError, Problem
from podium.model.results import Status
from podium.readers.decode import head_text
from podium.readers.rawjson import Raw, load_json, validate
from podium.readers.session import (
    MAX_MS,
    ImportedCar,
    ImportedLap,
    ImportedSession,
    SessionKind,
    check_cars,
    session_kind,
)

NAME = "raceroom"
VERSION = "2"
_STATUS = {
    "finished": Status.CLASSIFIED,
    "didnotfinish": Status.RETIRED,
    "disqualified": Status.DISQUALIFIED,
    "didnotstart": Status.DID_NOT_START,
}


class _Incident(Raw):
    Type: int | None = None


class _Lap(Raw):
    Time: int = -1
    SectorTimes: tuple[int, ...] = ()
    Position: int = 0
    PitStopOccured: bool = False
    Valid: bool = True
    Incidents: list[_Incident] | None = None


class _Player(Raw):
    UserId: int | None = None
    FullName: str = ""
    Username: str = ""
    Car: str = ""
    CarPerformanceIndex: int | None = None
    Position: Annotated[int, Field(ge=0)] = 0
    PositionInClass: Annotated[int, Field(ge=0)] = 0
    BestLapTime: int = -1
    TotalTime: int = -1
    FinishStatus: str = ""
    RaceSessionLaps: list[_Lap] | None = None


class _Session(Raw):
    Type: str
    Players: list[_Player] | None = None


class _File(Raw):
    Track: str = ""
    TrackLayout: str = ""
    Sessions: list[_Session]


def sniff(data: bytes) -> bool:
    head = head_text(data)
    return '"Sessions"' in head and ('"Track"' in head or '"Experience"' in head)


def parse(data: bytes, file: str) -> tuple[ImportedSession, ...]:
    raw = validate(_File, load_json(data, file), file)
    track = " ".join(t for t in (raw.Track, raw.TrackLayout) if t)
    sessions = tuple(_session(file, i, s, track) for i, s in enumerate(raw.Sessions) if s.Players)
    if not sessions:
        raise InputError(
            Problem(
                file,
                None,
                "$.Sessions",
                "no session with players",
                expected="a session with Players",
                found=f"{len(raw.Sessions)} sessions without",
            )
        )
    return sessions


def _session(file: str, index: int, session: _Session, track: str) -> ImportedSession:
    kind = session_kind(session.Type) or SessionKind.PRACTICE
    players = sorted(enumerate(session.Players or ()), key=lambda p: (p[1].Position or 10**6, p[0]))
    cars, notes = [], []
    for i, p in players:
        name = " ".join((p.FullName or p.Username).split())
        status = _STATUS.get(p.FinishStatus.casefold()) if kind is SessionKind.RACE else None
        raw_laps = list(p.RaceSessionLaps or ())
        if status is Status.RETIRED and raw_laps and raw_laps[-1].Incidents:
            raw_laps.pop()
            notes.append(
                f"{name or f'player {i}'}: last lap ({len(raw_laps) + 1}) left out: "
                "retired on it with incidents"
            )
        laps = tuple(_lap(n, lap, name) for n, lap in enumerate(raw_laps, start=1))
        timed = [lap.time_ms for lap in laps if lap.valid and lap.time_ms]
        cars.append(
            ImportedCar(
                where=f"$.Sessions[{index}].Players[{i}]",
                car_class=f"PI {p.CarPerformanceIndex}" if p.CarPerformanceIndex else p.Car,
                car_model=p.Car,
                drivers=(name,) if name else (),
                laps=len(laps),
                time_ms=_ms(p.TotalTime) if kind is SessionKind.RACE else None,
                best_lap_ms=_ms(p.BestLapTime) or min(timed, default=None),
                status=status,
                class_position=p.PositionInClass or None,
                position=p.Position or None,
                lap_data=laps,
                driver_ids=((name, f"raceroom:{p.UserId}"),) if name and p.UserId else (),
            )
        )
    check_cars(file, cars)
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=session.Type,
        track=track,
        cars=tuple(cars),
        notes=tuple(notes),
    )


def _lap(number: int, lap: _Lap, name: str) -> ImportedLap:
    time = _ms(lap.Time)
    sectors: list[int | None] = []
    before = 0
    for at in lap.SectorTimes:
        sectors.append(_ms(at - before))
        before = max(before, at)
    return ImportedLap(
        number=number,
        time_ms=time,
        position=lap.Position if lap.Position > 0 else None,
        sectors_ms=tuple(sectors) if time else (),
        pit_in=lap.PitStopOccured,
        valid=time is not None and lap.Valid,
        driver=name,
    )


def _ms(value: int) -> int | None:
    """A time in ms, or None: 0, -1, -1000 and absurd values are no time."""
    return value if 0 < value < MAX_MS else None
