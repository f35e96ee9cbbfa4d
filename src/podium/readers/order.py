"""What a file's classification contradicts, and the order podium keeps.

Simulators print positions that can be corrupt (rFactor 2 puts a car
12 laps down first; two cars share class position 3) and lap times that
cannot be (RaceRoom's -1000). The rule, for every format: a race is ordered
by laps, then total time, within each finishing status; a qualifying or
practice session by best lap. Where the printed order disagrees, the file is
overruled (or kept, with ``trust_positions`` or when the file is official
timing) and each car concerned is named in a note with the rule applied.
"""

from __future__ import annotations

from collections import defaultdict

from podium.model.results import Status
from podium.model.timing import format_ms
from podium.readers.session import ImportedCar, ImportedSession, SessionKind

# Finishing groups, in classification order; unstated counts as running.
_GROUP = {
    None: 0,
    Status.CLASSIFIED: 0,
    Status.NOT_CLASSIFIED: 1,
    Status.RETIRED: 2,
    Status.DID_NOT_START: 3,
    Status.DISQUALIFIED: 4,
}
_NO_TIME = 1 << 62


def settle(session: ImportedSession, trust_positions: bool = False) -> ImportedSession:
    """``session`` with its cars in podium's order and a note for every
    contradiction found (order, shared class positions, impossible laps)."""
    cars = list(session.cars)
    notes = list(session.notes)
    notes += _lap_notes(cars)
    notes += _shared_class_positions(cars)
    ordered = sorted(range(len(cars)), key=lambda i: _key(session.kind, cars[i], i))
    if ordered == list(range(len(cars))):
        return session.model_copy(update={"notes": tuple(notes)}) if notes else session
    # Disqualified cars go last by rule, not because the file contradicts
    # itself: only a change in the order of the others is reported.
    printed = [i for i in range(len(cars)) if cars[i].status is not Status.DISQUALIFIED]
    settled = [i for i in ordered if cars[i].status is not Status.DISQUALIFIED]
    rank = {i: n for n, i in enumerate(printed)}
    keep = trust_positions or session.official
    rule = "laps and time" if session.kind is SessionKind.RACE else "best lap"
    for n, i in enumerate(settled):
        if rank[i] == n:
            continue
        place = ordered.index(i) + 1
        action = (
            f"kept P{i + 1} (official timing)"
            if session.official
            else f"kept P{i + 1} (--trust-positions)"
            if trust_positions
            else f"placed P{place} (--trust-positions keeps P{i + 1})"
        )
        notes.append(
            f"{_who(cars[i])}: printed P{i + 1} ({_shown(session.kind, cars[i])}), "
            f"P{place} by {rule}: {action}"
        )
    if keep:
        return session.model_copy(update={"notes": tuple(notes)})
    return session.model_copy(
        update={"cars": tuple(cars[i] for i in ordered), "notes": tuple(notes)}
    )


def _key(kind: SessionKind, car: ImportedCar, index: int) -> tuple[int, int, int, int]:
    if kind is SessionKind.RACE:
        group = _GROUP.get(car.status, 0)
        # Retired, unstarted and disqualified cars keep the file's order:
        # how far they got is not how they are classified.
        if group >= 2:
            return (group, 0, 0, index)
        time = car.time_ms if car.time_ms is not None else _NO_TIME
        return (group, -car.laps, time, index)
    group = 1 if car.status is Status.DISQUALIFIED else 0
    return (group, car.best_lap_ms or _NO_TIME, 0, index)


def _who(car: ImportedCar) -> str:
    name = car.drivers[0] if car.drivers else ""
    return " ".join(x for x in (f"#{car.number}" if car.number else "", name) if x) or car.where


def _shown(kind: SessionKind, car: ImportedCar) -> str:
    if kind is not SessionKind.RACE:
        return f"best {format_ms(car.best_lap_ms)}" if car.best_lap_ms else "no time"
    time = f", {format_ms(car.time_ms)}" if car.time_ms is not None else ""
    return f"{car.laps} laps{time}"


def _shared_class_positions(cars: list[ImportedCar]) -> list[str]:
    holders: dict[tuple[str, int], list[ImportedCar]] = defaultdict(list)
    for car in cars:
        if car.class_position is not None:
            holders[car.car_class, car.class_position].append(car)
    return [
        f"class position {pos} printed for {len(shared)} cars in {cls} "
        f"({', '.join(_who(c) for c in shared)}): class positions taken from the order"
        for (cls, pos), shared in holders.items()
        if len(shared) > 1
    ]


def _lap_notes(cars: list[ImportedCar]) -> list[str]:
    """Laps the reader found impossible are marked invalid with no time; say so."""
    out = []
    for car in cars:
        bad = [lap.number for lap in car.lap_data if lap.time_ms is None and not lap.valid]
        if bad:
            laps = ", ".join(str(n) for n in bad[:8]) + (" ..." if len(bad) > 8 else "")
            out.append(f"{_who(car)}: lap {laps} without a usable time: invalid, not timed")
    return out
