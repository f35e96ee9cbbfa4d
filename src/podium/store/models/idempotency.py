"""Idempotency keys of the write API (podium.app.idempotency): the first
request with a key claims it, its answer is kept for its repeats, for 24
hours. Not season history: a key is claimed, renewed, finished or released
in place, and forgotten when it expires."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from podium.store.models.base import Base, UtcDateTime


class IdempotencyKeyRow(Base):
    """One key of one actor (the token's name): the primary key (actor,
    key) is the unique constraint that makes a claim atomic."""

    __tablename__ = "idempotency_keys"

    actor: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    method: Mapped[str] = mapped_column(String(10))
    target: Mapped[str] = mapped_column(Text)
    """The path, with ``?query`` when there is one."""
    body_sha256: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(10))
    """running, written (its request wrote; no answer kept yet) or done."""
    claim: Mapped[str] = mapped_column(String(32))
    """The request holding the key; blank once released."""
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    renewed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    status: Mapped[int | None] = mapped_column(Integer)
    content_type: Mapped[str | None] = mapped_column(Text)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
