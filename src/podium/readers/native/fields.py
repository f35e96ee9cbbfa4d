"""Reading one season folder's files: text, CSV rows and typed fields,
collecting every problem with its file, line and field."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from podium.errors import InputError, Problem
from podium.model import (
    RoundSet,
    Season,
    parse_round_set,
)
from podium.model.checks import Locations
from podium.model.timing import parse_duration
from podium.readers.native.schema import DRIVER_SEPARATOR
from podium.readers.rows import MAX_WHOLE, Row, read_rows

E = TypeVar("E", bound=StrEnum)


class FieldReader:
    """Reads the files of one season folder and collects problems."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []
        self.where: Locations = {}

    # -- plumbing -------------------------------------------------------

    def round_files(
        self, folder: str, pattern: re.Pattern[str], season: Season, what: str, expected: str
    ) -> list[tuple[int, re.Match[str], str]]:
        """The CSV files of ``folder`` named for a round of the season by
        ``pattern`` (its first group is the round number): (round, match,
        path relative to the season folder). A name the pattern does not
        read, or a round season.toml lacks, is a problem; hidden files are
        not season data."""
        base = self.folder / folder
        if not base.is_dir():
            return []
        known = {r.number for r in season.rounds}
        found = []
        for path in sorted(base.iterdir()):
            if path.suffix.lower() != ".csv" or path.name.startswith("."):
                continue
            name = self._name(path)
            match = pattern.match(path.name)
            if match is None:
                self.problems.append(
                    Problem(
                        name,
                        None,
                        "(file name)",
                        f"cannot tell the {what}",
                        expected=expected,
                        found=path.name,
                    )
                )
                continue
            number = int(match.group(1))
            if number not in known:
                self.problems.append(
                    Problem(
                        name,
                        None,
                        "(file name)",
                        "no such round in season.toml",
                        expected=f"one of {sorted(known)}",
                        found=str(number),
                    )
                )
                continue
            found.append((number, match, f"{folder}/{path.name}"))
        return found

    def _name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.folder.parent))
        except ValueError:
            return str(path)

    def _text(self, relative: str, required: bool = True) -> tuple[str, str] | None:
        path = self.folder / relative
        name = self._name(path)
        if not path.is_file():
            if required:
                self.problems.append(Problem(name, None, "(file)", "required file is missing"))
            return None
        try:
            return path.read_text(encoding="utf-8-sig"), name
        except UnicodeDecodeError as exc:
            self.problems.append(
                Problem(
                    name,
                    None,
                    "(encoding)",
                    "not valid UTF-8",
                    expected="UTF-8",
                    found=str(exc.reason),
                )
            )
            return None

    def _rows(
        self,
        relative: str,
        columns: tuple[str, ...],
        required: tuple[str, ...],
        must_exist: bool = False,
    ) -> list[Row]:
        loaded = self._text(relative, required=must_exist)
        if loaded is None:
            return []
        text, name = loaded
        try:
            return list(read_rows(text, name, required=required, known=columns))
        except InputError as exc:
            self.problems.extend(exc.problems)
            return []

    def _error(
        self, row: Row, column: str, message: str, expected: str = "", found: str = ""
    ) -> None:
        self.problems.append(row.problem(column, message, expected, found))

    def _int(self, row: Row, column: str, minimum: int = 0) -> int | None:
        text = row.get(column)
        if not text:
            return None
        try:
            value = int(text)
        except ValueError:
            self._error(
                row,
                column,
                "not a whole number",
                expected=f"a whole number >= {minimum}",
                found=repr(text),
            )
            return None
        if not minimum <= value <= MAX_WHOLE:
            self._error(
                row,
                column,
                "out of range",
                expected=f"a whole number from {minimum} to {MAX_WHOLE}",
                found=text[:20],
            )
            return None
        return value

    def _float(self, row: Row, column: str) -> float | None:
        text = row.get(column)
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            self._error(
                row, column, "not a number", expected="a number such as 3.6", found=repr(text)
            )
            return None

    def _ms(self, row: Row, column: str) -> int | None:
        """A time (``1:23.456``, ``83.456``) in whole milliseconds; None when blank."""
        text = row.get(column)
        if not text:
            return None
        return self._time(row, column, text, "a time such as 1:23.456")

    def _times(self, row: Row, column: str) -> tuple[int, ...] | None:
        """Times separated by `` / `` (``3:01:22.500 / 2:58:37.500``), each in
        whole milliseconds: () when blank, None when one of them is not a time
        (the problem is recorded)."""
        text = row.get(column)
        if not text:
            return ()
        times = []
        expected = "times such as 3:01:22.500 / 2:58:37.500"
        for part in text.split(DRIVER_SEPARATOR.strip()):
            part = part.strip()
            if not part:
                self._error(row, column, "a time is missing", expected=expected, found=repr(text))
                return None
            ms = self._time(row, column, part, expected)
            if ms is None:
                return None
            times.append(ms)
        return tuple(times)

    def _time(self, row: Row, column: str, text: str, expected: str) -> int | None:
        seconds = parse_duration(text)
        if seconds is None or text.startswith("+") or text.rstrip()[-1:].isalpha():
            self._error(row, column, "not a time", expected=expected, found=repr(text))
            return None
        ms = seconds * 1000
        if ms.denominator != 1:
            self._error(
                row,
                column,
                "finer than a millisecond",
                expected="at most three decimals",
                found=text,
            )
            return None
        return int(ms)

    def _flag(self, row: Row, column: str) -> bool:
        """``yes``/``true``/``1`` or blank (``no``/``false``/``0``)."""
        text = row.get(column).casefold()
        if text in ("yes", "true", "1"):
            return True
        if text not in ("", "no", "false", "0"):
            self._error(row, column, "not a yes/no value", expected="yes or blank", found=text)
        return False

    # -- files ----------------------------------------------------------

    def _round_set(self, row: Row, column: str) -> RoundSet:
        try:
            return parse_round_set(row.get(column))
        except ValueError as exc:
            self._error(
                row, column, str(exc), expected="All, 1-3, 8-9 or 8*", found=row.get(column)
            )
            return parse_round_set("")

    def _enum(self, row: Row, column: str, kind: type[E], what: str) -> E | None:
        text = row.get(column)
        try:
            return kind(text)
        except ValueError:
            expected = " or ".join(k.value for k in kind)
            self._error(row, column, f"unknown {what}", expected=expected, found=text)
            return None


def split_list(text: str, separator: str = ";") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator.strip()) if part.strip())
