"""Read a season in a fixed number of plain SELECTs (one per table).

Reads skip the ORM's object graph: a season is ~800 rows and building ORM
instances for them costs more than the queries. The tables' column types
still apply (JSON, fractions, UTC datetimes); rows go straight to the mappers.
Writes use the ORM models (store/models/), whose cascades keep them short.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Table, func, select
from sqlalchemy.orm import Session

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
    PenaltyWithdrawalRow,
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

Rows = Sequence[Row[Any]]


def _table(model: type[Any]) -> Table:
    table: Table = model.__table__
    return table


@dataclass(frozen=True, slots=True)
class EditionRows:
    """An edition's rows; children grouped by their parent's id."""

    edition: Row[Any]
    """season_editions joined with series (series columns prefixed ``series_``)."""
    classes: Rows
    circuits: Rows
    rounds: Rows
    teams: Rows
    drivers: Rows
    entries: Rows
    qualifying: Rows
    published: Rows
    published_winners: Rows
    team_aliases: dict[int, list[str]]
    driver_aliases: dict[int, list[str]]
    cars: dict[int, list[Row[Any]]]
    crew: dict[int, list[Row[Any]]]


@dataclass(frozen=True, slots=True)
class HistoryRows:
    """What revisions after the edition added, up to the revision read."""

    versions: Rows
    """The latest visible version of each round, by round number."""
    lines: dict[int, list[Row[Any]]]
    penalties: Rows
    adjustments: Rows
    withdrawals: Rows
    """Decisions withdrawn (on appeal), by the decision's number."""


def read_edition(session: Session, season_id: str, revision: int) -> EditionRows | None:
    """The newest edition of a season at or before ``revision`` (None: none yet)."""
    editions = _table(EditionRow)
    series = _table(SeriesRow)
    edition = session.execute(
        select(
            editions,
            series.c.name.label("series_name"),
            series.c.short_name.label("series_short_name"),
            series.c.sanctioning_body.label("series_sanctioning_body"),
        )
        .join(series, editions.c.series_id == series.c.id)
        .where(editions.c.season_id == season_id, editions.c.revision <= revision)
        .order_by(editions.c.revision.desc())
        .limit(1)
    ).first()
    if edition is None:
        return None

    def children(model: type[Any]) -> Rows:
        table = _table(model)
        query = select(table).where(table.c.edition_id == edition.id).order_by(table.c.ordinal)
        return session.execute(query).all()

    def grandchildren(model: type[Any], parent: type[Any], key: str) -> dict[int, list[Row[Any]]]:
        table, owner = _table(model), _table(parent)
        query = (
            select(table)
            .join(owner, table.c[key] == owner.c.id)
            .where(owner.c.edition_id == edition.id)
            .order_by(table.c[key], table.c.ordinal)
        )
        grouped: dict[int, list[Row[Any]]] = defaultdict(list)
        for row in session.execute(query):
            grouped[row._mapping[key]].append(row)
        return grouped

    def aliases(model: type[Any], parent: type[Any], key: str) -> dict[int, list[str]]:
        return {k: [r.alias for r in v] for k, v in grandchildren(model, parent, key).items()}

    return EditionRows(
        edition=edition,
        classes=children(ClassRow),
        circuits=children(CircuitRow),
        rounds=children(RoundRow),
        teams=children(TeamRow),
        drivers=children(DriverRow),
        entries=children(EntryRow),
        qualifying=children(QualifyingRow),
        published=children(PublishedStandingRow),
        published_winners=children(PublishedWinnerRow),
        team_aliases=aliases(TeamAliasRow, TeamRow, "team_id"),
        driver_aliases=aliases(DriverAliasRow, DriverRow, "driver_id"),
        cars=grandchildren(CarSpecRow, EntryRow, "entry_id"),
        crew=grandchildren(CrewMemberRow, EntryRow, "entry_id"),
    )


def read_history(session: Session, season_id: str, revision: int) -> HistoryRows:
    versions, lines = _table(ResultVersionRow), _table(ResultLineRow)
    latest = (
        select(versions.c.round, func.max(versions.c.version).label("version"))
        .where(versions.c.season_id == season_id, versions.c.revision <= revision)
        .group_by(versions.c.round)
        .subquery()
    )
    visible = (
        select(versions)
        .join(
            latest,
            (versions.c.round == latest.c.round) & (versions.c.version == latest.c.version),
        )
        .where(versions.c.season_id == season_id)
    )
    shown = session.execute(visible.order_by(versions.c.round)).all()
    grouped: dict[int, list[Row[Any]]] = defaultdict(list)
    query = select(lines).where(lines.c.version_id.in_(visible.with_only_columns(versions.c.id)))
    for row in session.execute(query.order_by(lines.c.version_id, lines.c.ordinal)):
        grouped[row.version_id].append(row)

    def added(model: type[Any]) -> Rows:
        table = _table(model)
        query = (
            select(table)
            .where(table.c.season_id == season_id, table.c.revision <= revision)
            .order_by(table.c.revision, table.c.id)
        )
        return session.execute(query).all()

    return HistoryRows(
        shown, grouped, added(PenaltyRow), added(AdjustmentRow), added(PenaltyWithdrawalRow)
    )
