"""What importing one session into one round would do to a season.

:func:`plan_import` maps the file's classes, cars, drivers and teams onto the
season and returns an :class:`ImportPlan`: the round's new classification,
the entries, drivers and teams to add, the penalties, the fuzzy matches made
(with their scores) and every problem that blocks applying it. Nothing here
reads or writes files.
"""

from __future__ import annotations

import re

from podium.errors import InputError, Problem
from podium.imports.config import ImportConfig
from podium.imports.diff import Change, diff_grid, diff_round
from podium.imports.extras import laps_of, served_penalties
from podium.imports.outcome import QUALIFYING, ImportPlan
from podium.imports.people import People, problem
from podium.model import (
    CarSpec,
    CrewMember,
    Engine,
    Entry,
    QualifyingLine,
    ResultLine,
    Season,
    Status,
    parse_round_set,
)
from podium.model.timing import format_ms
from podium.readers.session import ImportedCar, ImportedSession, SessionKind

_NON_COMPETITOR = re.compile(r"\b(safety|medical|pace|course|doctor)[\s_-]*car\b", re.I)


def non_competitor(car: ImportedCar) -> bool:
    """A safety car, medical car or pace car in the entry list of a server."""
    names = [*car.drivers, car.team, car.car_name]
    return any(_NON_COMPETITOR.search(n) for n in names if n)


def plan_import(
    season: Season,
    session: ImportedSession,
    round_number: int,
    file: str,
    config: ImportConfig | None = None,
    create_entries: bool = False,
    source: str = "",
    session_name: str = "race",
) -> ImportPlan:
    """Map ``session`` onto round ``round_number`` of ``season``: a race
    session as the round's session ``session_name`` (``race``, ``sprint``,
    ``race2``...), a qualifying session as the round's qualifying."""
    if session.kind is SessionKind.PRACTICE:
        raise InputError(
            Problem(
                file,
                None,
                "session",
                f"this file holds a {session.kind.value} session ({session.name}); "
                "a round's results come from a race or its qualifying",
                expected="a race or qualifying session",
                found=session.kind.value,
            )
        )
    season.round(round_number)
    name = QUALIFYING if session.kind is SessionKind.QUALIFYING else session_name
    # A lap chart states no session type: it may hold a qualifying's laps.
    if session.kind is SessionKind.RACE and name == QUALIFYING and not session.lap_chart:
        raise InputError(
            Problem(
                file,
                None,
                "session",
                "a race cannot be imported as the qualifying session",
                expected="race, sprint, race2, ...",
                found=name,
            )
        )
    return Planner(
        season, session, round_number, file, config or ImportConfig(), create_entries, source, name
    ).plan()


class Planner:
    def __init__(
        self,
        season: Season,
        session: ImportedSession,
        round_number: int,
        file: str,
        config: ImportConfig,
        create: bool,
        source: str,
        session_name: str = "race",
    ) -> None:
        self.season = season
        self.session = session
        self.config = config
        self.create = create
        self.source = source or f"import {session.format} {file}"
        self.out = ImportPlan(round_number, file, session_name)
        self.people = People(season, config, create, self.source, self.out)
        self.keys = {e.key for e in season.entries}
        self.entry_of: dict[int, Entry] = {}
        self.used: dict[str, ImportedCar] = {}
        self.cars = [c for c in session.cars if not non_competitor(c)]
        for car in session.cars:
            if non_competitor(car):
                self.out.notes.append(
                    f"left out {car.label} ({', '.join(car.drivers) or car.team}): "
                    "not a competitor (a safety, medical or pace car)"
                )

    def plan(self) -> ImportPlan:
        classes = self._classes()
        if self.out.problems:
            return self.out
        for index, car in enumerate(self.cars):
            entry = self._entry(car, classes[car.car_class, car.car_model])
            if entry is not None:
                self.entry_of[index] = entry
        if not self.out.problems:
            held = tuple(q for q in self.season.qualifying if q.round == self.out.round)
            if self.out.is_qualifying and self.session.lap_chart and held:
                self.out.qualifying = held  # the official grid stays; laps only
                self.out.notes.append("a lap chart: its laps are imported, the grid is kept")
            elif self.out.is_qualifying:
                self.out.qualifying = tuple(self._grid(classes))
            elif self.session.lap_chart and self._classified():
                # A lap chart next to the official classification: its laps
                # only; the classification (statuses, decisions) stays.
                self.out.lines = self._classified()
                self.out.notes.append(
                    "a lap chart: its laps are imported, the round's classification is kept"
                )
            else:
                self.out.lines = tuple(self._lines(classes))
                served_penalties(
                    self.out,
                    self.cars,
                    self.entry_of,
                    self.session.penalties,
                    self.season.penalties,
                    self.source,
                )
            self.out.laps = tuple(
                laps_of(self.cars, self.entry_of, self.people, self.out.round, self.out.session)
            )
            self._diff()
        return self.out

    # -- classes ---------------------------------------------------------

    def _classes(self) -> dict[tuple[str, str], str]:
        codes = {c.code.casefold(): c.code for c in self.season.classes}
        found: dict[tuple[str, str], str] = {}
        unmapped: dict[str, ImportedCar] = {}
        """Each file class without a season class, with its first car (its line)."""
        for car in self.cars:
            target = (
                self.config.car_models.get(car.car_model)
                or self.config.classes.get(car.car_class)
                or car.car_class
            )
            code = codes.get(target.casefold())
            if code is None:
                unmapped.setdefault(car.car_class, car)
            else:
                found[car.car_class, car.car_model] = code
        for name, first in unmapped.items():
            self._problem(
                first,
                "class",
                "file class has no season class (map it in import.toml [classes])",
                " or ".join(c.code for c in self.season.classes),
                name or "(no class)",
            )
        return found

    # -- cars and people --------------------------------------------------

    def _entry(self, car: ImportedCar, code: str) -> Entry | None:
        """The entry a car of the file is: by number in its class (a number
        may be used in another class too), by driver where a number is used
        twice or the file has none. Two cars of the file are never one entry."""
        names = {n for d in car.drivers if (n := self.people.driver(d, record=False, car=car))}
        if car.number:
            candidates = [
                e for e in self.season.entries if e.car_no == car.number and e.class_code == code
            ]
            if len(candidates) > 1:
                candidates = [e for e in candidates if names & {m.driver for m in e.crew}]
        else:
            candidates = [e for e in self.season.entries if names & {m.driver for m in e.crew}]
            candidates = [e for e in candidates if e.class_code == code] or candidates
        candidates = [e for e in candidates if e.key not in self.used]
        if len(candidates) > 1:
            self._problem(
                car,
                "car",
                f"ambiguous car: {car.label} in {code} could be "
                + " or ".join(e.key for e in candidates)
                + " (their crews do not tell)",
                "one entry",
                ", ".join(e.key for e in candidates),
            )
            return None
        if candidates:
            entry = candidates[0]
            if entry.class_code != code:
                self._problem(
                    car, "class", f"class mismatch for {car.label}", entry.class_code, code
                )
                return None
            self.used[entry.key] = car
            self._crew(entry, car, new=False)
            return entry
        if not self.create:
            elsewhere = sorted(
                e.class_code
                for e in self.season.entries
                if car.number and e.car_no == car.number and e.class_code != code
            )
            hint = f" (#{car.number} is a car of {', '.join(elsewhere)})" if elsewhere else ""
            self._problem(
                car,
                "car",
                f"unknown car in {code}{hint}: add it to entries.csv or use --create-entries",
                "a car of entries.csv",
                f"{car.label} {code} {car.team or '/'.join(car.drivers)}".strip(),
            )
            return None
        entry = self._new_entry(car, code)
        self.used[entry.key] = car
        return entry

    def _new_entry(self, car: ImportedCar, code: str) -> Entry:
        base = car.number or _slug(car.drivers[0] if car.drivers else car.where)
        key = base if base not in self.keys else f"{base}-{_slug(code)}"
        while key in self.keys:
            key += "x"
        self.keys.add(key)
        team = self.people.team(car.team or (car.drivers[0] if car.drivers else key), car)
        name = car.car_name or car.car_model or "unknown"
        entry = Entry(
            key=key,
            class_code=code,
            team=team,
            cars=(CarSpec(name, Engine(""), make=self.config.make_of(name)),),
            car_no=car.number,
            source=self.source,
        )
        self.out.new_entries.append(entry)
        self.out.changes.append(Change("new entry", car.label, f"{code} {team}"))
        self._crew(entry, car, new=True)
        return entry

    def _crew(self, entry: Entry, car: ImportedCar, new: bool) -> None:
        added = self.out.crew_added.setdefault(entry.key, [])
        for given in car.drivers:
            name = self.people.driver(given, car=car)
            if name is None:
                continue
            entered = any(
                m.driver == name and m.rounds.covers(self.out.round) for m in (*entry.crew, *added)
            )
            if entered or (not new and not entry.crew):
                continue  # entries without a crew list accept any driver
            regular = [m.rounds.text for m in entry.crew if m.driver == name]
            if not new and not regular and not self.create:
                crew = sorted({m.driver for m in entry.crew})
                self._problem(
                    car,
                    "drivers",
                    f"{name} has not driven {entry.label} before (add them to crews.csv "
                    "or use --create-entries)",
                    f"a driver of {entry.label}: {', '.join(crew)}",
                    name,
                )
                continue
            added.append(CrewMember(name, parse_round_set(str(self.out.round)), self.source))
            if not new:  # a regular keeps their seat; a newcomer is said
                rounds = ", ".join(regular)
                word = "round" if rounds.isdigit() else "rounds"
                said = f"{name} (drove it in {word} {rounds})" if regular else f"{name} (new)"
                self.out.changes.append(Change("crew", car.label, said))

    def _problem(
        self, car: ImportedCar | None, field: str, message: str, expected: str, found: str
    ) -> None:
        problem(self.out, car, field, message, expected, found)

    # -- lines, penalties, diff --------------------------------------------

    def _lines(self, classes: dict[tuple[str, str], str]) -> list[ResultLine]:
        lines = []
        overall = 0
        in_class: dict[str, int] = {}
        for index, car in enumerate(self.cars):
            entry = self.entry_of[index]
            status = car.race_status
            code = classes[car.car_class, car.car_model]
            overall_pos = class_pos = None
            if status not in (Status.DISQUALIFIED, Status.DID_NOT_START):
                overall += 1
                overall_pos = overall
            if status is Status.CLASSIFIED:
                in_class[code] = class_pos = in_class.get(code, 0) + 1
            drivers = tuple(
                n for d in car.drivers if (n := self.people.driver(d, record=False, car=car))
            )
            lines.append(
                ResultLine(
                    round=self.out.round,
                    class_code=code,
                    status=status,
                    entry=entry.key,
                    team=entry.team,
                    overall_pos=overall_pos,
                    class_pos=class_pos,
                    drivers=drivers,
                    car=car.car_name or car.car_model,
                    laps=car.laps,
                    time=format_ms(car.time_ms),
                    reason=car.reason,
                    session=self.out.session,
                    source=self.source,
                )
            )
        return lines

    def _classified(self) -> tuple[ResultLine, ...]:
        return self.season.results_of(self.out.round, self.out.session)

    def _grid(self, classes: dict[tuple[str, str], str]) -> list[QualifyingLine]:
        """Qualifying positions in the file's order (overall and in class)."""
        out: list[QualifyingLine] = []
        in_class: dict[str, int] = {}
        for index, car in enumerate(self.cars):
            entry = self.entry_of[index]
            code = classes[car.car_class, car.car_model]
            timed = car.best_lap_ms is not None or (car.laps > 0 and car.time_ms is not None)
            position = class_position = None
            if timed and car.status in (None, Status.CLASSIFIED):
                position = len([q for q in out if q.position]) + 1
                in_class[code] = class_position = in_class.get(code, 0) + 1
            drivers = [
                n for d in car.drivers if (n := self.people.driver(d, record=False, car=car))
            ]
            out.append(
                QualifyingLine(
                    round=self.out.round,
                    entry=entry.key,
                    class_code=code,
                    position=position,
                    class_position=class_position,
                    driver=drivers[0] if len(drivers) == 1 else "",
                    time=format_ms(car.best_lap_ms),
                    source=self.source,
                )
            )
        return out

    def _diff(self) -> None:
        labels = {e.key: e.label for e in (*self.season.entries, *self.out.new_entries)}
        if self.out.is_qualifying:
            self.out.changes += diff_grid(
                [q for q in self.season.qualifying if q.round == self.out.round],
                self.out.qualifying,
                labels,
            )
            return
        self.out.changes += diff_round(
            self.season.results_of(self.out.round, self.out.session), self.out.lines, labels
        )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "car"
