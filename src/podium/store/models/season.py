"""A season's base data (everything but results, penalties and adjustments),
stored as one immutable *edition* per load that changed it.

Reading a season "as of" a revision picks the newest edition at or before it;
an edition's rows never change, so older standings stay reproducible. Inside
an edition the natural keys are unique: class code, round number, entry key.
Every child row carries ``ordinal`` so a season reads back in file order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from podium.store.models.base import Base


def _children(order_by: str) -> Any:
    """Rows owned by their parent, in file order; never lazy-loaded (reads
    must name what they load, so their number of queries stays fixed)."""
    return relationship(order_by=order_by, lazy="raise_on_sql", cascade="all, delete-orphan")


class SeriesRow(Base):
    __tablename__ = "series"
    __table_args__ = (UniqueConstraint("name", "short_name", "sanctioning_body"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(50), default="")
    sanctioning_body: Mapped[str] = mapped_column(String(200), default="")


class EditionRow(Base):
    """The season's base data as one load left it."""

    __tablename__ = "season_editions"
    __table_args__ = (UniqueConstraint("season_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    season_id: Mapped[str] = mapped_column(ForeignKey("seasons.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id"))
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    rules: Mapped[dict[str, Any]]
    """The validated Ruleset, as ``model_dump(mode="json", by_alias=True)``."""

    series: Mapped[SeriesRow] = relationship(lazy="joined", innerjoin=True)
    classes: Mapped[list[ClassRow]] = _children("ClassRow.ordinal")
    circuits: Mapped[list[CircuitRow]] = _children("CircuitRow.ordinal")
    rounds: Mapped[list[RoundRow]] = _children("RoundRow.ordinal")
    teams: Mapped[list[TeamRow]] = _children("TeamRow.ordinal")
    drivers: Mapped[list[DriverRow]] = _children("DriverRow.ordinal")
    entries: Mapped[list[EntryRow]] = _children("EntryRow.ordinal")
    qualifying: Mapped[list[QualifyingRow]] = _children("QualifyingRow.ordinal")
    published: Mapped[list[PublishedStandingRow]] = _children("PublishedStandingRow.ordinal")
    published_winners: Mapped[list[PublishedWinnerRow]] = _children("PublishedWinnerRow.ordinal")


class _EditionChild:
    id: Mapped[int] = mapped_column(primary_key=True)
    edition_id: Mapped[int] = mapped_column(ForeignKey("season_editions.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)


class ClassRow(_EditionChild, Base):
    """A class and its technical rules (None: the regulations set no limit)."""

    __tablename__ = "car_classes"
    __table_args__ = (UniqueConstraint("edition_id", "code"),)

    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    min_weight_kg: Mapped[int | None]
    engine_na_max_l: Mapped[float | None] = mapped_column(Float)
    engine_turbo_max_l: Mapped[float | None] = mapped_column(Float)
    carbon_brakes_allowed: Mapped[bool | None] = mapped_column(Boolean)


class CircuitRow(_EditionChild, Base):
    __tablename__ = "circuits"

    name: Mapped[str] = mapped_column(String(200))
    length_km: Mapped[float | None] = mapped_column(Float)
    length_mi: Mapped[float | None] = mapped_column(Float)
    turns: Mapped[int | None]
    location: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")


class RoundRow(_EditionChild, Base):
    __tablename__ = "rounds"
    __table_args__ = (UniqueConstraint("edition_id", "number"),)

    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    circuit: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date | None]
    duration: Mapped[str] = mapped_column(String(50), default="")
    scale: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    classes: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The class codes on the bill of this round, comma-separated
    (``GTDPRO,GTD``); blank: every class."""


class TeamRow(_EditionChild, Base):
    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(200))
    nationality: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[list[TeamAliasRow]] = _children("TeamAliasRow.ordinal")


class TeamAliasRow(Base):
    __tablename__ = "team_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    alias: Mapped[str] = mapped_column(String(200))


class DriverRow(_EditionChild, Base):
    __tablename__ = "drivers"

    name: Mapped[str] = mapped_column(String(200))
    nationality: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[list[DriverAliasRow]] = _children("DriverAliasRow.ordinal")


class DriverAliasRow(Base):
    __tablename__ = "driver_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    driver_id: Mapped[int] = mapped_column(ForeignKey("drivers.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    alias: Mapped[str] = mapped_column(String(200))


class EntryRow(_EditionChild, Base):
    """A car of the season. Its class must exist in the same edition."""

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("edition_id", "key"),
        ForeignKeyConstraint(
            ["edition_id", "class_code"], ["car_classes.edition_id", "car_classes.code"]
        ),
    )

    key: Mapped[str] = mapped_column(String(50))
    class_code: Mapped[str] = mapped_column(String(20))
    team: Mapped[str] = mapped_column(String(200))
    car_no: Mapped[str | None] = mapped_column(String(20))
    entrant: Mapped[str] = mapped_column(String(200), default="")
    tyres: Mapped[str] = mapped_column(String(50), default="")
    championships: Mapped[list[str] | None]
    """Championship ids the car is registered for; NULL: all of them."""
    source: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(String(50), default="")
    cars: Mapped[list[CarSpecRow]] = _children("CarSpecRow.ordinal")
    crew: Mapped[list[CrewMemberRow]] = _children("CrewMemberRow.ordinal")


class _RoundSetColumns:
    """A RoundSet as printed (``text``) and as understood."""

    rounds: Mapped[list[int]]
    absent_rounds: Mapped[list[int]]
    everywhere: Mapped[bool] = mapped_column(Boolean, default=False)
    rounds_known: Mapped[bool] = mapped_column(Boolean, default=True)
    rounds_text: Mapped[str] = mapped_column(String(200), default="")


class CarSpecRow(_RoundSetColumns, Base):
    __tablename__ = "car_specs"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    chassis: Mapped[str] = mapped_column(String(200))
    engine: Mapped[str] = mapped_column(String(200))
    displacement_l: Mapped[float | None] = mapped_column(Float)
    aspiration: Mapped[str | None] = mapped_column(String(20))
    weight_kg: Mapped[int | None]
    carbon_brakes: Mapped[bool | None] = mapped_column(Boolean)
    make: Mapped[str] = mapped_column(String(200), default="", server_default="")


class CrewMemberRow(_RoundSetColumns, Base):
    __tablename__ = "crew_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    driver: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(Text, default="")


class QualifyingRow(_EditionChild, Base):
    __tablename__ = "qualifying_lines"

    round: Mapped[int] = mapped_column(Integer)
    entry: Mapped[str] = mapped_column(String(50))
    class_code: Mapped[str] = mapped_column(String(20))
    position: Mapped[int | None]
    class_position: Mapped[int | None]
    grid: Mapped[int | None]
    driver: Mapped[str] = mapped_column(String(200), default="")
    time: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")


class PublishedStandingRow(_EditionChild, Base):
    """One row of a published standings table, kept as printed."""

    __tablename__ = "published_standings"

    championship: Mapped[str] = mapped_column(String(50))
    class_code: Mapped[str] = mapped_column(String(20))
    pos: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    cells: Mapped[list[str]]
    total: Mapped[str] = mapped_column(String(20))
    chassis: Mapped[str] = mapped_column(String(200), default="")
    engine: Mapped[str] = mapped_column(String(200), default="")
    line: Mapped[int] = mapped_column(Integer, default=0)


class PublishedWinnerRow(_EditionChild, Base):
    __tablename__ = "published_winners"

    round: Mapped[int] = mapped_column(Integer)
    class_code: Mapped[str] = mapped_column(String(20))
    car_no: Mapped[str] = mapped_column(String(20))
    team: Mapped[str] = mapped_column(String(200))
    drivers: Mapped[list[str]]
    line: Mapped[int] = mapped_column(Integer, default=0)
