"""Award points: placings -> ledger rows, one championship at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction

from podium.model.calendar import Round
from podium.model.points import ZERO, Points, format_points
from podium.model.results import ResultLine, Status
from podium.model.season import Season
from podium.rules.dimensions import SharedCars
from podium.rules.schema import CarsCounted, Championship, Competitor, PointsScale
from podium.scoring.bonus import bonus_rows, deduction_rows
from podium.scoring.classify import Placing, place_round
from podium.scoring.ledger import LedgerRow, RowKind, Withheld, ordinal
from podium.scoring.rulings import (
    apply_ineligible,
    driver_share,
    multiplier,
    rulings_for,
    skips,
)

_STATUS_WORDS = {
    Status.NOT_CLASSIFIED: "not classified",
    Status.RETIRED: "retired",
    Status.DISQUALIFIED: "disqualified",
    Status.DID_NOT_START: "did not start",
}


def score_season(season: Season) -> tuple[LedgerRow, ...]:
    """Every points decision of the season, in round order."""
    rules = season.rules
    by_round: dict[int, list[ResultLine]] = defaultdict(list)
    for line in season.results:
        by_round[line.round].append(line)
    rows: list[LedgerRow] = []
    for rnd in season.rounds:
        lines = by_round.get(rnd.number)
        if not lines:
            continue
        for session in dict.fromkeys(line.session for line in lines):
            session_lines = [line for line in lines if line.session == session]
            scale_name, scale = rules.scale_for(rnd.number, rnd.scale, session)
            factor = multiplier(rules, rnd.number, session)
            placings_by_basis: dict[bool, list[Placing]] = {}
            # Championships that see the same placing and scale decide alike
            # (drivers' and constructors' rows of one car): decide once.
            decided: dict[tuple[object, ...], Decision] = {}
            for championship in rules.championships:
                if skips(championship, rnd):
                    continue
                per_class = championship.per_class
                if per_class not in placings_by_basis:
                    placings_by_basis[per_class] = place_round(session_lines, rules, per_class)
                placings = apply_ineligible(
                    placings_by_basis[per_class],
                    rulings_for(rules, rnd.number, session, championship.id),
                )
                name, used = scale_name, scale
                if championship.scale and session == "race":
                    name, used = championship.scale, rules.scales[championship.scale]
                rows.extend(
                    award_round(season, rnd, championship, placings, name, used, factor, decided)
                )
            rows.extend(bonus_rows(season, rnd, session, session_lines))
    rows.extend(_adjustments(season))
    rows.extend(deduction_rows(season))
    return tuple(rows)


Decision = tuple[str, Points, str, Points, Withheld]


def award_round(
    season: Season,
    rnd: Round,
    championship: Championship,
    placings: Iterable[Placing],
    scale_name: str,
    scale: PointsScale,
    factor: Fraction = Fraction(1),
    decided: dict[tuple[object, ...], Decision] | None = None,
) -> list[LedgerRow]:
    """Ledger rows of one championship at one round. ``decided`` caches
    decisions shared between championships of the round."""
    cache: dict[tuple[object, ...], Decision] = {} if decided is None else decided
    candidates: dict[tuple[str, str], list[LedgerRow]] = defaultdict(list)
    out: list[LedgerRow] = []
    every_car = championship.cars is CarsCounted.ALL
    for placing in placings:
        line = placing.line
        class_code = line.class_code if championship.per_class else ""
        key = (
            id(placing),
            scale_name,
            championship.per_class,
            championship.id if championship.registration else "",
        )
        decision = cache.get(key)
        if decision is None:
            decision = cache[key] = _decide(season, rnd, championship, placing, scale_name, scale)
        car, earned, reason, withheld, rule = decision
        for competitor in _competitors(season, line, championship.competitor):
            row = LedgerRow(
                championship=championship.id,
                class_code=class_code,
                competitor=competitor,
                round=rnd.number,
                points=earned,
                reason=reason,
                place=placing.place,
                status=line.status,
                entry=line.entry,
                car=car,
                withheld=withheld,
                rule=rule,
                scale=scale_name,
                session=line.session,
            )
            if earned:
                row = _adjust(season, championship, placing, row, factor)
            if every_car:
                out.append(row)
            else:
                candidates[(class_code, competitor)].append(row)

    for rows in candidates.values():
        if championship.cars is CarsCounted.ALL or len(rows) == 1:
            out.extend(rows)
            continue
        best = min(rows, key=_best_key)
        for row in rows:
            if row is best:
                out.append(row)
            else:
                out.append(_not_best(row, best, championship))
    return out


def _best_key(row: LedgerRow) -> tuple[int, int]:
    """The car that stands for a competitor: a scoring car first, then the best placed."""
    return (0 if row.points > 0 else 1, row.place if row.place is not None else 10_000)


def _adjust(
    season: Season, championship: Championship, placing: Placing, row: LedgerRow, factor: Fraction
) -> LedgerRow:
    """Multipliers and shared drives, applied to what the place earned."""
    if row.points == 0:
        return row
    points, notes = row.points, []
    if factor != 1:
        points *= factor
        notes.append(f"x{format_points(factor)} at this round")
    line = placing.line
    if len(line.drivers) > 1:
        entry = season.entries_by_key.get(line.entry) if line.entry else None
        car_no = entry.car_no if entry is not None else None
        if championship.competitor is Competitor.DRIVER:
            share, why = driver_share(season.rules, championship, line, row.competitor, car_no)
        else:
            share, why = Fraction(1), ""
            if championship.shared_cars is SharedCars.NONE:
                share, why = Fraction(0), "shared cars score nothing"
        if share != 1:
            if share == 0:
                head = row.reason.split(":")[0]
                return replace(
                    row,
                    points=Points(0),
                    withheld=points,
                    rule=Withheld.SHARED_CAR,
                    reason=f"{head}: no points, {why}",
                )
            points *= share
            notes.append(f"{why} ({format_points(share)})")
    if not notes:
        return row
    return replace(
        row,
        points=points,
        reason=f"{row.reason.split(':')[0]}: {format_pts(points)} pts, scale {row.scale}, "
        + ", ".join(notes),
    )


def _not_best(row: LedgerRow, best: LedgerRow, championship: Championship) -> LedgerRow:
    if row.points == 0:
        # Scored nothing anyway; its own reason says why.
        return replace(row, counts=False)
    who = {Competitor.TEAM: "the team", Competitor.DRIVER: "the driver"}.get(
        championship.competitor, "it"
    )
    best_place = f", {ordinal(best.place)}" if best.place else ""
    note = (
        f"does not count ({format_points(row.points)} pts not added): {who} scores only with "
        f"its best car ({best.car}{best_place})"
    )
    head = row.reason.split(":")[0]
    return replace(
        row,
        points=Points(0),
        counts=False,
        withheld=row.points,
        rule=Withheld.BEST_CAR,
        reason=f"{head}: {note}",
    )


def _decide(
    season: Season,
    rnd: Round,
    championship: Championship,
    placing: Placing,
    scale_name: str,
    scale: PointsScale,
) -> Decision:
    """What one car's placing earns in one championship: (car, points, reason,
    withheld, rule). The same for every competitor the car scores for."""
    line = placing.line
    car = _car(line.entry, line, season)
    where = f"in {line.class_code} " if championship.per_class else ""
    session = f" ({line.session})" if line.session != "race" else ""
    if line.classified and placing.place is not None:
        head = f"{car} {ordinal(placing.place)} {where}at {rnd.label}{session}"
    else:
        word = _STATUS_WORDS.get(line.status, line.status.value)
        reason = f" ({line.reason})" if line.reason else ""
        head = f"{car} {word}{reason} at {rnd.label}{session}"

    worth = scale.for_place(placing.place) if placing.place else ZERO
    earned = worth
    withheld, rule = ZERO, Withheld.NONE
    if not placing.eligible:
        why = placing.why_not if line.classified else "only classified cars score"
        reason = f"{head}: no points, {why}"
        earned = ZERO
        if line.classified and worth > 0:
            withheld = worth
            rule = Withheld.INELIGIBLE if placing.ruled_out else Withheld.DISTANCE
    elif earned == 0:
        reason = f"{head}: no points, scale {scale_name} pays the first {len(scale.points)}"
    elif championship.registration and not _registered(season, line, championship):
        reason = (
            f"{head}: no points, car not registered for the {championship.id} championship "
            f"(the place was worth {format_pts(earned)}; it still counts as taken)"
        )
        withheld, rule = earned, Withheld.REGISTRATION
        earned = ZERO
    else:
        reason = f"{head}: {format_pts(earned)} pts, scale {scale_name}"
    return car, earned, reason, withheld, rule


def format_pts(value: Points) -> str:
    return format_points(value)


def _registered(season: Season, line: ResultLine, championship: Championship) -> bool:
    entry = season.entries_by_key.get(line.entry) if line.entry else None
    # A line whose car is unknown stands for its team's best car: registered.
    return entry is None or entry.registered_for(championship.id)


def _competitors(season: Season, line: ResultLine, kind: Competitor) -> tuple[str, ...]:
    if kind is Competitor.DRIVER:
        if not season.drivers:  # no aliases to resolve (F1 lines carry driver ids)
            return line.drivers
        return tuple(season.driver_name(d) or d for d in line.drivers)
    entry = season.entries_by_key.get(line.entry) if line.entry else None
    if kind is Competitor.TEAM:
        if entry is not None:
            return (entry.team,)
        team = season.team_name(line.team) if line.team else None
        return (team or line.team,) if line.team else ()
    return (entry.label,) if entry is not None else ()


def _car(key: str | None, line: ResultLine, season: Season) -> str:
    if key is None:
        return f"{line.team} car (number unknown)" if line.team else "unknown car"
    entry = season.entries_by_key.get(key)
    return entry.label if entry is not None else key


def _adjustments(season: Season) -> list[LedgerRow]:
    rows: list[LedgerRow] = []
    last_round = season.rounds[-1].number if season.rounds else 0
    for adj in season.adjustments:
        rows.append(
            LedgerRow(
                championship=adj.championship,
                class_code=adj.class_code,
                competitor=adj.competitor,
                round=adj.round if adj.round is not None else last_round,
                points=adj.points,
                reason=f"adjustment: {format_pts(adj.points)} pts, {adj.reason}",
                kind=RowKind.ADJUSTMENT,
            )
        )
    return rows
