"""What a file's laps imply but do not say: each lap's elapsed time (the sum
of the car's lap times) and its position at the line (the order in which
cars completed that lap), for race sessions whose files give only lap times
(ACC, Assetto Corsa). A lap without a time ends the sum: no elapsed time is
made up after it."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from podium.readers.session import ImportedCar, ImportedLap, ImportedSession, SessionKind


def complete_laps(session: ImportedSession) -> ImportedSession:
    if session.kind is not SessionKind.RACE or not session.has_laps:
        return session
    cars = [_elapsed(car) for car in session.cars]
    if all(lap.position is not None for car in cars for lap in car.lap_data):
        return session.model_copy(update={"cars": tuple(cars)})
    crossings = [
        (i, lap.number, lap.elapsed_ms)
        for i, car in enumerate(cars)
        for lap in car.lap_data
        if lap.elapsed_ms is not None
    ]
    ranks = places([c[1] for c in crossings], [c[2] for c in crossings])
    place = {(number, i): rank for (i, number, _), rank in zip(crossings, ranks, strict=True)}
    done = [
        car.model_copy(
            update={
                "lap_data": tuple(
                    lap
                    if lap.position is not None or (lap.number, i) not in place
                    else lap._replace(position=place[lap.number, i])
                    for lap in car.lap_data
                )
            }
        )
        for i, car in enumerate(cars)
    ]
    return session.model_copy(update={"cars": tuple(done)})


def places(laps: Sequence[int], elapsed: Sequence[int]) -> list[int]:
    """Position at the line of each crossing (lap, elapsed ms): its rank
    among the crossings of the same lap, by elapsed time (a stable sort: ties
    keep the file's order). NumPy: a 12-hour race has 20,000 crossings."""
    if not laps:
        return []
    lap = np.asarray(laps, dtype=np.int64)
    order = np.lexsort((np.asarray(elapsed, dtype=np.int64), lap))
    sorted_laps = lap[order]
    starts = np.flatnonzero(np.r_[True, sorted_laps[1:] != sorted_laps[:-1]])
    first = np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - first + 1
    return [int(r) for r in rank.tolist()]


def _elapsed(car: ImportedCar) -> ImportedCar:
    if not car.lap_data or all(lap.elapsed_ms is not None for lap in car.lap_data):
        return car
    total: int | None = 0
    laps: list[ImportedLap] = []
    for lap in car.lap_data:
        if lap.elapsed_ms is not None:
            total = lap.elapsed_ms
            laps.append(lap)
            continue
        total = None if total is None or lap.time_ms is None else total + lap.time_ms
        laps.append(lap if total is None else lap._replace(elapsed_ms=total))
    return car.model_copy(update={"lap_data": tuple(laps)})
