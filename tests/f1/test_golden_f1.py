"""Golden: podium's F1 tables against the published F1DB tables (data/f1),
scored from results whose points column has been deleted."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import pytest

from podium.app.f1 import SeasonCheck, season_tables
from podium.readers.f1db import load_f1_published, load_f1_seasons

from .conftest import F1_DATA, years_in

YEARS = years_in(F1_DATA)


def test_the_points_column_is_really_gone(no_points_dir: Path) -> None:
    with (no_points_dir / "results.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert "points" not in header
    assert "position_text" in header


def test_every_local_season_is_checked(checks: dict[int, SeasonCheck]) -> None:
    assert sorted(checks) == YEARS
    assert len(YEARS) == 38  # the even seasons 1950-2024


@pytest.mark.parametrize("year", YEARS)
def test_final_drivers_table_equals_published(checks: dict[int, SeasonCheck], year: int) -> None:
    final = next(c for c in checks[year].final if c.championship == "drivers")
    assert final.equal, final.difference


@pytest.mark.parametrize("year", [y for y in YEARS if y >= 1958])
def test_final_constructors_table_equals_published(
    checks: dict[int, SeasonCheck], year: int
) -> None:
    final = next(c for c in checks[year].final if c.championship == "constructors")
    assert final.equal, final.difference


def test_round_by_round_share_does_not_regress(checks: dict[int, SeasonCheck]) -> None:
    """docs/fidelity.md reports 1076 of 1116 in-season tables equal."""
    tables = [c for s in checks.values() for c in s.rounds]
    assert len(tables) == 1116
    assert sum(c.equal for c in tables) >= 1076


def _ledger_points(year: int, round_number: int, driver: str) -> Fraction:
    from podium.scoring import score_season

    season = load_f1_seasons(F1_DATA, [year])[year]
    return sum(
        (
            r.net
            for r in score_season(season)
            if r.championship == "drivers" and r.round == round_number and r.competitor == driver
        ),
        Fraction(0),
    )


def _published_points(year: int, round_number: int, driver: str) -> Fraction:
    """What F1DB's results.csv says the driver got at the round (all his rows)."""
    with (F1_DATA / "results.csv").open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if r["year"] == str(year)
            and r["round"] == str(round_number)
            and r["driver_id"] == driver
        ]
    return sum((Fraction(r["points"] or "0") for r in rows), Fraction(0))


@pytest.mark.parametrize(
    ("year", "round_number", "driver"),
    [
        (1954, 5, "jose-froilan-gonzalez"),  # fastest lap shared 7 ways: 8 + 1/7
        (1954, 5, "alberto-ascari"),  # 1/7 booked on his own car, not the shared one
        (1956, 2, "eugenio-castellotti"),  # keeps half of #20's 3 points
        (1956, 2, "juan-manuel-fangio"),  # half of #26's 6 + fastest lap, nothing from #20
        (2014, 19, "lewis-hamilton"),  # double points at the finale: 50
        (1984, 6, "alain-prost"),  # half points at Monaco: 4.5
        (2022, 4, "max-verstappen"),  # sprint 8 + race 25 + fastest lap 1
    ],
)
def test_quirk_points_equal_published_results(year: int, round_number: int, driver: str) -> None:
    from podium.analysis.verify import rounded

    assert rounded(_ledger_points(year, round_number, driver)) == _published_points(
        year, round_number, driver
    )


def test_2018_force_india_final_lists_the_void_entry_as_ex() -> None:
    published = load_f1_published(F1_DATA, [2018])[2018].constructors["final"]
    table = season_tables(load_f1_seasons(F1_DATA, [2018])[2018])["constructors", None]
    force_india = [r for r in table.rows if r.competitor == "force-india/mercedes"]
    assert sorted(r.label for r in force_india) == sorted(
        p.position for p in published if p.competitor == "force-india/mercedes"
    )
