"""Logging in, with brakes on guessing that nobody at the counter can turn into a lockout, and changing
one's own password.

Two brakes, both answered alike for every name typed, real or not:

- on this PC, a wait that doubles with each failure in a row, whatever the name (2, 4 ... 120 s);
- per name, counted in the database so on every PC: after MAX_FAILED_LOGINS wrong passwords in a row,
  each further wrong one holds that name for NAME_HOLD, during which its password is not checked.
  NAME_HOLD is shorter than this PC's longest wait, so one stranger at one PC cannot keep a name held:
  the real user, at another PC or after the stranger has gone, is through within NAME_HOLD (and this
  PC's wait). A real account counts in ``users.failed_logins``/``locked_until``; a name that belongs to
  nobody counts its ``login_failed`` audit events, so its answers are the same.

Every answer that looks at a name costs one Argon2 verification (of a dummy hash when there is no
password to check), so the time does not tell which names exist either. Why not a lockout: see
docs/robustness.md, "Login".
"""

from __future__ import annotations

import math
import threading
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from koperasi.db.models import AuditEvent, User
from koperasi.domain.office.credentials import validate_password
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import AuthenticationError, NotFound, ValidationError
from koperasi.domain.roles import Actor, Permission, Role
from koperasi.services.office import audit
from koperasi.services.office import passwords
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock

MAX_FAILED_LOGINS = 5
# Shorter than LONGEST_WAIT on purpose (see the module's docstring).
NAME_HOLD = timedelta(minutes=1)
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


def login(session: Session, username: str, password: str) -> Actor:
    """Check the credentials; the failure count is saved even when login fails."""
    now = clock.now()
    name = username.strip().lower()
    wait = throttle.wait_left(now)
    if wait > timedelta(0):
        raise AuthenticationError(
            f"Terlalu banyak percobaan gagal di komputer ini. Tunggu {_seconds(wait)} detik lalu coba lagi."
        )
    with write(session):
        # FOR UPDATE: two PCs failing at once both count (PostgreSQL; SQLite's writes are serial).
        user = session.scalar(select(User).where(User.username == name).with_for_update())
        if user is None:
            failure: AuthenticationError | None = _check_nobody(session, name, password, now)
        else:
            failure = _check_user(session, user, password, now)
    if failure is not None:
        throttle.failed(now)
        raise failure
    assert user is not None
    throttle.reset()
    return actor_for(user)


def _check_nobody(session: Session, name: str, password: str, now: datetime) -> AuthenticationError:
    """A name that belongs to no account: held and refused exactly as a real one would be."""
    _verify_for_nobody(password)
    failures, last = session.execute(
        select(func.count(), func.max(AuditEvent.occurred_at)).where(
            AuditEvent.entity == "user",
            AuditEvent.entity_id == name[:64],
            AuditEvent.action == AuditAction.LOGIN_FAILED.value,
            AuditEvent.user_id.is_(None),
        )
    ).one()
    if failures >= MAX_FAILED_LOGINS and last is not None and last + NAME_HOLD > now:
        return _held(last + NAME_HOLD - now)
    audit.record(session, None, action=AuditAction.LOGIN_FAILED, entity="user", entity_id=name[:64], username=name[:32])
    return AuthenticationError(WRONG_CREDENTIALS)


def _check_user(session: Session, user: User, password: str, now: datetime) -> AuthenticationError | None:
    if user.locked_until is not None and user.locked_until > now:
        _verify_for_nobody(password)  # the held answer takes as long as any other
        return _held(user.locked_until - now)
    if not passwords.verify_password(user.password_hash, password):
        failed = user.failed_logins + 1
        held_until = now + NAME_HOLD if failed >= MAX_FAILED_LOGINS else None
        _save_login_state(session, user, failed_logins=failed, locked_until=held_until)
        audit.record(
            session,
            None,
            action=AuditAction.ACCOUNT_LOCKED if held_until else AuditAction.LOGIN_FAILED,
            entity="user",
            entity_id=user.id,
            username=user.username,
        )
        # No count of tries left and no word of a hold yet: either would be said for real accounts only.
        return AuthenticationError(WRONG_CREDENTIALS)
    if not user.active:
        # Said only to whoever knows the password: to anyone else a retired name is like no name.
        audit.record(session, None, action=AuditAction.LOGIN_REFUSED_INACTIVE, entity="user", entity_id=user.id, username=user.username)
        return AuthenticationError("Akun ini sudah dinonaktifkan. Hubungi admin kantor.")
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


def _seconds(wait: timedelta) -> int:
    return max(1, math.ceil(wait.total_seconds()))


def _held(wait: timedelta) -> AuthenticationError:
    return AuthenticationError(
        f"Terlalu banyak kata sandi salah untuk nama pengguna ini. Tunggu {_seconds(wait)} detik lalu coba lagi, "
        "atau minta admin mengatur ulang kata sandi."
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
