"""Read a native season folder into a :class:`Season`, collecting every
problem with its file, line and field instead of stopping at the first."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from podium.errors import InputError, Problem, RulesError, Severity
from podium.model import (
    CarClass,
    Circuit,
    Driver,
    ResultLine,
    Round,
    Season,
    Series,
    Team,
    TechnicalRules,
)
from podium.model.checks import check_season
from podium.readers.native import schema
from podium.readers.native.fields import split_list
from podium.readers.native.folder_journal import FolderJournalError, reading
from podium.readers.native.read_entries import EntryReader
from podium.readers.native.read_extras import ExtraReader
from podium.readers.native.read_results import derive_class_positions
from podium.readers.native.season_file import SeasonFile
from podium.readers.rows import read_rows
from podium.rules import Ruleset, parse_rules
from podium.rules.load import locate_key
from podium.rules.toml_text import parse_toml
from podium.scoring.stewards import decision_problems


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
    path = Path(folder)
    try:
        with reading(path):  # a change a killed process left halfway is finished first
            return _Reader(path).read()
    except FolderJournalError as exc:
        return ReadReport(None, exc.problems)


def read_season_held(folder: Path) -> ReadReport:
    """``read_season`` for a writer that holds the folder (``folder_journal.writing``)."""
    return _Reader(folder).read()


class _Reader(EntryReader, ExtraReader):
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
                    tuple(r.classes),
                )
                for r in season_file.rounds
            ),
            teams=teams,
            drivers=drivers,
            entries=(),
        )
        entries = self._entries(season)
        season = replace(season, entries=entries)
        season = replace(season, results=self._results(season))
        season = replace(
            season,
            qualifying=self._qualifying(season),
            penalties=self._penalties(season),
            adjustments=self._adjustments(season),
            published=self._published(season),
            published_winners=self._published_winners(),
        )
        self.problems.extend(check_season(season, self.where))
        if not any(p.severity is Severity.ERROR for p in self.problems):
            for number, problem in decision_problems(season):
                file, line = self.where.get(("penalty", number), ("penalties.csv", 0))
                self.problems.append(replace(problem, file=file, line=line or None))
        return ReadReport(season, self.problems)

    def _season_file(self) -> SeasonFile | None:
        loaded = self._text("season.toml")
        if loaded is None:
            return None
        text, name = loaded
        try:
            data = parse_toml(text)
        except tomllib.TOMLDecodeError as exc:
            line = re.search(r"at line (\d+)", str(exc))
            self.problems.append(
                Problem(
                    name, int(line.group(1)) if line else None, "(syntax)", f"not valid TOML: {exc}"
                )
            )
            return None
        try:
            season_file = SeasonFile.model_validate(data)
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
        for table, at in zip(season_file.rounds, _classes_lines(text), strict=False):
            self.where[("round classes", table.number)] = (name, at)
        return season_file

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
                    split_list(row.get("aliases")),
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
                    split_list(row.get("aliases")),
                    row.get("source"),
                )
            )
            self.where[("driver", row.get("name"))] = (row.file, row.line)
        return tuple(drivers)


def _classes_lines(text: str) -> list[int]:
    """The line of each ``[[rounds]]`` table's ``classes`` key (of its header
    when it has none), in the file's order (tomllib keeps no positions)."""
    lines: list[int] = []
    inside = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if line.startswith("["):
            inside = line.replace(" ", "") == "[[rounds]]"
            if inside:
                lines.append(number)
        elif inside and "=" in line and line.split("=", 1)[0].strip() == "classes":
            lines[-1] = number
    return lines


_QUOTED = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def _unquoted(value: str) -> str:
    """A cell as podium wrote it before a spreadsheet-safe download quoted it
    (``render.csv_safe``: ``'=...`` for ``=...``), so a downloaded round
    uploads back unchanged."""
    return value[1:] if value.startswith(_QUOTED) else value


def read_results(text: str, file: str, season: Season, round_number: int) -> tuple[ResultLine, ...]:
    """One round's classification from results-CSV text (an upload), parsed
    and checked exactly as ``results/rN.csv`` in a folder; raise
    :class:`InputError` with every problem (file, line, field) on any error."""
    season.round(round_number)
    reader = _Reader(Path("."))
    rows = [
        replace(row, values={k: _unquoted(v) for k, v in row.values.items()})
        for row in read_rows(text, file, required=("class", "status"), known=schema.RESULTS)
    ]
    if not rows:
        raise InputError(Problem(file, None, "(rows)", "no result lines", "one line per car"))
    class_codes = {c.code for c in season.classes}
    parsed = []
    for row in rows:
        line = reader._result(row, season, round_number, class_codes)
        if line is not None:
            parsed.append((row, line))
    lines = []
    for row, line in derive_class_positions(parsed):
        lines.append(line)
        reader.where[("result", id(line))] = (file, row.line)
    candidate = season.replace_results(round_number, lines)
    problems = reader.problems + [
        p
        for p in check_season(candidate, reader.where)
        if p.file == file and p.severity is Severity.ERROR
    ]
    if not problems:  # the decisions taken stand on the new results too
        problems = [
            replace(p, file=file, field=f"stewards' decision {n}")
            for n, p in decision_problems(candidate)
            if candidate.penalties[n - 1].round == round_number
        ]
    if problems:
        raise InputError(problems)
    return tuple(lines)
