"""A member's SHU payment (in cash or into sukarela) is undone by a reversal under four eyes: the reversal row
(append-only) points at the payment it cancels, a reversal request may name an SHU payment, and a share whose
payment was reversed may be paid again, so a share no longer has at most one payment row (only one standing).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

KINDS_BEFORE = "kind IN ('loan_movement', 'sale', 'payout', 'saving', 'cash_entry')"
KINDS_AFTER = "kind IN ('loan_movement', 'sale', 'payout', 'saving', 'cash_entry', 'shu_payment')"
TABLE = "shu_payment_reversals"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("shu_payments") as batch_op:  # SQLite rebuilds the table: its triggers go with it
        batch_op.drop_constraint("uq_shu_payments_share", type_="unique")
        batch_op.create_index("ix_shu_payments_share", ["division_id", "member_id"])
    if sqlite:
        _append_only("shu_payments", sqlite)
    op.create_table(
        TABLE,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("payment_id", sa.Uuid(), nullable=False),
        sa.Column("reversed_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("journal_entry_id", sa.Uuid(), nullable=False),
        sa.Column("savings_movement_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["payment_id"], ["shu_payments.id"], name=op.f("fk_shu_payment_reversals_payment_id_shu_payments")),
        sa.ForeignKeyConstraint(["journal_entry_id"], ["journal_entries.id"],
                                name=op.f("fk_shu_payment_reversals_journal_entry_id_journal_entries")),
        sa.ForeignKeyConstraint(["savings_movement_id"], ["savings_movements.id"],
                                name=op.f("fk_shu_payment_reversals_savings_movement_id_savings_movements")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_shu_payment_reversals_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shu_payment_reversals")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_shu_payment_reversals_payment_id")),
        sa.UniqueConstraint("journal_entry_id", name=op.f("uq_shu_payment_reversals_journal_entry_id")),
        sa.UniqueConstraint("savings_movement_id", name=op.f("uq_shu_payment_reversals_savings_movement_id")),
    )
    _append_only(TABLE, sqlite)
    _reversal_kinds(KINDS_AFTER)


def _append_only(table: str, sqlite: bool) -> None:
    if sqlite:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
        return
    # money_history_append_only() comes from migration 0004
    op.execute(f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
               "FOR EACH ROW EXECUTE FUNCTION money_history_append_only()")
    op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
               "FOR EACH STATEMENT EXECUTE FUNCTION money_history_append_only()")


def _reversal_kinds(check: str) -> None:
    """As in 0018: SQLite rebuilds the table for a new check, and the partial index of pending requests
    is made again by hand (a rebuild does not carry the WHERE over)."""
    op.drop_index("ux_reversal_requests_pending", table_name="reversal_requests")
    with op.batch_alter_table("reversal_requests") as batch_op:
        batch_op.drop_constraint(op.f("ck_reversal_requests_kind"), type_="check")
        batch_op.create_check_constraint("kind", check)
    op.create_index(
        "ux_reversal_requests_pending", "reversal_requests", ["kind", "target_id"], unique=True,
        sqlite_where=sa.text("status = 'pending'"), postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DELETE FROM reversal_requests WHERE kind = 'shu_payment'")
    _reversal_kinds(KINDS_BEFORE)
    if not sqlite:
        op.execute(f"DROP TRIGGER {TABLE}_no_truncate ON {TABLE}")
        op.execute(f"DROP TRIGGER {TABLE}_no_change ON {TABLE}")
    op.drop_table(TABLE)
    with op.batch_alter_table("shu_payments") as batch_op:  # fails, as it should, where a share was paid twice
        batch_op.drop_index("ix_shu_payments_share")
        batch_op.create_unique_constraint("uq_shu_payments_share", ["division_id", "member_id"])
    if sqlite:
        _append_only("shu_payments", sqlite)
