from __future__ import annotations

import pytest

from koperasi.gui.context import AppContext
from koperasi.gui.translations import install_indonesian
from koperasi.services import office
from tests.support import set_up_office


@pytest.fixture(scope="session", autouse=True)
def indonesian(qapp):
    """As at start-up: Qt's own buttons in Indonesian."""
    return install_indonesian(qapp)


@pytest.fixture
def context(sqlite_db) -> AppContext:
    admin = set_up_office(sqlite_db)
    with sqlite_db.session() as session:
        current = office.current_office(session)
    return AppContext(database=sqlite_db, actor=admin, office=current)
