"""Circuits and the rounds of a season."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class RoundStatus(StrEnum):
    """Where a round's results stand: timing sheets are provisional until the
    stewards sign them off, and can be amended after a protest or appeal."""

    SCHEDULED = "scheduled"
    PROVISIONAL = "provisional"
    OFFICIAL = "official"
    AMENDED = "amended"


@dataclass(frozen=True, slots=True)
class Circuit:
    name: str
    length_km: float | None = None
    length_mi: float | None = None
    turns: int | None = None
    location: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Round:
    number: int
    name: str
    circuit: str
    date: dt.date | None = None
    duration: str = ""
    """Race length as scheduled: ``12h``, ``2h45m``, ``1000mi``, ``70 laps``."""
    scale: str = ""
    """Tag that picks the round's points scale in the rules (e.g. ``sebring_plm``)."""
    status: RoundStatus = RoundStatus.OFFICIAL
    short_name: str = ""
    source: str = ""
    classes: tuple[str, ...] = ()
    """The classes that race at this round, as the calendar announces them
    (IMSA 2023: GTD PRO and GTD only at Lime Rock); empty: every class."""

    @property
    def label(self) -> str:
        return self.short_name or self.circuit

    def races(self, class_code: str) -> bool:
        """Whether the class is on the bill of this round."""
        return not self.classes or class_code in self.classes
