"""Tentang warns when the program could switch off the locks on history (issue 18)."""

from __future__ import annotations

import pytest

from koperasi.db.database import open_database
from koperasi.gui.office.about_dialog import AboutDialog


@pytest.fixture
def postgres_as_superuser(migrated_postgres_url):
    database = open_database(migrated_postgres_url)
    yield database
    database.dispose()


def test_running_as_a_postgres_superuser_is_warned_about_in_tentang(qtbot, postgres_as_superuser):
    about = AboutDialog(postgres_as_superuser)
    qtbot.addWidget(about)
    about.show()
    assert about.role_warning.isVisible()
    assert "setup-postgres" in about.role_warning.text() and "pemilik tabel atau superuser" in about.role_warning.text()


def test_sqlite_has_no_role_warning(qtbot, sqlite_db):
    about = AboutDialog(sqlite_db)
    qtbot.addWidget(about)
    about.show()
    assert not about.role_warning.isVisible()
