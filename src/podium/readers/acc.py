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
from podium.model.results import PenaltyKind, Status
from podium.readers.acc_laps import NO_TIME, built, read_laps
from podium.readers.decode import head_text
from podium.readers.rawjson import Raw, load_json, validate
from podium.readers.session import (
    ImportedCar,
    ImportedPenalty,
    ImportedSession,
    SessionKind,
    check_cars,
    session_kind,
)

NAME = "acc"
VERSION = "1"

# carModel id -> (group, name): Kunos ACC Server Admin Handbook, car list.
CARS: dict[int, tuple[str, str]] = {
    0: ("GT3", "Porsche 991 GT3 R"),
    1: ("GT3", "Mercedes-AMG GT3"),
    2: ("GT3", "Ferrari 488 GT3"),
    3: ("GT3", "Audi R8 LMS"),
    4: ("GT3", "Lamborghini Huracan GT3"),
    5: ("GT3", "McLaren 650S GT3"),
    6: ("GT3", "Nissan GT-R Nismo GT3 2018"),
    7: ("GT3", "BMW M6 GT3"),
    8: ("GT3", "Bentley Continental GT3 2018"),
    9: ("CUP", "Porsche 991 II GT3 Cup"),
    10: ("GT3", "Nissan GT-R Nismo GT3 2017"),
    11: ("GT3", "Bentley Continental GT3 2016"),
    12: ("GT3", "Aston Martin V12 Vantage GT3"),
    13: ("GT3", "Lamborghini Gallardo R-EX"),
    14: ("GT3", "Jaguar G3"),
    15: ("GT3", "Lexus RC F GT3"),
    16: ("GT3", "Lamborghini Huracan GT3 Evo"),
    17: ("GT3", "Honda NSX GT3"),
    18: ("ST", "Lamborghini Huracan Super Trofeo"),
    19: ("GT3", "Audi R8 LMS Evo"),
    20: ("GT3", "Aston Martin V8 Vantage GT3"),
    21: ("GT3", "Honda NSX GT3 Evo"),
    22: ("GT3", "McLaren 720S GT3"),
    23: ("GT3", "Porsche 911 II GT3 R"),
    24: ("GT3", "Ferrari 488 GT3 Evo"),
    25: ("GT3", "Mercedes-AMG GT3 2020"),
    26: ("CHL", "Ferrari 488 Challenge Evo"),
    27: ("TCX", "BMW M2 CS Racing"),
    28: ("CUP", "Porsche 992 GT3 Cup"),
    29: ("ST", "Lamborghini Huracan Super Trofeo EVO2"),
    30: ("GT3", "BMW M4 GT3"),
    31: ("GT3", "Audi R8 LMS GT3 Evo II"),
    32: ("GT3", "Ferrari 296 GT3"),
    33: ("GT3", "Lamborghini Huracan GT3 EVO2"),
    34: ("GT3", "Porsche 992 GT3 R"),
    35: ("GT3", "McLaren 720S GT3 Evo"),
    36: ("GT3", "Ford Mustang GT3"),
    50: ("GT4", "Alpine A110 GT4"),
    51: ("GT4", "Aston Martin Vantage GT4"),
    52: ("GT4", "Audi R8 LMS GT4"),
    53: ("GT4", "BMW M4 GT4"),
    55: ("GT4", "Chevrolet Camaro GT4"),
    56: ("GT4", "Ginetta G55 GT4"),
    57: ("GT4", "KTM X-Bow GT4"),
    58: ("GT4", "Maserati MC GT4"),
    59: ("GT4", "McLaren 570S GT4"),
    60: ("GT4", "Mercedes-AMG GT4"),
    61: ("GT4", "Porsche 718 Cayman GT4"),
    80: ("GT2", "Audi R8 LMS GT2"),
    82: ("GT2", "KTM X-Bow GT2"),
    83: ("GT2", "Maserati MC20 GT2"),
    84: ("GT2", "Mercedes-AMG GT2"),
    85: ("GT2", "Porsche 911 GT2 RS CS Evo"),
    86: ("GT2", "Porsche 935"),
}


class _Driver(Raw):
    firstName: str = ""
    lastName: str = ""
    playerId: str = ""


class _Car(Raw):
    carId: int | None = None
    """Missing in some files: such a car has no laps or penalties of its own."""
    raceNumber: Annotated[int, Field(ge=0)]
    carModel: int | None = None
    """Missing in some files: the class is then ``unknown`` (map it in import.toml)."""
    carGroup: str | None = None
    teamName: str = ""
    drivers: tuple[_Driver, ...] = ()


class _Timing(Raw):
    lapCount: Annotated[int, Field(ge=0)]
    totalTime: int = 0
    bestLap: int = 0


class _Line(Raw):
    car: _Car
    timing: _Timing
    missingMandatoryPitstop: int = 0


class _Result(Raw):
    leaderBoardLines: list[_Line]


class _Penalty(Raw):
    carId: int
    reason: str = ""
    penalty: str = ""
    penaltyValue: int = 0
    violationInLap: int = 0


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
    value = load_json(data, file)
    raw = validate(_File, value, file)
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
    struck = {
        (p.carId, p.violationInLap)
        for p in [*(raw.penalties or []), *(raw.post_race_penalties or [])]
        if p.penalty == "RemoveBestLaptime"
    }
    laps = read_laps(value, file, struck)
    cars = []
    for i, line in enumerate(raw.sessionResult.leaderBoardLines):
        car = line.car
        group, model = (
            CARS.get(car.carModel, ("", f"ACC model {car.carModel}"))
            if car.carModel is not None
            else ("unknown", "Unknown")
        )
        group = car.carGroup or group
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
        if car.carId is not None:
            by_id[car.carId] = str(car.raceNumber)
        total = line.timing.totalTime
        people = [split_team(d.firstName, d.lastName) for d in car.drivers]
        names = [name for name, _ in people]
        cars.append(
            ImportedCar(
                where=where,
                number=str(car.raceNumber),
                car_class=group,
                car_model="" if car.carModel is None else str(car.carModel),
                car_name=model,
                team=car.teamName.strip() or next((t for _, t in people if t), ""),
                drivers=tuple(n for n in names if n),
                laps=line.timing.lapCount,
                time_ms=total if 0 <= total < NO_TIME else None,
                best_lap_ms=best if 0 < (best := line.timing.bestLap) < NO_TIME else None,
                position=i + 1,
                lap_data=built(laps.get(car.carId, []), names) if car.carId is not None else (),
                driver_ids=tuple(
                    (name, player_id(d.playerId))
                    for name, d in zip(names, car.drivers, strict=True)
                    if name and d.playerId.strip()
                ),
            )
        )
    penalties = []
    disqualified: dict[str, str] = {}
    for p in [*(raw.penalties or []), *(raw.post_race_penalties or [])]:
        number = by_id.get(p.carId)
        penalty = _penalty(p, number)
        if penalty is None or number is None:
            continue  # warnings, and cars that left before the end
        penalties.append(penalty)
        if penalty.kind is PenaltyKind.DISQUALIFICATION:
            disqualified.setdefault(number, f"disqualified ({p.reason})" if p.reason else "")
    cars = [
        c.model_copy(
            update={
                "status": Status.DISQUALIFIED,
                "reason": disqualified[c.number] or "disqualified",
            }
        )
        if c.number in disqualified
        else c
        for c in cars
    ]
    check_cars(file, cars, "car.raceNumber")
    # A count, not a flag (observed -4..5; -1 is common outside races): the
    # file does not say it cost the car anything, so it is only reported.
    missing = [
        f"#{line.car.raceNumber}"
        for line in raw.sessionResult.leaderBoardLines
        if line.missingMandatoryPitstop > 0
    ]
    notes = (
        (f"missingMandatoryPitstop > 0 (check): {', '.join(missing)}",)
        if missing and kind is SessionKind.RACE
        else ()
    )
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=raw.sessionType,
        track=raw.trackName,
        cars=tuple(cars),
        penalties=tuple(penalties),
        notes=notes,
    )


def split_team(first: str, last: str) -> tuple[str, str]:
    """A driver's name, and the team some leagues append to the last name
    after a newline (``"Siv\\nTEAMname"``): the same person in every session."""
    last, _, team = last.partition("\n")
    return " ".join(f"{first} {last}".split()), " ".join(team.split())


def player_id(text: str) -> str:
    """ACC's ``playerId``: ``S`` and a Steam id, as podium keeps ids."""
    text = text.strip()
    return f"steam:{text[1:]}" if text[:1] == "S" and text[1:].isdigit() else f"acc:{text}"


def _penalty(p: _Penalty, number: str | None) -> ImportedPenalty | None:
    if number is None:
        return None
    kind = p.penalty
    # The lap tells apart two penalties of a car for the same reason.
    reason = f"{p.reason}, lap {p.violationInLap}" if p.violationInLap else p.reason
    if kind == "Disqualified":
        return ImportedPenalty(car=number, kind=PenaltyKind.DISQUALIFICATION, reason=reason)
    if kind == "PostRaceTime":
        return ImportedPenalty(
            car=number, kind=PenaltyKind.TIME, reason=reason, value=f"{p.penaltyValue} s"
        )
    if kind == "DriveThrough" or kind.startswith("StopAndGo"):
        value = (
            "drive-through" if kind == "DriveThrough" else kind.replace("StopAndGo_", "stop-go ")
        )
        return ImportedPenalty(car=number, kind=PenaltyKind.TIME, reason=reason, value=value)
    return None  # None (a warning), RemoveBestLaptime: nothing a classification shows
