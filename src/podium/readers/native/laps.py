"""Laps of a season folder: ``laps/r<round>.csv`` (the race) and
``laps/r<round>-<session>.csv`` (``sprint``, ``race2``, ``qualifying``...).

One row per lap of one car: ``entry``, ``lap``, ``driver``, ``time``,
``position``, ``elapsed``, ``s1`` .. ``sN`` (as many sector columns as the
longest lap has), ``pit_in``, ``pit_out``, ``valid``. Times are written as
timing sheets print them (``format_ms``: ``1:23.456``, ``2:03:04.567``) and
read back to the millisecond, so writing and reading are inverse.

Read only when asked (``read_laps``): loading a season for scoring never
opens ``laps/``; ``podium validate`` does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from podium.errors import InputError, Problem, Severity
from podium.model.lap_checks import check_laps, sorted_laps
from podium.model.laps import Lap
from podium.model.season import Season
from podium.model.timing import format_ms
from podium.readers.native.fields import FieldReader
from podium.readers.rows import Row, read_table, write_rows

FOLDER = "laps"
COLUMNS = ("entry", "lap", "driver", "time", "position", "elapsed")
FLAGS = ("pit_in", "pit_out", "valid")
RACE = "race"
SESSION = re.compile(r"^[a-z0-9_]+$")
"""A session name a laps file can carry: ``sprint``, ``race2``, ``qualifying``."""
_FILE = re.compile(r"^r(\d+)(?:-(?!race\.csv$)([a-z0-9_]+))?\.csv$")
"""``r9.csv`` (the race), ``r9-sprint.csv``; never ``r9-race.csv``."""
_SECTOR = re.compile(r"^s([1-9]\d?)$")


def laps_file(round_number: int, session: str = RACE) -> str:
    """``laps/r9.csv`` for the race, ``laps/r9-sprint.csv`` for another session;
    :class:`InputError` for a session name no file name can carry."""
    if SESSION.match(session) is None:
        raise InputError(
            Problem(
                f"{FOLDER}/r{round_number}-?.csv",
                None,
                "session",
                "not a session name a laps file can carry",
                expected="lowercase letters, digits and _ (race, sprint, race2, qualifying)",
                found=session,
            )
        )
    suffix = "" if session == RACE else f"-{session}"
    return f"{FOLDER}/r{round_number}{suffix}.csv"


def laps_text(laps: Sequence[Lap]) -> str:
    """One session's laps as the CSV text of its file (cars in entry order)."""
    return _laps_text(tuple(laps))


@lru_cache(maxsize=2)
def _laps_text(laps: tuple[Lap, ...]) -> str:
    # An import asks twice for the same laps (does the folder hold them? then
    # the write): 20,000 laps take a seventh of a second to format.
    ordered = sorted_laps(laps)
    width = max((len(lap.sectors_ms) for lap in ordered), default=0)
    columns = [*COLUMNS, *(f"s{n}" for n in range(1, width + 1)), *FLAGS]
    rows = [
        [
            lap.entry,
            lap.number,
            lap.driver,
            format_ms(lap.time_ms),
            lap.position,
            format_ms(lap.elapsed_ms),
            *(format_ms(s) for s in lap.sectors_ms),
            *([""] * (width - len(lap.sectors_ms))),
            "yes" if lap.pit_in else "",
            "yes" if lap.pit_out else "",
            "" if lap.valid else "no",
        ]
        for lap in ordered
    ]
    return write_rows(columns, rows)


@dataclass
class LapsReport:
    laps: tuple[Lap, ...] = ()
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def sessions(self, round_number: int) -> list[str]:
        """The sessions of a round that have laps, the race first."""
        return list(dict.fromkeys(lap.session for lap in self.laps if lap.round == round_number))


def read_laps(folder: Path | str, season: Season, round_number: int | None = None) -> LapsReport:
    """Every laps file of ``folder`` (or of one round), checked against
    ``season``; the laps in :func:`sorted_laps` order."""
    reader = _LapsReader(Path(folder))
    found: list[Lap] = []
    for number, session, relative in reader.files(season):
        if round_number is None or number == round_number:
            found += reader.parse_file(relative, season, number, session)
    return LapsReport(sorted_laps(found), reader.problems)


def parse_laps(
    text: str, file: str, season: Season, round_number: int, session: str = RACE
) -> LapsReport:
    """One session's laps from CSV text, checked as ``laps/`` files are."""
    reader = _LapsReader(Path("."))
    return LapsReport(
        sorted_laps(reader.parse(text, file, season, round_number, session)), reader.problems
    )


def load_laps(
    folder: Path | str, season: Season, round_number: int | None = None
) -> tuple[Lap, ...]:
    """:func:`read_laps`, raising :class:`InputError` on any error."""
    report = read_laps(folder, season, round_number)
    if report.errors:
        raise InputError(report.errors)
    return report.laps


class _LapsReader(FieldReader):
    def files(self, season: Season) -> list[tuple[int, str, str]]:
        found = self.round_files(
            FOLDER,
            _FILE,
            season,
            "round and session",
            expected="r<round>.csv for the race, r<round>-<session>.csv "
            "(e.g. r9.csv, r9-sprint.csv)",
        )
        return [(number, match.group(2) or RACE, relative) for number, match, relative in found]

    def parse_file(self, relative: str, season: Season, number: int, session: str) -> list[Lap]:
        loaded = self._text(relative)
        if loaded is None:
            return []
        text, name = loaded
        return self.parse(text, name, season, number, session)

    def parse(self, text: str, file: str, season: Season, number: int, session: str) -> list[Lap]:
        try:
            header, rows = read_table(text, file, required=("entry", "lap"))
        except InputError as exc:
            self.problems.extend(exc.problems)
            return []
        sectors = self._sector_columns(header, file)
        if sectors is None:
            return []
        laps: list[Lap] = []
        lines: list[int | None] = []
        for row in rows:
            lap = self._lap(row, season, number, session, sectors)
            if lap is not None:
                laps.append(lap)
                lines.append(row.line)
        self.problems += check_laps(season, laps, file, lines)
        return laps

    def _sector_columns(self, header: list[str], file: str) -> int | None:
        """How many sector columns the file has (``s1`` .. ``sN``); None on
        an unknown column."""
        width = 0
        for column in header:
            sector = _SECTOR.match(column)
            if sector is not None:
                width = max(width, int(sector.group(1)))
            elif column and column not in (*COLUMNS, *FLAGS):
                self.problems.append(
                    Problem(
                        file,
                        1,
                        column,
                        "unknown column",
                        expected=", ".join((*COLUMNS, "s1", "s2", "s3", "...", *FLAGS)),
                        found=column,
                    )
                )
                return None
        return width

    def _lap(self, row: Row, season: Season, number: int, session: str, width: int) -> Lap | None:
        before = len(self.problems)
        entry = row.get("entry")
        if not entry:
            self._error(row, "entry", "no entry", expected="an entry key of entries.csv")
        elif entry not in season.entries_by_key:
            self._error(
                row, "entry", "unknown entry", expected="an entry key of entries.csv", found=entry
            )
        lap = self._int(row, "lap", 1)
        if lap is None and not row.get("lap"):
            self._error(row, "lap", "no lap number", expected="a whole number >= 1")
        driver = row.get("driver")
        if driver:
            canonical = season.driver_name(driver)
            if canonical is None:
                self._error(
                    row,
                    "driver",
                    "unknown driver",
                    expected="a name or alias in drivers.csv",
                    found=driver,
                )
            driver = canonical or driver
        time_ms = self._ms(row, "time")
        elapsed_ms = self._ms(row, "elapsed")
        sectors = tuple(self._ms(row, f"s{n}") for n in range(1, width + 1))
        while sectors and sectors[-1] is None:
            sectors = sectors[:-1]
        position = self._int(row, "position", 1)
        pit_in, pit_out = self._flag(row, "pit_in"), self._flag(row, "pit_out")
        valid = self._valid(row)
        if len(self.problems) > before or lap is None:
            return None
        return Lap(
            number,
            session,
            entry,
            lap,
            time_ms,
            position,
            elapsed_ms,
            sectors,
            pit_in,
            pit_out,
            valid,
            driver,
        )

    def _valid(self, row: Row) -> bool:
        """``no`` (or ``false``, ``0``) for a lap the timing struck out; blank is valid."""
        text = row.get("valid").casefold()
        if text in ("", "yes", "true", "1"):
            return True
        if text not in ("no", "false", "0"):
            self._error(row, "valid", "not a yes/no value", expected="no or blank", found=text)
        return False
