"""stewards' decisions: the session a penalty applies to, whether the sheet
shows it already, and withdrawals

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 08:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("penalties") as batch:
        batch.add_column(
            sa.Column("session", sa.String(length=20), nullable=False, server_default="race")
        )
        batch.add_column(
            sa.Column("in_results", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "penalty_withdrawals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.String(length=100), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("penalty_number", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"],
            ["seasons.id"],
            name=op.f("fk_penalty_withdrawals_season_id_seasons"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_penalty_withdrawals")),
    )
    op.create_index(
        op.f("ix_penalty_withdrawals_season_id"),
        "penalty_withdrawals",
        ["season_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_penalty_withdrawals_season_id"), table_name="penalty_withdrawals")
    op.drop_table("penalty_withdrawals")
    with op.batch_alter_table("penalties") as batch:
        batch.drop_column("in_results")
        batch.drop_column("session")
