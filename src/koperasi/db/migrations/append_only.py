"""The append-only guard on money history tables, as the migrations install it.

A row of money history is never changed or removed: a correction is a new row (a reversal). The database
itself refuses UPDATE and DELETE on these tables (and TRUNCATE on PostgreSQL), so no code path, script or
hand-typed SQL can rewrite the books; ``koperasi doctor`` checks the triggers are there. On PostgreSQL the
triggers share one function, ``money_history_append_only()``, made by migration 0004.
"""

from __future__ import annotations

from alembic import op

POSTGRES_FUNCTION = "money_history_append_only"


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def create_postgres_function() -> None:
    """Migration 0004's part: the trigger function every later guarded table uses on PostgreSQL."""
    if not _sqlite():
        op.execute(
            f"CREATE FUNCTION {POSTGRES_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
        )


def drop_postgres_function() -> None:
    if not _sqlite():
        op.execute(f"DROP FUNCTION {POSTGRES_FUNCTION}()")


def protect(*tables: str) -> None:
    """Refuse every change but INSERT on ``tables``."""
    for table in tables:
        if _sqlite():
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
            continue
        op.execute(
            f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {POSTGRES_FUNCTION}()"
        )
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {POSTGRES_FUNCTION}()"
        )


def unprotect(*tables: str) -> None:
    """A downgrade's part, before it drops ``tables``: SQLite's triggers go with their table, PostgreSQL's
    are dropped first."""
    if _sqlite():
        return
    for table in tables:
        op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
        op.execute(f"DROP TRIGGER {table}_no_change ON {table}")
