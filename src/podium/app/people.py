"""The entry list, and the pages of a team and of a driver: their cars,
their places in every table and their results."""

from __future__ import annotations

from dataclasses import dataclass

from podium.app.answer import JSON, Answer, ref, ref_or_none, slugify, to_json
from podium.app.rounds import ClassifiedLine, classified_line
from podium.app.season import ScoredSeason
from podium.app.site import SeasonInfo, season_info
from podium.errors import NotFound
from podium.model.entry import Entry
from podium.model.people import Driver, Team
from podium.model.points import Points
from podium.model.season import Season
from podium.rules.schema import Competitor


def entry_json(e: Entry) -> dict[str, JSON]:
    return {
        "entry": e.key,
        "class": e.class_code,
        "car_no": e.car_no,
        "team": ref_or_none(e.team),
        "entrant": e.entrant,
        "cars": [
            {"chassis": c.chassis, "engine": c.engine.name, "rounds": c.rounds.text} for c in e.cars
        ],
        "tyres": e.tyres,
        "crew": [{"driver": ref(m.driver), "rounds": m.rounds.text} for m in e.crew],
        "championships": to_json(sorted(e.championships)) if e.championships is not None else None,
        "source": e.source,
        "confidence": e.confidence,
    }


@dataclass(frozen=True, slots=True)
class EntryList(Answer):
    """The entry list, or one class of it."""

    season_title: str
    entries: tuple[Entry, ...]

    def to_json(self) -> JSON:
        return [entry_json(e) for e in self.entries]


def entry_list(scored: ScoredSeason, class_code: str | None = None) -> EntryList:
    season = scored.season
    code = scored.class_code(class_code) if class_code else None
    return EntryList(
        season.title, tuple(e for e in season.entries if code is None or e.class_code == code)
    )


@dataclass(frozen=True, slots=True)
class ClassEntries(Answer):
    code: str
    name: str
    entries: tuple[Entry, ...]

    def to_json(self) -> JSON:
        return {
            "code": self.code,
            "name": self.name,
            "entries": [entry_json(e) for e in self.entries],
        }


@dataclass(frozen=True, slots=True)
class EntriesPage(Answer):
    season: SeasonInfo
    classes: tuple[ClassEntries, ...]


def entries_page(scored: ScoredSeason) -> EntriesPage:
    season = scored.season
    by_class: dict[str, list[Entry]] = {c.code: [] for c in season.classes}
    for e in season.entries:
        by_class.setdefault(e.class_code, []).append(e)
    return EntriesPage(
        season_info(scored),
        tuple(
            ClassEntries(code, season.car_class(code).name, tuple(rows))
            for code, rows in by_class.items()
        ),
    )


# -- teams and drivers ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TablePlace(Answer):
    """Where a team or driver stands in one table."""

    championship: str
    championship_name: str
    class_code: str
    pos: str
    total: Points
    of: int

    def to_json(self) -> JSON:
        return {
            "championship": self.championship,
            "championship_name": self.championship_name,
            "class": self.class_code,
            "pos": self.pos,
            "total": to_json(self.total),
            "of": self.of,
        }


def _places(scored: ScoredSeason, kind: Competitor, name: str) -> tuple[TablePlace, ...]:
    season = scored.season
    out = []
    for champ in season.rules.championships:
        if champ.competitor is not kind:
            continue
        for car_class in season.classes:
            table = scored.standings(champ.id, car_class.code, None)
            row = table.row(name)
            if row is not None:
                out.append(
                    TablePlace(
                        champ.id,
                        champ.name or champ.id,
                        car_class.code,
                        row.label,
                        row.total,
                        len(table.rows),
                    )
                )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class TeamPage(Answer):
    season: SeasonInfo
    team: Team
    entries: tuple[Entry, ...]
    standings: tuple[TablePlace, ...]
    results: tuple[ClassifiedLine, ...]

    def to_json(self) -> JSON:
        return {
            "season": self.season.to_json(),
            "team": {
                **ref(self.team.name),
                "aliases": list(self.team.aliases),
                "nationality": self.team.nationality,
            },
            "entries": [
                {
                    "car_no": e.car_no,
                    "class": e.class_code,
                    "chassis": " / ".join(c.chassis for c in e.cars),
                    "engine": " / ".join(
                        dict.fromkeys(c.engine.name for c in e.cars if c.engine.name)
                    ),
                    "drivers": [ref(m.driver) for m in e.crew],
                }
                for e in self.entries
            ],
            "standings": to_json(self.standings),
            "results": to_json(self.results),
        }


def team_page(scored: ScoredSeason, slug: str) -> TeamPage:
    season = scored.season
    found = next((t for t in season.teams if slugify(t.name) == slug), None)
    if found is None:
        raise NotFound(f"no team with address {slug!r} in {season.title}")
    return TeamPage(
        season_info(scored),
        found,
        tuple(e for e in season.entries if e.team == found.name),
        _places(scored, Competitor.TEAM, found.name),
        _lines(season, (r for r in season.results if r.team == found.name)),
    )


@dataclass(frozen=True, slots=True)
class DriverPage(Answer):
    season: SeasonInfo
    driver: Driver
    entries: tuple[Entry, ...]
    standings: tuple[TablePlace, ...]
    results: tuple[ClassifiedLine, ...]

    def to_json(self) -> JSON:
        return {
            "season": self.season.to_json(),
            "driver": {
                **ref(self.driver.name),
                "nationality": self.driver.nationality,
                "aliases": list(self.driver.aliases),
            },
            "entries": [
                {
                    "car_no": e.car_no,
                    "class": e.class_code,
                    "team": ref_or_none(e.team),
                }
                for e in self.entries
            ],
            "standings": to_json(self.standings),
            "results": to_json(self.results),
        }


def driver_page(scored: ScoredSeason, slug: str) -> DriverPage:
    season = scored.season
    found = next((d for d in season.drivers if slugify(d.name) == slug), None)
    if found is None:
        raise NotFound(f"no driver with address {slug!r} in {season.title}")
    return DriverPage(
        season_info(scored),
        found,
        tuple(e for e in season.entries if any(m.driver == found.name for m in e.crew)),
        _places(scored, Competitor.DRIVER, found.name),
        _lines(season, (r for r in season.results if found.name in r.drivers)),
    )


def _lines(season: Season, lines: object) -> tuple[ClassifiedLine, ...]:
    return tuple(classified_line(season, line) for line in lines)  # type: ignore[attr-defined]


# -- the drivers and teams of a season ------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonList(Answer):
    """The season's drivers or teams, in the order the season lists them;
    each with the car numbers it entered."""

    kind: str
    """``drivers`` or ``teams``: the key of the list."""
    people: tuple[Driver | Team, ...]
    cars: tuple[tuple[str, ...], ...]
    """Per person, the numbers of the cars entered for or by them."""

    def to_json(self) -> JSON:
        return [
            {
                **ref(p.name),
                "nationality": p.nationality,
                "aliases": list(p.aliases),
                "cars": list(cars),
            }
            for p, cars in zip(self.people, self.cars, strict=True)
        ]


def driver_list(scored: ScoredSeason) -> PersonList:
    season = scored.season
    return PersonList(
        "drivers",
        season.drivers,
        tuple(
            tuple(
                e.car_no or e.key for e in season.entries if any(m.driver == d.name for m in e.crew)
            )
            for d in season.drivers
        ),
    )


def team_list(scored: ScoredSeason) -> PersonList:
    season = scored.season
    return PersonList(
        "teams",
        season.teams,
        tuple(
            tuple(e.car_no or e.key for e in season.entries if e.team == t.name)
            for t in season.teams
        ),
    )
