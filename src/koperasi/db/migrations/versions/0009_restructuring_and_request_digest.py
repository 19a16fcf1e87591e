"""Restructured loans stay at risk until cured; a retried save must ask for what the first one did.

- ``loan_products.cure_installments``: how many installments in a row a rescheduled loan must pay
  on time before it leaves the arrears report's restructured line and PAR30 (default 3).
- ``journal_entries.request_digest``: a digest of what the save asked for (loan, amount, date, ...).
  A second save with the same request id but another amount or loan is refused instead of being
  answered with the first posting. Entries written before this revision have none and are trusted.

Both are plain ADD COLUMNs (no table rebuild), so the append-only triggers on ``journal_entries``
stay as they are.

Revision ID: 0009
Revises: 0007 (the lead renumbers it onto 0008 at merge)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("loan_products", sa.Column("cure_installments", sa.Integer(), nullable=False, server_default="3"))
    op.add_column("journal_entries", sa.Column("request_digest", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("journal_entries", schema=None) as batch_op:
        batch_op.drop_column("request_digest")
    with op.batch_alter_table("loan_products", schema=None) as batch_op:
        batch_op.drop_column("cure_installments")
