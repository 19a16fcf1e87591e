"""Setoran kelompok: at a group's meeting the clerk enters what each member paid and posts it
all at once (all or nothing); the sheet of what each member owes prints for the meeting. Amounts typed
and not yet posted are not lost: choosing another group or day, or closing the program, asks first."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import DomainError
from koperasi.domain.loans.papers import CollectionSheet
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Permission
from koperasi.gui import glossary
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.combos import find_data
from koperasi.gui.messages import set_inline_error, show_info
from koperasi.gui.money_edit import MoneyEdit
from koperasi.gui.screen_fit import narrow_combo
from koperasi.gui.unsaved_changes import Answer, UnsavedPage, ask_save_discard_keep
from koperasi.services.members import groups
from koperasi.services.loans import papers as loan_papers
from koperasi.services.loans import payments as loan_payments
from koperasi.services.loans.payments import GroupPayment
from koperasi import clock

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MEMBER, LOAN, DUE, ARREARS, TOTAL, PAID = range(6)


class CollectionView(UnsavedPage, QWidget):
    posted = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionView")
        self.context = context
        self.sheet: CollectionSheet | None = None
        self.request_id = uuid.uuid4()
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("collectionGroupCombo")
        narrow_combo(self.group_combo, 24)
        self.date_edit = DateField(objectName="collectionDateEdit", day=clock.today())
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("collectionTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Anggota"), self.tr("Pinjaman"), self.tr("Angsuran jatuh tempo"), self.tr("Tunggakan"),
             self.tr("Jumlah tagihan"), self.tr("Dibayar")]
        )
        for column in (DUE, ARREARS, TOTAL, PAID):
            self.table.horizontalHeaderItem(column).setTextAlignment(_RIGHT)
        self.table.horizontalHeaderItem(ARREARS).setToolTip(glossary.arrears())
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MEMBER, QHeaderView.ResizeMode.Stretch)
        for column, width in ((LOAN, 170), (DUE, 160), (ARREARS, 130), (TOTAL, 140), (PAID, 150)):
            self.table.setColumnWidth(column, width)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("collectionEmpty")
        self.empty_label.setStyleSheet("color: #666;")
        self.fill_button = QPushButton(self.tr("&Isi semua sesuai tagihan"))
        self.fill_button.setObjectName("collectionFillButton")
        self.fill_button.clicked.connect(self.fill_all)
        self.total_label = QLabel()
        self.total_label.setObjectName("collectionTotal")
        self.sheet_button = QPushButton(self.tr("&Cetak lembar tagihan…"))
        self.sheet_button.setObjectName("collectionSheetButton")
        self.sheet_button.clicked.connect(self._print_sheet)
        self.post_button = QPushButton(self.tr("&Bukukan"))
        self.post_button.setObjectName("collectionPostButton")
        self.post_button.clicked.connect(self.post)
        self.post_button.setVisible(context.actor.can(Permission.TAKE_REPAYMENTS))
        self.fill_button.setVisible(context.actor.can(Permission.TAKE_REPAYMENTS))
        self.error_label = QLabel()
        self.error_label.setObjectName("collectionError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Kelompok:"), buddy=self.group_combo))
        top.addWidget(self.group_combo)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("&Tanggal pertemuan:"), buddy=self.date_edit))
        top.addWidget(self.date_edit)
        top.addStretch(1)
        top.addWidget(self.sheet_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.fill_button)
        bottom.addStretch(1)
        bottom.addWidget(self.total_label)
        bottom.addSpacing(12)
        bottom.addWidget(self.post_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        self.refill_groups()
        self.group_combo.currentIndexChanged.connect(self._choice_changed)
        self.date_edit.dateChanged.connect(self._choice_changed)
        self.load()

    def has_unsaved_changes(self) -> bool:
        return any(self.paid_edit(row).text().strip() for row in range(self.table.rowCount()))

    def unsaved_title(self) -> str:
        return self.tr("Setoran kelompok {group}").format(group=self.sheet.group_name) if self.sheet else self.tr("Setoran kelompok")

    def _choice_changed(self) -> None:
        """Another group or day: the typed amounts belong to the sheet on screen, so ask before they go."""
        if self.has_unsaved_changes():
            wanted = (self.group_combo.currentData(), self.date_edit.date())
            self._show_choice(*self._loaded)
            answer = ask_save_discard_keep(self)
            if answer is Answer.KEEP or (answer is Answer.SAVE and not self.post()):
                return
            self._show_choice(*wanted)
        self.load()

    def _show_choice(self, group_id: uuid.UUID | None, day: QDate) -> None:
        for widget in (self.group_combo, self.date_edit):
            widget.blockSignals(True)
        self.group_combo.setCurrentIndex(max(0, find_data(self.group_combo, group_id)))
        self.date_edit.setDate(day)
        for widget in (self.group_combo, self.date_edit):
            widget.blockSignals(False)

    def refill_groups(self) -> None:
        chosen = self.group_combo.currentData()
        with self.context.database.session() as session:
            choices = groups.group_choices(session, self.context.actor)
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("— pilih kelompok —"), None)
        for group_id, name in choices:
            self.group_combo.addItem(name, group_id)
        self.group_combo.setCurrentIndex(max(0, find_data(self.group_combo, chosen)))
        self.group_combo.blockSignals(False)

    def choose(self, group_id: uuid.UUID, meeting_on: QDate | None = None) -> None:
        self.refill_groups()
        self.group_combo.setCurrentIndex(find_data(self.group_combo, group_id))
        if meeting_on is not None:
            self.date_edit.setDate(meeting_on)

    def load(self) -> None:
        """Read the sheet of the chosen group and day; a new sheet gets a new request id."""
        set_inline_error(self.error_label, "")
        self.sheet = None
        self.request_id = uuid.uuid4()
        group_id = self.group_combo.currentData()
        self._loaded = (group_id, self.date_edit.date())  # the choice the sheet on screen belongs to
        if group_id is not None and not self.date_edit.is_valid():
            set_inline_error(self.error_label, self.date_edit.error())
        elif group_id is not None:
            try:
                with self.context.database.session() as session:
                    self.sheet = loan_papers.collection_sheet(
                        session, self.context.actor, group_id, meeting_on=self.date_edit.date().toPython()
                    )
            except DomainError as error:
                set_inline_error(self.error_label, error.message)
        lines = self.sheet.lines if self.sheet else ()
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            self._set(row, MEMBER, f"{line.member_name} ({line.member_number})")
            self._set(row, LOAN, line.loan_number)
            self._set(row, DUE, format_rupiah(line.installment_due), right=True)
            self._set(row, ARREARS, format_rupiah(line.arrears), right=True)
            self._set(row, TOTAL, format_rupiah(line.total_due), right=True)
            paid = MoneyEdit()
            paid.setObjectName(f"collectionPaid{row}")
            paid.setFrame(False)
            paid.value_changed.connect(self._update_total)
            self.table.setCellWidget(row, PAID, paid)
        if group_id is None:
            self.empty_label.setText(self.tr("Pilih kelompok dan tanggal pertemuan untuk melihat tagihan setiap anggota."))
        elif not lines:
            self.empty_label.setText(self.tr("Kelompok ini tidak punya pinjaman yang sedang berjalan."))
        self.empty_label.setVisible(not lines)
        for button in (self.fill_button, self.post_button, self.sheet_button):
            button.setEnabled(bool(lines))
        self._update_total()

    def _set(self, row: int, column: int, text: str, *, right: bool = False) -> None:
        item = QTableWidgetItem(text)
        if right:
            item.setTextAlignment(_RIGHT)
        self.table.setItem(row, column, item)

    def paid_edit(self, row: int) -> MoneyEdit:
        return self.table.cellWidget(row, PAID)

    def fill_all(self) -> None:
        if self.sheet is None:
            return
        for row, line in enumerate(self.sheet.lines):
            self.paid_edit(row).set_value(line.total_due)

    def _amounts(self) -> list[int]:
        amounts = []
        for row in range(self.table.rowCount()):
            try:
                amounts.append(self.paid_edit(row).value())
            except DomainError:
                amounts.append(0)
        return amounts

    def _update_total(self) -> None:
        due = sum(line.total_due for line in self.sheet.lines) if self.sheet else 0
        self.total_label.setText(
            self.tr("Tagihan {due} · Dibayar <b>{paid}</b>").format(due=format_rupiah(due), paid=format_rupiah(sum(self._amounts())))
        )

    def post(self) -> bool:
        """Post every typed amount; whether it was posted (a refusal is shown under the sheet)."""
        if self.sheet is None:
            return False
        payments = []
        for row, line in enumerate(self.sheet.lines):
            try:
                amount = self.paid_edit(row).value()
            except DomainError as error:
                set_inline_error(self.error_label, f"{line.member_name} ({line.loan_number}): {error.message}")
                self.paid_edit(row).setFocus()
                return False
            payments.append(GroupPayment(uuid.UUID(line.loan_id), amount))
        try:
            with self.context.database.session() as session:
                results = loan_payments.post_group_collection(
                    session, self.context.actor, self.group_combo.currentData(),
                    paid_on=self.date_edit.checked_date("paid_on"), payments=payments, request_id=self.request_id,
                )
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            return False
        total = sum(result.amount for result in results)
        numbers = [result.receipt_number for result in results]
        receipts = numbers[0] if len(numbers) == 1 else f"{numbers[0]} s.d. {numbers[-1]}"
        self.load()
        self.posted.emit()
        show_info(
            self, self.tr("Setoran kelompok"),
            self.tr("{count} setoran dibukukan, jumlah {total}; kwitansi {receipts}.").format(
                count=len(results), total=format_rupiah(total), receipts=receipts
            ),
        )
        return True

    def _print_sheet(self) -> None:
        if self.sheet is None:
            return
        from koperasi.gui.pdf_preview import PdfPreviewDialog, write_to_bytes
        from koperasi.reports.loans.collection_sheet import write_collection_sheet

        sheet = self.sheet
        name = f"lembar-tagihan-{sheet.group_name.replace(' ', '-').replace('/', '-')}-{sheet.meeting_on:%Y-%m-%d}.pdf"
        PdfPreviewDialog(
            self.tr("Lembar tagihan {group}").format(group=sheet.group_name),
            {self.tr("A4"): (lambda: write_to_bytes(lambda out: write_collection_sheet(sheet, out)), name)},
            self,
        ).exec()
