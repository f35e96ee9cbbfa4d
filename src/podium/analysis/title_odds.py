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

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from podium.analysis.title_race import OpenRound, TitleRace


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
) -> Odds:
    """Chance of each contender being champion (sole or shared)."""
    rng = np.random.default_rng(seed)
    names = tuple(c.name for c in race.contenders)
    wins = np.zeros(len(names), dtype=np.int64)
    base_total = np.array([c.total for c in race.contenders], dtype=np.int64)
    base_counts = np.array([c.counts for c in race.contenders], dtype=np.int64)
    done = 0
    while done < runs:
        size = min(chunk, runs - done)
        wins += _chunk(race, rng, size, base_total, base_counts, model, retire_rate, form)
        done += size
    chances = wins / runs
    errors = np.sqrt(chances * (1 - chances) / runs)
    words = (
        "uniform finishing order"
        if model is OrderModel.UNIFORM
        else "finishing order weighted by this season's points per round"
    )
    if retire_rate:
        words += f", each car retiring with probability {retire_rate:.0%}"
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
    totals = np.broadcast_to(base_total, (size, n_comp)).copy()
    rows = np.arange(size)[:, None]
    all_places = []
    for rnd in race.rounds:
        n = rnd.field_size
        if n == 0:
            all_places.append(np.zeros((size, 0), dtype=np.intp))
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
        place = np.empty_like(order)
        np.put_along_axis(place, order, np.arange(1, n + 1), axis=1)  # place of each car
        if retire_rate and not rnd.everyone_classified:
            out = rng.random((size, n), dtype=np.float32) < retire_rate
            # Retired cars leave; the others close up (places run 1..m).
            place[rows, order] = np.cumsum(~out[rows, order], axis=1)
            place[out] = 0
        all_places.append(place)
        worth = np.array([0, *[rnd.worth(p) for p in range(1, n + 1)]], dtype=np.int64)
        _add_points(race, rnd, place, worth, totals)
    return _champions(race, totals, base_counts, all_places)


def _takes(
    race: TitleRace, rnd: OpenRound, place: npt.NDArray[np.intp]
) -> list[tuple[int, npt.NDArray[np.intp]]]:
    """(contender index, places that count for it) for one round."""
    out = []
    for k, c in enumerate(race.contenders):
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


def _add_points(
    race: TitleRace,
    rnd: OpenRound,
    place: npt.NDArray[np.intp],
    worth: npt.NDArray[np.int64],
    totals: npt.NDArray[np.int64],
) -> None:
    index = {c.name: k for k, c in enumerate(race.contenders)}
    single = all(len(race.cars_of(c.name, rnd)) <= 1 for c in race.contenders)
    if single:
        # Fast path: one car per contender; each owner column is a gather.
        pts = worth[place]
        for slot in range(max((len(car.owners) for car in rnd.cars), default=0)):
            cars = [
                i
                for i, car in enumerate(rnd.cars)
                if len(car.owners) > slot and car.owners[slot] in index
            ]
            if cars:
                owners = [index[rnd.cars[i].owners[slot]] for i in cars]
                totals[:, owners] += pts[:, cars]
        return
    for k, mp in _takes(race, rnd, place):
        totals[:, k] += worth[mp].sum(axis=1)


def _champions(
    race: TitleRace,
    totals: npt.NDArray[np.int64],
    base_counts: npt.NDArray[np.int64],
    all_places: list[npt.NDArray[np.intp]],
) -> npt.NDArray[np.int64]:
    """How many runs each contender ends first in (ties after count-back shared)."""
    top = totals == totals.max(axis=1, keepdims=True)
    tied = np.flatnonzero(top.sum(axis=1) > 1)
    if race.countback is not None and tied.size:
        sub = top[tied]
        counts = np.broadcast_to(base_counts, (tied.size, *base_counts.shape)).copy()
        for rnd, place in zip(race.rounds, all_places, strict=True):
            counted = np.array(
                [False, *[race.counted(rnd, p) for p in range(1, rnd.field_size + 1)]]
            )
            for k, mp in _takes(race, rnd, place[tied]):
                for col in range(mp.shape[1]):
                    p = mp[:, col]
                    hit = counted[p]
                    counts[np.flatnonzero(hit), k, p[hit] - 1] += 1
        for k in range(counts.shape[2]):
            level = np.where(sub, counts[:, :, k], -1)
            sub &= level == level.max(axis=1, keepdims=True)
        top[tied] = sub
    return np.asarray(top.sum(axis=0), dtype=np.int64)
