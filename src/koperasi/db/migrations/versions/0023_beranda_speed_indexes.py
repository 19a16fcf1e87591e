"""Indexes for Beranda and the Laporan bulanan at 100,000 members (issue 14), each covering what one figure reads:
- loan_movements (occurred_on, kind, loan_id, amount): the movements of a period across all loans (the month's and
  the year's disbursements and collections; the arrears report on a past day re-adds only those after it);
- loan_installments (loan_id, schedule_no, due_on, amount): what fell due by a day, per loan, without the rows;
- loan_installments (due_on, loan_id, schedule_no, amount): what falls due in a period (this month, each month);
- audit_events (action, occurred_at): the last event of one kind (the backup line of Beranda's waiting list);
- sale_lines (member_id, group_id, producer_share): each producer's shares summed in index order (owed to producers).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_loan_movements_day", "loan_movements", ["occurred_on", "kind", "loan_id", "amount"]),
    ("ix_loan_installments_due", "loan_installments", ["loan_id", "schedule_no", "due_on", "amount"]),
    ("ix_loan_installments_day", "loan_installments", ["due_on", "loan_id", "schedule_no", "amount"]),
    ("ix_audit_events_action", "audit_events", ["action", "occurred_at"]),
    ("ix_sale_lines_producer_share", "sale_lines", ["member_id", "group_id", "producer_share"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
