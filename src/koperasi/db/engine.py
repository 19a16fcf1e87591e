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

from koperasi.domain.errors import ValidationError

BUSY_TIMEOUT_SECONDS = 15
# SQLite's own memory, for the whole process: above it, SQLite reuses its page caches' memory instead of
# taking more. Its caches stay ~5 MB with every tab open; without a limit, the Dampak tab's visit list
# (window functions over 100,000 households, read on a worker thread) left the process 8-9 MB larger for
# good, and no query measured slower with it.
SOFT_HEAP_LIMIT_BYTES = 8_000_000
# Execution option a write transaction sets on its connection before BEGIN.
BEGIN_MODE = "koperasi_begin_mode"


def create_database_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    event.listen(engine, "before_cursor_execute", _refuse_unstorable_text)
    return engine


UNSTORABLE_TEXT = (
    "Teks berisi karakter yang tidak dapat disimpan (karakter NUL atau karakter rusak). Hapus karakter itu lalu coba lagi."
)


def _refuse_unstorable_text(_connection, _cursor, _statement, parameters, _context, _executemany) -> None:
    """Text no database can hold (a NUL byte: PostgreSQL refuses it; a lone UTF-16 surrogate, as a broken
    paste can leave: neither driver can encode it) is refused for the clerk instead of crashing the driver."""
    for item in _values(parameters):
        for value in _values(item) if isinstance(item, (dict, list, tuple)) else (item,):
            if isinstance(value, str) and not _storable(value):
                raise ValidationError(UNSTORABLE_TEXT)


def _values(parameters):
    """The values of one statement's parameters (a dict or a sequence), or the rows of an executemany."""
    if isinstance(parameters, dict):
        return parameters.values()
    return parameters or ()


def _storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
        cursor.execute(f"PRAGMA soft_heap_limit = {SOFT_HEAP_LIMIT_BYTES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
