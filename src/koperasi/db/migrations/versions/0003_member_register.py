"""The member register: members, their households, vulnerability categories and groups.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

SEED_CATEGORIES = [
    ("petani_kecil", "Petani kecil"),
    ("buruh_harian", "Buruh harian"),
    ("perempuan_kepala_keluarga", "Perempuan kepala keluarga"),
    ("keluarga_anak_putus_sekolah", "Keluarga dengan anak tidak bersekolah"),
]


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('categories',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_categories')),
    sa.UniqueConstraint('name', name=op.f('uq_categories_name'))
    )
    categories = sa.table("categories", sa.column("code"), sa.column("name"), sa.column("active"), sa.column("position"))
    op.bulk_insert(
        categories,
        [{"code": code, "name": name, "active": True, "position": i} for i, (code, name) in enumerate(SEED_CATEGORIES)],
    )
    op.create_table('members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('office_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=16), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('kk_number', sa.String(length=16), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_place', sa.String(length=80), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('address', sa.String(length=250), nullable=False),
    sa.Column('desa_id', sa.Uuid(), nullable=False),
    sa.Column('kecamatan_code', sa.String(length=8), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('occupation', sa.String(length=80), nullable=False),
    sa.Column('household_relation', sa.String(length=20), nullable=False),
    sa.Column('join_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('left_reason', sa.String(length=250), nullable=True),
    sa.Column('photo', sa.LargeBinary(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('search_text', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("sex IN ('L', 'P')", name=op.f('ck_members_sex')),
    sa.CheckConstraint("status IN ('aktif', 'keluar')", name=op.f('ck_members_status')),
    sa.ForeignKeyConstraint(['desa_id'], ['desa.id'], name=op.f('fk_members_desa_id_desa')),
    sa.ForeignKeyConstraint(['kecamatan_code'], ['kecamatan.code'], name=op.f('fk_members_kecamatan_code_kecamatan')),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_members_office_id_offices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_members')),
    sa.UniqueConstraint('nik', name=op.f('uq_members_nik')),
    sa.UniqueConstraint('number', name=op.f('uq_members_number'))
    )
    op.create_index(op.f('ix_members_desa_id'), 'members', ['desa_id'])
    op.create_index(
        "ix_members_list", "members",
        ["full_name", "number", "status", "sex", "kecamatan_code", "desa_id", "search_text", "id"],
    )
    op.create_index("ix_members_list_number", "members", ["number", "status", "search_text", "id"])
    op.create_index("ix_members_birth_date", "members", ["birth_date"])
    op.create_index(op.f('ix_members_join_date'), 'members', ['join_date'])
    op.create_index('ix_members_kecamatan_status', 'members', ['kecamatan_code', 'status'])

    op.create_table('household_members',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('relation', sa.String(length=20), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('school_status', sa.String(length=24), nullable=True),
    sa.CheckConstraint("school_status IS NULL OR school_status IN ('sekolah', 'putus_sekolah', 'tidak_pernah_sekolah')", name=op.f('ck_household_members_school_status')),
    sa.CheckConstraint("sex IN ('L', 'P')", name=op.f('ck_household_members_sex')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_household_members_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_household_members'))
    )
    op.create_index(op.f('ix_household_members_member_id'), 'household_members', ['member_id'])

    op.create_table('member_categories',
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('category_code', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['category_code'], ['categories.code'], name=op.f('fk_member_categories_category_code_categories')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_member_categories_member_id_members')),
    sa.PrimaryKeyConstraint('member_id', 'category_code', name=op.f('pk_member_categories'))
    )
    op.create_index(op.f('ix_member_categories_category_code'), 'member_categories', ['category_code'])

    op.create_table('member_groups',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('desa_id', sa.Uuid(), nullable=True),
    sa.Column('chair_member_id', sa.Uuid(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['chair_member_id'], ['members.id'], name=op.f('fk_member_groups_chair_member_id_members')),
    sa.ForeignKeyConstraint(['desa_id'], ['desa.id'], name=op.f('fk_member_groups_desa_id_desa')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member_groups')),
    sa.UniqueConstraint('name', name=op.f('uq_member_groups_name'))
    )
    op.create_table('group_memberships',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('group_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=False),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['group_id'], ['member_groups.id'], name=op.f('fk_group_memberships_group_id_member_groups')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_group_memberships_member_id_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_group_memberships'))
    )
    op.create_index(op.f('ix_group_memberships_group_id'), 'group_memberships', ['group_id'])
    op.create_index('ix_group_memberships_member', 'group_memberships', ['member_id', 'left_on'])
    op.create_index(
        "uq_group_memberships_open", "group_memberships", ["group_id", "member_id"], unique=True,
        sqlite_where=sa.text("left_on IS NULL"), postgresql_where=sa.text("left_on IS NULL"),
    )



def downgrade() -> None:
    op.drop_index("uq_group_memberships_open", table_name="group_memberships")
    op.drop_index('ix_group_memberships_member', table_name='group_memberships')
    op.drop_index(op.f('ix_group_memberships_group_id'), table_name='group_memberships')

    op.drop_table('group_memberships')
    op.drop_table('member_groups')
    op.drop_index(op.f('ix_member_categories_category_code'), table_name='member_categories')

    op.drop_table('member_categories')
    op.drop_index(op.f('ix_household_members_member_id'), table_name='household_members')

    op.drop_table('household_members')
    op.drop_index('ix_members_kecamatan_status', table_name='members')
    op.drop_index(op.f('ix_members_join_date'), table_name='members')
    op.drop_index("ix_members_birth_date", table_name="members")
    op.drop_index("ix_members_list_number", table_name="members")
    op.drop_index("ix_members_list", table_name="members")
    op.drop_index(op.f('ix_members_desa_id'), table_name='members')

    op.drop_table('members')
    op.drop_table('categories')
