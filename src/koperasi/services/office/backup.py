"""Backups of the office database and restoring one (issue 8).

SQLite only: a backup is SQLite's online backup of the live file (safe while clerks keep working),
switched to a standalone rollback-journal file, checked with ``integrity_check``, optionally encrypted
(services/office/backup_crypto.py) and only then given its final name, so a half-written backup never looks
like a finished one. PostgreSQL offices back up with ``pg_dump`` (``pg_dump_command``).

Every backup records a SHA-256 of its content (schema and rows) in its own ``koperasi_backup`` table at
backup time, inside the encryption for encrypted ones, so a file changed since is told apart from a
file that was never ours. A restore checks the chosen file completely (integrity, checksum, and the
doctor's book, number, trigger and audit-chain checks on a migrated temporary copy) before it touches anything, keeps the current database
aside (``<name>.sebelum-pemulihan-<time>.db``), copies the backup into the live file with the backup
API (one transaction: all or nothing), migrates an older schema forward and checks the result; when any
step fails the original is put back.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from koperasi import __version__, paths
from koperasi.db import migrate, private_files
from koperasi.db.database import Database, give_back_freed_space
from koperasi.db.engine import create_database_engine
from koperasi.db.errors import StorageError
from koperasi.db.models import Office
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.backup_names import (
    COUNT_LABELS,
    SUFFIX,
    backup_file_name,
    kept_aside_name,
    parse_backup_name,
)
from koperasi.domain.errors import DomainError
from koperasi.domain.roles import Actor, Permission
from koperasi.domain.office.settings import BACKUP_FOLDER, BACKUP_KEEP
from koperasi.services.office import audit
from koperasi.services.office import automatic_backup_lock
from koperasi.services.office import backup_crypto
from koperasi.services.office import health
from koperasi.services.access import authorize
from koperasi.services.office.backup_crypto import BackupRefused
from koperasi.services.office.settings import value_of
from koperasi.services.transaction import write
from koperasi import clock

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

__all__ = [
    "BackupInfo", "BackupRefused", "automatic_backup", "backup_folder", "backup_keep", "inspect_backup",
    "list_backups", "make_backup", "pg_dump_command", "prune_backups", "restore_backup", "system_backup",
]

# A small table written into the copy only (never into the live database; dropped again on restore).
META_TABLE = "koperasi_backup"
# Pages copied per step of the online backup (4 KiB pages: 16 MiB), so progress moves and writers get turns.
STEP_PAGES = 4096
# Another PC... no: another connection writing between steps restarts the copy; after this many, copy in one step.
_MAX_RESTARTS = 3
_SQLITE_HEADER = b"SQLite format 3\x00"

NOT_A_BACKUP = "Berkas ini bukan cadangan Koperasi Berdaya."
DAMAGED = "Berkas cadangan rusak (pemeriksaan keutuhan gagal) sehingga tidak dapat dipakai. Pakai cadangan lain."
FOREIGN = "Berkas ini basis data SQLite, tetapi bukan basis data Koperasi Berdaya."
CHANGED = (
    "Berkas cadangan rusak atau diubah sejak dibuat: sidik (checksum) isinya tidak cocok dengan yang dicatat "
    "saat pencadangan, sehingga tidak dapat dipakai. Pakai cadangan lain."
)
UNSOUND = "Cadangan ini tidak lolos pemeriksaan (seperti koperasi doctor); tidak ada yang dipulihkan. "
NO_OFFICE = "Cadangan ini berisi basis data Koperasi Berdaya yang belum disiapkan (belum ada kantor); tidak ada yang dipulihkan."
NEWER = (
    "Cadangan ini dibuat oleh versi Koperasi Berdaya yang lebih baru. Pasang versi program terbaru "
    "untuk memulihkannya; data tidak diubah."
)
POSTGRES = (
    "Basis data kantor ini ada di server PostgreSQL; cadangannya dibuat di server dengan pg_dump "
    "(misalnya: pg_dump --format=custom --file=koperasi.dump --dbname=koperasi), bukan dari menu ini. "
    "Minta pengelola server menjadwalkannya setiap hari dan menyimpan salinannya di tempat lain."
)


@dataclass
class BackupInfo:
    path: Path
    office_code: str
    office_name: str
    created_at: datetime  # UTC
    schema_revision: str
    counts: dict[str, int] = field(default_factory=dict)  # empty: not known (encrypted, listed without passphrase)
    encrypted: bool = False
    size_bytes: int = 0

    @property
    def schema_is_current(self) -> bool:
        return self.schema_revision == migrate.head_revision()


# ---------------------------------------------------------------- settings


def backup_folder(session: Session) -> Path:
    """The folder of automatic backups: the office's setting, or ``cadangan`` in the data folder."""
    chosen = value_of(session, BACKUP_FOLDER).strip()
    return Path(chosen).expanduser() if chosen else paths.backups_dir()


def backup_keep(session: Session) -> int:
    return value_of(session, BACKUP_KEEP)


# ---------------------------------------------------------------- making backups


def make_backup(
    session: Session,
    actor: Actor,
    database: Database,
    *,
    folder: Path | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
) -> BackupInfo:
    """"Cadangkan sekarang": a checked copy in ``folder`` (default: the backup folder setting).

    ``passphrase``: encrypt it (at least 8 characters; a lost passphrase means a lost backup).
    ``progress(done, total)`` is called from this thread as the copy proceeds.
    """
    authorize(session, actor, Permission.MAKE_BACKUPS)
    _require_sqlite(database)
    if passphrase:
        passphrase = backup_crypto.check_passphrase(passphrase)
    target = Path(folder) if folder is not None else backup_folder(session)
    office = _the_office(session)
    session.rollback()  # no read transaction held open while copying
    info = _make(database, target, office, passphrase=passphrase or None, progress=progress)
    with write(session):
        audit.record(session, actor, action=AuditAction.BACKUP_MADE, entity="backup", entity_id=info.path.name,
                     after=_audit_after(info, automatic=False))
    return info


def automatic_backup(
    database: Database,
    *,
    folder: Path | None,
    keep: int,
    only_if_older_than: timedelta | None = None,
    asked_passphrase: str | None = None,
) -> BackupInfo | None:
    """The program's own backup (at exit, daily): no user, audited as the system; keeps the newest ``keep``.
    Locked when an admin locked automatic backups (``automatic_backup_lock``): with the passphrase asked at
    start-up (``asked_passphrase``, kept in memory by the program) or the one in this PC's credential store.

    Returns None when there is nothing to do: PostgreSQL, an office not set up yet, or (with
    ``only_if_older_than``) a backup of this office in ``folder`` younger than that. Raises
    ``AutomaticBackupSkipped``, after recording the skip in the audit log, when the backup is locked with a
    passphrase the program does not have (asked at start-up and not given, or a store that cannot give it back):
    never made unlocked instead.
    """
    if not database.is_sqlite:
        return None
    with database.session() as session:
        office = session.scalar(select(Office).limit(1))
        if office is None:
            return None
        office_code = office.code
        target = Path(folder) if folder is not None else backup_folder(session)
    if only_if_older_than is not None:
        newest = _newest_name(target, office_code)
        if newest is not None and clock.local_now() - newest < only_if_older_than:
            return None
    with database.session() as session:
        try:
            passphrase = automatic_backup_lock.locking_passphrase(session, asked_passphrase)
        except automatic_backup_lock.AutomaticBackupSkipped as skipped:
            log.warning("automatic backup skipped: it is locked with a passphrase the program does not have (%s)", skipped.reason)
            with write(session):
                audit.record(session, None, action=AuditAction.BACKUP_SKIPPED, entity="backup", entity_id="automatic",
                             after={"automatic": True, "folder": str(target), "reason": skipped.reason})
            raise
    info = system_backup(database, folder=target, passphrase=passphrase, automatic=True)
    prune_backups(target, keep, office_code=office_code)
    return info


def system_backup(
    database: Database,
    *,
    folder: Path | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    automatic: bool = False,
) -> BackupInfo:
    """A backup made with no one logged in (``koperasi backup``, scheduled tasks, the program at exit):
    audited as the system user. Refuses PostgreSQL (pg_dump) and an office not set up yet."""
    _require_sqlite(database)
    if passphrase:
        passphrase = backup_crypto.check_passphrase(passphrase)
    with database.session() as session:
        office = _the_office(session)
        target = Path(folder) if folder is not None else backup_folder(session)
    info = _make(database, target, office, passphrase=passphrase or None, progress=progress)
    with database.session() as session, write(session):
        audit.record(session, None, action=AuditAction.BACKUP_MADE, entity="backup", entity_id=info.path.name,
                     after=_audit_after(info, automatic=automatic))
    return info


def pg_dump_command(url: URL | str, *, target: Path | None = None) -> list[str] | None:
    """The pg_dump command line for this PostgreSQL database, or None when pg_dump is not on PATH.

    The password is never put on the command line: run it with ``PGPASSWORD`` set (or a pgpass file).
    """
    program = shutil.which("pg_dump")
    if program is None:
        return None
    url = make_url(url) if isinstance(url, str) else url
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    command = [program, "--format=custom", "--no-owner", f"--file={target or Path(f'koperasi-{stamp}.dump')}"]
    if url.host:
        command.append(f"--host={url.host}")
    if url.port:
        command.append(f"--port={url.port}")
    if url.username:
        command.append(f"--username={url.username}")
    command.append(f"--dbname={url.database or 'koperasi'}")
    return command


def _require_sqlite(database: Database) -> None:
    if not database.is_sqlite:
        command = pg_dump_command(database.url)
        hint = f" Di komputer ini perintahnya: {' '.join(command)}" if command else ""
        raise DomainError(POSTGRES + hint)


def _the_office(session: Session) -> tuple[str, str]:
    office = session.scalar(select(Office).limit(1))
    if office is None:
        raise DomainError("Kantor belum disiapkan; belum ada yang perlu dicadangkan.")
    return office.code, office.name


def _audit_after(info: BackupInfo, *, automatic: bool) -> dict[str, object]:
    return {"file": info.path.name, "folder": str(info.path.parent), "size_bytes": info.size_bytes,
            "encrypted": info.encrypted, "automatic": automatic, "schema_revision": info.schema_revision}


def _make(
    database: Database, folder: Path, office: tuple[str, str], *, passphrase: str | None, progress: Progress | None
) -> BackupInfo:
    live = _live_path(database)
    code, name = office
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"Folder cadangan tidak dapat dibuat ({folder}): {_os_reason(error)}") from error
    final = _free_name(folder, code)
    created = clock.now()
    pending = final.with_name(final.name + ".sedang-ditulis")  # not a backup's name: never listed or pruned
    workdir = tempfile.mkdtemp(prefix=".koperasi-cadangan-", dir=live.parent) if passphrase else None
    plain = Path(workdir) / "salinan.db" if workdir else pending
    try:
        pages_total = 0

        def copy_progress(done: int, total: int) -> None:
            nonlocal pages_total
            pages_total = total
            if progress is not None:
                progress(done, total * (2 if passphrase else 1))

        private_files.create_owner_only(pending)
        _online_copy(live, plain, copy_progress)
        with closing(sqlite3.connect(plain, isolation_level=None)) as copy:
            copy.execute("PRAGMA journal_mode = DELETE")  # a standalone file, not a WAL database
            copy.execute(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            copy.executemany(f"INSERT INTO {META_TABLE} VALUES (?, ?)", [
                ("created_at", created.isoformat()), ("program_version", __version__),
                ("office_code", code), ("office_name", name),
            ])
            # Made after the rows above, over everything but this table: restore recomputes it the same way.
            copy.execute(f"INSERT INTO {META_TABLE} VALUES ('content_sha256', ?)", (_content_digest(copy),))
            revision, _, _, counts = _examine(copy)
        if passphrase:
            total_bytes = max(plain.stat().st_size, 1)

            def crypt_progress(done_bytes: int) -> None:
                if progress is not None:
                    progress(pages_total + pages_total * done_bytes // total_bytes, 2 * pages_total)

            meta = {"office_code": code, "office_name": name, "created_at": created.isoformat(),
                    "schema_revision": revision}
            backup_crypto.encrypt_file(plain, pending, passphrase, meta, progress=crypt_progress)
        else:
            _fsync(pending)
        os.replace(pending, final)
        _fsync_folder(folder)
    except BackupRefused as error:  # the fresh copy failed its check: a storage fault, not the user's file
        pending.unlink(missing_ok=True)
        raise StorageError(f"Cadangan gagal diperiksa setelah disalin ({error.message}) dan tidak disimpan.") from error
    except (sqlite3.Error, OSError) as error:
        pending.unlink(missing_ok=True)
        raise StorageError(f"Cadangan gagal dibuat di {folder}: {_reason(error)} Tidak ada berkas cadangan yang tertinggal.") from error
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    finally:
        if workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    if progress is not None:
        progress(1, 1)
    log.info("backup %s made (%d bytes, encrypted=%s)", final, final.stat().st_size, bool(passphrase))
    return BackupInfo(final, code, name, created, revision, counts, bool(passphrase), final.stat().st_size)


def _live_path(database: Database) -> Path:
    _require_sqlite(database)
    return Path(database.url.database or "")


def _free_name(folder: Path, code: str) -> Path:
    now = clock.local_now()
    for number in range(0, 1000):
        candidate = folder / backup_file_name(code, now, number)
        if not candidate.exists() and not candidate.with_name(candidate.name + ".sedang-ditulis").exists():
            return candidate
    raise StorageError(f"Terlalu banyak cadangan dengan waktu yang sama di {folder}.")


class _TooBusy(Exception):
    pass


def _online_copy(source: Path, target: Path, progress: Progress | None) -> None:
    """SQLite's online backup, a step at a time; readers and writers keep working meanwhile.

    A write by another connection between steps makes SQLite restart the copy; when the office is that
    busy, the copy is done in one step instead (a few seconds' wait for writers, then done).
    """
    if not source.is_file():
        raise StorageError(f"Berkas basis data tidak ditemukan: {source}")
    restarts, last_remaining = 0, None

    def on_step(_status: int, remaining: int, total: int) -> None:
        nonlocal restarts, last_remaining
        if last_remaining is not None and remaining > last_remaining:
            restarts += 1
            if restarts > _MAX_RESTARTS:
                raise _TooBusy
        last_remaining = remaining
        if progress is not None:
            progress(total - remaining, total)

    with closing(sqlite3.connect(source, timeout=15)) as src, closing(sqlite3.connect(target)) as dst:
        try:
            src.backup(dst, pages=STEP_PAGES, progress=on_step, sleep=0.05)
        except _TooBusy:
            log.info("online backup of %s restarted %d times; copying in one step", source, restarts)
            src.backup(dst, pages=-1)
        total = src.execute("PRAGMA page_count").fetchone()[0]
        if progress is not None:
            progress(total, total)


def _fsync(path: Path) -> None:
    with path.open("rb+") as file:
        os.fsync(file.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows: os.replace is durable once the file itself was flushed
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# ---------------------------------------------------------------- reading backups


def inspect_backup(path: Path, *, passphrase: str | None = None) -> BackupInfo:
    """What a backup holds, after checking it completely (on a copy; the file itself is only read).

    Refused with a ``BackupRefused`` (a ``DomainError``) when the file is not a backup, damaged,
    encrypted without the right passphrase, changed since it was made, or from a newer program.
    """
    with _checked_copy(Path(path), passphrase) as (_, info):
        return info


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first, read quickly (no integrity check: ``inspect_backup`` does that).

    Files that cannot be read are skipped; encrypted backups are listed from their header, counts unknown.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if not path.name.endswith(SUFFIX) or not path.is_file():
            continue
        try:
            found.append(_quick_info(path))
        except (BackupRefused, sqlite3.Error, OSError, ValueError, KeyError, TypeError) as error:
            log.info("skipping %s in the backup list: %s", path, error)
    return sorted(found, key=lambda info: (info.created_at, info.path.name), reverse=True)


def prune_backups(folder: Path, keep: int, *, office_code: str | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` (at least 1) backups of each office (or of ``office_code`` only).

    Only files named like this program names its backups are considered; anything else stays.
    Returns the deleted paths.
    """
    folder, keep = Path(folder), max(1, keep)
    by_office: dict[str, list[tuple[tuple[datetime, int], Path]]] = {}
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        parsed = parse_backup_name(path.name)
        if parsed is None or not path.is_file() or (office_code and parsed.office_code != office_code):
            continue
        by_office.setdefault(parsed.office_code, []).append((parsed.sort_key, path))
    deleted = []
    for backups in by_office.values():
        backups.sort(reverse=True)
        for _, path in backups[keep:]:
            try:
                path.unlink()
                deleted.append(path)
            except OSError as error:
                log.warning("could not delete old backup %s: %s", path, error)
    return deleted


def _newest_name(folder: Path, office_code: str) -> datetime | None:
    if not folder.is_dir():
        return None
    stamps = [parsed.made_at_local for path in folder.iterdir()
              if (parsed := parse_backup_name(path.name)) is not None and parsed.office_code == office_code]
    return max(stamps, default=None)


def _quick_info(path: Path) -> BackupInfo:
    size = path.stat().st_size
    with path.open("rb") as file:
        start = file.read(len(backup_crypto.MAGIC))
        if start == backup_crypto.MAGIC:
            file.seek(0)
            meta = backup_crypto.read_header(file).meta
            return BackupInfo(path, str(meta["office_code"]), str(meta.get("office_name", "")),
                              _utc(str(meta["created_at"])), str(meta.get("schema_revision", "")), {}, True, size)
    if start != _SQLITE_HEADER:
        raise BackupRefused(NOT_A_BACKUP)
    uri = path.absolute().as_uri() + "?mode=ro&immutable=1"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        revision, office_code, office_name, counts = _examine(connection, check=False)
        meta = _meta(connection)
    return BackupInfo(path, office_code, office_name, _created_at(meta, path), revision, counts, False, size)


@contextmanager
def _checked_copy(
    path: Path, passphrase: str | None, *, workdir: Path | None = None
) -> Iterator[tuple[Path, BackupInfo]]:
    """A plain, checked copy of the backup in a temporary folder, and what it holds."""
    if not path.is_file():
        raise BackupRefused(f"Berkas cadangan tidak ditemukan: {path}")
    with tempfile.TemporaryDirectory(prefix=".koperasi-periksa-", dir=workdir) as temporary:
        copy = Path(temporary) / "cadangan.db"
        try:
            with path.open("rb") as file:
                start = file.read(len(_SQLITE_HEADER))
            encrypted = start == backup_crypto.MAGIC
            if encrypted:
                backup_crypto.decrypt_file(path, copy, passphrase)
            elif start == _SQLITE_HEADER:
                shutil.copyfile(path, copy)
            else:
                raise BackupRefused(NOT_A_BACKUP)
            with closing(sqlite3.connect(copy, isolation_level=None)) as connection:
                connection.execute("PRAGMA journal_mode = DELETE")
                revision, office_code, office_name, counts = _examine(connection)
                meta = _meta(connection)
                # Backups made before checksums (and copies kept aside) have none: the doctor's checks still run.
                if "content_sha256" in meta and meta["content_sha256"] != _content_digest(connection):
                    raise BackupRefused(CHANGED)
            _doctor_the_copy(copy)
        except sqlite3.DatabaseError as error:
            raise BackupRefused(DAMAGED) from error
        except OSError as error:
            raise StorageError(f"Berkas cadangan tidak dapat dibaca ({path}): {_os_reason(error)}") from error
        info = BackupInfo(path, office_code, office_name, _created_at(meta, path), revision, counts, encrypted,
                          path.stat().st_size)
        yield copy, info


def _examine(connection: sqlite3.Connection, *, check: bool = True) -> tuple[str, str, str, dict[str, int]]:
    """(schema revision, office code, office name, counts); refuses what is not a sound Koperasi database."""
    if check:
        result = [row[0] for row in connection.execute("PRAGMA integrity_check(20)")]
        if result != ["ok"]:
            log.warning("backup integrity_check: %s", result)
            raise BackupRefused(DAMAGED)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"alembic_version", "offices"} <= tables:
        raise BackupRefused(FOREIGN)
    revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    if len(revisions) != 1 or not revisions[0]:
        raise BackupRefused(FOREIGN)
    try:
        migrate.check_not_newer(revisions[0])
    except migrate.DatabaseTooNew as error:
        raise BackupRefused(NEWER) from error
    office = connection.execute("SELECT code, name FROM offices LIMIT 1").fetchone()
    if office is None:
        raise BackupRefused(NO_OFFICE)
    counts = {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
              for table in COUNT_LABELS if table in tables}
    return revisions[0], office[0], office[1], counts


def _content_digest(connection: sqlite3.Connection) -> str:
    """SHA-256 over the schema (triggers included) and every row of every table but ``META_TABLE``.

    Rows are read in key order, so the same content gives the same digest whatever SQLite version
    or query plan reads it. Virtual tables are skipped: their shadow tables hold their data.
    """
    digest = hashlib.sha256()
    schema = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE tbl_name <> ? ORDER BY type, name", (META_TABLE,)
    ).fetchall()
    for row in schema:
        digest.update(repr(row).encode())
    for kind, name, _, sql in schema:
        if kind != "table" or name.startswith("sqlite_") or (sql or "").upper().startswith("CREATE VIRTUAL"):
            continue
        digest.update(f"\n{name}\n".encode())
        for row in _rows_in_key_order(connection, name):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def _rows_in_key_order(connection: sqlite3.Connection, table: str) -> Iterator[tuple]:
    try:
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
    except sqlite3.OperationalError:  # a WITHOUT ROWID table: order by every column
        width = len(connection.execute(f'PRAGMA table_info("{table}")').fetchall())
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY {", ".join(str(i) for i in range(1, width + 1))}')


def _meta(connection: sqlite3.Connection) -> dict[str, str]:
    present = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (META_TABLE,)).fetchone()
    return dict(connection.execute(f"SELECT key, value FROM {META_TABLE}").fetchall()) if present else {}


def _created_at(meta: dict[str, str], path: Path) -> datetime:
    """From the backup itself; a plain database file (e.g. a copy kept aside) by its modification time."""
    if "created_at" in meta:
        try:
            return _utc(meta["created_at"])
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _utc(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# ---------------------------------------------------------------- restoring


def restore_backup(
    database: Database,
    backup: Path,
    *,
    passphrase: str | None = None,
    progress: Progress | None = None,
    actor: Actor | None = None,
) -> Path | None:
    """Replace the office database with ``backup``; returns the copy of the database as it was.

    The backup is checked completely first (a refused file changes nothing). ``actor``: the logged-in
    user, who needs Permission.RESTORE_BACKUPS (admin); None for the command line. Close every session
    of ``database`` first: its pooled connections are closed here, and a connection still open elsewhere
    (another window of the program) makes the restore refuse. After it, log the user out: the users
    and everything else are those of the backup. Returns None only when there was no database file yet.
    """
    live = _live_path(database)
    if actor is not None:
        with database.session() as session:
            authorize(session, actor, Permission.RESTORE_BACKUPS)
    backup = Path(backup)
    if live.exists() and backup.exists() and live.resolve() == backup.resolve():
        raise DomainError("Berkas cadangan yang dipilih adalah basis data yang sedang dipakai.")
    live.parent.mkdir(parents=True, exist_ok=True)
    with _checked_copy(backup, passphrase, workdir=live.parent) as (copy, info):
        with closing(sqlite3.connect(copy, isolation_level=None)) as connection:
            connection.execute(f"DROP TABLE IF EXISTS {META_TABLE}")
        database.dispose()
        aside = _keep_aside(live) if live.exists() and live.stat().st_size > 0 else None
        try:
            _replace_contents(copy, live, progress)
        except BaseException:
            if aside is not None:
                aside.unlink(missing_ok=True)  # the live database was not changed: nothing to keep
            raise
        try:
            _finish_restore(database)
        except BaseException as error:
            log.exception("restore of %s failed after the copy; putting the original back", backup)
            database.dispose()
            if aside is not None:
                _replace_contents(aside, live, None)
            if isinstance(error, DomainError):
                raise
            raise StorageError(
                "Pemulihan gagal saat memperbarui atau memeriksa data cadangan; basis data dikembalikan seperti semula."
            ) from error
    with database.session() as session, write(session):
        audit.record(session, None, username=actor.username if actor else None, action=AuditAction.BACKUP_RESTORED,
                     entity="backup", entity_id=backup.name,
                     after={"file": str(backup), "made_at": info.created_at.isoformat(timespec="seconds"),
                            "schema_revision": info.schema_revision, "encrypted": info.encrypted,
                            "kept_aside": str(aside) if aside else ""})
    log.info("restored %s into %s (kept aside: %s)", backup, live, aside)
    return aside


def _doctor_the_copy(copy: Path) -> None:
    """Bring the temporary copy to this program's schema and run the doctor's checks on it.

    Books that do not balance, holes in the numbers, missing triggers or a broken audit chain are
    refused here, before the live database is touched, in the doctor's own words.
    """
    engine = create_database_engine(URL.create("sqlite+pysqlite", database=str(copy)))
    try:
        migrate.upgrade(engine)
        with Session(engine) as session:
            report = health.examine(session)
    except DomainError as error:
        raise BackupRefused(UNSOUND + error.message) from error
    except (sqlite3.Error, SQLAlchemyError, RuntimeError) as error:
        log.exception("the copy of the backup could not be migrated or checked")
        raise BackupRefused(UNSOUND + "Salinannya tidak dapat diperbarui ke versi program ini atau diperiksa.") from error
    finally:
        engine.dispose()
    with closing(sqlite3.connect(copy, isolation_level=None)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")  # the engine switched it to WAL: a standalone file again
    failed = [check for check in report.checks if not check.ok]
    if failed:
        raise BackupRefused(UNSOUND + " ".join(f"{check.name}: {check.detail}." for check in failed))


def _keep_aside(live: Path) -> Path:
    now = clock.local_now()
    target = live.with_name(kept_aside_name(live.stem, live.suffix, now))
    number = 1
    while target.exists():
        number += 1
        target = live.with_name(kept_aside_name(f"{live.stem}-{number}", live.suffix, now))
    try:
        private_files.create_owner_only(target)
        with closing(sqlite3.connect(live, timeout=15)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.DatabaseError:
        # The current file is not even readable as a database (the reason for restoring?): keep its bytes.
        log.warning("keeping %s aside byte for byte: SQLite cannot read it", live)
        target.unlink(missing_ok=True)
        try:
            private_files.create_owner_only(target)
            shutil.copyfile(live, target)
            wal = live.with_name(live.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        except OSError as error:
            target.unlink(missing_ok=True)
            raise StorageError(f"Salinan basis data saat ini tidak dapat dibuat: {_os_reason(error)} Data tidak diubah.") from error
    except OSError as error:
        target.unlink(missing_ok=True)
        raise StorageError(f"Salinan basis data saat ini tidak dapat dibuat: {_os_reason(error)} Data tidak diubah.") from error
    return target


def _replace_contents(source: Path, live: Path, progress: Progress | None) -> None:
    """Copy ``source`` into the live file in one transaction (SQLite rolls back a half-done copy)."""
    try:
        with closing(sqlite3.connect(live, timeout=3, isolation_level=None)) as target:
            try:
                mode = target.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    raise StorageError(
                        "Basis data masih dibuka oleh program lain (jendela Koperasi Berdaya lain atau sebuah perintah). "
                        "Tutup dulu, lalu ulangi pemulihan; data tidak diubah."
                    ) from error
                raise
            if str(mode).lower() != "delete":
                raise StorageError("Basis data masih dibuka oleh program lain. Tutup dulu, lalu ulangi pemulihan; data tidak diubah.")

            def on_step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            with closing(sqlite3.connect(source)) as src:
                src.backup(target, pages=STEP_PAGES, progress=on_step)
    except sqlite3.DatabaseError as error:
        text_ = str(error).lower()
        if "not a database" in text_ or "malformed" in text_:
            _replace_file(source, live)  # the live file is unreadable garbage: swap the whole file
            return
        raise StorageError(f"Data cadangan tidak dapat disalin ke basis data: {_reason(error)} Data tidak diubah.") from error


def _replace_file(source: Path, live: Path) -> None:
    pending = live.with_name(live.name + ".pemulihan")
    try:
        private_files.create_owner_only(pending)
        shutil.copyfile(source, pending)
        _fsync(pending)
        for leftover in (live.with_name(live.name + "-wal"), live.with_name(live.name + "-shm")):
            leftover.unlink(missing_ok=True)
        os.replace(pending, live)
    except OSError as error:
        pending.unlink(missing_ok=True)
        raise StorageError(f"Data cadangan tidak dapat disalin ke basis data: {_os_reason(error)}") from error


def _finish_restore(database: Database) -> None:
    migrate.upgrade(database.engine)
    give_back_freed_space(database.engine)  # a backup from before 0028 brings its members' old photo pages
    with database.engine.connect() as connection:
        result = [row[0] for row in connection.execute(text("PRAGMA integrity_check(20)"))]
        if result != ["ok"]:
            raise StorageError(f"Basis data hasil pemulihan gagal diperiksa ({'; '.join(result)}); dikembalikan seperti semula.")
        if migrate.current_revision(connection) != migrate.head_revision():
            raise StorageError("Basis data hasil pemulihan tidak dapat diperbarui ke versi program ini; dikembalikan seperti semula.")
        if connection.scalar(text("SELECT count(*) FROM offices")) == 0:
            raise BackupRefused(NO_OFFICE)


# ---------------------------------------------------------------- messages


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "ruang disk penuh."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "tidak boleh ditulisi (izin folder, atau flashdisk terkunci)."
    if error.errno == errno.ENOENT:
        return "folder atau berkas tidak ada (flashdisk dicabut?)."
    return f"{error.strerror or error}."


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError):
        return _os_reason(error)
    message = str(error).lower()
    if "full" in message:
        return "ruang disk penuh."
    if "readonly" in message or "read-only" in message:
        return "tujuan hanya bisa dibaca."
    if "i/o" in message:
        return "gagal menulis ke disk (flashdisk dicabut?)."
    if "unable to open" in message:
        return "berkas tidak dapat dibuka atau dibuat di sana."
    return f"{error}."
