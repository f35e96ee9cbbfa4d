"""Any classification sheet (``,`` or ``;``) with a column mapping.

Columns are found by common names (``pos``, ``car``, ``laps``...) or named
with ``--columns number=Startnr,laps=Runden``. Rows are in finishing order
unless a position column says otherwise. Several driver columns are joined;
one drivers cell may separate names with ``/`` or ``;``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from podium.errors import InputError, Problem
from podium.model.results import Status
from podium.readers.decode import head_text, sniff_text
from podium.readers.rows import Row, read_sheet
from podium.readers.session import ImportedCar, ImportedSession, SessionKind, check_cars

NAME = "generic-csv"
VERSION = "1"

FIELDS = ("position", "number", "class", "team", "drivers", "car", "laps", "time", "status")
REQUIRED = ("number", "laps")
ALIASES: dict[str, tuple[str, ...]] = {
    "position": ("position", "pos", "place", "overall", "p"),
    "number": ("number", "car_no", "no", "car number", "car no", "car #", "#", "nr", "num"),
    "class": ("class", "category", "cls"),
    "team": ("team", "entrant"),
    "drivers": ("drivers", "driver", "name", "driver_1", "driver1"),
    "car": ("car", "vehicle", "model"),
    "laps": ("laps", "lap count", "lapcount"),
    "time": ("time", "total_time", "total time", "race time"),
    "status": ("status", "result"),
}
_STATUS = {
    "": None,
    "classified": Status.CLASSIFIED,
    "finished": Status.CLASSIFIED,
    "running": Status.CLASSIFIED,
    "nc": Status.NOT_CLASSIFIED,
    "not classified": Status.NOT_CLASSIFIED,
    "dnf": Status.RETIRED,
    "retired": Status.RETIRED,
    "dsq": Status.DISQUALIFIED,
    "dq": Status.DISQUALIFIED,
    "disqualified": Status.DISQUALIFIED,
    "dns": Status.DID_NOT_START,
}
_TIME = re.compile(r"^(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)$")


def sniff(data: bytes) -> bool:
    first = head_text(data, 4096).split("\n", 1)[0]
    header = {h.strip().casefold() for h in re.split(r"[;,]", first)}
    return all(header & set(ALIASES[f]) for f in REQUIRED)


def parse_columns(text: str) -> dict[str, str]:
    """``number=Startnr,laps=Runden`` as a mapping; refuses unknown fields."""
    mapping = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        field, sep, column = part.partition("=")
        if not sep or field.strip() not in FIELDS:
            raise InputError(
                Problem(
                    "--columns",
                    None,
                    field.strip(),
                    "unknown field",
                    expected=f"FIELD=COLUMN with FIELD one of {', '.join(FIELDS)}",
                    found=part,
                )
            )
        mapping[field.strip()] = column.strip()
    return mapping


def parse(data: bytes, file: str, columns: Mapping[str, str] | None = None) -> ImportedSession:
    text = sniff_text(data, file)
    header, _ = read_sheet(text.split("\n", 1)[0], file, ())
    chosen = _choose(header, dict(columns or {}))
    required = tuple(chosen.get(f, f) for f in REQUIRED)
    _, rows = read_sheet(text, file, required)
    ordered = rows
    if "position" in chosen:
        column = chosen["position"]
        ordered = sorted(rows, key=lambda r: (r.int(column, minimum=1) or 10**6, r.line))
    cars = [_car(row, chosen) for row in ordered]
    check_cars(file, cars, chosen["number"])
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=SessionKind.RACE,
        name="classification",
        cars=tuple(cars),
    )


def _choose(header: list[str], given: dict[str, str]) -> dict[str, str]:
    by_name = {h.casefold(): h for h in header if h}
    chosen = dict(given)
    for field, aliases in ALIASES.items():
        if field in chosen:
            continue
        found = next((by_name[a] for a in aliases if a in by_name), None)
        if found:
            chosen[field] = found
    return chosen


def _car(row: Row, chosen: dict[str, str]) -> ImportedCar:
    def get(field: str) -> str:
        return row.get(chosen[field]) if field in chosen else ""

    number = get("number")
    if not number:
        raise InputError(Problem(row.file, row.line, chosen["number"], "no car number", "a number"))
    status_text = get("status")
    if status_text.casefold() not in _STATUS:
        raise InputError(
            Problem(
                row.file,
                row.line,
                chosen["status"],
                "unknown status",
                expected="classified, nc, dnf, dsq, dns (or blank)",
                found=status_text,
            )
        )
    drivers = [n.strip() for n in re.split(r"\s*[/;]\s*", get("drivers")) if n.strip()]
    return ImportedCar(
        where=f"line {row.line}",
        line=row.line,
        number=number,
        car_class=get("class"),
        car_model=get("car"),
        team=get("team"),
        drivers=tuple(dict.fromkeys(drivers)),
        laps=row.int(chosen["laps"]) or 0,
        time_ms=_ms(get("time")),
        status=_STATUS[status_text.casefold()],
    )


def _ms(text: str) -> int | None:
    match = _TIME.match(text)
    if match is None:
        return None
    hours, minutes, seconds = match.groups()
    return round(((int(hours or 0) * 60 + int(minutes)) * 60 + float(seconds)) * 1000)
