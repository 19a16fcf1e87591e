"""Each installment keeps its schedule's running total (``loan_installments.cumulative``: the amounts up to and
including it), so the arrears report finds what had fallen due by a day, and a loan's oldest installment its
repayments have not covered, with one index seek per loan instead of summing its installments (issue 14).

The table is append-only: filling the new column needs UPDATE, so the UPDATE guard is lifted for this one
transaction and put back as before (as 0010 did for the audit log). On SQLite, making the column NOT NULL
rebuilds the table, which drops its triggers: both guards are made again afterwards.

Indexes: ix_loan_installments_due carries the running total too (what fell due by a day, one seek), and
ix_loan_installments_unpaid (loan, schedule, running total, due date) finds the oldest unpaid installment.
ix_journal_lines_fund (fund lines only) sums each fund's balances from the index, in its order (the fund list).

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db.migrations.append_only import protect

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

TABLE = "loan_installments"
FILL = sa.text(
    f"UPDATE {TABLE} SET cumulative = (SELECT sum(earlier.amount) FROM {TABLE} AS earlier "
    f"WHERE earlier.loan_id = {TABLE}.loan_id AND earlier.schedule_no = {TABLE}.schedule_no "
    f"AND earlier.number <= {TABLE}.number)"
)


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column(TABLE, sa.Column("cumulative", sa.BigInteger(), nullable=True))
    if sqlite:
        op.execute(f"DROP TRIGGER {TABLE}_no_update")
    else:
        op.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TABLE}_no_change")
    op.execute(FILL)
    if sqlite:
        with op.batch_alter_table(TABLE, schema=None) as batch_op:
            batch_op.alter_column("cumulative", existing_type=sa.BigInteger(), nullable=False)
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_delete")
        protect(TABLE)
    else:
        op.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {TABLE}_no_change")
        op.alter_column(TABLE, "cumulative", existing_type=sa.BigInteger(), nullable=False)
    op.drop_index("ix_loan_installments_due", table_name=TABLE)
    op.create_index("ix_loan_installments_due", TABLE, ["loan_id", "schedule_no", "due_on", "cumulative", "amount"])
    op.create_index("ix_loan_installments_unpaid", TABLE, ["loan_id", "schedule_no", "cumulative", "due_on"])
    fund_lines = sa.text("fund_source_id IS NOT NULL")
    op.create_index("ix_journal_lines_fund", "journal_lines", ["fund_source_id", "account", "debit", "credit"],
                    sqlite_where=fund_lines, postgresql_where=fund_lines)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_index("ix_journal_lines_fund", table_name="journal_lines")
    op.drop_index("ix_loan_installments_unpaid", table_name=TABLE)
    op.drop_index("ix_loan_installments_due", table_name=TABLE)
    op.create_index("ix_loan_installments_due", TABLE, ["loan_id", "schedule_no", "due_on", "amount"])
    if not sqlite:
        op.drop_column(TABLE, "cumulative")
        return
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_column("cumulative")
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_{verb}")
    protect(TABLE)
