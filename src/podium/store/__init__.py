"""Storage: seasons in SQLite or PostgreSQL through SQLAlchemy 2 and Alembic.

    open_repository()                       the SQLite file in the user's data directory
    open_repository("sqlite:///x.db")       any SQLAlchemy URL
    open_repository("postgresql+psycopg://user@host/db")

See docs/store.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from podium.store.repository import SqlRepository


def open_repository(
    url: str | None = None, migrate: bool = True, lock_wait: float = 30.0
) -> SqlRepository:
    """A repository on ``url`` (None: $PODIUM_DATABASE_URL, else the default
    SQLite file), its schema upgraded to the latest migration first;
    ``lock_wait``: see ``engine.create_store_engine``."""
    from podium.store.engine import create_store_engine, database_url, upgrade
    from podium.store.repository import SqlRepository

    engine = create_store_engine(database_url(url), lock_wait)
    if migrate:
        upgrade(engine)
    return SqlRepository(engine)


__all__ = ["open_repository"]
