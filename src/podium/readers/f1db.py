"""Importer for the F1DB export (races.csv, results.csv, driver_standings.csv,
constructor_standings.csv; data/f1/FORMAT.md).

``load_f1_seasons`` builds one :class:`Season` per year from the race results
and the season's rules file in ``podium/datasets/f1/rules/``. It never reads
the ``points`` column: podium scores from positions and rules. The published
tables (``load_f1_published``) are only for comparison.

Modelling: one class ``F1``; a car is one result line whose drivers are its
first row's driver plus the ``shared_car`` rows after it; the constructor is
``constructor_id/engine_id``; sprints are a second session of the round.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from podium.errors import InputError, Problem
from podium.model import (
    CarClass,
    CarSpec,
    Engine,
    Entry,
    ResultLine,
    Round,
    Season,
    Series,
    Status,
)
from podium.model.published import PublishedRow, PublishedTables
from podium.readers.rows import Row, read_rows
from podium.rules.numbers import exact_number
from podium.rules.schema import Ruleset

CLASS = "F1"
SERIES = Series("FIA Formula One World Championship", "F1", "FIA")

_RACES = ("year", "round", "date", "official_name", "circuit_id", "completed")
_RESULTS = (
    "year",
    "round",
    "session",
    "position_order",
    "position",
    "position_text",
    "driver_id",
    "constructor_id",
    "engine_id",
    "car_number",
    "shared_car",
    "laps",
    "fastest_lap",
)
_STANDINGS = ("year", "after_round", "position_order", "position_text", "points")
_STATUS = {
    "DNF": Status.RETIRED,
    "NC": Status.NOT_CLASSIFIED,
    "DSQ": Status.DISQUALIFIED,
    "EX": Status.DISQUALIFIED,
    "DNS": Status.DID_NOT_START,
    "DNQ": Status.DID_NOT_START,
    "DNPQ": Status.DID_NOT_START,
    "DNP": Status.DID_NOT_START,
}


def constructor_key(constructor_id: str, engine_id: str) -> str:
    """A constructor as F1 ranks it: chassis + engine (Cooper-Climax is not Cooper-Maserati)."""
    return f"{constructor_id}/{engine_id}"


def load_f1_seasons(
    data_dir: Path,
    years: Iterable[int] | None = None,
    rules: dict[int, Ruleset] | None = None,
) -> dict[int, Season]:
    """Every season in ``data_dir`` (or those in ``years``), scored by the bundled
    rules unless ``rules`` gives a year its own. Raises InputError naming file,
    line and field on bad input."""
    from podium.datasets.f1 import rules_for

    wanted = set(years) if years is not None else None
    rounds = _read_rounds(data_dir / "races.csv", wanted)
    lines = _read_results(data_dir / "results.csv", wanted)
    seasons: dict[int, Season] = {}
    for year in sorted(set(rounds) | set(lines)):
        held = {line.round for line in lines.get(year, [])}
        calendar = tuple(r for r in rounds.get(year, []) if r.number in held)
        missing = sorted(held - {r.number for r in calendar})
        if missing:
            raise InputError(
                Problem(
                    "results.csv",
                    None,
                    "round",
                    f"{year} round {missing[0]} has results but no line in races.csv",
                    expected="a races.csv row per round",
                    found=f"round {missing[0]}",
                )
            )
        season_rules = (rules or {}).get(year) or rules_for(year)
        seasons[year] = _season(year, season_rules, calendar, lines.get(year, []))
    return seasons


def _season(
    year: int, rules: Ruleset, rounds: tuple[Round, ...], lines: list[ResultLine]
) -> Season:
    entries: dict[str, Entry] = {}
    for line in lines:
        key = line.entry or ""
        if key not in entries:
            team, _, number = key.partition("#")
            entries[key] = Entry(
                key=key,
                class_code=CLASS,
                team=team,
                cars=(CarSpec(team.split("/")[0], Engine(team.split("/")[-1])),),
                car_no=number or None,
            )
    return Season(
        id=f"f1-{year}",
        series=SERIES,
        year=year,
        rules=rules,
        classes=(CarClass(CLASS, "Formula One"),),
        circuits=(),
        rounds=rounds,
        teams=(),
        drivers=(),
        entries=tuple(entries.values()),
        results=tuple(lines),
        name=f"{year} Formula One World Championship",
    )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            Problem(path.name, None, "(file)", "file not found", expected=str(path))
        ) from None


def _int(row: Row, column: str, *, blank_ok: bool = False) -> int | None:
    text = row.get(column)
    if not text and blank_ok:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError(
            row.problem(
                column, "not a whole number", expected="a whole number", found=text or "nothing"
            )
        ) from None


def _year_of(row: Row, wanted: set[int] | None) -> int | None:
    year = _int(row, "year")
    return year if wanted is None or year in wanted else None


def _read_rounds(path: Path, wanted: set[int] | None) -> dict[int, list[Round]]:
    out: dict[int, list[Round]] = defaultdict(list)
    for row in read_rows(_read(path), path.name, required=_RACES):
        year = _year_of(row, wanted)
        if year is None or row.get("completed") == "0":
            continue
        number = _int(row, "round")
        assert number is not None
        out[year].append(
            Round(
                number=number,
                name=row.get("official_name"),
                circuit=row.get("circuit_id"),
                short_name=row.get("grand_prix_id") or row.get("circuit_id"),
            )
        )
    return out


def _status(row: Row) -> tuple[Status, int | None]:
    text = row.get("position_text")
    if text.isdigit():
        return Status.CLASSIFIED, int(text)
    status = _STATUS.get(text)
    if status is None:
        raise InputError(
            row.problem(
                "position_text",
                "unknown position code",
                expected="a number or " + ", ".join(_STATUS),
                found=text or "nothing",
            )
        )
    return status, None


def _read_results(path: Path, wanted: set[int] | None) -> dict[int, list[ResultLine]]:
    """Result lines per year; a shared car's extra driver rows join its line."""
    out: dict[int, list[ResultLine]] = defaultdict(list)
    for row in read_rows(_read(path), path.name, required=_RESULTS):
        year = _year_of(row, wanted)
        if year is None:
            continue
        number = _int(row, "round")
        assert number is not None
        session = row.get("session")
        if session not in ("race", "sprint"):
            raise InputError(
                row.problem("session", "unknown session", expected="race or sprint", found=session)
            )
        status, position = _status(row)
        driver = row.get("driver_id")
        flag = row.get("fastest_lap") == "1"
        team = constructor_key(row.get("constructor_id"), row.get("engine_id"))
        car_no = row.get("car_number")
        lines = out[year]
        if row.get("shared_car") == "1":
            if not lines or lines[-1].round != number or lines[-1].session != session:
                raise InputError(
                    row.problem(
                        "shared_car",
                        "a shared-car row must follow its car's first row",
                        expected="the car's first driver on the line before",
                        found="a shared-car row at the start of a session",
                    )
                )
            car = lines[-1]
            lines[-1] = _join(car, driver, flag)
            continue
        lines.append(
            ResultLine(
                round=number,
                class_code=CLASS,
                status=status,
                entry=f"{team}#{car_no}",
                team=team,
                overall_pos=position,
                class_pos=position,
                drivers=(driver,),
                laps=_int(row, "laps", blank_ok=True),
                reason=row.get("reason_retired") or row.get("position_text"),
                session=session,
                fastest_lap=flag,
                fastest_lap_driver=driver if flag else "",
                source=f"{path.name}:{row.line}",
            )
        )
    return out


def _join(car: ResultLine, driver: str, flag: bool) -> ResultLine:
    if flag:
        # The fastest lap of a shared car is its setter's alone.
        return replace(
            car, drivers=(*car.drivers, driver), fastest_lap=True, fastest_lap_driver=driver
        )
    return replace(car, drivers=(*car.drivers, driver))


def load_f1_published(
    data_dir: Path, years: Iterable[int] | None = None
) -> dict[int, PublishedTables]:
    """The published drivers' and constructors' tables, after every round and final."""
    wanted = set(years) if years is not None else None
    tables: dict[int, dict[str, dict[str, list[PublishedRow]]]] = defaultdict(
        lambda: {"drivers": defaultdict(list), "constructors": defaultdict(list)}
    )
    for championship, name, columns in (
        ("drivers", "driver_standings.csv", ("driver_id",)),
        ("constructors", "constructor_standings.csv", ("constructor_id", "engine_id")),
    ):
        path = data_dir / name
        for row in read_rows(_read(path), name, required=(*_STANDINGS, *columns)):
            year = _year_of(row, wanted)
            if year is None:
                continue
            competitor = (
                row.get("driver_id")
                if championship == "drivers"
                else constructor_key(row.get("constructor_id"), row.get("engine_id"))
            )
            try:
                points = exact_number(row.get("points") or "0")
            except ValueError:
                raise InputError(
                    row.problem(
                        "points", "not a number", expected="e.g. 9 or 4.5", found=row.get("points")
                    )
                ) from None
            tables[year][championship][row.get("after_round")].append(
                PublishedRow(row.get("position_text"), competitor, points, row.line)
            )
    return {
        year: PublishedTables(
            year,
            {k: tuple(v) for k, v in t["drivers"].items()},
            {k: tuple(v) for k, v in t["constructors"].items()},
        )
        for year, t in sorted(tables.items())
    }
