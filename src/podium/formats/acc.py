"""Assetto Corsa Competizione dedicated-server results JSON.

UTF-16LE (with or without BOM) or UTF-8; ``leaderBoardLines`` are in
finishing order; ``carGroup`` is missing before 2022, so the class then comes
from the car-model table below; disqualified cars stay in the order and are
marked by a ``Disqualified`` penalty; a best lap of 2147483647 means none.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from podium.errors import InputError, Problem
from podium.formats.decode import head_text
from podium.formats.rawjson import Raw, load_json, validate
from podium.formats.session import (
    ImportedCar,
    ImportedPenalty,
    ImportedSession,
    check_cars,
    session_kind,
)
from podium.model.results import PenaltyKind, Status

NAME = "acc"
VERSION = "1"
NO_TIME = 2147483647

# carModel id -> group (Kunos ACC Server Admin Handbook, car list; GT4 = 50-61).
CAR_GROUPS: dict[int, str] = {
    **dict.fromkeys((0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17), "GT3"),
    **dict.fromkeys((19, 20, 21, 22, 23, 24, 25, 30, 31, 32, 33, 34, 35, 36), "GT3"),
    9: "CUP",
    28: "CUP",
    18: "ST",
    29: "ST",
    26: "CHL",
    27: "TCX",
    **dict.fromkeys(range(50, 62), "GT4"),
    **dict.fromkeys(range(80, 87), "GT2"),
}


class _Driver(Raw):
    firstName: str = ""
    lastName: str = ""


class _Car(Raw):
    carId: int
    raceNumber: Annotated[int, Field(ge=0)]
    carModel: int
    carGroup: str | None = None
    teamName: str = ""
    drivers: tuple[_Driver, ...] = ()


class _Timing(Raw):
    lapCount: Annotated[int, Field(ge=0)]
    totalTime: int = 0


class _Line(Raw):
    car: _Car
    timing: _Timing


class _Result(Raw):
    leaderBoardLines: list[_Line]


class _Penalty(Raw):
    carId: int
    reason: str = ""
    penalty: str = ""
    penaltyValue: int = 0


class _File(Raw):
    sessionType: str
    trackName: str = ""
    sessionResult: _Result
    penalties: list[_Penalty] | None = None
    post_race_penalties: list[_Penalty] | None = None


def sniff(data: bytes) -> bool:
    head = head_text(data)
    return head.lstrip().startswith("{") and '"sessionType"' in head and '"sessionResult"' in head


def parse(data: bytes, file: str) -> ImportedSession:
    raw = validate(_File, load_json(data, file), file)
    kind = session_kind(raw.sessionType)
    if kind is None:
        raise InputError(
            Problem(
                file,
                None,
                "$.sessionType",
                "unknown session type",
                expected="FP, Q, Q1, R, R1...",
                found=raw.sessionType,
            )
        )
    by_id: dict[int, str] = {}
    cars = []
    for i, line in enumerate(raw.sessionResult.leaderBoardLines):
        car = line.car
        group = car.carGroup or CAR_GROUPS.get(car.carModel)
        where = f"$.sessionResult.leaderBoardLines[{i}]"
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
        by_id[car.carId] = str(car.raceNumber)
        total = line.timing.totalTime
        cars.append(
            ImportedCar(
                where=where,
                number=str(car.raceNumber),
                car_class=group,
                car_model=str(car.carModel),
                team=car.teamName.strip(),
                drivers=tuple(n for d in car.drivers if (n := _name(d.firstName, d.lastName))),
                laps=line.timing.lapCount,
                time_ms=total if 0 <= total < NO_TIME else None,
            )
        )
    penalties = []
    disqualified: set[str] = set()
    for p in [*(raw.penalties or []), *(raw.post_race_penalties or [])]:
        number = by_id.get(p.carId)
        penalty = _penalty(p, number)
        if penalty is None or number is None:
            continue  # warnings, and cars that left before the end
        penalties.append(penalty)
        if penalty.kind is PenaltyKind.DISQUALIFICATION:
            disqualified.add(number)
    cars = [
        c.model_copy(update={"status": Status.DISQUALIFIED, "reason": "disqualified"})
        if c.number in disqualified
        else c
        for c in cars
    ]
    check_cars(file, cars, "car.raceNumber")
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=raw.sessionType,
        track=raw.trackName,
        cars=tuple(cars),
        penalties=tuple(penalties),
    )


def _name(first: str, last: str) -> str:
    return " ".join(f"{first} {last}".split())


def _penalty(p: _Penalty, number: str | None) -> ImportedPenalty | None:
    if number is None:
        return None
    kind = p.penalty
    if kind == "Disqualified":
        return ImportedPenalty(car=number, kind=PenaltyKind.DISQUALIFICATION, reason=p.reason)
    if kind == "PostRaceTime":
        return ImportedPenalty(
            car=number, kind=PenaltyKind.TIME, reason=p.reason, value=f"{p.penaltyValue} s"
        )
    if kind == "DriveThrough" or kind.startswith("StopAndGo"):
        value = (
            "drive-through" if kind == "DriveThrough" else kind.replace("StopAndGo_", "stop-go ")
        )
        return ImportedPenalty(car=number, kind=PenaltyKind.TIME, reason=p.reason, value=value)
    return None  # None (a warning), RemoveBestLaptime: nothing a classification shows
