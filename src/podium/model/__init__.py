"""The domain model: frozen dataclasses, no I/O."""

from podium.model.calendar import Circuit, Round, RoundStatus
from podium.model.car_class import Aspiration, CarClass, TechnicalRules
from podium.model.entry import CarSpec, CrewMember, Engine, Entry
from podium.model.people import Driver, Team
from podium.model.points import ZERO, Points, format_points, parse_points
from podium.model.published import PublishedStanding, PublishedWinner
from podium.model.results import (
    CLASSIFICATION_KINDS,
    Penalty,
    PenaltyKind,
    PointsAdjustment,
    QualifyingLine,
    ResultLine,
    Status,
)
from podium.model.round_set import RoundSet, parse_round_set
from podium.model.season import Season, Series

__all__ = [
    "CLASSIFICATION_KINDS",
    "ZERO",
    "Aspiration",
    "CarClass",
    "CarSpec",
    "Circuit",
    "CrewMember",
    "Driver",
    "Engine",
    "Entry",
    "Penalty",
    "PenaltyKind",
    "Points",
    "PointsAdjustment",
    "PublishedStanding",
    "PublishedWinner",
    "QualifyingLine",
    "ResultLine",
    "Round",
    "RoundSet",
    "RoundStatus",
    "Season",
    "Series",
    "Status",
    "Team",
    "TechnicalRules",
    "format_points",
    "parse_points",
    "parse_round_set",
]
