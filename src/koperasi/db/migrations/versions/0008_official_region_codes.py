"""Official Kemendagri codes for desa/kelurahan, and kecamatan names that may repeat across kabupaten.

- ``desa.code`` (unique, empty for a desa the official list does not hold) is added if missing, and each existing
  desa gets the code of the official desa of the same name in its kecamatan (Kepmendagri 300.2.2-2138 Tahun 2025,
  shipped with the program). Names are compared without case, extra spaces or a "Desa "/"Kelurahan " prefix; a desa
  that matches none, or several, keeps no code and is named in the log (the regions dialog lists them too).
- The unique name per kecamatan (desa) and per country (kecamatan) go: the official list has a desa and a kelurahan
  of one name in a few kecamatan, and neighbouring kabupaten have kecamatan of the same name.

Kecamatan rows already carry their official code (0002). Members, groups and reports point at desa by id and at
kecamatan by code, so none of them changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import logging

import sqlalchemy as sa
from alembic import op

from koperasi.domain.office.regions import normalise_desa_name, shipped

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

desa = sa.table(
    "desa",
    sa.column("id", sa.Uuid),
    sa.column("kecamatan_code", sa.String),
    sa.column("name", sa.String),
    sa.column("kind", sa.String),
    sa.column("code", sa.String),
)


def upgrade() -> None:
    columns = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("desa")}
    with op.batch_alter_table("kecamatan") as batch:
        batch.drop_constraint("uq_kecamatan_name", type_="unique")
    with op.batch_alter_table("desa") as batch:
        if "code" not in columns:
            batch.add_column(sa.Column("code", sa.String(length=13), nullable=True))
        batch.drop_constraint("uq_desa_kecamatan_code_name", type_="unique")
        batch.create_unique_constraint(op.f("uq_desa_code"), ["code"])
    unmatched = match_official_codes(op.get_bind())
    if unmatched:
        log.warning("desa not found in the official list (Kepmendagri 2025), left without a code: %s", "; ".join(unmatched))


def match_official_codes(connection: sa.Connection) -> list[str]:
    """Give each desa without a code the official one of its name; returns 'kecamatan: desa' of those left out."""
    official = shipped()
    rows = connection.execute(sa.select(desa.c.id, desa.c.kecamatan_code, desa.c.name, desa.c.kind, desa.c.code)).all()
    taken = {row.code for row in rows if row.code}
    unmatched = []
    for row in sorted((row for row in rows if not row.code), key=lambda row: (row.kecamatan_code, row.name)):
        wanted = normalise_desa_name(row.name)
        candidates = [
            region for region in official.desa(row.kecamatan_code)
            if normalise_desa_name(region.name) == wanted and region.code not in taken
        ]
        if len(candidates) > 1:  # a desa and a kelurahan of one name: the kind the office chose decides
            candidates = [region for region in candidates if region.kind == row.kind]
        if len(candidates) != 1:
            unmatched.append(f"{row.kecamatan_code}: {row.name}")
            continue
        taken.add(candidates[0].code)
        connection.execute(desa.update().where(desa.c.id == row.id).values(code=candidates[0].code))
    return unmatched


def downgrade() -> None:
    with op.batch_alter_table("desa") as batch:
        batch.drop_constraint(op.f("uq_desa_code"), type_="unique")
        batch.drop_column("code")
        batch.create_unique_constraint(op.f("uq_desa_kecamatan_code_name"), ["kecamatan_code", "name"])
    with op.batch_alter_table("kecamatan") as batch:
        batch.create_unique_constraint(op.f("uq_kecamatan_name"), ["name"])
