"""What a results file holds, before any season is involved: each session
with its classes and winners (``FileSummary``, `podium import --inspect`),
or every car of every session, laps included if asked (``FileCars``,
`--inspect --cars`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from podium.app.answer import JSON, Answer
from podium.readers.registry import ParsedFile, Parser, parse_path
from podium.readers.session import ImportedCar, ImportedLap, ImportedSession, SessionKind


@dataclass(frozen=True, slots=True)
class ClassWinnerInfo(Answer):
    number: str | None
    drivers: tuple[str, ...]
    laps: int | None


@dataclass(frozen=True, slots=True)
class ClassSummary(Answer):
    cars: int
    winner: ClassWinnerInfo | None


@dataclass(frozen=True, slots=True)
class SessionInfo(Answer):
    """One session of a file, as the dry run lists them."""

    index: int
    type: str
    name: str
    cars: int
    laps: bool
    """Whether the file has each lap of this session."""


@dataclass(frozen=True, slots=True)
class FileSummary(Answer):
    """What a results file holds: the shape ``podium import --inspect``
    prints. The summary is of the session an import takes by default (the
    last race), or the one asked for; ``sessions`` lists them all."""

    file: str
    format: str
    session: str
    session_name: str
    track: str
    cars: int
    classes: dict[str, ClassSummary]
    statuses: dict[str, int]
    penalties: int
    notes: tuple[str, ...]
    sha256: str
    sessions: tuple[SessionInfo, ...] = ()


def summary(parsed: ParsedFile, session: ImportedSession | None = None) -> FileSummary:
    chosen = session or parsed.session
    classes = {}
    for name in chosen.classes():
        winner = chosen.winner(name)
        classes[name] = ClassSummary(
            sum(1 for c in chosen.cars if c.car_class == name),
            None
            if winner is None
            else ClassWinnerInfo(winner.number, tuple(winner.drivers), winner.laps),
        )
    return FileSummary(
        parsed.path,
        parsed.importer.name,
        chosen.kind.value,
        chosen.name,
        chosen.track,
        len(chosen.cars),
        classes,
        chosen.status_counts(),
        len(chosen.penalties),
        tuple(chosen.notes),
        parsed.sha256,
        tuple(
            SessionInfo(s.index, s.kind.value, s.name, len(s.cars), s.has_laps)
            for s in parsed.sessions
        ),
    )


def inspect_file(
    path: Path,
    fmt: str | None = None,
    parser: Parser | None = None,
    trust_positions: bool = False,
    session: str | None = None,
) -> FileSummary:
    parsed = parse_path(path, fmt, parser, trust_positions)
    return summary(parsed, _one(parsed, session))


def _one(parsed: ParsedFile, which: str | None) -> ImportedSession | None:
    if which is None:
        return None
    from podium.imports.sessions import choose

    return choose(parsed.path, parsed.sessions, [which])[-1].session


@dataclass(frozen=True, slots=True)
class FileCars(Answer):
    """Every car of every session of a file (``--inspect --cars``): the
    classification podium would import, positions as podium orders them
    (see podium.readers.order), times in milliseconds."""

    parsed: ParsedFile
    sessions: tuple[ImportedSession, ...]
    laps: bool

    def to_json(self) -> JSON:
        return {
            "file": self.parsed.path,
            "format": self.parsed.importer.name,
            "sessions": [self._session(s) for s in self.sessions],
        }

    def _session(self, session: ImportedSession) -> JSON:
        in_class: dict[str, int] = {}
        cars: list[JSON] = []
        for position, car in enumerate(session.cars, start=1):
            in_class[car.car_class] = in_class.get(car.car_class, 0) + 1
            cars.append(self._car(session, car, position, in_class[car.car_class]))
        return {
            "index": session.index,
            "type": session.kind.value,
            "name": session.name,
            "track": session.track,
            "cars": cars,
            "penalties": [
                {"car": p.car, "kind": p.kind.value, "reason": p.reason, "value": p.value}
                for p in session.penalties
            ],
            "notes": list(session.notes),
        }

    def _car(
        self, session: ImportedSession, car: ImportedCar, position: int, class_position: int
    ) -> JSON:
        out: dict[str, JSON] = {
            "position": position,
            "class": car.car_class,
            "class_position": class_position,
            "number": car.number,
            "team": car.team,
            "car": car.car_name or car.car_model,
            "drivers": list(car.drivers),
            "driver_ids": dict(car.driver_ids),
            "laps": car.laps,
            "best_lap_ms": car.best_lap_ms,
            "time_ms": car.time_ms,
            "status": _status(session, car),
            "status_stated": car.status is not None,
            "reason": car.reason,
        }
        if self.laps:
            out["lap_data"] = [_lap(lap) for lap in car.lap_data]
        return out


def _status(session: ImportedSession, car: ImportedCar) -> str | None:
    """The status an import records (races only; elsewhere the file's)."""
    if session.kind is SessionKind.RACE:
        return car.race_status.value
    return car.status.value if car.status else None


def _lap(lap: ImportedLap) -> JSON:
    return {
        "lap": lap.number,
        "time_ms": lap.time_ms,
        "position": lap.position,
        "elapsed_ms": lap.elapsed_ms,
        "sectors_ms": list(lap.sectors_ms),
        "pit_in": lap.pit_in,
        "pit_out": lap.pit_out,
        "valid": lap.valid,
        "driver": lap.driver,
    }


def file_cars(
    path: Path,
    fmt: str | None = None,
    parser: Parser | None = None,
    laps: bool = False,
    trust_positions: bool = False,
    sessions: list[str] | None = None,
) -> FileCars:
    parsed = parse_path(path, fmt, parser, trust_positions)
    chosen = parsed.sessions
    if sessions:
        from podium.imports.sessions import choose

        chosen = tuple(c.session for c in choose(parsed.path, parsed.sessions, sessions))
    return FileCars(parsed, chosen, laps)
