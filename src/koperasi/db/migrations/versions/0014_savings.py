"""Members' savings: simpanan pokok, wajib and sukarela movements (append-only), the rates the AD/ART sets,
and where each member's buku simpanan was left.

Revision ID: 0014
Revises: 0011 (written beside 0012 and 0013 on other branches; the lead re-chains it at merge)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

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
    _make_append_only()
    _reversal_kinds(KINDS_AFTER)


def _reversal_kinds(check: str) -> None:
    """Let a reversal request name a savings movement. SQLite rebuilds the table for a new check, and its
    partial index of pending requests is made again by hand (a rebuild does not carry the WHERE over)."""
    op.drop_index("ux_reversal_requests_pending", table_name="reversal_requests")
    with op.batch_alter_table("reversal_requests") as batch_op:
        batch_op.drop_constraint(op.f("ck_reversal_requests_kind"), type_="check")
        batch_op.create_check_constraint("kind", check)
    op.create_index(
        "ux_reversal_requests_pending", "reversal_requests", ["kind", "target_id"], unique=True,
        sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"),
    )


def _make_append_only() -> None:
    table = "savings_movements"
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
    op.execute("DELETE FROM reversal_requests WHERE kind = 'saving'")
    _reversal_kinds(KINDS_BEFORE)
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER savings_movements_no_truncate ON savings_movements")
        op.execute("DROP TRIGGER savings_movements_no_change ON savings_movements")
    op.drop_table("savings_passbooks")
    op.drop_table("savings_rates")
    op.drop_index("ix_savings_movements_member", table_name="savings_movements")
    op.drop_table("savings_movements")
