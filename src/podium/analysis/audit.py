"""Audit: podium's computed tables against the published ones kept with the
season, cell by cell, with the rule or result behind every cell that differs."""

from __future__ import annotations

from dataclasses import dataclass

from podium.model.points import format_points
from podium.model.season import Season
from podium.scoring.ledger_row import LedgerRow, Withheld
from podium.scoring.standings import StandingsTable

IMPLIED = "implied by published"


@dataclass(frozen=True, slots=True)
class Difference:
    championship: str
    class_code: str
    competitor: str
    column: str
    """'pos', 'total', 'row' or a round column 'r9'."""
    published: str
    computed: str
    explanation: str


@dataclass(frozen=True, slots=True)
class TableAudit:
    championship: str
    class_code: str
    rows: int
    cells: int
    cells_matched: int
    totals_matched: int
    positions_matched: int
    independent_cells: int
    """Point cells decided by a result row that does not itself come from the published table."""
    constructed_cells: int
    """Point cells decided by a row derived from the published table (they agree by construction)."""


@dataclass(frozen=True, slots=True)
class AuditReport:
    tables: tuple[TableAudit, ...]
    differences: tuple[Difference, ...]
    rule_effects: tuple[LedgerRow, ...]
    """Rows where a modelled rule withheld points a place would have earned."""
    winners_checked: int
    winners_matched: int
    winner_differences: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not self.differences and not self.winner_differences


def audit_tables(
    season: Season, ledger: tuple[LedgerRow, ...], tables: dict[tuple[str, str], StandingsTable]
) -> AuditReport:
    audits: list[TableAudit] = []
    differences: list[Difference] = []
    for (championship, class_code), table in tables.items():
        published = [
            p
            for p in season.published
            if p.championship == championship and p.class_code == class_code
        ]
        cells = matched = totals = positions = independent = constructed = 0
        for row in published:
            name = season.team_name(row.name) or season.driver_name(row.name) or row.name
            mine = table.row(name)
            if mine is None:
                differences.append(
                    Difference(
                        championship,
                        class_code,
                        row.name,
                        "row",
                        "listed",
                        "missing",
                        _why(ledger, championship, class_code, name, None),
                    )
                )
                continue
            if mine.label == row.pos:
                positions += 1
            else:
                differences.append(
                    Difference(
                        championship,
                        class_code,
                        row.name,
                        "pos",
                        row.pos,
                        mine.label,
                        "order follows the totals and tie-breaks",
                    )
                )
            if format_points(mine.total) == row.total:
                totals += 1
            else:
                differences.append(
                    Difference(
                        championship,
                        class_code,
                        row.name,
                        "total",
                        row.total,
                        format_points(mine.total),
                        "sum of the round cells",
                    )
                )
            for number, printed, cell in zip(table.rounds, row.cells, mine.cells, strict=False):
                cells += 1
                computed = format_points(cell.points) if cell else ""
                if computed == printed:
                    matched += 1
                    if printed:
                        if _constructed(season, ledger, championship, class_code, name, number):
                            constructed += 1
                        else:
                            independent += 1
                else:
                    differences.append(
                        Difference(
                            championship,
                            class_code,
                            row.name,
                            f"r{number}",
                            printed,
                            computed,
                            _why(ledger, championship, class_code, name, number),
                        )
                    )
        listed = {
            season.team_name(p.name) or season.driver_name(p.name) or p.name for p in published
        }
        for extra in table.rows if published else ():
            if extra.competitor not in listed:
                why = _why(ledger, championship, class_code, extra.competitor, None)
                differences.append(
                    Difference(
                        championship,
                        class_code,
                        extra.competitor,
                        "row",
                        "not listed",
                        format_points(extra.total),
                        why,
                    )
                )
        if published:
            audits.append(
                TableAudit(
                    championship,
                    class_code,
                    len(published),
                    cells,
                    matched,
                    totals,
                    positions,
                    independent,
                    constructed,
                )
            )

    classes = {key[1] for key in tables}
    effects = tuple(
        r
        for r in ledger
        if r.rule in (Withheld.REGISTRATION, Withheld.DISTANCE) and r.class_code in classes
    )
    checked, ok, winner_diffs = _audit_winners(season)
    return AuditReport(tuple(audits), tuple(differences), effects, checked, ok, tuple(winner_diffs))


def _why(
    ledger: tuple[LedgerRow, ...], championship: str, class_code: str, who: str, number: int | None
) -> str:
    rows = [
        r.reason
        for r in ledger
        if r.championship == championship
        and r.class_code == class_code
        and r.competitor == who
        and (number is None or r.round == number)
    ]
    return "; ".join(rows) if rows else "no result of this competitor in the season's results"


def _constructed(
    season: Season,
    ledger: tuple[LedgerRow, ...],
    championship: str,
    class_code: str,
    who: str,
    number: int,
) -> bool:
    for row in ledger:
        if (
            (row.championship, row.class_code, row.competitor, row.round)
            == (championship, class_code, who, number)
            and row.counts
            and row.points > 0
        ):
            for line in season.results_of(number, row.session):
                if (
                    line.class_code == class_code
                    and line.class_pos == row.place
                    and line.classified
                ):
                    return line.source.startswith(IMPLIED)
    return False


def _audit_winners(season: Season) -> tuple[int, int, list[str]]:
    from podium.analysis.winners import class_winners

    mine = {(w.round, w.class_code): w for w in class_winners(season)}
    diffs: list[str] = []
    ok = 0
    for published in season.published_winners:
        winner = mine.get((published.round, published.class_code))
        where = f"round {published.round} {published.class_code}"
        if winner is None:
            diffs.append(
                f"{where}: published #{published.car_no} {published.team}, no class winner in results"
            )
            continue
        names = {season.driver_name(d) or d for d in published.drivers}
        problems = []
        if winner.car_no != published.car_no:
            problems.append(f"car #{published.car_no} published, #{winner.car_no} computed")
        if season.team_name(winner.team) != season.team_name(published.team):
            problems.append(f"team {published.team!r} published, {winner.team!r} computed")
        if names != set(winner.drivers):
            problems.append(f"drivers {sorted(names)} published, {sorted(winner.drivers)} computed")
        if problems:
            diffs.append(f"{where}: " + "; ".join(problems))
        else:
            ok += 1
    return len(season.published_winners), ok, diffs
