"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 05:40:43.191143

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_table(
        "seasons",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seasons")),
    )
    op.create_table(
        "series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=50), nullable=False),
        sa.Column("sanctioning_body", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
        sa.UniqueConstraint(
            "name",
            "short_name",
            "sanctioning_body",
            name=op.f("uq_series_name_short_name_sanctioning_body"),
        ),
    )
    op.create_table(
        "penalties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.String(length=100), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("entry", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.Column("championship", sa.String(length=50), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"], ["seasons.id"], name=op.f("fk_penalties_season_id_seasons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_penalties")),
    )
    with op.batch_alter_table("penalties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_penalties_season_id"), ["season_id"], unique=False)

    op.create_table(
        "points_adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.String(length=100), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("championship", sa.String(length=50), nullable=False),
        sa.Column("class_code", sa.String(length=20), nullable=False),
        sa.Column("competitor", sa.String(length=200), nullable=False),
        sa.Column("points", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"], ["seasons.id"], name=op.f("fk_points_adjustments_season_id_seasons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_points_adjustments")),
    )
    with op.batch_alter_table("points_adjustments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_points_adjustments_season_id"), ["season_id"], unique=False
        )

    op.create_table(
        "result_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.String(length=100), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"], ["seasons.id"], name=op.f("fk_result_versions_season_id_seasons")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_result_versions")),
        sa.UniqueConstraint(
            "season_id", "round", "version", name=op.f("uq_result_versions_season_id_round_version")
        ),
    )
    op.create_table(
        "season_editions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.String(length=100), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"], ["seasons.id"], name=op.f("fk_season_editions_season_id_seasons")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"], ["series.id"], name=op.f("fk_season_editions_series_id_series")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_season_editions")),
        sa.UniqueConstraint(
            "season_id", "revision", name=op.f("uq_season_editions_season_id_revision")
        ),
    )
    with op.batch_alter_table("season_editions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_season_editions_season_id"), ["season_id"], unique=False
        )

    op.create_table(
        "season_revisions",
        sa.Column("season_id", sa.String(length=100), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["season_id"], ["seasons.id"], name=op.f("fk_season_revisions_season_id_seasons")
        ),
        sa.PrimaryKeyConstraint("season_id", "revision", name=op.f("pk_season_revisions")),
    )
    op.create_table(
        "car_classes",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("min_weight_kg", sa.Integer(), nullable=True),
        sa.Column("engine_na_max_l", sa.Float(), nullable=True),
        sa.Column("engine_turbo_max_l", sa.Float(), nullable=True),
        sa.Column("carbon_brakes_allowed", sa.Boolean(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_car_classes_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_car_classes")),
        sa.UniqueConstraint("edition_id", "code", name=op.f("uq_car_classes_edition_id_code")),
    )
    op.create_table(
        "circuits",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("length_km", sa.Float(), nullable=True),
        sa.Column("length_mi", sa.Float(), nullable=True),
        sa.Column("turns", sa.Integer(), nullable=True),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_circuits_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circuits")),
    )
    op.create_table(
        "drivers",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("nationality", sa.String(length=100), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_drivers_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drivers")),
    )
    op.create_table(
        "published_standings",
        sa.Column("championship", sa.String(length=50), nullable=False),
        sa.Column("class_code", sa.String(length=20), nullable=False),
        sa.Column("pos", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("cells", sa.JSON(), nullable=False),
        sa.Column("total", sa.String(length=20), nullable=False),
        sa.Column("chassis", sa.String(length=200), nullable=False),
        sa.Column("engine", sa.String(length=200), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_published_standings_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_standings")),
    )
    op.create_table(
        "published_winners",
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("class_code", sa.String(length=20), nullable=False),
        sa.Column("car_no", sa.String(length=20), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("drivers", sa.JSON(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_published_winners_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_winners")),
    )
    op.create_table(
        "qualifying_lines",
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("entry", sa.String(length=50), nullable=False),
        sa.Column("class_code", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=True),
        sa.Column("class_position", sa.Integer(), nullable=True),
        sa.Column("grid", sa.Integer(), nullable=True),
        sa.Column("driver", sa.String(length=200), nullable=False),
        sa.Column("time", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_qualifying_lines_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qualifying_lines")),
    )
    op.create_table(
        "result_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("class_code", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("entry", sa.String(length=50), nullable=True),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("overall_pos", sa.Integer(), nullable=True),
        sa.Column("class_pos", sa.Integer(), nullable=True),
        sa.Column("drivers", sa.JSON(), nullable=False),
        sa.Column("car", sa.String(length=200), nullable=False),
        sa.Column("laps", sa.Integer(), nullable=True),
        sa.Column("time", sa.String(length=50), nullable=False),
        sa.Column("gap", sa.String(length=50), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("laps_led", sa.Integer(), nullable=True),
        sa.Column("entrant", sa.String(length=200), nullable=False),
        sa.Column("session", sa.String(length=50), nullable=False),
        sa.Column("fastest_lap", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["result_versions.id"],
            name=op.f("fk_result_lines_version_id_result_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_result_lines")),
    )
    with op.batch_alter_table("result_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_result_lines_version_id"), ["version_id"], unique=False
        )

    op.create_table(
        "rounds",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("circuit", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("duration", sa.String(length=50), nullable=False),
        sa.Column("scale", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("short_name", sa.String(length=100), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_rounds_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rounds")),
        sa.UniqueConstraint("edition_id", "number", name=op.f("uq_rounds_edition_id_number")),
    )
    op.create_table(
        "teams",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("nationality", sa.String(length=100), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_teams_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
    )
    op.create_table(
        "driver_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("driver_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["driver_id"],
            ["drivers.id"],
            name=op.f("fk_driver_aliases_driver_id_drivers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_driver_aliases")),
    )
    with op.batch_alter_table("driver_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_driver_aliases_driver_id"), ["driver_id"], unique=False
        )

    op.create_table(
        "entries",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("class_code", sa.String(length=20), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("car_no", sa.String(length=20), nullable=True),
        sa.Column("entrant", sa.String(length=200), nullable=False),
        sa.Column("tyres", sa.String(length=50), nullable=False),
        sa.Column("championships", sa.JSON(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("confidence", sa.String(length=50), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_id", "class_code"],
            ["car_classes.edition_id", "car_classes.code"],
            name=op.f("fk_entries_edition_id_class_code_car_classes"),
        ),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["season_editions.id"],
            name=op.f("fk_entries_edition_id_season_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entries")),
        sa.UniqueConstraint("edition_id", "key", name=op.f("uq_entries_edition_id_key")),
    )
    op.create_table(
        "team_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["teams.id"],
            name=op.f("fk_team_aliases_team_id_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_aliases")),
    )
    with op.batch_alter_table("team_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_aliases_team_id"), ["team_id"], unique=False)

    op.create_table(
        "car_specs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("chassis", sa.String(length=200), nullable=False),
        sa.Column("engine", sa.String(length=200), nullable=False),
        sa.Column("displacement_l", sa.Float(), nullable=True),
        sa.Column("aspiration", sa.String(length=20), nullable=True),
        sa.Column("weight_kg", sa.Integer(), nullable=True),
        sa.Column("carbon_brakes", sa.Boolean(), nullable=True),
        sa.Column("rounds", sa.JSON(), nullable=False),
        sa.Column("absent_rounds", sa.JSON(), nullable=False),
        sa.Column("everywhere", sa.Boolean(), nullable=False),
        sa.Column("rounds_known", sa.Boolean(), nullable=False),
        sa.Column("rounds_text", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_car_specs_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_car_specs")),
    )
    with op.batch_alter_table("car_specs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_car_specs_entry_id"), ["entry_id"], unique=False)

    op.create_table(
        "crew_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("driver", sa.String(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("rounds", sa.JSON(), nullable=False),
        sa.Column("absent_rounds", sa.JSON(), nullable=False),
        sa.Column("everywhere", sa.Boolean(), nullable=False),
        sa.Column("rounds_known", sa.Boolean(), nullable=False),
        sa.Column("rounds_text", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entries.id"],
            name=op.f("fk_crew_members_entry_id_entries"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crew_members")),
    )
    with op.batch_alter_table("crew_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_crew_members_entry_id"), ["entry_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("crew_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_crew_members_entry_id"))

    op.drop_table("crew_members")
    with op.batch_alter_table("car_specs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_car_specs_entry_id"))

    op.drop_table("car_specs")
    with op.batch_alter_table("team_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_aliases_team_id"))

    op.drop_table("team_aliases")
    op.drop_table("entries")
    with op.batch_alter_table("driver_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_driver_aliases_driver_id"))

    op.drop_table("driver_aliases")
    op.drop_table("teams")
    op.drop_table("rounds")
    with op.batch_alter_table("result_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_result_lines_version_id"))

    op.drop_table("result_lines")
    op.drop_table("qualifying_lines")
    op.drop_table("published_winners")
    op.drop_table("published_standings")
    op.drop_table("drivers")
    op.drop_table("circuits")
    op.drop_table("car_classes")
    op.drop_table("season_revisions")
    with op.batch_alter_table("season_editions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_season_editions_season_id"))

    op.drop_table("season_editions")
    op.drop_table("result_versions")
    with op.batch_alter_table("points_adjustments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_points_adjustments_season_id"))

    op.drop_table("points_adjustments")
    with op.batch_alter_table("penalties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_penalties_season_id"))

    op.drop_table("penalties")
    op.drop_table("series")
    op.drop_table("seasons")
    op.drop_table("api_tokens")
