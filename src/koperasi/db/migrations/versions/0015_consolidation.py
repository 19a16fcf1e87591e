"""District consolidation: the office's signing key; in district mode its own encryption key, the register of offices and their data.

Revision ID: 0015
Revises: 0011 (written beside other branches' migrations; the lead re-chains it at merge)
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _moment(name: str, nullable: bool) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "office_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        _moment("created_at", False),
        sa.CheckConstraint("id = 1", name=op.f("ck_office_keys_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_keys")),
    )
    op.create_table(
        "district_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        _moment("created_at", False),
        sa.CheckConstraint("id = 1", name=op.f("ck_district_keys_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district_keys")),
    )
    op.create_table(
        "district_offices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("fingerprint", sa.String(length=49), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        _moment("registered_at", False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("office_code", sa.String(length=6), nullable=False),
        sa.Column("office_name", sa.String(length=120), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=8), nullable=False),
        sa.Column("kecamatan", sa.String(length=80), nullable=False),
        _moment("as_of", True),
        sa.Column("packet_digest", sa.String(length=64), nullable=True),
        _moment("received_at", True),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_district_offices")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_district_offices_fingerprint")),
        sa.UniqueConstraint("office_id", name=op.f("uq_district_offices_office_id")),
    )
    op.create_table(
        "district_members",
        sa.Column("district_office_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("kecamatan_code", sa.String(length=8), nullable=False),
        sa.Column("kecamatan", sa.String(length=80), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("join_date", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("number", sa.String(length=16), nullable=True),
        sa.Column("full_name", sa.String(length=120), nullable=True),
        sa.Column("nik", sa.String(length=16), nullable=True),
        sa.CheckConstraint("sex IN ('L', 'P')", name=op.f("ck_district_members_sex")),
        sa.ForeignKeyConstraint(["district_office_id"], ["district_offices.id"],
                                name=op.f("fk_district_members_district_office_id_district_offices")),
        sa.PrimaryKeyConstraint("district_office_id", "member_id", name=op.f("pk_district_members")),
    )
    op.create_table(
        "district_loans",
        sa.Column("district_office_id", sa.Uuid(), nullable=False),
        sa.Column("loan_id", sa.Uuid(), nullable=False),
        sa.Column("kecamatan", sa.String(length=80), nullable=False),
        sa.Column("outstanding", sa.BigInteger(), nullable=False),
        sa.Column("arrears", sa.BigInteger(), nullable=False),
        sa.Column("days_past_due", sa.Integer(), nullable=False),
        sa.Column("at_risk", sa.Boolean(), nullable=False),
        sa.CheckConstraint("outstanding >= 0 AND arrears >= 0 AND days_past_due >= 0", name=op.f("ck_district_loans_amounts")),
        sa.ForeignKeyConstraint(["district_office_id"], ["district_offices.id"],
                                name=op.f("fk_district_loans_district_office_id_district_offices")),
        sa.PrimaryKeyConstraint("district_office_id", "loan_id", name=op.f("pk_district_loans")),
    )


def downgrade() -> None:
    op.drop_table("district_loans")
    op.drop_table("district_members")
    op.drop_table("district_offices")
    op.drop_table("district_keys")
    op.drop_table("office_keys")
