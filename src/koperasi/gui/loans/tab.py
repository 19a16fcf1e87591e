"""Pinjaman: the loan list with search and filters, the selected loan and its actions,
and the pages for group collections and arrears."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import DomainError
from koperasi.domain.loans.rules import LoanStatus
from koperasi.domain.reversals import AWAITING
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote, nothing_found
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.loans import action_dialogs
from koperasi.gui.combos import find_data
from koperasi.gui.loans.application_dialog import LoanApplicationDialog
from koperasi.gui.columns import NAME_MINIMUM, stretch_column, text_width
from koperasi.gui.loans.detail_panel import LoanDetailPanel
from koperasi.gui.loans.table_model import LoanTableModel
from koperasi.gui.messages import confirm, show_error, show_info
from koperasi.gui.screen_fit import narrow_combo
from koperasi.services.loans import funds
from koperasi.services.members import groups
from koperasi.services.loans import products as loan_products
from koperasi.services.loans.queries import LoanDetail, LoanFilter, LoanPage, loan_detail, loan_page

SEARCH_DELAY_MS = 200  # wait for a pause in typing before asking the database


class LoansTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loansTab")
        self.context = context
        self.current: LoanDetail | None = None
        self.register = QWidget()
        from koperasi.gui.loans.arrears_view import ArrearsView
        from koperasi.gui.loans.collection_view import CollectionView

        self.collection_view = CollectionView(context)
        self.collection_view.posted.connect(lambda: self.reload(select=self.current.id if self.current else None))
        self.arrears_view = ArrearsView(context)
        self.pages = QTabWidget()
        self.pages.setObjectName("loansPages")
        self.pages.addTab(self.register, self.tr("Daftar pinjaman"))
        self.pages.addTab(self.collection_view, self.tr("Setoran kelompok"))
        self.pages.addTab(self.arrears_view, self.tr("Tunggakan"))
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._build_register()
        self.reload()

    def _page_changed(self, index: int) -> None:
        if index == 0:
            self.refill_filters()
        elif index == 1:
            self.collection_view.refill_groups()
        else:
            self.arrears_view.ensure_loaded()

    def _build_register(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("loanSearch")
        self.search.setPlaceholderText(self.tr("Cari nomor pinjaman, nama atau nomor anggota…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        QShortcut(QKeySequence.StandardKey.Find, self.register, activated=self.search.setFocus)
        self.status_filter = self._combo("loanStatusFilter")
        self.product_filter = self._combo("loanProductFilter")
        self.fund_filter = self._combo("loanFundFilter")
        self.group_filter = self._combo("loanGroupFilter")
        self.status_filter.blockSignals(True)
        self.status_filter.addItem(self.tr("Semua status"), None)
        for status in LoanStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.blockSignals(False)
        self.apply_button = QPushButton(self.tr("&Ajukan pinjaman…"))
        self.apply_button.setObjectName("loanApplyButton")
        self.apply_button.setShortcut(QKeySequence.StandardKey.New)
        self.apply_button.clicked.connect(self._apply)
        self.apply_button.setVisible(self.context.actor.can(Permission.APPLY_LOANS))
        self.count_label = QLabel()
        self.count_label.setObjectName("loanCount")

        self.model = LoanTableModel(self._load_page, parent=self)
        self.table = QTableView()
        self.table.setObjectName("loanTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring over 20,000 rows
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._size_columns()
        self.refill_filters(reload=False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty_note = EmptyListNote(self.table, "loanEmptyNote")
        self.detail = LoanDetailPanel(self.context.actor)
        self.detail.approve_requested.connect(lambda: self._decide(approve=True))
        self.detail.reject_requested.connect(lambda: self._decide(approve=False))
        self.detail.disburse_requested.connect(self._disburse)
        self.detail.repay_requested.connect(self._repay)
        self.detail.reverse_requested.connect(self._reverse)
        self.detail.reschedule_requested.connect(lambda: self._simple(action_dialogs.RescheduleDialog))
        self.detail.write_off_requested.connect(lambda: self._simple(action_dialogs.WriteOffDialog))
        self.detail.card_requested.connect(self._card)
        self.detail.receipt_requested.connect(self._receipt)

        filters = QHBoxLayout()
        for widget in (self.status_filter, self.product_filter, self.fund_filter, self.group_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.apply_button)
        self.splitter = splitter = QSplitter()
        splitter.setObjectName("loanSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 6)
        splitter.setStretchFactor(1, 5)
        # scaled to the window's width: more than half for the list, the rest for the detail; on a
        # 1024 px laptop the list keeps the width its columns need (_share_names_with_products) and
        # the detail, whose buttons wrap, takes what is left
        splitter.setSizes([6_500, 4_500])
        layout = QVBoxLayout(self.register)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)

    def _size_columns(self) -> None:
        """Fixed widths from sample texts (measuring a lazy table's rows would load them); the
        member and product columns share what is left (the product up to its longest name, known
        from the product filter; elided with a tooltip where the room is short), so the list needs
        no horizontal scrollbar at 1024 px. The application date is in the detail header and
        the number's tooltip rather than a column of its own."""
        model, table = self.model, self.table
        widths = {
            model.NUMBER: text_width(table, "PJM/SRL/2026/000000"),
            model.PRINCIPAL: text_width(table, "Rp99.000.000"),
            model.OUTSTANDING: text_width(table, "Rp99.000.000"),
            model.STATUS: text_width(table, "Disetujui"),  # "Dihapusbukukan" is elided, with a tooltip
        }
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        header.setMinimumSectionSize(40)
        table.setColumnHidden(model.APPLIED, True)

    def _share_names_with_products(self, product_names: list[str]) -> None:
        shortest = text_width(self.table, "Modal Usaha…")
        # a very long name is elided rather than take all the room from the members' names
        widest = min(max([text_width(self.table, name) for name in product_names], default=shortest), NAME_MINIMUM + 60)
        table = self.table
        # The member's name may be elided a little (its tooltip has it whole) before the money scrolls away.
        names = NAME_MINIMUM - 30
        stretch_column(table, self.model.MEMBER, names, partner=(self.model.PRODUCT, shortest, widest))
        fixed = sum(table.columnWidth(column) for column in range(self.model.columnCount())
                    if column not in (self.model.MEMBER, self.model.PRODUCT) and not table.isColumnHidden(column))
        scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        table.setMinimumWidth(fixed + names + shortest + scroll_bar + 2 * table.frameWidth())

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        narrow_combo(combo, 16)  # product, fund and group names run long
        combo.currentIndexChanged.connect(lambda: self.reload())
        return combo

    def refill_filters(self, *, reload: bool = True) -> None:
        """Products, funds and groups may have been added meanwhile."""
        with self.context.database.session() as session:
            products = [(p.id, p.data.name) for p in loan_products.list_products(session, self.context.actor)]
            fund_list = [(f.id, f.name) for f in funds.list_funds(session, self.context.actor)]
            group_list = groups.group_choices(session, self.context.actor)
        changed = False
        for combo, everything, choices in (
            (self.product_filter, self.tr("Semua produk"), products),
            (self.fund_filter, self.tr("Semua sumber dana"), fund_list),
            (self.group_filter, self.tr("Semua kelompok"), group_list),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for item_id, name in choices:
                combo.addItem(name, item_id)
            index = max(0, find_data(combo, chosen))
            combo.setCurrentIndex(index)
            changed |= chosen is not None and index == 0
            combo.blockSignals(False)
        self._share_names_with_products([name for _, name in products])
        if reload and changed:
            self.reload()

    def current_filter(self) -> LoanFilter:
        status = self.status_filter.currentData()
        return LoanFilter(
            text=self.search.text(),
            status=LoanStatus(status) if status else None,  # Qt hands enum item data back as plain strings
            product_id=self.product_filter.currentData(),
            fund_source_id=self.fund_filter.currentData(),
            group_id=self.group_filter.currentData(),
        )

    def _load_page(self, where: LoanFilter, offset: int, limit: int) -> LoanPage:
        with self.context.database.session() as session:
            return loan_page(session, self.context.actor, where, offset=offset, limit=limit)

    def reload(self, select: uuid.UUID | None = None) -> None:
        self.model.reload(self.current_filter())
        self.count_label.setText(self.tr("{count} pinjaman").format(count=f"{self.model.total:,}".replace(",", ".")))
        self.empty_note.show_text("" if self.model.total else self._nothing_found())
        row = self.model.row_of(select) if select is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(self.model.index(row, 0))
            self.show_loan(select)  # a row already current sends no signal, yet its loan changed
        else:
            self.show_loan(select)

    def _nothing_found(self) -> str:
        conditions = [
            self.tr("{filter} {name}").format(filter=label, name=combo.currentText())
            for label, combo in ((self.tr("status"), self.status_filter), (self.tr("produk"), self.product_filter),
                                 (self.tr("sumber dana"), self.fund_filter), (self.tr("kelompok"), self.group_filter))
            if combo.currentData()
        ]
        none_yet = self.tr("Belum ada pinjaman.")
        if self.context.actor.can(Permission.APPLY_LOANS):
            none_yet += " " + self.tr("Ajukan yang pertama dengan Ajukan pinjaman (Ctrl+N).")
        return nothing_found(self.tr("pinjaman"), search=self.search.text(), conditions=conditions, none_yet=none_yet)

    def _row_changed(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        self.show_loan(row.id if row else None)

    def show_loan(self, loan_id: uuid.UUID | None) -> None:
        self.current = None
        if loan_id is not None:
            try:
                with self.context.database.session() as session:
                    self.current = loan_detail(session, self.context.actor, loan_id)
            except DomainError as error:
                show_error(self, self.tr("Pinjaman"), error.message)
        self.detail.show_loan(self.current)

    # --- actions ---------------------------------------------------------------------------

    def _apply(self) -> None:
        dialog = LoanApplicationDialog(self.context, self)
        if dialog.exec() and dialog.saved is not None:
            self._clear_search()
            self.reload(select=dialog.saved)

    def _clear_search(self) -> None:
        self.search.blockSignals(True)  # no delayed search that would empty the panel again
        self.search.clear()
        self.search.blockSignals(False)
        self.status_filter.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.status_filter.blockSignals(False)

    def _decide(self, *, approve: bool) -> None:
        if self.current is not None:
            self._run(action_dialogs.DecisionDialog(self.context, self.current, approve=approve, parent=self))

    def _simple(self, dialog_class) -> None:
        if self.current is not None:
            self._run(dialog_class(self.context, self.current, self))

    def _run(self, dialog: FormDialog) -> bool:
        loan_id = self.current.id if self.current else None
        done = bool(dialog.exec())
        if done:
            self.reload(select=loan_id)
        return done

    def _disburse(self) -> None:
        if self.current is None:
            return
        dialog = action_dialogs.DisburseDialog(self.context, self.current, self)
        if not self._run(dialog) or dialog.result_ is None:
            return
        result = dialog.result_
        text = self.tr("Pinjaman dicairkan dengan kwitansi {number}.").format(number=result.receipt_number)
        if result.fee_receipt_number:
            text += "\n" + self.tr("Biaya administrasi: kwitansi {number}.").format(number=result.fee_receipt_number)
        if confirm(self, self.tr("Pencairan"), text + "\n\n" + self.tr("Cetak kwitansi pencairan sekarang?"), yes=self.tr("Cetak kwitansi"), no=self.tr("Nanti")):
            self._print_receipt(result.movement_id)
            if result.fee_movement_id is not None:
                self._print_receipt(result.fee_movement_id)

    def _repay(self) -> None:
        if self.current is None:
            return
        dialog = action_dialogs.RepaymentDialog(self.context, self.current, self)
        if not self._run(dialog) or dialog.payment is None:
            return
        text = action_dialogs.allocation_text(dialog.payment)
        if confirm(self, self.tr("Angsuran diterima"), text + "\n\n" + self.tr("Cetak kwitansinya sekarang?"), yes=self.tr("Cetak kwitansi"), no=self.tr("Nanti")):
            self._print_receipt(dialog.payment.movement_id)

    def _reverse(self) -> None:
        movement = self.detail.selected_movement()
        if self.current is None or movement is None:
            return
        if self._run(action_dialogs.ReverseDialog(self.context, self.current, movement, self)):
            show_info(self, self.tr("Menunggu persetujuan"), AWAITING)

    def _receipt(self) -> None:
        movement = self.detail.selected_movement()
        if movement is None:
            return
        from koperasi.gui.loans.detail_panel import RECEIPT_KINDS

        if movement.kind not in RECEIPT_KINDS:
            show_info(self, self.tr("Kwitansi"), self.tr("{kind} tidak memiliki kwitansi.").format(kind=movement.kind.label))
            return
        self._print_receipt(movement.id)

    def _print_receipt(self, movement_id: uuid.UUID) -> None:
        from koperasi.gui.loans.documents import show_receipt

        show_receipt(self, self.context, movement_id)

    def _card(self) -> None:
        if self.current is None:
            return
        from koperasi.gui.loans.documents import show_loan_card

        show_loan_card(self, self.context, self.current.id)
