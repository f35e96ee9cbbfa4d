"""token scope, seasons, expiry and revocation (api_tokens)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-14 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Tokens made before scopes could do every write: they become admin,
    # without expiry.
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(
            sa.Column("scope", sa.String(length=10), nullable=False, server_default="admin")
        )
        batch.add_column(sa.Column("seasons", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # 0005 knows only tokens that do every write and never expire: a token
    # that is limited to seasons, expires or is revoked would come back with
    # more power than it has, so it is deleted instead.
    tokens = sa.table(
        "api_tokens",
        sa.column("scope", sa.String()),
        sa.column("expires_at", sa.DateTime(timezone=True)),
        sa.column("revoked_at", sa.DateTime(timezone=True)),
    )
    op.execute(
        tokens.delete().where(
            sa.or_(
                tokens.c.scope != "admin",
                tokens.c.expires_at.is_not(None),
                tokens.c.revoked_at.is_not(None),
            )
        )
    )
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("revoked_at")
        batch.drop_column("expires_at")
        batch.drop_column("seasons")
        batch.drop_column("scope")
