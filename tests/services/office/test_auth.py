from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.errors import AuthenticationError, ValidationError
from koperasi.domain.roles import Role
from koperasi.services.office import auth
from koperasi.services.office import users
from koperasi import clock
from tests.support import TEST_PASSWORD, add_staff


def _login(db, username="admin", password=TEST_PASSWORD, now=None):
    with db.session() as session:
        return auth.login(session, username, password, now=now)


def test_login_returns_the_actor_case_insensitively(db, admin):
    actor = _login(db, "  ADMIN ")
    assert actor.user_id == admin.user_id and actor.role is Role.ADMIN


def test_login_refuses_wrong_password_and_unknown_user_without_saying_which_was_wrong(db, admin):
    with pytest.raises(AuthenticationError, match="^Nama pengguna atau kata sandi salah. Sisa 4 kali"):
        _login(db, "admin", "salah-sandi")
    with pytest.raises(AuthenticationError, match="^Nama pengguna atau kata sandi salah.$"):
        _login(db, "tidakada", TEST_PASSWORD)


def test_login_locks_the_account_after_five_failures_then_unlocks_after_the_wait(db, admin):
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    for attempt in range(1, 5):
        with pytest.raises(AuthenticationError, match=f"Sisa {5 - attempt} kali"):
            _login(db, password="salah", now=start)
    with pytest.raises(AuthenticationError, match="Akun dikunci"):
        _login(db, password="salah", now=start)
    # The right password does not open a locked account...
    with pytest.raises(AuthenticationError, match="Akun dikunci"):
        _login(db, now=start + timedelta(minutes=14))
    # ...until the lockout has passed.
    assert _login(db, now=start + timedelta(minutes=16)).username == "admin"
    with db.session() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.username == "admin")).all()
    assert actions.count("login_failed") == 4 and "account_locked" in actions and actions[-1] == "login"


def test_admin_password_reset_lifts_a_lockout(db, admin):
    clerk = add_staff(db, admin, "siti", Role.CLERK)
    now = clock.now()
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            _login(db, "siti", "salah", now=now)
    with db.session() as session:
        users.reset_password(session, admin, clerk.user_id, new_password="sandi-baru-1")
    assert _login(db, "siti", "sandi-baru-1").user_id == clerk.user_id


def test_login_refuses_a_deactivated_account(db, admin):
    clerk = add_staff(db, admin, "siti", Role.CLERK)
    with db.session() as session:
        version = next(u for u in users.list_users(session, admin) if u.id == clerk.user_id).version
        users.set_active(session, admin, clerk.user_id, active=False, expected_version=version)
    with pytest.raises(AuthenticationError, match="dinonaktifkan"):
        _login(db, "siti")


def test_change_own_password_checks_the_old_one(db, admin):
    with db.session() as session:
        with pytest.raises(ValidationError, match="Kata sandi lama salah"):
            auth.change_own_password(session, admin, old_password="keliru", new_password="baru-sekali-1")
        auth.change_own_password(session, admin, old_password=TEST_PASSWORD, new_password="baru-sekali-1")
    assert _login(db, password="baru-sekali-1").username == "admin"
    with pytest.raises(AuthenticationError):
        _login(db)


def test_login_upgrades_an_outdated_password_hash(db, admin, monkeypatch):
    from argon2 import PasswordHasher

    from koperasi.db.models import User
    from koperasi.services.office import passwords

    monkeypatch.setattr(passwords, "hasher", PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1))
    _login(db)
    with db.session() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "admin"))
    assert "m=2048,t=2" in stored


def test_logging_in_is_not_an_edit_of_the_account(db, admin):
    """An admin who opened a clerk's account before the clerk logged in can still save it."""
    clerk = add_staff(db, admin, "siti", Role.CLERK)
    with db.session() as session:
        opened = next(u for u in users.list_users(session, admin) if u.id == clerk.user_id)
    with pytest.raises(AuthenticationError):
        _login(db, "siti", "salah")
    _login(db, "siti")
    with db.session() as session:
        saved = users.update_user(session, admin, clerk.user_id, full_name="Siti A.", role=Role.CLERK, expected_version=opened.version)
    assert saved.full_name == "Siti A."


def test_an_absurdly_long_user_name_is_just_a_wrong_login(db, admin):
    with pytest.raises(AuthenticationError, match="^Nama pengguna atau kata sandi salah.$"):
        _login(db, "x" * 500)
