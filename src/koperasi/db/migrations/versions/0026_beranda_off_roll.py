"""Indexes for Beranda at 100,000 members (issue 14):
- members (left_on, id), only the members who left: the members off the roll on a day, whose categories and
  out-of-school children the members tile takes off everyone's (no member sought for each of their rows).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

LEFT = sa.text("left_on IS NOT NULL")


def upgrade() -> None:
    op.create_index("ix_members_left_on", "members", ["left_on", "id"], sqlite_where=LEFT, postgresql_where=LEFT)


def downgrade() -> None:
    op.drop_index("ix_members_left_on", table_name="members")
