"""Kas kantor: an expense recorded from the keyboard with its voucher shown, bad input refused inline, a new
account added from inside the form, the month filter, a reversal asked for, and who sees which buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from koperasi.domain.ledger import Account
from koperasi.gui.cashbook import dialogs
from koperasi.gui.cashbook.page import CashBookDialog, CashBookView
from koperasi.gui.context import AppContext
from koperasi.gui.main_window import MainWindow
from koperasi.gui.pdf_preview import PdfPreviewDialog
from koperasi.services.reversals import pending_reversals
from tests.cashbook_support import cash_office
from tests.support import TODAY


def _as(context, actor):
    return AppContext(database=context.database, actor=actor, office=context.office)


def _save(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def _view(qtbot, context, actor) -> CashBookView:
    view = CashBookView(_as(context, actor))
    qtbot.addWidget(view)
    return view


def _answer(monkeypatch, dialog_class, fill):
    def run(dialog):
        fill(dialog)
        return dialog.result()
    monkeypatch.setattr(dialog_class, "exec", run)


def test_an_expense_typed_in_the_form_is_listed_with_its_voucher_shown(qtbot, context, monkeypatch):
    office = cash_office(context.database, context.actor)
    shown = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self.windowTitle()) or 0)
    view = _view(qtbot, context, office.treasurer)
    assert "Belum ada pemasukan" in view.note.text()

    def fill(dialog):
        assert dialog.account_combo.currentData() == Account.OPERATING_EXPENSE.value
        qtbot.keyClicks(dialog.amount_edit, "150000")
        _save(dialog)  # no description yet: refused inline, the field focused
        assert "Tuliskan uraian transaksi" in dialog.error_label.text()
        qtbot.keyClicks(dialog.description_edit, "Kertas HVS dan tinta")
        qtbot.keyClicks(dialog.party_edit, "Toko Maju")
        _save(dialog)
    _answer(monkeypatch, dialogs.CashEntryDialog, fill)
    view.expense_button.click()
    assert shown == ["Bukti kas keluar BKK/PAU/2026/000001"]
    assert view.model.rowCount() == 1 and "Keluar <b>Rp150.000</b>" in view.totals_label.text()
    assert view.voucher_button.isEnabled() and view.reverse_button.isEnabled()


def test_a_new_account_is_added_from_inside_the_form_and_chosen(qtbot, context, monkeypatch):
    office = cash_office(context.database, context.actor)
    view = _view(qtbot, context, office.treasurer)

    def add(dialog):
        assert dialog.code_edit.text() == "4301"
        qtbot.keyClicks(dialog.name_edit, "Pendapatan sewa tenda")
        _save(dialog)
    _answer(monkeypatch, dialogs.NewAccountDialog, add)
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: 0)

    def fill(dialog):
        dialog.new_account_button.click()
        assert dialog.account_combo.currentText() == "4301 Pendapatan sewa tenda"
        qtbot.keyClicks(dialog.amount_edit, "200000")
        qtbot.keyClicks(dialog.description_edit, "Sewa tenda pesta desa")
        _save(dialog)
    _answer(monkeypatch, dialogs.CashEntryDialog, fill)
    view.income_button.click()
    assert view.page.total_in == 200_000 and view.page.lines[0].account == "4301"


def test_the_month_filter_and_a_reversal_request_from_the_list(qtbot, context, monkeypatch):
    office = cash_office(context.database, context.actor)
    office.expense(50_000, on=TODAY.replace(month=10, day=3), description="Bensin motor")
    spent = office.expense(75_000, description="Fotokopi daftar hadir")
    view = _view(qtbot, context, office.treasurer)
    assert [line.id for line in view.page.lines] == [spent.id]  # this month
    view.month_combo.setCurrentIndex(0)  # all months
    assert view.model.rowCount() == 2
    view.table.selectRow(1)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))

    def fill(dialog):
        qtbot.keyClicks(dialog.reason_edit, "Salah akun")
        _save(dialog)
    _answer(monkeypatch, dialogs.ReverseCashDialog, fill)
    view.reverse_button.click()
    assert told and "menunggu persetujuan" in told[0]
    with context.database.session() as session:
        assert [request.summary for request in pending_reversals(session, office.manager)] == [
            "Pengeluaran BKK/PAU/2026/000002: Fotokopi daftar hadir"]


def test_a_clerk_reads_the_book_but_does_not_record_or_reverse(qtbot, context):
    office = cash_office(context.database, context.actor)
    office.income(1_000_000, description="Hibah desa")
    view = _view(qtbot, context, office.clerk)
    assert not view.income_button.isEnabled() and not view.expense_button.isEnabled()
    view.table.selectRow(0)
    assert view.voucher_button.isEnabled() and not view.reverse_button.isEnabled()


def test_berkas_opens_the_cash_book(qtbot, context, monkeypatch):
    window = MainWindow(context)
    qtbot.addWidget(window)
    opened = []
    monkeypatch.setattr(CashBookDialog, "exec", lambda self: opened.append(self.view.model.rowCount()) or 0)
    assert window.action_cash_book in window.form.menuFile.actions()
    window.action_cash_book.trigger()
    assert opened == [0]


def test_the_month_saved_to_excel_is_the_one_shown_and_the_export_is_in_the_audit_log(qtbot, context, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog
    from sqlalchemy import select

    from koperasi.db.models import AuditEvent

    office = cash_office(context.database, context.actor)
    office.expense(150_000, description="Kertas HVS dan tinta")
    view = _view(qtbot, context, office.clerk)
    target = tmp_path / "buku-kas.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    told = []
    monkeypatch.setattr("koperasi.gui.breakdown_view.show_info", lambda parent, title, text: told.append(title))
    view.export_button.click()
    assert told == ["Kas kantor"]
    cells = [cell for row in load_workbook(target).active.iter_rows(values_only=True) for cell in row]
    assert "Kertas HVS dan tinta" in cells
    with context.database.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "cash_book_exported")).one()
    assert event.username == "kasir"
