"""Engines that behave well for a money application.

SQLite: WAL (readers do not block the writer), ``synchronous=FULL`` (a power cut
cannot roll back a committed payment), foreign keys on, a busy timeout, and write
transactions that start with ``BEGIN IMMEDIATE``: a deferred transaction that reads
and then writes fails at once with "database is locked" when another writer is active,
whatever the timeout (FIELD-NOTES §10).
"""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

BUSY_TIMEOUT_SECONDS = 15
# Execution option a write transaction sets on its connection before BEGIN.
BEGIN_MODE = "koperasi_begin_mode"


def create_database_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN instead of pysqlite guessing.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
