"""Classes that race together, and the technical rules an entry's car must meet."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Aspiration(StrEnum):
    NATURAL = "na"
    TURBO = "turbo"


@dataclass(frozen=True, slots=True)
class TechnicalRules:
    """The limits a class's cars must respect (None: the regulations set no limit)."""

    min_weight_kg: int | None = None
    engine_na_max_l: float | None = None
    engine_turbo_max_l: float | None = None
    carbon_brakes_allowed: bool | None = None

    def engine_limit(self, aspiration: Aspiration) -> float | None:
        if aspiration is Aspiration.TURBO:
            return self.engine_turbo_max_l
        return self.engine_na_max_l


@dataclass(frozen=True, slots=True)
class CarClass:
    code: str
    name: str
    description: str = ""
    rules: TechnicalRules = TechnicalRules()
    source: str = ""
