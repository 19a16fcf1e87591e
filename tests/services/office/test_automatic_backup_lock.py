"""Automatic backups locked with a passphrase kept in the PC's credential store, or asked at start-up on a PC
without one (issue 18 item 6)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyring.backends import fail
from keyring.errors import KeyringError
from sqlalchemy import select

from koperasi.db.models import AppSetting, AuditEvent
from koperasi.domain.errors import DomainError, ValidationError
from koperasi.services.office import automatic_backup_lock as lock
from koperasi.services.office import backup, backup_crypto
from koperasi.services.office.backup_crypto import BackupRefused
from koperasi.domain.roles import Role
from tests.support import add_staff, set_up_office

PASSPHRASE = "kunci-otomatis-7"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(backup_crypto, "SCRYPT_LOG2_N", 12)


@pytest.fixture
def office(sqlite_db):
    return sqlite_db, set_up_office(sqlite_db)


def _lock(database, actor, passphrase=PASSPHRASE):
    with database.session() as session:
        lock.lock_automatic_backups(session, actor, passphrase)


def test_once_an_admin_sets_a_passphrase_automatic_backups_are_locked_with_it(office, tmp_path, _memory_keyring):
    database, admin = office
    before = backup.automatic_backup(database, folder=tmp_path, keep=5)
    assert not before.encrypted and _state(database) is lock.Lock.NONE
    _lock(database, admin)
    after = backup.automatic_backup(database, folder=tmp_path, keep=5)
    assert after.encrypted and _state(database) is lock.Lock.STORED
    assert backup.inspect_backup(after.path, passphrase=PASSPHRASE).office_code == "PAU"
    with pytest.raises(BackupRefused):
        backup.inspect_backup(after.path)
    # Kept in the credential store, under the database file; not in the database nor in its audit event.
    assert list(_memory_keyring.passwords.values()) == [PASSPHRASE]
    assert PASSPHRASE.encode() not in database.url.database.encode() and PASSPHRASE.encode() not in _bytes(database)
    with database.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == lock.SETTING_KEY)).one()
    assert event.after == {"locked": True, "store": "penyimpanan uji"} and event.username == "admin"


def test_unlocking_makes_the_next_automatic_backup_plain_again(office, tmp_path, _memory_keyring):
    database, admin = office
    _lock(database, admin)
    with database.session() as session:
        lock.unlock_automatic_backups(session, admin)
        lock.unlock_automatic_backups(session, admin)  # twice: nothing left to remove is no error
    assert _memory_keyring.passwords == {}
    assert not backup.automatic_backup(database, folder=tmp_path, keep=5).encrypted


@pytest.fixture
def no_store(monkeypatch):
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    assert lock.store_name() is None


def test_without_a_credential_store_the_database_keeps_a_verifier_never_the_passphrase(office, no_store):
    database, admin = office
    _lock(database, admin)
    assert _state(database) is lock.Lock.ASKED
    with database.session() as session:
        verifier = session.get(AppSetting, lock.VERIFIER_KEY).value
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == lock.SETTING_KEY)).one()
        assert lock.check_asked_passphrase(session, admin, PASSPHRASE) == PASSPHRASE
    assert verifier.startswith("scrypt$12$8$1$") and PASSPHRASE not in verifier
    assert event.after == {"locked": True, "asked_at_start_up": True}
    assert PASSPHRASE.encode() not in _bytes(database)


def test_the_passphrase_asked_at_start_up_must_be_the_one_the_admin_set(office, no_store):
    database, admin = office
    clerk = add_staff(database, admin, "kasir", Role.TREASURER)
    with database.session() as session, pytest.raises(DomainError, match="tidak dikunci"):
        lock.check_asked_passphrase(session, clerk, PASSPHRASE)
    _lock(database, admin)
    with database.session() as session:
        for wrong in ("kunci-otomatis-8", "", "sandi\0kosong", "sandi-\ud800-x"):
            with pytest.raises(ValidationError, match="salah"):
                lock.check_asked_passphrase(session, clerk, wrong)
        assert lock.check_asked_passphrase(session, clerk, PASSPHRASE) == PASSPHRASE  # whoever may make backups


def test_a_locked_automatic_backup_is_made_with_the_passphrase_given_at_start_up(office, tmp_path, no_store):
    database, admin = office
    _lock(database, admin)
    made = backup.automatic_backup(database, folder=tmp_path, keep=5, asked_passphrase=PASSPHRASE)
    assert made.encrypted and backup.inspect_backup(made.path, passphrase=PASSPHRASE).office_code == "PAU"


def test_when_nobody_gives_the_passphrase_the_automatic_backup_is_skipped_not_made_unlocked(office, tmp_path, no_store):
    database, admin = office
    folder = tmp_path / "cadangan"
    _lock(database, admin)
    with pytest.raises(lock.AutomaticBackupSkipped, match="dilewati.*tidak dibuat tanpa kunci"):
        backup.automatic_backup(database, folder=folder, keep=5)
    with pytest.raises(lock.AutomaticBackupSkipped, match="sudah diganti"):  # typed before the admin changed it
        backup.automatic_backup(database, folder=folder, keep=5, asked_passphrase="kunci-lama-123")
    assert not folder.exists() or list(folder.iterdir()) == []
    with database.session() as session:
        skips = session.scalars(select(AuditEvent).where(AuditEvent.action == "backup_skipped").order_by(AuditEvent.id)).all()
    assert [(event.username, event.entity, event.after["reason"]) for event in skips] == [
        ("sistem", "backup", "no passphrase"), ("sistem", "backup", "passphrase changed")]
    # Not due: nothing to skip, nothing recorded.
    backup.automatic_backup(database, folder=folder, keep=5, asked_passphrase=PASSPHRASE)
    assert backup.automatic_backup(database, folder=folder, keep=5, only_if_older_than=timedelta(days=1)) is None
    with database.session() as session:
        assert len(session.scalars(select(AuditEvent).where(AuditEvent.action == "backup_skipped")).all()) == 2


def test_unlocking_removes_the_verifier_and_backups_are_made_unlocked_again(office, tmp_path, no_store):
    database, admin = office
    _lock(database, admin)
    with database.session() as session:
        lock.unlock_automatic_backups(session, admin)
        assert session.get(AppSetting, lock.VERIFIER_KEY) is None
    assert _state(database) is lock.Lock.NONE
    assert not backup.automatic_backup(database, folder=tmp_path, keep=5).encrypted


def test_a_damaged_verifier_is_said_in_words(office, no_store):
    database, admin = office
    _lock(database, admin)
    with database.session() as session:
        session.get(AppSetting, lock.VERIFIER_KEY).value = "scrypt$40$8$1$00$00"
        session.commit()
        with pytest.raises(DomainError, match="rusak"):
            lock.check_asked_passphrase(session, admin, PASSPHRASE)


def test_locking_with_a_store_replaces_a_lock_asked_at_start_up(office, tmp_path, monkeypatch, _memory_keyring):
    import keyring.core

    database, admin = office
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    _lock(database, admin, "kunci-lama-123")
    monkeypatch.setattr(keyring.core, "_keyring_backend", _memory_keyring)
    assert _state(database) is lock.Lock.ASKED  # the verifier comes first: asked even where a store is
    _lock(database, admin)
    assert _state(database) is lock.Lock.STORED
    assert backup.automatic_backup(database, folder=tmp_path, keep=5).encrypted


def test_a_store_that_cannot_be_read_skips_the_backup_rather_than_make_it_unlocked(office, tmp_path, _memory_keyring,
                                                                                   monkeypatch):
    database, admin = office
    folder = tmp_path / "cadangan"
    _lock(database, admin)

    def broken(service, username):
        raise KeyringError("terkunci")

    monkeypatch.setattr(_memory_keyring, "get_password", broken)
    assert _state(database) is lock.Lock.STORED  # the mark says so, whatever the store answers
    with pytest.raises(lock.AutomaticBackupSkipped, match="penyimpanan uji.*tidak dapat dibaca"):
        backup.automatic_backup(database, folder=folder, keep=5)
    assert not folder.exists() or list(folder.iterdir()) == []
    with database.session() as session:
        skip = session.scalars(select(AuditEvent).where(AuditEvent.action == "backup_skipped")).one()
    assert skip.after["reason"] == "store unreadable"


def test_a_database_moved_to_a_pc_without_its_passphrase_is_not_backed_up_unlocked(office, tmp_path, _memory_keyring):
    database, admin = office
    _lock(database, admin)
    _memory_keyring.passwords.clear()  # another PC's store: the database came, the passphrase did not
    with pytest.raises(lock.AutomaticBackupSkipped):
        backup.automatic_backup(database, folder=tmp_path, keep=5)
    _lock(database, admin)  # the admin locks again on this PC
    assert backup.automatic_backup(database, folder=tmp_path, keep=5).encrypted


def test_a_lock_made_before_the_mark_existed_still_locks_its_backups(office, tmp_path, _memory_keyring):
    database, admin = office
    _lock(database, admin)
    with database.session() as session:
        session.delete(session.get(AppSetting, lock.STORED_MARK_KEY))
        session.commit()
    assert _state(database) is lock.Lock.STORED
    assert backup.automatic_backup(database, folder=tmp_path, keep=5).encrypted


def test_unlocking_and_locking_at_start_up_remove_the_mark(office, _memory_keyring, monkeypatch):
    import keyring.core

    database, admin = office
    _lock(database, admin)
    with database.session() as session:
        assert session.get(AppSetting, lock.STORED_MARK_KEY).value == "penyimpanan uji"
        lock.unlock_automatic_backups(session, admin)
        assert session.get(AppSetting, lock.STORED_MARK_KEY) is None
    _lock(database, admin)
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    _lock(database, admin)
    with database.session() as session:
        assert session.get(AppSetting, lock.STORED_MARK_KEY) is None
    assert _state(database) is lock.Lock.ASKED


@pytest.mark.parametrize(
    ("passphrase", "said"),
    [("pendek", "paling sedikit"), ("x" * 257, "paling banyak 256"), ("sandi\0kosong", "NUL"), ("sandi-\ud800-x", "tidak dapat disimpan")],
)
def test_a_passphrase_the_store_or_the_backup_cannot_take_is_refused(office, _memory_keyring, passphrase, said):
    database, admin = office
    with pytest.raises(ValidationError, match=said):
        _lock(database, admin, passphrase)
    assert _memory_keyring.passwords == {}


def test_on_postgresql_there_are_no_automatic_backups_to_lock(db, admin):
    if db.is_sqlite:
        pytest.skip("the PostgreSQL case")
    with db.session() as session, pytest.raises(ValidationError, match="pg_dump"):
        lock.lock_automatic_backups(session, admin, PASSPHRASE)


def _state(database) -> lock.Lock:
    with database.session() as session:
        return lock.lock_state(session)


def _bytes(database) -> bytes:
    from pathlib import Path

    database.dispose()  # everything checkpointed into the file
    path = Path(database.url.database)
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
