"""Laps in the ``laps`` table: read a round's laps in one SELECT, replace a
session's laps with one DELETE and one INSERT of many rows (a 24-hour race
has tens of thousands)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, delete, insert, select
from sqlalchemy.orm import Session

from podium.model.lap_checks import sorted_laps
from podium.model.laps import Lap
from podium.store.models import LapRow


def select_laps(
    session: Session, season_id: str, round_number: int, session_name: str | None = None
) -> list[Lap]:
    table = LapRow.__table__
    query = select(table).where(table.c.season_id == season_id, table.c.round == round_number)
    if session_name is not None:
        query = query.where(table.c.session == session_name)
    return list(sorted_laps(_lap(row) for row in session.execute(query)))


def replace_laps(
    session: Session, season_id: str, round_number: int, session_name: str, laps: Sequence[Lap]
) -> None:
    session.execute(
        delete(LapRow).where(
            LapRow.season_id == season_id,
            LapRow.round == round_number,
            LapRow.session == session_name,
        )
    )
    if laps:
        session.execute(insert(LapRow), [_values(season_id, lap) for lap in laps])


def _values(season_id: str, lap: Lap) -> dict[str, Any]:
    return {
        "season_id": season_id,
        "round": lap.round,
        "session": lap.session,
        "entry": lap.entry,
        "lap": lap.number,
        "driver": lap.driver,
        "time_ms": lap.time_ms,
        "position": lap.position,
        "elapsed_ms": lap.elapsed_ms,
        "sectors_ms": list(lap.sectors_ms),
        "pit_in": lap.pit_in,
        "pit_out": lap.pit_out,
        "valid": lap.valid,
    }


def _lap(row: Row[Any]) -> Lap:
    return Lap(
        row.round,
        row.session,
        row.entry,
        row.lap,
        row.time_ms,
        row.position,
        row.elapsed_ms,
        tuple(row.sectors_ms or ()),
        row.pit_in,
        row.pit_out,
        row.valid,
        row.driver,
    )
