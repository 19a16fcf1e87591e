"""Backups and restore (issue 8): online copies while clerks write, encryption, refusals that change
nothing, an older schema brought forward, the current database kept aside, pruning."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import URL, make_url

from koperasi.db import migrate
from koperasi.db.database import Database, open_database
from koperasi.db.engine import create_database_engine
from koperasi.db.errors import StorageError
from koperasi.db.models import AuditEvent
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.office.backup_names import SUFFIX, backup_file_name, parse_backup_name
from koperasi.domain.errors import DomainError, PermissionDenied
from koperasi.domain.roles import Role
from koperasi.services.office import auth
from koperasi.services.office import backup
from koperasi.services.office import backup_crypto
from koperasi.demo import office as demo
from koperasi.services.office import users
from tests.backup_support import change_one_byte_of_a_journal_amount

PASSPHRASE = "kunci rahasia kantor"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    """The real cost (2^17) takes half a second a derivation; the format stores the cost, so tests lower it."""
    monkeypatch.setattr(backup_crypto, "SCRYPT_LOG2_N", 12)


@pytest.fixture(scope="module")
def _demo_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("backup-template") / "koperasi.db"
    database = open_database(URL.create("sqlite+pysqlite", database=str(path)))
    with database.session() as session:
        demo.fill(session, members=30, loans=6, sales=15)
    database.dispose()
    return path


@pytest.fixture
def office_db(_demo_template, tmp_path):
    path = tmp_path / "kantor" / "koperasi.db"
    path.parent.mkdir()
    with closing(sqlite3.connect(_demo_template)) as source, closing(sqlite3.connect(path)) as target:
        source.backup(target)
    database = open_database(URL.create("sqlite+pysqlite", database=str(path)))
    yield database
    database.dispose()


@pytest.fixture
def admin(office_db):
    with office_db.session() as session:
        return auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD)


def _backup(database: Database, actor, folder: Path, **options) -> backup.BackupInfo:
    with database.session() as session:
        return backup.make_backup(session, actor, database, folder=folder, **options)


def _counts(database: Database) -> dict[str, int]:
    with closing(sqlite3.connect(database.url.database)) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("members", "loans", "sales", "users", "journal_entries", "audit_events")}


def _fingerprint(database: Database) -> str:
    """Everything the live database holds, as a hash (readers do not change it)."""
    with closing(sqlite3.connect(database.url.database)) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


def _add_user(database: Database, actor) -> None:
    with database.session() as session:
        users.create_user(session, actor, username=f"baru{uuid.uuid4().hex[:6]}", full_name="Pengguna Baru",
                          role=Role.CLERK, password="rahasia-123")


def test_a_backup_while_another_connection_holds_a_write_transaction_is_whole_and_checked(office_db, admin, tmp_path):
    writer = sqlite3.connect(office_db.url.database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE offices SET address = 'belum disimpan'")
    progress = []

    def on_progress(done: int, total: int) -> None:
        progress.append((done, total))
        if done == total and writer.in_transaction:  # copied: let the clerk finish, so the audit event can be written
            writer.execute("ROLLBACK")

    try:
        info = _backup(office_db, admin, tmp_path / "usb", progress=on_progress)
    finally:
        writer.close()
    assert info.path.parent == tmp_path / "usb" and info.path.name.startswith("SRL-") and info.path.name.endswith(SUFFIX)
    assert parse_backup_name(info.path.name).office_code == "SRL"
    assert [p.name for p in info.path.parent.iterdir()] == [info.path.name]  # nothing half-written left beside it
    assert progress and progress[-1][0] == progress[-1][1]
    with closing(sqlite3.connect(info.path)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert copy.execute("SELECT address FROM offices").fetchone()[0] != "belum disimpan"
    assert info.counts["members"] == 30 and info.counts["loans"] == 6 and info.counts["sales"] > 0
    assert not info.encrypted and info.size_bytes == info.path.stat().st_size and info.schema_revision == migrate.head_revision()
    with office_db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.action == AuditAction.BACKUP_MADE and event.username == "admin" and event.entity_id == info.path.name


def test_a_restored_backup_has_the_same_counts_and_the_current_database_is_kept_aside(office_db, admin, tmp_path):
    info = _backup(office_db, admin, tmp_path / "usb")
    _add_user(office_db, admin)
    before_restore = _counts(office_db)
    assert before_restore["users"] == info.counts["users"] + 1

    aside = backup.restore_backup(office_db, info.path, actor=admin)

    after = _counts(office_db)
    assert {k: v for k, v in after.items() if k != "audit_events"} == {
        k: info.counts[k] for k in after if k != "audit_events"}
    assert after["audit_events"] == info.counts["audit_events"] + 1  # + "Data dipulihkan dari cadangan"
    assert aside.parent == Path(office_db.url.database).parent and ".sebelum-pemulihan-" in aside.name
    assert backup.inspect_backup(aside).counts["users"] == before_restore["users"]  # the old data, restorable too
    with office_db.session() as session:  # the same Database object keeps working
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert event.action == AuditAction.BACKUP_RESTORED and event.username == "admin"
        assert auth.login(session, demo.DEMO_ADMIN, demo.DEMO_PASSWORD).username == "admin"
    with closing(sqlite3.connect(office_db.url.database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute(f"SELECT count(*) FROM sqlite_master WHERE name = '{backup.META_TABLE}'").fetchone()[0] == 0


def test_encrypted_round_trip_and_the_refusals(office_db, admin, tmp_path):
    info = _backup(office_db, admin, tmp_path / "usb", passphrase=PASSPHRASE)
    data = info.path.read_bytes()
    assert info.encrypted and data.startswith(backup_crypto.MAGIC) and b"SQLite format 3" not in data
    assert b"Admin Kantor" not in data  # the records are not readable without the passphrase

    listed = backup.list_backups(tmp_path / "usb")
    assert [(b.path, b.encrypted, b.counts, b.office_code) for b in listed] == [(info.path, True, {}, "SRL")]
    with pytest.raises(backup.BackupRefused, match="dikunci dengan kata sandi"):
        backup.inspect_backup(info.path)
    with pytest.raises(backup.BackupRefused, match="Kata sandi cadangan salah"):
        backup.inspect_backup(info.path, passphrase="kunci rahasia kantoR")
    assert backup.inspect_backup(info.path, passphrase=PASSPHRASE).counts == info.counts

    _add_user(office_db, admin)
    backup.restore_backup(office_db, info.path, passphrase=PASSPHRASE)
    assert _counts(office_db)["users"] == info.counts["users"]


def test_a_short_passphrase_is_refused_before_anything_is_written(office_db, admin, tmp_path):
    with pytest.raises(DomainError, match="paling sedikit 8"):
        _backup(office_db, admin, tmp_path / "usb", passphrase="pendek")
    assert not (tmp_path / "usb").exists()


@pytest.mark.parametrize("where", ["body", "header", "salt", "key check", "end", "cut"])
def test_one_changed_byte_or_a_cut_file_is_refused_and_nothing_changes(office_db, admin, tmp_path, where):
    """Reported as a damaged file, never as a wrong passphrase: a changed salt or key-check byte too."""
    info = _backup(office_db, admin, tmp_path / "usb", passphrase=PASSPHRASE)
    data = bytearray(info.path.read_bytes())
    if where == "cut":
        data = data[: len(data) - 5000]
    else:
        index = {"body": len(data) // 2, "header": 80, "salt": 30, "key check": 45, "end": len(data) - 1}[where]
        data[index] ^= 0x01
    info.path.write_bytes(bytes(data))
    before = _fingerprint(office_db)
    with pytest.raises(backup.BackupRefused, match="rusak atau diubah"):
        backup.restore_backup(office_db, info.path, passphrase=PASSPHRASE)
    assert _fingerprint(office_db) == before
    assert not list(Path(office_db.url.database).parent.glob("*sebelum-pemulihan*"))


def _foreign_sqlite(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE catatan (isi TEXT)")
        connection.execute("INSERT INTO catatan VALUES ('bukan koperasi')")
        connection.commit()
    return path


@pytest.mark.parametrize("kind, message", [
    ("random", "bukan cadangan Koperasi Berdaya"),
    ("foreign", "bukan basis data Koperasi Berdaya"),
    ("truncated", "rusak"),
    ("empty", "bukan cadangan"),
    ("newer", "versi Koperasi Berdaya yang lebih baru"),
    ("missing", "tidak ditemukan"),
])
def test_files_that_are_not_sound_backups_are_refused_and_the_live_database_is_untouched(
    office_db, admin, tmp_path, kind, message
):
    bad = tmp_path / f"x{SUFFIX}"
    if kind == "random":
        bad.write_bytes(bytes(range(256)) * 64)
    elif kind == "foreign":
        _foreign_sqlite(bad)
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind in ("truncated", "newer"):
        good = _backup(office_db, admin, tmp_path / "usb").path
        if kind == "truncated":
            bad.write_bytes(good.read_bytes()[: good.stat().st_size * 2 // 3])
        else:
            shutil.copyfile(good, bad)
            with closing(sqlite3.connect(bad)) as connection:
                connection.execute("UPDATE alembic_version SET version_num = '9999'")
                connection.commit()
    before = _fingerprint(office_db)
    with pytest.raises(DomainError, match=message):
        backup.inspect_backup(bad)
    with pytest.raises(DomainError, match=message):
        backup.restore_backup(office_db, bad)
    assert _fingerprint(office_db) == before
    assert not list(Path(office_db.url.database).parent.glob("*sebelum-pemulihan*"))
    assert [info.path for info in backup.list_backups(tmp_path)] == []  # unreadable files are left out of the list


def _older_programs_backup(tmp_path: Path) -> Path:
    """A database as the program at revision 0003 left it, with its office."""
    old = tmp_path / "lama.db"
    engine = create_database_engine(URL.create("sqlite+pysqlite", database=str(old)))
    migrate.upgrade(engine, "0003")
    engine.dispose()
    with closing(sqlite3.connect(old)) as connection:
        connection.execute(
            "INSERT INTO offices (id, code, name, address, phone, chair_name, treasurer_name, created_at, version) "
            "VALUES (?, 'LAMA', 'Koperasi Lama', '', '', '', '', '2025-01-01 00:00:00.000000', 1)", (uuid.uuid4().hex,))
        connection.commit()
    return old


def test_a_backup_from_an_older_program_is_restored_and_brought_to_the_current_schema(office_db, tmp_path):
    old = _older_programs_backup(tmp_path)
    info = backup.inspect_backup(old)
    assert info.schema_revision == "0003" and not info.schema_is_current and "loans" not in info.counts

    aside = backup.restore_backup(office_db, old)

    assert aside is not None and aside.exists()
    with closing(sqlite3.connect(office_db.url.database)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
        assert connection.execute("SELECT code FROM offices").fetchall() == [("LAMA",)]
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_restored_backup_with_much_of_it_free_gives_the_space_back(office_db, tmp_path):
    """As a backup from before 0028 does, its members' photos since moved to their own table: the restored file
    does not carry the dead pages on into every later backup."""
    old = _older_programs_backup(tmp_path)
    with closing(sqlite3.connect(old)) as connection:
        connection.execute("CREATE TABLE old_pictures (picture BLOB)")
        connection.executemany("INSERT INTO old_pictures VALUES (randomblob(100000))", [()] * 40)
        connection.commit()
        connection.execute("DROP TABLE old_pictures")
        connection.commit()
        assert connection.execute("PRAGMA freelist_count").fetchone()[0] > 900

    backup.restore_backup(office_db, old)

    with closing(sqlite3.connect(office_db.url.database)) as connection:
        assert connection.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert connection.execute("SELECT code FROM offices").fetchall() == [("LAMA",)]
    assert Path(office_db.url.database).stat().st_size < 3_000_000


def test_a_failed_migration_after_the_copy_puts_the_original_back(office_db, tmp_path, monkeypatch):
    old = _older_programs_backup(tmp_path)
    before = _fingerprint(office_db)

    real_upgrade = migrate.upgrade

    def broken_upgrade(engine, target="head"):
        if engine.url.database == office_db.url.database:  # the checked temporary copy migrates; the live one fails
            raise RuntimeError("migration bug")
        return real_upgrade(engine, target)

    monkeypatch.setattr(migrate, "upgrade", broken_upgrade)
    with pytest.raises(StorageError, match="dikembalikan seperti semula"):
        backup.restore_backup(office_db, old)
    assert _fingerprint(office_db) == before


def test_a_backup_that_fails_half_way_leaves_no_file_under_a_backups_name(office_db, admin, tmp_path, monkeypatch):
    def disk_full(plain, target, *args, **kwargs):
        target.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_crypto, "encrypt_file", disk_full)
    with pytest.raises(StorageError, match="ruang disk penuh"):
        _backup(office_db, admin, tmp_path / "usb", passphrase=PASSPHRASE)
    assert list((tmp_path / "usb").iterdir()) == []
    assert not list(Path(office_db.url.database).parent.glob(".koperasi-*"))  # the plain working copy is gone too


def test_prune_keeps_the_newest_n_of_each_office_and_nothing_else(tmp_path):
    from datetime import datetime

    folder = tmp_path / "cadangan"
    folder.mkdir()
    names = [backup_file_name(code, datetime(2026, 1, day, 17, 0, 0)) for code in ("SRL", "PAU") for day in range(1, 6)]
    names.append(backup_file_name("SRL", datetime(2026, 1, 5, 17, 0, 0), 1))  # same second, newer
    others = ["catatan.txt", "SRL-lama.koperasi-backup", "koperasi.db"]
    for name in names + others:
        (folder / name).write_bytes(b"x")

    deleted = backup.prune_backups(folder, 2, office_code="SRL")
    assert sorted(p.name for p in deleted) == sorted(backup_file_name("SRL", datetime(2026, 1, d, 17, 0, 0)) for d in (1, 2, 3, 4))
    kept = sorted(p.name for p in folder.iterdir())
    assert backup_file_name("SRL", datetime(2026, 1, 5, 17, 0, 0), 1) in kept and all(o in kept for o in others)
    assert len([n for n in kept if n.startswith("PAU-")]) == 5

    backup.prune_backups(folder, 3)  # every office: its own newest 3
    assert len([n for n in folder.iterdir() if n.name.startswith("PAU-2")]) == 3
    assert backup.prune_backups(folder, 0) and len([n for n in folder.iterdir() if n.name.startswith("PAU-2")]) == 1


def test_automatic_backup_is_made_by_the_system_pruned_and_skipped_while_recent(office_db, tmp_path):
    folder = tmp_path / "otomatis"
    first = backup.automatic_backup(office_db, folder=folder, keep=2)
    second = backup.automatic_backup(office_db, folder=folder, keep=2)
    third = backup.automatic_backup(office_db, folder=folder, keep=2)
    assert first and second and third
    assert sorted(p.name for p in folder.iterdir()) == sorted([second.path.name, third.path.name])
    assert backup.automatic_backup(office_db, folder=folder, keep=2, only_if_older_than=timedelta(days=1)) is None
    assert [b.path for b in backup.list_backups(folder)] == [third.path, second.path]
    with office_db.session() as session:
        event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.action == AuditAction.BACKUP_MADE and event.username == "sistem" and event.user_id is None
    assert event.after["automatic"] is True


def test_the_default_folder_is_cadangan_in_the_data_folder(office_db, _data_dir):
    with office_db.session() as session:
        assert backup.backup_folder(session) == _data_dir / "cadangan"
        assert backup.backup_keep(session) == 10


def test_restore_needs_the_restore_permission_and_postgres_is_told_to_use_pg_dump(office_db, admin, tmp_path):
    info = _backup(office_db, admin, tmp_path / "usb")
    with office_db.session() as session:
        view = users.create_user(session, admin, username="bendahara2", full_name="Bendahara", role=Role.TREASURER,
                                 password="rahasia-123")
    from koperasi.domain.roles import Actor

    treasurer = Actor(view.id, view.username, view.full_name, view.role)
    with pytest.raises(PermissionDenied):
        backup.restore_backup(office_db, info.path, actor=treasurer)
    assert _backup(office_db, treasurer, tmp_path / "usb").path.exists()  # but may make one

    server = Database(url=make_url("postgresql+psycopg://kantor@server/koperasi"), engine=None, sessions=None)
    with office_db.session() as session, pytest.raises(DomainError, match="pg_dump"):
        backup.make_backup(session, admin, server)
    with pytest.raises(DomainError, match="pg_dump"):
        backup.restore_backup(server, info.path)
    assert backup.automatic_backup(server, folder=tmp_path, keep=3) is None
    command = backup.pg_dump_command("postgresql+psycopg://kantor:rahasia@server:5433/koperasi", target=tmp_path / "k.dump")
    if shutil.which("pg_dump"):
        assert command[1:] == ["--format=custom", "--no-owner", f"--file={tmp_path / 'k.dump'}", "--host=server",
                               "--port=5433", "--username=kantor", "--dbname=koperasi"]
        assert not any("rahasia" in part for part in command)
    else:
        assert command is None


def test_the_real_scrypt_cost_is_written_and_read(tmp_path, monkeypatch):
    monkeypatch.setattr(backup_crypto, "SCRYPT_LOG2_N", 17)
    plain = tmp_path / "a.bin"
    plain.write_bytes(b"x" * (backup_crypto.CHUNK_SIZE + 10))
    sealed, opened = tmp_path / "a.enc", tmp_path / "a.out"
    backup_crypto.encrypt_file(plain, sealed, PASSPHRASE, {"office_code": "SRL"})
    with sealed.open("rb") as file:
        assert backup_crypto.read_header(file).log2_n == 17
    backup_crypto.decrypt_file(sealed, opened, PASSPHRASE)
    assert opened.read_bytes() == plain.read_bytes()
    # Two chunks: dropping the whole last one is noticed too, not only a cut inside it.
    sealed.write_bytes(sealed.read_bytes()[: -(10 + 16)])
    with pytest.raises(backup.BackupRefused, match="rusak atau diubah"):
        backup_crypto.decrypt_file(sealed, opened, PASSPHRASE)


@pytest.fixture
def _usual_umask():
    import os

    previous = os.umask(0o022)  # the common default: files readable by every account on the PC
    yield
    os.umask(previous)


@pytest.mark.skipif(__import__("os").name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_backups_and_the_copy_kept_aside_are_readable_by_their_owner_only(office_db, admin, tmp_path, _usual_umask, passphrase):
    info = _backup(office_db, admin, tmp_path / "usb", passphrase=passphrase)
    assert info.path.stat().st_mode & 0o777 == 0o600
    aside = backup.restore_backup(office_db, info.path, passphrase=passphrase)
    assert aside is not None and aside.stat().st_mode & 0o777 == 0o600
    assert Path(office_db.url.database).stat().st_mode & 0o777 == 0o600


def test_an_encrypted_backup_of_format_1_without_the_header_digest_still_opens(tmp_path, monkeypatch):
    plain = tmp_path / "a.bin"
    plain.write_bytes(b"isi basis data" * 1000)
    sealed, opened = tmp_path / "a.enc", tmp_path / "a.out"
    current = backup_crypto.FORMAT_VERSION
    monkeypatch.setattr(backup_crypto, "FORMAT_VERSION", 1)  # as the program wrote them before issue 18
    backup_crypto.encrypt_file(plain, sealed, PASSPHRASE, {"office_code": "SRL"})
    monkeypatch.setattr(backup_crypto, "FORMAT_VERSION", current)
    assert backup_crypto.decrypt_file(sealed, opened, PASSPHRASE).version == 1
    assert opened.read_bytes() == plain.read_bytes()
    with pytest.raises(backup.BackupRefused, match="Kata sandi cadangan salah"):
        backup_crypto.decrypt_file(sealed, opened, "kata sandi lain")


def test_a_plain_backup_with_one_changed_journal_byte_is_refused_as_changed_not_as_foreign(office_db, admin, tmp_path):
    info = _backup(office_db, admin, tmp_path / "usb")
    change_one_byte_of_a_journal_amount(info.path)
    with closing(sqlite3.connect(info.path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"  # SQLite itself sees nothing
    before = _fingerprint(office_db)

    with pytest.raises(backup.BackupRefused) as refused:
        backup.restore_backup(office_db, info.path)

    assert refused.value.message == backup.CHANGED
    assert "bukan basis data Koperasi" not in refused.value.message
    assert _fingerprint(office_db) == before
    assert not list(Path(office_db.url.database).parent.glob("*sebelum-pemulihan*"))


def test_a_database_copy_without_checksum_whose_books_do_not_balance_is_refused_in_the_doctors_words(
    office_db, admin, tmp_path
):
    copy = tmp_path / "salinan.db"
    with closing(sqlite3.connect(office_db.url.database)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    change_one_byte_of_a_journal_amount(copy)
    before = _fingerprint(office_db)

    with pytest.raises(backup.BackupRefused, match="Pembukuan: 1 jurnal tidak seimbang"):
        backup.restore_backup(office_db, copy)
    assert _fingerprint(office_db) == before


def test_a_database_copy_whose_audit_log_was_emptied_behind_its_trigger_is_refused(office_db, admin, tmp_path):
    copy = tmp_path / "salinan.db"
    with closing(sqlite3.connect(office_db.url.database)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    with closing(sqlite3.connect(copy)) as connection:
        connection.execute("DROP TRIGGER audit_events_no_delete")
        connection.execute("DELETE FROM audit_events WHERE id = (SELECT min(id) FROM audit_events)")
        connection.commit()

    with pytest.raises(backup.BackupRefused, match="Catatan audit terkunci: pemicu hilang.*Rantai catatan audit: mata rantai"):
        backup.restore_backup(office_db, copy)


def test_every_backup_records_a_checksum_of_its_content(office_db, admin, tmp_path):
    info = _backup(office_db, admin, tmp_path / "usb")
    with closing(sqlite3.connect(info.path)) as connection:
        meta = dict(connection.execute(f"SELECT key, value FROM {backup.META_TABLE}").fetchall())
    assert len(meta["content_sha256"]) == 64
    assert backup.inspect_backup(info.path).counts == info.counts  # a good backup still passes
