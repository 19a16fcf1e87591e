"""Logging in, with lockout after repeated failures, and changing one's own password."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from koperasi.db.models import User
from koperasi.domain.office.credentials import validate_password
from koperasi.domain.dates import format_datetime
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import AuthenticationError, NotFound, ValidationError
from koperasi.domain.roles import Actor, Permission, Role
from koperasi.services.office import audit
from koperasi.services.office import passwords
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
WRONG_CREDENTIALS = "Nama pengguna atau kata sandi salah."


def actor_for(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name, role=Role(user.role))


def login(session: Session, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Check the credentials; the failure count is saved even when login fails."""
    now = now or clock.now()
    name = username.strip().lower()
    with write(session):
        # FOR UPDATE: two PCs failing at once both count (PostgreSQL; SQLite's writes are serial).
        user = session.scalar(select(User).where(User.username == name).with_for_update())
        if user is None:
            audit.record(
                session, None, action=AuditAction.LOGIN_FAILED, entity="user", entity_id=name[:64], username=name[:32]
            )
            failure: AuthenticationError | None = AuthenticationError(WRONG_CREDENTIALS)
        else:
            failure = _check_user(session, user, password, now)
    if failure is not None:
        raise failure
    assert user is not None
    return actor_for(user)


def _check_user(session: Session, user: User, password: str, now: datetime) -> AuthenticationError | None:
    if not user.active:
        audit.record(session, None, action=AuditAction.LOGIN_REFUSED_INACTIVE, entity="user", entity_id=user.id, username=user.username)
        return AuthenticationError("Akun ini sudah dinonaktifkan. Hubungi admin kantor.")
    if user.locked_until is not None and user.locked_until > now:
        return AuthenticationError(_locked_message(user.locked_until))
    if not passwords.verify_password(user.password_hash, password):
        failed = user.failed_logins + 1
        locked_until = now + LOCKOUT if failed >= MAX_FAILED_LOGINS else None
        _save_login_state(session, user, failed_logins=0 if locked_until else failed, locked_until=locked_until)
        audit.record(
            session,
            None,
            action=AuditAction.ACCOUNT_LOCKED if locked_until else AuditAction.LOGIN_FAILED,
            entity="user",
            entity_id=user.id,
            username=user.username,
        )
        if locked_until:
            return AuthenticationError(_locked_message(locked_until))
        left = MAX_FAILED_LOGINS - failed
        return AuthenticationError(f"{WRONG_CREDENTIALS} Sisa {left} kali percobaan sebelum akun dikunci.")
    state: dict[str, object] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
    if passwords.needs_rehash(user.password_hash):
        state["password_hash"] = passwords.hash_password(password)
    _save_login_state(session, user, **state)
    audit.record(session, actor_for(user), action=AuditAction.LOGIN, entity="user", entity_id=user.id)
    return None


def _save_login_state(session: Session, user: User, **values: object) -> None:
    """Login bookkeeping is not an edit of the account: a plain UPDATE leaves ``version``
    alone, so an admin editing the account meanwhile is not told someone else changed it."""
    session.execute(update(User).where(User.id == user.id).values(**values))


def _locked_message(until: datetime) -> str:
    local = until.astimezone()
    return (
        f"Akun dikunci karena {MAX_FAILED_LOGINS} kali salah kata sandi, sampai "
        f"{format_datetime(local)}. Tunggu, atau minta admin mengatur ulang kata sandi."
    )


def change_own_password(session: Session, actor: Actor, *, old_password: str, new_password: str) -> None:
    with write(session):
        authorize(session, actor, Permission.USE_APP)
        user = session.get(User, actor.user_id)
        if user is None or not user.active:
            raise NotFound("Akun Anda tidak ditemukan atau sudah dinonaktifkan.")
        if not passwords.verify_password(user.password_hash, old_password):
            raise ValidationError("Kata sandi lama salah.", field="old_password")
        validate_password(new_password, username=user.username)
        if new_password == old_password:
            raise ValidationError("Kata sandi baru harus berbeda dari yang lama.", field="password")
        user.password_hash = passwords.hash_password(new_password)
        audit.record(session, actor, action=AuditAction.PASSWORD_CHANGED, entity="user", entity_id=user.id)
