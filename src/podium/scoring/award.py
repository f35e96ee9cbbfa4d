"""A ledger row in the making (``Award``): what one car earns one
competitor at one round, and the choice of a competitor's best car."""

from __future__ import annotations

from typing import NamedTuple

from podium.model.calendar import Round
from podium.model.points import Points, format_points
from podium.rules.schema import Championship, Competitor
from podium.scoring.classify import Placing
from podium.scoring.frozen import builder
from podium.scoring.ledger_row import LedgerRow, RowKind, Withheld, ordinal

_new_row = builder(LedgerRow)


class Award(NamedTuple):
    """A row in the making: what one car earns one competitor."""

    placing: Placing
    class_code: str
    competitor: str
    car: str
    points: Points
    reason: str
    withheld: Points
    rule: Withheld


def award_row(
    award: Award, championship: Championship, rnd: Round, scale_name: str, counts: bool = True
) -> LedgerRow:
    line = award.placing.line
    return _new_row(  # in LedgerRow's field order, as in award_round
        championship.id,
        award.class_code,
        award.competitor,
        rnd.number,
        award.points,
        award.reason,
        award.placing.place,
        line.status,
        line.entry,
        award.car,
        counts,
        False,  # dropped
        RowKind.RESULT,
        award.withheld,
        award.rule,
        scale_name,
        line.session,
    )


def best_key(award: Award) -> tuple[int, int]:
    """The car that stands for a competitor: a scoring car first, then the best placed."""
    place = award.placing.place
    return (0 if award.points > 0 else 1, place if place is not None else 10_000)


def not_best(award: Award, best: Award, championship: Championship) -> Award:
    if award.points == 0:
        # Scored nothing anyway; its own reason says why.
        return award
    who = {
        Competitor.TEAM: "the team",
        Competitor.DRIVER: "the driver",
        Competitor.MAKE: "the make",
    }.get(championship.competitor, "it")
    best_place = f", {ordinal(best.placing.place)}" if best.placing.place else ""
    note = (
        f"does not count ({format_points(award.points)} pts not added): {who} scores only with "
        f"its best car ({best.car}{best_place})"
    )
    head = award.reason.split(":")[0]
    return award._replace(
        points=Points(0),
        withheld=award.points,
        rule=Withheld.BEST_CAR,
        reason=f"{head}: {note}",
    )
