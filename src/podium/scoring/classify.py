"""From a round's result lines to scoring places: who is eligible, and at
which place each car scores."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from math import ceil

from podium.model.results import ResultLine, Status
from podium.rules.schema import DistanceBasis, PositionBasis, Ruleset, UnknownLaps
from podium.scoring.frozen import builder


@dataclass(frozen=True, slots=True)
class Placing:
    """A result line as the points rules see it."""

    line: ResultLine
    place: int | None
    """Place that earns points (None: no place, e.g. retired)."""
    eligible: bool
    why_not: str = ""
    ruled_out: bool = False
    """Ineligible by a ruling on this car (not by the distance rule)."""


_new_placing = builder(Placing)  # one per result line: Placing(...) made cheap


def required_laps(winner_laps: int, share: float) -> int:
    """Laps needed to have covered ``share`` of the winner's distance."""
    return ceil(round(winner_laps * share, 9))


def place_round(lines: list[ResultLine], rules: Ruleset, per_class: bool = True) -> list[Placing]:
    """Placings for one round (one session). Lines of every class go in, since
    the distance rule may be measured against the overall winner."""
    eligibility = rules.eligibility
    overall_winner = _winner_laps(lines, per_class=False)
    groups: dict[str, list[ResultLine]] = defaultdict(list)
    for line in lines:
        groups[line.class_code if per_class else ""].append(line)

    placings: list[Placing] = []
    for group in groups.values():
        class_winner = _winner_laps(group, per_class)
        winner_laps = (
            overall_winner
            if eligibility.distance_of is DistanceBasis.OVERALL_WINNER
            else class_winner
        )
        needed = (
            required_laps(winner_laps, eligibility.min_distance)
            if eligibility.min_distance > 0 and winner_laps
            else None
        )
        decided: list[tuple[ResultLine, int | None, bool, str]] = []
        for line in group:
            place = None
            if line.status is Status.CLASSIFIED:
                place = line.class_pos if per_class else line.overall_pos
            ok, why = _eligible(line, place, winner_laps, needed, rules)
            decided.append((line, place, ok, why))
        if rules.positions is PositionBasis.AMONG_ELIGIBLE:
            ranked = sorted(
                (d for d in decided if d[2] and d[1] is not None), key=lambda d: d[1] or 0
            )
            new_place = {id(d[0]): i for i, d in enumerate(ranked, start=1)}
            decided = [(d[0], new_place.get(id(d[0]), d[1]), d[2], d[3]) for d in decided]
        placings.extend(_new_placing(line, place, ok, why) for line, place, ok, why in decided)
    return placings


def _winner_laps(lines: list[ResultLine], per_class: bool) -> int | None:
    for line in lines:
        pos = line.class_pos if per_class else line.overall_pos
        if line.classified and pos == 1:
            return line.laps
    return None


def _eligible(
    line: ResultLine,
    place: int | None,
    winner_laps: int | None,
    needed: int | None,
    rules: Ruleset,
) -> tuple[bool, str]:
    """``needed``: laps the distance rule asks for (None: no such rule here)."""
    eligibility = rules.eligibility
    if line.status not in eligibility.statuses:  # a StrEnum equals its value
        return False, f"not classified ({line.status.value})"
    if place is None:
        return False, "no class position"
    if needed is not None:
        if line.laps is None:
            if eligibility.unknown_laps is UnknownLaps.INELIGIBLE:
                share = f"{eligibility.min_distance:.0%}"
                return False, f"laps unknown, {share} distance rule cannot be met"
        elif line.laps < needed:
            share = f"{eligibility.min_distance:.0%}"
            return False, (
                f"{line.laps} laps < {share} of the winner's {winner_laps} ({needed} needed)"
            )
    return True, ""
