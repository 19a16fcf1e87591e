"""Kas kantor: the office's own income and expenses month by month, by account, with their vouchers.

Opened from Berkas → Kas kantor… (the office's book, not a member's: it sits beside Laporan bulanan rather
than in the Simpanan tab, which is organised around choosing a member)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.cashbook.papers import CashBookPage, CashLine
from koperasi.domain.cashbook.rules import CashDirection
from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.months import last_months, month_name
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import AWAITING
from koperasi.domain.roles import Permission
from koperasi.gui.breakdown_view import save_report
from koperasi.gui.cashbook.dialogs import CashEntryDialog, ReverseCashDialog
from koperasi.gui.columns import stretch_column, text_width
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.list_model import Column
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, write_to_bytes
from koperasi.gui.screen_fit import fit_to_screen, narrow_combo
from koperasi.gui.status import announce
from koperasi.gui.tables import TipTableModel, make_table, selected_row
from koperasi.services import accounts
from koperasi.services.cashbook import papers, queries
from koperasi import clock

MONTHS_SHOWN = 24  # the month filter offers this many months back from today


def _described(line: CashLine) -> str:
    text = f"{line.description} ({line.party})" if line.party and not line.is_reversal else line.description
    return f"{text} (BATAL)" if line.cancelled else text


class CashBookView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashBookView")
        self.context = context
        self.page: CashBookPage | None = None
        actor = context.actor
        self.month_combo = QComboBox(objectName="cashMonthCombo")
        self.month_combo.addItem(self.tr("Semua bulan"), None)
        for month in reversed(last_months((clock.today().year, clock.today().month), MONTHS_SHOWN)):
            self.month_combo.addItem(month_name(month), month)
        self.month_combo.setCurrentIndex(1)
        self.account_combo = narrow_combo(QComboBox(objectName="cashAccountCombo"))
        self.account_combo.addItem(self.tr("Semua akun"), None)
        with context.database.session() as session:
            for account in accounts.chart(session, actor):
                if account.group is not None:
                    self.account_combo.addItem(account.label + (self.tr(" (nonaktif)") if account.retired else ""), account.code)
        month_label, account_label = QLabel(self.tr("&Bulan:")), QLabel(self.tr("A&kun:"))
        month_label.setBuddy(self.month_combo)
        account_label.setBuddy(self.account_combo)
        self.month_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.account_combo.currentIndexChanged.connect(lambda _: self.reload())

        self.income_button = QPushButton(self.tr("&Pemasukan…"), objectName="cashIncomeButton")
        self.expense_button = QPushButton(self.tr("Pen&geluaran…"), objectName="cashExpenseButton")
        self.voucher_button = QPushButton(self.tr("&Cetak bukti"), objectName="cashVoucherButton")
        self.reverse_button = QPushButton(self.tr("Minta pembata&lan…"), objectName="cashReverseButton")
        self.export_button = QPushButton(self.tr("&Ekspor Excel…"), objectName="cashExportButton")
        for button in (self.income_button, self.expense_button):
            button.setEnabled(actor.can(Permission.RECORD_CASH))
            button.setToolTip(self.tr("Dicatat oleh bendahara") if not actor.can(Permission.RECORD_CASH) else "")
        self.income_button.clicked.connect(lambda: self._record(CashDirection.INCOME))
        self.expense_button.clicked.connect(lambda: self._record(CashDirection.EXPENSE))
        self.voucher_button.clicked.connect(self._print_voucher)
        self.reverse_button.clicked.connect(self._reverse)
        self.export_button.clicked.connect(self._export)
        self._may_reverse = actor.can(Permission.REVERSE_CASH)

        self.model = TipTableModel(
            [Column(self.tr("Tanggal"), lambda r: format_date(r.occurred_on)),
             Column(self.tr("No. bukti"), lambda r: r.voucher_number),
             Column(self.tr("Akun"), lambda r: f"{r.account} {r.account_name}"),
             Column(self.tr("Uraian"), _described, muted=lambda r: r.cancelled or r.is_reversal),
             Column(self.tr("Masuk"), lambda r: format_rupiah(r.into) if r.into else "", align_right=True),
             Column(self.tr("Keluar"), lambda r: format_rupiah(r.out) if r.out else "", align_right=True),
             Column(self.tr("Dicatat oleh"), lambda r: r.recorded_by)],
            parent=self,
        )
        self.table = make_table("cashBookTable", self.model)
        for column, sample in ((0, "30 September 2026"), (1, "BKK/SRL/2026/000000"), (4, "Rp25.000.000"), (5, "Rp25.000.000"),
                               (6, "Bendahara Kantor")):
            self.table.setColumnWidth(column, text_width(self.table, sample))
        self.table.setColumnWidth(2, text_width(self.table, "5101 Beban operasional"))
        stretch_column(self.table, 3, 200)  # the description takes what is left; on a small screen the table scrolls
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.table.doubleClicked.connect(lambda _: self._print_voucher())
        self.note = EmptyListNote(self.table, "cashBookEmptyNote")
        self.totals_label = QLabel(objectName="cashTotalsLabel")

        filters = QHBoxLayout()
        filters.addWidget(month_label)
        filters.addWidget(self.month_combo)
        filters.addWidget(account_label)
        filters.addWidget(self.account_combo, 1)
        filters.addWidget(self.export_button)
        buttons = QHBoxLayout()
        for button in (self.income_button, self.expense_button, self.voucher_button, self.reverse_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)
        self.reload()

    def reload(self, select=None) -> None:
        with self.context.database.session() as session:
            self.page = queries.cash_book(session, self.context.actor, month=self.month_combo.currentData(),
                                          account=self.account_combo.currentData())
        self.model.set_rows(self.page.lines)
        self.note.show_text("" if self.page.lines else self.tr(
            "Belum ada pemasukan atau pengeluaran kas kantor pada pilihan ini. Tekan Pemasukan… atau Pengeluaran… untuk mencatat."))
        self.totals_label.setText(self.tr("Masuk <b>{into}</b> · Keluar <b>{out}</b> · Selisih <b>{net}</b>").format(
            into=format_rupiah(self.page.total_in), out=format_rupiah(self.page.total_out), net=format_rupiah(self.page.net)))
        if select is not None:
            row = next((index for index, line in enumerate(self.page.lines) if line.id == select), None)
            if row is not None:
                self.table.selectRow(row)
        self._enable()

    def _enable(self) -> None:
        line: CashLine | None = selected_row(self.table)
        has_voucher = line is not None and not line.is_reversal
        self.voucher_button.setEnabled(has_voucher)
        self.reverse_button.setEnabled(has_voucher and not line.cancelled and self._may_reverse)
        self.export_button.setEnabled(bool(self.page and self.page.lines))

    def _record(self, direction: CashDirection) -> None:
        dialog = CashEntryDialog(self.context, direction, self)
        if not dialog.exec() or dialog.result_ is None:
            return
        result = dialog.result_
        month = (result.occurred_on.year, result.occurred_on.month)
        if self.month_combo.currentData() not in (None, month):
            self.month_combo.setCurrentIndex(max(self.month_combo.findData(month), 0))
        self.reload(select=result.id)
        announce(self, self.tr("{what} {amount} tercatat, bukti {number}.").format(
            what=direction.label, amount=format_rupiah(result.amount), number=result.voucher_number))
        self._preview_voucher(result.id)

    def _print_voucher(self) -> None:
        line = selected_row(self.table)
        if line is not None and not line.is_reversal:
            self._preview_voucher(line.id)

    def _preview_voucher(self, entry_id) -> None:
        from koperasi.reports.cashbook.voucher import write_voucher  # ReportLab: not at start-up

        try:
            with self.context.database.session() as session:
                voucher = papers.voucher_for(session, self.context.actor, entry_id)
        except DomainError as error:
            show_error(self, self.tr("Bukti kas"), error.message)
            return
        PdfPreviewDialog(
            self.tr("{title} {number}").format(title=voucher.title.capitalize(), number=voucher.number),
            {self.tr("A5"): (lambda: write_to_bytes(lambda out: write_voucher(voucher, out)),
                             f"{voucher.number.replace('/', '-')}.pdf")},
            self,
        ).exec()

    def _reverse(self) -> None:
        line = selected_row(self.table)
        if line is not None and ReverseCashDialog(self.context, line, self).exec():
            QMessageBox.information(self, self.tr("Pembatalan diminta"), AWAITING)

    def _export(self) -> None:
        from koperasi.reports.cashbook.sheet import write_cash_book_xlsx  # openpyxl: not at start-up

        page = self.page
        if page is None:
            return
        month = self.month_combo.currentData()
        scope = [self.month_combo.currentText(), self.account_combo.currentText()]
        heading = [self.context.office.profile.name, self.tr("Buku kas kantor: {scope}").format(scope=", ".join(scope))]
        name = f"buku-kas-{month[0]}-{month[1]:02d}.xlsx" if month else "buku-kas.xlsx"

        account = self.account_combo.currentData()

        def write(_shown, path):
            # read again by the service that audits the export: what is written is what the log says left
            with self.context.database.session() as session:
                book = queries.cash_book_export(session, self.context.actor, month=month, account=account)
            write_cash_book_xlsx(book, path, heading=heading)

        save_report(self, page, "xlsx", file_name=name, dialog_title=self.tr("Simpan buku kas"), writers=(write, write),
                    done_title=self.tr("Kas kantor"), done_text=self.tr("Buku kas tersimpan di {path}."))


class CashBookDialog(QDialog):
    """The cash book in a window of its own (Berkas → Kas kantor…)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashBookDialog")
        self.setWindowTitle(self.tr("Kas kantor: pemasukan dan pengeluaran"))
        self.view = CashBookView(context, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view)
        fit_to_screen(self, 1100, 640)

    def books_changed(self) -> None:
        self.view.reload()
