"""Standings and the points behind them: a table with its per-round
breakdown (``StandingsReport``), every ledger row of a team or driver
(``Explanation``) and the ledger of a whole table (``LedgerReport``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from podium.app.answer import JSON, Answer, ref, slugify, to_json
from podium.app.results_key import key_of, mark_of, tag_of
from podium.app.season import ScoredSeason
from podium.app.site import SeasonInfo, season_info
from podium.model.calendar import Round, RoundStatus
from podium.model.points import ZERO, Points
from podium.model.season import Season
from podium.rules.schema import Championship, Competitor
from podium.scoring import LedgerRow, StandingsTable
from podium.scoring.standings import Cell


@dataclass(frozen=True, slots=True)
class StandingRow(Answer):
    label: str
    """The place as printed: ``3``, ``10=`` (shared), ``DSQ``."""
    place: int
    shared: bool
    name: str
    cells: tuple[Cell | None, ...]
    """One per round of the table; None where the competitor did not appear."""
    total: Points
    chassis: tuple[str, ...] | None = None
    """Teams' tables: the chassis and engines the team ran in the class."""
    engines: tuple[str, ...] | None = None

    def json_for(self, rounds: tuple[int, ...]) -> JSON:
        cars: dict[str, JSON] = (
            {"chassis": to_json(self.chassis), "engines": to_json(self.engines)}
            if self.chassis is not None
            else {}
        )
        return {
            "pos": self.label,
            "place": self.place,
            "shared": self.shared,
            "competitor": ref(self.name),
            **cars,
            "rounds": {
                str(n): None
                if c is None
                else {
                    "points": to_json(c.points),
                    "place": c.place,
                    "status": to_json(c.status),
                    "dropped": c.dropped,
                }
                for n, c in zip(rounds, self.cells, strict=True)
            },
            "total": to_json(self.total),
        }


@dataclass(frozen=True, slots=True)
class StandingsReport(Answer):
    """A championship table of one class, after a round or at the end."""

    season_id: str
    season_title: str
    table: StandingsTable
    rows: tuple[StandingRow, ...]
    notes: tuple[str, ...]
    provisional: tuple[int, ...] = ()
    """Rounds of the table whose results are not official yet."""

    @property
    def championship(self) -> Championship:
        return self.table.championship

    @property
    def class_code(self) -> str:
        return self.table.class_code

    @property
    def after(self) -> int | None:
        return self.table.after

    @property
    def rounds(self) -> tuple[int, ...]:
        return self.table.rounds

    @property
    def teams(self) -> bool:
        return self.championship.competitor is Competitor.TEAM

    @property
    def title(self) -> str:
        label = self.championship.name or self.championship.id
        after = f" after round {self.after}" if self.after else ""
        return f"{self.season_title}: {self.class_code} {label}{after}".replace(":  ", ": ")

    def to_json(self) -> JSON:
        return {
            "season": self.season_id,
            "championship": self.championship.id,
            "class": self.class_code,
            "after": self.after,
            "rounds": list(self.rounds),
            "rows": [row.json_for(self.rounds) for row in self.rows],
            "notes": list(self.notes),
            "provisional": list(self.provisional),
        }


def standings_report(
    scored: ScoredSeason,
    championship: str = "teams",
    class_code: str | None = None,
    after: int | None = None,
) -> StandingsReport:
    table = scored.standings(championship, class_code, after)
    return scored.memo(
        ("standings-report", table.championship.id, table.class_code, after),
        lambda: _report(scored, table),
    )


def _report(scored: ScoredSeason, table: StandingsTable) -> StandingsReport:
    season = scored.season
    teams = table.championship.competitor is Competitor.TEAM
    rows = []
    for row in table.rows:
        cars = scored.cars_of(row.competitor, table.class_code) if teams else None
        rows.append(
            StandingRow(
                row.label,
                row.place,
                row.shared,
                row.competitor,
                row.cells,
                row.total,
                cars.chassis if cars else None,
                cars.engines if cars else None,
            )
        )
    notes = provisional_notes(season, table.rounds, table.after)
    if table.championship.competitor is Competitor.DRIVER:
        missing = scored.unattributed(table.class_code, table.after)
        if missing:
            rounds = sorted({m.round for m in missing})
            where = ("round " if len(rounds) == 1 else "rounds ") + ", ".join(map(str, rounds))
            notes.append(
                f"{len(missing)} point-scoring result(s) in {where} name no drivers in the "
                "sources: driver totals are lower bounds."
            )
    provisional = tuple(r.number for r in provisional_rounds(season, table.rounds, table.after))
    return StandingsReport(season.id, season.title, table, tuple(rows), tuple(notes), provisional)


def provisional_rounds(
    season: Season, rounds: Iterable[int], after: int | None = None
) -> list[Round]:
    """Rounds of ``rounds`` (up to ``after``) whose results are provisional."""
    held = set(season.rounds_with_results())
    return [
        season.round(n)
        for n in rounds
        if n in held
        and (after is None or n <= after)
        and season.round(n).status is RoundStatus.PROVISIONAL
    ]


def provisional_notes(season: Season, rounds: Iterable[int], after: int | None = None) -> list[str]:
    found = provisional_rounds(season, rounds, after)
    if not found:
        return []
    which = ", ".join(f"round {r.number} ({r.label})" for r in found)
    return [f"Provisional: the results of {which} are not official yet and may change."]


# -- explanations ---------------------------------------------------------


def ledger_row_json(row: LedgerRow) -> dict[str, JSON]:
    """A ledger row as the explanations print it."""
    return {
        "round": row.round,
        "points": to_json(row.points),
        "counts": row.counts,
        "dropped": row.dropped,
        "place": row.place,
        "entry": row.entry,
        "reason": row.reason,
        "withheld": to_json(row.withheld) or None,
        "rule": row.rule.value or None,
    }


@dataclass(frozen=True, slots=True)
class LedgerReport(Answer):
    """The ledger of one table (or of one competitor in it): every decision,
    with points and the rule."""

    season_id: str
    championship: str
    class_code: str
    competitor: str | None
    rows: tuple[LedgerRow, ...]

    def to_json(self) -> JSON:
        return {
            "season": self.season_id,
            "championship": self.championship,
            "class": self.class_code,
            "competitor": ref(self.competitor) if self.competitor else None,
            "rows": [
                {
                    "competitor": ref(r.competitor),
                    "round": r.round,
                    "entry": r.entry,
                    "place": r.place,
                    "status": to_json(r.status),
                    "points": to_json(r.points),
                    "counts": r.counts and not r.dropped,
                    "reason": r.reason,
                    "withheld": to_json(r.withheld) or None,
                    "rule": r.rule.value or None,
                    "kind": r.kind.value,
                }
                for r in self.rows
            ],
        }


def ledger_report(
    scored: ScoredSeason,
    championship: str,
    class_code: str,
    after: int | None = None,
    competitor: str | None = None,
) -> LedgerReport:
    """The table's ledger; ``competitor``: only the rows of that competitor
    (its name as the table prints it)."""
    champ = scored.championship(championship)
    code = scored.class_code(class_code)
    if after is not None:
        scored.season.round(after)
    rows = tuple(
        r
        for r in scored.ledger
        if r.championship == champ.id
        and r.class_code == code
        and (after is None or r.round <= after)
        and (competitor is None or r.competitor == competitor)
    )
    return LedgerReport(scored.season.id, champ.id, code, competitor, rows)


# -- the standings page -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Progression(Answer):
    """A competitor's running total after each round of a table (the title-fight chart)."""

    name: str
    total: Points
    running: tuple[tuple[int, Points], ...]
    """(round, points after it), one per round of the table."""

    def to_json(self) -> JSON:
        return {
            "name": self.name,
            "total": to_json(self.total),
            "points": [{"round": n, "points": to_json(p)} for n, p in self.running],
        }


def progression(table: StandingsTable, top: int = 5) -> tuple[Progression, ...]:
    """Running totals per round of the leading competitors."""
    series = []
    for standing in table.rows[:top]:
        running = ZERO
        points = []
        for number, cell in zip(table.rounds, standing.cells, strict=True):
            running += cell.points if cell and cell.points else 0
            points.append((number, running))
        series.append(Progression(standing.competitor, standing.total, tuple(points)))
    return tuple(series)


@dataclass(frozen=True, slots=True)
class RoundLabel(Answer):
    number: int
    label: str


@dataclass(frozen=True, slots=True)
class StandingsPage(Answer):
    """A table as the site shows it: the report, each cell's results key,
    the round labels and the progression of the leaders."""

    season: SeasonInfo
    report: StandingsReport
    round_labels: tuple[RoundLabel, ...]
    held: frozenset[int]
    rounds_all: tuple[RoundLabel, ...]
    progression: tuple[Progression, ...]

    def to_json(self) -> JSON:
        report = self.report
        rows: list[JSON] = []
        for row in report.rows:
            cells: list[JSON] = [
                {
                    "round": number,
                    "points": to_json(cell.points) if cell and cell.points else "",
                    "dropped": bool(cell and cell.dropped),
                    "key": str(key_of(cell) or ""),
                    "tag": tag_of(cell),
                    "mark": mark_of(cell),
                    "place": cell.place if cell else None,
                    "status": to_json(cell.status) if cell and cell.status else None,
                }
                for number, cell in zip(report.rounds, row.cells, strict=True)
            ]
            record = row.json_for(report.rounds)
            assert isinstance(record, dict)
            # The page's template names the row by name and slug.
            rows.append({**record, "name": row.name, "slug": slugify(row.name), "cells": cells})
        return {
            "season": self.season.to_json(),
            "class": report.class_code,
            "championship": report.championship.id,
            "championship_name": report.championship.name or report.championship.id,
            "competitor": "team" if report.teams else "driver",
            "after": report.after,
            "rounds": [
                {
                    "number": r.number,
                    "label": r.label,
                    "held": r.number in self.held,
                    "provisional": r.number in report.provisional,
                }
                for r in self.round_labels
            ],
            "rounds_all": to_json(self.rounds_all),
            "rows": rows,
            "notes": list(report.notes),
            "progression": to_json(self.progression),
        }


def standings_page(
    scored: ScoredSeason, championship: str, class_code: str, after: int | None
) -> StandingsPage:
    season = scored.season
    if after is not None:
        season.round(after)
    report = standings_report(scored, championship, scored.class_code(class_code), after)
    info = season_info(scored)
    page = scored.memo(
        ("standings-page", report.championship.id, report.class_code, after),
        lambda: StandingsPage(
            info,
            report,
            tuple(RoundLabel(n, season.round(n).label) for n in report.rounds),
            frozenset(season.rounds_with_results()),
            tuple(RoundLabel(r.number, r.label) for r in season.rounds),
            progression(report.table),
        ),
    )
    # Moments that resolve to one revision share the memo: each page shows its own.
    return page if page.season == info else replace(page, season=info)
