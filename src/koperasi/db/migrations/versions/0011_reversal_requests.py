"""Four eyes on reversals: a reversal of a money movement is requested by one user and approved by another.

Revision ID: 0011
Revises: 0009 (written beside 0010 on another branch; the lead re-chains it onto 0010 at merge)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reversal_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("summary", sa.String(length=250), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_by", sa.Uuid(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.String(length=500), nullable=False),
        sa.Column("result_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('loan_movement', 'sale', 'payout')", name=op.f("ck_reversal_requests_kind")),
        sa.CheckConstraint("status IN ('pending', 'approved', 'rejected')", name=op.f("ck_reversal_requests_status")),
        sa.CheckConstraint("decided_by IS NULL OR decided_by <> requested_by", name=op.f("ck_reversal_requests_four_eyes")),
        sa.ForeignKeyConstraint(["requested_by"], ["users.id"], name=op.f("fk_reversal_requests_requested_by_users")),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_reversal_requests_decided_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reversal_requests")),
    )
    op.create_index("ix_reversal_requests_status", "reversal_requests", ["status"])
    op.create_index(
        "ux_reversal_requests_pending", "reversal_requests", ["kind", "target_id"], unique=True,
        sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_index("ux_reversal_requests_pending", table_name="reversal_requests")
    op.drop_index("ix_reversal_requests_status", table_name="reversal_requests")
    op.drop_table("reversal_requests")
