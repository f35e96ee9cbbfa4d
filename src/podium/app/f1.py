"""Formula One data in the F1DB layout (data/f1/): score every season from
its results and rules and compare the final and round-by-round tables with
the published ones (``verify_f1``), and find the round that decided each
title (``f1_deciders``). `podium f1 ...` and the benchmarks call these."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from podium.analysis.verify import TableCheck, check_table
from podium.app.answer import JSON, Answer
from podium.errors import InputError, Problem
from podium.model.published import PublishedTables
from podium.model.season import Season
from podium.readers.rows import read_rows
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


def compare_season(season: Season, published: PublishedTables) -> SeasonCheck:
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
        compare_season(seasons[year], published[year])
        for year in sorted(seasons)
        if year in published
    ]


@dataclass(frozen=True, slots=True)
class F1Verification(Answer):
    """podium's F1 tables against the published ones, season by season."""

    checks: tuple[SeasonCheck, ...]

    def first_difference(self, check: SeasonCheck) -> str:
        first = next((c for c in (*check.final, *check.rounds) if not c.equal), None)
        if first is None:
            return ""
        when = "final" if first.after is None else f"after round {first.after}"
        return f"{first.championship} {when}: {first.difference}"

    @property
    def summary(self) -> str:
        finals = {
            name: [c.final_equal(name) for c in self.checks if c.final_equal(name) is not None]
            for name in CHAMPIONSHIPS
        }
        return (
            f"final drivers {sum(bool(x) for x in finals['drivers'])}/{len(finals['drivers'])}, "
            f"final constructors {sum(bool(x) for x in finals['constructors'])}/"
            f"{len(finals['constructors'])}"
        )

    def to_json(self) -> JSON:
        return {
            "seasons": [
                {
                    "season": check.year,
                    "final_drivers": check.final_equal("drivers"),
                    "final_constructors": check.final_equal("constructors"),
                    "round_tables_equal": sum(c.equal for c in check.rounds),
                    "round_tables": len(check.rounds),
                    "first_difference": self.first_difference(check),
                }
                for check in self.checks
            ],
            "summary": self.summary,
        }


def f1_verification(data_dir: Path, years: Iterable[int] | None = None) -> F1Verification:
    """``verify_f1`` as an answer: per season, what is equal and the first difference."""
    return F1Verification(tuple(verify_f1(data_dir, years)))


# -- the round that decided each title ------------------------------------------
# One tie rule for both titles, the season's own (count-back): where the
# published flags disagree with it (1968 and 1978 constructors) docs/title.md,
# "Ties", gives the arithmetic.


@dataclass(frozen=True, slots=True)
class SeasonDeciders(Answer):
    season: int
    drivers: int | None
    drivers_published: int | None
    constructors: int | None
    constructors_published: int | None


@dataclass(frozen=True, slots=True)
class Deciders(Answer):
    seasons: tuple[SeasonDeciders, ...]
    summary: str
    """``drivers N/M, constructors N/M`` over the titles the file names."""


def f1_deciders(data_dir: Path, years: list[int] | None = None) -> Deciders:
    """Per season, the round at which podium finds each F1 title decided,
    beside the one in ``data_dir/deciders.csv``."""
    from podium.analysis.title.deciders import deciding_round
    from podium.readers.f1db import load_f1_seasons

    published = read_deciders(data_dir / "deciders.csv", years)
    seasons = load_f1_seasons(data_dir, years)
    rows = []
    score = {"drivers": [0, 0], "constructors": [0, 0]}
    for year in sorted(seasons):
        found: dict[str, int | None] = {}
        for title in ("drivers", "constructors"):
            expected = published.get((year, title))
            known = {c.id for c in seasons[year].rules.championships}
            ours = deciding_round(seasons[year], title) if title in known else None
            found[title] = ours
            if expected is not None:
                score[title][1] += 1
                score[title][0] += ours == expected
        rows.append(
            SeasonDeciders(
                year,
                found["drivers"],
                published.get((year, "drivers")),
                found["constructors"],
                published.get((year, "constructors")),
            )
        )
    summary = (
        f"drivers {score['drivers'][0]}/{score['drivers'][1]}, "
        f"constructors {score['constructors'][0]}/{score['constructors'][1]}"
    )
    return Deciders(tuple(rows), summary)


def read_deciders(path: Path, years: list[int] | None) -> dict[tuple[int, str], int]:
    """``deciders.csv`` (year,round,championship): the published deciding rounds."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            Problem(path.name, None, "(file)", "file not found", expected=str(path))
        ) from None
    out: dict[tuple[int, str], int] = {}
    problems = []
    for row in read_rows(text, path.name, required=("year", "round", "championship")):
        title = row.get("championship")
        if title not in ("drivers", "constructors"):
            problems.append(
                row.problem("championship", "unknown title", "drivers or constructors", title)
            )
            continue
        try:
            year, number = int(row.get("year")), int(row.get("round"))
        except ValueError:
            problems.append(
                row.problem(
                    "year/round",
                    "not a number",
                    "integers",
                    f"{row.get('year')}/{row.get('round')}",
                )
            )
            continue
        if years is None or year in years:
            out[year, title] = number
    if problems:
        raise InputError(problems)
    return out
