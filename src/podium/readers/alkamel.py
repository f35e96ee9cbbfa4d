"""Al Kamel Systems timing sheets (WEC, ELMS, IMSA): the classification CSV
in the WEC/ELMS layout (``DRIVER_1``...) and the IMSA layout
(``DRIVER1_FIRSTNAME``...), and the ``23_Analysis`` lap chart.

Status comes from the sheet: a "Not classified" car stays not classified
whatever distance it covered. The classification prints no class position;
it is the order within the class.
"""

from __future__ import annotations

import re
from typing import Any

from podium.errors import InputError, Problem
from podium.model.results import Status
from podium.readers.decode import head_text, sniff_text
from podium.readers.rows import Row, read_sheet
from podium.readers.session import (
    ImportedCar,
    ImportedSession,
    SessionKind,
    check_cars,
)

NAME = "alkamel"
ANALYSIS = "alkamel-analysis"
VERSION = "1"

_REQUIRED = ("POSITION", "NUMBER", "STATUS", "LAPS", "CLASS")
_ANALYSIS_REQUIRED = ("NUMBER", "DRIVER_NUMBER", "LAP_NUMBER", "ELAPSED", "CLASS")
_STATUS = {
    "classified": Status.CLASSIFIED,
    "not classified": Status.NOT_CLASSIFIED,
    "not started": Status.DID_NOT_START,
    "dns": Status.DID_NOT_START,
    "dnf": Status.RETIRED,
    "retired": Status.RETIRED,
    "dsq": Status.DISQUALIFIED,
    "disqualified": Status.DISQUALIFIED,
    "excluded": Status.DISQUALIFIED,
}


def header_of(data: bytes) -> set[str]:
    first = head_text(data, 4096).split("\n", 1)[0]
    return {h.strip() for h in re.split(r"[;,]", first)}


def sniff(data: bytes) -> bool:
    return set(_REQUIRED) <= header_of(data)


def sniff_analysis(data: bytes) -> bool:
    return set(_ANALYSIS_REQUIRED) <= header_of(data)


MAX_HOURS = 100_000
MAX_MINUTES = 60 * MAX_HOURS


def parse_time(text: str) -> int | None:
    """Milliseconds from ``4:00'04.690``, ``1:42:08.126``, ``1'51.631`` or
    ``31.381`` (a sector); None when blank or not a time. Split, not a
    regular expression: a lap file has 100,000 of these."""
    rest, colon, tail = text.replace("'", ":").rpartition(":")
    try:
        seconds = float(tail)
        if not colon:
            return round(seconds * 1000) if 0 <= seconds < 1e6 else None
        head, colon, minutes_text = rest.rpartition(":")
        minutes, hours = int(minutes_text), int(head) if colon else 0
    except ValueError:
        return None
    if not 0 <= seconds < 60 or not 0 <= minutes < MAX_MINUTES or not 0 <= hours < MAX_HOURS:
        return None  # a 400-digit hour count is no time (and no float)
    return round(((hours * 60 + minutes) * 60 + seconds) * 1000)


def parse(data: bytes, file: str) -> ImportedSession:
    header, rows = read_sheet(sniff_text(data, file), file, _REQUIRED)
    cars = []
    for row in sorted(rows, key=lambda r: (r.int("POSITION", minimum=1) or 10**6, r.line)):
        status_text = row.get("STATUS")
        status = _STATUS.get(status_text.casefold())
        if status is None:
            raise InputError(
                Problem(
                    file,
                    row.line,
                    "STATUS",
                    "unknown status",
                    expected="Classified, Not classified, Not started, DNF or DSQ",
                    found=status_text or "nothing",
                )
            )
        cars.append(
            car_of(
                row,
                header,
                file,
                time_ms=parse_time(row.get("TOTAL_TIME")),
                best_lap_ms=parse_time(row.get("FL_TIME")) or None,
                status=status,
            )
        )
    check_cars(file, cars, "NUMBER")
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=SessionKind.RACE,
        name="classification",
        official=True,
        cars=tuple(cars),
    )


def car_of(row: Row, header: list[str], file: str, **sheet: Any) -> ImportedCar:
    """A car's line as every Al Kamel classification prints it (number,
    class, vehicle, team, drivers, laps); ``sheet``: what this sheet adds."""
    number = row.get("NUMBER")
    if not number:
        raise InputError(Problem(file, row.line, "NUMBER", "no car number", "a number", ""))
    return ImportedCar(
        where=f"line {row.line}",
        line=row.line,
        number=number,
        car_class=row.get("CLASS"),
        car_model=row.get("VEHICLE"),
        team=row.get("TEAM"),
        drivers=drivers_of(row, header),
        laps=row.int("LAPS") or 0,
        **sheet,
    )


def drivers_of(row: Row, header: list[str]) -> tuple[str, ...]:
    """The car's drivers: `DRIVER_1`... (WEC, ELMS) or `DRIVER1_FIRSTNAME`... (IMSA)."""
    names = []
    for n in range(1, 10):
        if f"DRIVER_{n}" in header:
            names.append(row.get(f"DRIVER_{n}"))
        elif f"DRIVER{n}_FIRSTNAME" in header:
            names.append(f"{row.get(f'DRIVER{n}_FIRSTNAME')} {row.get(f'DRIVER{n}_SECONDNAME')}")
    return tuple(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))
