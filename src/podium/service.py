"""Service functions: what the CLI, the JSON API and the web site ask of a
season. Adapters call these and only render what comes back."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from podium.errors import NotFound
from podium.model.results import ResultLine, Status
from podium.model.season import Season
from podium.rules.schema import Championship, Competitor
from podium.scoring import LedgerRow, StandingsTable, compute_standings, score_season
from podium.scoring.classify import place_round

if TYPE_CHECKING:
    from podium.analysis.audit import AuditReport
    from podium.analysis.winners import ClassWinner
    from podium.scoring.invitations import EarnedAward


def open_season(path: str | Path | None = None, *, cached: bool = False) -> Season:
    """The season in a native folder, or the built-in 2004 ALMS when ``path`` is None.

    ``cached``: reuse the season loaded by an earlier process if no file of the
    folder changed since (``podium.readers.season_cache``; commands start faster).
    """
    from podium.datasets import builtin_season_path

    folder = Path(path) if path else builtin_season_path()
    if cached:
        from podium.readers.season_cache import load_season_cached

        return load_season_cached(folder)
    from podium.readers.native import load_season

    return load_season(folder)


@dataclass(frozen=True, slots=True)
class CompetitorCars:
    chassis: tuple[str, ...]
    engines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    competitor: str
    championship: str
    class_code: str
    rows: tuple[LedgerRow, ...]
    total_text: str


class Championships:
    """A season with its ledger: every question about points starts here."""

    def __init__(self, season: Season) -> None:
        self.season = season

    @cached_property
    def ledger(self) -> tuple[LedgerRow, ...]:
        return score_season(self.season)

    # -- lookups -------------------------------------------------------

    def championship(self, championship_id: str) -> Championship:
        try:
            return self.season.rules.championship(championship_id)
        except KeyError as exc:
            raise NotFound(str(exc.args[0])) from None

    def class_code(self, code: str) -> str:
        return self.season.car_class(code).code

    # -- standings -----------------------------------------------------

    def standings(
        self, championship: str = "teams", class_code: str | None = None, after: int | None = None
    ) -> StandingsTable:
        champ = self.championship(championship)
        code = self.class_code(class_code) if champ.per_class and class_code else ""
        if champ.per_class and not code:
            code = self.season.classes[0].code
        if after is not None:
            self.season.round(after)
        return compute_standings(
            self.ledger, self.season.rules, champ, code, self.season.round_numbers(), after
        )

    def all_tables(self, after: int | None = None) -> dict[tuple[str, str], StandingsTable]:
        tables = {}
        for champ in self.season.rules.championships:
            codes = [c.code for c in self.season.classes] if champ.per_class else [""]
            for code in codes:
                tables[(champ.id, code)] = self.standings(champ.id, code or None, after)
        return tables

    def cars_of(self, team: str, class_code: str) -> CompetitorCars:
        """Chassis and engines a team ran in a class, in entry-list order."""
        chassis: dict[str, None] = {}
        engines: dict[str, None] = {}
        for entry in self.season.entries:
            if entry.team == team and entry.class_code == class_code:
                for car in entry.cars:
                    chassis.setdefault(car.chassis)
                    if car.engine.name:
                        engines.setdefault(car.engine.name)
        return CompetitorCars(tuple(chassis), tuple(engines))

    def unattributed(self, class_code: str, after: int | None = None) -> tuple[ResultLine, ...]:
        """Point-scoring result lines whose drivers the sources do not name:
        driver totals are lower bounds while any exist."""
        rules = self.season.rules
        out = []
        for rnd in self.season.rounds:
            if after is not None and rnd.number > after:
                continue
            _, scale = rules.scale_for(rnd.number, rnd.scale)
            lines = list(self.season.results_of(rnd.number))
            for placing in place_round(lines, rules):
                line = placing.line
                if (
                    line.class_code == class_code
                    and not line.drivers
                    and placing.eligible
                    and placing.place
                    and scale.for_place(placing.place) > 0
                ):
                    out.append(line)
        return tuple(out)

    # -- explanations ----------------------------------------------------

    def explain(
        self,
        name: str,
        class_code: str | None = None,
        championship: str | None = None,
        after: int | None = None,
    ) -> tuple[Explanation, ...]:
        """Every ledger row behind a team's or driver's points, per championship and class."""
        from podium.model.points import format_points

        season = self.season
        team = season.team_name(name)
        driver = season.driver_name(name)
        if team is None and driver is None:
            raise NotFound(f"no team or driver {name!r} in {season.title}")
        code = self.class_code(class_code) if class_code else None
        out = []
        for champ in season.rules.championships:
            if championship and champ.id != championship:
                continue
            who = team if champ.competitor is Competitor.TEAM else driver
            if who is None:
                continue
            rows = [
                r
                for r in self.ledger
                if r.championship == champ.id
                and r.competitor == who
                and (code is None or r.class_code == code)
                and (after is None or r.round <= after)
            ]
            for cls in dict.fromkeys(r.class_code for r in rows):
                mine = tuple(r for r in rows if r.class_code == cls)
                total = sum((r.net for r in mine), start=mine[0].points * 0)
                out.append(Explanation(who, champ.id, cls, mine, format_points(total)))
        if not out:
            raise NotFound(f"{name!r} has no results" + (f" in {code}" if code else ""))
        return tuple(out)

    # -- results ---------------------------------------------------------

    def classification(
        self, round_number: int, class_code: str | None = None, starters_only: bool = True
    ) -> tuple[ResultLine, ...]:
        """A round's classification in results-sheet order: classified cars by
        overall (then class) position, then the rest by laps. Non-starters are
        left out unless ``starters_only`` is false: a results sheet lists the
        cars that took the start."""
        self.season.round(round_number)
        code = self.class_code(class_code) if class_code else None
        lines = [
            r
            for r in self.season.results_of(round_number)
            if (code is None or r.class_code == code)
            and not (starters_only and r.status is Status.DID_NOT_START)
        ]
        class_order = {c.code: i for i, c in enumerate(self.season.classes)}

        def key(r: ResultLine) -> tuple[int, int, int, int, int]:
            return (
                0 if r.overall_pos is not None else 1,
                r.overall_pos or 0,
                0 if r.classified else 1,
                class_order.get(r.class_code, 99) if r.overall_pos is None else 0,
                r.class_pos if r.class_pos is not None else 1000 - (r.laps or 0),
            )

        return tuple(sorted(lines, key=key))

    def winners(self) -> tuple[ClassWinner, ...]:
        from podium.analysis.winners import class_winners

        return class_winners(self.season)

    def awards(self) -> tuple[EarnedAward, ...]:
        from podium.scoring.invitations import earned_awards

        return earned_awards(self.season)

    def audit(self) -> AuditReport:
        from podium.analysis.audit import audit_tables

        tables = {
            key: table
            for key, table in self.all_tables().items()
            if any(
                p.championship == key[0] and p.class_code == key[1] for p in self.season.published
            )
        }
        return audit_tables(self.season, self.ledger, tables)
