"""When a season's data was published, for a season loaded after the fact.

"As of a date" means the data as published then. A live season records
each change when it is made; a season loaded whole (a historical one, or a
live one joined mid-season) would otherwise be dated by the load, so "as of
17 October 2004" would find nothing. The first load of a season is instead
written in the order the data came out, each step dated when it was
published as far as the season says:

- the season itself (classes, calendar, entry list): at the start of the
  first round's day;
- a round's results, and the stewards' decisions and points adjustments of
  that round: at the end of its race day "anywhere on Earth" (UTC-12, so
  11:59:59 UTC the next day: an evening finish in America is already the
  next day in UTC; the model holds no time zones), the next day's end for a
  race longer than 12 hours (a 24-hour race finishes the day after its
  date). A published time is an upper bound: results were out by then.
  Never later than the load itself;
- everything else (undated rounds, withdrawals, adjustments without a
  round): at the load.

Loads after the first are changes made now, and are dated now.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from podium.model.results import Penalty, PointsAdjustment
from podium.model.season import Season

_HOURS = re.compile(r"^\s*(\d+)\s*h", re.IGNORECASE)
_END_AOE = dt.time(11, 59, 59)
"""A day's end at UTC-12, in UTC (on the next day)."""


@dataclass(frozen=True, slots=True)
class Step:
    """One write of a dated first load, in order."""

    at: dt.datetime
    kind: str
    """``base``, ``results``, ``penalty``, ``withdrawal`` or ``adjustment``."""
    round: int = 0
    penalty: Penalty | None = None
    number: int = 0
    """The decision withdrawn (1-based, in order of record)."""
    adjustment: PointsAdjustment | None = None


def published_at(season: Season, now: dt.datetime) -> dict[int, dt.datetime]:
    """Round number -> when its results were published, for dated rounds."""
    out = {}
    for rnd in season.rounds:
        if rnd.date is None:
            continue
        hours = _HOURS.match(rnd.duration)
        day = rnd.date + dt.timedelta(days=1 if hours and int(hours.group(1)) > 12 else 0)
        end = dt.datetime.combine(day + dt.timedelta(days=1), _END_AOE, tzinfo=dt.UTC)
        out[rnd.number] = min(end, now)
    return out


def dated_steps(season: Season, now: dt.datetime) -> list[Step]:
    """The writes of a first load of ``season``, in the order they were
    published, each with its moment (never decreasing)."""
    when = published_at(season, now)
    first = min((r.date for r in season.rounds if r.date is not None), default=None)
    start = now if first is None else min(dt.datetime.combine(first, dt.time(), dt.UTC), now)
    steps = [Step(start, "base")]
    results = {line.round for line in season.results}
    for number in sorted(when, key=lambda n: (when[n], n)):
        at = max(when[number], start)
        if number in results:
            steps.append(Step(at, "results", number))
        steps += [
            Step(at, "penalty", number, penalty=p) for p in season.penalties if p.round == number
        ]
        steps += [
            Step(at, "adjustment", number, adjustment=a)
            for a in season.adjustments
            if a.round == number
        ]
    steps += [Step(now, "results", n) for n in sorted(results - set(when))]
    steps += [
        Step(now, "penalty", p.round, penalty=p) for p in season.penalties if p.round not in when
    ]
    steps += [
        Step(now, "adjustment", a.round or 0, adjustment=a)
        for a in season.adjustments
        if a.round not in when
    ]
    # Decisions are numbered in the order they are recorded (here: by round).
    recorded = [s.penalty for s in steps if s.penalty is not None]
    steps += [
        Step(now, "withdrawal", p.round, penalty=p, number=i)
        for i, p in enumerate(recorded, start=1)
        if p.withdrawn
    ]
    return steps
