from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.roles import Role
from koperasi.gui.context import AppContext
from koperasi.gui.main_window import MainWindow
from koperasi.services.members import register as members
from koperasi.services.office import regions
from tests.support import add_staff


def test_main_window_says_which_office_who_and_where(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Koperasi Berdaya — Koperasi Berdaya Pauh"
    assert window.form.mainTabs.tabText(0) == "B&eranda"
    assert window._status["statusUser"].text() == "Pengguna: Admin Kantor (Admin)"
    assert window._status["statusOffice"].text() == "Kantor: PAU"
    database = window._status["statusDatabase"]
    assert database.text() == "Data: koperasi.db"
    assert database.toolTip() == f"Berkas data: {context.database.url.database}"
    qtbot.waitUntil(lambda: window.dashboard.pages.currentIndex() == window.dashboard.FRESH)
    steps = window.dashboard.checklist.label().text()
    assert "Muat desa yang dilayani" in steps and "href='regions'" in steps


def test_a_clerk_sees_no_admin_actions(qtbot, context):
    clerk = add_staff(context.database, context.actor, "siti", Role.CLERK)
    window = MainWindow(AppContext(database=context.database, actor=clerk, office=context.office))
    qtbot.addWidget(window)
    assert not window.form.actionUsers.isEnabled()
    assert not window.form.actionOffice.isEnabled()
    assert not window.form.actionAuditLog.isEnabled()
    assert window.form.actionRegions.isEnabled() and window.form.actionChangePassword.isEnabled()


def test_log_out_closes_the_window_and_says_so(qtbot, context):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.closed, timeout=1000):
        window.form.actionLogout.trigger()
    assert window.logging_out and not window.isVisible()


def test_editing_the_office_updates_title_and_status(qtbot, context, monkeypatch):
    from koperasi.gui import main_window as module

    class _Saved:
        def __init__(self, ctx, parent):
            from dataclasses import replace

            from koperasi.services.office import profile as office

            with ctx.database.session() as session:
                self.saved = office.update_office(
                    session, ctx.actor, replace(ctx.office.profile, name="Koperasi Berdaya Pauh Baru"), expected_version=ctx.office.version
                )

        def exec(self):
            return True

    monkeypatch.setattr(module, "OfficeDialog", _Saved)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.form.actionOffice.trigger()
    assert window.windowTitle() == "Koperasi Berdaya — Koperasi Berdaya Pauh Baru"
    assert "Koperasi Berdaya Pauh Baru" in window.dashboard.office_card.text()


def test_a_category_added_in_the_dialog_appears_in_the_member_filter(qtbot, context, monkeypatch):
    from koperasi.gui import main_window as module
    from koperasi.services.members import categories as member_categories

    class _AddsOne:
        def __init__(self, ctx, parent):
            self.ctx = ctx

        def exec(self):
            with self.ctx.database.session() as session:
                member_categories.add_category(session, self.ctx.actor, name="Penyandang disabilitas")
            return True

    monkeypatch.setattr(module, "CategoriesDialog", _AddsOne)
    window = MainWindow(context)
    qtbot.addWidget(window)
    names = lambda: [window.members.category_filter.itemText(i) for i in range(window.members.category_filter.count())]  # noqa: E731
    assert "Penyandang disabilitas" not in names()
    window.form.actionCategories.trigger()
    assert "Penyandang disabilitas" in names()


def test_the_status_bar_names_a_postgresql_server_in_plain_words(qtbot, context):
    from sqlalchemy.engine import make_url

    from koperasi.db.database import Database

    server = Database(
        url=make_url("postgresql+psycopg://kasir@192.168.1.10:5433/koperasi"), engine=context.database.engine, sessions=context.database.sessions
    )
    window = MainWindow(AppContext(database=server, actor=context.actor, office=context.office))
    qtbot.addWidget(window)
    label = window._status["statusDatabase"]
    assert label.text() == "Server: 192.168.1.10/koperasi"
    assert "192.168.1.10" in label.toolTip() and "5433" in label.toolTip()


@pytest.fixture
def siti(context):
    with context.database.session() as session:
        desa = regions.add_desa(session, context.actor, "15.03.03", name="Bernai")
        return members.register_member(
            session, context.actor, MemberInput(full_name="Siti Aminah", sex=Sex.FEMALE, birth_date=date(1980, 5, 5), desa_id=str(desa.id))
        )


def test_a_member_leaving_is_told_apart_from_logging_out(qtbot, context, siti):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.members.show_member(siti.id)
    leave = window.members.detail.leave_button
    assert leave.text().replace("&", "") == "Catat anggota keluar…" and "bukan keluar dari akun" in leave.toolTip()
    assert window.form.actionLogout.text().replace("&", "") == "Keluar dari akun (ganti pengguna)"


def test_a_saved_member_card_is_confirmed_in_the_status_bar(qtbot, context, siti, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "kartu.pdf"), ""))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.members.show_member(siti.id)
    window.members.detail.card_button.click()
    assert window.statusBar().currentMessage() == f"Kartu anggota {siti.number} disimpan ke {tmp_path / 'kartu.pdf'}"


def test_a_working_office_sees_its_figures_not_the_checklist(qtbot, context):
    from tests.loan_support import loan_office

    ready = loan_office(context.database, context.actor)
    ready.member("Siti Aminah")
    window = MainWindow(context)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.dashboard.pages.currentIndex() == window.dashboard.FIGURES)
    assert "Perempuan</span></td><td align='right' style='padding-right:10px'>1 (100,0%)" in window.dashboard.tiles.members.text()
    tabs = [window.form.mainTabs.tabText(i).replace("&", "") for i in range(window.form.mainTabs.count())]
    assert {"Pinjaman", "Penjualan", "Pelatihan"} <= set(tabs)


def test_every_alt_letter_of_the_menus_and_tabs_opens_one_thing(qtbot, context):
    """Alt+B is Berkas (the guide says so); a tab underlining the same letter would make both dead keys."""
    import re

    window = MainWindow(context)
    qtbot.addWidget(window)
    tabs = window.form.mainTabs
    titles = [action.text() for action in window.menuBar().actions()] + [tabs.tabText(i) for i in range(tabs.count())]
    letters = [match.group(1).lower() for title in titles if (match := re.search(r"&(\w)", title))]
    assert len(letters) == len(titles) and len(set(letters)) == len(letters), titles
