"""Rows -> model (reads): plain rows from store/reader.py, or ORM rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from podium.app.repository import ResultVersion, VersionSummary
from podium.model import (
    Aspiration,
    CarClass,
    CarSpec,
    Circuit,
    CrewMember,
    Driver,
    Engine,
    Entry,
    Penalty,
    PenaltyKind,
    PointsAdjustment,
    PublishedStanding,
    PublishedWinner,
    QualifyingLine,
    ResultLine,
    Round,
    RoundSet,
    RoundStatus,
    Season,
    Series,
    Status,
    Team,
    TechnicalRules,
)
from podium.rules import Ruleset
from podium.store.models import (
    ResultVersionRow,
)
from podium.store.reader import EditionRows, HistoryRows

# -- rows -> model ---------------------------------------------------------
# Reads hand plain rows (store/reader.py); result versions may also be ORM
# objects. Both expose the columns as attributes, hence the ``Any``.


def to_season(rows: EditionRows, season_id: str, history: HistoryRows | None) -> Season:
    """A season from an edition's rows and, unless None (the base alone), what
    later revisions added: the latest visible version of each round (its lines
    and its status), penalties and adjustments."""
    edition = rows.edition
    versions = history.versions if history else ()
    statuses = {v.round: RoundStatus(v.status) for v in versions}
    return Season(
        id=season_id,
        series=Series(
            edition.series_name, edition.series_short_name, edition.series_sanctioning_body
        ),
        year=edition.year,
        rules=Ruleset.model_validate(edition.rules),
        classes=tuple(_to_class(c) for c in rows.classes),
        circuits=tuple(
            Circuit(c.name, c.length_km, c.length_mi, c.turns, c.location, c.source)
            for c in rows.circuits
        ),
        rounds=tuple(_to_round(r, statuses.get(r.number)) for r in rows.rounds),
        teams=tuple(
            Team(t.name, tuple(rows.team_aliases.get(t.id, ())), t.nationality, t.source)
            for t in rows.teams
        ),
        drivers=tuple(
            Driver(d.name, d.nationality, tuple(rows.driver_aliases.get(d.id, ())), d.source)
            for d in rows.drivers
        ),
        entries=tuple(
            _to_entry(e, rows.cars.get(e.id, ()), rows.crew.get(e.id, ())) for e in rows.entries
        ),
        results=tuple(
            to_result_line(line)
            for v in versions
            for line in (history.lines.get(v.id, ()) if history else ())
        ),
        qualifying=tuple(_to_qualifying(q) for q in rows.qualifying),
        penalties=to_penalties(history) if history else (),
        adjustments=tuple(to_adjustment(a) for a in history.adjustments) if history else (),
        published=tuple(
            PublishedStanding(
                p.championship,
                p.class_code,
                p.pos,
                p.name,
                tuple(p.cells),
                p.total,
                p.chassis,
                p.engine,
                p.line,
            )
            for p in rows.published
        ),
        published_winners=tuple(
            PublishedWinner(w.round, w.class_code, w.car_no, w.team, tuple(w.drivers), w.line)
            for w in rows.published_winners
        ),
        name=edition.name,
        notes=edition.notes,
    )


def _to_class(c: Any) -> CarClass:
    rules = TechnicalRules(
        c.min_weight_kg, c.engine_na_max_l, c.engine_turbo_max_l, c.carbon_brakes_allowed
    )
    return CarClass(c.code, c.name, c.description, rules, c.source)


def _to_round(r: Any, status: RoundStatus | None) -> Round:
    return Round(
        number=r.number,
        name=r.name,
        circuit=r.circuit,
        date=r.date,
        duration=r.duration,
        scale=r.scale,
        status=status or RoundStatus(r.status),
        short_name=r.short_name,
        source=r.source,
        classes=tuple(r.classes.split(",")) if r.classes else (),
    )


def _to_round_set(row: Any) -> RoundSet:
    return RoundSet(
        frozenset(row.rounds),
        frozenset(row.absent_rounds),
        row.everywhere,
        row.rounds_known,
        row.rounds_text,
    )


def _to_entry(e: Any, cars_rows: Sequence[Any], crew_rows: Sequence[Any]) -> Entry:
    cars = tuple(
        CarSpec(
            c.chassis,
            Engine(
                c.engine,
                c.displacement_l,
                None if c.aspiration is None else Aspiration(c.aspiration),
            ),
            _to_round_set(c),
            c.weight_kg,
            c.carbon_brakes,
            c.make,
        )
        for c in cars_rows
    )
    return Entry(
        key=e.key,
        class_code=e.class_code,
        team=e.team,
        cars=cars,
        car_no=e.car_no,
        entrant=e.entrant,
        tyres=e.tyres,
        championships=None if e.championships is None else frozenset(e.championships),
        crew=tuple(CrewMember(m.driver, _to_round_set(m), m.source) for m in crew_rows),
        source=e.source,
        confidence=e.confidence,
    )


def _to_qualifying(q: Any) -> QualifyingLine:
    return QualifyingLine(
        q.round,
        q.entry,
        q.class_code,
        q.position,
        q.class_position,
        q.grid,
        q.driver,
        q.time,
        q.note,
        q.source,
    )


def to_result_line(r: Any) -> ResultLine:
    return ResultLine(
        round=r.round,
        class_code=r.class_code,
        status=Status(r.status),
        entry=r.entry,
        team=r.team,
        overall_pos=r.overall_pos,
        class_pos=r.class_pos,
        drivers=tuple(r.drivers),
        car=r.car,
        laps=r.laps,
        time=r.time,
        gap=r.gap,
        reason=r.reason,
        laps_led=r.laps_led,
        entrant=r.entrant,
        session=r.session,
        fastest_lap=r.fastest_lap,
        source=r.source,
        drive_times=tuple(int(ms) for ms in r.drive_times.split(",")) if r.drive_times else (),
    )


def to_penalty(p: Any) -> Penalty:
    return Penalty(
        p.round,
        p.entry,
        PenaltyKind(p.kind),
        p.reason,
        p.value,
        p.championship,
        p.source,
        p.session,
        in_results=bool(p.in_results),
    )


def to_penalties(history: HistoryRows) -> tuple[Penalty, ...]:
    """The season's decisions in the order they were taken, each marked
    withdrawn when a withdrawal of its number is in ``history``."""
    penalties = [to_penalty(p) for p in history.penalties]
    for w in history.withdrawals:
        if 1 <= w.penalty_number <= len(penalties):
            at = w.penalty_number - 1
            penalties[at] = replace(penalties[at], withdrawn=w.reason)
    return tuple(penalties)


def to_adjustment(a: Any) -> PointsAdjustment:
    return PointsAdjustment(
        a.championship, a.class_code, a.competitor, a.points, a.reason, a.round, a.source
    )


def _version_head(row: ResultVersionRow) -> dict[str, Any]:
    """What a version is, without its lines (shared by both answers below)."""
    return {
        "season_id": row.season_id,
        "round": row.round,
        "version": row.version,
        "revision": row.revision,
        "status": RoundStatus(row.status),
        "created_at": row.created_at,
        "actor": row.actor,
        "reason": row.reason,
    }


def to_result_version(row: ResultVersionRow) -> ResultVersion:
    return ResultVersion(
        **_version_head(row), lines=tuple(to_result_line(line) for line in row.lines)
    )


def to_version_summary(row: ResultVersionRow, line_count: int) -> VersionSummary:
    """A version without its lines (``row.lines`` is never loaded)."""
    return VersionSummary(**_version_head(row), line_count=line_count)
