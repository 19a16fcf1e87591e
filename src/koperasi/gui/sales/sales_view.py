"""The Penjualan page: sales searched by number or buyer, period and channel, and the selected sale's
lines with Cetak nota and Batalkan (retur)."""

from __future__ import annotations

import uuid
from datetime import date
from html import escape

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.money import format_rupiah
from koperasi.domain.reversals import AWAITING, FOUR_EYES_NOTE
from koperasi.domain.roles import Permission
from koperasi.domain.sales.rules import format_percent, format_quantity
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote, nothing_found
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.combos import find_data
from koperasi.gui.form_dialog import FieldForm
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import show_error, show_info
from koperasi.gui.sales import short_date
from koperasi.gui.date_field import date_edit
from koperasi.gui.screen_fit import narrow_combo
from koperasi.gui.tables import TipTableModel, count_text, make_table
from koperasi.services.sales import selling as sales
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales.selling import SaleDetail, SaleLineView, SaleRow
from koperasi import clock

SEARCH_DELAY_MS = 200
PAGE_SIZE = 500


def sale_columns(widget: QWidget) -> list[Column[SaleRow]]:
    def cancelled(row: SaleRow) -> bool:
        return row.cancelled

    return [
        Column(widget.tr("Nomor"), lambda r: r.number, muted=cancelled),
        Column(widget.tr("Tanggal"), lambda r: short_date(r.sold_on), muted=cancelled),
        Column(widget.tr("Saluran"), lambda r: r.channel, muted=cancelled),
        Column(widget.tr("Pembeli"), lambda r: r.buyer_name, muted=cancelled),
        Column(widget.tr("Total"), lambda r: format_rupiah(r.total), align_right=True, muted=cancelled),
        Column(widget.tr("Jasa"), lambda r: format_rupiah(r.commission), align_right=True, muted=cancelled),
        Column(widget.tr("Status"), lambda r: widget.tr("Batal") if r.cancelled else "", muted=cancelled),
    ]


def line_columns(widget: QWidget) -> list[Column[SaleLineView]]:
    return [
        Column(widget.tr("Barang"), lambda line: line.product),
        Column(widget.tr("Penitip"), lambda line: line.producer),
        Column(widget.tr("Jumlah"), lambda line: format_quantity(line.quantity_milli, line.unit), align_right=True),
        Column(widget.tr("Harga"), lambda line: format_rupiah(line.unit_price), align_right=True),
        Column(widget.tr("Total"), lambda line: format_rupiah(line.total), align_right=True),
        Column(widget.tr("Jasa %"), lambda line: format_percent(line.commission_bp), align_right=True),
        Column(widget.tr("Jasa"), lambda line: format_rupiah(line.commission), align_right=True),
        Column(widget.tr("Bagian penitip"), lambda line: format_rupiah(line.producer_share), align_right=True),
    ]


class ReverseSaleDialog(FormDialog):
    def __init__(self, context: AppContext, sale: SaleDetail, parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm(self.tr("Batalkan penjualan <b>{number}</b> kepada {buyer}, {total}. Barangnya kembali ke stok "
                                       "penitip dan uangnya keluar dari kas.").format(
            number=escape(sale.number), buyer=escape(sale.buyer_name), total=format_rupiah(sale.total))
            + f"<br><i>{escape(FOUR_EYES_NOTE)}</i>")
        self.reason_edit = f.add(self.tr("&Alasan:"), QLineEdit(objectName="saleReverseReasonEdit"), "reason")
        self.reason_edit.setPlaceholderText(self.tr("mis. barang dikembalikan pembeli; salah catat"))
        self.reason_edit.setMaxLength(250)
        super().__init__(f, object_name="saleReverseDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Minta pembatalan penjualan (retur)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Minta pembatalan"))
        self.context, self.sale = context, sale
        self.request_id = uuid.uuid4()

    def save(self) -> None:
        with self.context.database.session() as session:
            sales.request_sale_reversal(session, self.context.actor, self.sale.id, reason=self.reason_edit.text(),
                                        request_id=self.request_id)


class SaleDetailPanel(QWidget):
    note_requested = Signal()
    reverse_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saleDetailPanel")
        self.sale: SaleDetail | None = None
        self.header = QLabel(objectName="saleDetailText")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.model: ListTableModel[SaleLineView] = TipTableModel(line_columns(self), parent=self)
        self.table = make_table("saleDetailLines", self.model)
        self.note_button = QPushButton(self.tr("&Cetak nota"), objectName="saleNoteButton")
        self.note_button.clicked.connect(self.note_requested)
        self.reverse_button = QPushButton(self.tr("Batalkan (&retur)…"), objectName="saleReverseButton")
        self.reverse_button.clicked.connect(self.reverse_requested)
        self.reverse_button.setVisible(context.actor.can(Permission.REVERSE_SALES))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.reverse_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_sale(None)

    def show_sale(self, sale: SaleDetail | None) -> None:
        self.sale = sale
        self.note_button.setEnabled(sale is not None)
        self.reverse_button.setEnabled(sale is not None and not sale.cancelled)
        self.table.setVisible(sale is not None)
        if sale is None:
            self.header.setText(f"<p style='color:#666'>{escape(self.tr('Pilih penjualan di daftar untuk melihat barangnya.'))}</p>")
            self.model.set_rows([])
            return
        cancelled = (f"<br><b style='color:#b3261e'>{escape(self.tr('BATAL'))}</b>: {escape(sale.cancel_reason)}"
                     if sale.cancelled else "")
        self.header.setText(
            f"<h3>{escape(sale.number)}</h3>"
            + escape(self.tr("{day} · {channel} · pembeli {buyer} · dicatat oleh {clerk}").format(
                day=format_date(sale.sold_on), channel=sale.channel, buyer=sale.buyer_name, clerk=sale.recorded_by))
            + "<br>" + self.tr("Total <b>{total}</b> · jasa koperasi {commission} · bagian penitip {share}").format(
                total=format_rupiah(sale.total), commission=format_rupiah(sale.commission),
                share=format_rupiah(sale.total - sale.commission))
            + cancelled
        )
        self.model.set_rows(sale.lines)
        fit_columns(self.table, stretch=1, caps={0: 260})


class SalesView(QWidget):
    changed = Signal()  # a sale was recorded or cancelled: stock and payables moved

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salesView")
        self.context = context
        actor = context.actor
        self.search_edit = QLineEdit(objectName="saleSearch")
        self.search_edit.setPlaceholderText(self.tr("cari nomor nota atau pembeli (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        today = QDate(clock.today())
        self.from_edit = date_edit("saleFromEdit", today.addDays(-90))
        self.to_edit = date_edit("saleToEdit", today)
        self.channel_filter = QComboBox(objectName="saleChannelFilter")
        narrow_combo(self.channel_filter)
        self.new_button = QPushButton(self.tr("Penjualan &baru…"), objectName="saleNewButton")
        self.new_button.setToolTip(self.tr("Catat penjualan (Ctrl+N)"))
        self.new_button.setVisible(actor.can(Permission.RECORD_SALES))
        self.new_button.clicked.connect(self.new_sale)
        self.model: ListTableModel[SaleRow] = TipTableModel(sale_columns(self), parent=self)
        self.table = make_table("saleTable", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count_label = QLabel(objectName="saleCount")
        self.empty_note = EmptyListNote(self.table, "saleEmptyNote")
        self.detail = SaleDetailPanel(context)
        self.detail.note_requested.connect(self._print_note)
        self.detail.reverse_requested.connect(self._reverse)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(self._timer.start)
        self.from_edit.dateChanged.connect(self._timer.start)
        self.to_edit.dateChanged.connect(self._timer.start)
        self.channel_filter.currentIndexChanged.connect(self._timer.start)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search_edit.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_sale)

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 2)
        top.addWidget(QLabel(self.tr("&Dari:"), buddy=self.from_edit))
        top.addWidget(self.from_edit)
        top.addWidget(QLabel(self.tr("s&ampai:"), buddy=self.to_edit))
        top.addWidget(self.to_edit)
        top.addWidget(self.channel_filter)
        top.addStretch(1)
        top.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        # List above, the selected sale's lines below: the lines need the whole width.
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="saleSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([5_000, 5_000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        self.refill_channels()
        self.reload()

    def refill_channels(self) -> None:
        with self.context.database.session() as session:
            channels = sales_catalogue.list_channels(session, self.context.actor)
        combo = self.channel_filter
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Semua saluran"), None)
        for channel in channels:
            combo.addItem(channel.name, channel.id)
        combo.setCurrentIndex(max(0, find_data(combo, chosen)))
        combo.blockSignals(False)

    def show_period(self, first: date, last: date, channel: str = "") -> None:
        """The sales of a period, of one channel (by name) or all: what a Beranda chart's bar stands for."""
        for edit, day in ((self.from_edit, first), (self.to_edit, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)
        index = self.channel_filter.findText(channel) if channel else 0
        self.channel_filter.blockSignals(True)
        self.channel_filter.setCurrentIndex(max(0, index))
        self.channel_filter.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        self._timer.stop()
        if not (self.from_edit.is_valid() and self.to_edit.is_valid()):
            return  # the date field says what is wrong; the list keeps the last valid period
        if select is None and self.detail.sale is not None:
            select = self.detail.sale.id
        try:
            with self.context.database.session() as session:
                page = sales.sale_page(
                    session, self.context.actor, text=self.search_edit.text(), period_from=self.from_edit.date().toPython(),
                    period_to=self.to_edit.date().toPython(), channel_id=self.channel_filter.currentData(), limit=PAGE_SIZE,
                )
        except DomainError as error:
            show_error(self, self.tr("Penjualan"), error.message)
            return
        self.model.set_rows(page.rows)
        fit_columns(self.table, stretch=3, caps={0: 190, 2: 130})
        if page.total > len(page.rows):
            self.count_label.setText(self.tr("{shown} dari {total} penjualan terbaru; perjelas pencarian").format(
                shown=count_text(len(page.rows)), total=count_text(page.total)))
        elif page.rows:
            self.count_label.setText(self.tr("{count} penjualan").format(count=count_text(page.total)))
        else:
            self.count_label.setText(self.tr("{count} penjualan").format(count=0))
        self.empty_note.show_text("" if page.rows else self._nothing_found())
        row = next((i for i, sale in enumerate(page.rows) if sale.id == select), None)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self._show_detail(page.rows[row].id)
        else:
            self.detail.show_sale(None)

    def _nothing_found(self) -> str:
        """The period always applies, so the sentence always names it and how to widen it."""
        period = self.tr("dari {start} sampai {end}").format(
            start=format_date(self.from_edit.date().toPython()), end=format_date(self.to_edit.date().toPython()))
        channel = [self.tr("saluran {name}").format(name=self.channel_filter.currentText())] if self.channel_filter.currentData() else []
        advice = self.tr("Perlebar periode Dari–sampai, hapus filter atau periksa ejaan.") if self.search_edit.text().strip() \
            else self.tr("Perlebar periode Dari–sampai atau hapus filter.")
        return nothing_found(self.tr("penjualan"), search=self.search_edit.text(), where=period, conditions=channel, advice=advice)

    def _row_changed(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._show_detail(self.model.row(index).id)
        else:
            self.detail.show_sale(None)

    def _show_detail(self, sale_id: uuid.UUID) -> None:
        try:
            with self.context.database.session() as session:
                detail = sales.sale_detail(session, self.context.actor, sale_id)
        except DomainError as error:
            show_error(self, self.tr("Penjualan"), error.message)
            return
        self.detail.show_sale(detail)

    def new_sale(self) -> None:
        if not self.context.actor.can(Permission.RECORD_SALES):
            return
        from koperasi.gui.sales.sale_dialog import SaleDialog

        dialog = SaleDialog(self.context, self)
        dialog.exec()
        if dialog.recorded is not None:
            if self.to_edit.date() < QDate(clock.today()):
                self.to_edit.setDate(QDate(clock.today()))
            sold_on = QDate(dialog.sale_form.date_edit.date())
            if sold_on < self.from_edit.date():
                self.from_edit.setDate(sold_on)
            self.reload(select=dialog.recorded.id)
            self.changed.emit()

    def _print_note(self) -> None:
        from koperasi.gui.sales.documents import sales_note_preview, show

        if self.detail.sale is not None:
            show(sales_note_preview(self, self.context, self.detail.sale.id))

    def _reverse(self) -> None:
        sale = self.detail.sale
        if sale is None or sale.cancelled or not self.context.actor.can(Permission.REVERSE_SALES):
            return
        if ReverseSaleDialog(self.context, sale, self).exec():
            show_info(self, self.tr("Menunggu persetujuan"), AWAITING)

