"""Community network: meetings, whom they serve, attendance and follow-ups.

Revision ID: 0012
Revises: 0011 (written beside other branches' migrations; the lead re-chains it at merge)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "community_meetings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=False),
        sa.Column("desa_id", sa.Uuid(), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=8), nullable=False),
        sa.Column("place", sa.String(length=160), nullable=False),
        sa.Column("organiser", sa.String(length=120), nullable=False),
        sa.Column("facilitator", sa.String(length=120), nullable=False),
        sa.Column("topics", sa.String(length=500), nullable=False),
        sa.Column("information", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("guests_male_child", sa.Integer(), nullable=False),
        sa.Column("guests_female_child", sa.Integer(), nullable=False),
        sa.Column("guests_male_adult", sa.Integer(), nullable=False),
        sa.Column("guests_female_adult", sa.Integer(), nullable=False),
        sa.Column("guests_male_elder", sa.Integer(), nullable=False),
        sa.Column("guests_female_elder", sa.Integer(), nullable=False),
        sa.Column("attendance_taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "guests_male_child >= 0 AND guests_female_child >= 0 AND guests_male_adult >= 0 AND "
            "guests_female_adult >= 0 AND guests_male_elder >= 0 AND guests_female_elder >= 0",
            name=op.f("ck_community_meetings_guests"),
        ),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_community_meetings_desa_id_desa")),
        sa.ForeignKeyConstraint(["kecamatan_code"], ["kecamatan.code"], name=op.f("fk_community_meetings_kecamatan_code_kecamatan")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_community_meetings_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_meetings")),
    )
    op.create_index("ix_community_meetings_held_on", "community_meetings", ["held_on"])
    op.create_index(op.f("ix_community_meetings_desa_id"), "community_meetings", ["desa_id"])
    op.create_table(
        "community_meeting_audience",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("desa_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint("(group_id IS NULL) <> (desa_id IS NULL)", name=op.f("ck_community_meeting_audience_one_target")),
        sa.ForeignKeyConstraint(["meeting_id"], ["community_meetings.id"],
                                name=op.f("fk_community_meeting_audience_meeting_id_community_meetings")),
        sa.ForeignKeyConstraint(["group_id"], ["member_groups.id"], name=op.f("fk_community_meeting_audience_group_id_member_groups")),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_community_meeting_audience_desa_id_desa")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_meeting_audience")),
        sa.UniqueConstraint("meeting_id", "group_id", name=op.f("uq_community_meeting_audience_meeting_id_group_id")),
        sa.UniqueConstraint("meeting_id", "desa_id", name=op.f("uq_community_meeting_audience_meeting_id_desa_id")),
    )
    op.create_index(op.f("ix_community_meeting_audience_meeting_id"), "community_meeting_audience", ["meeting_id"])
    op.create_table(
        "community_meeting_attendance",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["community_meetings.id"],
                                name=op.f("fk_community_meeting_attendance_meeting_id_community_meetings")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_community_meeting_attendance_member_id_members")),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"], name=op.f("fk_community_meeting_attendance_recorded_by_users")),
        sa.PrimaryKeyConstraint("meeting_id", "member_id", name=op.f("pk_community_meeting_attendance")),
    )
    op.create_index(op.f("ix_community_meeting_attendance_member_id"), "community_meeting_attendance", ["member_id"])
    op.create_table(
        "meeting_follow_ups",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=250), nullable=False),
        sa.Column("responsible", sa.String(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["community_meetings.id"], name=op.f("fk_meeting_follow_ups_meeting_id_community_meetings")),
        sa.ForeignKeyConstraint(["done_by"], ["users.id"], name=op.f("fk_meeting_follow_ups_done_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_follow_ups")),
    )
    op.create_index("ix_meeting_follow_ups_open", "meeting_follow_ups", ["done_on", "due_on"])
    op.create_index(op.f("ix_meeting_follow_ups_meeting_id"), "meeting_follow_ups", ["meeting_id"])


def downgrade() -> None:
    op.drop_table("meeting_follow_ups")
    op.drop_table("community_meeting_attendance")
    op.drop_table("community_meeting_audience")
    op.drop_table("community_meetings")
