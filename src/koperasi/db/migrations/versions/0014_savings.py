"""Members' savings: simpanan pokok, wajib and sukarela movements (append-only), the rates the AD/ART sets,
and where each member's buku simpanan was left.

Revision ID: 0014
Revises: 0011 (written beside 0012 and 0013 on other branches; the lead re-chains it at merge)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db.migrations import append_only, reversal_request_kinds

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

KINDS_BEFORE = "kind IN ('loan_movement', 'sale', 'payout')"
KINDS_AFTER = "kind IN ('loan_movement', 'sale', 'payout', 'saving')"


def upgrade() -> None:
    op.create_table(
        "savings_movements",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("change", sa.BigInteger(), nullable=False),
        sa.Column("receipt_number", sa.String(length=32), nullable=True),
        sa.Column("reversal_of_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("journal_entry_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('pokok', 'wajib', 'sukarela')", name=op.f("ck_savings_movements_kind")),
        sa.CheckConstraint("action IN ('deposit', 'withdrawal', 'reversal')", name=op.f("ck_savings_movements_action")),
        sa.CheckConstraint("amount > 0 AND (change = amount OR change = -amount)", name=op.f("ck_savings_movements_change")),
        sa.CheckConstraint("(action = 'reversal') = (reversal_of_id IS NOT NULL)", name=op.f("ck_savings_movements_reversal")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_savings_movements_member_id_members")),
        sa.ForeignKeyConstraint(["reversal_of_id"], ["savings_movements.id"], name=op.f("fk_savings_movements_reversal_of_id_savings_movements")),
        sa.ForeignKeyConstraint(["journal_entry_id"], ["journal_entries.id"], name=op.f("fk_savings_movements_journal_entry_id_journal_entries")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_savings_movements_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_savings_movements")),
        sa.UniqueConstraint("receipt_number", name=op.f("uq_savings_movements_receipt_number")),
        sa.UniqueConstraint("reversal_of_id", name=op.f("uq_savings_movements_reversal_of_id")),
        sa.UniqueConstraint("journal_entry_id", name=op.f("uq_savings_movements_journal_entry_id")),
    )
    op.create_index("ix_savings_movements_member", "savings_movements", ["member_id", "kind", "occurred_on"])
    op.create_table(
        "savings_rates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('pokok', 'wajib')", name=op.f("ck_savings_rates_kind")),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_savings_rates_amount")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_savings_rates_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_savings_rates")),
        sa.UniqueConstraint("kind", "effective_from", name="uq_savings_rates_kind_month"),
    )
    op.create_table(
        "savings_passbooks",
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("printed", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("printed >= 0 AND page >= 1 AND line >= 1", name=op.f("ck_savings_passbooks_position")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_savings_passbooks_member_id_members")),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_savings_passbooks")),
    )
    append_only.protect("savings_movements")
    reversal_request_kinds.allow(KINDS_AFTER)


def downgrade() -> None:
    op.execute("DELETE FROM reversal_requests WHERE kind = 'saving'")
    reversal_request_kinds.allow(KINDS_BEFORE)
    append_only.unprotect("savings_movements")
    op.drop_table("savings_passbooks")
    op.drop_table("savings_rates")
    op.drop_index("ix_savings_movements_member", table_name="savings_movements")
    op.drop_table("savings_movements")
