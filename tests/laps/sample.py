"""Laps for tests, made up but consistent: each started car of a round's
race gets ``count`` laps (fewer for a car that retired), at a pace set by
its place on the sheet, with elapsed times, positions at the line, three
sectors, a pit stop and one invalid lap."""

from __future__ import annotations

import dataclasses

from podium.app.repository import Repository
from podium.model import Season, Status
from podium.model.laps import Lap


def sample_laps(season: Season, round_number: int = 9, count: int = 6) -> tuple[Lap, ...]:
    lines = [
        r
        for r in season.results_of(round_number, "race")
        if r.entry and r.status is not Status.DID_NOT_START
    ]
    lines.sort(key=lambda r: (r.overall_pos is None, r.overall_pos or 0))
    drivers: dict[str, tuple[str, ...]] = {r.entry or "": r.drivers for r in lines}
    elapsed = {r.entry or "": 0 for r in lines}
    laps: list[Lap] = []
    for number in range(1, count + 1):
        crossing: list[tuple[int, str, int]] = []
        for place, line in enumerate(lines):
            key = line.entry or ""
            if line.status is not Status.CLASSIFIED and number > count - 2:
                continue  # retired before the end
            time = 80_000 + 350 * place + (1_000 if number % 2 and place % 3 == 1 else 0)
            if number == 3 and place == 1:
                time += 30_000  # a pit stop
            elapsed[key] += time
            crossing.append((elapsed[key], key, time))
        for position, (at, key, time) in enumerate(sorted(crossing), start=1):
            crew = drivers[key]
            laps.append(
                Lap(
                    round_number,
                    "race",
                    key,
                    number,
                    time,
                    position,
                    at,
                    (time // 3, time // 3, time - 2 * (time // 3)),
                    pit_in=number == 3 and key == lines[1].entry,
                    pit_out=number == 4 and key == lines[1].entry,
                    valid=not (number == 2 and position == 4),
                    driver=crew[(number - 1) // 3 % len(crew)] if crew else "",
                )
            )
    return tuple(laps)


LAPS_SEASON = "alms-2004-laps"


def with_laps(repository: Repository, alms: Season) -> str:
    """A copy of the built-in season in ``repository`` whose round 9 race
    has ``sample_laps``; its id (idempotent)."""
    if LAPS_SEASON not in repository.season_ids():
        copy = dataclasses.replace(alms, id=LAPS_SEASON, name="2004 ALMS (with laps)")
        repository.load_season(copy, actor="tests")
    repository.put_laps(LAPS_SEASON, 9, "race", sample_laps(alms), "tests", "laps")
    return LAPS_SEASON
