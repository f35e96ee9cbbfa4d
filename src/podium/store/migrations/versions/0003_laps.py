"""laps: each car's laps in one session of a round, keyed by season, round,
session, entry and lap number

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "laps",
        sa.Column("season_id", sa.String(length=100), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("session", sa.String(length=50), nullable=False),
        sa.Column("entry", sa.String(length=50), nullable=False),
        sa.Column("lap", sa.Integer(), nullable=False),
        sa.Column("driver", sa.String(length=200), nullable=False),
        sa.Column("time_ms", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("elapsed_ms", sa.Integer(), nullable=True),
        sa.Column("sectors_ms", sa.JSON(), nullable=False),
        sa.Column("pit_in", sa.Boolean(), nullable=False),
        sa.Column("pit_out", sa.Boolean(), nullable=False),
        sa.Column("valid", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"], ["seasons.id"], name=op.f("fk_laps_season_id_seasons")
        ),
        sa.PrimaryKeyConstraint(
            "season_id", "round", "session", "entry", "lap", name=op.f("pk_laps")
        ),
    )


def downgrade() -> None:
    op.drop_table("laps")
