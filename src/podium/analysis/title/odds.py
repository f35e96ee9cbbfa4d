"""Title odds by seeded Monte Carlo over the open rounds (NumPy, vectorised,
chunked so memory stays flat whatever the number of runs).

Finishing-order model: each open round, every car of the field gets a random
key and the order is the sort of the keys: uniform (every order equally
likely) or weighted by form (Plackett-Luce with weights = points per round
so far + 1, drawn with the Gumbel trick). A car retires with probability
``retire_rate`` and then scores nothing. Titles tied after count-back are
shared: each co-champion is credited, so odds can add up to more than 100 %.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
import numpy.typing as npt

from podium.analysis.title.race import OpenRound, TitleRace


class OrderModel(StrEnum):
    UNIFORM = "uniform"
    FORM = "form"


@dataclass(frozen=True)
class Odds:
    names: tuple[str, ...]
    chances: tuple[float, ...]
    errors: tuple[float, ...]
    """Standard error of each chance."""
    runs: int
    seed: int
    model: str
    """The finishing-order model, in words."""


def title_odds(
    race: TitleRace,
    runs: int = 100_000,
    seed: int = 0,
    model: OrderModel = OrderModel.UNIFORM,
    retire_rate: float = 0.0,
    form: dict[str, float] | None = None,
    chunk: int = 50_000,
    workers: int = 2,
) -> Odds:
    """Chance of each contender being champion (sole or shared)."""
    names = tuple(c.name for c in race.contenders)
    base_total = np.array([c.total for c in race.contenders], dtype=np.int64)
    base_counts = np.array([c.counts for c in race.contenders], dtype=np.int64)
    sizes = [min(chunk, runs - start) for start in range(0, runs, chunk)]
    # One generator per chunk, spawned from the seed: the same seed gives the
    # same odds however the chunks are spread over threads.
    streams = np.random.SeedSequence(seed).spawn(len(sizes))

    def run(k: int) -> npt.NDArray[np.int64]:
        rng = np.random.default_rng(streams[k])
        return _chunk(race, rng, sizes[k], base_total, base_counts, model, retire_rate, form)

    wins = np.zeros(len(names), dtype=np.int64)
    if workers <= 1:
        for k in range(len(sizes)):
            wins += run(k)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for got in pool.map(run, range(len(sizes))):
                wins += got
    chances = wins / runs
    errors = np.sqrt(chances * (1 - chances) / runs)
    words = (
        "uniform finishing order"
        if model is OrderModel.UNIFORM
        else "finishing order weighted by this season's points per round"
    )
    if retire_rate:
        words += f", each car retiring with probability {retire_rate:.1%}"
    return Odds(names, tuple(map(float, chances)), tuple(map(float, errors)), runs, seed, words)


def random_orders(
    rng: np.random.Generator, size: int, cars: int, log_weights: npt.NDArray[np.float64] | None
) -> npt.NDArray[np.intp]:
    """Finishing orders (car indices by place) for ``size`` runs of one round."""
    keys = rng.random((size, cars), dtype=np.float32)
    if log_weights is not None:
        keys = (-np.log(-np.log(keys + np.float32(1e-12))) + log_weights).astype(np.float32)
        return np.argsort(-keys, axis=1)
    return np.argsort(keys, axis=1)


def _chunk(
    race: TitleRace,
    rng: np.random.Generator,
    size: int,
    base_total: npt.NDArray[np.int64],
    base_counts: npt.NDArray[np.int64],
    model: OrderModel,
    retire_rate: float,
    form: dict[str, float] | None,
) -> npt.NDArray[np.int64]:
    n_comp = len(race.contenders)
    # int32 halves the memory traffic; totals far below 2**31 (scaled points).
    small = (
        int(base_total.max(initial=0))
        + sum(max(r.points, default=0) * r.field_size for r in race.rounds)
        < 2**31
    )
    # One spare last column takes the points of cars that score for nobody.
    totals: npt.NDArray[Any] = np.zeros((size, n_comp + 1), dtype=np.int32 if small else np.int64)
    totals[:, :n_comp] = base_total
    all_places: list[tuple[npt.NDArray[np.intp], bool]] = []
    for rnd in race.rounds:
        n = rnd.field_size
        if n == 0:
            all_places.append((np.zeros((size, 0), dtype=np.intp), True))
            continue
        weights = None
        if model is OrderModel.FORM:
            form = form or {}
            weights = np.log(
                np.array(
                    [
                        max((form.get(o, 0.0) for o in car.owners), default=0.0) + 1
                        for car in rnd.cars
                    ]
                )
            )
        order = random_orders(rng, size, n, weights)
        worth = np.array([0, *[rnd.worth(p) for p in range(1, n + 1)]], dtype=np.int64)
        columns = _owner_columns(race, rnd)
        if retire_rate and not rnd.everyone_classified:
            out = rng.random((size, n), dtype=np.float32) < retire_rate
            place = np.empty_like(order)
            # Retired cars leave; the others close up (places run 1..m).
            alive = np.cumsum(~np.take_along_axis(out, order, axis=1), axis=1)
            np.put_along_axis(place, order, alive, axis=1)
            place[out] = 0
            all_places.append((place, True))
            if columns is not None:
                car_pts = worth[place].astype(totals.dtype)
                for cols in columns:
                    _add_at(totals, np.broadcast_to(cols, place.shape), car_pts)
                continue
        else:
            all_places.append((order, False))  # places are derived from the order only for ties
            if columns is not None:
                # Add each scoring place's points straight to its owners' columns.
                scoring = int(np.flatnonzero(worth).max(initial=0))
                top = order[:, :scoring]
                gains = worth[1 : scoring + 1].astype(totals.dtype)
                for cols in columns:
                    _add_at(totals, cols[top], gains)
                continue
            place = _places(order)
        for k, mp in _takes(race, rnd, place):
            totals[:, k] += worth[mp].sum(axis=1)
    return _champions(race, totals[:, :n_comp], base_counts, all_places)


def _add_at(totals: npt.NDArray[Any], index: npt.NDArray[np.intp], gains: npt.NDArray[Any]) -> None:
    """totals[row, index[row, j]] += gains[row, j], through flat indices (twice
    as fast as take/put_along_axis). A row's indices are distinct except the
    spare column, whose value does not matter."""
    rows, width = totals.shape
    flat = index + (np.arange(rows, dtype=np.intp) * width)[:, None]
    cells = totals.reshape(-1)
    where = flat.reshape(-1)
    cells[where] = cells[where] + np.broadcast_to(gains, index.shape).reshape(-1)


def _takes(
    race: TitleRace, rnd: OpenRound, place: npt.NDArray[np.intp], only: set[int] | None = None
) -> list[tuple[int, npt.NDArray[np.intp]]]:
    """(contender index, places that count for it) for one round."""
    out = []
    for k, c in enumerate(race.contenders):
        if only is not None and k not in only:
            continue
        mine = race.cars_of(c.name, rnd)
        if not mine:
            continue
        mp = place[:, mine]
        if race.best_car and len(mine) > 1:
            n = rnd.field_size
            best = np.where(mp > 0, mp, n + 1).min(axis=1)
            best[best > n] = 0
            mp = best[:, None]
        out.append((k, mp))
    return out


def _owner_columns(race: TitleRace, rnd: OpenRound) -> list[npt.NDArray[np.intp]] | None:
    """For each owner slot, the contender column of each car (the spare last
    column when none); None when a contender has several cars and only its
    best counts (then the slow path takes the best of them)."""
    mine = [len(race.cars_of(c.name, rnd)) for c in race.contenders]
    if any(m > 1 for m in mine):
        return None
    index = {c.name: k for k, c in enumerate(race.contenders)}
    spare = len(race.contenders)
    slots = max((len(car.owners) for car in rnd.cars), default=0)
    return [
        np.array(
            [index.get(car.owners[s], spare) if s < len(car.owners) else spare for car in rnd.cars],
            dtype=np.intp,
        )
        for s in range(slots)
    ]


def _places(order: npt.NDArray[np.intp]) -> npt.NDArray[np.intp]:
    """Place of each car from a finishing order (car indices by place)."""
    place = np.empty_like(order)
    np.put_along_axis(place, order, np.arange(1, order.shape[1] + 1), axis=1)
    return place


def _champions(
    race: TitleRace,
    totals: npt.NDArray[Any],
    base_counts: npt.NDArray[np.int64],
    all_places: list[tuple[npt.NDArray[np.intp], bool]],
) -> npt.NDArray[np.int64]:
    """How many runs each contender ends first in (ties after count-back shared)."""
    top = totals == totals.max(axis=1, keepdims=True)
    tied = np.flatnonzero(top.sum(axis=1) > 1)
    if race.countback is not None and tied.size:
        # Only the contenders level on points at the top need count-back.
        who = np.flatnonzero(top[tied].any(axis=0))
        sub = top[np.ix_(tied, who)]
        column = {int(k): j for j, k in enumerate(who)}
        counts = np.broadcast_to(base_counts[who], (tied.size, who.size, race.depth)).copy()
        for rnd, (place, are_places) in zip(race.rounds, all_places, strict=True):
            counted = np.array(
                [False, *[race.counted(rnd, p) for p in range(1, rnd.field_size + 1)]]
            )
            sub_place = place[tied] if are_places else _places(place[tied])
            for k, mp in _takes(race, rnd, sub_place, set(column)):
                for col in range(mp.shape[1]):
                    p = mp[:, col]
                    hit = counted[p]
                    counts[np.flatnonzero(hit), column[k], p[hit] - 1] += 1
        for k in range(race.depth):
            level = np.where(sub, counts[:, :, k], -1)
            sub &= level == level.max(axis=1, keepdims=True)
        resolved = top[tied]
        resolved[:, who] = sub
        top[tied] = resolved
    return np.asarray(top.sum(axis=0), dtype=np.int64)
