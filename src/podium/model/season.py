"""A season: everything podium holds about one year of one series."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from podium.errors import NotFound
from podium.model.calendar import Circuit, Round
from podium.model.car_class import CarClass
from podium.model.entry import Entry
from podium.model.people import Driver, Team
from podium.model.published import PublishedStanding, PublishedWinner
from podium.model.results import Penalty, PointsAdjustment, QualifyingLine, ResultLine
from podium.rules.schema import Ruleset


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    short_name: str = ""
    sanctioning_body: str = ""


@dataclass(frozen=True)
class Season:
    id: str
    series: Series
    year: int
    rules: Ruleset
    classes: tuple[CarClass, ...]
    circuits: tuple[Circuit, ...]
    rounds: tuple[Round, ...]
    teams: tuple[Team, ...]
    drivers: tuple[Driver, ...]
    entries: tuple[Entry, ...]
    results: tuple[ResultLine, ...] = ()
    qualifying: tuple[QualifyingLine, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    adjustments: tuple[PointsAdjustment, ...] = ()
    published: tuple[PublishedStanding, ...] = ()
    published_winners: tuple[PublishedWinner, ...] = ()
    name: str = ""
    notes: str = ""
    decisions_applied: bool = False
    """True when ``results`` is the official classification, the stewards'
    decisions applied on top of the timing sheets (``scoring.stewards``): such
    a season is scored and shown, never written back."""

    @property
    def title(self) -> str:
        return self.name or f"{self.year} {self.series.name}"

    # Lookups. Seasons are small (tens of entries); dicts are built once.

    @cached_property
    def entries_by_key(self) -> dict[str, Entry]:
        return {e.key: e for e in self.entries}

    @cached_property
    def _team_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for team in self.teams:
            for name in team.names:
                names.setdefault(name.casefold(), team.name)
        return names

    @cached_property
    def _driver_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for driver in self.drivers:
            for name in driver.names:
                names.setdefault(name.casefold(), driver.name)
        return names

    def car_class(self, code: str) -> CarClass:
        for car_class in self.classes:
            if car_class.code.casefold() == code.casefold():
                return car_class
        known = ", ".join(c.code for c in self.classes)
        raise NotFound(f"no class {code!r} in {self.title} (classes: {known})")

    def round(self, number: int) -> Round:
        for rnd in self.rounds:
            if rnd.number == number:
                return rnd
        raise NotFound(f"no round {number} in {self.title} (rounds 1-{len(self.rounds)})")

    def entry(self, key: str) -> Entry:
        try:
            return self.entries_by_key[key]
        except KeyError:
            raise NotFound(f"no entry {key!r} in {self.title}") from None

    def team_name(self, name: str) -> str | None:
        """Canonical team name for a name or alias, or None."""
        return self._team_names.get(name.strip().casefold())

    def driver_name(self, name: str) -> str | None:
        return self._driver_names.get(name.strip().casefold())

    def results_of(self, round_number: int, session: str | None = None) -> tuple[ResultLine, ...]:
        return tuple(
            r
            for r in self.results
            if r.round == round_number and (session is None or r.session == session)
        )

    def round_numbers(self, after: int | None = None) -> tuple[int, ...]:
        return tuple(r.number for r in self.rounds if after is None or r.number <= after)

    def rounds_with_results(self) -> tuple[int, ...]:
        held = {r.round for r in self.results}
        return tuple(r.number for r in self.rounds if r.number in held)

    def replace_results(self, round_number: int, lines: Iterable[ResultLine]) -> Season:
        """A copy of the season with one round's classification replaced."""
        kept = tuple(r for r in self.results if r.round != round_number)
        return replace(self, results=kept + tuple(lines))
