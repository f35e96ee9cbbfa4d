"""Classifications and qualifying of a season folder (results/, qualifying/)."""

from __future__ import annotations

import re
from dataclasses import replace

from podium.model import (
    QualifyingLine,
    ResultLine,
    Season,
    Status,
)
from podium.readers.native import schema
from podium.readers.native.fields import FieldReader, split_list
from podium.readers.rows import Row

_ROUND_FILE = re.compile(r"^r?(\d+)\.csv$", re.IGNORECASE)


class ResultReader(FieldReader):
    def _round_files(self, folder: str, season: Season) -> list[tuple[int, str]]:
        found = self.round_files(
            folder, _ROUND_FILE, season, "round", expected="r<round>.csv, e.g. r9.csv"
        )
        return sorted((number, relative) for number, _, relative in found)

    def _resolve(self, row: Row, season: Season, number: int, class_code: str) -> str | None:
        """Entry key of a results or qualifying row (None: the car is not known)."""
        key = row.get("entry")
        car_no = row.get("car_no")
        if key:
            entry = season.entries_by_key.get(key)
            if entry is None:
                self._error(
                    row, "entry", "unknown entry", expected="an entry key of entries.csv", found=key
                )
                return None
            if car_no and entry.car_no != car_no:
                self._error(
                    row,
                    "car_no",
                    f"does not match entry {key!r}",
                    expected=entry.car_no or "",
                    found=car_no,
                )
            return key
        if not car_no:
            return None
        same_number = [e for e in season.entries if e.car_no == car_no]
        if not same_number:
            self._error(
                row,
                "car_no",
                "unknown car number",
                expected=f"a car of entries.csv entered in round {number}",
                found=car_no,
            )
            return None
        in_class = [e for e in same_number if e.class_code == class_code]
        if not in_class:
            self._error(
                row,
                "class",
                f"class mismatch for car #{car_no}",
                expected=same_number[0].class_code,
                found=class_code,
            )
            return None
        return in_class[0].key

    def _results(self, season: Season) -> tuple[ResultLine, ...]:
        lines: list[ResultLine] = []
        class_codes = {c.code for c in season.classes}
        for number, relative in self._round_files("results", season):
            parsed: list[tuple[Row, ResultLine]] = []
            for row in self._rows(relative, schema.RESULTS, ("class", "status")):
                line = self._result(row, season, number, class_codes)
                if line is not None:
                    parsed.append((row, line))
            for row, line in derive_class_positions(parsed):
                lines.append(line)
                self.where[("result", id(line))] = (row.file, row.line)
        return tuple(lines)

    def _result(
        self, row: Row, season: Season, number: int, class_codes: set[str]
    ) -> ResultLine | None:
        class_code = row.get("class")
        if class_code not in class_codes:
            self._error(
                row,
                "class",
                "unknown class",
                expected=" or ".join(sorted(class_codes)),
                found=class_code,
            )
            return None
        status = self._enum(row, "status", Status, "status")
        if status is None:
            return None
        before = len(self.problems)
        key = self._resolve(row, season, number, class_code)
        if len(self.problems) > before:
            return None  # the row's car is wrong; checking it further would only echo that
        team = row.get("team")
        if team and season.team_name(team) is None:
            self._error(
                row, "team", "unknown team", expected="a name or alias in teams.csv", found=team
            )
        elif team:
            team = season.team_name(team) or team
        if key is not None and not team:
            team = season.entries_by_key[key].team
        drivers = []
        named = split_list(row.get("drivers"), schema.DRIVER_SEPARATOR)
        for name in named:
            canonical = season.driver_name(name)
            if canonical is None:
                self._error(
                    row,
                    "drivers",
                    "unknown driver",
                    expected="a name or alias in drivers.csv",
                    found=name,
                )
                continue
            drivers.append(canonical)
        drive_times = self._times(row, "drive_times") or ()
        if len(drivers) < len(named):
            drive_times = ()  # a driver is unknown (said above): no count to check the times by
        fastest = row.get("fastest_lap").lower()
        return ResultLine(
            round=number,
            class_code=class_code,
            status=status,
            entry=key,
            team=team,
            overall_pos=self._int(row, "overall_pos", 1),
            class_pos=self._int(row, "class_pos", 1),
            drivers=tuple(drivers),
            car=row.get("car"),
            laps=self._int(row, "laps", 0),
            time=row.get("time"),
            gap=row.get("gap"),
            reason=row.get("reason"),
            laps_led=self._int(row, "laps_led", 0),
            entrant=row.get("entrant"),
            session=row.get("session") or "race",
            fastest_lap=fastest in ("1", "true", "yes"),
            source=row.get("source"),
            drive_times=drive_times,
        )

    def _qualifying(self, season: Season) -> tuple[QualifyingLine, ...]:
        lines = []
        for number, relative in self._round_files("qualifying", season):
            for row in self._rows(relative, schema.QUALIFYING, ("class",)):
                key = self._resolve(row, season, number, row.get("class"))
                if key is None:
                    if not row.get("car_no") and not row.get("entry"):
                        self._error(
                            row,
                            "car_no",
                            "qualifying line names no car",
                            expected="car_no or entry",
                        )
                    continue
                line = QualifyingLine(
                    number,
                    key,
                    row.get("class"),
                    self._int(row, "position", 1),
                    self._int(row, "class_position", 1),
                    self._int(row, "grid", 1),
                    row.get("driver"),
                    row.get("time"),
                    row.get("note"),
                    row.get("source"),
                )
                self.where[("qualifying", id(line))] = (row.file, row.line)
                lines.append(line)
        return tuple(lines)


def derive_class_positions(parsed: list[tuple[Row, ResultLine]]) -> list[tuple[Row, ResultLine]]:
    """Fill a classified car's class position from the overall order when the
    file leaves it blank (Al Kamel sheets print only the overall position)."""
    ordered = sorted(
        (p for p in parsed if p[1].classified and p[1].class_pos is None and p[1].overall_pos),
        key=lambda p: p[1].overall_pos or 0,
    )
    if not ordered:
        return parsed
    taken: dict[tuple[str, str], set[int]] = {}
    for _, line in parsed:
        if line.class_pos is not None:
            taken.setdefault((line.session, line.class_code), set()).add(line.class_pos)
    derived: dict[int, ResultLine] = {}
    for _, line in ordered:
        used = taken.setdefault((line.session, line.class_code), set())
        position = 1
        while position in used:
            position += 1
        used.add(position)
        derived[id(line)] = replace(line, class_pos=position)
    return [(row, derived.get(id(line), line)) for row, line in parsed]
