"""Builders shared by tests: an office with its admin, staff with a given role."""

from __future__ import annotations

from koperasi.db.database import Database
from koperasi.domain.office import OfficeProfile
from koperasi.domain.roles import Actor, Role
from koperasi.services import office, users

TEST_PASSWORD = "rahasia-123"


SAMPLE_OFFICE = OfficeProfile(name="Koperasi Berdaya Pauh", code="PAU", kecamatan_code="15.03.04")


def set_up_office(database: Database) -> Actor:
    with database.session() as session:
        return office.set_up(
            session, SAMPLE_OFFICE, admin_username="admin", admin_full_name="Admin Kantor", admin_password=TEST_PASSWORD
        )


def add_staff(database: Database, admin_actor: Actor, username: str, role: Role) -> Actor:
    with database.session() as session:
        view = users.create_user(
            session, admin_actor, username=username, full_name=username.title(), role=role, password=TEST_PASSWORD
        )
    return Actor(user_id=view.id, username=view.username, full_name=view.full_name, role=view.role)
