"""Every object name promised in docs/ui-map.md exists on its window."""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget

from koperasi import clock
from koperasi.domain.members.register import GroupKind, MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.reversals import ReversalKind

from koperasi.gui.office.about_dialog import AboutDialog
from koperasi.gui.office.audit_dialog import AuditDialog
from koperasi.gui.members.categories_dialog import CategoriesDialog
from koperasi.gui.office.login_dialog import LoginDialog
from koperasi.gui.dashboard.charts import DashboardCharts
from koperasi.gui.main_window import MainWindow
from koperasi.gui.monthly.dialog import MonthDialog
from koperasi.gui.members.groups_view import _GroupDialog, _JoinDialog, _LeaveGroupDialog
from koperasi.gui.members.leave_dialog import LeaveDialog
from koperasi.gui.members.dialog import MemberDialog
from koperasi.gui.members.tab import MembersTab
from koperasi.gui.office.dialog import OfficeDialog
from koperasi.gui.office.password_dialog import PasswordDialog
from koperasi.gui.office.regions_dialog import NeighbourRegionDialog, RegionsDialog
from koperasi.gui.office.setup_wizard import SetupWizard
from koperasi.gui.office.user_dialogs import ResetPasswordDialog, UserEditDialog
from koperasi.gui.office.users_dialog import UsersDialog
from koperasi.gui.reversals_dialog import PendingReversalsDialog, RejectReversalDialog
from koperasi.services.reversals import PendingReversal
from koperasi.services.members import groups
from koperasi.services.members import register as members
from koperasi.services.office import regions
from koperasi.services.office import users
from koperasi.services.members.groups import GroupMemberView

UI_MAP = Path(__file__).resolve().parents[2] / "docs" / "ui-map.md"


def _sections() -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current = None
    for line in UI_MAP.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].split(" (")[0]
            sections[current] = set(re.findall(r"`([A-Za-z]+)`", line))
        elif current and line.startswith("| `"):
            sections[current] |= set(re.findall(r"`([A-Za-z]+)`", line))
    return sections


def _windows(context, sqlite_db, fresh_db):
    with sqlite_db.session() as session:
        admin_view = users.list_users(session, context.actor)[0]
        desa = regions.add_desa(session, context.actor, "15.03.03", name="Bernai")
        member = members.register_member(
            session, context.actor, MemberInput(full_name="Siti", sex=Sex.FEMALE, birth_date=date(1980, 1, 1), desa_id=str(desa.id))
        )
        sample_group = groups.create_group(session, context.actor, name="KUP Uji", kind=GroupKind.FARMERS, desa_id=None)
    return {
        "Main window": [_with_every_tab_opened(MainWindow(context))],
        "Anggota tab": [MembersTab(context)],
        "First-run wizard": [SetupWizard(fresh_db)],
        "Login": [LoginDialog(sqlite_db, "Kantor")],
        "Users": [UsersDialog(context)],
        "Regions": [RegionsDialog(context), NeighbourRegionDialog(context)],
        "Other dialogs": [
            OfficeDialog(context),
            UserEditDialog(context),
            ResetPasswordDialog(context, admin_view),
            PasswordDialog(context),
            AuditDialog(context),
            PendingReversalsDialog(context),
            RejectReversalDialog(context, PendingReversal(uuid.uuid4(), ReversalKind.SALE, uuid.uuid4(), "Penjualan NJ/1", 1000,
                                                          "Salah catat", "Admin", clock.now(), None)),
            AboutDialog(sqlite_db),
            MemberDialog(context),
            LeaveDialog(context, member),
            CategoriesDialog(context),
            _GroupDialog(context, None),
            _JoinDialog(context, sample_group),
            _LeaveGroupDialog(context, sample_group, GroupMemberView(member.id, member.number, "Siti", date(2026, 1, 1), False)),
            MonthDialog(),
            DashboardCharts(context),
        ],
    }


def _with_every_tab_opened(window: MainWindow) -> MainWindow:
    """The main window after a clerk opened each tab in turn, and each page of a tab's own tabs (Penjualan's):
    they are built when first opened (gui/lazy_tabs.py), and the map promises the names inside them too."""
    opened: set[QTabWidget] = set()
    while unopened := [tabs for tabs in window.findChildren(QTabWidget) if tabs not in opened]:
        for tabs in unopened:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
            tabs.setCurrentIndex(0)
            opened.add(tabs)
    return window


@pytest.fixture
def fresh_db(tmp_path):
    from sqlalchemy.engine import URL

    from koperasi.db.database import open_database

    database = open_database(URL.create("sqlite+pysqlite", database=str(tmp_path / "baru.db")))
    yield database
    database.dispose()


def test_every_object_name_in_the_ui_map_exists(qtbot, context, sqlite_db, fresh_db):
    sections = _sections()
    windows = _windows(context, sqlite_db, fresh_db)
    assert set(sections) == set(windows)
    missing = []
    for section, names in sections.items():
        for name in names:
            found = any(w.objectName() == name or w.findChild(QObject, name) is not None for w in windows[section])
            if not found:
                missing.append(f"{section}: {name}")
    for widgets in windows.values():
        for widget in widgets:
            qtbot.addWidget(widget)
    assert missing == []
