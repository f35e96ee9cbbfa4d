"""Entries and crews of a season folder (entries.csv, crews.csv)."""

from __future__ import annotations

from podium.model import (
    Aspiration,
    CarSpec,
    CrewMember,
    Engine,
    Entry,
    Season,
)
from podium.readers.native import schema
from podium.readers.native.fields import FieldReader, split_list
from podium.readers.rows import Row


class EntryReader(FieldReader):
    def _entries(self, season: Season) -> tuple[Entry, ...]:
        championship_ids = {c.id for c in season.rules.championships}
        grouped: dict[str, list[Row]] = {}
        for row in self._rows(
            "entries.csv", schema.ENTRIES, ("entry", "class", "team", "chassis"), must_exist=True
        ):
            grouped.setdefault(row.get("entry"), []).append(row)
        crews: dict[str, list[CrewMember]] = {}
        for row in self._rows("crews.csv", schema.CREWS, ("entry", "driver", "rounds")):
            key = row.get("entry")
            if key not in grouped:
                self._error(
                    row, "entry", "unknown entry", expected="an entry key of entries.csv", found=key
                )
                continue
            driver = season.driver_name(row.get("driver"))
            if driver is None:
                self._error(
                    row,
                    "driver",
                    "unknown driver",
                    expected="a name or alias in drivers.csv",
                    found=row.get("driver"),
                )
                continue
            rounds = self._round_set(row, "rounds")
            crews.setdefault(key, []).append(CrewMember(driver, rounds, row.get("source")))

        entries = []
        for key, rows in grouped.items():
            first = rows[0]
            if not key:
                self._error(first, "entry", "entry key is empty", expected="a key such as 38")
                continue
            for row in rows[1:]:
                for column in ("class", "team", "car_no"):
                    if row.get(column) != first.get(column):
                        self._error(
                            row,
                            column,
                            f"entry {key!r} changes {column} between rows",
                            expected=first.get(column),
                            found=row.get(column),
                        )
            team = season.team_name(first.get("team"))
            if team is None:
                self._error(
                    first,
                    "team",
                    "unknown team",
                    expected="a name or alias in teams.csv",
                    found=first.get("team"),
                )
                team = first.get("team")
            championships = None
            if first.get("championships"):
                championships = frozenset(split_list(first.get("championships")))
                unknown = sorted(championships - championship_ids)
                if unknown:
                    self._error(
                        first,
                        "championships",
                        "unknown championship",
                        expected=" or ".join(sorted(championship_ids)),
                        found=unknown[0],
                    )
            cars = tuple(self._car(row) for row in rows)
            entries.append(
                Entry(
                    key=key,
                    class_code=first.get("class"),
                    team=team,
                    cars=cars,
                    car_no=first.get("car_no") or None,
                    entrant=first.get("entrant"),
                    tyres=first.get("tyres"),
                    championships=championships,
                    crew=tuple(crews.get(key, ())),
                    source=first.get("source"),
                    confidence=first.get("confidence"),
                )
            )
            self.where[("entry", key)] = (first.file, first.line)
        return tuple(entries)

    def _car(self, row: Row) -> CarSpec:
        aspiration = None
        if row.get("aspiration"):
            aspiration = self._enum(row, "aspiration", Aspiration, "aspiration")
        brakes_text = row.get("carbon_brakes").lower()
        brakes = None
        if brakes_text:
            if brakes_text not in ("true", "false"):
                self._error(
                    row,
                    "carbon_brakes",
                    "not a yes/no value",
                    expected="true or false",
                    found=brakes_text,
                )
            brakes = brakes_text == "true"
        engine = Engine(row.get("engine"), self._float(row, "displacement_l"), aspiration)
        return CarSpec(
            row.get("chassis"),
            engine,
            self._round_set(row, "car_rounds"),
            self._int(row, "weight_kg", 1),
            brakes,
            make=row.get("make"),
        )
