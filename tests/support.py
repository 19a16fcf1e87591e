"""Builders shared by tests: an office with its admin, staff with a given role."""

from __future__ import annotations

from datetime import date, datetime

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from koperasi.db.database import Database
from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.roles import Actor, Role
from koperasi.services.office import profile as office
from koperasi.services.office import users

TEST_PASSWORD = "rahasia-123"

# The day every test lives on (tests/conftest.py pins the program's clock to it): the suite's
# dates are written against it, so it passes on any real date. Mid-morning, so a test's few
# seconds of running time never cross midnight.
TODAY = date(2026, 11, 28)
PINNED_MOMENT = datetime(2026, 11, 28, 9, 30)


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


class MemoryKeyring(KeyringBackend):
    """A credential store in memory: tests never read or write the PC's own (tests/conftest.py sets it)."""

    priority = 1
    name = "penyimpanan uji"

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not set")
