"""Covering indexes for Beranda's members and sales tiles (issue 14: Beranda at 100,000 members in 300 ms).

Each index holds exactly the columns one tile reads, so the tile is counted from the index
without visiting the wide member and sale rows:
- members (kecamatan_code, join_date, left_on, sex): the roll, women, new and left per kecamatan in one pass;
- members (id, join_date, left_on): "on the roll that day?" for a member reached by id (categories, households);
- member_categories (category_code, member_id) and household_members (school_status, member_id): the
  category and out-of-school counts without the table rows;
- sales (sold_on, channel_id, id) and sale_lines (sale_id, total, commission): the month's and year's sales by channel.

Revision ID: 0016
Revises: 0011 (written beside other branches' migrations; the lead re-chains it at merge)
Create Date: 2026-12-05
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_members_roll", "members", ["kecamatan_code", "join_date", "left_on", "sex"]),
    ("ix_members_id_roll", "members", ["id", "join_date", "left_on"]),
    ("ix_member_categories_code_member", "member_categories", ["category_code", "member_id"]),
    ("ix_household_members_school", "household_members", ["school_status", "member_id"]),
    ("ix_sales_day_channel", "sales", ["sold_on", "channel_id", "id"]),
    ("ix_sale_lines_sale_sums", "sale_lines", ["sale_id", "total", "commission"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
