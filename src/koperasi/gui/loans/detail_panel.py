"""The selected loan: its header, schedule and movements, and the actions its status allows."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from koperasi import clock
from koperasi.domain.dates import format_date
from koperasi.domain.loans.rules import LoanStatus, MovementKind
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Actor, Permission
from koperasi.gui import glossary
from koperasi.gui.flow_layout import FlowLayout
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.columns import fit_columns
from koperasi.services.loans.queries import LoanDetail, MovementView, ScheduleItem

RECEIPT_KINDS = {MovementKind.DISBURSEMENT, MovementKind.ADMIN_FEE, MovementKind.REPAYMENT}
PAID_COLUMN = 3  # of the schedule table
RECORDED_BY_WIDTH = 130  # longer names are elided: the column must not push the table past 1280 px


class LoanDetailPanel(QWidget):
    """The header, then the schedule and the movements as two tabs (the chosen one gets the
    height), then one row of actions: the main step of each status as a button, the rest in
    "Tindakan lain"."""

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
        self.hint = QLabel(self.tr("Pilih pinjaman di daftar untuk melihat rinciannya."))
        self.hint.setObjectName("loanDetailHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666")
        self.header = QLabel()
        self.header.setObjectName("loanDetailText")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setToolTip("\n".join((glossary.principal(), glossary.term(), glossary.arrears())))  # the terms in it
        self.schedule_model: ListTableModel[ScheduleItem] = ListTableModel(self._schedule_columns(), parent=self)
        self.schedule_table = self._table("loanScheduleTable", self.schedule_model)
        self.movement_model: ListTableModel[MovementView] = ListTableModel(self._movement_columns(), parent=self)
        self.movement_table = self._table("loanMovementsTable", self.movement_model)
        self.movement_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.movement_table.doubleClicked.connect(self.receipt_requested)
        self.tables = QTabWidget()
        self.tables.setObjectName("loanDetailTabs")
        self.tables.setDocumentMode(True)
        self.tables.addTab(self.schedule_table, "")
        self.tables.addTab(self.movement_table, "")
        self._name_tabs()

        # The next step of a loan's life, one per status, stays in sight as a button.
        self.approve_button = self._button("loanApproveButton", self.tr("Se&tujui…"), self.approve_requested, Permission.DECIDE_LOANS)
        self.disburse_button = self._button("loanDisburseButton", self.tr("&Cairkan…"), self.disburse_requested, Permission.DISBURSE_LOANS)
        self.repay_button = self._button("loanRepayButton", self.tr("Terima &angsuran…"), self.repay_requested, Permission.TAKE_REPAYMENTS)
        # The rarer ones go in a menu, with the same rules for who sees them and when they apply.
        self.reject_action = self._action("loanRejectAction", self.tr("T&olak…"), self.reject_requested, Permission.DECIDE_LOANS)
        self.reschedule_action = self._action("loanRescheduleAction", self.tr("&Jadwal ulang…"), self.reschedule_requested, Permission.DECIDE_LOANS)
        self.write_off_action = self._action("loanWriteOffAction", self.tr("&Hapus buku…"), self.write_off_requested, Permission.WRITE_OFF_LOANS)
        self.reverse_action = self._action("loanReverseAction", self.tr("&Batalkan transaksi terpilih…"), self.reverse_requested, Permission.REVERSE_MOVEMENTS)
        self.receipt_action = self._action("loanReceiptAction", self.tr("Cetak k&witansi transaksi terpilih…"), self.receipt_requested, None)
        self.card_action = self._action("loanCardAction", self.tr("Cetak &kartu pinjaman…"), self.card_requested, None)
        self.more_menu = QMenu(self)
        self.more_menu.setObjectName("loanMoreMenu")
        self.more_menu.setToolTipsVisible(True)  # says why Tolak is unavailable to the applicant
        self.more_menu.addActions([self.reject_action, self.reschedule_action, self.write_off_action])
        self.more_menu.addSeparator()  # collapsed when a role sees none of the three above
        self.more_menu.addActions([self.reverse_action, self.receipt_action, self.card_action])
        # A push button with a menu rather than a QToolButton: it looks like its neighbours and
        # the style leaves room for the ▾ (Fusion draws a tool button's arrow over its text).
        self.more_button = QPushButton(self.tr("Tindakan &lain"))
        self.more_button.setObjectName("loanMoreButton")
        self.more_button.setMenu(self.more_menu)  # Alt+L opens it too
        # Right-click on a movement offers what applies to it.
        self.movement_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.movement_table.addActions([self.reverse_action, self.receipt_action])

        # Beside the greyed Setujui, in sight: the applicant should not have to hover to learn why.
        self.decision_hint = QLabel(self.tr("Anda pengajunya: pengurus lain yang memutuskan."))
        self.decision_hint.setObjectName("loanDecisionHint")
        self.decision_hint.setStyleSheet("color: #666")
        self.decision_hint.setWordWrap(True)
        actions = FlowLayout()  # wraps in the narrow pane of a 1024 px laptop instead of squeezing the list
        actions.setContentsMargins(0, 0, 0, 0)
        for button in (self.approve_button, self.decision_hint, self.disburse_button, self.repay_button, self.more_button):
            actions.addWidget(button)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.header)
        content_layout.addWidget(self.tables, 1)
        content_layout.addLayout(actions)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.hint)  # nothing chosen: only the hint, no empty tables or dead buttons
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.pages)
        self.show_loan(None)

    def _schedule_columns(self) -> list[Column[ScheduleItem]]:
        return [
            Column(self.tr("No"), lambda i: str(i.number), align_right=True),
            Column(self.tr("Jatuh tempo"), lambda i: format_date(i.due_on)),
            Column(self.tr("Angsuran"), lambda i: format_rupiah(i.amount), align_right=True),
            Column(self.tr("Dibayar"), lambda i: format_rupiah(i.paid), align_right=True),
            Column(self.tr("Status"), lambda i: i.status, muted=lambda i: i.unpaid == 0),
        ]

    def _movement_columns(self) -> list[Column[MovementView]]:
        def muted(movement: MovementView) -> bool:
            return movement.reversed or movement.kind is MovementKind.REVERSAL

        def kind(movement: MovementView) -> str:
            text = movement.kind.label
            if movement.kind in (MovementKind.WRITE_OFF, MovementKind.REVERSAL) and movement.reason:
                text = f"{text}: {movement.reason}"
            if movement.reversed:
                text = self.tr("{kind} (dibatalkan)").format(kind=text)
            return text

        return [
            Column(self.tr("Tanggal"), lambda m: m.occurred_on.strftime("%d-%m-%Y"), muted=muted),
            Column(self.tr("Jenis"), kind, muted=muted),
            Column(self.tr("Kwitansi"), lambda m: m.receipt_number or "—", muted=muted),
            Column(self.tr("Jumlah"), lambda m: format_rupiah(m.amount), align_right=True, muted=muted),
            Column(self.tr("Oleh"), lambda m: m.recorded_by, muted=muted),
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
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        return table

    def _button(self, name: str, text: str, signal, permission: Permission | None) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(signal)
        button.setVisible(permission is None or self.actor.can(permission))  # not offered at all to other roles
        return button

    def _action(self, name: str, text: str, signal, permission: Permission | None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(signal)
        action.setVisible(permission is None or self.actor.can(permission))
        return action

    def _name_tabs(self) -> None:
        planned = self.loan is not None and self.loan.schedule_planned
        schedule = self.tr("&Jadwal rencana") if planned else self.tr("&Jadwal angsuran")
        movements = self.tr("T&ransaksi")
        if self.loan is not None:
            schedule += f" ({len(self.loan.schedule)})"
            movements += f" ({len(self.loan.movements)})"
        self.tables.setTabText(0, schedule)
        self.tables.setTabText(1, movements)
        self.tables.setTabToolTip(0, self.tr(
            "Belum dicairkan: jadwal bila dicairkan hari ini, {today}. Jadwal sebenarnya dibuat dari tanggal "
            "pencairan dan tanggal angsuran pertama yang dipilih saat pencairan."
        ).format(today=format_date(clock.today())) if planned else "")

    def selected_movement(self) -> MovementView | None:
        rows = self.movement_table.selectionModel().selectedRows()
        return self.movement_model.row(rows[0]) if rows else None

    def show_loan(self, loan: LoanDetail | None) -> None:
        self.loan = loan
        self.schedule_model.set_rows(loan.schedule if loan else [])
        self.movement_model.set_rows(loan.movements if loan else [])
        self._name_tabs()
        self.schedule_table.setColumnHidden(PAID_COLUMN, loan is not None and loan.schedule_planned)  # nothing paid on a plan
        if loan is None:
            self.header.clear()
            self.pages.setCurrentIndex(0)
        else:
            self.header.setText(_header_html(loan))
            # once per loan: a schedule or a loan's movements are tens of rows, not thousands
            fit_columns(self.schedule_table, stretch=4)
            fit_columns(self.movement_table, stretch=1, caps={4: RECORDED_BY_WIDTH})
            self.pages.setCurrentIndex(1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        loan = self.loan
        status = loan.status if loan else None
        movement = self.selected_movement()
        # Four eyes: the service says when this user, though a decider, may not decide this loan.
        refusal = loan.decision_refusal if loan else None
        self.approve_button.setEnabled(status is LoanStatus.APPLIED and refusal is None)
        # An approval is cancelled the way an application is refused, as long as no money went out.
        self.reject_action.setEnabled(status in (LoanStatus.APPLIED, LoanStatus.APPROVED) and refusal is None)
        self.reject_action.setText(self.tr("Batalkan &persetujuan…") if status is LoanStatus.APPROVED else self.tr("T&olak…"))
        shown_refusal = refusal if status is LoanStatus.APPLIED else None
        self.approve_button.setToolTip(shown_refusal or "")
        self.reject_action.setToolTip(shown_refusal or "")
        self.decision_hint.setToolTip(shown_refusal or "")
        self.decision_hint.setVisible(shown_refusal is not None and self.actor.can(Permission.DECIDE_LOANS))
        self.disburse_button.setEnabled(status is LoanStatus.APPROVED)
        self.repay_button.setEnabled(status is LoanStatus.ACTIVE)
        self.reschedule_action.setEnabled(status is LoanStatus.ACTIVE)
        self.write_off_action.setEnabled(status is LoanStatus.ACTIVE)
        self.reverse_action.setEnabled(
            movement is not None and movement.kind is not MovementKind.REVERSAL and not movement.reversed
        )
        self.receipt_action.setEnabled(movement is not None and movement.kind in RECEIPT_KINDS)
        self.card_action.setEnabled(loan is not None and loan.status not in (LoanStatus.APPLIED, LoanStatus.REJECTED))
        self.more_button.setEnabled(
            any(action.isVisible() and action.isEnabled() for action in self.more_menu.actions() if not action.isSeparator())
        )


def _header_html(loan: LoanDetail) -> str:
    status = loan.status.label + (" (dijadwal ulang)" if loan.rescheduled else "")
    # Who decided, when and why runs the panel's full width: in the right-hand column of a 1024 px
    # screen it wrapped into a column of single words.
    decision = ""
    if loan.status in (LoanStatus.APPROVED, LoanStatus.REJECTED) and loan.decided_by_name:
        decision = f"{loan.status.label} oleh {loan.decided_by_name}"
        decision += f", {format_date(loan.decided_on)}" if loan.decided_on else ""
        decision += f": {loan.decision_note}" if loan.decision_note else ""
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
        ("Pokok", format_rupiah(loan.principal)),
        ("Tenor", f"{loan.term} × {loan.frequency.label.lower()}"),
        ("Biaya adm.", format_rupiah(loan.admin_fee) if loan.admin_fee else "—"),
        ("Status", status),
        ("Sisa pinjaman", format_rupiah(loan.outstanding) if loan.disbursed else "—"),
        ("Tunggakan", late),
        ("Jatuh tempo berikut", next_due),
    ]

    def rows(pairs: list[tuple[str, str]]) -> str:
        return "".join(
            f"<tr><td style='color:#555; padding-right:6px'>{escape(key)}</td>"  # may wrap: the pane is narrow at 1024 px
            f"<td>{value if key == 'Tunggakan' else escape(value)}</td></tr>"  # the only value with markup
            for key, value in pairs
        )

    # The left half holds the long names (member, product, fund), the right one amounts and dates.
    return (
        f"<h3 style='margin:0'>{escape(loan.number)} — {escape(loan.member_name)}</h3>"
        f"<table width='100%' cellspacing='0'><tr><td valign='top' width='53%'><table>{rows(left)}</table></td>"
        f"<td valign='top' width='47%'><table>{rows(right)}</table></td></tr></table>"
        + (f"<p style='margin:4px 0 0 0; color:#555'>{escape(decision)}</p>" if decision else "")
    )
