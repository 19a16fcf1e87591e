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


@pytest.fixture(autouse=True)
def _stopped_clock(monkeypatch):
    """A login given ``now`` happens exactly then, audit events included: a pinned clock would run on
    by the milliseconds each login takes, and the waits said are whole seconds rounded up."""
    running = clock.now
    monkeypatch.setattr(clock, "now", lambda: _stopped_at or running())
    yield
    _stop(None)


_stopped_at = None


def _stop(moment):
    global _stopped_at
    _stopped_at = moment


def _login(db, username="admin", password=TEST_PASSWORD, now=None):
    if now is not None:
        _stop(now)
    with db.session() as session:
        return auth.login(session, username, password)


def test_login_returns_the_actor_case_insensitively(db, admin):
    actor = _login(db, "  ADMIN ")
    assert actor.user_id == admin.user_id and actor.role is Role.ADMIN


def test_login_refuses_wrong_password_and_unknown_user_alike(db, admin):
    """The same words for both, and no count of tries left: that was said for real accounts only."""
    answers = []
    for username in ("admin", "tidakada"):
        auth.throttle.reset()
        with pytest.raises(AuthenticationError) as refused:
            _login(db, username, "salah-sandi")
        answers.append(refused.value.message)
    assert answers == ["Nama pengguna atau kata sandi salah."] * 2


def test_an_unknown_user_is_answered_as_slowly_as_a_known_one(db, admin, monkeypatch):
    """Timing without a stopwatch: an unknown name costs one Argon2 verification, as a real one does."""
    from koperasi.services.office import passwords

    verified = []
    real_verify = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda hashed, given: verified.append(hashed) or real_verify(hashed, given))
    for username in ("admin", "tidakada", "orang-lain"):
        auth.throttle.reset()
        with pytest.raises(AuthenticationError):
            _login(db, username, "salah-sandi")
    assert len(verified) == 3 and all(hashed.startswith("$argon2id$") for hashed in verified)


def test_failures_in_a_row_on_this_pc_make_the_next_try_wait_longer_and_longer(db, admin):
    """Whatever name is typed; the account's own count is untouched by the refused tries."""
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    for name in ("budi", "sari"):
        with pytest.raises(AuthenticationError, match="salah"):
            _login(db, name, "salah", now=start)
    waits = []
    moment = start
    for _ in range(4):
        with pytest.raises(AuthenticationError, match="Tunggu") as refused:
            _login(db, "admin", TEST_PASSWORD, now=moment)  # even the right password waits
        waits.append(int(refused.value.message.split("Tunggu ")[1].split()[0]))
        moment += timedelta(seconds=waits[-1])
        with pytest.raises(AuthenticationError, match="salah"):
            _login(db, "tidakada", "salah", now=moment)
    assert waits == [2, 4, 8, 16]
    with db.session() as session:
        assert session.get(auth.User, admin.user_id).failed_logins == 0
    moment += timedelta(seconds=32)
    assert _login(db, now=moment).username == "admin"  # and a login resets the wait
    assert auth.throttle.wait_left(moment) == timedelta(0)


def test_the_wait_on_this_pc_is_capped(db, admin):
    start = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    for _ in range(20):
        auth.throttle.failed(start)
    assert auth.throttle.wait_left(start) == auth.LONGEST_WAIT


def _fail_five_times(db, username, start):
    """Five wrong passwords for one name, each past this PC's wait (as if typed at five PCs)."""
    for attempt in range(auth.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError, match="^Nama pengguna atau kata sandi salah.$"):
            _login(db, username, "salah", now=start + attempt * auth.LONGEST_WAIT)
    return start + (auth.MAX_FAILED_LOGINS - 1) * auth.LONGEST_WAIT


def test_five_wrong_passwords_hold_the_name_briefly_then_the_right_one_gets_through(db, admin):
    last = _fail_five_times(db, "admin", datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
    auth.throttle.reset()  # the real admin at another PC
    # During the hold not even the right password is checked (or the hold would not slow guessing)...
    with pytest.raises(AuthenticationError, match="Tunggu 30 detik") as held:
        _login(db, now=last + auth.NAME_HOLD / 2)
    assert "dikunci" not in held.value.message
    # ...and a minute after the last wrong one it gets through: no 15 minutes locked out.
    assert _login(db, now=last + auth.NAME_HOLD + timedelta(seconds=1)).username == "admin"
    with db.session() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.username == "admin")).all()
    assert actions.count("login_failed") == 4 and "account_locked" in actions and actions[-1] == "login"


def test_a_stranger_at_one_pc_cannot_keep_the_admin_out(db, admin):
    """The stranger keeps typing wrong passwords for "admin" as fast as this PC lets them; the admin,
    at another PC, tries every ten seconds and is in within the hold, well before the stranger's next try."""
    moment = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)
    stranger, admins_pc = auth.LoginThrottle(), auth.LoginThrottle()
    stranger_tries = 0
    while stranger_tries < 12:
        auth.throttle = stranger
        moment += stranger.wait_left(moment) + timedelta(seconds=1)
        with pytest.raises(AuthenticationError):
            _login(db, "admin", "tebakan", now=moment)
        stranger_tries += 1
    auth.throttle = admins_pc
    tries_at = moment
    while True:
        tries_at += timedelta(seconds=10)
        try:
            _login(db, now=tries_at)
            break
        except AuthenticationError as refused:
            assert "Tunggu" in refused.message
    assert tries_at - moment <= auth.NAME_HOLD + timedelta(seconds=10)
    assert tries_at < moment + stranger.wait_left(moment) + timedelta(seconds=1)  # before the stranger could try again


def test_a_held_name_is_answered_alike_whether_or_not_it_exists(db, admin, monkeypatch):
    """Same words, same wait, one Argon2 verification each: "Akun dikunci" no longer names real accounts."""
    from koperasi.services.office import passwords

    answers = {}
    verified = []
    real_verify = passwords.verify_password
    for username in ("admin", "tidakada"):
        auth.throttle.reset()
        last = _fail_five_times(db, username, datetime(2026, 11, 28, 8, 0, tzinfo=UTC))
        auth.throttle.reset()
        monkeypatch.setattr(passwords, "verify_password", lambda hashed, given: verified.append(hashed) or real_verify(hashed, given))
        with pytest.raises(AuthenticationError) as held:
            _login(db, username, "salah", now=last + timedelta(seconds=20))
        monkeypatch.setattr(passwords, "verify_password", real_verify)
        auth.throttle.reset()
        with pytest.raises(AuthenticationError) as after_the_hold:
            _login(db, username, "salah", now=last + auth.NAME_HOLD + timedelta(seconds=1))
        answers[username] = (held.value.message, after_the_hold.value.message)
    assert answers["admin"] == answers["tidakada"]
    assert "Tunggu 40 detik" in answers["admin"][0] and answers["admin"][1] == auth.WRONG_CREDENTIALS
    assert len(verified) == 2


def test_admin_password_reset_lifts_a_hold(db, admin):
    clerk = add_staff(db, admin, "siti", Role.CLERK)
    last = _fail_five_times(db, "siti", clock.now())
    with db.session() as session:
        users.reset_password(session, admin, clerk.user_id, new_password="sandi-baru-1")
    auth.throttle.reset()  # at another PC, within the hold
    assert _login(db, "siti", "sandi-baru-1", now=last + auth.NAME_HOLD / 2).user_id == clerk.user_id


def test_login_refuses_a_deactivated_account_and_says_so_only_to_who_knows_its_password(db, admin):
    clerk = add_staff(db, admin, "siti", Role.CLERK)
    with db.session() as session:
        version = next(u for u in users.list_users(session, admin) if u.id == clerk.user_id).version
        users.set_active(session, admin, clerk.user_id, active=False, expected_version=version)
    with pytest.raises(AuthenticationError, match="^Nama pengguna atau kata sandi salah.$"):
        _login(db, "siti", "salah")
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
