"""Reading a season costs a fixed number of SQL statements, whatever its size
and history (one per table; no lazy loads, no N+1)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from podium.model import Penalty, PenaltyKind, RoundStatus, Season
from podium.store.repository import SqlRepository

MAX_SEASON_QUERIES = 20


@contextmanager
def counting(store: SqlRepository) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def _queries(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def test_season_and_revision_use_a_fixed_number_of_queries(
    store: SqlRepository, alms: Season
) -> None:
    # A small season: one round of results.
    store.load_season(dataclasses.replace(alms, results=alms.results_of(9)), actor="test")
    with counting(store) as statements:
        store.season("alms-2004")
    small = _queries(statements)
    assert 0 < len(small) <= MAX_SEASON_QUERIES
    # The full season, then a long history: every round amended twice, penalties.
    store.load_season(alms, actor="test")
    for number in alms.round_numbers():
        lines = alms.results_of(number)
        for reason in ("protest", "appeal"):
            store.post_results("alms-2004", number, lines, RoundStatus.AMENDED, "desk", reason)
        store.add_penalty("alms-2004", Penalty(number, "3", PenaltyKind.TIME, "speeding"), "desk")
    before_last = store.revision("alms-2004") - 1
    with counting(store) as statements:
        season = store.season("alms-2004", as_of=before_last)
    assert len(season.results) == len(alms.results)
    assert len(_queries(statements)) == len(small)
    with counting(store) as statements:
        store.revision("alms-2004")
    assert len(_queries(statements)) == 1
