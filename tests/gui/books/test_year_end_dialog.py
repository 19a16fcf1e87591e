"""Berkas → Tutup buku & SHU: the treasurer asks, the chair approves; the SHU preview, the division and a payment."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from koperasi.domain.ledger import Account
from koperasi.domain.sales.rules import Producer
from koperasi.domain.savings.rules import SavingsKind
from koperasi.gui.books import year_end_dialog
from koperasi.gui.books.year_end_dialog import YearEndDialog
from koperasi.gui.context import AppContext
from koperasi.services import reversals
from koperasi.services.books import shu_reversals
from tests.books_support import books_office
from tests.loan_support import account_balance


def _as(context, actor):
    return AppContext(database=context.database, actor=actor, office=context.office)


def _year_2025(context):
    books = books_office(context.database, context.actor)
    siti, rina = books.office.member("Siti Aminah"), books.office.member("Rina Wati")
    books.close(2024)
    books.deposit(siti, SavingsKind.POKOK, 100_000, date(2025, 1, 15))
    books.deposit(rina, SavingsKind.POKOK, 100_000, date(2025, 2, 3))
    product = books.shop.product()
    books.shop.intake(Producer(member_id=siti), product, 1000, on=date(2025, 5, 2))
    books.shop.sell((Producer(member_id=siti), product, 1000, 500_000), on=date(2025, 5, 3))
    return books


def test_close_divide_and_pay_from_the_dialog(qtbot, context, monkeypatch):
    books = _year_2025(context)
    monkeypatch.setattr(year_end_dialog, "confirm", lambda *args, **kwargs: True)
    shown = []
    monkeypatch.setattr(year_end_dialog, "show_info", lambda parent, title, text: shown.append(text))

    treasurer = YearEndDialog(_as(context, books.office.treasurer))
    qtbot.addWidget(treasurer)
    assert treasurer.year_spin.value() == 2025
    assert "SHU <b>Rp50.000</b>" in treasurer.status.text() and "masih terbuka" in treasurer.status.text()
    assert treasurer.approve_button.isHidden() and treasurer.request_button.isEnabled()
    treasurer.request_button.click()
    assert "menunggu persetujuan" in treasurer.status.text()

    chair = YearEndDialog(_as(context, books.office.manager))
    qtbot.addWidget(chair)
    assert chair.request_button.isHidden() and chair.approve_button.isEnabled()
    chair.approve_button.click()
    assert shown == ["Tahun buku 2025 sudah ditutup."]

    treasurer.reload()
    assert "Pratinjau pembagian" in treasurer.status.text()
    assert treasurer.parts_model.rowCount() == 8 and treasurer.members_model.rowCount() == 2
    assert not treasurer.cash_button.isEnabled()
    treasurer.divide_button.click()
    assert "SHU dibagi pada 28 November 2026" in treasurer.status.text()
    treasurer.members_table.selectRow(0)
    previews = []
    monkeypatch.setattr(year_end_dialog, "preview_of_receipt", lambda parent, receipt: previews.append(receipt) or _Closed())
    treasurer.cash_button.click()
    assert previews[0].title == "KWITANSI PEMBAYARAN SHU" and previews[0].received_by == "Siti Aminah"
    assert treasurer.members_model.row(treasurer.members_model.index(0, 0)).paid_by is not None
    with books.session() as session:
        assert account_balance(session, Account.SHU_PAYABLE) == 22_500 - previews[0].amount

    # paid in cash by mistake: the treasurer asks to undo it, the chair approves in the list of reversals
    treasurer.members_table.selectRow(0)
    assert treasurer.reverse_button.isEnabled() and not treasurer.cash_button.isEnabled()
    asking = year_end_dialog.ReverseShuPaymentDialog(
        treasurer.context, 2025, treasurer.members_model.row(treasurer.members_model.index(0, 0)), treasurer)
    qtbot.addWidget(asking)
    asking.show()
    asking.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert asking.error_label.text() == "Tuliskan alasan pembatalan (paling sedikit 5 huruf)." and asking.isVisible()
    asking.reason_edit.setText("Seharusnya ke simpanan sukarela")
    asking.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert asking.result() == 1
    with books.session() as session:
        (waiting,) = reversals.pending_reversals(session, books.office.manager)
        shu_reversals.approve_shu_payment_reversal(session, books.office.manager, waiting.id)
        assert account_balance(session, Account.SHU_PAYABLE) == 22_500
    treasurer.reload()
    treasurer.members_table.selectRow(0)
    assert treasurer.cash_button.isEnabled() and not treasurer.reverse_button.isEnabled()  # owed again


class _Closed:
    def exec(self) -> int:
        return 0


def test_the_rat_pack_opens_for_a_closed_year(qtbot, context, monkeypatch):
    books = _year_2025(context)
    dialog = YearEndDialog(_as(context, books.office.clerk))
    qtbot.addWidget(dialog)
    assert not dialog.rat_button.isEnabled()  # 2025 still open
    books.close(2025)
    dialog.reload()
    assert dialog.rat_button.isEnabled() and not dialog.rat_button.isHidden()
    shown = []
    monkeypatch.setattr("koperasi.gui.pdf_preview.PdfPreviewDialog.exec", lambda self: shown.append(self) or 0)
    dialog.rat_button.menu().actions()[0].trigger()
    preview = shown[0]
    assert preview.windowTitle() == "Paket RAT tahun buku 2025"
    assert [preview.layout_combo.itemText(i) for i in range(preview.layout_combo.count())] == [
        "Laporan RAT", "Daftar hadir RAT"]
