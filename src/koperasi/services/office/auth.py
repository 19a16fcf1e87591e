"""Logging in, with lockout after repeated failures, and changing one's own password.

Two brakes on guessing: the lockout of one account after MAX_FAILED_LOGINS wrong passwords (counted in
the database, so on every PC), and on this PC a wait that doubles with each failure in a row, whatever
the name typed, so that trying names and passwords at the counter soon becomes slow. An unknown name is
answered exactly as a wrong password, and as slowly (a dummy hash is verified), so the answer does not
tell which names exist.
"""

from __future__ import annotations

import threading
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
# Failures in a row on this PC before it makes the next try wait, and the longest wait.
FREE_FAILURES = 2
LONGEST_WAIT = timedelta(minutes=2)


class LoginThrottle:
    """This PC's failures in a row (one program runs per PC): after FREE_FAILURES, each further
    try waits 2, 4, 8 ... seconds (up to LONGEST_WAIT) after the last failure; a login resets it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.failures = 0
        self.last_failure: datetime | None = None

    def wait_left(self, now: datetime) -> timedelta:
        with self._lock:
            if self.failures < FREE_FAILURES or self.last_failure is None:
                return timedelta(0)
            wait = min(timedelta(seconds=2 ** (self.failures - FREE_FAILURES + 1)), LONGEST_WAIT)
            return max(self.last_failure + wait - now, timedelta(0))

    def failed(self, now: datetime) -> None:
        with self._lock:
            self.failures += 1
            self.last_failure = now

    def reset(self) -> None:
        with self._lock:
            self.failures, self.last_failure = 0, None


throttle = LoginThrottle()
_dummy_hash: str | None = None


def _verify_for_nobody(password: str) -> None:
    """Spend the time a real account's check takes, so an unknown name is not answered faster."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = passwords.hash_password("tidak-ada-akun-ini")
    passwords.verify_password(_dummy_hash, password)


def actor_for(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name, role=Role(user.role))


def login(session: Session, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """Check the credentials; the failure count is saved even when login fails."""
    now = now or clock.now()
    name = username.strip().lower()
    wait = throttle.wait_left(now)
    if wait > timedelta(0):
        seconds = max(1, round(wait.total_seconds()))
        raise AuthenticationError(f"Terlalu banyak percobaan gagal di komputer ini. Tunggu {seconds} detik lalu coba lagi.")
    with write(session):
        # FOR UPDATE: two PCs failing at once both count (PostgreSQL; SQLite's writes are serial).
        user = session.scalar(select(User).where(User.username == name).with_for_update())
        if user is None:
            _verify_for_nobody(password)
            audit.record(
                session, None, action=AuditAction.LOGIN_FAILED, entity="user", entity_id=name[:64], username=name[:32]
            )
            failure: AuthenticationError | None = AuthenticationError(WRONG_CREDENTIALS)
        else:
            failure = _check_user(session, user, password, now)
    if failure is not None:
        throttle.failed(now)
        raise failure
    assert user is not None
    throttle.reset()
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
        # No count of tries left: it would be said for real accounts only, and so name them.
        return AuthenticationError(WRONG_CREDENTIALS)
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
