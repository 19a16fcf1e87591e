"""Berkas → Pembatalan menunggu persetujuan: reversals asked for by one user, approved or rejected by another.

It joins the areas (a loan movement, a sale, a payout, a saving, a cash-book entry, an SHU payment), so it lives beside the main window.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.dates import format_datetime
from koperasi.domain.errors import DomainError
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import ReversalKind
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.messages import WARNING_STYLE, confirm, show_error, show_info
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.gui.tables import TipTableModel, make_table, selected_row
from koperasi.services import reversals
from koperasi.services.books import shu_reversals
from koperasi.services.cashbook import entries as cash_entries
from koperasi.services.loans import payments as loan_payments
from koperasi.services.reversals import PendingReversal
from koperasi.services.sales import payouts
from koperasi.services.sales import selling as sales
from koperasi.services.savings import movements as savings

APPROVE = {
    ReversalKind.LOAN_MOVEMENT: loan_payments.approve_movement_reversal,
    ReversalKind.SALE: sales.approve_sale_reversal,
    ReversalKind.PAYOUT: payouts.approve_payout_reversal,
    ReversalKind.SAVING: savings.approve_savings_reversal,
    ReversalKind.CASH_ENTRY: cash_entries.approve_cash_reversal,
    ReversalKind.SHU_PAYMENT: shu_reversals.approve_shu_payment_reversal,
}


class RejectReversalDialog(FormDialog):
    def __init__(self, context: AppContext, request: PendingReversal, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(self.tr("Tolak permintaan pembatalan: <b>{summary}</b>, {amount}. Transaksinya tetap berlaku.").format(
            summary=escape(request.summary), amount=format_rupiah(request.amount)))
        self.reason_edit = self.form_.add(self.tr("&Alasan penolakan:"), QLineEdit(objectName="reversalRejectReasonEdit"), "reason")
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("wajib diisi, misalnya: kuitansi cocok dengan uang di laci"))
        super().__init__(self.form_, object_name="reversalRejectDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Tolak pembatalan"))
        self.context, self.request = context, request

    def save(self) -> None:
        with self.context.database.session() as session:
            reversals.reject_reversal(session, self.context.actor, self.request.id, reason=self.reason_edit.text())


class PendingReversalsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingReversalsDialog")
        self.setWindowTitle(self.tr("Pembatalan menunggu persetujuan"))
        self.context = context
        self.note = QLabel(objectName="pendingReversalsNote")
        self.note.setWordWrap(True)
        self.model: ListTableModel[PendingReversal] = TipTableModel(
            [
                Column(self.tr("Diminta"), lambda r: format_datetime(r.requested_at.astimezone())),
                Column(self.tr("Oleh"), lambda r: r.requested_by),
                Column(self.tr("Jenis"), lambda r: r.kind.label),
                Column(self.tr("Transaksi"), lambda r: r.summary),
                Column(self.tr("Jumlah"), lambda r: format_rupiah(r.amount), align_right=True),
                Column(self.tr("Alasan"), lambda r: r.reason),
            ],
            parent=self,
        )
        self.table = make_table("pendingReversalsTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.approve_button = QPushButton(self.tr("&Setujui dan batalkan"), objectName="reversalApproveButton")
        self.reject_button = QPushButton(self.tr("&Tolak…"), objectName="reversalRejectButton")
        self.approve_button.clicked.connect(self._approve)
        self.reject_button.clicked.connect(self._reject)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        close.rejected.connect(self.reject)
        self.refusal_label = QLabel(objectName="reversalRefusalLabel")
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setStyleSheet(WARNING_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.refusal_label, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 960, 480)
        self.reload()

    def reload(self) -> None:
        with self.context.database.session() as session:
            rows = reversals.pending_reversals(session, self.context.actor)
        self.model.set_rows(rows)
        fit_columns(self.table, stretch=3, caps={1: 140, 5: 220})  # Transaksi keeps the width; a long reason elides
        self.note.setText(
            self.tr("{count} permintaan menunggu. Pembatalan baru dibukukan setelah disetujui pengguna lain yang "
                    "berwenang; yang meminta tidak dapat menyetujui permintaannya sendiri (prinsip empat mata).").format(count=len(rows))
            if rows else self.tr("Tidak ada pembatalan yang menunggu persetujuan.")
        )
        if rows:
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> PendingReversal | None:
        return selected_row(self.table)

    def _selection_changed(self, *_args) -> None:
        request = self.selected()
        refusal = request.refusal if request else None
        for button in (self.approve_button, self.reject_button):
            button.setEnabled(request is not None and refusal is None)
            button.setToolTip(refusal or "")
        self.refusal_label.setText(refusal or "")

    def _approve(self) -> None:
        request = self.selected()
        if request is None or not confirm(
            self, self.tr("Setujui pembatalan"),
            self.tr("Batalkan {summary} ({amount}) dengan alasan \"{reason}\"? Jurnal pembaliknya dibukukan atas nama Anda.").format(
                summary=request.summary, amount=format_rupiah(request.amount), reason=request.reason),
            yes=self.tr("Setujui dan batalkan"),
        ):
            return
        try:
            with self.context.database.session() as session:
                APPROVE[request.kind](session, self.context.actor, request.id)
        except DomainError as error:
            show_error(self, self.tr("Pembatalan tidak dapat dibukukan"), error.message)
        else:
            show_info(self, self.tr("Pembatalan dibukukan"), self.tr("{summary} sudah dibatalkan.").format(summary=request.summary))
        self.reload()

    def _reject(self) -> None:
        request = self.selected()
        if request is not None and RejectReversalDialog(self.context, request, self).exec():
            self.reload()

