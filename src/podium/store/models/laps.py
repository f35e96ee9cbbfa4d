"""Laps: each car's laps in one session of a round, apart from the season.

Scoring never reads them, so they are not part of an edition or a result
version: ``put_laps`` replaces a session's laps (bumping the season's
revision, with who and why) and reads always see the latest.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from podium.store.models.base import Base


class LapRow(Base):
    __tablename__ = "laps"

    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), primary_key=True)
    round: Mapped[int] = mapped_column(Integer, primary_key=True)
    session: Mapped[str] = mapped_column(String(50), primary_key=True)
    entry: Mapped[str] = mapped_column(String(50), primary_key=True)
    lap: Mapped[int] = mapped_column(Integer, primary_key=True)
    driver: Mapped[str] = mapped_column(String(200), default="")
    time_ms: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int | None] = mapped_column(Integer)
    elapsed_ms: Mapped[int | None] = mapped_column(Integer)
    sectors_ms: Mapped[list[int | None]] = mapped_column(JSON, default=list)
    pit_in: Mapped[bool] = mapped_column(Boolean, default=False)
    pit_out: Mapped[bool] = mapped_column(Boolean, default=False)
    valid: Mapped[bool] = mapped_column(Boolean, default=True)
