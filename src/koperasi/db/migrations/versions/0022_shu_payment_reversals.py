"""A member's SHU payment (in cash or into sukarela) is undone by a reversal under four eyes: the reversal row
(append-only) points at the payment it cancels, a reversal request may name an SHU payment, and a share whose
payment was reversed may be paid again, so a share no longer has at most one payment row (only one standing).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db.migrations import append_only, reversal_request_kinds

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
        append_only.protect("shu_payments")
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
    append_only.protect(TABLE)
    reversal_request_kinds.allow(KINDS_AFTER)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DELETE FROM reversal_requests WHERE kind = 'shu_payment'")
    reversal_request_kinds.allow(KINDS_BEFORE)
    append_only.unprotect(TABLE)
    op.drop_table(TABLE)
    with op.batch_alter_table("shu_payments") as batch_op:  # fails, as it should, where a share was paid twice
        batch_op.drop_index("ix_shu_payments_share")
        batch_op.create_unique_constraint("uq_shu_payments_share", ["division_id", "member_id"])
    if sqlite:
        append_only.protect("shu_payments")
