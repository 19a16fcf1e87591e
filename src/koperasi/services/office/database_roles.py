"""Least privilege on PostgreSQL: an owner role for migrations, an application role for the program.

The append-only triggers guard history only against a role that cannot lift them. The tables' owner
(and any superuser) can ``DISABLE TRIGGER`` or ``SET session_replication_role = replica`` and then
delete; so the program should run as a role that owns nothing:

- the owner role owns the schema, tables, sequences and trigger functions; the program connects as it
  only to create or upgrade the schema (start it once with the owner's URL after installing a new version,
  then run ``koperasi setup-postgres`` again: new tables are usable at once through the owner's default
  privileges, and the run narrows a new append-only table to SELECT and INSERT);
- the application role may SELECT and INSERT on the append-only tables (no UPDATE, DELETE or TRUNCATE),
  read, write and delete rows of the other tables, use the sequences, and read ``alembic_version``.
  It is not a superuser and owns no table, so it can neither drop nor disable a trigger.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from koperasi.domain.errors import ValidationError
from koperasi.services.ledger_checks import APPEND_ONLY

APPEND_ONLY_TABLES = ("audit_events", *APPEND_ONLY)
# Read-only for the program: the schema version is the owner's business.
READ_ONLY_TABLES = ("alembic_version",)
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

OWNER_WARNING = (
    "Program tersambung ke PostgreSQL sebagai pemilik tabel atau superuser ({role}): peran ini dapat mematikan "
    "pemicu yang mengunci catatan audit dan riwayat uang. Jalankan 'koperasi setup-postgres' lalu pakai peran "
    "aplikasi yang dibuatnya (lihat docs/robustness.md)."
)


def owner_warning(session: Session) -> str | None:
    """The warning to show when the program runs with power over the triggers; None on SQLite or when it does not."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        return None
    superuser, owns = connection.execute(text(
        "SELECT r.rolsuper, EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = current_schema() "
        "AND t.tablename = 'audit_events' AND pg_has_role(current_user, t.tableowner, 'USAGE')) "
        "FROM pg_roles r WHERE r.rolname = current_user"
    )).one()
    if superuser or owns:
        return OWNER_WARNING.format(role=connection.execute(text("SELECT current_user")).scalar_one())
    return None


def set_up_roles(
    connection: Connection, *, owner: str, app: str, owner_password: str | None = None, app_password: str | None = None
) -> list[str]:
    """Create (or bring up to date) the two roles for the current schema; returns the statements run.

    Run as a superuser (or a role with CREATEROLE that owns the schema) in one transaction; safe to repeat.
    """
    if connection.dialect.name == "sqlite":
        raise ValidationError("Peran basis data hanya ada di PostgreSQL; berkas SQLite dilindungi oleh izin berkasnya.")
    for name in (owner, app):
        if not _ROLE_NAME.fullmatch(name):
            raise ValidationError(f"Nama peran '{name}' tidak sah: huruf kecil, angka dan garis bawah saja (maks. 63).")
    if owner == app:
        raise ValidationError("Peran pemilik dan peran aplikasi harus berbeda.")
    quote = connection.dialect.identifier_preparer.quote
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    tables = list(connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}).scalars())
    sequences = list(connection.execute(
        text("SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = :s"), {"s": schema}
    ).scalars())
    functions = list(connection.execute(text(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = :s AND p.prorettype = 'trigger'::regtype"
    ), {"s": schema}).scalars())
    o, a, s = quote(owner), quote(app), quote(schema)
    statements = [
        *_create_role(connection, owner, o),
        *_create_role(connection, app, a),
        f"ALTER ROLE {a} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS",
        f"ALTER SCHEMA {s} OWNER TO {o}",
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {s} TO {a}",
    ]
    statements += [f"ALTER TABLE {s}.{quote(table)} OWNER TO {o}" for table in tables]
    statements += [f"ALTER FUNCTION {function} OWNER TO {o}" for function in functions]
    for table in tables:
        target = f"{s}.{quote(table)}"
        statements.append(f"REVOKE ALL ON {target} FROM {a}")
        if table in APPEND_ONLY_TABLES:
            statements.append(f"GRANT SELECT, INSERT ON {target} TO {a}")
        elif table in READ_ONLY_TABLES:
            statements.append(f"GRANT SELECT ON {target} TO {a}")
        else:
            statements.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {target} TO {a}")
    statements += [f"GRANT USAGE, SELECT ON SEQUENCE {s}.{quote(sequence)} TO {a}" for sequence in sequences]
    # Tables a later version's upgrade adds (run as the owner) are usable at once: a clerk's first sale after
    # an upgrade is not "permission denied" until someone remembers this command. Run it again all the same,
    # so that a new append-only table loses UPDATE and DELETE (its triggers refuse them meanwhile).
    statements += [
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {a}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {a}",
    ]
    for statement in statements:
        connection.execute(text(statement))
    for role, password in ((owner, owner_password), (app, app_password)):
        if password:
            # format(%L) quotes the literal server-side; the password never appears in the statements returned.
            connection.execute(text(connection.execute(
                text("SELECT format('ALTER ROLE %I PASSWORD %L', CAST(:role AS text), CAST(:password AS text))"), {"role": role, "password": password}
            ).scalar_one()))
    return statements


def _create_role(connection: Connection, name: str, quoted: str) -> list[str]:
    exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    return [] if exists else [f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"]
