"""Al Kamel Systems timing sheets (WEC, ELMS, IMSA): the classification CSV
in the WEC/ELMS layout (``DRIVER_1``...) and the IMSA layout
(``DRIVER1_FIRSTNAME``...), and the ``23_Analysis`` lap chart.

Status comes from the sheet: a "Not classified" car stays not classified
whatever distance it covered. The classification prints no class position;
it is the order within the class.
"""

from __future__ import annotations

import re

from podium.errors import InputError, Problem
from podium.model.results import Status
from podium.readers.decode import head_text, sniff_text
from podium.readers.rows import Row, read_sheet
from podium.readers.session import ImportedCar, ImportedSession, SessionKind, check_cars

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
_TIME = re.compile(r"^(?:(\d+):)?(\d+)[:'](\d+(?:\.\d+)?)$")


def _header(data: bytes) -> set[str]:
    first = head_text(data, 4096).split("\n", 1)[0]
    return {h.strip() for h in re.split(r"[;,]", first)}


def sniff(data: bytes) -> bool:
    return set(_REQUIRED) <= _header(data)


def sniff_analysis(data: bytes) -> bool:
    return set(_ANALYSIS_REQUIRED) <= _header(data)


def parse_time(text: str) -> int | None:
    """Milliseconds from ``4:00'04.690``, ``1:42:08.126`` or ``1'51.631``."""
    match = _TIME.match(text.strip())
    if match is None:
        return None
    hours, minutes, seconds = match.groups()
    return round(((int(hours or 0) * 60 + int(minutes)) * 60 + float(seconds)) * 1000)


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
        number = row.get("NUMBER")
        if not number:
            raise InputError(Problem(file, row.line, "NUMBER", "no car number", "a number", ""))
        cars.append(
            ImportedCar(
                where=f"line {row.line}",
                line=row.line,
                number=number,
                car_class=row.get("CLASS"),
                car_model=row.get("VEHICLE"),
                team=row.get("TEAM"),
                drivers=_drivers(row, header),
                laps=row.int("LAPS") or 0,
                time_ms=parse_time(row.get("TOTAL_TIME")),
                status=status,
            )
        )
    check_cars(file, cars, "NUMBER")
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=SessionKind.RACE,
        name="classification",
        cars=tuple(cars),
    )


def _drivers(row: Row, header: list[str]) -> tuple[str, ...]:
    names = []
    for n in range(1, 10):
        if f"DRIVER_{n}" in header:
            names.append(row.get(f"DRIVER_{n}"))
        elif f"DRIVER{n}_FIRSTNAME" in header:
            names.append(f"{row.get(f'DRIVER{n}_FIRSTNAME')} {row.get(f'DRIVER{n}_SECONDNAME')}")
    return tuple(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))


def parse_analysis(data: bytes, file: str) -> ImportedSession:
    """The lap chart: each car's last lap gives its laps and elapsed time; the
    order is laps, then elapsed time. The sheet states no status."""
    _, rows = read_sheet(sniff_text(data, file), file, _ANALYSIS_REQUIRED)
    last: dict[str, tuple[int, int, Row]] = {}
    drivers: dict[str, dict[int, str]] = {}
    for row in rows:
        number = row.get("NUMBER")
        lap = row.int("LAP_NUMBER") or 0
        elapsed = parse_time(row.get("ELAPSED"))
        if elapsed is None:
            raise InputError(
                Problem(file, row.line, "ELAPSED", "not a time", "h:mm:ss.sss", row.get("ELAPSED"))
            )
        index = row.int("DRIVER_NUMBER") or 0
        drivers.setdefault(number, {}).setdefault(index, " ".join(row.get("DRIVER_NAME").split()))
        if number not in last or (lap, -elapsed) > (last[number][0], -last[number][1]):
            last[number] = (lap, elapsed, row)
    order = sorted(last.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    cars = [
        ImportedCar(
            where=f"line {row.line}",
            line=row.line,
            number=number,
            car_class=row.get("CLASS"),
            car_model=row.get("MANUFACTURER"),
            team=row.get("TEAM"),
            drivers=tuple(n for _, n in sorted(drivers[number].items()) if n),
            laps=lap,
            time_ms=elapsed,
        )
        for number, (lap, elapsed, row) in order
    ]
    return ImportedSession(
        format=ANALYSIS,
        importer_version=VERSION,
        kind=SessionKind.RACE,
        name="analysis",
        cars=tuple(cars),
    )
