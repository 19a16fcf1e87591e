"""Beranda at 100,000 members and 50,000 sales a year (issue 14):
- members (left_on, id), only the members who left: the members off the roll on a day, whose categories and
  out-of-school children the members tile takes off everyone's (no member sought for each of their rows);
- sales_days: running figures of the standing sale lines per day and channel (how many, total, commission),
  kept by the services in the sale's own transaction and checked by ``koperasi doctor``; filled here from
  the lines already recorded (FILL_DAYS, the same reading as the doctor's);
- producer_balances: what the office owes each producer (their shares of standing sale lines less their
  standing payouts), kept and checked alike, filled from the rows (FILL_BALANCES).

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

LEFT = sa.text("left_on IS NOT NULL")
TABLE = "sales_days"
FILL_DAYS = sa.text(
    f"INSERT INTO {TABLE} (sold_on, channel_id, lines, total, commission) "
    "SELECT sales.sold_on, sales.channel_id, count(*), sum(sale_lines.total), sum(sale_lines.commission) "
    "FROM sale_lines JOIN sales ON sales.id = sale_lines.sale_id "
    "WHERE NOT EXISTS (SELECT 1 FROM sales AS cancel WHERE cancel.reversal_of_id = sales.id) "
    "GROUP BY sales.sold_on, sales.channel_id"
)
FILL_BALANCES = sa.text(
    "INSERT INTO producer_balances (producer_id, owed) "
    "SELECT producer_id, sum(amount) FROM ("
    "SELECT coalesce(sale_lines.member_id, sale_lines.group_id) AS producer_id, sale_lines.producer_share AS amount "
    "FROM sale_lines JOIN sales ON sales.id = sale_lines.sale_id "
    "WHERE NOT EXISTS (SELECT 1 FROM sales AS cancel WHERE cancel.reversal_of_id = sales.id) "
    "UNION ALL "
    "SELECT coalesce(payouts.member_id, payouts.group_id), -payouts.amount FROM payouts "
    "WHERE payouts.reversal_of_id IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM payouts AS cancel WHERE cancel.reversal_of_id = payouts.id)"
    ") AS movements GROUP BY producer_id"
)


def upgrade() -> None:
    op.create_index("ix_members_left_on", "members", ["left_on", "id"], sqlite_where=LEFT, postgresql_where=LEFT)
    op.create_table(
        TABLE,
        sa.Column("sold_on", sa.Date(), nullable=False),
        sa.Column("channel_id", sa.Uuid(), nullable=False),
        sa.Column("lines", sa.Integer(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("commission", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["channel_id"], ["sales_channels.id"], name=op.f("fk_sales_days_channel_id_sales_channels")),
        sa.PrimaryKeyConstraint("sold_on", "channel_id", name=op.f("pk_sales_days")),
    )
    op.execute(FILL_DAYS)
    op.create_table(
        "producer_balances",
        sa.Column("producer_id", sa.Uuid(), nullable=False),
        sa.Column("owed", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("producer_id", name=op.f("pk_producer_balances")),
    )
    op.execute(FILL_BALANCES)


def downgrade() -> None:
    op.drop_table("producer_balances")
    op.drop_table(TABLE)
    op.drop_index("ix_members_left_on", table_name="members")
