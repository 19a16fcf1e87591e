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


def _settled(qtbot, window: MainWindow) -> None:
    """The figures and the charts of the last refresh are on screen."""
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.pages.currentIndex() == dashboard.FIGURES and dashboard.charts.history is not None
                    and dashboard.charts.history.months[-1] == dashboard.charts.requested, timeout=20_000)


def test_the_charts_follow_the_chosen_month(qtbot, context, working):
    window = _window(qtbot, context)
    charts = window.dashboard.charts
    _settled(qtbot, window)
    assert charts.history.months[-1] == (2026, 11)  # Hari ini: the pinned clock's month
    picker = window.dashboard.month
    with qtbot.waitSignal(charts.loaded, timeout=20_000):
        picker.setCurrentIndex(picker.findData("2025-06-01"))
        assert charts.pages.currentWidget() is charts.placeholder  # not November's bars under June's figures
    assert charts.history.months[-1] == (2025, 6) and charts.pages.currentWidget() is not charts.placeholder


def test_a_sale_reads_again_the_sales_tile_and_the_charts_and_nothing_else(qtbot, context, working, monkeypatch):
    from koperasi.gui.dashboard import tab as module
    from koperasi.gui.dashboard.charts import SALES
    from koperasi.services.dashboard.figures import Area, figures
    from tests.sales_support import SalesOffice

    shop = SalesOffice(working)
    producer, rice = shop.producer(), shop.product()
    shop.intake(producer, rice, 100_000, on=date(2026, 11, 2))
    window = _window(qtbot, context)
    _settled(qtbot, window)
    dashboard = window.dashboard
    members_text, loans_text = dashboard.tiles.members.text(), dashboard.tiles.loans.text()
    read: list[object] = []
    monkeypatch.setattr(module, "figures", lambda *args, **kwargs: read.append("all") or figures(*args, **kwargs))
    real_area_figures = module.area_figures
    monkeypatch.setattr(module, "area_figures", lambda *args, area, **kwargs: read.append(area) or real_area_figures(*args, area=area, **kwargs))

    window.form.mainTabs.setCurrentWidget(window.sales)
    shop.sell((producer, rice, 10_000, 15_000), on=date(2026, 11, 20))  # a sale saved in Penjualan
    with qtbot.waitSignal(dashboard.charts.loaded, timeout=20_000):
        window.form.mainTabs.setCurrentWidget(dashboard)
    assert read == [Area.SALES]
    assert "Rp150.000" in dashboard.tiles.sales.text()
    assert "kepada 1 produsen" in dashboard.tiles.sales.text()
    assert "1 produsen menunggu pembayaran" in dashboard.waiting.label().text()
    assert (dashboard.tiles.members.text(), dashboard.tiles.loans.text()) == (members_text, loans_text)
    sales = dashboard.charts.views[SALES].chart().series()[0]
    assert sales.barSets()[0].at(11) == 150_000.0
    with context.database.session() as session:
        assert dashboard.shown == figures(session, context.actor, as_of=date(2026, 11, 28))  # as a full read

    read.clear()
    with qtbot.waitSignal(dashboard.loaded):  # nothing saved since: no tile read again, the charts left alone
        window.form.mainTabs.setCurrentWidget(window.sales)
        window.form.mainTabs.setCurrentWidget(dashboard)
    assert read == []


def test_a_repayment_reads_again_the_loan_tile_only(qtbot, context, working, monkeypatch):
    from koperasi.gui.dashboard import tab as module
    from koperasi.services.dashboard.figures import Area, figures

    window = _window(qtbot, context)
    _settled(qtbot, window)
    dashboard = window.dashboard
    read: list[object] = []
    real_area_figures = module.area_figures
    monkeypatch.setattr(module, "area_figures", lambda *args, area, **kwargs: read.append(area) or real_area_figures(*args, area=area, **kwargs))
    from sqlalchemy import select

    from koperasi.db.models import Loan

    with context.database.session() as session:
        loan_id = session.scalar(select(Loan.id).where(Loan.disbursed > 0))
    working.repay(loan_id, 100_000, on=date(2026, 11, 10))
    with qtbot.waitSignal(dashboard.charts.loaded, timeout=20_000):
        dashboard.refresh()
    assert read == [Area.LOANS]
    assert "Rp1.100.000 (1 pinjaman)" in dashboard.tiles.loans.text()
    with context.database.session() as session:
        assert dashboard.shown == figures(session, context.actor, as_of=date(2026, 11, 28))
