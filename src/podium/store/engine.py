"""Where the database is and how to open it.

SQLite is the embedded default: a file in the user's data directory, WAL mode
(readers never wait for the writer), foreign keys on, and real transactions
(pysqlite's own transaction handling would run each SELECT outside one, so a
season read in several queries could mix two revisions). Writers take the
write lock up front (BEGIN IMMEDIATE) so two loads queue instead of failing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError

from podium.errors import InputError, PodiumError, Problem

ENV = "PODIUM_DATABASE_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_database_path() -> Path:
    """``$XDG_DATA_HOME/podium/podium.db`` (default ``~/.local/share/podium/podium.db``)."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "podium" / "podium.db"


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else $PODIUM_DATABASE_URL, else the default SQLite file."""
    url = url or os.environ.get(ENV) or ""
    if not url:
        return f"sqlite:///{default_database_path()}"
    # Plain postgresql:// would pick psycopg2, which podium does not ship.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def create_store_engine(url: str, lock_wait: float = 30.0) -> Engine:
    """An engine for ``url``; InputError when it is not a URL podium can use.
    ``lock_wait``: seconds a statement waits for another writer's lock
    before it fails (the web server waits less than a command: a reader
    must not hang behind a long load)."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite":
            waits = {"options": f"-c lock_timeout={int(lock_wait * 1000)}"}
            if parsed.get_backend_name() == "postgresql":
                return create_engine(url, pool_pre_ping=True, connect_args=waits)
            return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise InputError(
            Problem(
                "--database / $PODIUM_DATABASE_URL",
                None,
                "url",
                f"not a database URL podium can use ({exc})",
                expected="sqlite:///path/podium.db or postgresql+psycopg://user@host/db",
                found=url.split("@")[-1] if "@" in url else url,
            )
        ) from None
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": lock_wait})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to ``revision`` with Alembic (no alembic.ini needed)."""
    from alembic import command

    _migrate(engine, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` ("base": empty). Drops data."""
    from alembic import command

    _migrate(engine, command.downgrade, revision)


def _migrate(engine: Engine, step: Callable[[Any, str], None], revision: str) -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    known = {r.revision for r in ScriptDirectory.from_config(config).walk_revisions()}
    current = schema_revision(engine)
    if current is not None and current not in known:
        # Written by a newer podium: migrating (or reading) it would guess.
        where = engine.url.render_as_string(hide_password=True)
        newest = max(known)
        raise PodiumError(
            Problem(
                where,
                None,
                "schema",
                f"the database's schema is newer than this podium: revision {current}, "
                f"and this podium knows revisions up to {newest}; use a newer podium",
                expected=f"a revision up to {newest}",
                found=current,
            )
        )
    with reporting(engine), engine.begin() as connection:
        config.attributes["connection"] = connection
        step(config, revision)


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at (None: empty database)."""
    from alembic.runtime.migration import MigrationContext

    with reporting(engine), engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def reporting(engine: Engine) -> Iterator[None]:
    """A server that is down or refuses us, a file that is not a database: a
    PodiumError naming it (no password)."""
    try:
        yield
    except DatabaseError as exc:
        # OperationalError (down, refused, locked) and a file that is not a
        # database at all ("file is not a database": corrupt or another file).
        engine.dispose()
        where = engine.url.render_as_string(hide_password=True)
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise PodiumError(
            Problem(where, None, "database", f"cannot open the database: {reason}")
        ) from None
