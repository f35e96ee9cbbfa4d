"""Rules that act on single rounds or cars: ineligible cars (with or without
pass-down), multipliers, shared drives, rounds a championship skips (in every class or in one)."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from podium.model.calendar import Round
from podium.model.results import ResultLine
from podium.rules.dimensions import Ineligible, SharedCars
from podium.rules.schema import Championship, Ruleset
from podium.scoring.classify import Placing


def skips(championship: Championship, rnd: Round) -> bool:
    """True when the round does not count for the championship."""
    return rnd.number in championship.skip_rounds or rnd.circuit in championship.skip_circuits


def skips_class(championship: Championship, rnd: Round, class_code: str) -> bool:
    """True when the round does not count for the championship in this class
    (or the championship is not held in the class)."""
    if championship.classes and class_code not in championship.classes:
        return True
    return rnd.number in championship.skip_class_rounds.get(class_code, ())


def counted(championship: Championship, rnd: Round, placings: list[Placing]) -> list[Placing]:
    """The placings of the classes for which the round counts."""
    if not championship.skip_class_rounds and not championship.classes:
        return placings
    return [p for p in placings if not skips_class(championship, rnd, p.line.class_code)]


def multiplier(rules: Ruleset, round_number: int, session: str) -> Fraction:
    factor = Fraction(1)
    for rule in rules.multipliers:
        if round_number in rule.rounds and session in rule.sessions:
            factor *= rule.factor
    return factor


def rulings_for(
    rules: Ruleset, round_number: int, session: str, championship: str
) -> list[Ineligible]:
    return [
        r
        for r in rules.ineligible
        if r.round == round_number
        and r.session == session
        and (not r.championships or championship in r.championships)
    ]


def _ruled(line: ResultLine, ruling: Ineligible) -> bool:
    if any(d in ruling.drivers for d in line.drivers):
        return True
    return line.classified and line.class_pos in ruling.positions


def apply_ineligible(placings: list[Placing], rulings: list[Ineligible]) -> list[Placing]:
    """Mark the cars the rulings name as ineligible; where the points pass
    down, every car behind one moves up a place (1967 Germany: Ligier, 8th,
    scores as 6th behind two F2 cars)."""
    if not rulings:
        return placings
    out: list[Placing] = []
    passed: list[int] = []
    for placing in placings:
        ruling = next((r for r in rulings if _ruled(placing.line, r)), None)
        if ruling is None:
            out.append(placing)
            continue
        why = ruling.statement or "not eligible to score at this round"
        out.append(replace(placing, eligible=False, why_not=why, ruled_out=True))
        if ruling.pass_down and placing.place is not None:
            passed.append(placing.place)
    if not passed:
        return out
    return [
        replace(p, place=p.place - sum(1 for q in passed if q < p.place))
        if p.place is not None and not p.ruled_out
        else p
        for p in out
    ]


def driver_share(
    rules: Ruleset,
    championship: Championship,
    line: ResultLine,
    driver: str,
    car_no: str | None,
) -> tuple[Fraction, str]:
    """Share of a car's points that one of its drivers scores, and why."""
    for ruling in rules.drive_shares:
        if (
            ruling.round == line.round
            and ruling.session == line.session
            and car_no == ruling.car
            and driver in ruling.shares
        ):
            return ruling.shares[driver], ruling.statement or "documented ruling on this car"
    count = len(line.drivers)
    if count <= 1 or championship.shared_cars is SharedCars.FULL:
        return Fraction(1), ""
    if championship.shared_cars is SharedCars.SPLIT:
        return Fraction(1, count), f"shared car, split {count} ways"
    return Fraction(0), "shared cars score nothing"
