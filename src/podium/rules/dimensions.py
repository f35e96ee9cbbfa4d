"""Optional rule dimensions of ``rules.toml`` beyond points scales and
eligibility: drops, shared drives, bonuses, multipliers, rulings on single
cars, exclusions and deductions. Each is a small validated table; a rules
file that does not use one is unchanged by it (docs/rules.md)."""

from __future__ import annotations

from enum import StrEnum
from fractions import Fraction
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class _Strict(BaseModel):
    # Built on first validation, not at import (`podium` start-up is benchmarked).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def to_fraction(value: object, what: str = "number") -> Fraction:
    """Read ``1``, ``0.5`` or ``"1/7"`` exactly; refuse anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Fraction):
        raise ValueError(f"expected a {what}, got {value!r}")
    try:
        return Fraction(str(value)) if not isinstance(value, Fraction) else value
    except ValueError:
        raise ValueError(f"expected a {what}, got {value!r}") from None


class Segment(_Strict):
    """Best ``best`` results of rounds ``first``..``last`` (last 0 = season end)."""

    first: int = Field(ge=1)
    last: int = Field(default=0, ge=0)
    best: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.last and self.last < self.first:
            raise ValueError(f"rounds {self.first}-{self.last} run backwards")
        return self


class Drops(_Strict):
    """Best-N: only a competitor's best round totals count.

    Either ``best = N`` over the whole season, or ``segments`` for a split
    season (best a of rounds 1..k plus best b of the rest)."""

    best: int | None = Field(default=None, ge=1)
    segments: list[Segment] = Field(default_factory=list)
    statement: str = ""

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        if (self.best is None) == (not self.segments):
            raise ValueError("expected either best = N or [[...drops.segments]], not both or none")
        for before, after in zip(self.segments, self.segments[1:], strict=False):
            if not before.last or after.first != before.last + 1:
                raise ValueError(
                    f"segments: expected round {before.last + 1 if before.last else '?'} to "
                    f"start the next segment, got {after.first}"
                )
        if self.segments and self.segments[0].first != 1:
            raise ValueError(
                f"segments: expected the first to start at round 1, got {self.segments[0].first}"
            )
        return self


class SharedCars(StrEnum):
    """What a car driven by several drivers scores for them."""

    FULL = "full"
    """Every driver scores the car's points in full (the 2004 ALMS)."""
    SPLIT = "split"
    """The points are split equally between the car's drivers (F1 1950-57)."""
    NONE = "none"
    """A shared car scores nothing, for drivers and team (F1 from 1958)."""


class BonusKind(StrEnum):
    FASTEST_LAP = "fastest_lap"
    POLE = "pole"
    MOST_LAPS_LED = "most_laps_led"


class BonusTies(StrEnum):
    SHARE = "share"
    """Tied holders split the bonus equally (1954 British GP: 1/7 each)."""
    EACH = "each"
    """Every tied holder gets the full bonus."""


class BonusRuling(_Strict):
    """A documented decision on who got a bonus at one round."""

    round: int = Field(ge=1)
    drivers: list[str] = Field(min_length=0)
    statement: str = ""


class Bonus(_Strict):
    kind: BonusKind
    points: Fraction
    championships: list[str] = Field(min_length=1)
    sessions: list[str] = Field(default_factory=lambda: ["race"])
    top: int | None = Field(default=None, ge=1)
    """Only if the holder is classified in the top ``top``; else nobody scores it."""
    classified_only: bool = False
    ties: BonusTies = BonusTies.SHARE
    except_rounds: list[int] = Field(default_factory=list)
    rulings: list[BonusRuling] = Field(default_factory=list)
    per_class: bool = False
    """One holder per class (the pole, fastest lap or most laps led of each
    class) instead of one for the whole field."""
    statement: str = ""

    @field_validator("points", mode="before")
    @classmethod
    def _points(cls, value: object) -> Fraction:
        number = to_fraction(value)
        if number <= 0:
            raise ValueError(f"expected a number > 0, got {value}")
        return number


class Multiplier(_Strict):
    """Half or double points at some rounds (scale points x factor)."""

    rounds: list[int] = Field(min_length=1)
    factor: Fraction
    sessions: list[str] = Field(default_factory=lambda: ["race"])
    decided_after: int | None = Field(default=None, ge=0)
    """The last round run before it was decided (half points for a race
    stopped early: that race). The title analysis after an earlier round
    pays the round its announced points. None: announced before the season."""
    statement: str = ""

    @field_validator("factor", mode="before")
    @classmethod
    def _factor(cls, value: object) -> Fraction:
        number = to_fraction(value, "factor such as 0.5 or 2")
        if number < 0:
            raise ValueError(f"expected a factor >= 0, got {value}")
        return number


class Ineligible(_Strict):
    """Cars that take places but score nothing at one round (another class or
    formula, a penalty that withheld points, a second car of a one-car entry).

    Cars are named by driver (any of the car's drivers) or by classified
    position. With ``pass_down`` the cars behind move up to the points."""

    round: int = Field(ge=1)
    session: str = "race"
    drivers: list[str] = Field(default_factory=list)
    positions: list[int] = Field(default_factory=list)
    pass_down: bool = False
    championships: list[str] = Field(default_factory=list)
    """Championships the ruling applies to (empty: all)."""
    decided_after: int | None = Field(default=None, ge=0)
    """The last round run before the ruling (a penalty at the round: that
    round). None: known before the season (another formula's cars)."""
    statement: str = ""

    @model_validator(mode="after")
    def _names_cars(self) -> Self:
        if not self.drivers and not self.positions:
            raise ValueError("expected drivers = [...] or positions = [...], got neither")
        return self


class DriveShares(_Strict):
    """A documented split of one shared car's points at one round."""

    round: int = Field(ge=1)
    car: str
    session: str = "race"
    shares: dict[str, Fraction]
    """Driver -> share of the car's points (0 = nothing)."""
    statement: str = ""

    @field_validator("shares", mode="before")
    @classmethod
    def _shares(cls, value: object) -> dict[str, Fraction]:
        if not isinstance(value, dict) or not value:
            raise ValueError("expected a table driver = share")
        out = {str(k): to_fraction(v, "share such as 1, 0.5 or '1/3'") for k, v in value.items()}
        total = sum(out.values(), Fraction(0))
        if total > 1:
            raise ValueError(f"expected shares adding up to at most 1, got {total}")
        return out


class ExclusionMode(StrEnum):
    EXCLUDED = "excluded"
    """Not ranked: listed after the ranked rows with ``listed_as``."""
    VOID_ROUNDS = "void_rounds"
    """The results of ``rounds`` are void; the rest still ranks. With
    ``listed_as`` the final table also lists the voided entry (0 points)."""


class Listed(StrEnum):
    DSQ = "DSQ"
    EX = "EX"


class Exclusion(_Strict):
    """A competitor excluded from one championship (not from the races)."""

    championship: str
    competitor: str
    mode: ExclusionMode = ExclusionMode.EXCLUDED
    rounds: list[int] = Field(default_factory=list)
    """Rounds whose results are void (void_rounds)."""
    from_round: int | None = Field(default=None, ge=1)
    """First in-season table that shows it (none: the final table only)."""
    listed_as: Listed | None = None
    keep_points: bool = False
    """Excluded but its points are still printed (1997 Schumacher: DSQ, 78)."""
    decided_after: int | None = Field(default=None, ge=0)
    """The last round run before the decision (1997 Schumacher: 17, decided
    after the season). The title analysis after an earlier round does not
    know it. None: known before the season."""
    statement: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.mode is ExclusionMode.EXCLUDED and self.listed_as is None:
            raise ValueError("mode 'excluded': expected listed_as = 'DSQ' or 'EX'")
        if self.mode is ExclusionMode.VOID_ROUNDS and not self.rounds:
            raise ValueError("mode 'void_rounds': expected rounds = [...], got none")
        return self


class Deduction(_Strict):
    """Points taken from a competitor in one championship only."""

    championship: str
    competitor: str
    points: Fraction
    from_round: int = Field(ge=1)
    class_code: str = ""
    """The class of the table it applies to (blank when not per class)."""
    decided_after: int | None = Field(default=None, ge=0)
    """The last round run before the decision (see Exclusion.decided_after)."""
    statement: str = ""

    @field_validator("points", mode="before")
    @classmethod
    def _points(cls, value: object) -> Fraction:
        number = to_fraction(value)
        if number <= 0:
            raise ValueError(f"expected the points taken as a number > 0, got {value}")
        return number


class VacatedPlace(StrEnum):
    """What happens to the place of a car the stewards disqualify."""

    MOVE_UP = "move_up"
    """The cars behind move up a place (the usual rule: FIA, ACO, IMSA)."""
    LEFT_VACANT = "left_vacant"
    """Nobody takes it: the cars behind keep the places the timing sheet printed."""


class Stewards(_Strict):
    """How stewards' decisions change a classification (podium.scoring.stewards)."""

    disqualified_place: VacatedPlace = VacatedPlace.MOVE_UP
    statement: str = ""
