"""Simpanan: find a member, see their pokok, wajib and sukarela, take a deposit or pay a withdrawal with its
kwitansi, ask for a reversal, print the statement or the buku simpanan; the list of members behind on wajib;
the pokok and wajib amounts."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import AWAITING
from koperasi.domain.roles import Permission
from koperasi.domain.savings.rules import SavingsAction, SavingsKind
from koperasi.gui.context import AppContext
from koperasi.gui.columns import NAME_MINIMUM, stretch_column, text_width
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.flow_layout import FlowLayout
from koperasi.gui.list_model import Column
from koperasi.gui.loans.documents import preview_of_receipt
from koperasi.gui.messages import confirm, show_error, show_info
from koperasi.gui.savings.behind_view import BehindView
from koperasi.gui.pdf_preview import PdfPreviewDialog, write_to_bytes
from koperasi.gui.savings.dialogs import (
    DepositDialog,
    PassbookPaperDialog,
    RateDialog,
    ReturnSavingsDialog,
    ReverseSavingDialog,
    StatementDialog,
    WithdrawDialog,
)
from koperasi.gui.status import announce
from koperasi.gui.tables import TipTableModel, make_table, selected_row
from koperasi.domain.errors import DomainError
from koperasi.services.members.search import MemberFilter, MemberRow, member_page
from koperasi.services.savings import papers, queries
from koperasi.services.savings.passbook import passbook_print, record_passbook_printed, start_new_passbook
from koperasi.services.savings.queries import MemberSavings, MovementRow
from koperasi import clock

SEARCH_LIMIT = 50


def _movement_text(row: MovementRow) -> str:
    # "Setoran wajib", not "Setoran simpanan wajib": on the Simpanan tab every line is a saving, and the shorter
    # text stays whole in the column at 1024 px.
    text = f"{row.action.label} {row.kind.value}"
    if row.action is SavingsAction.DEPOSIT and not row.receipt_number:  # brought from the paper books: no kwitansi
        text = f"Saldo awal {row.kind.value}"
    if row.action is SavingsAction.REVERSAL or row.reason:  # a reversal's reason, or the return to a member who left
        text = f"{text}: {row.reason}"
    return f"{text} (BATAL)" if row.cancelled else text


class SavingsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savingsTab")
        self.context = context
        self.savings: MemberSavings | None = None
        self.member_view = QWidget(objectName="savingsMemberPage")
        self.behind_view = BehindView(context)
        self.behind_view.open_member.connect(self._open_member)
        self.pages = QTabWidget(objectName="savingsPages")
        self.pages.addTab(self.member_view, self.tr("Simpanan anggota"))
        self.pages.addTab(self.behind_view, self.tr("Tunggakan wajib"))
        self.pages.currentChanged.connect(lambda _: self.behind_view.reload() if self.pages.currentWidget() is self.behind_view else None)
        self._build_member_page()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.search)
        self.search()

    # --- building -----------------------------------------------------------------------------

    def _build_member_page(self) -> None:
        self.search_edit = QLineEdit(objectName="savingsSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Cari anggota: nama atau nomor anggota…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        self.rates_button = QPushButton(self.tr("Besar si&mpanan…"), objectName="savingsRatesButton")
        self.rates_button.setEnabled(self.context.actor.can(Permission.MANAGE_SAVINGS_RATES))
        self.rates_button.setToolTip(self.tr("Besar simpanan pokok dan wajib per bulan sesuai AD/ART"))
        self.rates_button.clicked.connect(self._edit_rates)
        self.paper_button = QPushButton(self.tr("Kerta&s buku…"), objectName="savingsPassbookPaperButton")
        self.paper_button.setEnabled(self.context.actor.can(Permission.MANAGE_SAVINGS_RATES))
        self.paper_button.setToolTip(self.tr("Geser cetakan dan jumlah baris per halaman agar pas di kertas buku simpanan"))
        self.paper_button.clicked.connect(self._edit_paper)
        self.opening_button = QPushButton(self.tr("Saldo a&wal…"), objectName="savingsOpeningButton")
        self.opening_button.setEnabled(self.context.actor.can(Permission.MANAGE_SAVINGS_RATES))
        self.opening_button.setToolTip(self.tr("Impor saldo simpanan anggota dari buku lama (Excel), sekali saat mulai memakai program"))
        self.opening_button.clicked.connect(self._import_opening)
        self.member_model = TipTableModel(
            [Column(self.tr("No. anggota"), lambda r: r.number), Column(self.tr("Nama"), lambda r: r.full_name),
             Column(self.tr("Desa"), lambda r: r.desa), Column(self.tr("Status"), lambda r: r.status.label)],
            parent=self,
        )
        self.member_table = make_table("savingsMemberTable", self.member_model)
        # The name takes the room the number, desa and status leave, never under a readable width: on a
        # 1024 px laptop the list keeps the number and the whole name in sight.
        table = self.member_table
        for column, sample in ((0, "SRL-000000"), (2, "Muara Pemuat"), (3, "Keluar")):
            table.setColumnWidth(column, text_width(table, sample))
        stretch_column(table, 1, NAME_MINIMUM)
        scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        table.setMinimumWidth(table.columnWidth(0) + NAME_MINIMUM + scroll_bar + 2 * table.frameWidth())
        self.member_table.selectionModel().selectionChanged.connect(lambda *_: self._member_chosen())
        self.member_note = EmptyListNote(self.member_table, "savingsMemberEmptyNote")

        self.heading = QLabel(objectName="savingsMemberHeading")
        self.heading.setWordWrap(True)
        self.balance_labels = {kind: QLabel(objectName=f"savings{kind.value.title()}Balance") for kind in SavingsKind}
        self.total_label = QLabel(objectName="savingsTotalBalance")
        self.wajib_label = QLabel(objectName="savingsWajibState")
        self.wajib_label.setWordWrap(True)
        figures = QGridLayout()
        for row, kind in enumerate(SavingsKind):
            figures.addWidget(QLabel(kind.label + ":"), row, 0)
            figures.addWidget(self.balance_labels[kind], row, 1)
        figures.addWidget(QLabel(self.tr("<b>Jumlah:</b>")), 3, 0)
        figures.addWidget(self.total_label, 3, 1)
        figures.setColumnStretch(2, 1)

        actor = self.context.actor
        self.deposit_button = QPushButton(self.tr("S&etor…"), objectName="savingsDepositButton")
        self.withdraw_button = QPushButton(self.tr("&Tarik sukarela…"), objectName="savingsWithdrawButton")
        self.return_button = QPushButton(self.tr("Kembali&kan…"), objectName="savingsReturnButton")
        self.return_button.setToolTip(self.tr("Kembalikan simpanan pokok, wajib dan sukarela kepada anggota yang sudah keluar"))
        self.return_button.clicked.connect(self._return)
        self.receipt_button = QPushButton(self.tr("Cetak &kwitansi"), objectName="savingsReceiptButton")
        self.reverse_button = QPushButton(self.tr("Minta pembata&lan…"), objectName="savingsReverseButton")
        self.statement_button = QPushButton(self.tr("&Rekening…"), objectName="savingsStatementButton")
        self.statement_button.setToolTip(self.tr("Rekening simpanan anggota untuk satu periode (A4)"))
        self.statement_button.clicked.connect(self._statement)
        self.passbook_button = QPushButton(self.tr("Cetak &buku…"), objectName="savingsPassbookButton")
        self.passbook_button.setToolTip(self.tr("Cetak transaksi yang belum ada di buku simpanan, mulai baris kosong berikutnya"))
        self.passbook_button.clicked.connect(self._passbook)
        self.new_book_button = QPushButton(self.tr("B&uku baru…"), objectName="savingsNewPassbookButton")
        self.new_book_button.setToolTip(self.tr("Anggota memakai buku simpanan baru: cetakan berikutnya mulai di halaman 1 baris 1"))
        self.new_book_button.clicked.connect(self._new_passbook)
        self.deposit_button.clicked.connect(self._deposit)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.receipt_button.clicked.connect(self._print_receipt)
        self.reverse_button.clicked.connect(self._reverse)
        self._may_record = actor.can(Permission.RECORD_SAVINGS)
        self._may_reverse = actor.can(Permission.REVERSE_SAVINGS)
        self._may_renew_book = actor.can(Permission.MANAGE_SAVINGS_RATES)
        buttons = FlowLayout()  # wraps in a narrow pane instead of squeezing the member list
        for button in (self.deposit_button, self.withdraw_button, self.return_button, self.receipt_button, self.reverse_button,
                       self.statement_button, self.passbook_button, self.new_book_button):
            buttons.addWidget(button)

        self.movement_model = TipTableModel(
            [Column(self.tr("Tanggal"), lambda r: format_date(r.occurred_on)),
             Column(self.tr("Transaksi"), _movement_text, muted=lambda r: r.cancelled or r.action is SavingsAction.REVERSAL),
             Column(self.tr("Kwitansi"), lambda r: r.receipt_number),
             Column(self.tr("Masuk"), lambda r: format_rupiah(r.change) if r.change > 0 else "", align_right=True),
             Column(self.tr("Keluar"), lambda r: format_rupiah(-r.change) if r.change < 0 else "", align_right=True)],
            parent=self,
        )
        self.movement_table = make_table("savingsMovementTable", self.movement_model)
        self.movement_table.setColumnWidth(0, text_width(self.movement_table, "28 September 2026"))
        self.movement_table.setColumnWidth(2, text_width(self.movement_table, "KW/SRL/2026/000000"))
        stretch_column(self.movement_table, 1, NAME_MINIMUM)
        self.movement_table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.movement_table.doubleClicked.connect(lambda _: self._print_receipt())
        self.movement_note = EmptyListNote(self.movement_table, "savingsMovementEmptyNote")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.member_table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addLayout(figures)
        right_layout.addWidget(self.wajib_label)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.movement_table, 1)
        splitter = QSplitter(objectName="savingsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([4_000, 6_000])  # scaled to the window: two fifths for the list, not what its first layout asked
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.opening_button)
        top.addWidget(self.paper_button)
        top.addWidget(self.rates_button)
        layout = QVBoxLayout(self.member_view)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._show(None)

    # --- reading ------------------------------------------------------------------------------

    def search(self) -> None:
        text = self.search_edit.text().strip()
        with self.context.database.session() as session:
            page = member_page(session, self.context.actor, MemberFilter(text=text, status=None), limit=SEARCH_LIMIT)
        self.member_model.set_rows(page.rows)
        if not page.rows:
            self.member_note.show_text(
                self.tr("Belum ada anggota. Daftarkan anggota di tab Anggota.") if not text
                else self.tr("Tidak ada anggota dengan nama atau nomor “{text}”.").format(text=text))
        else:
            self.member_note.show_text("")
        if len(page.rows) == 1:
            self.member_table.selectRow(0)

    def _member_chosen(self) -> None:
        row: MemberRow | None = selected_row(self.member_table)
        self._load(row.id if row else None)

    def _open_member(self, member_id) -> None:
        self.pages.setCurrentWidget(self.member_view)
        self._load(member_id)

    def _load(self, member_id) -> None:
        if member_id is None:
            self._show(None)
            return
        with self.context.database.session() as session:
            self._show(queries.member_savings(session, self.context.actor, member_id, as_of=clock.today()))

    def _show(self, savings: MemberSavings | None) -> None:
        self.savings = savings
        if savings is None:
            self.heading.setText(self.tr("<b>Pilih anggota</b> di daftar sebelah kiri untuk melihat simpanannya."))
            for label in (*self.balance_labels.values(), self.total_label):
                label.setText("—")
            self.wajib_label.setText("")
            self.movement_model.set_rows([])
            self.movement_note.show_text("")
        else:
            left = "" if savings.active else self.tr(" — sudah keluar")
            self.heading.setText(f"<b>{savings.member_name}</b> ({savings.member_number}){left}")
            for kind, label in self.balance_labels.items():
                label.setText(format_rupiah(savings.balances[kind]))
            self.total_label.setText(f"<b>{format_rupiah(savings.total)}</b>")
            self.wajib_label.setText(self._wajib_text(savings))
            self.movement_model.set_rows(savings.movements)
            self.movement_note.show_text("" if savings.movements else self.tr("Belum ada transaksi simpanan. Tekan Setor… untuk mencatat setoran pertama."))
        self._enable()

    def _wajib_text(self, savings: MemberSavings) -> str:
        wajib, parts = savings.wajib, []
        if savings.pokok_owed:
            parts.append(self.tr("Simpanan pokok belum lunas: kurang {amount}.").format(amount=format_rupiah(savings.pokok_owed)))
        if not wajib.current_rate and not wajib.due:
            parts.append(self.tr("Besar simpanan wajib belum diatur (Besar simpanan…)."))
        elif wajib.arrears:
            parts.append(self.tr("<span style='color:#b00020'>Tunggakan wajib {amount} ({months} bulan).</span>").format(
                amount=format_rupiah(wajib.arrears), months=wajib.months_behind))
        else:
            parts.append(self.tr("Simpanan wajib lancar sampai bulan ini."))
        return " ".join(parts)

    def _enable(self) -> None:
        savings, movement = self.savings, selected_row(self.movement_table)
        active = savings is not None and savings.active
        self.deposit_button.setEnabled(active and self._may_record)
        self.withdraw_button.setEnabled(active and self._may_record and savings.balances[SavingsKind.SUKARELA] > 0)
        self.return_button.setEnabled(savings is not None and not savings.active and savings.total > 0 and self._may_record)
        has_receipt = movement is not None and movement.action is not SavingsAction.REVERSAL
        self.receipt_button.setEnabled(has_receipt)
        self.statement_button.setEnabled(savings is not None)
        self.passbook_button.setEnabled(savings is not None and self._may_record)
        self.new_book_button.setVisible(self._may_renew_book)
        self.new_book_button.setEnabled(savings is not None and self._may_renew_book)
        self.reverse_button.setEnabled(has_receipt and not movement.cancelled and self._may_reverse)

    # --- acting -------------------------------------------------------------------------------

    def _deposit(self) -> None:
        if self.savings is None:
            return
        dialog = DepositDialog(self.context, self.savings, self)
        if dialog.exec() and dialog.result_ is not None:
            self._after_saving(dialog.result_)

    def _withdraw(self) -> None:
        if self.savings is None:
            return
        dialog = WithdrawDialog(self.context, self.savings, self)
        if dialog.exec() and dialog.result_ is not None:
            self._after_saving(dialog.result_)

    def _return(self) -> None:
        if self.savings is None:
            return
        dialog = ReturnSavingsDialog(self.context, self.savings, self)
        if dialog.exec() and dialog.result_ is not None:
            self._load(dialog.result_.member_id)
            announce(self, self.tr("Simpanan {amount} dikembalikan tunai, kwitansi {number}.").format(
                amount=format_rupiah(dialog.result_.cash), number=dialog.result_.receipt_number))
            self._preview_receipt(dialog.result_.movement_id)

    def _after_saving(self, result) -> None:
        self._load(result.member_id)
        announce(self, self.tr("{what} {amount} tercatat, kwitansi {number}.").format(
            what=f"{result.action.label} {result.kind.label.lower()}", amount=format_rupiah(result.amount), number=result.receipt_number))
        self._preview_receipt(result.id)

    def _print_receipt(self) -> None:
        movement = selected_row(self.movement_table)
        if movement is not None and movement.action is not SavingsAction.REVERSAL:
            self._preview_receipt(movement.id)

    def _preview_receipt(self, movement_id) -> None:
        try:
            with self.context.database.session() as session:
                receipt = papers.receipt_for(session, self.context.actor, movement_id)
        except DomainError as error:
            show_error(self, self.tr("Kwitansi"), error.message)
            return
        preview_of_receipt(self, receipt).exec()

    def _reverse(self) -> None:
        movement = selected_row(self.movement_table)
        if self.savings is None or movement is None:
            return
        if ReverseSavingDialog(self.context, self.savings, movement, self).exec():
            QMessageBox.information(self, self.tr("Pembatalan diminta"), AWAITING)

    def _statement(self) -> None:
        from koperasi.reports.savings.statement import write_savings_statement

        if self.savings is None:
            return
        dialog = StatementDialog(self.context, self.savings, self)
        if not dialog.exec() or dialog.statement is None:
            return
        statement = dialog.statement
        PdfPreviewDialog(
            self.tr("Rekening simpanan {number}").format(number=statement.member_number),
            {self.tr("A4"): (lambda: write_to_bytes(lambda out: write_savings_statement(statement, out)),
                             f"rekening-simpanan-{statement.member_number}-{statement.period_from:%Y%m%d}-{statement.period_to:%Y%m%d}.pdf")},
            self,
        ).exec()

    def _passbook(self) -> None:
        from koperasi.reports.savings.passbook import write_passbook

        if self.savings is None:
            return
        with self.context.database.session() as session:
            passbook = passbook_print(session, self.context.actor, self.savings.member_id)
        if not passbook.lines:
            show_info(self, self.tr("Buku simpanan"), self.tr("Semua transaksi sudah tercetak di buku simpanan."))
            return
        first = passbook.lines[0]
        PdfPreviewDialog(
            self.tr("Buku simpanan {number} (buku ke-{book}): halaman {page}, mulai baris {line}").format(
                number=passbook.member_number, book=passbook.book, page=first.page, line=first.line),
            {self.tr("Buku simpanan"): (lambda: write_to_bytes(lambda out: write_passbook(passbook, out)),
                                        f"buku-simpanan-{passbook.member_number}.pdf")},
            self,
        ).exec()
        question = self.tr("Sudahkah {count} baris tercetak dengan benar di buku simpanan (halaman {page}, mulai baris {line})? "
                           "Bila ya, cetakan berikutnya mulai dari baris sesudahnya.").format(
            count=len(passbook.lines), page=first.page, line=first.line)
        if not confirm(self, self.tr("Buku simpanan"), question, yes=self.tr("Ya, sudah tercetak"), no=self.tr("Belum")):
            return
        try:
            with self.context.database.session() as session:
                record_passbook_printed(session, self.context.actor, self.savings.member_id,
                                        printed=passbook.printed_before + len(passbook.lines), expected_version=passbook.version)
        except DomainError as error:
            show_error(self, self.tr("Buku simpanan"), error.message)

    def _new_passbook(self) -> None:
        if self.savings is None:
            return
        with self.context.database.session() as session:
            passbook = passbook_print(session, self.context.actor, self.savings.member_id)
        question = self.tr(
            "Mulai buku simpanan baru (buku ke-{book}) untuk {name} ({number})? Cetakan berikutnya mulai di halaman 1 "
            "baris 1 buku baru. Transaksi yang sudah tercetak di buku lama tidak dicetak ulang; saldo berjalan tetap "
            "tercetak di setiap baris.").format(
            book=passbook.book + 1, name=passbook.member_name, number=passbook.member_number)
        if not confirm(self, self.tr("Buku simpanan baru"), question, yes=self.tr("Ya, mulai buku baru"), no=self.tr("Batal")):
            return
        try:
            with self.context.database.session() as session:
                book = start_new_passbook(session, self.context.actor, self.savings.member_id, expected_version=passbook.version)
        except DomainError as error:
            show_error(self, self.tr("Buku simpanan baru"), error.message)
            return
        announce(self, self.tr("Buku simpanan ke-{book} dimulai: cetakan berikutnya di halaman 1 baris 1.").format(book=book))

    def _import_opening(self) -> None:
        from koperasi.gui.savings.opening_import import import_opening_balances  # openpyxl: not at start-up

        if import_opening_balances(self, self.context):
            self.books_changed()

    def _edit_paper(self) -> None:
        PassbookPaperDialog(self.context, self).exec()

    def _edit_rates(self) -> None:
        if RateDialog(self.context, self).exec():
            self._load(self.savings.member_id if self.savings else None)
            self.behind_view.stale = True

    def books_changed(self) -> None:
        """A reversal was approved elsewhere (Berkas): the member on screen and the arrears read again."""
        self._load(self.savings.member_id if self.savings else None)
        self.behind_view.stale = True
