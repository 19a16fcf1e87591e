"""Bring a database to the schema this program needs, at start-up.

A fresh database is built by the migrations themselves (not ``create_all``), so the
path every office's database took is the path the tests take.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from koperasi.db.engine import BEGIN_MODE
from koperasi.domain.errors import DomainError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseTooNew(DomainError):
    pass


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(current: str | None) -> None:
    """A database written by a newer program must not be touched by this one."""
    if current is None:
        return
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if current not in known:
        raise DatabaseTooNew(
            "Basis data ini dibuat oleh versi Koperasi Berdaya yang lebih baru. "
            "Pasang versi program terbaru untuk membukanya; data tidak diubah."
        )


def upgrade(engine: Engine, target: str = "head") -> tuple[str | None, str]:
    """Upgrade to ``target``; returns (revision before, revision after).

    The whole upgrade is one ``BEGIN IMMEDIATE`` transaction on SQLite: a second copy of
    the program starting at the same moment waits instead of migrating twice.
    """
    with engine.connect().execution_options(**{BEGIN_MODE: "IMMEDIATE"}) as connection:
        before = current_revision(connection)
        check_not_newer(before)
        if before != head_revision() or target != "head":
            log.info("migrating database from %s to %s", before, target)
            command.upgrade(alembic_config(connection), target)
            connection.commit()
        after = current_revision(connection)
    assert after is not None
    return before, after
