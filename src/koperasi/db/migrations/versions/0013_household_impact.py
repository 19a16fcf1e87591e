"""Household measurements (baseline and follow-up visits) and the dated poverty line (issue 16).

Revision ID: 0013
Revises: 0011 (written beside other branches' migrations; the lead re-chains it at merge)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db.migrations import append_only

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
    append_only.protect(*APPEND_ONLY)


def downgrade() -> None:
    append_only.unprotect(*APPEND_ONLY)
    op.drop_table("poverty_lines")
    op.drop_index("ix_household_measurements_officer", table_name="household_measurements")
    op.drop_table("household_measurements")
