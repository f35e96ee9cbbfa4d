"""The ledger builder: placings -> ledger rows, one championship at a time.

Every points decision of a season becomes a :class:`LedgerRow`
(``scoring.ledger_row``); standings, explanations and audits read them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction

from podium.model.calendar import Round
from podium.model.points import ZERO, Points, format_points
from podium.model.results import ResultLine, Status
from podium.model.season import Season
from podium.rules.dimensions import SharedCars
from podium.rules.schema import CarsCounted, Championship, Competitor, Places, PointsScale
from podium.scoring.award import Award as _Award
from podium.scoring.award import award_row as _row
from podium.scoring.award import best_key as _best_key
from podium.scoring.award import not_best as _not_best
from podium.scoring.bonus import bonus_rows, deduction_rows
from podium.scoring.classify import Placing, place_round
from podium.scoring.drive_time import at_the_wheel
from podium.scoring.frozen import builder
from podium.scoring.ledger_row import QUALIFYING, LedgerRow, RowKind, Withheld, ordinal
from podium.scoring.points_penalties import deduction_rows as stewards_rows
from podium.scoring.ranked import ranked_rows
from podium.scoring.rulings import (
    apply_ineligible,
    counted,
    driver_share,
    multiplier,
    rulings_for,
    skips,
)
from podium.scoring.stewards import apply_decisions

_STATUS_WORDS = {
    Status.NOT_CLASSIFIED: "not classified",
    Status.RETIRED: "retired",
    Status.DISQUALIFIED: "disqualified",
    Status.DID_NOT_START: "did not start",
}


def score_season(season: Season) -> tuple[LedgerRow, ...]:
    """Every points decision of the season, in round order, the stewards'
    decisions applied on top of the timing sheets first."""
    season = apply_decisions(season)
    rules = season.rules
    by_round: dict[int, list[ResultLine]] = defaultdict(list)
    for line in season.results:
        by_round[line.round].append(line)
    rows: list[LedgerRow] = []
    paid = any(s.session == QUALIFYING for s in rules.scales.values())
    for rnd in season.rounds:
        if paid:
            rows.extend(qualifying_rows(season, rnd))
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
            decided: dict[tuple[object, ...], dict[int, Cached]] = {}
            for championship in rules.championships:
                if skips(championship, rnd) or not championship.scores(session):
                    continue
                per_class = championship.per_class
                if per_class not in placings_by_basis:
                    placings_by_basis[per_class] = place_round(session_lines, rules, per_class)
                placings = apply_ineligible(
                    counted(championship, rnd, placings_by_basis[per_class]),
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
    rows.extend(stewards_rows(season, rows))
    return tuple(rows)


def qualifying_rows(season: Season, rnd: Round) -> list[LedgerRow]:
    """Points a scale of session ``qualifying`` pays for a round's grid: by
    class position (overall for championships not per class); a car without
    a time scores nothing. The car's drivers are those of its race line, else
    its crew for the round."""
    grid = [q for q in season.qualifying if q.round == rnd.number]
    if not grid:
        return []
    rules = season.rules
    try:
        name, scale = rules.scale_for(rnd.number, rnd.scale, QUALIFYING)
    except KeyError:
        return []
    raced = {line.entry: line.drivers for line in season.results if line.round == rnd.number}
    lines = []
    for q in grid:
        entry = season.entries_by_key.get(q.entry)
        drivers = raced.get(q.entry) or (entry.drivers_at(rnd.number) if entry else ())
        timed = q.class_position is not None or q.position is not None
        lines.append(
            ResultLine(
                round=rnd.number,
                class_code=q.class_code,
                status=Status.CLASSIFIED if timed else Status.NOT_CLASSIFIED,
                entry=q.entry,
                team=entry.team if entry else "",
                overall_pos=q.position,
                class_pos=q.class_position,
                drivers=drivers or ((q.driver,) if q.driver else ()),
                reason="" if timed else "no qualifying time",
                session=QUALIFYING,
            )
        )
    rows: list[LedgerRow] = []
    decided: dict[tuple[object, ...], dict[int, Cached]] = {}
    for championship in rules.championships:
        if skips(championship, rnd) or not championship.scores(QUALIFYING):
            continue
        placings = []
        for line in lines:
            place = line.class_pos if championship.per_class else line.overall_pos
            placings.append(
                Placing(line, place, place is not None, "" if place else "no qualifying time")
            )
        placings = counted(championship, rnd, placings)
        rows.extend(award_round(season, rnd, championship, placings, name, scale, decided=decided))
    return rows


Decision = tuple[str, Points, str, Points, Withheld]
Cached = tuple[Placing, Decision]
_new_row = builder(LedgerRow)  # LedgerRow(...) at a third of the cost (frozen.py)


def award_round(
    season: Season,
    rnd: Round,
    championship: Championship,
    placings: Iterable[Placing],
    scale_name: str,
    scale: PointsScale,
    factor: Fraction = Fraction(1),
    decided: dict[tuple[object, ...], dict[int, Cached]] | None = None,
) -> list[LedgerRow]:
    """Ledger rows of one championship at one round. ``decided`` caches
    decisions shared between championships of the round: per (scale, basis,
    registration), by placing."""
    cache = {} if decided is None else decided
    alike = (
        scale_name,
        championship.per_class,
        championship.id if championship.registration else "",
    )
    decisions = cache.setdefault(alike, {})
    scaled = factor != 1
    # Each row is built once, with its final values: a competitor's cars are
    # gathered first when only its best car counts.
    candidates: dict[tuple[str, str], list[_Award]] = defaultdict(list)
    out: list[LedgerRow] = []
    every_car = championship.cars is CarsCounted.ALL
    kind = championship.competitor
    timed = kind is Competitor.DRIVER and bool(season.rules.drive_time)
    as_listed = kind is Competitor.DRIVER and not season.drivers  # see _competitors
    for placing in placings:
        line = placing.line
        class_code = line.class_code if championship.per_class else ""
        cached = decisions.get(id(placing))
        if cached is not None and cached[0] is placing:
            decision = cached[1]
        else:
            # Keyed by identity, and the placing is kept with its decision:
            # a placing freed meanwhile could hand its id to another one.
            decision = _decide(season, rnd, championship, placing, scale_name, scale)
            decisions[id(placing)] = (placing, decision)
        car, earned, reason, withheld, rule = decision
        adjusts = bool(earned) and (scaled or len(line.drivers) > 1)
        wheel = at_the_wheel(season.rules, championship, line) if timed else None
        competitors = line.drivers if as_listed else _competitors(season, line, kind)
        for i, competitor in enumerate(competitors):
            if every_car and not adjusts and wheel is None:
                # The decision as it stands (most rows), in LedgerRow's field
                # order: keywords would cost a third more.
                out.append(
                    _new_row(
                        championship.id,
                        class_code,
                        competitor,
                        rnd.number,
                        earned,
                        reason,
                        placing.place,
                        line.status,
                        line.entry,
                        car,
                        True,  # counts
                        False,  # dropped
                        RowKind.RESULT,
                        withheld,
                        rule,
                        scale_name,
                        line.session,
                    )
                )
                continue
            award = _Award(placing, class_code, competitor, car, earned, reason, withheld, rule)
            if adjusts:
                award = _adjust(season, championship, award, scale_name, factor)
            if wheel is not None:
                award = wheel.check(award, line, i)
            if every_car:
                out.append(_row(award, championship, rnd, scale_name))
            else:
                candidates[(class_code, competitor)].append(award)

    if championship.places is Places.COMPETITOR:
        out.extend(ranked_rows(candidates, championship, rnd, scale_name, scale, factor))
        return out
    for awards in candidates.values():
        if len(awards) == 1:
            out.append(_row(awards[0], championship, rnd, scale_name))
            continue
        best = min(awards, key=_best_key)
        for award in awards:
            if award is not best:
                award = _not_best(award, best, championship)
                out.append(_row(award, championship, rnd, scale_name, counts=False))
            else:
                out.append(_row(award, championship, rnd, scale_name))
    return out


def _adjust(
    season: Season, championship: Championship, award: _Award, scale_name: str, factor: Fraction
) -> _Award:
    """Multipliers and shared drives, applied to what the place earned."""
    points, notes = award.points, []
    if factor != 1:
        points *= factor
        notes.append(f"x{format_points(factor)} at this round")
    line = award.placing.line
    if len(line.drivers) > 1:
        entry = season.entries_by_key.get(line.entry) if line.entry else None
        car_no = entry.car_no if entry is not None else None
        if championship.competitor is Competitor.DRIVER:
            share, why = driver_share(season.rules, championship, line, award.competitor, car_no)
        else:
            share, why = Fraction(1), ""
            if championship.shared_cars is SharedCars.NONE:
                share, why = Fraction(0), "shared cars score nothing"
        if share != 1:
            if share == 0:
                head = award.reason.split(":")[0]
                return award._replace(
                    points=Points(0),
                    withheld=points,
                    rule=Withheld.SHARED_CAR,
                    reason=f"{head}: no points, {why}",
                )
            points *= share
            notes.append(f"{why} ({format_points(share)})")
    if not notes:
        return award
    return award._replace(
        points=points,
        reason=f"{award.reason.split(':')[0]}: {format_points(points)} pts, scale {scale_name}, "
        + ", ".join(notes),
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
    classified = line.status is Status.CLASSIFIED
    ruled = f" ({line.decision})" if line.decision else ""
    if classified and placing.place is not None:
        head = f"{car} {ordinal(placing.place)} {where}at {rnd.label}{session}{ruled}"
    elif line.decision:
        head = f"{car} {line.decision} at {rnd.label}{session}"
    else:
        word = _STATUS_WORDS.get(line.status) or line.status.value
        reason = f" ({line.reason})" if line.reason else ""
        head = f"{car} {word}{reason} at {rnd.label}{session}"

    worth = scale.for_place(placing.place) if placing.place else ZERO
    earned = worth
    withheld, rule = ZERO, Withheld.NONE
    if not placing.eligible:
        why = placing.why_not if classified else "only classified cars score"
        reason = f"{head}: no points, {why}"
        earned = ZERO
        if classified and worth > 0:
            withheld = worth
            rule = Withheld.INELIGIBLE if placing.ruled_out else Withheld.DISTANCE
        elif line.decision and line.sheet_pos:
            # Disqualified by the stewards: what the place it lost was worth.
            withheld = scale.for_place(line.sheet_pos)
            lost = f" (its place was worth {format_points(withheld)})" if withheld else ""
            reason = f"{head}: no points{lost}"
            rule = Withheld.STEWARDS if withheld else Withheld.NONE
    elif not earned:
        reason = f"{head}: no points, scale {scale_name} pays the first {len(scale.points)}"
    elif championship.registration and not _registered(season, line, championship):
        reason = (
            f"{head}: no points, car not registered for the {championship.id} championship "
            f"(the place was worth {format_points(earned)}; it still counts as taken)"
        )
        withheld, rule = earned, Withheld.REGISTRATION
        earned = ZERO
    else:
        reason = f"{head}: {format_points(earned)} pts, scale {scale_name}"
    return car, earned, reason, withheld, rule


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
    if kind is Competitor.MAKE:
        spec = entry.car_at(line.round) if entry is not None else None
        return (spec.make,) if spec is not None and spec.make else ()
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
                reason=f"adjustment: {format_points(adj.points)} pts, {adj.reason}",
                kind=RowKind.ADJUSTMENT,
            )
        )
    return rows
