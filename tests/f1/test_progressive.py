"""The one-pass in-season tables equal the table-by-table computation."""

from __future__ import annotations

import pytest

from podium.readers.f1db import load_f1_seasons
from podium.scoring import compute_all_standings, compute_standings, score_season
from podium.scoring.progressive import applies
from podium.scoring.tally import fold

from .conftest import F1_DATA


def _rows(table: object) -> list[tuple[object, ...]]:
    return [
        (r.label, r.competitor, r.total, r.cells)
        for r in table.rows  # type: ignore[attr-defined]
    ]


@pytest.mark.parametrize("year", [1952, 1990, 2004, 2012, 2022])
def test_every_table_equals_the_general_path(year: int) -> None:
    season = load_f1_seasons(F1_DATA, [year])[year]
    ledger = score_season(season)
    rounds = season.round_numbers()
    used = []
    for championship in season.rules.championships:
        tie_break = championship.tie_break or season.rules.tie_break
        used.append(
            applies(fold(ledger, championship, "", tie_break), season.rules, championship, rounds)
        )
        tables = compute_all_standings(ledger, season.rules, championship, "", rounds)
        for after in (*rounds, None):
            alone = compute_standings(ledger, season.rules, championship, "", rounds, after)
            assert _rows(tables[after]) == _rows(alone), (championship.id, after)
    assert all(used)


@pytest.mark.parametrize("year", [1984, 2018, 2020])
def test_tables_the_one_pass_cannot_make_equal_the_general_path(year: int) -> None:
    """Exclusions (1984 Tyrrell, 2018 Force India's points voided) and a
    deduction (2020 Racing Point) take the general path, final table included."""
    season = load_f1_seasons(F1_DATA, [year])[year]
    ledger = score_season(season)
    rounds = season.round_numbers()
    constructors = season.rules.championship("constructors")
    tie_break = constructors.tie_break or season.rules.tie_break
    assert not applies(
        fold(ledger, constructors, "", tie_break), season.rules, constructors, rounds
    )
    tables = compute_all_standings(ledger, season.rules, constructors, "", rounds)
    for after in (*rounds, None):
        alone = compute_standings(ledger, season.rules, constructors, "", rounds, after)
        assert _rows(tables[after]) == _rows(alone), after
        assert tables[after].after == after
