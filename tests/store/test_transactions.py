"""A load is one transaction: whatever fails half way, nothing is written."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import sqlalchemy.exc
from sqlalchemy.orm import Session

from podium.model import Season, Status
from podium.store import loads as sql
from podium.store.models import EntryRow, SeasonRow
from podium.store.repository import SqlRepository


class Injected(RuntimeError):
    pass


def _fail_at_round(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    post = sql.post

    def failing(session: Session, row: SeasonRow, round_number: int, *args: Any) -> Any:
        if round_number == number:
            raise Injected(f"disk full at round {number}")
        return post(session, row, round_number, *args)

    monkeypatch.setattr(sql, "post", failing)


@pytest.mark.parametrize("dated", [False, True], ids=["at load time", "dated as published"])
def test_a_first_load_that_fails_mid_way_writes_nothing(
    store: SqlRepository, alms: Season, monkeypatch: pytest.MonkeyPatch, dated: bool
) -> None:
    _fail_at_round(monkeypatch, 5)  # rounds 1-4 and the edition are already flushed
    with pytest.raises(Injected):
        store.load_season(alms, actor="test", dated=dated)
    assert store.season_ids() == []
    monkeypatch.undo()
    assert store.load_season(alms, actor="test").revision == 11


def test_an_update_that_fails_mid_way_leaves_the_stored_season(
    store: SqlRepository, alms: Season, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.load_season(alms, actor="test")
    revision = store.revision("alms-2004")
    renamed = tuple(dataclasses.replace(e, tyres="Z") for e in alms.entries)
    dsq = tuple(
        dataclasses.replace(line, status=Status.DISQUALIFIED, class_pos=None)
        if line.entry == "24"
        else line
        for line in alms.results
    )
    _fail_at_round(monkeypatch, 9)
    with pytest.raises(Injected):
        store.load_season(dataclasses.replace(alms, entries=renamed, results=dsq), actor="x")
    assert store.revision("alms-2004") == revision
    assert store.season("alms-2004") == alms
    assert len(store.result_versions("alms-2004", 9)) == 1


def test_the_database_itself_refuses_an_entry_in_an_unknown_class(
    store: SqlRepository, alms: Season
) -> None:
    """Foreign keys are on (SQLite needs a pragma for that): even a write that
    bypasses the checks cannot store an entry whose class is not there."""
    store.load_season(alms, actor="test")
    with Session(store.engine) as session:
        edition_id = session.query(EntryRow.edition_id).limit(1).scalar()
        session.add(
            EntryRow(
                edition_id=edition_id,
                ordinal=99,
                key="99",
                class_code="LMP3",
                team="Nobody",
                championships=None,
            )
        )
        with pytest.raises(sqlalchemy.exc.IntegrityError):
            session.commit()
    assert store.season("alms-2004") == alms


def test_a_round_post_that_fails_at_its_laps_writes_nothing(
    store: SqlRepository, alms: Season, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database fails while storing the laps: the result version and the
    decision posted before them in the same call are rolled back."""
    from podium.app.repository import RoundPost
    from podium.model import Penalty, PenaltyKind, RoundStatus
    from podium.store import repository as sql_repository
    from tests.laps.sample import sample_laps

    store.load_season(alms, actor="test")
    before = store.revision("alms-2004")

    def failing(*args: Any) -> None:
        raise Injected("disk full while storing laps")

    monkeypatch.setattr(sql_repository, "replace_laps", failing)
    fine = Penalty(9, "3", PenaltyKind.POINTS, "pit lane speeding", "5")
    post = RoundPost(9, RoundStatus.AMENDED, alms.results_of(9), (fine,), "race", sample_laps(alms))
    with pytest.raises(Injected):
        store.post_round("alms-2004", post, "desk", "import")
    assert store.revision("alms-2004") == before
    assert store.season("alms-2004") == alms
