"""A round's laps (``RoundLaps``): per car its class, drivers and every lap,
with what the laps imply (the car's place in its class at the end of each
lap, its gap to the class leader). Laps are not part of a ``Season``: a
folder's come from ``laps/`` (``folder_laps``), a repository's from
``Repository.laps``; ``put_season_laps`` stores a folder's in a repository.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from podium.app.answer import JSON, Answer
from podium.app.repository import Repository
from podium.app.season import ScoredSeason
from podium.errors import NotFound
from podium.model.calendar import Round
from podium.model.lap_checks import entry_order
from podium.model.laps import Lap
from podium.model.results import ResultLine
from podium.model.season import Season

RACE = "race"


@dataclass(frozen=True, slots=True)
class CarLap(Answer):
    """One lap, with the car's place in its class at the line and its gap
    to the class leader (who crossed the line first at the end of that lap)."""

    lap: Lap
    class_position: int | None
    gap_ms: int | None

    def to_json(self) -> JSON:
        lap = self.lap
        return {
            "lap": lap.number,
            "driver": lap.driver,
            "time_ms": lap.time_ms,
            "position": lap.position,
            "class_position": self.class_position,
            "elapsed_ms": lap.elapsed_ms,
            "gap_ms": self.gap_ms,
            "sectors_ms": list(lap.sectors_ms),
            "pit_in": lap.pit_in,
            "pit_out": lap.pit_out,
            "valid": lap.valid,
        }


@dataclass(frozen=True, slots=True)
class CarLaps(Answer):
    entry: str
    car_no: str | None
    class_code: str
    team: str
    drivers: tuple[str, ...]
    laps: tuple[CarLap, ...]

    @property
    def label(self) -> str:
        return f"#{self.car_no}" if self.car_no else self.entry

    def to_json(self) -> JSON:
        return {
            "entry": self.entry,
            "car_no": self.car_no,
            "class": self.class_code,
            "team": self.team,
            "drivers": list(self.drivers),
            "laps": [lap.to_json() for lap in self.laps],
        }


@dataclass(frozen=True, slots=True)
class RoundLaps(Answer):
    """One session's laps of a round, car by car in results order."""

    season_id: str
    round: Round
    session: str
    sessions: tuple[str, ...]
    """Every session of the round that has laps, the race first."""
    cars: tuple[CarLaps, ...]
    class_codes: tuple[str, ...] = ()
    """The classes of the cars, in the season's order."""

    @property
    def title(self) -> str:
        rnd = self.round
        return f"Round {rnd.number}: {rnd.name}, {rnd.circuit} - {self.session} laps"

    @property
    def notes(self) -> tuple[str, ...]:
        if self.cars:
            return ()
        others = f" (laps recorded: {', '.join(self.sessions)})" if self.sessions else ""
        return (f"No {self.session} laps recorded for round {self.round.number}{others}.",)

    def of_class(self, code: str) -> tuple[CarLaps, ...]:
        return tuple(c for c in self.cars if c.class_code == code)

    def to_json(self) -> JSON:
        rnd = self.round
        return {
            "season": self.season_id,
            "round": rnd.number,
            "name": rnd.name,
            "session": self.session,
            "sessions": list(self.sessions),
            "cars": [c.to_json() for c in self.cars],
        }


def round_laps(
    scored: ScoredSeason,
    round_number: int,
    laps: Sequence[Lap],
    session: str = RACE,
    car: str | None = None,
) -> RoundLaps:
    """The laps of ``session`` of round ``round_number`` among ``laps`` (a
    round's laps, any session), car by car; ``car``: only that car (its
    number or entry key), placed against the whole field (NotFound when the
    session has laps but none of that car)."""
    season = scored.season
    rnd = season.round(round_number)
    mine = [lap for lap in laps if lap.round == round_number]
    sessions = tuple(sorted({lap.session for lap in mine}, key=lambda s: (s != RACE, s)))
    by_car: dict[str, list[Lap]] = defaultdict(list)
    for lap in mine:
        if lap.session == session:
            by_car[lap.entry].append(lap)
    for held in by_car.values():
        held.sort(key=lambda lap: lap.number)
    lines = {line.entry: line for line in _results_order(season, round_number, session)}
    order = [key for key in lines if key in by_car]
    order += sorted((key for key in by_car if key not in lines), key=entry_order)
    classes = {key: _class_of(season, key, lines.get(key)) for key in order}
    derived = _places_and_gaps(by_car, classes)
    cars = tuple(
        _car(season, key, classes[key], lines.get(key), by_car[key], derived) for key in order
    )
    if car is not None and cars:
        wanted = tuple(c for c in cars if car in (c.car_no, c.entry))
        if not wanted:
            known = ", ".join(c.label for c in cars) or "none"
            raise NotFound(
                f"no car {car!r} in the {session} laps of round {round_number} (cars: {known})"
            )
        cars = wanted
    order_of = {c.code: i for i, c in enumerate(season.classes)}
    codes = sorted({c.class_code for c in cars}, key=lambda code: (order_of.get(code, 99), code))
    return RoundLaps(season.id, rnd, session, sessions, cars, tuple(codes))


def _results_order(season: Season, number: int, session: str) -> list[ResultLine]:
    def key(r: ResultLine) -> tuple[int, int, int]:
        return (r.overall_pos is None, r.overall_pos or 0, -(r.laps or 0))

    lines = [r for r in season.results_of(number, session) if r.entry]
    return sorted(lines, key=key)


def _class_of(season: Season, key: str, line: ResultLine | None) -> str:
    if line is not None:
        return line.class_code
    entry = season.entries_by_key.get(key)
    return entry.class_code if entry else ""


def _car(
    season: Season,
    key: str,
    class_code: str,
    line: ResultLine | None,
    laps: list[Lap],
    derived: dict[tuple[str, int], tuple[int | None, int | None]],
) -> CarLaps:
    entry = season.entries_by_key.get(key)
    drivers = (
        line.drivers
        if line and line.drivers
        else tuple(dict.fromkeys(lap.driver for lap in laps if lap.driver))
    )
    team = (line.team if line else "") or (entry.team if entry else "")
    return CarLaps(
        key,
        entry.car_no if entry else None,
        class_code,
        team,
        drivers,
        tuple(CarLap(lap, *derived[key, lap.number]) for lap in laps),
    )


def _places_and_gaps(
    by_car: dict[str, list[Lap]], classes: dict[str, str]
) -> dict[tuple[str, int], tuple[int | None, int | None]]:
    """(entry, lap) -> (place in class at the end of the lap, gap to the
    class leader in ms). Cars are placed by their overall position at the
    line, or by elapsed time where the file gives no position."""
    crossing: dict[tuple[str, int], list[Lap]] = defaultdict(list)
    for key, laps in by_car.items():
        for lap in laps:
            crossing[classes[key], lap.number].append(lap)
    out: dict[tuple[str, int], tuple[int | None, int | None]] = {}
    for laps in crossing.values():
        placed = sorted(
            (lap for lap in laps if lap.position is not None or lap.elapsed_ms is not None),
            key=lambda lap: (
                lap.position is None,
                lap.position or 0,
                lap.elapsed_ms is None,
                lap.elapsed_ms or 0,
            ),
        )
        place = {lap.entry: n for n, lap in enumerate(placed, start=1)}
        leader = min((lap.elapsed_ms for lap in laps if lap.elapsed_ms is not None), default=None)
        for lap in laps:
            gap = None if lap.elapsed_ms is None or leader is None else lap.elapsed_ms - leader
            out[lap.entry, lap.number] = (place.get(lap.entry), gap)
    return out


# -- laps kept in a folder, stored in a repository ------------------------------


def folder_laps(
    path: str | Path | None, season: Season, round_number: int | None = None
) -> tuple[Lap, ...]:
    """The laps of the season folder ``path`` (None or ``alms-2004``: the
    built-in season, which has none), of one round or all; raises
    :class:`~podium.errors.InputError` naming every problem of ``laps/``."""
    from podium.datasets import builtin_folder
    from podium.readers.native.laps import load_laps

    folder = builtin_folder(path) or Path(str(path))
    return load_laps(folder, season, round_number)


def put_season_laps(
    repo: Repository, season_id: str, laps: Sequence[Lap], actor: str, reason: str
) -> list[tuple[int, str]]:
    """Store ``laps`` (any rounds and sessions) in ``repo``, session by
    session; the (round, session) whose laps changed. Sessions the laps do
    not cover keep what the repository holds."""
    sessions: dict[tuple[int, str], list[Lap]] = defaultdict(list)
    for lap in laps:
        sessions[lap.round, lap.session].append(lap)
    return [
        (number, session)
        for (number, session), held in sessions.items()
        if repo.put_laps(season_id, number, session, held, actor, reason)
    ]
