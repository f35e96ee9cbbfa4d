"""Bonus points (fastest lap, pole, most laps led) and the rules' deductions,
as ledger rows of their own so that explain shows them apart."""

from __future__ import annotations

from fractions import Fraction

from podium.model.calendar import Round
from podium.model.points import format_points
from podium.model.results import ResultLine
from podium.model.season import Season
from podium.rules.dimensions import Bonus, BonusKind, BonusTies
from podium.rules.schema import Competitor
from podium.scoring.ledger_row import LedgerRow, RowKind
from podium.scoring.rulings import skips, skips_class

_WORDS = {
    BonusKind.FASTEST_LAP: "fastest lap",
    BonusKind.POLE: "pole position",
    BonusKind.MOST_LAPS_LED: "most laps led",
}


def holders(
    season: Season, bonus: Bonus, round_number: int, lines: list[ResultLine]
) -> list[tuple[ResultLine, tuple[str, ...]]]:
    """Cars that earned the bonus and the drivers credited with it."""
    ruling = next((r for r in bonus.rulings if r.round == round_number), None)
    if ruling is not None:
        return [
            (line, tuple(d for d in line.drivers if d in ruling.drivers))
            for line in lines
            if any(d in ruling.drivers for d in line.drivers)
        ][: len(ruling.drivers)]
    found: list[tuple[ResultLine, tuple[str, ...]]] = []
    if bonus.kind is BonusKind.FASTEST_LAP:
        for line in lines:
            if line.fastest_lap:
                who = (line.fastest_lap_driver,) if line.fastest_lap_driver else line.drivers
                found.append((line, who))
    elif bonus.kind is BonusKind.MOST_LAPS_LED:
        most = max((line.laps_led or 0 for line in lines), default=0)
        found = [(line, line.drivers) for line in lines if most and line.laps_led == most]
    else:
        poles = {
            q.entry
            for q in season.qualifying
            if q.round == round_number
            and (q.class_position if bonus.per_class else q.position) == 1
        }
        found = [(line, line.drivers) for line in lines if line.entry in poles]
    return found


def _qualifies(bonus: Bonus, line: ResultLine) -> bool:
    if bonus.top is not None:
        return line.classified and line.overall_pos is not None and line.overall_pos <= bonus.top
    return line.classified or not bonus.classified_only


def bonus_rows(
    season: Season, rnd: Round, session: str, lines: list[ResultLine]
) -> list[LedgerRow]:
    rows: list[LedgerRow] = []
    for bonus in season.rules.bonuses:
        if session not in bonus.sessions or rnd.number in bonus.except_rounds:
            continue
        groups: dict[str, list[ResultLine]] = {}
        for line in lines:
            groups.setdefault(line.class_code if bonus.per_class else "", []).append(line)
        for group in groups.values():
            rows += _group_rows(season, rnd, session, bonus, group)
    return rows


def _group_rows(
    season: Season, rnd: Round, session: str, bonus: Bonus, lines: list[ResultLine]
) -> list[LedgerRow]:
    """The bonus among ``lines`` (the whole field, or one class): its holder,
    or holders sharing it, credited in each championship it is for."""
    earned = [(line, who) for line, who in holders(season, bonus, rnd.number, lines)]
    earned = [(line, who) for line, who in earned if _qualifies(bonus, line)]
    if not earned:
        return []
    worth = bonus.points
    if bonus.ties is BonusTies.SHARE and len(earned) > 1:
        worth = bonus.points / len(earned)
    word = _WORDS[bonus.kind]
    tie = f", shared {len(earned)} ways" if len(earned) > 1 and worth != bonus.points else ""
    rows: list[LedgerRow] = []
    for championship in season.rules.championships:
        if championship.id not in bonus.championships or skips(championship, rnd):
            continue
        for line, who in earned:
            if skips_class(championship, rnd, line.class_code):
                continue
            class_code = line.class_code if championship.per_class else ""
            for competitor in _credited(season, line, who, championship.competitor):
                rows.append(
                    LedgerRow(
                        championship=championship.id,
                        class_code=class_code,
                        competitor=competitor,
                        round=rnd.number,
                        points=worth,
                        reason=f"{word} at {rnd.label}: {format_points(worth)} pts bonus{tie}",
                        entry=line.entry,
                        kind=RowKind.BONUS,
                        session=session,
                    )
                )
    return rows


def _credited(
    season: Season, line: ResultLine, who: tuple[str, ...], kind: Competitor
) -> tuple[str, ...]:
    if kind is Competitor.DRIVER:
        return tuple(season.driver_name(d) or d for d in who)
    entry = season.entries_by_key.get(line.entry) if line.entry else None
    if kind is Competitor.TEAM:
        return (entry.team,) if entry is not None else ((line.team,) if line.team else ())
    return (entry.label,) if entry is not None else ()


def deduction_rows(season: Season) -> list[LedgerRow]:
    return [
        LedgerRow(
            championship=d.championship,
            class_code=d.class_code,
            competitor=d.competitor,
            round=d.from_round,
            points=-Fraction(d.points),
            reason=f"deduction: -{format_points(d.points)} pts, {d.statement or 'ruling'}",
            kind=RowKind.ADJUSTMENT,
        )
        for d in season.rules.deductions
    ]
