"""A member's pas foto moves from ``members.photo`` to its own table ``member_photos`` (member_id, photo).

In SQLite a photo of tens of KB spills into overflow pages, and the column sat before ``notes``,
``search_text``, ``created_at`` and ``version``: the member search reading ``search_text``, the list,
and every save's version check walked the photo's pages, and every update of a member rewrote them.

The photos are copied, then the column dropped. SQLite drops it in place (3.35 and later), which keeps
the members table's triggers (the search indexes of 0005 and 0025) and the rows pointing at it; batch
mode would rebuild the table and lose them. An older SQLite cannot drop a column: there the column is
only emptied, which is enough, as an empty column holds no overflow pages, and the models never name it.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06
"""

import sqlite3

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

COPY = sa.text("INSERT INTO member_photos (member_id, photo) SELECT id, photo FROM members WHERE photo IS NOT NULL")


def _drops_columns() -> bool:
    return op.get_bind().dialect.name != "sqlite" or sqlite3.sqlite_version_info >= (3, 35, 0)


def upgrade() -> None:
    op.create_table(
        "member_photos",
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("photo", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_member_photos_member_id_members")),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_photos")),
    )
    op.execute(COPY)
    if _drops_columns():
        op.drop_column("members", "photo")
    else:
        op.execute("UPDATE members SET photo = NULL WHERE photo IS NOT NULL")


def downgrade() -> None:
    # The column is there still where an older SQLite only emptied it (whatever this SQLite can do now).
    if "photo" not in {column["name"] for column in sa.inspect(op.get_bind()).get_columns("members")}:
        op.add_column("members", sa.Column("photo", sa.LargeBinary(), nullable=True))
    op.execute(
        "UPDATE members SET photo = (SELECT p.photo FROM member_photos p WHERE p.member_id = members.id)"
        " WHERE id IN (SELECT member_id FROM member_photos)"
    )
    op.drop_table("member_photos")
