"""Al Kamel ``23_Analysis`` lap files (``...-race-laps.csv``): every lap of
every car, with its time, sectors, elapsed time, pit in and out and driver.

A 12-hour race is 20,000 rows, so the sheet is read by columns: the
``csv`` module's rows are transposed once and each column is converted with
``map`` (no object per row until the laps themselves). A car's laps and time
are those of its last lap, the order laps then elapsed time; the sheet
states no status. Positions at the line come from the elapsed times.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter
from typing import cast

from podium.errors import InputError, Problem
from podium.readers.alkamel import ANALYSIS, VERSION
from podium.readers.decode import sniff_text
from podium.readers.laps import places
from podium.readers.rows import MAX_WHOLE, csv_refusal, delimiter_of
from podium.readers.session import ImportedCar, ImportedLap, ImportedSession, SessionKind
from podium.readers.timing_columns import parse_times

_BY_LAP = itemgetter(0, 3)  # lap number, elapsed time
_TIME = itemgetter(1)
REQUIRED = ("NUMBER", "DRIVER_NUMBER", "LAP_NUMBER", "ELAPSED", "CLASS")


def parse(data: bytes, file: str) -> ImportedSession:
    # The cyclic garbage collector is paused while 20,000 laps are built:
    # they hold no cycles, and its passes over the growing heap cost more
    # than reading the file.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _Sheet(file, sniff_text(data, file).lstrip("\ufeff")).session()
    finally:
        if paused:
            gc.enable()


class _Sheet:
    def __init__(self, file: str, text: str) -> None:
        self.file, self.text = file, text
        self._one_line_rows: bool | None = None
        delimiter = delimiter_of(text[:4096])
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = [h.strip() for h in next(reader, [])]
            rows = list(reader)
            if not all(rows):
                rows = [r for r in rows if r]
        except csv.Error as exc:
            raise csv_refusal(exc, text, file, delimiter, reader.line_num) from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(
                Problem(file, 1, missing[0], "missing column", ", ".join(REQUIRED), "")
            )
        width, self.size = len(header), len(rows)
        for i in [i for i, r in enumerate(rows) if len(r) != width]:
            if any(c.strip() for c in rows[i][width:]):
                raise InputError(
                    Problem(
                        file,
                        self.line(i),
                        "(row)",
                        "more cells than header columns",
                        f"{width} cells",
                        f"{len(rows[i])} cells",
                    )
                )
            rows[i] = (rows[i] + [""] * width)[:width]
        if not rows:
            raise InputError(Problem(file, 2, "(rows)", "no laps", "a lap per row", "nothing"))
        self.at = {name: i for i, name in enumerate(header)}
        # By columns: one transposition (in C) is cheaper than picking the
        # dozen columns used out of every row.
        self.columns: list[tuple[str, ...]] = list(zip(*rows, strict=True))

    def line(self, row: int) -> int:
        """The line a row starts on (rows are one line each unless a quoted
        cell holds a line break: then the file is read again to find it)."""
        if self._one_line_rows is None:
            self._one_line_rows = self.text.count("\n") <= self.size + 1
        if self._one_line_rows:
            return row + 2
        reader = csv.reader(io.StringIO(self.text, newline=""))
        next(reader)
        for i, _ in enumerate(reader):
            if i == row:
                return reader.line_num
        return row + 2

    def column(self, name: str) -> Sequence[str]:
        """A column's cells, taken from the rows once (only the columns used)."""
        i = self.at.get(name)
        return self.columns[i] if i is not None else ("",) * self.size

    def fail(self, row: int, field: str, message: str, expected: str) -> InputError:
        found = self.column(field)[row]
        return InputError(Problem(self.file, self.line(row), field, message, expected, found))

    def times(self, name: str) -> list[int | None]:
        return parse_times(self.column(name))

    def session(self) -> ImportedSession:
        numbers = list(map(str.strip, self.column("NUMBER")))
        laps = self._lap_numbers()
        times = [t or None for t in self.times("LAP_TIME")]
        car_of = {n: i for i, n in enumerate(dict.fromkeys(numbers))}
        cars_of = [car_of[n] for n in numbers]
        elapsed = self._read_elapsed()
        split = [self.times(f"S{n}") for n in (1, 2, 3) if f"S{n}" in self.at]
        blank = (None,) * len(split)
        sectors = [s if s != blank else () for s in zip(*split, strict=True)] or [()] * len(laps)
        # "B": the lap ended in the pit lane; a pit time: it began there.
        pit_in = list(map(bool, map(str.strip, self.column("CROSSING_FINISH_LINE_IN_PIT"))))
        pit_out = list(map(bool, map(str.strip, self.column("PIT_TIME"))))
        column = self.column("DRIVER_NAME")
        names = {x: " ".join(x.split()) for x in set(column)}
        drivers = list(map(names.__getitem__, column))
        positions = places(laps, elapsed)
        fields = (laps, times, positions, elapsed, sectors, pit_in, pit_out)
        rows = zip(*fields, [True] * len(laps), drivers, strict=True)
        built: list[ImportedLap] = list(map(tuple.__new__, repeat(ImportedLap), rows))
        by_car: list[list[int]] = [[] for _ in car_of]
        for row, car in enumerate(cars_of):
            by_car[car].append(row)
        cars = [self._car(number, by_car[i], built, drivers) for number, i in car_of.items()]
        cars.sort(key=lambda c: (-c.laps, c.time_ms or 0))
        return ImportedSession(
            format=ANALYSIS,
            importer_version=VERSION,
            kind=SessionKind.RACE,
            name="analysis",
            official=True,
            lap_chart=True,
            cars=tuple(cars),
        )

    def _read_elapsed(self) -> list[int]:
        elapsed = self.times("ELAPSED")
        if None in elapsed:
            raise self.fail(elapsed.index(None), "ELAPSED", "not a time", "h:mm:ss.sss")
        return cast(list[int], elapsed)

    def _lap_numbers(self) -> list[int]:
        column = self.column("LAP_NUMBER")
        try:
            laps = list(map(int, column))
        except ValueError:
            laps = []
        if len(laps) != len(column) or min(laps) < 1 or max(laps) > MAX_WHOLE:
            bad = next(
                i
                for i, x in enumerate(column)
                if not x.strip().isdigit() or not 1 <= int(x) <= MAX_WHOLE
            )
            raise self.fail(bad, "LAP_NUMBER", "not a lap number", f"1, 2, ... up to {MAX_WHOLE}")
        return laps

    def _car(
        self, number: str, rows: list[int], built: list[ImportedLap], drivers: list[str]
    ) -> ImportedCar:
        own = sorted(map(built.__getitem__, rows), key=_BY_LAP)
        first, last = rows[0], own[-1]
        seats: dict[str, str] = {}
        seat_of = self.column("DRIVER_NUMBER")
        for r in rows:
            seats.setdefault(seat_of[r].strip(), drivers[r])
        return ImportedCar(
            where=f"line {self.line(first)}",
            line=self.line(first),
            number=number,
            car_class=self.column("CLASS")[first].strip(),
            car_model=self.column("MANUFACTURER")[first].strip(),
            team=self.column("TEAM")[first].strip(),
            drivers=tuple(n for _, n in sorted(seats.items()) if n),
            laps=last.number,
            time_ms=last.elapsed_ms,
            best_lap_ms=min(filter(None, map(_TIME, own)), default=None),
            lap_data=tuple(own),
        )
