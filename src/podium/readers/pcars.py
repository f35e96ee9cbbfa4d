"""Project CARS 1 / 2 and Automobilista 2 dedicated-server stats JSON.

The server's ``sms_stats`` addon keeps ``sms_stats_data.json``: ``//``
comment lines, then ``stats.history``, one entry per lobby, whose ``stages``
(``practice1``, ``qualifying``, ``warmup``, ``race1``...) hold ``events``
(laps, state changes, cuts, impacts) and ``results`` (the server's order at
the end of the stage). Raw shape: podium.readers.pcars_raw.

- Sessions: every stage somebody drove in, history entries in the file's
  order, the stages of one entry by ``start_time`` (the addon writes them
  alphabetically: ``warmup`` after ``race1``). Empty stages are left out.
- Cars: one per participant id of the stage that has events or a result
  row; the name is the one the stage's events give, else the connection's
  (``members``, by refid), else ``participants``; cars without any name (an
  AI slot) are left out. In practice and qualifying a driver who reconnected
  (one name, several ids) is one car: the connection with the best lap
  (noted). Steam ids: the connection's ``steamid``, else the same name's in
  the file (other lobbies, ``stats.players``).
- Order: the ``results`` rows (``RacePosition`` is the printed position),
  then cars with events and no row (the addon leaves some out).
- Laps: lap events, numbered by the game's counter (``Lap`` + 1). A lap
  started from the garage does not advance the counter: the next lap with
  that number replaces it. A number with no event is a lap without a time.
  Valid: ``CountThisLapTimes``; pit in: the lap after ``EnteringPits``; pit
  out: the lap after ``ExitingPits`` from the garage or after a pit-in lap.
- Races: time ``TotalTime``, or without a row the sum of the car's laps when
  every lap has a time; a total time shorter than the car's laps at its best
  lap is impossible (the server left a lap out of it): not used, noted.
  Status: the row's ``State`` (Finished, DNF, Retired, Disqualified), else
  the state events (Finished, Retired, Disqualified: a race whose stage
  never ended has no rows but has them); none when neither says.
- The file names vehicles and tracks by id only. Their names are in the
  game's tables, which podium does not ship (Simresults ships three, for
  PC1, PC2 and AMS2): ``car_model`` is the ``VehicleId``, the class
  ``pcars-<VehicleId>`` (map it to a season class), the track the ``TrackId``.
"""

from __future__ import annotations

import re
from collections import Counter

from podium.errors import InputError, Problem
from podium.model.timing import format_ms
from podium.readers.decode import head_text
from podium.readers.pcars_events import Run, clean, lap_data, runs, status
from podium.readers.pcars_raw import History, Stage, StatsFile, load
from podium.readers.rawjson import validate
from podium.readers.session import (
    MAX_MS,
    ImportedCar,
    ImportedLap,
    ImportedSession,
    SessionKind,
    session_kind,
)

NAME = "pcars"
VERSION = "1"
_SNIFF = re.compile(r'"stats"\s*:\s*\{\s*"history"\s*:')


def sniff(data: bytes) -> bool:
    return _SNIFF.search(head_text(data)) is not None


def parse(data: bytes, file: str) -> tuple[ImportedSession, ...]:
    raw = validate(StatsFile, load(data, file), file)
    steam = _steam_ids(raw)
    sessions = []
    for h, history in enumerate(raw.stats.history):
        for key, stage in sorted(history.stages.items(), key=lambda kv: kv[1].start_time):
            base = f"$.stats.history[{h}].stages.{key}"
            session = _session(file, base, key, stage, history, steam)
            if session.cars:
                sessions.append(session)
    if not sessions:
        raise InputError(
            Problem(
                file,
                None,
                "$.stats.history",
                "no session with drivers",
                expected="a stage with lap events or results",
                found=f"{len(raw.stats.history)} history entries without",
            )
        )
    return tuple(sessions)


def _session(
    file: str, base: str, key: str, stage: Stage, history: History, steam: dict[str, str]
) -> ImportedSession:
    kind = session_kind(key) or SessionKind.PRACTICE
    ordered = sorted(runs(file, base, stage).values(), key=lambda r: (r.result is None, r.row))
    cars, notes = [], []
    for run in ordered:
        car, note = _car(run, kind, history, steam)
        if car is not None:
            cars.append(car)
        notes += note
    if kind is not SessionKind.RACE:
        cars, notes = _one_per_driver(cars), notes + _reconnected(cars)
    track = history.setup.TrackId
    return ImportedSession(
        format=NAME,
        importer_version=VERSION,
        kind=kind,
        name=key,
        track="" if track is None else str(track),
        cars=tuple(cars),
        notes=tuple(notes),
    )


def _car(
    run: Run, kind: SessionKind, history: History, steam: dict[str, str]
) -> tuple[ImportedCar | None, list[str]]:
    member = history.members.get(str(run.refid))
    if member is None or member.participantid != run.pid:
        member = next((m for m in history.members.values() if m.participantid == run.pid), None)
    entry = history.participants.get(str(run.pid))
    name = run.name or clean(member.name if member else "") or clean(entry.Name if entry else "")
    if not name:
        return None, []
    laps = lap_data(run, name)
    row = run.result.attributes if run.result else None
    vehicle = next(
        (
            v
            for v in (
                row.VehicleId if row else None,
                member.setup.VehicleId if member else None,
                entry.VehicleId if entry else None,
            )
            if v is not None
        ),
        None,
    )
    count = max(row.Lap if row else 0, laps[-1].number if laps else 0)
    valid = [lap.time_ms for lap in laps if lap.valid and lap.time_ms]
    best = _ms(row.FastestLapTime) if row else None
    best = best or min(valid, default=None)
    time, notes = _race_time(kind, name, count, laps, _ms(row.TotalTime) if row else None)
    own = str(member.steamid).strip() if member and clean(member.name) == name else ""
    steam_id = own if own.isdigit() else steam.get(name, "")
    car = ImportedCar(
        where=run.where,
        car_class=f"pcars-{vehicle}" if vehicle is not None else "pcars-unknown",
        car_model="" if vehicle is None else str(vehicle),
        drivers=(name,),
        laps=count,
        time_ms=time,
        best_lap_ms=best,
        status=status(kind, run),
        position=row.RacePosition if row and row.RacePosition > 0 else None,
        lap_data=laps,
        driver_ids=((name, f"steam:{steam_id}"),) if steam_id else (),
    )
    return car, notes


def _race_time(
    kind: SessionKind, name: str, laps: int, lap_data: tuple[ImportedLap, ...], total: int | None
) -> tuple[int | None, list[str]]:
    if kind is not SessionKind.RACE:
        return None, []
    times = [lap.time_ms for lap in lap_data]
    if total is None:
        complete = bool(times) and len(times) == laps and all(times)
        return (sum(t for t in times if t) if complete else None), []
    fastest = min((t for t in times if t), default=None)
    if fastest is not None and total < laps * fastest:
        return None, [
            f"{name}: TotalTime {format_ms(total)} is shorter than {laps} laps at "
            f"{format_ms(fastest)}: a lap is missing from it, not used"
        ]
    return total, []


def _ms(value: int) -> int | None:
    """A time in ms, or None: 0, -1, -1000 and absurd values are no time."""
    return value if 0 < value < MAX_MS else None


def _one_per_driver(cars: list[ImportedCar]) -> list[ImportedCar]:
    """A driver who reconnected is one car: the connection with the best lap
    (then the most laps) stands for him."""
    kept: dict[str, ImportedCar] = {}
    for car in cars:
        held = kept.setdefault(car.drivers[0], car)
        if _rank(car) < _rank(held):
            kept[car.drivers[0]] = car
    chosen = {id(car) for car in kept.values()}
    return [car for car in cars if id(car) in chosen]


def _rank(car: ImportedCar) -> tuple[int, int]:
    return (car.best_lap_ms or 1 << 62, -car.laps)


def _reconnected(cars: list[ImportedCar]) -> list[str]:
    counts = Counter(car.drivers[0] for car in cars)
    return [
        f"{name}: {n} connections in this session, the one with the best lap kept"
        for name, n in counts.items()
        if n > 1
    ]


def _steam_ids(raw: StatsFile) -> dict[str, str]:
    """Name to Steam id, from every connection of the file, then ``players``."""
    ids: dict[str, str] = {}
    for history in raw.stats.history:
        for member in history.members.values():
            steam_id = str(member.steamid).strip()
            if steam_id.isdigit() and clean(member.name):
                ids.setdefault(clean(member.name), steam_id)
    for steam_id, player in raw.stats.players.items():
        if steam_id.isdigit() and len(steam_id) >= 17 and clean(player.name):
            ids.setdefault(clean(player.name), steam_id)
    return ids
