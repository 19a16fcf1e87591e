"""The selected loan: its header, schedule and movements, and the actions its status allows."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.loans import LoanStatus, MovementKind
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Actor, Permission
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.services.loan_queries import LoanDetail, MovementView, ScheduleItem

RECEIPT_KINDS = {MovementKind.DISBURSEMENT, MovementKind.ADMIN_FEE, MovementKind.REPAYMENT}


class LoanDetailPanel(QWidget):
    approve_requested = Signal()
    reject_requested = Signal()
    disburse_requested = Signal()
    repay_requested = Signal()
    reverse_requested = Signal()
    reschedule_requested = Signal()
    write_off_requested = Signal()
    card_requested = Signal()
    receipt_requested = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loanDetailPanel")
        self.actor = actor
        self.loan: LoanDetail | None = None
        self.header = QLabel()
        self.header.setObjectName("loanDetailText")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.schedule_model: ListTableModel[ScheduleItem] = ListTableModel(self._schedule_columns(), parent=self)
        self.schedule_table = self._table("loanScheduleTable", self.schedule_model)
        self.movement_model: ListTableModel[MovementView] = ListTableModel(self._movement_columns(), parent=self)
        self.movement_table = self._table("loanMovementsTable", self.movement_model)
        self.movement_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.movement_table.doubleClicked.connect(self.receipt_requested)

        self.approve_button = self._button("loanApproveButton", self.tr("Se&tujui…"), self.approve_requested, Permission.DECIDE_LOANS)
        self.reject_button = self._button("loanRejectButton", self.tr("T&olak…"), self.reject_requested, Permission.DECIDE_LOANS)
        self.disburse_button = self._button("loanDisburseButton", self.tr("&Cairkan…"), self.disburse_requested, Permission.DISBURSE_LOANS)
        self.repay_button = self._button("loanRepayButton", self.tr("Terima &angsuran…"), self.repay_requested, Permission.TAKE_REPAYMENTS)
        self.reschedule_button = self._button("loanRescheduleButton", self.tr("&Jadwal ulang…"), self.reschedule_requested, Permission.DECIDE_LOANS)
        self.write_off_button = self._button("loanWriteOffButton", self.tr("&Hapus buku…"), self.write_off_requested, Permission.WRITE_OFF_LOANS)
        self.reverse_button = self._button("loanReverseButton", self.tr("&Batalkan transaksi…"), self.reverse_requested, Permission.REVERSE_MOVEMENTS)
        self.receipt_button = self._button("loanReceiptButton", self.tr("Cetak k&witansi…"), self.receipt_requested, None)
        self.card_button = self._button("loanCardButton", self.tr("Cetak &kartu pinjaman…"), self.card_requested, None)
        buttons = QGridLayout()
        shown = [
            button
            for button in (self.approve_button, self.reject_button, self.disburse_button, self.repay_button,
                           self.reschedule_button, self.write_off_button, self.reverse_button, self.receipt_button,
                           self.card_button)
            if not button.isHidden()  # a role without the permission does not see the button at all
        ]
        for position, button in enumerate(shown):
            buttons.addWidget(button, position // 4, position % 4)

        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(_titled(self.tr("Jadwal angsuran"), self.schedule_table))
        tables.addWidget(_titled(self.tr("Transaksi"), self.movement_table))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(tables, 1)
        layout.addLayout(buttons)
        self.show_loan(None)

    def _schedule_columns(self) -> list[Column[ScheduleItem]]:
        def status(item: ScheduleItem) -> str:
            if item.unpaid == 0:
                return self.tr("Lunas")
            if item.paid:
                return self.tr("Sebagian")
            return self.tr("Belum dibayar")

        return [
            Column(self.tr("No"), lambda i: str(i.number), align_right=True),
            Column(self.tr("Jatuh tempo"), lambda i: format_date(i.due_on)),
            Column(self.tr("Angsuran"), lambda i: format_rupiah(i.amount), align_right=True),
            Column(self.tr("Dibayar"), lambda i: format_rupiah(i.paid), align_right=True),
            Column(self.tr("Status"), status, muted=lambda i: i.unpaid == 0),
        ]

    def _movement_columns(self) -> list[Column[MovementView]]:
        def muted(movement: MovementView) -> bool:
            return movement.reversed or movement.kind is MovementKind.REVERSAL

        def cancelled(movement: MovementView) -> str:
            if movement.reversed:
                return self.tr("Ya")
            if movement.kind is MovementKind.REVERSAL:
                return self.tr("(pembatalan) {reason}").format(reason=movement.reason)
            return ""

        def kind(movement: MovementView) -> str:
            if movement.kind is MovementKind.WRITE_OFF and movement.reason:
                return f"{movement.kind.label}: {movement.reason}"
            return movement.kind.label

        return [
            Column(self.tr("Tanggal"), lambda m: m.occurred_on.strftime("%d-%m-%Y"), muted=muted),
            Column(self.tr("Jenis"), kind, muted=muted),
            Column(self.tr("Kwitansi"), lambda m: m.receipt_number or "—", muted=muted),
            Column(self.tr("Jumlah"), lambda m: format_rupiah(m.amount), align_right=True, muted=muted),
            Column(self.tr("Oleh"), lambda m: m.recorded_by, muted=muted),
            Column(self.tr("Dibatalkan?"), cancelled, muted=muted),
        ]

    def _table(self, name: str, model: ListTableModel) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _button(self, name: str, text: str, signal, permission: Permission | None) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(signal)
        button.setVisible(permission is None or self.actor.can(permission))
        return button

    def selected_movement(self) -> MovementView | None:
        rows = self.movement_table.selectionModel().selectedRows()
        return self.movement_model.row(rows[0]) if rows else None

    def show_loan(self, loan: LoanDetail | None) -> None:
        self.loan = loan
        self.schedule_model.set_rows(loan.schedule if loan else [])
        self.movement_model.set_rows(loan.movements if loan else [])
        for table, widths in ((self.schedule_table, (36, 135, 105, 105)), (self.movement_table, (85, 120, 150, 95, 95))):
            for column, width in enumerate(widths):
                table.setColumnWidth(column, width)
        if loan is None:
            self.header.setText(f"<p style='color:#666'>{escape(self.tr('Pilih pinjaman di daftar untuk melihat rinciannya.'))}</p>")
        else:
            self.header.setText(_header_html(loan))
        self._update_buttons()

    def _update_buttons(self) -> None:
        loan = self.loan
        status = loan.status if loan else None
        movement = self.selected_movement()
        self.approve_button.setEnabled(status is LoanStatus.APPLIED)
        self.reject_button.setEnabled(status is LoanStatus.APPLIED)
        self.disburse_button.setEnabled(status is LoanStatus.APPROVED)
        self.repay_button.setEnabled(status is LoanStatus.ACTIVE)
        self.reschedule_button.setEnabled(status is LoanStatus.ACTIVE)
        self.write_off_button.setEnabled(status is LoanStatus.ACTIVE)
        self.reverse_button.setEnabled(
            movement is not None and movement.kind is not MovementKind.REVERSAL and not movement.reversed
        )
        self.receipt_button.setEnabled(movement is not None and movement.kind in RECEIPT_KINDS)
        self.card_button.setEnabled(loan is not None and loan.status not in (LoanStatus.APPLIED, LoanStatus.REJECTED))


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    label = QLabel(f"<b>{escape(title)}</b>")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box


def _header_html(loan: LoanDetail) -> str:
    status = loan.status.label + (" (dijadwal ulang)" if loan.rescheduled else "")
    if loan.status in (LoanStatus.APPROVED, LoanStatus.REJECTED) and loan.decided_by_name:
        status += f" oleh {loan.decided_by_name}, {format_date(loan.decided_on)}" if loan.decided_on else ""
        if loan.decision_note:
            status += f": {loan.decision_note}"
    late = "—"
    if loan.status is LoanStatus.ACTIVE:
        late = (
            f"<span style='color:#b3261e'>{format_rupiah(loan.arrears)}, {loan.days_past_due} hari</span>"
            if loan.days_past_due or loan.arrears else "Tidak ada (lancar)"
        )
    next_due = (
        f"{format_date(loan.next_due_on)}, {format_rupiah(loan.next_due_amount)}" if loan.next_due_on else "—"
    )
    left = [
        ("Anggota", f"{loan.member_name} ({loan.member_number})"),
        ("Kelompok", loan.group_name or "Perorangan"),
        ("Produk", loan.product_name),
        ("Sumber dana", loan.fund_name),
        ("Keperluan", loan.purpose),
        ("Diajukan", f"{format_date(loan.applied_on)} oleh {loan.applied_by_name}"),
    ]
    right = [
        ("Pokok", f"{format_rupiah(loan.principal)}, {loan.term} × {loan.frequency.label.lower()}"),
        ("Biaya adm.", format_rupiah(loan.admin_fee) if loan.admin_fee else "—"),
        ("Status", status),
        ("Sisa pinjaman", format_rupiah(loan.outstanding) if loan.disbursed else "—"),
        ("Tunggakan", late),
        ("Jatuh tempo berikut", next_due),
    ]

    def rows(pairs):
        return "".join(
            f"<tr><td style='color:#555; padding-right:8px'>{escape(k)}</td><td>{v if k == 'Tunggakan' else escape(v)}</td></tr>"
            for k, v in pairs
        )

    return (
        f"<h3 style='margin:0'>{escape(loan.number)} — {escape(loan.member_name)}</h3>"
        f"<table width='100%'><tr><td valign='top' width='50%'><table>{rows(left)}</table></td>"
        f"<td valign='top'><table>{rows(right)}</table></td></tr></table>"
    )
