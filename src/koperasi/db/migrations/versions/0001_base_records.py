"""Base records: office, regions, users, document numbering, append-only audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "kecamatan",
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_kecamatan")),
        sa.UniqueConstraint("name", name=op.f("uq_kecamatan_name")),
    )
    op.create_table(
        "desa",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kecamatan_code", sa.String(8), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('desa', 'kelurahan')", name=op.f("ck_desa_kind")),
        sa.ForeignKeyConstraint(
            ["kecamatan_code"], ["kecamatan.code"], name=op.f("fk_desa_kecamatan_code_kecamatan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desa")),
        sa.UniqueConstraint("kecamatan_code", "name", name=op.f("uq_desa_kecamatan_code_name")),
    )
    op.create_index(op.f("ix_desa_kecamatan_code"), "desa", ["kecamatan_code"])
    op.create_table(
        "offices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(6), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("kecamatan_code", sa.String(8), nullable=True),
        sa.Column("address", sa.String(250), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("chair_name", sa.String(120), nullable=False),
        sa.Column("treasurer_name", sa.String(120), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kecamatan_code"], ["kecamatan.code"], name=op.f("fk_offices_kecamatan_code_kecamatan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offices")),
        sa.UniqueConstraint("code", name=op.f("uq_offices_code")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(32), nullable=False),
        sa.Column("full_name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", UTC_DATETIME, nullable=True),
        sa.Column("last_login_at", UTC_DATETIME, nullable=True),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('admin', 'manager', 'treasurer', 'clerk')", name=op.f("ck_users_role")
        ),
        sa.CheckConstraint("failed_logins >= 0", name=op.f("ck_users_failed_logins")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "document_counters",
        sa.Column("office_code", sa.String(6), nullable=False),
        sa.Column("doc_type", sa.String(8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.CheckConstraint("last_number >= 0", name=op.f("ck_document_counters_last_number")),
        sa.PrimaryKeyConstraint("office_code", "doc_type", "year", name=op.f("pk_document_counters")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("occurred_at", UTC_DATETIME, nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("username", sa.String(32), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index("ix_audit_events_entity", "audit_events", ["entity", "entity_id"])
    op.create_index(op.f("ix_audit_events_occurred_at"), "audit_events", ["occurred_at"])
    _make_audit_log_append_only()


def _make_audit_log_append_only() -> None:
    """The database itself refuses to change history, whatever program touches it."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
                "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER audit_events_no_change ON audit_events")
        op.execute("DROP FUNCTION audit_events_append_only()")
    for table in ("audit_events", "document_counters", "users", "offices", "desa", "kecamatan"):
        op.drop_table(table)
