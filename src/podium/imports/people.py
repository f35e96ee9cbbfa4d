"""Who a name in a results file is: a driver or team of the season (exact,
alias, an ``import.toml`` mapping, or a typo of a known name), one created
by ``--create-entries``, or a problem that names the file line. Names are
never joined by a guess (:func:`podium.imports.names.typo_only`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from podium.errors import Problem
from podium.imports.config import ImportConfig
from podium.imports.diff import Change
from podium.imports.names import How, NameBook, NameMatch, normal, typo_only
from podium.model import Driver, Season, Team
from podium.readers.session import ImportedCar

if TYPE_CHECKING:
    from podium.imports.outcome import ImportPlan


def problem(
    out: ImportPlan,
    car: ImportedCar | None,
    field: str,
    message: str,
    expected: str,
    found: str,
) -> None:
    """A problem at the car's line in the file (or where the file puts it)."""
    line = car.line if car else None
    where = f"{car.where} {field}" if car and line is None else field
    out.problems.append(Problem(out.file, line, where, message, expected, found))


class People:
    """The season's drivers and teams as one import sees them; what it adds
    and the problems it finds go into ``out``."""

    def __init__(
        self, season: Season, config: ImportConfig, create: bool, source: str, out: ImportPlan
    ) -> None:
        self.config = config
        self.create = create
        self.source = source
        self.out = out
        self.drivers = NameBook(
            ((d.name, d.aliases) for d in season.drivers), minimum=config.fuzzy_min
        )
        self.teams = NameBook(((t.name, t.aliases) for t in season.teams), config.fuzzy_min)
        self.created: dict[str, str] = {}
        self.created_teams: dict[str, str] = {}

    def driver(self, given: str, record: bool = True, car: ImportedCar | None = None) -> str | None:
        explicit = self.config.drivers.get(given)
        if explicit:
            return self._aliased(given, explicit, record, car)
        if normal(given) in self.created:
            return self.created[normal(given)]  # created earlier in this import
        match = self.drivers.match(given)
        if match.how in (How.EXACT, How.ALIAS):
            return match.name
        ident = dict(car.driver_ids).get(given, "") if car is not None else ""
        if ident:
            # The importer's own id (Steam, iRacing) names the person whatever
            # they call themselves this week.
            known = self.drivers.match(ident)
            if known.how in (How.EXACT, How.ALIAS):
                if record:
                    self.out.notes.append(f"{given!r} is {known.name!r} (same id {ident})")
                return known.name
            if normal(ident) in self.created:
                return self.created[normal(ident)]
        if not record:
            return match.name if match.how is How.FUZZY and typo_only(match) else None
        if match.how is How.FUZZY:
            if not typo_only(match):
                self._not_the_same(match, "driver", "drivers", car)
                return None
            if match not in self.out.matches:
                self.out.matches.append(match)
            return match.name
        if match.how is How.AMBIGUOUS:
            self.out.matches.append(match)
            problem(
                self.out,
                car,
                "drivers",
                "ambiguous driver name (add an alias in drivers.csv or import.toml [drivers])",
                "one of " + ", ".join(match.candidates),
                given,
            )
            return None
        if not self.create:
            problem(
                self.out,
                car,
                "drivers",
                "unknown driver (add to drivers.csv or use --create-entries)",
                "a driver of drivers.csv",
                given,
            )
            return None
        if "/" in given:
            # the season folder separates a car's drivers with "/"
            problem(
                self.out,
                car,
                "drivers",
                'a new driver\'s name cannot hold "/" (map it in import.toml [drivers])',
                'a name without "/"',
                given,
            )
            return None
        self.out.new_drivers.append(
            Driver(given, aliases=(ident,) if ident else (), source=self.source)
        )
        self.out.changes.append(Change("new driver", "", given))
        self.created[normal(given)] = given
        if ident:
            self.created[normal(ident)] = given
        return given

    def _aliased(
        self, given: str, canonical: str, record: bool, car: ImportedCar | None
    ) -> str | None:
        """A name import.toml maps onto ``canonical``: a driver of the season,
        or one --create-entries adds with ``given`` as an alias."""
        if self.drivers.match(canonical).how in (How.EXACT, How.ALIAS):
            return self.drivers.match(canonical).name
        if normal(canonical) in self.created:
            return self.created[normal(canonical)]
        if not record:
            return canonical
        if not self.create:
            problem(
                self.out,
                car,
                "drivers",
                f"import.toml [drivers] maps {given!r} to {canonical!r}, who is not in "
                "drivers.csv: add them there or use --create-entries",
                "a driver of drivers.csv",
                canonical,
            )
            return None
        aliases = () if normal(given) == normal(canonical) else (given,)
        self.out.new_drivers.append(Driver(canonical, aliases=aliases, source=self.source))
        self.out.changes.append(Change("new driver", "", f"{canonical} (alias {given})"))
        self.created[normal(canonical)] = canonical
        self.created[normal(given)] = canonical
        return canonical

    def _not_the_same(
        self, match: NameMatch, what: str, where: str, car: ImportedCar | None
    ) -> None:
        """A name only like a known one: never joined to it by a guess."""
        self.out.matches.append(match)
        problem(
            self.out,
            car,
            where,
            f"{match.given!r} looks like the {what} {match.name!r} (score {match.score:.2f}) "
            f"but is another name: if it is the same {what}, add it as an alias "
            f"({where}.csv or import.toml [{where}]); if not, add it to {where}.csv",
            f"{match.name} or a new {what}",
            match.given,
        )

    def team(self, given: str, car: ImportedCar | None = None) -> str:
        explicit = self.config.teams.get(given)
        if explicit:
            return explicit
        if normal(given) in self.created_teams:
            return self.created_teams[normal(given)]
        match = self.teams.match(given)
        if match.name and match.how is not How.AMBIGUOUS:
            if match.how is How.FUZZY:
                if not typo_only(match):
                    self._not_the_same(match, "team", "teams", car)
                    return given
                self.out.matches.append(match)
            return match.name
        self.out.new_teams.append(Team(given, source=self.source))
        self.out.changes.append(Change("new team", "", given))
        self.created_teams[normal(given)] = given
        return given
