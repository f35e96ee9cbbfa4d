"""The one-pass in-season tables equal the table-by-table computation."""

from __future__ import annotations

import pytest

from podium.formats.f1db import load_f1_seasons
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
