"""Kisah sukses: a member's story with an optional photo and the member's recorded consent (issue 16).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "success_stories",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=True),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("consent_recorded_by", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("(consent_on IS NULL) = (consent_recorded_by IS NULL)", name=op.f("ck_success_stories_consent")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_success_stories_member_id_members")),
        sa.ForeignKeyConstraint(["consent_recorded_by"], ["users.id"], name=op.f("fk_success_stories_consent_recorded_by_users")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_success_stories_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_success_stories")),
    )
    op.create_index("ix_success_stories_member", "success_stories", ["member_id"])


def downgrade() -> None:
    op.drop_index("ix_success_stories_member", table_name="success_stories")
    op.drop_table("success_stories")
