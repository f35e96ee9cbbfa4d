"""Entries: the cars of a season, who entered them and who drove them."""

from __future__ import annotations

from dataclasses import dataclass

from podium.model.car_class import Aspiration
from podium.model.round_set import RoundSet


@dataclass(frozen=True, slots=True)
class Engine:
    name: str
    displacement_l: float | None = None
    aspiration: Aspiration | None = None


@dataclass(frozen=True, slots=True)
class CarSpec:
    """The car an entry ran for some rounds. An entry can change chassis
    mid-season (Miracle's Lola B2K/40 became a Courage C65 at Road America)."""

    chassis: str
    engine: Engine
    rounds: RoundSet = RoundSet(known=False)
    weight_kg: int | None = None
    carbon_brakes: bool | None = None
    make: str = ""
    """The make a championship of makes counts the car for ("Aston Martin"
    for a Vantage GT3); blank when not known."""


@dataclass(frozen=True, slots=True)
class CrewMember:
    driver: str
    rounds: RoundSet = RoundSet(known=False)
    source: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """One car of the season.

    ``key`` identifies the entry inside the season (the car number when it is
    known and unique, otherwise a slug). ``championships`` is None when the car
    is registered for every championship of the rules; a car that is not
    registered for one still takes its place in the classification but scores
    nothing in it.
    """

    key: str
    class_code: str
    team: str
    cars: tuple[CarSpec, ...]
    car_no: str | None = None
    entrant: str = ""
    tyres: str = ""
    championships: frozenset[str] | None = None
    crew: tuple[CrewMember, ...] = ()
    source: str = ""
    confidence: str = ""

    def registered_for(self, championship: str) -> bool:
        return self.championships is None or championship in self.championships

    def car_at(self, round_number: int) -> CarSpec | None:
        for car in self.cars:
            if car.rounds.known and not car.rounds.everywhere and round_number in car.rounds.rounds:
                return car
        return self.cars[0] if self.cars else None

    def drivers_at(self, round_number: int) -> tuple[str, ...]:
        return tuple(m.driver for m in self.crew if m.rounds.took_part(round_number))

    @property
    def label(self) -> str:
        return f"#{self.car_no}" if self.car_no else self.key
