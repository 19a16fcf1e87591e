"""The login window's reads without the models give the answers the profile service gives (issue 19)."""

from __future__ import annotations

from sqlalchemy import update

from koperasi.db.models import User
from koperasi.domain.roles import Role
from koperasi.services.office import login_screen
from koperasi.services.office import profile as office
from tests.support import SAMPLE_OFFICE, TEST_PASSWORD


def _agree(session) -> str | None:
    name = login_screen.office_name(session)
    assert (name is not None) == office.is_set_up(session)
    if name is not None:
        assert name == office.current_office(session).profile.name
    return name


def test_the_login_window_names_the_office_once_it_is_set_up(db):
    with db.session() as session:
        assert _agree(session) is None
        office.set_up(session, SAMPLE_OFFICE, admin_username="admin", admin_full_name="Admin", admin_password=TEST_PASSWORD)
        assert _agree(session) == SAMPLE_OFFICE.name


def test_an_office_without_an_admin_goes_to_the_wizard_first(db):
    with db.session() as session:
        office.set_up(session, SAMPLE_OFFICE, admin_username="admin", admin_full_name="Admin", admin_password=TEST_PASSWORD)
        session.execute(update(User).values(role=Role.MANAGER.value))
        assert _agree(session) is None
