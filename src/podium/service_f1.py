"""Service functions for Formula One data in the F1DB layout (data/f1/):
score every season from its results and rules and compare the final and
round-by-round tables with the published ones. The CLI (`podium f1 verify`)
and the benchmark call these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from podium.analysis.verify import TableCheck, check_table
from podium.model.published import PublishedTables
from podium.model.season import Season
from podium.scoring import StandingsTable, compute_all_standings, score_season

CHAMPIONSHIPS = ("drivers", "constructors")


@dataclass(frozen=True, slots=True)
class SeasonCheck:
    year: int
    final: tuple[TableCheck, ...]
    rounds: tuple[TableCheck, ...]

    def final_equal(self, championship: str) -> bool | None:
        """None when the season has no such published final table."""
        check = next((c for c in self.final if c.championship == championship), None)
        return None if check is None else check.equal


def season_tables(season: Season) -> dict[tuple[str, int | None], StandingsTable]:
    """Every table of the season: per championship, after each round and final."""
    ledger = score_season(season)
    rounds = season.round_numbers()
    out: dict[tuple[str, int | None], StandingsTable] = {}
    for championship in season.rules.championships:
        class_code = "" if not championship.per_class else "F1"
        tables = compute_all_standings(ledger, season.rules, championship, class_code, rounds)
        for after, table in tables.items():
            out[championship.id, after] = table
    return out


def check_season(season: Season, published: PublishedTables) -> SeasonCheck:
    tables = season_tables(season)
    final: list[TableCheck] = []
    by_round: list[TableCheck] = []
    for championship in CHAMPIONSHIPS:
        printed = published.drivers if championship == "drivers" else published.constructors
        for key, rows in printed.items():
            after = None if key == "final" else int(key)
            table = tables.get((championship, after))
            if table is None:
                check = TableCheck(championship, after, False, "podium has no such table")
            else:
                check = check_table(table, rows, championship)
            (final if after is None else by_round).append(check)
    by_round.sort(key=lambda c: (c.after or 0, c.championship))
    return SeasonCheck(season.year, tuple(final), tuple(by_round))


def verify_f1(data_dir: Path, years: Iterable[int] | None = None) -> list[SeasonCheck]:
    """Score the seasons in ``data_dir`` and compare them with its published tables."""
    from podium.readers.f1db import load_f1_published, load_f1_seasons

    wanted = list(years) if years is not None else None
    seasons = load_f1_seasons(data_dir, wanted)
    published = load_f1_published(data_dir, wanted)
    return [
        check_season(seasons[year], published[year])
        for year in sorted(seasons)
        if year in published
    ]
