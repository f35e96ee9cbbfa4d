"""What the season pages show: the season header, the home page (leaders,
calendar, classes), the calendar, and the lists of series and seasons."""

from __future__ import annotations

from dataclasses import dataclass

from podium.app.answer import JSON, Answer, ref, ref_or_none, to_json
from podium.app.season import AsOf, ScoredSeason
from podium.model.calendar import Circuit, Round
from podium.model.points import Points
from podium.model.season import Season
from podium.rules.schema import Championship


@dataclass(frozen=True, slots=True)
class SeasonInfo(Answer):
    """Who a page is about; ``as_of`` is set when it shows an earlier state."""

    id: str
    title: str
    year: int
    series: str
    series_short: str
    revision: int
    as_of: AsOf


def season_info(scored: ScoredSeason) -> SeasonInfo:
    return info_of(scored.season, scored.revision, scored.as_of)


def info_of(season: Season, revision: int, as_of: AsOf = None) -> SeasonInfo:
    return SeasonInfo(
        season.id,
        season.title,
        season.year,
        season.series.name,
        season.series.short_name,
        revision,
        as_of,
    )


def next_round(season: Season) -> int | None:
    """The first round without results (None once the season is complete)."""
    held = set(season.rounds_with_results())
    return next((r.number for r in season.rounds if r.number not in held), None)


@dataclass(frozen=True, slots=True)
class RoundWinner(Answer):
    class_code: str
    car_no: str
    team: str
    overall: bool

    def to_json(self) -> JSON:
        return {
            "class": self.class_code,
            "car_no": self.car_no,
            "team": ref_or_none(self.team),
            "overall": self.overall,
        }


@dataclass(frozen=True, slots=True)
class CalendarRound(Answer):
    round: Round
    has_results: bool
    next: bool
    winners: tuple[RoundWinner, ...]

    def to_json(self) -> JSON:
        r = self.round
        return {
            "round": r.number,
            "name": r.name,
            "circuit": r.circuit,
            "label": r.label,
            "date": to_json(r.date),
            "duration": r.duration,
            "status": r.status.value,
            "has_results": self.has_results,
            "next": self.next,
            "winners": to_json(self.winners),
        }


@dataclass(frozen=True, slots=True)
class Calendar(Answer):
    season: SeasonInfo
    calendar: tuple[CalendarRound, ...]


def calendar_rounds(scored: ScoredSeason) -> tuple[CalendarRound, ...]:
    season = scored.season
    held = set(season.rounds_with_results())
    upcoming = next_round(season)
    winners: dict[int, list[RoundWinner]] = {}
    for w in scored.winners():
        winners.setdefault(w.round, []).append(
            RoundWinner(w.class_code, w.car_no, w.team, w.overall)
        )
    return tuple(
        CalendarRound(r, r.number in held, r.number == upcoming, tuple(winners.get(r.number, [])))
        for r in season.rounds
    )


def calendar(scored: ScoredSeason) -> Calendar:
    return Calendar(season_info(scored), calendar_rounds(scored))


@dataclass(frozen=True, slots=True)
class ClassInfo(Answer):
    code: str
    name: str
    cars: int
    min_weight_kg: float | None
    engine_na_max_l: float | None
    engine_turbo_max_l: float | None


def class_infos(season: Season) -> tuple[ClassInfo, ...]:
    return tuple(
        ClassInfo(
            c.code,
            c.name,
            sum(1 for e in season.entries if e.class_code == c.code),
            c.rules.min_weight_kg,
            c.rules.engine_na_max_l,
            c.rules.engine_turbo_max_l,
        )
        for c in season.classes
    )


@dataclass(frozen=True, slots=True)
class ClassList(Answer):
    classes: tuple[ClassInfo, ...]

    def to_json(self) -> JSON:
        return to_json(self.classes)


@dataclass(frozen=True, slots=True)
class ChampionshipInfo(Answer):
    id: str
    name: str
    competitor: str
    classes: tuple[str, ...] = ()
    """The classes it is held in (empty: every class)."""


def championship_infos(season: Season) -> tuple[ChampionshipInfo, ...]:
    return tuple(_championship_info(c) for c in season.rules.championships)


def _championship_info(c: Championship) -> ChampionshipInfo:
    return ChampionshipInfo(c.id, c.name or c.id, c.competitor.value, tuple(c.classes))


@dataclass(frozen=True, slots=True)
class Leader(Answer):
    name: str
    total: Points

    def to_json(self) -> JSON:
        return {**ref(self.name), "total": to_json(self.total)}


@dataclass(frozen=True, slots=True)
class TableLeaders(Answer):
    class_code: str
    championship: str
    championship_name: str
    leaders: tuple[Leader, ...]
    margin: Points | None

    def to_json(self) -> JSON:
        return {
            "class": self.class_code,
            "championship": self.championship,
            "championship_name": self.championship_name,
            "leaders": to_json(self.leaders),
            "margin": to_json(self.margin),
        }


@dataclass(frozen=True, slots=True)
class SeasonHome(Answer):
    season: SeasonInfo
    classes: tuple[ClassInfo, ...]
    championships: tuple[ChampionshipInfo, ...]
    calendar: tuple[CalendarRound, ...]
    next_round: int | None
    rounds_held: int
    leaders: tuple[TableLeaders, ...]


def home(scored: ScoredSeason) -> SeasonHome:
    season = scored.season
    leaders = []
    for car_class in season.classes:
        for champ in season.rules.championships:
            if not champ.held_in(car_class.code):
                continue
            table = scored.standings(champ.id, car_class.code, None)
            top = [r for r in table.rows if r.place == 1]
            leaders.append(
                TableLeaders(
                    car_class.code,
                    champ.id,
                    champ.name or champ.id,
                    tuple(Leader(r.competitor, r.total) for r in top),
                    table.rows[0].total - table.rows[1].total
                    if len(table.rows) > 1 and not table.rows[0].shared
                    else None,
                )
            )
    return SeasonHome(
        season_info(scored),
        class_infos(season),
        championship_infos(season),
        calendar_rounds(scored),
        next_round(season),
        len(season.rounds_with_results()),
        tuple(leaders),
    )


# -- lists of seasons ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SeasonList(Answer):
    seasons: tuple[SeasonInfo, ...]

    def to_json(self) -> JSON:
        return to_json(self.seasons)


@dataclass(frozen=True, slots=True)
class SeriesSeason(Answer):
    id: str
    year: int
    title: str


@dataclass(frozen=True, slots=True)
class SeriesSummary(Answer):
    name: str
    short_name: str
    seasons: tuple[SeriesSeason, ...]


@dataclass(frozen=True, slots=True)
class SeriesList(Answer):
    series: tuple[SeriesSummary, ...]

    def to_json(self) -> JSON:
        return to_json(self.series)


def series_list(seasons: list[Season]) -> SeriesList:
    """The series of ``seasons``, each with its seasons, in the order given."""
    by_series: dict[str, list[Season]] = {}
    for season in seasons:
        by_series.setdefault(season.series.name, []).append(season)
    return SeriesList(
        tuple(
            SeriesSummary(
                name,
                group[0].series.short_name,
                tuple(SeriesSeason(s.id, s.year, s.title) for s in group),
            )
            for name, group in by_series.items()
        )
    )


@dataclass(frozen=True, slots=True)
class TableLink(Answer):
    class_code: str
    championship: str
    after: int | None
    leaders: tuple[str, ...]
    """Every competitor in first place (co-leaders share it)."""
    total: Points | None
    url: str

    def to_json(self) -> JSON:
        return {
            "class": self.class_code,
            "championship": self.championship,
            "after": self.after,
            "leaders": [ref(name) for name in self.leaders],
            "total": to_json(self.total),
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class StandingsIndex(Answer):
    """The leader of every table of a season."""

    tables: tuple[TableLink, ...]

    def to_json(self) -> JSON:
        return to_json(self.tables)


def standings_index(scored: ScoredSeason, after: int | None = None) -> StandingsIndex:
    season = scored.season
    if after is not None:
        season.round(after)
    out = []
    for car_class in season.classes:
        for champ in season.rules.championships:
            if not champ.held_in(car_class.code):
                continue
            table = scored.standings(champ.id, car_class.code, after)
            out.append(
                TableLink(
                    car_class.code,
                    champ.id,
                    after,
                    tuple(r.competitor for r in table.rows if r.place == 1),
                    table.rows[0].total if table.rows else None,
                    f"/api/v1/seasons/{season.id}/standings/{car_class.code}/{champ.id}",
                )
            )
    return StandingsIndex(tuple(out))


@dataclass(frozen=True, slots=True)
class CalendarList(Answer):
    """The calendar alone (the API's rounds list)."""

    rounds: tuple[CalendarRound, ...]

    def to_json(self) -> JSON:
        return to_json(self.rounds)


# -- circuits -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CircuitInfo(Answer):
    circuit: Circuit
    rounds: tuple[int, ...]
    """The rounds of the season held there."""

    def to_json(self) -> JSON:
        c = self.circuit
        return {
            **ref(c.name),
            "location": c.location,
            "length_km": c.length_km,
            "length_mi": c.length_mi,
            "turns": c.turns,
            "rounds": list(self.rounds),
        }


@dataclass(frozen=True, slots=True)
class CircuitList(Answer):
    circuits: tuple[CircuitInfo, ...]

    def to_json(self) -> JSON:
        return to_json(self.circuits)


def circuit_list(season: Season) -> CircuitList:
    """The season's circuits, each with its rounds; a round's circuit that
    the season does not describe is listed by name alone."""
    known = {c.name: c for c in season.circuits}
    for r in season.rounds:
        known.setdefault(r.circuit, Circuit(r.circuit))
    return CircuitList(
        tuple(
            CircuitInfo(c, tuple(r.number for r in season.rounds if r.circuit == c.name))
            for c in known.values()
        )
    )
