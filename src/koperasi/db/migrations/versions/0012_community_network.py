"""Community network: meetings, whom they serve, attendance and follow-ups; the opportunity board and referrals.

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
    op.create_table(
        "opportunities",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column("provider", sa.String(length=120), nullable=False),
        sa.Column("contact", sa.String(length=120), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=8), nullable=True),
        sa.Column("desa_id", sa.Uuid(), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("livelihood", sa.String(length=80), nullable=False),
        sa.Column("for_children", sa.Boolean(), nullable=False),
        sa.Column("cost", sa.BigInteger(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("how_to_apply", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=250), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("sex IS NULL OR sex IN ('L', 'P')", name=op.f("ck_opportunities_sex")),
        sa.CheckConstraint("cost >= 0", name=op.f("ck_opportunities_cost")),
        sa.CheckConstraint("min_age IS NULL OR max_age IS NULL OR min_age <= max_age", name=op.f("ck_opportunities_ages")),
        sa.ForeignKeyConstraint(["kecamatan_code"], ["kecamatan.code"], name=op.f("fk_opportunities_kecamatan_code_kecamatan")),
        sa.ForeignKeyConstraint(["desa_id"], ["desa.id"], name=op.f("fk_opportunities_desa_id_desa")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_opportunities_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunities")),
    )
    op.create_index("ix_opportunities_open", "opportunities", ["closed", "deadline"])
    op.create_table(
        "opportunity_categories",
        sa.Column("opportunity_id", sa.Uuid(), nullable=False),
        sa.Column("category_code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["opportunity_id"], ["opportunities.id"], name=op.f("fk_opportunity_categories_opportunity_id_opportunities")),
        sa.ForeignKeyConstraint(["category_code"], ["categories.code"], name=op.f("fk_opportunity_categories_category_code_categories")),
        sa.PrimaryKeyConstraint("opportunity_id", "category_code", name=op.f("pk_opportunity_categories")),
    )
    op.create_table(
        "opportunity_programmes",
        sa.Column("opportunity_id", sa.Uuid(), nullable=False),
        sa.Column("programme_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["opportunity_id"], ["opportunities.id"], name=op.f("fk_opportunity_programmes_opportunity_id_opportunities")),
        sa.ForeignKeyConstraint(["programme_id"], ["training_programmes.id"],
                                name=op.f("fk_opportunity_programmes_programme_id_training_programmes")),
        sa.PrimaryKeyConstraint("opportunity_id", "programme_id", name=op.f("pk_opportunity_programmes")),
    )
    op.create_table(
        "referrals",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("opportunity_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("household_member_id", sa.Uuid(), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("referred_by", sa.Uuid(), nullable=False),
        sa.Column("note", sa.String(length=250), nullable=False),
        sa.Column("letter_number", sa.String(length=32), nullable=True),
        sa.Column("letter_issued_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('melamar', 'diterima', 'ditolak', 'tidak_jadi', 'kembali_sekolah', 'paket_abc')",
            name=op.f("ck_referrals_outcome"),
        ),
        sa.CheckConstraint("(outcome IS NULL) = (outcome_on IS NULL)", name=op.f("ck_referrals_outcome_day")),
        sa.ForeignKeyConstraint(["opportunity_id"], ["opportunities.id"], name=op.f("fk_referrals_opportunity_id_opportunities")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_referrals_member_id_members")),
        sa.ForeignKeyConstraint(["household_member_id"], ["household_members.id"],
                                name=op.f("fk_referrals_household_member_id_household_members")),
        sa.ForeignKeyConstraint(["referred_by"], ["users.id"], name=op.f("fk_referrals_referred_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
        sa.UniqueConstraint("letter_number", name=op.f("uq_referrals_letter_number")),
    )
    op.create_index("ix_referrals_waiting", "referrals", ["outcome", "referred_on"])
    op.create_index(op.f("ix_referrals_opportunity_id"), "referrals", ["opportunity_id"])
    op.create_index(op.f("ix_referrals_member_id"), "referrals", ["member_id"])


def downgrade() -> None:
    op.drop_table("referrals")
    op.drop_table("opportunity_programmes")
    op.drop_table("opportunity_categories")
    op.drop_table("opportunities")
    op.drop_table("meeting_follow_ups")
    op.drop_table("community_meeting_attendance")
    op.drop_table("community_meeting_audience")
    op.drop_table("community_meetings")
