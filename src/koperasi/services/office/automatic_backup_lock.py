"""The passphrase that locks automatic backups, kept in this PC's credential store.

Automatic backups are made with nobody at the keyboard (at start-up once a day, at exit), so their
passphrase has to be on the PC. It is kept in the operating system's credential store (Windows Credential
Manager; the macOS Keychain; the Secret Service of a Linux desktop) through the ``keyring`` library, under
the database file's path: never in the database, a setting or a file beside them, so a copied database or
backup folder does not carry its own key. Where the PC has no credential store (a Linux without a desktop
keyring), the lock cannot be set and automatic backups stay unlocked; Tentang says which.

Asking for the passphrase at every start-up was the other way; it was not taken: the backup at exit and a
clerk who does not know it would both be stuck, and a passphrase typed daily at the counter is soon a
passphrase written on the monitor.

Only an admin (the one who restores, ``RESTORE_BACKUPS``) may set or remove it: a backup locked with a
passphrase the admin does not know is a lost backup.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office.backup_crypto import check_passphrase
from koperasi.services.transaction import write

log = logging.getLogger(__name__)

SERVICE = "Koperasi Berdaya: cadangan otomatis"
SETTING_KEY = "automatic_backup_passphrase"  # the audit events' entity id; the value is never recorded
# Windows Credential Manager holds at most 2,560 bytes (UTF-16: 1,280 characters); far more than anyone types.
MAX_STORED_PASSPHRASE = 256


# keyring is imported where it is used: loading it and finding the PC's store takes a second or more, which the
# program's start-up (Beranda imports the backup service) should not pay; the automatic backup runs on its own thread.


def store_name() -> str | None:
    """The credential store of this PC, in words, or None when there is none to keep a passphrase in."""
    import keyring
    from keyring.backends import fail, null

    try:
        store = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is "no store", not a crash
        log.exception("no credential store could be loaded")
        return None
    if isinstance(store, fail.Keyring | null.Keyring):
        return None
    return str(getattr(store, "name", type(store).__name__))


def automatic_passphrase(url: URL) -> str | None:
    """The passphrase for this SQLite database's automatic backups; None when none is set or it cannot be
    read (then the backup is made unlocked rather than not at all, and the log says why)."""
    import keyring
    from keyring.errors import KeyringError

    key = _key(url)
    if key is None or store_name() is None:
        return None
    try:
        return keyring.get_password(SERVICE, key)
    except KeyringError:
        log.exception("the automatic backups' passphrase could not be read: this backup is made unlocked")
        return None


def automatic_backups_locked(url: URL) -> bool:
    return automatic_passphrase(url) is not None


def lock_automatic_backups(session: Session, actor: Actor, passphrase: str) -> None:
    """Lock this database's automatic backups from now on with ``passphrase`` (kept in the credential store)."""
    import keyring
    from keyring.errors import KeyringError

    with write(session):
        authorize(session, actor, Permission.RESTORE_BACKUPS)
        key = _required_key(session)
        name = store_name()
        if name is None:
            raise DomainError(
                "Komputer ini tidak punya penyimpanan kata sandi (misalnya Windows Credential Manager), jadi "
                "cadangan otomatis tidak dapat dikunci. Kunci cadangan lewat Berkas → Cadangkan sekarang."
            )
        if not isinstance(passphrase, str):
            raise ValidationError("Kata sandi cadangan harus berupa teks.", field="passphrase")
        passphrase = _storable(check_passphrase(passphrase))
        audit.record(session, actor, action=AuditAction.SETTING_CHANGED, entity="setting", entity_id=SETTING_KEY,
                     after={"locked": True, "store": name})
        try:
            keyring.set_password(SERVICE, key, passphrase)
        except KeyringError as error:
            log.exception("the automatic backups' passphrase could not be stored")
            raise DomainError(f"Kata sandi tidak dapat disimpan di {name}: {error}") from error


def unlock_automatic_backups(session: Session, actor: Actor) -> None:
    """Automatic backups of this database are made unlocked again; the stored passphrase is removed."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with write(session):
        authorize(session, actor, Permission.RESTORE_BACKUPS)
        key = _required_key(session)
        audit.record(session, actor, action=AuditAction.SETTING_CHANGED, entity="setting", entity_id=SETTING_KEY,
                     after={"locked": False})
        if store_name() is None:
            return
        try:
            keyring.delete_password(SERVICE, key)
        except PasswordDeleteError:
            pass  # none was set: unlocked already
        except KeyringError as error:
            log.exception("the automatic backups' passphrase could not be removed")
            raise DomainError(f"Kata sandi tidak dapat dihapus: {error}") from error


def _storable(passphrase: str) -> str:
    if len(passphrase) > MAX_STORED_PASSPHRASE:
        raise ValidationError(f"Kata sandi cadangan otomatis paling banyak {MAX_STORED_PASSPHRASE} karakter.", field="passphrase")
    if "\0" in passphrase:
        raise ValidationError("Kata sandi cadangan tidak boleh berisi karakter kosong (NUL).", field="passphrase")
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError("Kata sandi cadangan berisi karakter yang tidak dapat disimpan.", field="passphrase") from None
    return passphrase


def _required_key(session: Session) -> str:
    key = _key(session.get_bind().url)
    if key is None:
        raise ValidationError("Cadangan otomatis hanya dibuat untuk basis data SQLite; di PostgreSQL pakai pg_dump.")
    return key


def _key(url: URL) -> str | None:
    """The database file, resolved: one passphrase per database on this PC, found again whatever path opened it."""
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return str(Path(url.database).resolve())
