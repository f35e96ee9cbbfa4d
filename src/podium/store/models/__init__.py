"""SQLAlchemy 2 tables of the store (adapters only: the core never imports these)."""

from podium.store.models.base import Base
from podium.store.models.history import (
    AdjustmentRow,
    PenaltyRow,
    PenaltyWithdrawalRow,
    ResultLineRow,
    ResultVersionRow,
    RevisionRow,
    SeasonRow,
    TokenRow,
)
from podium.store.models.idempotency import IdempotencyKeyRow
from podium.store.models.laps import LapRow
from podium.store.models.season import (
    CarSpecRow,
    CircuitRow,
    ClassRow,
    CrewMemberRow,
    DriverAliasRow,
    DriverRow,
    EditionRow,
    EntryRow,
    PublishedStandingRow,
    PublishedWinnerRow,
    QualifyingRow,
    RoundRow,
    SeriesRow,
    TeamAliasRow,
    TeamRow,
)

__all__ = [
    "AdjustmentRow",
    "Base",
    "CarSpecRow",
    "CircuitRow",
    "ClassRow",
    "CrewMemberRow",
    "DriverAliasRow",
    "DriverRow",
    "EditionRow",
    "EntryRow",
    "IdempotencyKeyRow",
    "LapRow",
    "PenaltyRow",
    "PenaltyWithdrawalRow",
    "PublishedStandingRow",
    "PublishedWinnerRow",
    "QualifyingRow",
    "ResultLineRow",
    "ResultVersionRow",
    "RevisionRow",
    "RoundRow",
    "SeasonRow",
    "SeriesRow",
    "TeamAliasRow",
    "TeamRow",
    "TokenRow",
]
