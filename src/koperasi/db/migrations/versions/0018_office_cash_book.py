"""The office cash book: income and expense entries (append-only) and the accounts the office adds to
the chart under the fixed income (4) and expense (5) groups; a reversal request may name a cash entry.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

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
    _make_append_only()
    _reversal_kinds(KINDS_AFTER)


def _reversal_kinds(check: str) -> None:
    """As in 0014: SQLite rebuilds the table for a new check, and the partial index of pending requests
    is made again by hand (a rebuild does not carry the WHERE over)."""
    op.drop_index("ux_reversal_requests_pending", table_name="reversal_requests")
    with op.batch_alter_table("reversal_requests") as batch_op:
        batch_op.drop_constraint(op.f("ck_reversal_requests_kind"), type_="check")
        batch_op.create_check_constraint("kind", check)
    op.create_index(
        "ux_reversal_requests_pending", "reversal_requests", ["kind", "target_id"], unique=True,
        sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"),
    )


def _make_append_only() -> None:
    table = "cash_entries"
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
        return
    # money_history_append_only() comes from migration 0004
    op.execute(
        f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION money_history_append_only()"
    )
    op.execute(
        f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION money_history_append_only()"
    )


def downgrade() -> None:
    op.execute("DELETE FROM reversal_requests WHERE kind = 'cash_entry'")
    _reversal_kinds(KINDS_BEFORE)
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER cash_entries_no_truncate ON cash_entries")
        op.execute("DROP TRIGGER cash_entries_no_change ON cash_entries")
    op.drop_index("ix_cash_entries_occurred_on", table_name="cash_entries")
    op.drop_table("cash_entries")
    op.drop_table("ledger_accounts")
