"""A setting is changed with the right it names (domain/office/settings.Setting.changed_with), not one right for all."""

from __future__ import annotations

import pytest

from koperasi.domain.errors import PermissionDenied
from koperasi.domain.impact.settings import VISIT_EVERY_MONTHS_DURING_LOAN
from koperasi.domain.office.settings import BACKUP_FOLDER, SALES_COMMISSION
from koperasi.domain.roles import Role
from koperasi.services.office import settings
from tests.support import add_staff, set_up_office


def test_the_manager_keeps_the_commission_and_the_visits_but_only_the_admin_moves_the_backups(db):
    admin = set_up_office(db)
    manager = add_staff(db, admin, "ketua", Role.MANAGER)
    with db.session() as session:
        settings.change_setting(session, manager, SALES_COMMISSION, 1_500, expected_version=0)
        settings.change_setting(session, manager, VISIT_EVERY_MONTHS_DURING_LOAN, 2, expected_version=0)
        with pytest.raises(PermissionDenied):
            settings.change_setting(session, manager, BACKUP_FOLDER, "/mnt/flashdisk", expected_version=0)
        settings.change_setting(session, admin, BACKUP_FOLDER, "/mnt/flashdisk", expected_version=0)
    with db.session() as session:
        assert settings.value_of(session, SALES_COMMISSION) == 1_500
        assert settings.value_of(session, VISIT_EVERY_MONTHS_DURING_LOAN) == 2
        assert settings.value_of(session, BACKUP_FOLDER) == "/mnt/flashdisk"
