"""Alembic builds the schema from an empty database, matching the models."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from podium.app.idempotency import KeyClaim, KeyedRequest, StoredResponse
from podium.app.repository import hash_token
from podium.app.tokens import TokenGrant, TokenScope
from podium.model import Season
from podium.store import open_repository
from podium.store.engine import (
    create_store_engine,
    database_url,
    downgrade,
    schema_revision,
    upgrade,
)
from podium.store.models import Base
from podium.store.repository import SqlRepository
from tests.laps.sample import sample_laps
from tests.samples import with_makes_and_drive_times, with_round_classes
from tests.store.databases import sqlite_url


def test_migrations_build_exactly_the_models(store: SqlRepository) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    assert schema_revision(store.engine) == "0007"


def test_downgrade_to_empty_and_up_again(store: SqlRepository) -> None:
    downgrade(store.engine, "base")
    assert set(inspect(store.engine).get_table_names()) <= {"alembic_version"}
    upgrade(store.engine)
    assert set(Base.metadata.tables) <= set(inspect(store.engine).get_table_names())


def test_sqlite_runs_in_wal_mode_with_foreign_keys() -> None:
    repo = open_repository(sqlite_url())
    try:
        with repo.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        repo.close()


def test_default_database_is_in_the_user_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PODIUM_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    repo = open_repository()
    try:
        assert repo.season_ids() == []
    finally:
        repo.close()
    assert (tmp_path / "data" / "podium" / "podium.db").is_file()
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert database_url() == f"sqlite:///{tmp_path}/.local/share/podium/podium.db"


def test_the_environment_and_plain_postgres_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PODIUM_DATABASE_URL", "sqlite:///elsewhere.db")
    assert database_url() == "sqlite:///elsewhere.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert create_store_engine(database_url("postgres://u@h/db")).dialect.driver == "psycopg"


def test_a_season_stored_before_0002_reads_the_same_after_it(
    store: SqlRepository, alms: Season
) -> None:
    """0002 adds the session a penalty applies to and withdrawals: a season's
    rows (its grid penalty included) go down to 0001 and up again with
    nothing lost."""
    store.load_season(alms, actor="tests")
    downgrade(store.engine, "0001")
    upgrade(store.engine)
    assert store.season("alms-2004") == alms
    (penalty,) = store.season("alms-2004").penalties
    assert (penalty.session, penalty.withdrawn, penalty.in_results) == ("race", "", False)


def test_0003_adds_the_laps_table_and_takes_it_away(store: SqlRepository, alms: Season) -> None:
    """0003 adds laps, kept apart from the season: going down to 0002 drops
    them and nothing else; up again, the season reads the same and takes laps."""
    store.load_season(alms, actor="tests")
    laps = sample_laps(alms)
    store.put_laps("alms-2004", 9, "race", laps, "tests", "laps")
    held = _row_counts(store)
    downgrade(store.engine, "0002")
    assert "laps" not in inspect(store.engine).get_table_names()
    assert _row_counts(store) == _without(held, "laps", *SINCE_0007)
    upgrade(store.engine)
    assert store.season("alms-2004") == alms
    assert store.laps("alms-2004", 9) == []
    assert store.put_laps("alms-2004", 9, "race", laps, "tests", "laps again")
    assert len(store.laps("alms-2004", 9)) == len(laps)


SINCE_0007 = ("idempotency_keys",)
"""Tables a later migration adds: gone below it (empty in these tests)."""


def _without(counts: dict[str, int], *tables: str) -> dict[str, int]:
    return {k: v for k, v in counts.items() if k not in tables}


def _row_counts(store: SqlRepository) -> dict[str, int]:
    """The number of rows in each table of the database (Alembic's own aside)."""
    with store.engine.connect() as connection:
        names = set(inspect(connection).get_table_names()) - {"alembic_version"}
        return {
            name: connection.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
            for name in sorted(names)
        }


def test_0004_adds_make_and_drive_times_and_takes_them_away(
    store: SqlRepository, alms: Season
) -> None:
    """0004 adds car_specs.make and result_lines.drive_times: going down to
    0003 drops the two columns and no row; up again, rows stored before it
    read back with a blank make and no times, and take both again."""
    season = with_makes_and_drive_times(alms)
    store.load_season(season, actor="tests")
    held = _row_counts(store)
    downgrade(store.engine, "0003")
    columns = inspect(store.engine)
    assert "make" not in {c["name"] for c in columns.get_columns("car_specs")}
    assert "drive_times" not in {c["name"] for c in columns.get_columns("result_lines")}
    assert _row_counts(store) == _without(held, *SINCE_0007)
    upgrade(store.engine)
    assert schema_revision(store.engine) == "0007"
    assert store.season("alms-2004") == alms  # the two facts were dropped, nothing else
    report = store.load_season(season, actor="tests")
    assert report.rounds_changed == (9,)
    assert store.season("alms-2004") == season


def test_0005_adds_round_classes_and_takes_them_away(store: SqlRepository, alms: Season) -> None:
    """0005 adds rounds.classes: going down to 0004 drops the column and no
    row; up again, rounds stored before it read back billing every class
    (the results stay as stored), and take a bill again."""
    season = with_round_classes(alms)
    store.load_season(season, actor="tests")
    held = _row_counts(store)
    downgrade(store.engine, "0004")
    assert schema_revision(store.engine) == "0004"
    assert "classes" not in {c["name"] for c in inspect(store.engine).get_columns("rounds")}
    assert _row_counts(store) == _without(held, *SINCE_0007)
    upgrade(store.engine)
    assert schema_revision(store.engine) == "0007"
    unbilled = dataclasses.replace(season, rounds=alms.rounds)
    assert store.season("alms-2004") == unbilled  # the bill was dropped, nothing else
    report = store.load_season(season, actor="tests")
    assert report.changed and report.rounds_changed == ()  # base data: results untouched
    assert store.season("alms-2004") == season


def test_0006_adds_token_scopes_and_takes_them_away(store: SqlRepository) -> None:
    """0006 adds api_tokens.scope, seasons, expires_at and revoked_at. A token
    made before it could do every write: up again it is admin, without
    expiry. Going down to 0005 drops the columns and deletes every token 0005
    would hold with more power than it has (limited to seasons, expiring,
    revoked); the plain admin tokens stay and still work."""
    plain = store.create_token("results desk")
    limited = store.create_token("timing screen", TokenScope.WRITE, ["alms-2004"])
    expiring = store.create_token("weekend", expires_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC))
    revoked = store.create_token("old desk")
    store.revoke_token("old desk")
    downgrade(store.engine, "0005")
    assert schema_revision(store.engine) == "0005"
    columns = {c["name"] for c in inspect(store.engine).get_columns("api_tokens")}
    assert columns == {"id", "name", "token_hash", "created_at"}
    with store.engine.connect() as connection:
        kept = connection.execute(text("SELECT name, token_hash FROM api_tokens")).all()
    assert [tuple(row) for row in kept] == [("results desk", hash_token(plain))]
    # A token made by podium at 0005 (its schema, its row).
    with store.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO api_tokens (name, token_hash, created_at) VALUES (:n, :h, :c)"),
            {
                "n": "desk at 0005",
                "h": hash_token("pdm_made_at_0005"),
                "c": dt.datetime.now(dt.UTC),
            },
        )
    upgrade(store.engine)
    assert schema_revision(store.engine) == "0007"
    assert store.verify_token("pdm_made_at_0005") == TokenGrant("desk at 0005", TokenScope.ADMIN)
    assert store.verify_token(plain) == TokenGrant("results desk", TokenScope.ADMIN)
    for gone in (limited, expiring, revoked):
        assert store.find_token(gone) is None
    assert [(t.name, t.expires_at, t.revoked_at) for t in store.list_tokens()] == [
        ("results desk", None, None),
        ("desk at 0005", None, None),
    ]


def test_0007_adds_the_idempotency_keys_and_takes_them_away(
    store: SqlRepository, alms: Season
) -> None:
    """0007 adds idempotency_keys: going down to 0006 drops the table (kept
    answers are 24 hours of cache, no season data) and nothing else; up
    again, the table is empty and takes keys."""
    store.load_season(alms, actor="tests")
    held = store.claim_idempotency_key(KEYED)
    assert isinstance(held, KeyClaim)
    store.finish_idempotency_key(held, StoredResponse(201, "application/json", b"{}"))
    counts = _row_counts(store)
    assert counts["idempotency_keys"] == 1
    downgrade(store.engine, "0006")
    assert schema_revision(store.engine) == "0006"
    assert "idempotency_keys" not in inspect(store.engine).get_table_names()
    assert _row_counts(store) == _without(counts, *SINCE_0007)
    upgrade(store.engine)
    assert schema_revision(store.engine) == "0007"
    assert _row_counts(store)["idempotency_keys"] == 0
    assert store.season("alms-2004") == alms
    assert isinstance(store.claim_idempotency_key(KEYED), KeyClaim)


KEYED = KeyedRequest("desk", "k-1", "POST", "/api/v1/seasons/alms-2004/penalties", "ab" * 32)
