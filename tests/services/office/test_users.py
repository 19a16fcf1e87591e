from __future__ import annotations

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEvent
from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.roles import Role
from koperasi.services.office import users
from tests.support import TEST_PASSWORD, add_staff


def test_create_user_refuses_a_second_user_with_the_same_name(db, admin):
    add_staff(db, admin, "siti", Role.CLERK)
    with db.session() as session, pytest.raises(ConflictError, match="'siti' sudah dipakai"):
        users.create_user(session, admin, username="Siti", full_name="Siti Lain", role=Role.CLERK, password=TEST_PASSWORD)
    with db.session() as session:
        assert [u.username for u in users.list_users(session, admin)] == ["admin", "siti"]


@pytest.mark.parametrize(
    ("username", "full_name", "password", "message"),
    [
        ("", "Siti", TEST_PASSWORD, "Nama pengguna wajib diisi"),
        ("si", "Siti", TEST_PASSWORD, "3–32 karakter"),
        ("siti aminah", "Siti", TEST_PASSWORD, "3–32 karakter"),
        ("siti", "   ", TEST_PASSWORD, "Nama lengkap wajib diisi"),
        ("siti", "Siti", "pendek", "minimal 8 karakter"),
        ("sitiaminah", "Siti", "SitiAminah", "tidak boleh sama dengan nama pengguna"),
    ],
)
def test_create_user_explains_each_bad_input(db, admin, username, full_name, password, message):
    with db.session() as session, pytest.raises(ValidationError, match=message):
        users.create_user(session, admin, username=username, full_name=full_name, role=Role.CLERK, password=password)


def test_user_changes_are_audited_without_the_password_hash(db, admin):
    clerk = add_staff(db, admin, "siti", Role.CLERK)
    with db.session() as session:
        view = next(u for u in users.list_users(session, admin) if u.id == clerk.user_id)
        users.update_user(session, admin, clerk.user_id, full_name="Siti Aminah", role=Role.TREASURER, expected_version=view.version)
    with db.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "user_updated")).one()
        created = session.scalars(select(AuditEvent).where(AuditEvent.action == "user_created", AuditEvent.entity_id == str(clerk.user_id))).one()
    assert event.before["role"] == "clerk" and event.after["role"] == "treasurer"
    assert event.username == "admin" and event.occurred_at.tzinfo is not None
    assert "password_hash" not in created.after and "argon2" not in str(created.after)


def test_a_stale_edit_is_refused_not_silently_applied(db, admin):
    clerk = add_staff(db, admin, "siti", Role.CLERK)
    with db.session() as session:
        stale = next(u for u in users.list_users(session, admin) if u.id == clerk.user_id)
        users.update_user(session, admin, clerk.user_id, full_name="Oleh Admin Pertama", role=Role.CLERK, expected_version=stale.version)
    with db.session() as session, pytest.raises(ConflictError, match="sudah diubah oleh pengguna lain"):
        users.update_user(session, admin, clerk.user_id, full_name="Oleh Admin Kedua", role=Role.CLERK, expected_version=stale.version)
    with db.session() as session:
        assert next(u for u in users.list_users(session, admin) if u.id == clerk.user_id).full_name == "Oleh Admin Pertama"


def test_the_last_active_admin_cannot_be_demoted_or_deactivated(db, admin):
    other = add_staff(db, admin, "kedua", Role.ADMIN)
    with db.session() as session:
        view = next(u for u in users.list_users(session, admin) if u.id == admin.user_id)
        with pytest.raises(ValidationError, match="akun Anda sendiri"):
            users.set_active(session, admin, admin.user_id, active=False, expected_version=view.version)
        users.update_user(session, other, admin.user_id, full_name=view.full_name, role=Role.CLERK, expected_version=view.version)
        other_view = next(u for u in users.list_users(session, other) if u.id == other.user_id)
        with pytest.raises(ValidationError, match="paling sedikit satu admin aktif"):
            users.update_user(session, other, other.user_id, full_name="Kedua", role=Role.MANAGER, expected_version=other_view.version)
