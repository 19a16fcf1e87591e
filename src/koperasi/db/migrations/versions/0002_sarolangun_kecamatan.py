"""Seed the 11 kecamatan of Kabupaten Sarolangun (Kemendagri 15.03.xx).

Desa are entered by each office, so only the kecamatan list is seeded.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

KECAMATAN = [
    ("15.03.01", "Batang Asai"),
    ("15.03.02", "Limun"),
    ("15.03.03", "Sarolangun"),
    ("15.03.04", "Pauh"),
    ("15.03.05", "Pelawan"),
    ("15.03.06", "Mandiangin"),
    ("15.03.07", "Air Hitam"),
    ("15.03.08", "Bathin VIII"),
    ("15.03.09", "Singkut"),
    ("15.03.10", "Cermin Nan Gedang"),
    ("15.03.11", "Mandiangin Timur"),
]

kecamatan = sa.table("kecamatan", sa.column("code", sa.String), sa.column("name", sa.String))


def upgrade() -> None:
    op.bulk_insert(kecamatan, [{"code": code, "name": name} for code, name in KECAMATAN])


def downgrade() -> None:
    op.execute(kecamatan.delete().where(kecamatan.c.code.in_([code for code, _ in KECAMATAN])))
