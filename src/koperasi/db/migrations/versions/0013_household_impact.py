"""Household measurements (baseline and follow-up visits) and the dated poverty line (issue 16).

Revision ID: 0013
Revises: 0011 (written beside other branches' migrations; the lead re-chains it at merge)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

APPEND_ONLY = ("household_measurements",)


def upgrade() -> None:
    op.create_table(
        "household_measurements",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("livelihoods", sa.String(length=200), nullable=False),
        sa.Column("monthly_income", sa.BigInteger(), nullable=False),
        sa.Column("income_estimated", sa.Boolean(), nullable=False),
        sa.Column("household_size", sa.Integer(), nullable=False),
        sa.Column("business_status", sa.String(length=12), nullable=False),
        sa.Column("land_m2", sa.BigInteger(), nullable=True),
        sa.Column("moneylender_debt", sa.Boolean(), nullable=False),
        sa.Column("moneylender_amount", sa.BigInteger(), nullable=False),
        sa.Column("school_age_children", sa.Integer(), nullable=False),
        sa.Column("children_in_school", sa.Integer(), nullable=False),
        sa.Column("woman_business", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("officer_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("monthly_income >= 0", name=op.f("ck_household_measurements_monthly_income")),
        sa.CheckConstraint("household_size >= 1", name=op.f("ck_household_measurements_household_size")),
        sa.CheckConstraint("business_status IN ('belum_ada', 'baru_mulai', 'berjalan', 'berkembang')",
                           name=op.f("ck_household_measurements_business_status")),
        sa.CheckConstraint("land_m2 IS NULL OR land_m2 >= 0", name=op.f("ck_household_measurements_land_m2")),
        sa.CheckConstraint("moneylender_amount >= 0", name=op.f("ck_household_measurements_moneylender_amount")),
        sa.CheckConstraint("children_in_school >= 0 AND children_in_school <= school_age_children",
                           name=op.f("ck_household_measurements_children")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_household_measurements_member_id_members")),
        sa.ForeignKeyConstraint(["officer_id"], ["users.id"], name=op.f("fk_household_measurements_officer_id_users")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_household_measurements_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household_measurements")),
        sa.UniqueConstraint("member_id", "measured_on", name=op.f("uq_household_measurements_member_id_measured_on")),
    )
    op.create_index("ix_household_measurements_officer", "household_measurements", ["officer_id", "measured_on"])
    op.create_table(
        "poverty_lines",
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("area", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("area IN ('perdesaan', 'perkotaan')", name=op.f("ck_poverty_lines_area")),
        sa.CheckConstraint("amount > 0", name=op.f("ck_poverty_lines_amount")),
        sa.PrimaryKeyConstraint("valid_from", "area", name=op.f("pk_poverty_lines")),
    )
    _make_append_only()


def _make_append_only() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in APPEND_ONLY:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
        return
    for table in APPEND_ONLY:  # money_history_append_only() comes from migration 0004
        op.execute(
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION money_history_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION money_history_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER {table}_no_change ON {table}")
    op.drop_table("poverty_lines")
    op.drop_index("ix_household_measurements_officer", table_name="household_measurements")
    op.drop_table("household_measurements")
