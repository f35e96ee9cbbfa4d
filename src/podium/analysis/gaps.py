"""Where a season's data is incomplete: what the rules need and the sources
do not give (drive times without a lap chart, time marks that could not be
taken, a qualifying without times, a car without a make, a line without a
place). ``podium audit`` lists them; scoring says the same on each row it
touches (``explain``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from podium.model.results import ResultLine
from podium.model.season import Season
from podium.rules.schema import Competitor
from podium.rules.timed import mark_session
from podium.scoring.ledger_row import QUALIFYING


@dataclass(frozen=True, slots=True)
class Gap:
    """One place where the data does not let podium decide everything."""

    round: int | None
    what: str
    """``drive times``, ``time marks``, ``qualifying``, ``make``, ``place``."""
    detail: str


def data_gaps(season: Season) -> list[Gap]:
    gaps = _unplaced(season) + _untimed_qualifying(season)
    gaps += _drive_times(season) + _marks(season) + _makes(season)
    return sorted(gaps, key=lambda g: (g.round or 0, g.what))


def cars(count: int) -> str:
    return f"{count} car{'' if count == 1 else 's'}"


def _label(season: Season, number: int) -> str:
    return season.round(number).label


def _drive_times(season: Season) -> list[Gap]:
    out = []
    for rnd in season.rounds:
        held = season.results_of(rnd.number)
        charted = {line.session for line in held if line.drive_times}
        lines = [
            line
            for line in held
            if line.drivers
            and line.classified
            and len(line.drive_times) != len(line.drivers)
            and any(
                rule.covers(rnd.number, line.class_code, line.session, c.id)
                for rule in season.rules.drive_time
                for c in season.rules.championships
                if c.competitor is Competitor.DRIVER
            )
        ]
        for session, count in Counter(line.session for line in lines).items():
            why = (
                "no lap of theirs in the session's lap chart"
                if session in charted
                else "no lap chart of the session"
            )
            out.append(
                Gap(
                    rnd.number,
                    "drive times",
                    f"{_label(season, rnd.number)} ({session}): {cars(count)} without drive "
                    f"times ({why}); their drivers score as listed, unchecked",
                )
            )
    return out


def _marks(season: Season) -> list[Gap]:
    out = []
    sessions = {(line.round, line.session) for line in season.results}
    for rule in season.rules.marks:
        if (rule.round, rule.session) not in sessions:
            continue  # not raced yet
        missing = [
            at
            for at, ms in zip(rule.at, rule.at_ms, strict=True)
            if (rule.round, mark_session(ms)) not in sessions
        ]
        if missing:
            out.append(
                Gap(
                    rule.round,
                    "time marks",
                    f"{_label(season, rule.round)}: the class order at {', '.join(missing)} "
                    "is not known (no lap chart of the race); those marks pay nothing",
                )
            )
    return out


def _untimed_qualifying(season: Season) -> list[Gap]:
    untimed = Counter(
        (q.round, q.class_code)
        for q in season.qualifying
        if q.position is None and q.class_position is None
    )
    counts = Counter((q.round, q.class_code) for q in season.qualifying)
    paid = any(s.session == QUALIFYING for s in season.rules.scales.values())
    out = []
    for (number, code), count in sorted(untimed.items()):
        share = "every car" if count == counts[number, code] else cars(count)
        pays = ": no qualifying points for them" if paid else ""
        out.append(
            Gap(
                number,
                "qualifying",
                f"{_label(season, number)}: {code} qualifying, {share} without a time{pays}",
            )
        )
    return out


def _makes(season: Season) -> list[Gap]:
    held = [c for c in season.rules.championships if c.competitor is Competitor.MAKE]
    if not held:
        return []
    out = []
    for entry in season.entries:
        if not any(not c.classes or entry.class_code in c.classes for c in held):
            continue
        if any(not car.make for car in entry.cars):
            out.append(
                Gap(
                    None,
                    "make",
                    f"{entry.label} ({entry.class_code}, {entry.team}): no make "
                    "(entries.csv): it scores for no make",
                )
            )
    return out


def _unplaced(season: Season) -> list[Gap]:
    def unplaced(line: ResultLine) -> bool:
        return line.classified and (line.class_pos is None or line.entry is None)

    counts = Counter((line.round, line.session) for line in season.results if unplaced(line))
    return [
        Gap(
            number,
            "place",
            f"{_label(season, number)} ({session}): {count} classified line"
            f"{'' if count == 1 else 's'} without a class position or a car number in the source",
        )
        for (number, session), count in sorted(counts.items())
    ]
