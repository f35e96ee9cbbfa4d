"""a car's make (car_specs.make) and each driver's time at the wheel
(result_lines.drive_times)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-11 09:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("car_specs") as batch:
        batch.add_column(
            sa.Column("make", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("result_lines") as batch:
        batch.add_column(sa.Column("drive_times", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("result_lines") as batch:
        batch.drop_column("drive_times")
    with op.batch_alter_table("car_specs") as batch:
        batch.drop_column("make")
