"""Stewards' decisions added to a stored season: a penalty is checked
against the season (its car, championship and value) before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, replace

from podium.app.answer import Answer
from podium.errors import InputError, Problem
from podium.model import parse_points
from podium.model.results import Penalty, PenaltyKind
from podium.model.season import Season
from podium.scoring.stewards import decision_problems


@dataclass(frozen=True, slots=True)
class PenaltyAdded(Answer):
    season: str
    revision: int
    entry: str


def penalty_for(
    season: Season,
    round_number: int,
    kind: PenaltyKind,
    reason: str,
    car_no: str | None = None,
    entry: str | None = None,
    value: str = "",
    championship: str = "",
    source: str = "",
    session: str = "race",
    where: str = "body",
) -> Penalty:
    """The penalty, its car named by entry key or car number; every problem
    with it at once (``where`` names the input, e.g. the request body)."""
    season.round(round_number)
    problems = []
    key = entry
    if key and key not in season.entries_by_key:
        problems.append(Problem(where, None, "entry", "unknown entry", "an entry key", key))
    if not key and car_no:
        match = [e for e in season.entries if e.car_no == car_no]
        key = match[0].key if match else None
        if not match:
            problems.append(
                Problem(
                    where,
                    None,
                    "car_no",
                    "unknown car number",
                    "a car of the entry list",
                    car_no,
                )
            )
    if not key and not problems:
        problems.append(Problem(where, None, "car_no", "a penalty names a car", "car_no or entry"))
    ids = [c.id for c in season.rules.championships]
    if championship and championship not in ids:
        problems.append(
            Problem(
                where,
                None,
                "championship",
                "unknown championship",
                " or ".join(ids),
                championship,
            )
        )
    if kind is PenaltyKind.POINTS:
        try:
            parse_points(value)
        except (ValueError, ZeroDivisionError):
            problems.append(
                Problem(where, None, "value", "points penalty needs a number", "e.g. 10", value)
            )
    if problems:
        raise InputError(problems)
    penalty = Penalty(round_number, key or "", kind, reason, value, championship, source, session)
    # Refused now if it could not be applied (a time penalty on a car without a race time).
    candidate = replace(season, penalties=(*season.penalties, penalty))
    number = len(candidate.penalties)
    problems = [replace(p, file=where) for n, p in decision_problems(candidate) if n == number]
    if problems:
        raise InputError(problems)
    return penalty
