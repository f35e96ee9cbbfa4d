"""The rules of a championship, as data.

A ``rules.toml`` is validated by these pydantic models, which refuse unknown
keys, so a typo is an error and not a silently ignored rule. Each rule
dimension is a closed set of options (an enum) plus its parameters; a new
dimension is a new optional table, so existing rules files stay valid.
"""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from podium.rules.dimensions import (
    Bonus,
    Deduction,
    DriveShares,
    Drops,
    Exclusion,
    Ineligible,
    Multiplier,
    SharedCars,
    Stewards,
)
from podium.rules.numbers import exact_number
from podium.rules.timed import DriveTime, TimeMarks, session_kind


class _Strict(BaseModel):
    # defer_build: schemas are built on first validation, not at import time
    # (`podium` start-up is benchmarked).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


_ZERO = Fraction(0)


class PointsScale(_Strict):
    """Points for 1st, 2nd, ...; places past the end of the list score nothing."""

    points: list[Fraction]
    rounds: list[int] = Field(default_factory=list)
    """Rounds that use this scale, where the rules name them (else rounds pick
    their scale by tag in the season file)."""
    session: str = "race"
    """Session the scale pays (a sprint scale says ``session = "sprint"``)."""
    places: int | None = Field(default=None, ge=1)
    """How many places the scale pays, when the rules state it: checked
    against the list so that a missing number is an error, not a 0."""
    rest: Fraction = Fraction(0)
    """What every place past the list pays (IMSA: 10 from 31st on); never
    more than the list's last number."""
    statement: str = ""

    @field_validator("rest", mode="before")
    @classmethod
    def _rest(cls, value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float | str | Fraction):
            raise ValueError(f"expected a number, got {value!r}")
        number = exact_number(str(value))
        if number < 0:
            raise ValueError(f"expected a number >= 0, got {value}")
        return number

    @field_validator("points", mode="before")
    @classmethod
    def _numbers(cls, value: object) -> object:
        if not isinstance(value, list):
            raise ValueError(f"expected a list of numbers, got {type(value).__name__}")
        out: list[Fraction] = []
        for i, item in enumerate(value, start=1):
            if isinstance(item, bool) or not isinstance(item, int | float | str):
                raise ValueError(f"place {i}: expected a number, got {item!r}")
            try:
                number = exact_number(str(item))
            except ValueError:
                raise ValueError(f"place {i}: expected a number, got {item!r}") from None
            if number < 0:
                raise ValueError(f"place {i}: expected a number >= 0, got {item}")
            out.append(number)
        if not out:
            raise ValueError("expected at least one number, got an empty list")
        for i in range(1, len(out)):
            if out[i] > out[i - 1]:
                raise ValueError(
                    f"place {i + 1} pays {out[i]}, more than place {i} ({out[i - 1]}): "
                    "a scale never pays a lower place more; check the order"
                )
        return out

    @model_validator(mode="after")
    def _rest_below_list(self) -> Self:
        if self.rest > self.points[-1]:
            raise ValueError(
                f"rest pays {self.rest}, more than the list's last place ({self.points[-1]})"
            )
        return self

    def for_place(self, place: int) -> Fraction:
        if 1 <= place <= len(self.points):
            return self.points[place - 1]
        return self.rest if place > len(self.points) else _ZERO


class PositionBasis(StrEnum):
    """How a car's place is counted for points."""

    AS_CLASSIFIED = "as_classified"
    """Its class position among all classified cars: a car that scores nothing
    (not registered, short of distance) still takes its place."""
    AMONG_ELIGIBLE = "among_eligible"
    """Re-ranked among the cars eligible to score; points pass down."""


class DistanceBasis(StrEnum):
    CLASS_WINNER = "class_winner"
    OVERALL_WINNER = "overall_winner"


class UnknownLaps(StrEnum):
    """What to do with a classified car whose laps the source does not give."""

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"


class Eligibility(_Strict):
    statuses: list[str] = Field(default_factory=lambda: ["classified"])
    min_distance: float = Field(default=0.0, ge=0.0, le=1.0)
    """Share of the winner's laps a car must cover to score (0.70 in the 2004 ALMS)."""
    distance_of: DistanceBasis = DistanceBasis.CLASS_WINNER
    unknown_laps: UnknownLaps = UnknownLaps.ELIGIBLE

    @field_validator("statuses")
    @classmethod
    def _known_statuses(cls, value: list[str]) -> list[str]:
        allowed = {"classified", "nc", "dnf", "dsq", "dns"}
        for item in value:
            if item not in allowed:
                raise ValueError(f"expected one of {sorted(allowed)}, got {item!r}")
        return value


class Competitor(StrEnum):
    TEAM = "team"
    DRIVER = "driver"
    ENTRY = "entry"
    """Each car (its number) on its own: IMSA's teams' championships."""
    MAKE = "make"
    """The car's make (``make`` in entries.csv): manufacturers' championships."""


class Places(StrEnum):
    """Which place a competitor's points are paid for."""

    CAR = "car"
    """The car's own place in the classification."""
    COMPETITOR = "competitor"
    """The rank of the competitor's best car among the competitors' best
    cars (IMSA's manufacturers: the second make home scores for 2nd though
    its best car was 4th); needs ``cars = "best"``."""


class CarsCounted(StrEnum):
    """Which of a competitor's cars score at a round."""

    BEST = "best"
    ALL = "all"


class CountBack(StrEnum):
    SCORING_PLACES = "scoring_places"
    """Compare numbers of wins, then seconds, ... among point-scoring places."""
    ALL_PLACES = "all_places"


class Unresolved(StrEnum):
    SHARE = "share"
    """Tied competitors share the place, printed '10='."""
    FIRST_TO_REACH = "first_to_reach"


class TieBreak(_Strict):
    countback: CountBack | None = CountBack.SCORING_PLACES
    unresolved: Unresolved = Unresolved.SHARE
    sessions: list[str] | None = None
    """Sessions whose places count back (none: every session)."""


class Championship(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
    name: str = ""
    competitor: Competitor
    per_class: bool = True
    cars: CarsCounted = CarsCounted.ALL
    registration: bool = False
    """Only entries registered for this championship score in it."""
    scale: str = ""
    """Scale this championship uses in races instead of the round's (F1 1961:
    constructors 8-6-4-3-2-1 while drivers got 9 for a win)."""
    shared_cars: SharedCars = SharedCars.FULL
    drops: Drops | None = None
    skip_rounds: list[int] = Field(default_factory=list)
    skip_circuits: list[str] = Field(default_factory=list)
    """Rounds (by number or circuit) that do not count for this championship."""
    skip_class_rounds: dict[str, list[int]] = Field(default_factory=dict)
    """Rounds that do not count for this championship in one class, by class
    code (IMSA 2023: Daytona counted only for the Endurance Cup in LMP2 and
    LMP3)."""
    tie_break: TieBreak | None = None
    """This championship's own tie-break, when it differs from the rules' one."""
    classes: list[str] = Field(default_factory=list)
    """The classes this championship is held in (none: every class; IMSA
    2023 had no manufacturers' title in LMP2 and LMP3)."""
    sessions: list[str] | None = None
    """Sessions (or kinds: ``mark`` for every time mark) this championship
    scores; none: every session a scale pays."""
    places: Places = Places.CAR
    statement: str = ""

    def held_in(self, class_code: str) -> bool:
        """Whether this championship has a table for the class."""
        return not self.classes or class_code in self.classes

    def scores(self, session: str) -> bool:
        return self.sessions is None or (
            session in self.sessions or session_kind(session) in self.sessions
        )


class Listing(StrEnum):
    SCORERS = "scorers"
    ALL = "all"
    CLASSIFIED = "classified"
    """Everyone classified at least once, 0 points included (F1 tables from 2000)."""


class StandingsRules(_Strict):
    list: Listing = Listing.SCORERS


class Award(_Strict):
    """Something a result earns beyond points, e.g. an invitation to Le Mans."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
    name: str
    rounds: list[int]
    class_positions: list[int] = Field(default_factory=lambda: [1])
    statement: str = ""


class Ruleset(_Strict):
    # Defaults by factory: a model instance as a default would build its schema at import.
    schema_version: int = Field(default=1, alias="schema")
    name: str = ""
    default_scale: str = ""
    scales: dict[str, PointsScale]
    positions: PositionBasis = PositionBasis.AS_CLASSIFIED
    eligibility: Eligibility = Field(default_factory=Eligibility)
    championships: list[Championship]
    tie_break: TieBreak = Field(default_factory=TieBreak)
    standings: StandingsRules = Field(default_factory=StandingsRules)
    awards: list[Award] = Field(default_factory=list)
    bonuses: list[Bonus] = Field(default_factory=list)
    multipliers: list[Multiplier] = Field(default_factory=list)
    ineligible: list[Ineligible] = Field(default_factory=list)
    drive_shares: list[DriveShares] = Field(default_factory=list)
    exclusions: list[Exclusion] = Field(default_factory=list)
    deductions: list[Deduction] = Field(default_factory=list)
    stewards: Stewards = Field(default_factory=Stewards)
    drive_time: list[DriveTime] = Field(default_factory=list)
    marks: list[TimeMarks] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if not self.scales:
            raise ValueError("expected at least one points scale under [scales], found none")
        if self.default_scale and self.default_scale not in self.scales:
            raise ValueError(
                f"default_scale: expected one of {sorted(self.scales)}, got {self.default_scale!r}"
            )
        seen: dict[tuple[int, str], str] = {}
        for tag, scale in self.scales.items():
            if scale.places is not None and scale.places != len(scale.points):
                raise ValueError(
                    f"points scale {tag!r}: expected {scale.places} numbers, got {len(scale.points)}"
                )
            for number in scale.rounds:
                if (number, scale.session) in seen:
                    raise ValueError(
                        f"scales.{tag}.rounds: round {number} is already given scale "
                        f"{seen[number, scale.session]!r}"
                    )
                seen[number, scale.session] = tag
        ids = [c.id for c in self.championships]
        if not ids:
            raise ValueError("expected at least one [[championships]] table, found none")
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"championships: id {duplicates[0]!r} is used twice")
        check_references(self)
        return self

    def championship(self, championship_id: str) -> Championship:
        for championship in self.championships:
            if championship.id == championship_id:
                return championship
        known = ", ".join(c.id for c in self.championships)
        raise KeyError(f"no championship {championship_id!r} in the rules (known: {known})")

    def scale_for(
        self, round_number: int, tag: str, session: str = "race"
    ) -> tuple[str, PointsScale]:
        """The scale a round's session uses: named by the rules, else by the
        round's tag, else the default (a sprint takes the scale of its session)."""
        for name, scale in self.scales.items():
            if round_number in scale.rounds and scale.session == session:
                return name, scale
        if session != "race":
            kind = session_kind(session)
            for name, scale in self.scales.items():
                if scale.session in (session, kind) and not scale.rounds:
                    return name, scale
            raise KeyError(f"round {round_number}: no points scale for session {session!r}")
        name = tag or self.default_scale
        if name not in self.scales:
            if len(self.scales) == 1:
                name = next(iter(self.scales))
            else:
                raise KeyError(f"round {round_number}: no points scale {name!r} in the rules")
        return name, self.scales[name]


def check_references(rules: Ruleset) -> None:
    """Refuse rules that name a championship or scale that does not exist, and
    combinations podium does not support."""
    ids = {c.id for c in rules.championships}
    known = ", ".join(sorted(ids))

    def must_know(where: str, championship: str) -> None:
        if championship not in ids:
            raise ValueError(f"{where}: expected a championship id ({known}), got {championship!r}")

    for championship in rules.championships:
        if championship.scale and championship.scale not in rules.scales:
            raise ValueError(
                f"championship {championship.id!r}: scale: expected one of "
                f"{sorted(rules.scales)}, got {championship.scale!r}"
            )
        if championship.shared_cars is SharedCars.SPLIT and (
            championship.competitor is not Competitor.DRIVER
        ):
            raise ValueError(
                f"championship {championship.id!r}: shared_cars = 'split' needs competitor = "
                f"'driver' (a team's car scores once), got {championship.competitor.value!r}"
            )
        if championship.places is Places.COMPETITOR and championship.cars is not CarsCounted.BEST:
            raise ValueError(
                f"championship {championship.id!r}: places = 'competitor' ranks each "
                "competitor's best car: expected cars = 'best', got "
                f"{championship.cars.value!r}"
            )
    for i, bonus in enumerate(rules.bonuses):
        for c in bonus.championships:
            must_know(f"bonuses.{i}.championships", c)
    for i, ruling in enumerate(rules.ineligible):
        for c in ruling.championships:
            must_know(f"ineligible.{i}.championships", c)
    for i, exclusion in enumerate(rules.exclusions):
        must_know(f"exclusions.{i}.championship", exclusion.championship)
    for i, deduction in enumerate(rules.deductions):
        must_know(f"deductions.{i}.championship", deduction.championship)
    for i, rule in enumerate(rules.drive_time):
        for c in rule.championships:
            must_know(f"drive_time.{i}.championships", c)
            if rules.championship(c).competitor is not Competitor.DRIVER:
                raise ValueError(
                    f"drive_time.{i}.championships: a drive time is a driver's, expected a "
                    f"championship of drivers, got {c!r}"
                )
    if rules.positions is PositionBasis.AMONG_ELIGIBLE and any(
        r.pass_down is False for r in rules.ineligible
    ):
        raise ValueError(
            "ineligible: pass_down = false cannot hold when positions = 'among_eligible' "
            "(every ineligible car's points pass down there)"
        )
