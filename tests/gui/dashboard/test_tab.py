"""Beranda in the main window: the checklist of a fresh office, the lines that open their lists, the month picker."""

from __future__ import annotations

from datetime import date

import pytest

from koperasi.gui.main_window import MainWindow
from tests.loan_support import loan_office


def _window(qtbot, context) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.dashboard.pages.currentIndex() != window.dashboard.LOADING)
    return window


@pytest.fixture
def working(context):
    office = loan_office(context.database, context.actor)
    siti = office.member("Siti Aminah")
    office.apply(siti, 800_000)
    budi = office.member("Budi Santoso")
    loan_id = office.approved_loan(budi, 1_200_000)
    office.disburse(loan_id)
    return office


def test_a_fresh_office_gets_the_checklist_and_a_step_opens_its_place(qtbot, context, monkeypatch):
    from koperasi.gui import main_window as module

    opened = []
    monkeypatch.setattr(module.RegionsDialog, "exec", lambda dialog: opened.append("regions"))
    window = _window(qtbot, context)
    assert window.dashboard.pages.currentIndex() == window.dashboard.FRESH
    text = window.dashboard.checklist.label().text()
    for step in ("regions", "fund", "loan_product", "member", "programme", "catalogue"):
        assert f"href='{step}'" in text  # nothing set up yet: every step links to its place
    window.dashboard.checklist.label().linkActivated.emit("regions")
    assert opened == ["regions"]
    window.dashboard.checklist.label().linkActivated.emit("member")
    assert window.form.mainTabs.currentWidget() is window.members


def test_a_waiting_loan_opens_the_loan_list_filtered_to_it(qtbot, context, working):
    window = _window(qtbot, context)
    assert window.dashboard.pages.currentIndex() == window.dashboard.FIGURES
    lines = window.dashboard.waiting.label().text()
    assert "1 pengajuan pinjaman menunggu keputusan (Rp800.000)" in lines
    assert "1 pinjaman disetujui menunggu pencairan" not in lines  # Budi's loan is out already
    window.dashboard.waiting.label().linkActivated.emit("loans_applied")
    assert window.form.mainTabs.currentWidget() is window.loans
    assert window.loans.status_filter.currentData() == "applied"
    assert window.loans.model.rowCount() == 1


def test_the_loan_tile_shows_the_book_and_a_past_month_shows_its_own(qtbot, context, working):
    window = _window(qtbot, context)
    loans = window.dashboard.tiles.loans.text()
    assert "Rp1.200.000 (1 pinjaman)" in loans
    picker = window.dashboard.month
    index = picker.findData("2024-12-01")
    assert picker.itemText(index) == "Akhir Desember 2024"
    with qtbot.waitSignal(window.dashboard.loaded):
        picker.setCurrentIndex(index)
    assert window.dashboard.as_of() == date(2024, 12, 31)
    assert "Rp0 (0 pinjaman)" in window.dashboard.tiles.loans.text()  # disbursed in January 2025


def test_coming_back_to_beranda_shows_what_was_saved_meanwhile(qtbot, context, working):
    window = _window(qtbot, context)
    window.form.mainTabs.setCurrentWidget(window.loans)
    working.apply(working.member("Rina Wati"), 500_000)
    with qtbot.waitSignal(window.dashboard.loaded):
        window.form.mainTabs.setCurrentWidget(window.dashboard)
    assert "2 pengajuan pinjaman menunggu keputusan (Rp1.300.000)" in window.dashboard.waiting.label().text()


def test_each_waiting_line_opens_its_page(qtbot, context, working, monkeypatch):
    from koperasi.gui.office import backup_dialogs

    backups = []
    monkeypatch.setattr(backup_dialogs.BackupDialog, "exec", lambda dialog: backups.append(dialog) or 0)
    window = _window(qtbot, context)
    lines = window.dashboard.waiting.label()
    assert "Belum ada cadangan data" in lines.text()  # the admin may back up; red until the first one
    lines.linkActivated.emit("payouts")
    assert window.sales.pages.currentWidget() is window.sales.payouts_view
    lines.linkActivated.emit("group_collections")
    assert window.loans.pages.currentWidget() is window.loans.collection_view
    lines.linkActivated.emit("training_batches")
    assert window.form.mainTabs.currentWidget() is window.trainings
    lines.linkActivated.emit("backup")
    assert len(backups) == 1


def test_an_account_made_lately_waits_for_the_chair_and_opens_the_audit_log(qtbot, context, working, monkeypatch):
    from koperasi.gui import main_window as module

    opened = []

    class AuditLog:
        """Stands in for Catatan audit: a real AuditDialog built here and never shown made a later test
        (tests/gui/test_app.py) crash in Qt once the window was gone; the dialog itself is tested on its own."""

        def __init__(self, context, parent):
            opened.append(parent)

        def exec(self):
            return 0

    monkeypatch.setattr(module, "AuditDialog", AuditLog)
    window = _window(qtbot, context)
    lines = window.dashboard.waiting.label()
    # The admin made with the office and the loan office's manager, clerk and treasurer.
    assert "4 akun pengguna baru dibuat dalam 30 hari terakhir" in lines.text()
    lines.linkActivated.emit("new_accounts")
    assert opened == [window]
