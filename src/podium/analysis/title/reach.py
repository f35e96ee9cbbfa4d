"""What a rival can still reach: an upper bound on its final total from the
points still on offer, per remaining round and session, under the season's
rules (best-N drops and split seasons, each car's place points, bonuses,
multipliers known by then), and the leader's floor if it scores nothing more.

The deciding-round analysis (podium.analysis.title.deciders) rescores a
whole worst-case ending with the engine only for a rival whose reach is at
least the leader's floor: the bound is never below what the engine would
give the rival in that ending, so a rival below the floor cannot finish
level or ahead, and every answer stays the engine's.

Why a bound and not the exact gain: the bound is a few additions per round;
what the engine would give (ineligible cars, documented shares, a bonus the
rival cannot hold) is only ever less, and a boundary case goes to the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from math import ceil

from podium.model.results import ResultLine
from podium.model.season import Season
from podium.rules.schema import CarsCounted, Championship, Competitor, Ruleset
from podium.scoring.drops import dropped_rounds
from podium.scoring.ledger_row import QUALIFYING
from podium.scoring.rulings import multiplier, skips
from podium.scoring.tally import Folded

Owners = Callable[[ResultLine], Iterable[str]]


def bounds_apply(rules: Ruleset) -> bool:
    """Whether the bound models every way these rules pay points. Rules that
    pay qualifying, drive time or time marks are left to the engine."""
    paid_qualifying = any(s.session == QUALIFYING for s in rules.scales.values())
    return not (paid_qualifying or rules.drive_time or rules.marks)


@dataclass(frozen=True, slots=True)
class Offer:
    """Per round still to run: the sessions held and, per competitor, how
    many of its cars can be on the grid of each (for a team scoring all its
    cars)."""

    sessions: dict[int, tuple[str, ...]]
    cars: dict[tuple[int, str], dict[str, int]]
    """(round, session) -> competitor -> its cars there."""
    most_cars: dict[str, int]
    """Competitor -> the most cars it ran in any session of the season."""


def offer_after(season: Season, after: int, owners: Owners) -> Offer:
    sessions: dict[int, dict[str, None]] = {}
    cars: dict[tuple[int, str], dict[str, int]] = {}
    most: dict[tuple[int, str, str], int] = {}
    for line in season.results:
        for name in owners(line):
            key3 = (line.round, line.session, name)
            most[key3] = most.get(key3, 0) + 1
        if line.round <= after:
            continue
        sessions.setdefault(line.round, {})[line.session] = None
        here = cars.setdefault((line.round, line.session), {})
        for name in owners(line):
            here[name] = here.get(name, 0) + 1
    most_cars: dict[str, int] = {}
    for (_, _, name), count in most.items():
        most_cars[name] = max(most_cars.get(name, 0), count)
    return Offer({n: tuple(s) for n, s in sessions.items()}, cars, most_cars)


def _session_points(
    rules: Ruleset, championship: Championship, season: Season, number: int, session: str, cars: int
) -> Fraction:
    """The most ``cars`` cars of one competitor can score in one session."""
    rnd = season.round(number)
    if skips(championship, rnd) or not championship.scores(session):
        return Fraction(0)
    _, scale = rules.scale_for(number, rnd.scale, session)
    if championship.scale and session == "race":
        scale = rules.scales[championship.scale]
    counted = 1 if championship.cars is CarsCounted.BEST else cars
    best = sorted([*scale.points, *[scale.rest] * counted], reverse=True)[:counted]
    total = sum(best, Fraction(0)) * multiplier(rules, number, session)
    for bonus in rules.bonuses:
        if (
            championship.id in bonus.championships
            and session in bonus.sessions
            and number not in bonus.except_rounds
        ):
            # One holder per bonus (per class: one per car at most).
            total += bonus.points * (counted if bonus.per_class else 1)
    return total


def reach(
    season: Season,
    championship: Championship,
    folded: Folded,
    offer: Offer,
    competitor: str,
    after: int,
) -> int:
    """An upper bound, in ``folded`` units, on ``competitor``'s final total
    if it wins everything it can still enter after round ``after``."""
    rules = season.rules
    results: dict[int, int] = {}
    adjustments = 0
    tally = folded.competitors.get(competitor)
    held = set(season.round_numbers())
    if tally is not None:
        for number, t in tally.ordered:
            if number <= after:
                if number in held:
                    results[number] = t.units
                adjustments += t.adjustment_units
            else:
                adjustments += max(0, t.adjustment_units)
    team = championship.competitor is not Competitor.DRIVER
    for number, sessions in offer.sessions.items():
        gain = Fraction(0)
        for session in sessions:
            cars = 1
            if team:
                here = offer.cars.get((number, session), {}).get(competitor)
                cars = here or offer.most_cars.get(competitor, 1)
            gain += _session_points(rules, championship, season, number, session, cars)
        results[number] = results.get(number, 0) + ceil(gain * folded.per_point)
    dropped = dropped_rounds(results, championship.drops)
    return sum(u for n, u in results.items() if n not in dropped) + adjustments


def floor(folded: Folded, competitor: str, total_units: int, after: int) -> int:
    """The leader's final total, in ``folded`` units, if it scores nothing
    after round ``after``: its table total now (its later rounds add nothing
    and drop nothing), less any later deduction."""
    tally = folded.competitors.get(competitor)
    later = 0
    if tally is not None:
        later = sum(min(0, t.adjustment_units) for n, t in tally.ordered if n > after)
    return total_units + later
