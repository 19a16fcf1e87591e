"""The Pinjaman tab: lazy loan list, filters, role-based buttons, the detail panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from koperasi.domain.loans.rules import LoanStatus
from koperasi.gui.context import AppContext
from koperasi.gui.loans import action_dialogs
from koperasi.gui.loans.tab import LoansTab
from koperasi.gui.main_window import MainWindow
from koperasi.gui.members.tab import MembersTab
from tests.loan_support import loan_office


def _tab(qtbot, context, actor):
    tab = LoansTab(AppContext(database=context.database, actor=actor, office=context.office))
    qtbot.addWidget(tab)
    return tab


def _select(tab, number):
    for row in range(tab.model.rowCount()):
        if tab.model.index(row, tab.model.NUMBER).data() == number:
            tab.table.selectRow(row)
            return
    raise AssertionError(number)


def test_loan_table_model_passes_the_model_tester_and_filters(qtbot, qtmodeltester, context):
    office = loan_office(context.database, context.actor)
    active = office.active_loan(office.member("Siti Aminah"))
    office.approved_loan(office.member("Nur Aisyah"))
    tab = _tab(qtbot, context, office.admin)
    qtmodeltester.check(tab.model)
    assert tab.model.rowCount() == 2 and tab.count_label.text() == "2 pinjaman"
    money = tab.model.index(0, tab.model.PRINCIPAL)
    assert money.data() == "Rp1.200.000"
    assert money.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    tab.search.setText("aisyah")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    tab.search.clear()
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(LoanStatus.ACTIVE.value))
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert tab.model.row_at(0).id == active


def test_an_empty_loan_list_says_what_was_searched_and_how_to_widen_it(qtbot, context):
    office = loan_office(context.database, context.actor)
    tab = _tab(qtbot, context, office.clerk)
    tab.resize(1024, 600)
    tab.show()
    assert tab.empty_note.isVisible()
    assert tab.empty_note.text() == "Belum ada pinjaman. Ajukan yang pertama dengan Ajukan pinjaman (Ctrl+N)."
    office.active_loan(office.member("Siti Aminah"))
    tab.reload()
    assert not tab.empty_note.isVisible()
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(LoanStatus.ACTIVE.value))
    tab.search.setText("budi")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=2000)
    assert tab.empty_note.isVisible() and tab.empty_note.text() == (
        f"Tidak ada pinjaman yang cocok dengan “budi”, status {LoanStatus.ACTIVE.label}. Hapus filter atau periksa ejaan."
    )


def test_loan_table_model_pages_lazily(qtbot, context):
    from koperasi.gui.loans.table_model import LoanTableModel
    from koperasi.gui.page_cache import PAGE_SIZE
    from koperasi.services.loans.queries import LoanPage, LoanRow

    calls = []
    rows = [LoanRow(i, f"PJM/{i:06}", "A-1", "Siti", "Produk", 1000, 0, LoanStatus.APPLIED, __import__("datetime").date(2026, 1, 1)) for i in range(20_000)]

    def loader(where, offset, limit):
        calls.append(offset)
        return LoanPage(len(rows), rows[offset:offset + limit])

    model = LoanTableModel(loader, parent=None)
    model.reload()
    assert model.rowCount() == 20_000 and calls == [0]
    assert model.index(19_999, 0).data() == "PJM/019999"
    assert calls == [0, (19_999 // PAGE_SIZE) * PAGE_SIZE]


def test_clerk_sees_no_approve_button_and_manager_approves_by_status(qtbot, context):
    office = loan_office(context.database, context.actor)
    office.active_loan(office.member("Siti Aminah"))
    clerk = _tab(qtbot, context, office.clerk)
    assert clerk.detail.approve_button.isHidden() and clerk.detail.disburse_button.isHidden()
    assert not clerk.detail.repay_button.isHidden() and not clerk.apply_button.isHidden()
    manager = _tab(qtbot, context, office.manager)
    manager.table.selectRow(0)
    assert not manager.detail.approve_button.isHidden()
    assert not manager.detail.approve_button.isEnabled()  # the loan is already running
    assert manager.detail.write_off_action.isEnabled() and manager.detail.repay_button.isHidden()
    assert not clerk.detail.write_off_action.isVisible()  # in the menu now, hidden from a clerk as the button was


def test_the_applicant_cannot_decide_their_own_loan_and_is_told_why_before_typing_anything(qtbot, context):
    office = loan_office(context.database, context.actor)
    office.apply(office.member("Siti Aminah"), actor=office.manager)
    own = _tab(qtbot, context, office.manager)
    own.table.selectRow(0)
    assert not own.detail.approve_button.isHidden() and not own.detail.approve_button.isEnabled()
    assert not own.detail.reject_action.isEnabled() and not own.detail.decision_hint.isHidden()
    for tip in (own.detail.approve_button.toolTip(), own.detail.reject_action.toolTip()):
        assert tip.startswith("Pengaju tidak boleh memutuskan pinjamannya sendiri") and "pengurus lain" in tip
    other = _tab(qtbot, context, context.actor)  # the admin, who did not apply, decides
    other.table.selectRow(0)
    assert other.detail.approve_button.isEnabled() and other.detail.reject_action.isEnabled()
    assert other.detail.approve_button.toolTip() == "" and other.detail.decision_hint.isHidden()


def test_an_approved_loan_shows_its_planned_schedule_as_a_plan(qtbot, context):
    from datetime import date

    office = loan_office(context.database, context.actor)
    office.approved_loan(office.member("Nur Aisyah"), principal=1_200_000, term=12)
    tab = _tab(qtbot, context, office.treasurer)
    tab.table.selectRow(0)
    detail = tab.detail
    assert detail.tables.tabText(0).replace("&", "") == "Jadwal rencana (12)"
    assert "dicairkan hari ini, 28 November 2026" in detail.tables.tabToolTip(0)
    model = detail.schedule_model
    # Paid out on the pinned day (28 November 2026), due monthly from a month later.
    assert [model.row(model.index(row, 0)).due_on for row in (0, 11)] == [date(2026, 12, 28), date(2027, 11, 28)]
    assert model.index(0, 2).data() == "Rp100.000" and model.index(0, 4).data() == "Rencana"
    assert detail.schedule_table.isColumnHidden(3)  # no "Dibayar" on a plan
    office.disburse(tab.current.id)
    tab.reload(select=tab.current.id)
    assert detail.tables.tabText(0).replace("&", "") == "Jadwal angsuran (12)" and not detail.schedule_table.isColumnHidden(3)


def test_detail_panel_shows_only_the_hint_until_a_loan_is_chosen(qtbot, context):
    office = loan_office(context.database, context.actor)
    office.active_loan(office.member("Siti Aminah"))
    tab = _tab(qtbot, context, office.manager)
    tab.resize(1280, 700)
    tab.show()
    assert tab.detail.hint.isVisible() and not tab.detail.tables.isVisible() and not tab.detail.approve_button.isVisible()
    tab.table.selectRow(0)
    assert not tab.detail.hint.isVisible() and tab.detail.tables.isVisible() and tab.detail.more_button.isVisible()
    assert tab.detail.tables.tabText(0).replace("&", "") == "Jadwal angsuran (12)"
    qtbot.wait(50)  # the scroll bars follow the layout on the next events
    assert not tab.table.horizontalScrollBar().isVisible()  # the columns fit: no sideways scrolling
    for table in (tab.detail.schedule_table, tab.detail.movement_table):
        tab.detail.tables.setCurrentWidget(table)
        qtbot.wait(50)
        assert not table.horizontalScrollBar().isVisible(), table.objectName()


def test_write_off_in_the_menu_opens_its_dialog(qtbot, context, monkeypatch):
    office = loan_office(context.database, context.actor)
    office.active_loan(office.member("Siti Aminah"))
    tab = _tab(qtbot, context, office.manager)
    tab.table.selectRow(0)
    opened = []
    monkeypatch.setattr(action_dialogs.WriteOffDialog, "exec", lambda dialog: opened.append(dialog.objectName()) or 0)
    assert tab.detail.write_off_action in tab.detail.more_button.menu().actions()
    tab.detail.write_off_action.trigger()
    assert opened == ["loanWriteOffDialog"]


def test_detail_panel_shows_schedule_movements_and_arrears(qtbot, context):
    office = loan_office(context.database, context.actor)
    office.active_loan(office.member("Siti Aminah"))
    tab = _tab(qtbot, context, office.treasurer)
    tab.table.selectRow(0)
    assert tab.current is not None and tab.detail.schedule_model.rowCount() == 12
    assert tab.detail.movement_model.rowCount() == 2  # disbursement and admin fee
    assert "Siti Aminah" in tab.detail.header.text() and "hari" in tab.detail.header.text()
    assert not tab.detail.receipt_action.isEnabled() and not tab.detail.reverse_action.isEnabled()
    tab.detail.movement_table.selectRow(0)
    assert tab.detail.receipt_action.isEnabled() and tab.detail.reverse_action.isEnabled()
    assert tab.detail.reverse_action in tab.detail.movement_table.actions()  # also on right-click


def test_main_window_has_the_loans_tab_and_member_panel_lists_loans(qtbot, context):
    office = loan_office(context.database, context.actor)
    office.active_loan(office.member("Siti Aminah"))
    window = MainWindow(context)
    qtbot.addWidget(window)
    tabs = window.form.mainTabs
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())][:3] == ["Beranda", "Anggota", "Pinjaman"]
    assert window.action_funds.text().startswith("Sumber dana dan produk pinjaman")
    members_tab: MembersTab = window.members
    members_tab.table.selectRow(0)
    assert "PJM/" in members_tab.detail.text.text() and "Berjalan" in members_tab.detail.text.text()


def test_an_approval_not_yet_paid_out_is_cancelled_from_the_menu_with_a_reason(qtbot, context, monkeypatch):
    office = loan_office(context.database, context.actor)
    office.approved_loan(office.member("Nur Aisyah"))
    tab = _tab(qtbot, context, context.actor)  # the admin decides; the manager approved
    tab.table.selectRow(0)
    action = tab.detail.reject_action
    assert action.isEnabled() and action.text().replace("&", "") == "Batalkan persetujuan…"
    shown = []

    def answer(dialog):
        shown.append(dialog.windowTitle())
        dialog.note_edit.setText("Anggota pindah ke Bungo")
        assert dialog.save_before_closing(), dialog.error_label.text()
        return dialog.result()

    monkeypatch.setattr(action_dialogs.DecisionDialog, "exec", answer)
    action.trigger()
    assert shown == ["Batalkan persetujuan pinjaman"]
    assert tab.current.status is LoanStatus.REJECTED
    assert action.text().replace("&", "") == "Tolak…" and not action.isEnabled()
