"""Each loan's repayments and write-offs in date order, with their amounts (issue 14): the Laporan bulanan's
twelve month ends read what each loan repaid after each of them from this index alone, one short range
per loan and month end, instead of sorting every movement of the year by loan.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06
"""

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

NAME, TABLE, COLUMNS = "ix_loan_movements_paid", "loan_movements", ["loan_id", "kind", "occurred_on", "amount"]


def upgrade() -> None:
    op.create_index(NAME, TABLE, COLUMNS)


def downgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)
