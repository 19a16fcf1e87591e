"""The office cash book: income and expense entries (append-only) and the accounts the office adds to
the chart under the fixed income (4) and expense (5) groups; a reversal request may name a cash entry.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db.migrations import append_only, reversal_request_kinds

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

KINDS_BEFORE = "kind IN ('loan_movement', 'sale', 'payout', 'saving')"
KINDS_AFTER = "kind IN ('loan_movement', 'sale', 'payout', 'saving', 'cash_entry')"


def upgrade() -> None:
    op.create_table(
        "ledger_accounts",
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("account_group", sa.String(length=1), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("account_group IN ('4', '5')", name=op.f("ck_ledger_accounts_account_group")),
        sa.CheckConstraint("substr(code, 1, 1) = account_group", name=op.f("ck_ledger_accounts_code_in_group")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_ledger_accounts_created_by_users")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_ledger_accounts")),
    )
    op.create_table(
        "cash_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("account", sa.String(length=8), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("change", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.String(length=250), nullable=False),
        sa.Column("party", sa.String(length=120), nullable=False),
        sa.Column("voucher_number", sa.String(length=32), nullable=True),
        sa.Column("reversal_of_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("journal_entry_id", sa.Uuid(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("direction IN ('in', 'out')", name=op.f("ck_cash_entries_direction")),
        sa.CheckConstraint("amount > 0 AND (change = amount OR change = -amount)", name=op.f("ck_cash_entries_change")),
        sa.CheckConstraint("(reversal_of_id IS NULL) = (voucher_number IS NOT NULL)", name=op.f("ck_cash_entries_voucher")),
        sa.ForeignKeyConstraint(["reversal_of_id"], ["cash_entries.id"], name=op.f("fk_cash_entries_reversal_of_id_cash_entries")),
        sa.ForeignKeyConstraint(["journal_entry_id"], ["journal_entries.id"], name=op.f("fk_cash_entries_journal_entry_id_journal_entries")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_cash_entries_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cash_entries")),
        sa.UniqueConstraint("voucher_number", name=op.f("uq_cash_entries_voucher_number")),
        sa.UniqueConstraint("reversal_of_id", name=op.f("uq_cash_entries_reversal_of_id")),
        sa.UniqueConstraint("journal_entry_id", name=op.f("uq_cash_entries_journal_entry_id")),
    )
    op.create_index("ix_cash_entries_occurred_on", "cash_entries", ["occurred_on", "account"])
    append_only.protect("cash_entries")
    reversal_request_kinds.allow(KINDS_AFTER)


def downgrade() -> None:
    op.execute("DELETE FROM reversal_requests WHERE kind = 'cash_entry'")
    reversal_request_kinds.allow(KINDS_BEFORE)
    append_only.unprotect("cash_entries")
    op.drop_index("ix_cash_entries_occurred_on", table_name="cash_entries")
    op.drop_table("cash_entries")
    op.drop_table("ledger_accounts")
