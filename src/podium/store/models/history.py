"""What changes after a season is loaded, each change a numbered revision:
result versions (with their lines), penalties, points adjustments. Plus API
tokens, stored hashed.

Nothing of a season here is ever updated or deleted: an amendment is a new
result version, so "as of revision N" is a filter, not a reconstruction.
Tokens are not season history: revoking one sets its ``revoked_at``.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from podium.store.models.base import Base, FractionText, UtcDateTime


class SeasonRow(Base):
    """A season by its natural key, with its revision counter."""

    __tablename__ = "seasons"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class RevisionRow(Base):
    """One change to a season: who, when, why, and what kind."""

    __tablename__ = "season_revisions"

    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20))
    """load, results, penalty or adjustment."""


class ResultVersionRow(Base):
    __tablename__ = "result_versions"
    __table_args__ = (UniqueConstraint("season_id", "round", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"))
    round: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text, default="")
    lines: Mapped[list[ResultLineRow]] = relationship(
        order_by="ResultLineRow.ordinal", lazy="raise_on_sql", cascade="all, delete-orphan"
    )


class ResultLineRow(Base):
    __tablename__ = "result_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("result_versions.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    round: Mapped[int] = mapped_column(Integer)
    class_code: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    entry: Mapped[str | None] = mapped_column(String(50))
    """The entry key (car number or slug); NULL when the source lost it."""
    team: Mapped[str] = mapped_column(String(200), default="")
    overall_pos: Mapped[int | None]
    class_pos: Mapped[int | None]
    drivers: Mapped[list[str]]
    car: Mapped[str] = mapped_column(String(200), default="")
    laps: Mapped[int | None]
    time: Mapped[str] = mapped_column(String(50), default="")
    gap: Mapped[str] = mapped_column(String(50), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    laps_led: Mapped[int | None]
    entrant: Mapped[str] = mapped_column(String(200), default="")
    session: Mapped[str] = mapped_column(String(50), default="race")
    fastest_lap: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(Text, default="")
    drive_times: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Each driver's time at the wheel in ms, in the order of ``drivers``,
    comma-separated (``10882500,10717500``); blank when unknown."""


class PenaltyRow(Base):
    __tablename__ = "penalties"

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    round: Mapped[int] = mapped_column(Integer)
    entry: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(String(100), default="")
    championship: Mapped[str] = mapped_column(String(50), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    session: Mapped[str] = mapped_column(String(20), default="race", server_default="race")
    in_results: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class PenaltyWithdrawalRow(Base):
    """A stewards' decision withdrawn (on appeal): the decision keeps its row,
    history is appended to, never rewritten."""

    __tablename__ = "penalty_withdrawals"

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    penalty_number: Mapped[int] = mapped_column(Integer)
    """The decision's number in the season (1 = its first penalty)."""
    reason: Mapped[str] = mapped_column(Text)


class AdjustmentRow(Base):
    __tablename__ = "points_adjustments"

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    championship: Mapped[str] = mapped_column(String(50))
    class_code: Mapped[str] = mapped_column(String(20))
    competitor: Mapped[str] = mapped_column(String(200))
    points: Mapped[Fraction] = mapped_column(FractionText)
    reason: Mapped[str] = mapped_column(Text)
    round: Mapped[int | None]
    source: Mapped[str] = mapped_column(Text, default="")


class TokenRow(Base):
    """An API token: only its SHA-256 is kept (see podium.app.repository.hash_token).
    ``scope`` is admin or write (podium.app.tokens); ``seasons``, the season
    ids a write token may write, comma-separated (blank for admin);
    ``expires_at`` NULL never expires; ``revoked_at`` NULL is not revoked
    (migration 0006: tokens made before it are admin, without expiry)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    scope: Mapped[str] = mapped_column(String(10), default="admin", server_default="admin")
    seasons: Mapped[str] = mapped_column(Text, default="", server_default="")
    expires_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
