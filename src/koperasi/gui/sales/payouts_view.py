"""Pembayaran: what each producer is owed (with what they earned in a period), Bayar one or Bayar
semua, the recent payouts with Cetak bukti and Batalkan, and the producer statement for a period."""

from __future__ import annotations

import uuid
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import AWAITING, FOUR_EYES_NOTE
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.form_dialog import FieldForm
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import confirm, show_error, show_info
from koperasi.gui.money_edit import MoneyEdit
from koperasi.gui.sales import producer_key, producer_label, short_date
from koperasi.gui.date_field import date_edit
from koperasi.gui.sales import documents
from koperasi.gui.tables import TipTableModel, make_table, selected_row
from koperasi.services.sales import payouts
from koperasi.services.sales.payouts import Payable, PaidOut, PayoutRow
from koperasi import clock


def _period_text(period_from: date | None, period_to: date | None) -> str:
    if period_from and period_to:
        return f"{format_date(period_from)} s.d. {format_date(period_to)}"
    return ""


class PayDialog(FormDialog):
    """Bayar one producer: all they are owed unless the treasurer types less."""

    def __init__(self, context: AppContext, payable: Payable, *, period: tuple[date, date] | None,
                 parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm(self.tr("<b>{name}</b>: seluruh hasil {earned}, sudah dibayar {paid}, <b>belum dibayar {owed}</b>.").format(
            name=escape(producer_label(payable.name, payable.identity)), earned=format_rupiah(payable.earned),
            paid=format_rupiah(payable.paid), owed=format_rupiah(payable.owed)))
        self.amount_edit = MoneyEdit(value=payable.owed, objectName="payAmountEdit")
        f.add(self.tr("&Jumlah dibayar (Rp):"), self.amount_edit, "amount")
        self.date_edit = f.add(self.tr("&Tanggal bayar:"), date_edit("payDateEdit"), "paid_on")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.period_check = QCheckBox(self.tr("Untuk penjualan &periode:"), objectName="payPeriodCheck")
        self.from_edit = date_edit("payPeriodFromEdit", period[0] if period else QDate(clock.today()).addDays(-30))
        self.to_edit = date_edit("payPeriodToEdit", period[1] if period else QDate(clock.today()))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.from_edit)
        row_layout.addWidget(QLabel(self.tr("s.d.")))
        row_layout.addWidget(self.to_edit)
        row_layout.addStretch(1)
        f.add(self.period_check, row, "period_from")
        self.period_check.toggled.connect(row.setEnabled)
        self.period_check.setChecked(period is not None)
        row.setEnabled(period is not None)
        super().__init__(f, object_name="payDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Bayar penitip"))
        self.context, self.payable = context, payable
        self.request_id = uuid.uuid4()
        self.paid: PaidOut | None = None

    def save(self) -> None:
        if self.paid is not None:
            return
        amount = self.amount_edit.checked_value()
        period_from = self.from_edit.date().toPython() if self.period_check.isChecked() else None
        period_to = self.to_edit.date().toPython() if self.period_check.isChecked() else None
        with self.context.database.session() as session:
            self.paid = payouts.pay_producer(
                session, self.context.actor, self.payable.producer, amount=amount, paid_on=self.date_edit.date().toPython(),
                request_id=self.request_id, period_from=period_from, period_to=period_to,
            )


class ReversePayoutDialog(FormDialog):
    def __init__(self, context: AppContext, payout: PayoutRow, parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm(self.tr("Batalkan pembayaran <b>{number}</b> kepada {name}, {amount}. Jumlah itu kembali menjadi "
                                       "hak penitip.").format(number=escape(payout.number), name=escape(payout.producer),
                                                              amount=format_rupiah(payout.amount))
                                   + f"<br><i>{escape(FOUR_EYES_NOTE)}</i>")
        self.reason_edit = f.add(self.tr("&Alasan:"), QLineEdit(objectName="payoutReverseReasonEdit"), "reason")
        self.reason_edit.setPlaceholderText(self.tr("mis. salah penerima; jumlah salah"))
        self.reason_edit.setMaxLength(250)
        super().__init__(f, object_name="payoutReverseDialog", width=540, parent=parent)
        self.setWindowTitle(self.tr("Minta pembatalan pembayaran"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Minta pembatalan"))
        self.context, self.payout = context, payout
        self.request_id = uuid.uuid4()

    def save(self) -> None:
        with self.context.database.session() as session:
            payouts.request_payout_reversal(session, self.context.actor, self.payout.id, reason=self.reason_edit.text(),
                                            request_id=self.request_id)


class StatementDialog(FormDialog):
    """Laporan penitip: choose the producer and the period, then the PDF preview."""

    def __init__(self, context: AppContext, producers: list[Payable], selected: Payable | None,
                 period: tuple[date, date], parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm()
        self.producer_combo = f.add(self.tr("&Penitip:"), QComboBox(objectName="statementProducerCombo"), "producer")
        for row in producers:
            self.producer_combo.addItem(producer_label(row.name, row.identity), producer_key(row.producer))
        self._producers = {producer_key(row.producer): row.producer for row in producers}
        if selected is not None:
            self.producer_combo.setCurrentIndex(max(0, self.producer_combo.findData(producer_key(selected.producer))))
        self.from_edit = f.add(self.tr("&Dari:"), date_edit("statementFromEdit", period[0]), "period_from")
        self.to_edit = f.add(self.tr("&Sampai:"), date_edit("statementToEdit", period[1]), "period_to")
        super().__init__(f, object_name="statementDialog", width=480, parent=parent)
        self.setWindowTitle(self.tr("Laporan penitip"))
        self.context = context
        self.chosen = None

    def save(self) -> None:
        producer = self._producers.get(self.producer_combo.currentData())
        if producer is None:
            raise ValidationError(self.tr("Pilih penitip."), field="producer")
        period_from, period_to = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        if period_to < period_from:
            raise ValidationError(self.tr("Tanggal akhir periode harus sesudah tanggal awal."), field="period_to")
        self.chosen = (producer, period_from, period_to)


class PayoutsView(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payoutsView")
        self.context = context
        can_pay = context.actor.can(Permission.PAY_PRODUCERS)
        today = QDate(clock.today())
        self.period_check = QCheckBox(self.tr("&Periode:"), objectName="payoutPeriodCheck")
        self.period_check.setToolTip(self.tr("Tampilkan juga hasil penjualan dalam periode ini, dan bayar untuk periode ini"))
        self.from_edit = date_edit("payoutFromEdit", QDate(today.year(), today.month(), 1).addMonths(-1))
        self.to_edit = date_edit("payoutToEdit", QDate(today.year(), today.month(), 1).addDays(-1))
        self.period_check.toggled.connect(self.reload)
        self.from_edit.dateChanged.connect(self._period_changed)
        self.to_edit.dateChanged.connect(self._period_changed)
        self.pay_button = QPushButton(self.tr("&Bayar…"), objectName="payoutPayButton")
        self.pay_button.clicked.connect(self.pay)
        self.pay_all_button = QPushButton(self.tr("Bayar &semua…"), objectName="payoutPayAllButton")
        self.pay_all_button.clicked.connect(self.pay_all)
        for button in (self.pay_button, self.pay_all_button):
            button.setVisible(can_pay)
        self.statement_button = QPushButton(self.tr("&Laporan penitip…"), objectName="payoutStatementButton")
        self.statement_button.clicked.connect(self.statement)
        self.payable_model: ListTableModel[Payable] = TipTableModel(self._payable_columns(), parent=self)
        self.payable_table = make_table("payableTable", self.payable_model)
        self.payable_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.payable_total = QLabel(objectName="payableTotal")
        self.slip_button = QPushButton(self.tr("&Cetak bukti"), objectName="payoutSlipButton")
        self.slip_button.clicked.connect(self.print_slip)
        self.reverse_button = QPushButton(self.tr("Batal&kan…"), objectName="payoutReverseButton")
        self.reverse_button.setVisible(context.actor.can(Permission.REVERSE_SALES))
        self.reverse_button.clicked.connect(self._reverse)
        self.payout_model: ListTableModel[PayoutRow] = TipTableModel(self._payout_columns(), parent=self)
        self.payout_table = make_table("payoutTable", self.payout_model)
        self.payout_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._all_producers: list[Payable] = []

        top = QHBoxLayout()
        top.addWidget(self.period_check)
        top.addWidget(self.from_edit)
        top.addWidget(QLabel(self.tr("s.d.")))
        top.addWidget(self.to_edit)
        top.addStretch(1)
        top.addWidget(self.statement_button)
        owed = QGroupBox(self.tr("Hak penitip yang belum dibayar"))
        owed_bar = QHBoxLayout()
        owed_bar.addWidget(self.payable_total, 1)
        owed_bar.addWidget(self.pay_button)
        owed_bar.addWidget(self.pay_all_button)
        owed_layout = QVBoxLayout(owed)
        owed_layout.addWidget(self.payable_table, 1)
        owed_layout.addLayout(owed_bar)
        paid = QGroupBox(self.tr("Pembayaran terbaru"))
        paid_bar = QHBoxLayout()
        paid_bar.addStretch(1)
        paid_bar.addWidget(self.slip_button)
        paid_bar.addWidget(self.reverse_button)
        paid_layout = QVBoxLayout(paid)
        paid_layout.addWidget(self.payout_table, 1)
        paid_layout.addLayout(paid_bar)
        self.splitter = QSplitter(objectName="payoutSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(owed)
        self.splitter.addWidget(paid)
        self.splitter.setSizes([6_500, 3_500])  # "Belum dibayar", the last column, in sight on a 1024 px laptop
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._period_changed()
        self.reload()

    def _payable_columns(self) -> list[Column[Payable]]:
        return [
            Column(self.tr("Penitip"), lambda r: r.name),
            Column(self.tr("Nomor"), lambda r: r.identity),
            Column(self.tr("Hasil periode"), lambda r: format_rupiah(r.earned_in_period) if self.period() else "—", align_right=True),
            Column(self.tr("Seluruh hasil"), lambda r: format_rupiah(r.earned), align_right=True),
            Column(self.tr("Sudah dibayar"), lambda r: format_rupiah(r.paid), align_right=True),
            Column(self.tr("Belum dibayar"), lambda r: format_rupiah(r.owed), align_right=True),
        ]

    def _payout_columns(self) -> list[Column[PayoutRow]]:
        def cancelled(row: PayoutRow) -> bool:
            return row.cancelled

        return [
            Column(self.tr("Nomor"), lambda r: r.number, muted=cancelled),
            Column(self.tr("Tanggal"), lambda r: short_date(r.paid_on), muted=cancelled),
            Column(self.tr("Penitip"), lambda r: r.producer, muted=cancelled),
            Column(self.tr("Jumlah"), lambda r: format_rupiah(r.amount), align_right=True, muted=cancelled),
            Column(self.tr("Status"), lambda r: self.tr("Batal") if r.cancelled else "", muted=cancelled),
        ]

    def period(self) -> tuple[date, date] | None:
        """The chosen period; None when no period is chosen or one of its dates is not valid (see period_error)."""
        if not self.period_check.isChecked() or self.period_error():
            return None
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def period_error(self) -> str:
        if not self.period_check.isChecked():
            return ""
        return next((edit.error() for edit in (self.from_edit, self.to_edit) if not edit.is_valid()), "")

    def _period_changed(self) -> None:
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(self.period_check.isChecked())
        if self.period_check.isChecked():
            self.reload()

    def reload(self) -> None:
        for edit in (self.from_edit, self.to_edit):
            edit.setEnabled(self.period_check.isChecked())
        period = self.period()
        if self.period_error():
            self.payable_total.setText(self.period_error())
            return
        if period and period[1] < period[0]:
            self.payable_total.setText(self.tr("Tanggal akhir periode harus sesudah tanggal awal."))
            return
        try:
            with self.context.database.session() as session:
                owed = payouts.payables(session, self.context.actor, period_from=period[0] if period else None,
                                        period_to=period[1] if period else None)
                recent = payouts.recent_payouts(session, self.context.actor)
        except DomainError as error:
            show_error(self, self.tr("Pembayaran"), error.message)
            return
        self.payable_model.set_rows(owed)
        fit_columns(self.payable_table, stretch=0)
        self.payout_model.set_rows(recent)
        fit_columns(self.payout_table, stretch=2)
        total = sum(row.owed for row in owed)
        if owed:
            self.payable_total.setText(self.tr("{count} penitip, belum dibayar <b>{total}</b>").format(
                count=len(owed), total=format_rupiah(total)))
        else:
            self.payable_total.setText(self.tr("Tidak ada hak penitip yang belum dibayar."))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.pay_button.setEnabled(selected_row(self.payable_table) is not None)
        self.pay_all_button.setEnabled(self.payable_model.rowCount() > 0)
        payout = selected_row(self.payout_table)
        self.slip_button.setEnabled(payout is not None)
        self.reverse_button.setEnabled(payout is not None and not payout.cancelled)

    def pay(self) -> None:
        payable = selected_row(self.payable_table)
        if payable is None or not self.context.actor.can(Permission.PAY_PRODUCERS):
            return
        dialog = PayDialog(self.context, payable, period=self.period(), parent=self)
        dialog.exec()
        if dialog.paid is not None:
            self.reload()
            self.changed.emit()
            self._offer_slip(dialog.paid)

    def _offer_slip(self, paid: PaidOut) -> None:
        question = self.tr("Pembayaran {number} sebesar {amount} tersimpan. Cetak bukti pembayaran?").format(
            number=paid.number, amount=format_rupiah(paid.amount))
        if confirm(self, self.tr("Pembayaran tersimpan"), question, yes=self.tr("Cetak bukti"), no=self.tr("Tutup")):
            documents.show(documents.payout_slip_preview(self, self.context, paid.id))

    def pay_all(self) -> None:
        if not self.context.actor.can(Permission.PAY_PRODUCERS) or self.payable_model.rowCount() == 0:
            return
        rows = [self.payable_model.row(self.payable_model.index(i, 0)) for i in range(self.payable_model.rowCount())]
        period = self.period()
        question = self.tr("Bayar {count} penitip seluruh haknya, jumlah {total}, tanggal hari ini?").format(
            count=len(rows), total=format_rupiah(sum(row.owed for row in rows)))
        if period:
            question += " " + self.tr("Bukti pembayaran mencantumkan penjualan {period}.").format(period=_period_text(*period))
        if not confirm(self, self.tr("Bayar semua penitip"), question, yes=self.tr("Bayar semua")):
            return
        try:
            with self.context.database.session() as session:
                paid = payouts.pay_all(session, self.context.actor, paid_on=clock.today(), request_id=uuid.uuid4(),
                                       period_from=period[0] if period else None, period_to=period[1] if period else None)
        except DomainError as error:
            show_error(self, self.tr("Bayar semua penitip"), error.message)
            return
        self.reload()
        self.changed.emit()
        show_info(self, self.tr("Bayar semua penitip"), self.tr(
            "{count} pembayaran tersimpan, jumlah {total}. Bukti tiap penitip dapat dicetak dari daftar Pembayaran terbaru.").format(
            count=len(paid), total=format_rupiah(sum(p.amount for p in paid))))

    def print_slip(self) -> None:
        payout = selected_row(self.payout_table)
        if payout is not None:
            documents.show(documents.payout_slip_preview(self, self.context, payout.id))

    def _reverse(self) -> None:
        payout = selected_row(self.payout_table)
        if payout is None or payout.cancelled or not self.context.actor.can(Permission.REVERSE_SALES):
            return
        if ReversePayoutDialog(self.context, payout, self).exec():
            show_info(self, self.tr("Menunggu persetujuan"), AWAITING)

    def statement(self) -> None:
        try:
            with self.context.database.session() as session:
                producers = payouts.payables(session, self.context.actor, owed_only=False)
        except DomainError as error:
            show_error(self, self.tr("Laporan penitip"), error.message)
            return
        if not producers:
            show_info(self, self.tr("Laporan penitip"), self.tr("Belum ada penitip yang barangnya terjual."))
            return
        if not (self.from_edit.is_valid() and self.to_edit.is_valid()):
            show_error(self, self.tr("Laporan penitip"), self.from_edit.error() or self.to_edit.error())
            return
        period = self.period() or (self.from_edit.date().toPython(), self.to_edit.date().toPython())
        dialog = StatementDialog(self.context, producers, selected_row(self.payable_table), period, self)
        if dialog.exec() and dialog.chosen is not None:
            documents.show(documents.statement_preview(self, self.context, *dialog.chosen))
