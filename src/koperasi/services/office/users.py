"""User accounts, managed by the admin."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from koperasi.db.models import User
from koperasi.domain.office.credentials import normalize_username, validate_full_name, validate_password
from koperasi.domain.office.audit import AuditAction
from koperasi.domain.errors import ConflictError, NotFound, ValidationError
from koperasi.domain.roles import Actor, Permission, Role
from koperasi.services.office import audit
from koperasi.services.office import passwords
from koperasi.services.access import authorize
from koperasi.services.transaction import write
from koperasi import clock


@dataclass(frozen=True, slots=True)
class UserView:
    id: uuid.UUID
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    version: int

    def is_locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or clock.now())


def view(user: User) -> UserView:
    return UserView(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        active=user.active,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
        version=user.version,
    )


def snapshot(user: User) -> dict[str, object]:
    """What the audit keeps of a user: never the password hash."""
    return {"username": user.username, "full_name": user.full_name, "role": user.role, "active": user.active}


def list_users(session: Session, actor: Actor) -> list[UserView]:
    authorize(session, actor, Permission.MANAGE_USERS)
    return [view(user) for user in session.scalars(select(User).order_by(User.username))]


def add_user(session: Session, *, username: str, full_name: str, role: Role, password: str, actor: Actor | None) -> User:
    """Validate and add a user to the caller's transaction (shared with first-run setup)."""
    name = normalize_username(username)
    full = validate_full_name(full_name)
    validate_password(password, username=name)
    if session.scalar(select(func.count()).select_from(User).where(User.username == name)):
        raise ConflictError(f"Nama pengguna '{name}' sudah dipakai. Pilih nama lain.")
    now = clock.now()
    user = User(
        username=name,
        full_name=full,
        role=Role(role).value,
        password_hash=passwords.hash_password(password),
        active=True,
        failed_logins=0,
        created_at=now,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, action=AuditAction.USER_CREATED, entity="user", entity_id=user.id, after=snapshot(user))
    return user


def create_user(session: Session, actor: Actor, *, username: str, full_name: str, role: Role, password: str) -> UserView:
    with write(session):
        authorize(session, actor, Permission.MANAGE_USERS)
        return view(add_user(session, username=username, full_name=full_name, role=role, password=password, actor=actor))


def update_user(
    session: Session, actor: Actor, user_id: uuid.UUID, *, full_name: str, role: Role, expected_version: int
) -> UserView:
    with write(session):
        authorize(session, actor, Permission.MANAGE_USERS)
        user = _get_current(session, user_id, expected_version)
        before = snapshot(user)
        full = validate_full_name(full_name)
        new_role = Role(role)
        if user.role == Role.ADMIN and new_role != Role.ADMIN:
            _keep_an_admin(session, user)
        user.full_name = full
        user.role = new_role.value
        audit.record(session, actor, action=AuditAction.USER_UPDATED, entity="user", entity_id=user.id, before=before, after=snapshot(user))
        session.flush()
        return view(user)


def reset_password(session: Session, actor: Actor, user_id: uuid.UUID, *, new_password: str) -> UserView:
    """Set a new password and lift any lockout (the admin has checked who is asking)."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_USERS)
        user = _get(session, user_id)
        validate_password(new_password, username=user.username)
        user.password_hash = passwords.hash_password(new_password)
        user.failed_logins = 0
        user.locked_until = None
        audit.record(session, actor, action=AuditAction.PASSWORD_RESET, entity="user", entity_id=user.id)
        session.flush()
        return view(user)


def set_active(session: Session, actor: Actor, user_id: uuid.UUID, *, active: bool, expected_version: int) -> UserView:
    """Deactivate instead of delete: the audit log keeps pointing at the account."""
    with write(session):
        authorize(session, actor, Permission.MANAGE_USERS)
        user = _get_current(session, user_id, expected_version)
        if not active and user.id == actor.user_id:
            raise ValidationError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
        before = snapshot(user)
        user.active = active
        audit.record(
            session,
            actor,
            action=AuditAction.USER_ACTIVATED if active else AuditAction.USER_DEACTIVATED,
            entity="user",
            entity_id=user.id,
            before=before,
            after=snapshot(user),
        )
        session.flush()
        return view(user)


def _get(session: Session, user_id: uuid.UUID) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Pengguna tidak ditemukan.")
    return user


def _get_current(session: Session, user_id: uuid.UUID, expected_version: int) -> User:
    user = _get(session, user_id)
    if user.version != expected_version:
        raise ConflictError(
            f"Akun '{user.username}' sudah diubah oleh pengguna lain. Muat ulang lalu ulangi perubahan Anda."
        )
    return user


def _keep_an_admin(session: Session, leaving: User) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMIN.value, User.active.is_(True), User.id != leaving.id)
    )
    if not others:
        raise ValidationError("Harus ada paling sedikit satu admin aktif.")
