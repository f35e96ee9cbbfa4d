"""Schema of ``season.toml``, validated by pydantic like the rules."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from podium.model.calendar import RoundStatus


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class SeriesTable(_Strict):
    name: str
    short_name: str = ""
    sanctioning_body: str = ""


class ClassTable(_Strict):
    code: str = Field(min_length=1)
    name: str
    description: str = ""
    min_weight_kg: int | None = Field(default=None, gt=0)
    engine_na_max_l: float | None = Field(default=None, gt=0)
    engine_turbo_max_l: float | None = Field(default=None, gt=0)
    carbon_brakes_allowed: bool | None = None
    source: str = ""


class CircuitTable(_Strict):
    name: str
    length_km: float | None = Field(default=None, gt=0)
    length_mi: float | None = Field(default=None, gt=0)
    turns: int | None = Field(default=None, gt=0)
    location: str = ""
    source: str = ""


class RoundTable(_Strict):
    number: int = Field(ge=1)
    name: str
    circuit: str
    short_name: str = ""
    date: dt.date | None = None
    classes: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """The classes on the bill of this round (none: every class)."""
    duration: str = ""
    scale: str = ""
    status: RoundStatus = RoundStatus.OFFICIAL
    source: str = ""


class SeasonFile(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = ""
    year: int = Field(ge=1894, le=2200)
    notes: str = ""
    series: SeriesTable
    classes: list[ClassTable]
    circuits: list[CircuitTable] = Field(default_factory=list)
    rounds: list[RoundTable]
