"""Read a native season folder into a :class:`Season`, collecting every
problem with its file, line and field instead of stopping at the first."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from podium.errors import InputError, Problem, RulesError, Severity
from podium.formats.csvio import Row, read_rows
from podium.formats.native import schema
from podium.formats.native.season_file import SeasonFile
from podium.model import (
    Aspiration,
    CarClass,
    CarSpec,
    Circuit,
    CrewMember,
    Driver,
    Engine,
    Entry,
    Penalty,
    PenaltyKind,
    PointsAdjustment,
    PublishedStanding,
    PublishedWinner,
    QualifyingLine,
    ResultLine,
    Round,
    Season,
    Series,
    Status,
    Team,
    TechnicalRules,
    parse_points,
    parse_round_set,
)
from podium.model.checks import Locations, check_season
from podium.rules import Ruleset, parse_rules
from podium.rules.load import locate_key

_ROUND_FILE = re.compile(r"^r?(\d+)\.csv$", re.IGNORECASE)


@dataclass
class ReadReport:
    season: Season | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return self.season is not None and not self.errors


def load_season(folder: Path | str) -> Season:
    """The season in ``folder``; raise :class:`InputError` listing every error."""
    report = read_season(folder)
    if not report.ok or report.season is None:
        raise InputError(report.errors or [Problem(str(folder), None, "", "not a season folder")])
    return report.season


def read_season(folder: Path | str) -> ReadReport:
    return _Reader(Path(folder)).read()


class _Reader:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.problems: list[Problem] = []
        self.where: Locations = {}

    # -- plumbing -------------------------------------------------------

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
        if value < minimum:
            self._error(
                row, column, "out of range", expected=f"a whole number >= {minimum}", found=text
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

    # -- files ----------------------------------------------------------

    def read(self) -> ReadReport:
        if not self.folder.is_dir():
            return ReadReport(None, [Problem(str(self.folder), None, "(folder)", "not a folder")])
        season_file = self._season_file()
        rules = self._rules()
        if season_file is None or rules is None:
            return ReadReport(None, self.problems)
        teams = self._teams()
        drivers = self._drivers()
        season = Season(
            id=season_file.id,
            name=season_file.name,
            notes=season_file.notes,
            series=Series(
                season_file.series.name,
                season_file.series.short_name,
                season_file.series.sanctioning_body,
            ),
            year=season_file.year,
            rules=rules,
            classes=tuple(
                CarClass(
                    c.code,
                    c.name,
                    c.description,
                    TechnicalRules(
                        c.min_weight_kg,
                        c.engine_na_max_l,
                        c.engine_turbo_max_l,
                        c.carbon_brakes_allowed,
                    ),
                    c.source,
                )
                for c in season_file.classes
            ),
            circuits=tuple(
                Circuit(c.name, c.length_km, c.length_mi, c.turns, c.location, c.source)
                for c in season_file.circuits
            ),
            rounds=tuple(
                Round(
                    r.number,
                    r.name,
                    r.circuit,
                    r.date,
                    r.duration,
                    r.scale,
                    r.status,
                    r.short_name,
                    r.source,
                )
                for r in season_file.rounds
            ),
            teams=teams,
            drivers=drivers,
            entries=(),
        )
        entries = self._entries(season)
        season = _with(season, entries=entries)
        season = _with(season, results=self._results(season))
        season = _with(
            season,
            qualifying=self._qualifying(season),
            penalties=self._penalties(season),
            adjustments=self._adjustments(season),
            published=self._published(season),
            published_winners=self._published_winners(),
        )
        self.problems.extend(check_season(season, self.where))
        return ReadReport(season, self.problems)

    def _season_file(self) -> SeasonFile | None:
        loaded = self._text("season.toml")
        if loaded is None:
            return None
        text, name = loaded
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"at line (\d+)", str(exc))
            self.problems.append(
                Problem(
                    name, int(line.group(1)) if line else None, "(syntax)", f"not valid TOML: {exc}"
                )
            )
            return None
        try:
            return SeasonFile.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                path = tuple(str(p) for p in error["loc"])
                found = (
                    "" if isinstance(error.get("input"), dict | list) else repr(error.get("input"))
                )
                message = "unknown key" if error["type"] == "extra_forbidden" else str(error["msg"])
                self.problems.append(
                    Problem(name, locate_key(text, path), ".".join(path), message, found=found)
                )
            return None

    def _rules(self) -> Ruleset | None:
        loaded = self._text("rules.toml")
        if loaded is None:
            return None
        text, name = loaded
        try:
            return parse_rules(text, name)
        except RulesError as exc:
            self.problems.extend(exc.problems)
            return None

    def _teams(self) -> tuple[Team, ...]:
        teams = []
        for row in self._rows("teams.csv", schema.TEAMS, ("name",), must_exist=True):
            teams.append(
                Team(
                    row.get("name"),
                    _split(row.get("aliases")),
                    row.get("nationality"),
                    row.get("source"),
                )
            )
            self.where[("team", row.get("name"))] = (row.file, row.line)
        return tuple(teams)

    def _drivers(self) -> tuple[Driver, ...]:
        drivers = []
        for row in self._rows("drivers.csv", schema.DRIVERS, ("name",), must_exist=True):
            drivers.append(
                Driver(
                    row.get("name"),
                    row.get("nationality"),
                    _split(row.get("aliases")),
                    row.get("source"),
                )
            )
            self.where[("driver", row.get("name"))] = (row.file, row.line)
        return tuple(drivers)

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
                championships = frozenset(_split(first.get("championships")))
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
        aspiration_text = row.get("aspiration")
        aspiration = None
        if aspiration_text:
            try:
                aspiration = Aspiration(aspiration_text)
            except ValueError:
                self._error(
                    row,
                    "aspiration",
                    "unknown aspiration",
                    expected="na or turbo",
                    found=aspiration_text,
                )
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
        )

    def _round_set(self, row: Row, column: str):  # type: ignore[no-untyped-def]
        try:
            return parse_round_set(row.get(column))
        except ValueError as exc:
            self._error(
                row, column, str(exc), expected="All, 1-3, 8-9 or 8*", found=row.get(column)
            )
            return parse_round_set("")

    def _round_files(self, folder: str, season: Season) -> list[tuple[int, str]]:
        base = self.folder / folder
        if not base.is_dir():
            return []
        known = {r.number for r in season.rounds}
        found = []
        for path in sorted(base.iterdir()):
            if path.suffix.lower() != ".csv":
                continue
            match = _ROUND_FILE.match(path.name)
            name = self._name(path)
            if match is None:
                self.problems.append(
                    Problem(
                        name,
                        None,
                        "(file name)",
                        "cannot tell the round",
                        expected="r<round>.csv, e.g. r9.csv",
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
            found.append((number, f"{folder}/{path.name}"))
        return sorted(found)

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
            for row, line in _derive_class_positions(parsed):
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
        try:
            status = Status(row.get("status"))
        except ValueError:
            self._error(
                row,
                "status",
                "unknown status",
                expected=" or ".join(s.value for s in Status),
                found=row.get("status"),
            )
            return None
        key = self._resolve(row, season, number, class_code)
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
        for name in _split(row.get("drivers"), schema.DRIVER_SEPARATOR):
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
                lines.append(line)
        return tuple(lines)

    def _penalties(self, season: Season) -> tuple[Penalty, ...]:
        out = []
        for row in self._rows("penalties.csv", schema.PENALTIES, ("round", "kind", "reason")):
            number = self._int(row, "round", 1)
            try:
                kind = PenaltyKind(row.get("kind"))
            except ValueError:
                self._error(
                    row,
                    "kind",
                    "unknown penalty kind",
                    expected=" or ".join(k.value for k in PenaltyKind),
                    found=row.get("kind"),
                )
                continue
            if number is None:
                continue
            class_code = ""
            if row.get("car_no"):
                matches = [e for e in season.entries if e.car_no == row.get("car_no")]
                class_code = matches[0].class_code if matches else ""
            key = self._resolve(row, season, number, class_code)
            if key is None:
                continue
            out.append(
                Penalty(
                    number,
                    key,
                    kind,
                    row.get("reason"),
                    row.get("value"),
                    row.get("championship"),
                    row.get("source"),
                )
            )
        return tuple(out)

    def _adjustments(self, season: Season) -> tuple[PointsAdjustment, ...]:
        out = []
        for row in self._rows(
            "adjustments.csv",
            schema.ADJUSTMENTS,
            ("championship", "competitor", "points", "reason"),
        ):
            try:
                points = parse_points(row.get("points"))
            except (ValueError, ZeroDivisionError):
                self._error(
                    row,
                    "points",
                    "not a number",
                    expected="e.g. -15 or 4.5",
                    found=row.get("points"),
                )
                continue
            out.append(
                PointsAdjustment(
                    row.get("championship"),
                    row.get("class"),
                    row.get("competitor"),
                    points,
                    row.get("reason"),
                    self._int(row, "round", 1),
                    row.get("source"),
                )
            )
        return tuple(out)

    def _published(self, season: Season) -> tuple[PublishedStanding, ...]:
        base = self.folder / "published"
        if not base.is_dir():
            return ()
        ids = {c.id for c in season.rules.championships}
        out: list[PublishedStanding] = []
        for path in sorted(base.glob("*.csv")):
            if path.stem == "winners":
                continue
            relative = f"published/{path.name}"
            if path.stem not in ids:
                self.problems.append(
                    Problem(
                        self._name(path),
                        None,
                        "(file name)",
                        "no such championship in rules.toml",
                        expected=" or ".join(sorted(ids)),
                        found=path.stem,
                    )
                )
                continue
            loaded = self._text(relative)
            if loaded is None:
                continue
            try:
                rows = list(read_rows(*loaded, required=("pos", "total")))
            except InputError as exc:
                self.problems.extend(exc.problems)
                continue
            for row in rows:
                name_column = next((c for c in ("team", "driver", "name") if c in row.values), "")
                if not name_column:
                    self._error(
                        row,
                        "name",
                        "published table has no name column",
                        expected="team, driver or name",
                    )
                    break
                rounds = sorted(
                    (c for c in row.values if re.fullmatch(r"r\d+", c)), key=lambda c: int(c[1:])
                )
                out.append(
                    PublishedStanding(
                        path.stem,
                        row.get("class"),
                        row.get("pos"),
                        row.get(name_column),
                        tuple(row.get(c) for c in rounds),
                        row.get("total"),
                        row.get("chassis"),
                        row.get("engine"),
                        row.line,
                    )
                )
        return tuple(out)

    def _published_winners(self) -> tuple[PublishedWinner, ...]:
        rows = self._rows(
            "published/winners.csv",
            ("round", "class", "car_no", "team", "drivers"),
            ("round", "class", "car_no", "team", "drivers"),
        )
        out = []
        for row in rows:
            number = self._int(row, "round", 1)
            if number is None:
                continue
            out.append(
                PublishedWinner(
                    number,
                    row.get("class"),
                    row.get("car_no"),
                    row.get("team"),
                    _split(row.get("drivers"), "/"),
                    row.line,
                )
            )
        return tuple(out)


def _derive_class_positions(parsed: list[tuple[Row, ResultLine]]) -> list[tuple[Row, ResultLine]]:
    """Fill a classified car's class position from the overall order when the
    file leaves it blank (Al Kamel sheets print only the overall position)."""
    from dataclasses import replace

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


def _split(text: str, separator: str = ";") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator.strip()) if part.strip())


def _with(season: Season, **changes: object) -> Season:
    from dataclasses import replace

    return replace(season, **changes)  # type: ignore[arg-type]


def read_results(text: str, file: str, season: Season, round_number: int) -> tuple[ResultLine, ...]:
    """One round's classification from results-CSV text (an upload), parsed
    exactly as ``results/rN.csv`` in a folder; raise :class:`InputError` with
    every problem (file, line, field) and return nothing on any error."""
    season.round(round_number)
    reader = _Reader(Path("."))
    try:
        rows = list(read_rows(text, file, required=("class", "status"), known=schema.RESULTS))
    except InputError as exc:
        raise InputError(exc.problems) from None
    class_codes = {c.code for c in season.classes}
    parsed = []
    for row in rows:
        line = reader._result(row, season, round_number, class_codes)
        if line is not None:
            parsed.append((row, line))
    if not rows:
        reader.problems.append(Problem(file, None, "(rows)", "no result lines", "one line per car"))
    if reader.problems:
        raise InputError(reader.problems)
    return tuple(line for _, line in _derive_class_positions(parsed))
