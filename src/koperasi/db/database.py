"""Opening the office database: one object that owns the engine and hands out sessions."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, exc, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from koperasi.db import errors, location, migrate, private_files
from koperasi.db.engine import create_database_engine
from koperasi import clock

log = logging.getLogger(__name__)


@dataclass
class Database:
    url: URL
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def describe(self) -> str:
        """Short text for the status bar and the About box."""
        if self.is_sqlite:
            return f"SQLite: {self.url.database}"
        return f"PostgreSQL: {self.url.host or 'localhost'}:{self.url.port or 5432}/{self.url.database}"

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: URL, *, migrate_schema: bool = True, must_exist: bool = False) -> Database:
    """Open (creating if needed) and migrate the database, or raise a ``DomainError``.

    An existing SQLite file is copied aside before its schema is upgraded, so a failed
    or regretted upgrade never costs data.
    """
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        location.check_local_file(path)
        if must_exist and not path.is_file():
            raise errors.StorageError(f"Berkas basis data tidak ditemukan: {path}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise errors.StorageError(
                f"Folder basis data tidak dapat dibuat ({path.parent}): {error.strerror}."
            ) from error
        _refuse_foreign_file(path)
        try:
            if path.exists():
                private_files.restrict_database(path)
            else:
                private_files.create_owner_only(path)
        except OSError as error:
            raise errors.StorageError(f"Berkas basis data tidak dapat dibuat ({path}): {error.strerror}.") from error
    engine = create_database_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            before = migrate.stored_revision(connection)
            if url.get_backend_name() != "sqlite":
                migrate.check_ours(set(inspect(connection).get_table_names()), before)
        if not migrate.is_current(before):  # the usual start: current, and Alembic is not even imported
            migrate.check_not_newer(before)
            if migrate_schema and before != migrate.head_revision():
                if before is not None and url.get_backend_name() == "sqlite":
                    _copy_aside(Path(url.database or ""), before)
                migrate.upgrade(engine)
                if before is not None and url.get_backend_name() == "sqlite":
                    give_back_freed_space(engine)
    except exc.DBAPIError as error:
        engine.dispose()
        translated = errors.translate(error)
        if translated is None:
            raise
        raise translated from error
    except BaseException:
        engine.dispose()
        raise
    return Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))


def _refuse_foreign_file(path: Path) -> None:
    """Look at an existing SQLite file read-only before our engine touches it: its first connection
    switches the file to WAL, and the migrations would add our tables to another program's data."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    # Without a -wal file every table is in the file itself: "immutable" reads it without creating a
    # -wal/-shm beside it (a read-only connection to a WAL file would); with one, those exist already.
    wal = path.with_name(path.name + "-wal").exists()
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro{'' if wal else '&immutable=1'}", uri=True)
    except sqlite3.Error:
        return  # what cannot be opened is reported by the engine's own, translated, failure
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
    except sqlite3.Error:
        return  # not a database at all (or damaged): the engine's failure names it
    finally:
        connection.close()
    migrate.check_ours(tables, revision)


# An upgrade or a restore that leaves this share of the file's pages free gives them back (and at least this many).
FREED_SHARE, FREED_PAGES = 0.25, 256


def give_back_freed_space(engine: Engine) -> None:
    """VACUUM an SQLite file that an upgrade (or a restored old backup) left with much of it free: 0028 moved the
    members' photos to a table of their own, and SQLite keeps the pages they left as free pages of the file, which
    every backup then copies (an office with 5,000 photos: about 150 MB). A failure (a full disk: VACUUM needs room
    for a second copy; another program holding the file) is logged and costs nothing but the space."""
    raw = engine.raw_connection()
    try:
        free = raw.execute("PRAGMA freelist_count").fetchone()[0]
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        if free < FREED_PAGES or free < FREED_SHARE * pages:
            return
        log.info("giving back %d free pages of %d", free, pages)
        raw.execute("VACUUM")
        # VACUUM wrote the whole file into the WAL: empty it, or the disk holds the database twice.
        busy, _, _ = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.warning("the WAL stays as large as the database until a reader lets go of it")
    except sqlite3.Error as error:
        log.warning("the freed space stays in the file: %s", error)
    finally:
        raw.close()


def _copy_aside(path: Path, revision: str) -> Path:
    """SQLite's online backup of the whole file; a failed copy is removed, not left half-written."""
    stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.sebelum-migrasi-{revision}-{stamp}{path.suffix}")
    log.info("copying %s to %s before migrating", path, target)
    source = copy = None
    try:
        private_files.create_owner_only(target)
        source, copy = sqlite3.connect(path), sqlite3.connect(target)
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # a standalone file, not a WAL database
    except (sqlite3.Error, OSError) as error:
        for connection in (source, copy):
            if connection is not None:
                connection.close()
        target.unlink(missing_ok=True)
        raise errors.StorageError(
            f"Salinan pengaman sebelum pembaruan basis data tidak dapat dibuat ({error}). "
            "Periksa ruang disk; basis data belum diubah."
        ) from error
    source.close()
    copy.close()
    return target
