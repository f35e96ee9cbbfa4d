"""``places = "competitor"``: each competitor scores with its best car, paid
for that car's rank among the competitors' best cars (IMSA's manufacturers:
Acura 1-2, Cadillac 3-4-5, BMW 6th, Porsche 7th at Daytona 2023 pays
Cadillac for 2nd, BMW for 3rd and Porsche for 4th)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from fractions import Fraction

from podium.model.calendar import Round
from podium.model.points import ZERO, format_points
from podium.rules.schema import Championship, PointsScale
from podium.scoring.award import Award, award_row, best_key, not_best
from podium.scoring.ledger_row import LedgerRow, Withheld, ordinal


def ranked_rows(
    candidates: Mapping[tuple[str, str], list[Award]],
    championship: Championship,
    rnd: Round,
    scale_name: str,
    scale: PointsScale,
    factor: Fraction,
) -> list[LedgerRow]:
    """Rows of every competitor's cars: the best one paid for its rank in
    its class among the best cars that can score, the others not counted."""
    bests: dict[str, list[Award]] = defaultdict(list)
    out: list[LedgerRow] = []
    for (class_code, _), awards in candidates.items():
        best = min(awards, key=best_key)
        for award in awards:
            if award is not best:
                out.append(award_row(not_best(award, best, championship), championship, rnd,
                                     scale_name, counts=False))  # fmt: skip
        bests[class_code].append(best)
    what = championship.competitor.value
    for group in bests.values():
        scoring = sorted(
            (a for a in group if _can_score(a)),
            key=lambda a: a.placing.place or 0,
        )
        for rank, award in enumerate(scoring, start=1):
            points = scale.for_place(rank) * factor
            head = award.reason.split(":")[0]
            times = f", x{format_points(factor)} at this round" if factor != 1 else ""
            award = award._replace(
                placing=replace(award.placing, place=rank),
                points=points,
                reason=f"{head}: {format_points(points)} pts as the {ordinal(rank)} {what} "
                f"home, scale {scale_name}{times}",
            )
            out.append(award_row(award, championship, rnd, scale_name))
        out.extend(award_row(a, championship, rnd, scale_name) for a in group if not _can_score(a))
    return out


def _can_score(award: Award) -> bool:
    """Placed, eligible and not kept from scoring by another rule."""
    placing = award.placing
    return (
        placing.place is not None
        and placing.eligible
        and award.rule is Withheld.NONE
        and (award.points > 0 or award.withheld == ZERO)
    )
