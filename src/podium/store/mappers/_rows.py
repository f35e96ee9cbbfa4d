"""Model -> rows (writes): one function per model object, building ORM rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from podium.model import (
    CarClass,
    Entry,
    Penalty,
    PointsAdjustment,
    QualifyingLine,
    ResultLine,
    Round,
    RoundSet,
    Season,
)
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
    RoundRow,
    SeriesRow,
    TeamAliasRow,
    TeamRow,
)


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
        classes=",".join(r.classes),
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
                make=car.make,
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
            drive_times=_drive_times_text(r.drive_times),
        )
        for i, r in enumerate(lines)
    ]


def _drive_times_text(times: tuple[int, ...]) -> str:
    """``10882500,10717500``: milliseconds, comma-separated ('' when unknown)."""
    return ",".join(str(ms) for ms in times)


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
        session=p.session,
        in_results=p.in_results,
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
