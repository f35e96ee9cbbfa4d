"""Rules as data: the validated schema of ``rules.toml``."""

from podium.rules.load import parse_rules, rules_from_data
from podium.rules.schema import (
    CarsCounted,
    Championship,
    Competitor,
    CountBack,
    DistanceBasis,
    PointsScale,
    PositionBasis,
    Ruleset,
    Unresolved,
)

__all__ = [
    "CarsCounted",
    "Championship",
    "Competitor",
    "CountBack",
    "DistanceBasis",
    "PointsScale",
    "PositionBasis",
    "Ruleset",
    "Unresolved",
    "parse_rules",
    "rules_from_data",
]
