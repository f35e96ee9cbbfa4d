"""Al Kamel qualifying classification CSV (IMSA layout: ``POS``, ``NUMBER``,
``LAP``, ``TIME``, ``LAPS``, ``CLASS``, ``DRIVER1_FIRSTNAME``...).

The order is the sheet's (``POS``; a car without a time has none and comes
last): official timing, so a contradiction with the best laps is reported,
never reordered (podium.readers.order). ``TIME`` is the car's best lap,
``LAPS`` the laps it ran.
"""

from __future__ import annotations

from podium.errors import InputError, Problem
from podium.readers.alkamel import VERSION, car_of, header_of, parse_time
from podium.readers.decode import sniff_text
from podium.readers.rows import read_sheet
from podium.readers.session import ImportedSession, SessionKind, check_cars

NAME = "alkamel-qualifying"
REQUIRED = ("POS", "NUMBER", "TIME", "LAPS", "CLASS")


def sniff(data: bytes) -> bool:
    header = header_of(data)
    return set(REQUIRED) <= header and "STATUS" not in header and "ELAPSED" not in header


def parse(data: bytes, file: str) -> ImportedSession:
    header, rows = read_sheet(sniff_text(data, file), file, REQUIRED)
    cars = []
    for row in sorted(rows, key=lambda r: (r.int("POS", minimum=1) or 10**6, r.line)):
        time = row.get("TIME")
        best = parse_time(time) if time else None
        if time and not best:
            raise InputError(Problem(file, row.line, "TIME", "not a lap time", "m:ss.fff", time))
        cars.append(car_of(row, header, file, best_lap_ms=best, position=row.int("POS", minimum=1)))
    check_cars(file, cars, "NUMBER")
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=SessionKind.QUALIFYING,
        name="qualifying",
        official=True,
        cars=tuple(cars),
    )
