"""The ``laps`` array of an ACC results file: ``{carId, driverIndex,
laptime, isValidForBest, splits}`` per lap, in the order they were driven.

Read by hand, not through a pydantic model: an 8-hour race has 11,000 laps,
and a model per lap cost ten times the rest of the file. Every value is
still checked, and a wrong one is refused with its JSON path.
"""

from __future__ import annotations

from typing import Any

from podium.errors import InputError, Problem
from podium.readers.session import ImportedLap

NO_TIME = 2147483647

# (driver index, lap number, time, sectors, valid for best) of one car's lap
RawLap = tuple[int, int, int | None, tuple[int | None, ...], bool]


def read_laps(value: Any, file: str, struck: set[tuple[int, int]]) -> dict[int, list[RawLap]]:
    """Each car's laps by ``carId``; ``struck`` are (carId, lap) a
    ``RemoveBestLaptime`` penalty took away (the lap was cut: invalid)."""
    laps = value.get("laps") if isinstance(value, dict) else None
    if laps is None:
        return {}
    if not isinstance(laps, list):
        raise _bad(file, "$.laps", "a list", laps)
    out: dict[int, list[RawLap]] = {}
    for i, lap in enumerate(laps):
        if not isinstance(lap, dict):
            raise _bad(file, f"$.laps[{i}]", "an object", lap)
        car = _int(lap, "carId", file, i)
        time = _int(lap, "laptime", file, i, 0)
        driver = _int(lap, "driverIndex", file, i, 0)
        valid = lap.get("isValidForBest", True)
        splits = lap.get("splits", [])
        if not isinstance(valid, bool):
            raise _bad(file, f"$.laps[{i}].isValidForBest", "true or false", valid)
        if not isinstance(splits, list) or not all(type(t) is int for t in splits):
            raise _bad(file, f"$.laps[{i}].splits", "a list of whole numbers", splits)
        own = out.setdefault(car, [])
        number = len(own) + 1
        own.append(
            (
                driver,
                number,
                time if 0 < time < NO_TIME else None,
                tuple(t if 0 < t < NO_TIME else None for t in splits),
                valid and (car, number) not in struck,
            )
        )
    return out


def built(raw: list[RawLap], names: list[str]) -> tuple[ImportedLap, ...]:
    """The laps of one car, each with who drove it (``names`` by index)."""
    return tuple(
        ImportedLap(
            number,
            time,
            None,
            None,
            sectors,
            False,
            False,
            valid,
            names[driver] if 0 <= driver < len(names) else "",
        )
        for driver, number, time, sectors, valid in raw
    )


def _int(lap: dict[str, Any], field: str, file: str, i: int, default: int | None = None) -> int:
    value = lap.get(field, default)
    if type(value) is not int:
        raise _bad(file, f"$.laps[{i}].{field}", "a whole number", value)
    return value


def _bad(file: str, path: str, expected: str, found: Any) -> InputError:
    shown = type(found).__name__ if isinstance(found, dict | list) else repr(found)
    return InputError(Problem(file, None, path, "wrong type", expected, shown[:60]))
