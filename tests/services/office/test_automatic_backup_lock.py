"""Automatic backups locked with a passphrase kept in the PC's credential store (issue 18 item 6)."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from keyring.errors import KeyringError
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.errors import DomainError, ValidationError
from koperasi.services.office import automatic_backup_lock as lock
from koperasi.services.office import backup, backup_crypto
from koperasi.services.office.backup_crypto import BackupRefused
from tests.support import set_up_office

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
    assert not before.encrypted and not lock.automatic_backups_locked(database.url)
    _lock(database, admin)
    after = backup.automatic_backup(database, folder=tmp_path, keep=5)
    assert after.encrypted and lock.automatic_backups_locked(database.url)
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


def test_without_a_credential_store_the_lock_is_refused_in_words_and_backups_go_on(office, tmp_path, monkeypatch):
    import keyring.core

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    database, admin = office
    assert lock.store_name() is None
    with pytest.raises(DomainError, match="tidak punya penyimpanan kata sandi"):
        _lock(database, admin)
    assert not backup.automatic_backup(database, folder=tmp_path, keep=5).encrypted
    with database.session() as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.entity_id == lock.SETTING_KEY)).all() == []


def test_a_store_that_cannot_be_read_still_gets_a_backup_made_unlocked(office, tmp_path, _memory_keyring, monkeypatch):
    database, admin = office
    _lock(database, admin)

    def broken(service, username):
        raise KeyringError("terkunci")

    monkeypatch.setattr(_memory_keyring, "get_password", broken)
    assert not backup.automatic_backup(database, folder=tmp_path, keep=5).encrypted


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


def _bytes(database) -> bytes:
    from pathlib import Path

    database.dispose()  # everything checkpointed into the file
    path = Path(database.url.database)
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
