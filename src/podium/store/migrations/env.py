"""Alembic environment: podium runs migrations programmatically
(podium.store.engine.upgrade passes a connection); the command line also
works, given a URL: ``alembic -x url=sqlite:///podium.db upgrade head``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from podium.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from podium.store.engine import database_url

    url = context.get_x_argument(as_dictionary=True).get("url")
    with create_engine(database_url(url)).begin() as conn:
        _run(conn)
