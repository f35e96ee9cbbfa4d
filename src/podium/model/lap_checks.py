"""Laps checked against their season, and put in one order (pure).

Every store of laps (the ``laps/`` folder, the database, memory) checks them
with :func:`check_laps` before keeping them and hands them out in the order
of :func:`sorted_laps`, so the same laps read back equal wherever they were
kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from podium.errors import InputError, Problem
from podium.model.laps import Lap
from podium.model.season import Season


def entry_order(key: str) -> tuple[int, int, str]:
    """Entry keys in a person's order: ``2`` before ``10``, numbers before slugs."""
    return (0, int(key), key) if key.isascii() and key.isdigit() else (1, 0, key)


def lap_order(lap: Lap) -> tuple[int, bool, str, tuple[int, int, str], int]:
    """Round, the race before the other sessions, entry, lap number."""
    return (lap.round, lap.session != "race", lap.session, entry_order(lap.entry), lap.number)


def trimmed(lap: Lap) -> Lap:
    """The lap with no unknown sector at the end of its sectors: a file has
    as many sector columns as its longest lap, so a trailing blank is no fact."""
    sectors = lap.sectors_ms
    while sectors and sectors[-1] is None:
        sectors = sectors[:-1]
    if sectors == lap.sectors_ms:
        return lap
    return Lap(
        lap.round,
        lap.session,
        lap.entry,
        lap.number,
        lap.time_ms,
        lap.position,
        lap.elapsed_ms,
        sectors,
        lap.pit_in,
        lap.pit_out,
        lap.valid,
        lap.driver,
    )


def sorted_laps(laps: Iterable[Lap]) -> tuple[Lap, ...]:
    """Laps in the one order every store hands them out in, sectors trimmed."""
    return tuple(sorted((trimmed(lap) for lap in laps), key=lap_order))


def check_laps(
    season: Season,
    laps: Sequence[Lap],
    file: str = "laps",
    lines: Sequence[int | None] | None = None,
) -> list[Problem]:
    """Every problem of ``laps`` against ``season``: a round the calendar does
    not have, an entry or driver the season does not know, a car's lap
    numbers not increasing (in the order given), a time, position or sector
    out of range. ``lines[i]`` is where ``laps[i]`` is in ``file``."""
    problems: list[Problem] = []
    rounds = {r.number for r in season.rounds}
    drivers = {d.name for d in season.drivers}
    last: dict[tuple[int, str, str], int] = {}

    def problem(i: int, field: str, message: str, expected: str, found: object) -> None:
        line = lines[i] if lines is not None and i < len(lines) else None
        problems.append(Problem(file, line, field, message, expected, str(found)))

    for i, lap in enumerate(laps):
        if lap.round not in rounds:
            problem(i, "round", "no such round", f"one of {sorted(rounds)}", lap.round)
        if lap.entry not in season.entries_by_key:
            problem(i, "entry", "unknown entry", "an entry key of entries.csv", lap.entry)
        if lap.driver and lap.driver not in drivers:
            problem(i, "driver", "unknown driver", "a driver of drivers.csv", lap.driver)
        car = (lap.round, lap.session, lap.entry)
        before = last.get(car)
        if lap.number < 1:
            problem(i, "lap", "out of range", "a lap number >= 1", lap.number)
        elif before is not None and lap.number <= before:
            problem(
                i,
                "lap",
                f"lap numbers not increasing for entry {lap.entry!r}",
                f"a lap after lap {before}",
                lap.number,
            )
        last[car] = max(lap.number, before or 0)
        for field, value, low in (
            ("time", lap.time_ms, 1),
            ("position", lap.position, 1),
            ("elapsed", lap.elapsed_ms, 0),
        ):
            if value is not None and value < low:
                problem(i, field, "out of range", f">= {low}", value)
        for n, sector in enumerate(lap.sectors_ms, start=1):
            if sector is not None and sector < 1:
                problem(i, f"s{n}", "out of range", "a sector time > 0", sector)
    return problems


def laps_to_store(
    season: Season, round_number: int, session: str, laps: Sequence[Lap]
) -> tuple[Lap, ...]:
    """The laps ``put_laps`` keeps, in their one order; InputError when one
    is of another round or session, or given twice, or does not pass
    ``check_laps``."""
    season.round(round_number)
    where = f"laps of round {round_number} ({session})"
    ordered = sorted_laps(laps)  # in any order: only a lap given twice is refused
    problems = check_laps(season, ordered, where)
    other = next((lap for lap in laps if (lap.round, lap.session) != (round_number, session)), None)
    if other is not None:
        problems.insert(
            0,
            Problem(
                where,
                None,
                "session",
                "a lap of another round or session",
                expected=f"round {round_number}, {session}",
                found=f"round {other.round}, {other.session}",
            ),
        )
    if problems:
        raise InputError(problems)
    return ordered
