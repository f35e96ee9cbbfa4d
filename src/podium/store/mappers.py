"""Rows to and from the pure model. The core never sees a row; the store never
hands one out. ``*_row`` builds rows from the model, ``to_*`` reads them back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

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
from podium.repository import ResultVersion
from podium.rules import Ruleset
from podium.store.models import (
    AdjustmentRow,
    CarSpecRow,
    CircuitRow,
    ClassRow,
    CrewMemberRow,
    DriverAliasRow,
    DriverRow,
    EditionRow,
    EntryRow,
    PenaltyRow,
    PublishedStandingRow,
    PublishedWinnerRow,
    QualifyingRow,
    ResultLineRow,
    ResultVersionRow,
    RoundRow,
    SeriesRow,
    TeamAliasRow,
    TeamRow,
)
from podium.store.reader import EditionRows, HistoryRows


def base_of(season: Season) -> Season:
    """The part of a season an edition holds: no results, penalties or adjustments."""
    return replace(season, results=(), penalties=(), adjustments=())


# -- model -> rows ---------------------------------------------------------


def edition_row(season: Season, season_id: str, revision: int, series: SeriesRow) -> EditionRow:
    return EditionRow(
        season_id=season_id,
        revision=revision,
        series=series,
        year=season.year,
        name=season.name,
        notes=season.notes,
        rules=season.rules.model_dump(mode="json", by_alias=True),
        classes=[_class_row(i, c) for i, c in enumerate(season.classes)],
        circuits=[
            CircuitRow(
                ordinal=i,
                name=c.name,
                length_km=c.length_km,
                length_mi=c.length_mi,
                turns=c.turns,
                location=c.location,
                source=c.source,
            )
            for i, c in enumerate(season.circuits)
        ],
        rounds=[_round_row(i, r) for i, r in enumerate(season.rounds)],
        teams=[
            TeamRow(
                ordinal=i,
                name=t.name,
                nationality=t.nationality,
                source=t.source,
                aliases=[TeamAliasRow(ordinal=j, alias=a) for j, a in enumerate(t.aliases)],
            )
            for i, t in enumerate(season.teams)
        ],
        drivers=[
            DriverRow(
                ordinal=i,
                name=d.name,
                nationality=d.nationality,
                source=d.source,
                aliases=[DriverAliasRow(ordinal=j, alias=a) for j, a in enumerate(d.aliases)],
            )
            for i, d in enumerate(season.drivers)
        ],
        entries=[_entry_row(i, e) for i, e in enumerate(season.entries)],
        qualifying=[_qualifying_row(i, q) for i, q in enumerate(season.qualifying)],
        published=[
            PublishedStandingRow(
                ordinal=i,
                championship=p.championship,
                class_code=p.class_code,
                pos=p.pos,
                name=p.name,
                cells=list(p.cells),
                total=p.total,
                chassis=p.chassis,
                engine=p.engine,
                line=p.line,
            )
            for i, p in enumerate(season.published)
        ],
        published_winners=[
            PublishedWinnerRow(
                ordinal=i,
                round=w.round,
                class_code=w.class_code,
                car_no=w.car_no,
                team=w.team,
                drivers=list(w.drivers),
                line=w.line,
            )
            for i, w in enumerate(season.published_winners)
        ],
    )


def _class_row(ordinal: int, c: CarClass) -> ClassRow:
    return ClassRow(
        ordinal=ordinal,
        code=c.code,
        name=c.name,
        description=c.description,
        source=c.source,
        min_weight_kg=c.rules.min_weight_kg,
        engine_na_max_l=c.rules.engine_na_max_l,
        engine_turbo_max_l=c.rules.engine_turbo_max_l,
        carbon_brakes_allowed=c.rules.carbon_brakes_allowed,
    )


def _round_row(ordinal: int, r: Round) -> RoundRow:
    return RoundRow(
        ordinal=ordinal,
        number=r.number,
        name=r.name,
        circuit=r.circuit,
        date=r.date,
        duration=r.duration,
        scale=r.scale,
        status=r.status.value,
        short_name=r.short_name,
        source=r.source,
    )


def _round_set_columns(rounds: RoundSet) -> dict[str, object]:
    return {
        "rounds": sorted(rounds.rounds),
        "absent_rounds": sorted(rounds.absent),
        "everywhere": rounds.everywhere,
        "rounds_known": rounds.known,
        "rounds_text": rounds.text,
    }


def _entry_row(ordinal: int, e: Entry) -> EntryRow:
    return EntryRow(
        ordinal=ordinal,
        key=e.key,
        class_code=e.class_code,
        team=e.team,
        car_no=e.car_no,
        entrant=e.entrant,
        tyres=e.tyres,
        championships=None if e.championships is None else sorted(e.championships),
        source=e.source,
        confidence=e.confidence,
        cars=[
            CarSpecRow(
                ordinal=j,
                chassis=car.chassis,
                engine=car.engine.name,
                displacement_l=car.engine.displacement_l,
                aspiration=None if car.engine.aspiration is None else car.engine.aspiration.value,
                weight_kg=car.weight_kg,
                carbon_brakes=car.carbon_brakes,
                **_round_set_columns(car.rounds),
            )
            for j, car in enumerate(e.cars)
        ],
        crew=[
            CrewMemberRow(
                ordinal=j, driver=m.driver, source=m.source, **_round_set_columns(m.rounds)
            )
            for j, m in enumerate(e.crew)
        ],
    )


def _qualifying_row(ordinal: int, q: QualifyingLine) -> QualifyingRow:
    return QualifyingRow(
        ordinal=ordinal,
        round=q.round,
        entry=q.entry,
        class_code=q.class_code,
        position=q.position,
        class_position=q.class_position,
        grid=q.grid,
        driver=q.driver,
        time=q.time,
        note=q.note,
        source=q.source,
    )


def result_line_rows(lines: Sequence[ResultLine]) -> list[ResultLineRow]:
    return [
        ResultLineRow(
            ordinal=i,
            round=r.round,
            class_code=r.class_code,
            status=r.status.value,
            entry=r.entry,
            team=r.team,
            overall_pos=r.overall_pos,
            class_pos=r.class_pos,
            drivers=list(r.drivers),
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
        )
        for i, r in enumerate(lines)
    ]


def penalty_row(season_id: str, revision: int, p: Penalty) -> PenaltyRow:
    return PenaltyRow(
        season_id=season_id,
        revision=revision,
        round=p.round,
        entry=p.entry,
        kind=p.kind.value,
        reason=p.reason,
        value=p.value,
        championship=p.championship,
        source=p.source,
    )


def adjustment_row(season_id: str, revision: int, a: PointsAdjustment) -> AdjustmentRow:
    return AdjustmentRow(
        season_id=season_id,
        revision=revision,
        championship=a.championship,
        class_code=a.class_code,
        competitor=a.competitor,
        points=a.points,
        reason=a.reason,
        round=a.round,
        source=a.source,
    )


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
        penalties=tuple(to_penalty(p) for p in history.penalties) if history else (),
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
    )


def to_penalty(p: Any) -> Penalty:
    return Penalty(
        p.round, p.entry, PenaltyKind(p.kind), p.reason, p.value, p.championship, p.source
    )


def to_adjustment(a: Any) -> PointsAdjustment:
    return PointsAdjustment(
        a.championship, a.class_code, a.competitor, a.points, a.reason, a.round, a.source
    )


def to_result_version(row: ResultVersionRow) -> ResultVersion:
    return ResultVersion(
        season_id=row.season_id,
        round=row.round,
        version=row.version,
        revision=row.revision,
        status=RoundStatus(row.status),
        created_at=row.created_at,
        actor=row.actor,
        reason=row.reason,
        lines=tuple(to_result_line(line) for line in row.lines),
    )
