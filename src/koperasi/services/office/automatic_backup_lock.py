"""The passphrase that locks automatic backups: kept in this PC's credential store, or asked at start-up.

Automatic backups are made with nobody at the keyboard (at start-up once a day, at exit), so their
passphrase has to be on the PC. Where the PC has a credential store (Windows Credential Manager; the macOS
Keychain; the Secret Service of a Linux desktop) it is kept there through the ``keyring`` library, under
the database file's path: never in the database, a setting or a file beside them, so a copied database or
backup folder does not carry its own key.

Where the PC has none (a Linux without a desktop keyring), the passphrase is asked at start-up instead: the
database keeps only a verifier (``backup_crypto.make_verifier``: scrypt's key-check bytes, the same a locked
backup's header carries, never the passphrase) in the app setting ``automatic_backup_verifier``, the first
user after log-in who may make backups types it once, and the program keeps it in memory until it exits.
When nobody types it, an automatic backup that is due is skipped, never made unlocked: locked is what the
admin decided, and an unlocked copy in the backup folder would undo it without anyone deciding so. The skip
is recorded in the audit log (``backup_skipped``, by the system) as well as the program's log: the days
without a backup are then in the record an auditor reads, and Beranda shows the skip until a backup is made.
The verifier comes first: with it in the database, the passphrase is asked even on a PC whose store
holds an older one.

A lock kept in the store is marked in the database too (the app setting ``automatic_backup_stored_lock``,
holding the store's name, never the passphrase): when the store cannot give the passphrase back (locked,
broken, or a database moved to another PC), the backup is skipped and audited like an unasked lock, not made
unlocked. Databases locked before the mark existed keep working, unmarked: their backups take the stored
passphrase when it can be read.

Only an admin (the one who restores, ``RESTORE_BACKUPS``) may set or remove the lock: a backup locked with
a passphrase the admin does not know is a lost backup.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from koperasi.db.models import AppSetting
from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.roles import Actor, Permission
from koperasi.services.access import authorize
from koperasi.services.office import audit
from koperasi.services.office.backup_crypto import check_passphrase, make_verifier, matches_verifier
from koperasi.services.transaction import write

log = logging.getLogger(__name__)

SERVICE = "Koperasi Berdaya: cadangan otomatis"
SETTING_KEY = "automatic_backup_passphrase"  # the audit events' entity id; the value is never recorded
VERIFIER_KEY = "automatic_backup_verifier"  # the app setting holding the verifier of a passphrase asked at start-up
STORED_MARK_KEY = "automatic_backup_stored_lock"  # the app setting naming the store a lock's passphrase is kept in
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


class Lock(StrEnum):
    NONE = "none"  # automatic backups are made unlocked
    STORED = "stored"  # locked with the passphrase in this PC's credential store
    ASKED = "asked"  # locked with a passphrase asked at start-up; skipped while nobody gave it


class AutomaticBackupSkipped(DomainError):
    """A due automatic backup was not made: it is locked with a passphrase the program does not have (asked at
    start-up and not given, or kept in a store that cannot give it back). ``reason`` goes to the audit event."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def lock_state(session: Session) -> Lock:
    if verifier(session) is not None:
        return Lock.ASKED
    if stored_mark(session) is not None:
        return Lock.STORED
    return Lock.NONE if automatic_passphrase(session.get_bind().url) is None else Lock.STORED


def stored_mark(session: Session) -> str | None:
    """The name of the store holding this database's lock, as it was when the admin locked; None when unmarked."""
    row = session.get(AppSetting, STORED_MARK_KEY)
    return None if row is None else row.value


def locking_passphrase(session: Session, given: str | None) -> str | None:
    """The passphrase a due automatic backup is locked with; None when it is made unlocked. Raises
    AutomaticBackupSkipped when it is locked with a passphrase the program cannot have now."""
    if verifier(session) is not None:
        return asked_passphrase(session, given)
    store = stored_mark(session)
    passphrase = automatic_passphrase(session.get_bind().url)
    if store is not None and passphrase is None:
        raise AutomaticBackupSkipped(
            f"Cadangan otomatis dilewati: cadangan dikunci dengan kata sandi yang disimpan di {store}, dan kata sandinya "
            "tidak dapat dibaca di komputer ini. Cadangan tidak dibuat tanpa kunci; buat cadangan terkunci lewat "
            "Berkas → Cadangkan sekarang, dan minta admin mengunci cadangan otomatis lagi di komputer ini.",
            reason="store unreadable")
    return passphrase


def verifier(session: Session) -> str | None:
    """The verifier of the passphrase asked at start-up; None when automatic backups are not locked that way.
    A database read only (no credential store): cheap enough for the program's start-up."""
    row = session.get(AppSetting, VERIFIER_KEY)
    return None if row is None else row.value


def check_asked_passphrase(session: Session, actor: Actor, passphrase: str) -> str:
    """The passphrase typed at start-up, as automatic backups use it; refused when it is not the one the
    admin set. The caller keeps it in memory only."""
    authorize(session, actor, Permission.MAKE_BACKUPS)
    if not isinstance(passphrase, str):
        raise ValidationError("Kata sandi cadangan harus berupa teks.", field="passphrase")
    kept = verifier(session)
    if kept is None:
        raise DomainError("Cadangan otomatis tidak dikunci dengan kata sandi yang diminta saat program dibuka.")
    if "\0" in passphrase or not matches_verifier(passphrase, kept):
        log.warning("a wrong passphrase for the automatic backups was typed by %s", actor.username)
        raise ValidationError(
            "Kata sandi cadangan otomatis salah. Periksa huruf besar/kecil lalu coba lagi; bila tidak tahu, tanyakan admin "
            "atau lewati.", field="passphrase")
    return check_passphrase(passphrase)


def asked_passphrase(session: Session, given: str | None) -> str | None:
    """For an automatic backup that is due: the passphrase to lock it with when it is locked with one asked at
    start-up (``given``, checked again: an admin may have changed it since it was typed); None when it is not
    locked that way. Raises AutomaticBackupSkipped when it is and ``given`` is missing or no longer right."""
    kept = verifier(session)
    if kept is None:
        return None
    if given is None:
        raise AutomaticBackupSkipped(
            "Cadangan otomatis dilewati: cadangan dikunci dengan kata sandi yang diminta saat program dibuka, dan "
            "kata sandinya belum dimasukkan. Cadangan tidak dibuat tanpa kunci; buat cadangan terkunci lewat "
            "Berkas → Cadangkan sekarang, atau masukkan kata sandinya saat masuk berikutnya.",
            reason="no passphrase")
    if not matches_verifier(given, kept):
        raise AutomaticBackupSkipped(
            "Cadangan otomatis dilewati: kata sandi cadangan otomatis sudah diganti admin sejak dimasukkan. "
            "Masukkan kata sandi yang baru saat masuk berikutnya.",
            reason="passphrase changed")
    return check_passphrase(given)


def lock_automatic_backups(session: Session, actor: Actor, passphrase: str) -> None:
    """Lock this database's automatic backups from now on with ``passphrase``: kept in the credential store, or,
    on a PC without one, asked at start-up (the database keeps its verifier)."""
    import keyring
    from keyring.errors import KeyringError

    with write(session):
        authorize(session, actor, Permission.RESTORE_BACKUPS)
        key = _required_key(session)
        if not isinstance(passphrase, str):
            raise ValidationError("Kata sandi cadangan harus berupa teks.", field="passphrase")
        passphrase = _storable(check_passphrase(passphrase))
        name = store_name()
        if name is None:
            _set_setting(session, STORED_MARK_KEY, None)
            _set_setting(session, VERIFIER_KEY, make_verifier(passphrase))
            audit.record(session, actor, action=AuditAction.SETTING_CHANGED, entity="setting", entity_id=SETTING_KEY,
                         after={"locked": True, "asked_at_start_up": True})
            return
        _set_setting(session, VERIFIER_KEY, None)
        _set_setting(session, STORED_MARK_KEY, name)
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
        _set_setting(session, VERIFIER_KEY, None)
        _set_setting(session, STORED_MARK_KEY, None)
        if store_name() is None:
            return
        try:
            keyring.delete_password(SERVICE, key)
        except PasswordDeleteError:
            pass  # none was set: unlocked already
        except KeyringError as error:
            log.exception("the automatic backups' passphrase could not be removed")
            raise DomainError(f"Kata sandi tidak dapat dihapus: {error}") from error


def _set_setting(session: Session, key: str, value: str | None) -> None:
    row = session.get(AppSetting, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value
    session.flush()


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
