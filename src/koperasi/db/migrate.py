"""Bring a database to the schema this program needs, at start-up.

A fresh database is built by the migrations themselves (not ``create_all``), so the
path every office's database took is the path the tests take.

Alembic is imported only when it has work to do: importing it costs start-up a tenth of a
second and more on an office PC, and on almost every start the schema is already current
(``is_current`` answers that from the migration files' own lines and one SELECT).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from koperasi.db.engine import BEGIN_MODE
from koperasi.db.schema_head import MIGRATIONS, script_head
from koperasi.domain.errors import DomainError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


class DatabaseTooNew(DomainError):
    pass


class ForeignDatabase(DomainError):
    """A database with tables but without our schema version: another program's, never to be changed."""


# Our revision ids are four digits ("0001", ...); a newer program of ours writes more of them.
_OUR_REVISION = re.compile(r"\d{4}")
FOREIGN = (
    "Basis data ini bukan milik Koperasi Berdaya (berisi tabel program lain): tidak dibuka dan tidak diubah. "
    "Periksa alamat --db, atau pilih berkas baru untuk data koperasi."
)


def check_ours(table_names: set[str], revision: str | None) -> None:
    """An empty database becomes ours; one with tables must carry a revision id of ours."""
    if revision is None and table_names - {"alembic_version"}:
        raise ForeignDatabase(FOREIGN)
    if revision is not None and not _OUR_REVISION.fullmatch(revision):
        raise ForeignDatabase(FOREIGN)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(current: str | None) -> None:
    """A database written by a newer program must not be touched by this one."""
    if current is None:
        return
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if current not in known:
        raise DatabaseTooNew(
            "Basis data ini dibuat oleh versi Koperasi Berdaya yang lebih baru. "
            "Pasang versi program terbaru untuk membukanya; data tidak diubah."
        )


def stored_revision(connection: Connection) -> str | None:
    """The database's revision with one SELECT; Alembic reads it when the table is unusual."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else current_revision(connection)


def is_current(revision: str | None) -> bool:
    """True when ``revision`` is this program's newest: nothing to check or upgrade, no Alembic."""
    return revision is not None and revision == script_head()


# Any fixed number: the key of the PostgreSQL advisory lock that serialises migrations.
_MIGRATION_LOCK = 0x4B42_0001


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """One transaction for a whole upgrade, committed only if everything succeeded.

    SQLite: ``BEGIN IMMEDIATE`` (a second copy of the program starting at the same moment
    waits), and foreign-key enforcement off while batch mode rebuilds tables that other
    rows point at — checked with ``foreign_key_check`` before the commit instead.
    PostgreSQL: an advisory lock, so two PCs starting together migrate once, not twice.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        if sqlite:
            raw.execute("PRAGMA foreign_keys = OFF")  # only takes effect outside a transaction
        try:
            connection.execution_options(**{BEGIN_MODE: "IMMEDIATE"})
            if not sqlite:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            yield connection
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise RuntimeError(f"migration left rows pointing at nothing: {broken[:5]}")
            connection.commit()
        finally:
            if connection.in_transaction():
                connection.rollback()
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def upgrade(engine: Engine, target: str = "head") -> tuple[str | None, str]:
    """Upgrade to ``target``; returns (revision before, revision after)."""
    with migration_connection(engine) as connection:
        before = current_revision(connection)  # read under the lock: another PC may have just migrated
        check_not_newer(before)
        if before != head_revision() or target != "head":
            from alembic import command

            log.info("migrating database from %s to %s", before, target)
            command.upgrade(alembic_config(connection), target)
        after = current_revision(connection)
    assert after is not None
    return before, after
