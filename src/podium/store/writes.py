"""The steps every write of the SQL store takes, each in the caller's
session (one transaction per public call): find and lock the season's row,
bump its revision with who, when and why, post a result version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from podium.app.repository import ResultVersion, now
from podium.errors import NotFound
from podium.model.calendar import RoundStatus
from podium.model.results import ResultLine
from podium.model.season import Season
from podium.store import mappers
from podium.store.models import (
    EditionRow,
    PenaltyWithdrawalRow,
    ResultVersionRow,
    RevisionRow,
    RoundRow,
    SeasonRow,
    SeriesRow,
)


def season_row(
    session: Session, season_id: str, lock: bool = False, create: bool = False
) -> SeasonRow:
    query = select(SeasonRow).where(SeasonRow.id == season_id)
    row = session.scalar(query.with_for_update() if lock else query)
    if row is not None:
        return row
    if create:
        row = SeasonRow(id=season_id, revision=0, created_at=now())
        session.add(row)
        session.flush()
        return row
    stored = ", ".join(session.scalars(select(SeasonRow.id).order_by(SeasonRow.id)))
    raise NotFound(f"no season {season_id!r} (stored: {stored})")


def bump(
    session: Session,
    row: SeasonRow,
    actor: str,
    reason: str,
    kind: str,
    at: dt.datetime | None = None,
) -> int:
    row.revision += 1
    session.add(
        RevisionRow(
            season_id=row.id,
            revision=row.revision,
            created_at=at or now(),
            actor=actor,
            reason=reason,
            kind=kind,
        )
    )
    return row.revision


def post(
    session: Session,
    row: SeasonRow,
    round_number: int,
    lines: Sequence[ResultLine],
    status: RoundStatus,
    actor: str,
    reason: str,
    at: dt.datetime | None = None,
) -> ResultVersion:
    round_exists(session, row.id, round_number)
    previous = session.scalar(
        select(func.max(ResultVersionRow.version)).where(
            ResultVersionRow.season_id == row.id, ResultVersionRow.round == round_number
        )
    )
    at = at or now()  # the version and its revision share one moment, for as_of=datetime
    revision = bump(session, row, actor, reason, "results", at)
    version = ResultVersionRow(
        season_id=row.id,
        round=round_number,
        version=(previous or 0) + 1,
        revision=revision,
        status=status.value,
        created_at=at,
        actor=actor,
        reason=reason,
        lines=mappers.result_line_rows(lines),
    )
    session.add(version)
    session.flush()
    return mappers.to_result_version(version)


def round_exists(session: Session, season_id: str, round_number: int) -> None:
    """NotFound unless the season's newest edition has round ``round_number``."""
    newest = select(func.max(EditionRow.revision)).where(EditionRow.season_id == season_id)
    held = session.scalar(
        select(func.count())
        .select_from(RoundRow)
        .join(EditionRow, RoundRow.edition_id == EditionRow.id)
        .where(
            EditionRow.season_id == season_id,
            EditionRow.revision == newest.scalar_subquery(),
            RoundRow.number == round_number,
        )
    )
    if not held:
        raise NotFound(f"no round {round_number} in season {season_id!r}")


def series_row(session: Session, season: Season) -> SeriesRow:
    series = season.series
    row = session.scalar(
        select(SeriesRow).where(
            SeriesRow.name == series.name,
            SeriesRow.short_name == series.short_name,
            SeriesRow.sanctioning_body == series.sanctioning_body,
        )
    )
    if row is None:
        row = SeriesRow(
            name=series.name,
            short_name=series.short_name,
            sanctioning_body=series.sanctioning_body,
        )
        session.add(row)
    return row


def withdrawal_row(season_id: str, revision: int, number: int, reason: str) -> PenaltyWithdrawalRow:
    return PenaltyWithdrawalRow(
        season_id=season_id, revision=revision, penalty_number=number, reason=reason
    )
