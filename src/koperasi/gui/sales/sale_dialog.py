"""Penjualan baru: date, channel, buyer, then the lines typed with the keyboard; the total, the
cooperative's commission and the producers' share below. Simpan posts once (the request id is
made when the dialog opens) and offers to print the nota."""

from __future__ import annotations

import dataclasses
import uuid

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.combos import find_data
from koperasi.gui.messages import confirm
from koperasi.gui.date_field import date_edit
from koperasi.gui.sales.sale_lines import PRODUCER, PRODUCT, SaleLinesModel, SaleLinesTable
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.sales import consignment
from koperasi.services.sales import selling as sales
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales.consignment import StockRow
from koperasi.services.sales.selling import RecordedSale, SaleInput
from koperasi import clock


class _SaleForm(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        with context.database.session() as session:
            actor = context.actor
            self.channels = sales_catalogue.list_channels(session, actor, active_only=True)
            self.buyers = sales_catalogue.list_buyers(session, actor, active_only=True)
            products = sales_catalogue.list_products(session, actor, active_only=True)
        self._stock: dict[uuid.UUID, list[StockRow]] = {}
        self._rates: dict[tuple[uuid.UUID, uuid.UUID], int] = {}
        self.date_edit = date_edit("saleDateEdit")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.channel_combo = QComboBox(objectName="saleChannelCombo")
        for channel in self.channels:
            self.channel_combo.addItem(channel.name, channel.id)
        self.buyer_combo = QComboBox(objectName="saleBuyerCombo")
        self.buyer_combo.setEditable(True)
        self.buyer_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.buyer_combo.lineEdit().setPlaceholderText(self.tr("pilih dari daftar atau ketik nama pembeli"))
        self.buyer_combo.setMinimumWidth(280)
        self.fill_buyers()
        self.new_buyer_button = QPushButton(self.tr("Pembeli &baru…"), objectName="saleNewBuyerButton")
        self.lines = SaleLinesModel(products, stock_of=self._stock_of, rate_of=self._rate_of, parent=self)
        self.table = SaleLinesTable(self.lines)
        self.channel_combo.currentIndexChanged.connect(self.lines.refresh_rates)
        self.totals_label = QLabel(objectName="saleTotals")
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.lines.totals_changed.connect(self.show_totals)
        hint = QLabel(self.tr("Enter atau Tab: sel berikutnya (baris baru sesudah harga) · Delete: hapus baris · "
                              "Ctrl+S: simpan"))
        hint.setStyleSheet("color: #666;")
        hint.setObjectName("saleKeysHint")
        self.new_product_button = QPushButton(self.tr("Barang ba&ru…"), objectName="saleNewProductButton")
        self.new_product_button.setToolTip(self.tr("Tambahkan barang ke katalog tanpa meninggalkan penjualan ini"))
        self.new_product_button.setVisible(context.actor.can(Permission.MANAGE_CATALOGUE))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Tanggal:"), buddy=self.date_edit))
        top.addWidget(self.date_edit)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("&Saluran:"), buddy=self.channel_combo))
        top.addWidget(self.channel_combo)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Pe&mbeli:"), buddy=self.buyer_combo))
        top.addWidget(self.buyer_combo, 1)
        top.addWidget(self.new_buyer_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_product_button)
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.totals_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("&Barang yang terjual:"), buddy=self.table))
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.date_edit, self.channel_combo)
        self.setTabOrder(self.channel_combo, self.buyer_combo)
        self.setTabOrder(self.buyer_combo, self.new_buyer_button)
        self.setTabOrder(self.new_buyer_button, self.table)
        self.table.setCurrentIndex(self.lines.index(0, PRODUCT))
        self.show_totals()

    def fill_buyers(self, select: uuid.UUID | None = None) -> None:
        combo = self.buyer_combo
        text = combo.currentText()
        combo.clear()
        for buyer in self.buyers:
            combo.addItem(buyer.name, buyer.id)
        completer = QCompleter([buyer.name for buyer in self.buyers], combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
        if select is not None:
            combo.setCurrentIndex(find_data(combo, select))
        else:
            combo.setCurrentIndex(-1)
            combo.setEditText(text)

    def _stock_of(self, product_id: uuid.UUID) -> list[StockRow]:
        if product_id not in self._stock:
            with self.context.database.session() as session:
                self._stock[product_id] = consignment.stock(session, self.context.actor, product_id=product_id)
        return self._stock[product_id]

    def _rate_of(self, product_id: uuid.UUID) -> int:
        channel_id = self.channel_combo.currentData()
        if channel_id is None:
            return 0
        key = (product_id, channel_id)
        if key not in self._rates:
            with self.context.database.session() as session:
                self._rates[key] = sales.rate_for(session, self.context.actor, product_id=product_id, channel_id=channel_id)
        return self._rates[key]

    def show_totals(self) -> None:
        total, commission = self.lines.totals()
        self.totals_label.setText(
            self.tr("Total <b>{total}</b> · jasa koperasi {commission} · bagian penitip {share}").format(
                total=format_rupiah(total), commission=format_rupiah(commission), share=format_rupiah(total - commission))
        )

    def buyer(self) -> tuple[uuid.UUID | None, str]:
        """(id, "") for a buyer from the list, (None, name) for a name typed in."""
        text = self.buyer_combo.currentText().strip()
        for buyer in self.buyers:
            if buyer.name.lower() == text.lower():
                return buyer.id, ""
        return None, text

    def values(self) -> SaleInput:
        channel_id = self.channel_combo.currentData()
        if channel_id is None:
            raise ValidationError(self.tr("Pilih saluran penjualan."), field="channel_id")
        lines = self.lines.sale_lines()
        buyer_id, buyer_name = self.buyer()
        return SaleInput(sold_on=self.date_edit.date().toPython(), channel_id=channel_id, lines=lines, buyer_id=buyer_id,
                         buyer_name=buyer_name)

    def focus_field(self, field: str | None) -> None:
        widget = {"sold_on": self.date_edit, "channel_id": self.channel_combo, "buyer_id": self.buyer_combo,
                  "buyer_name": self.buyer_combo}.get(field or "", self.table)
        widget.setFocus()


class SaleDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.sale_form = _SaleForm(context)
        super().__init__(self.sale_form, object_name="saleDialog", width=1180, parent=parent)
        self.setWindowTitle(self.tr("Penjualan baru"))
        fit_to_screen(self, 1180, 620)
        self.context = context
        self.request_id = uuid.uuid4()
        self.recorded: RecordedSale | None = None
        self.sale_form.new_buyer_button.clicked.connect(self._new_buyer)
        self.sale_form.new_product_button.clicked.connect(self._new_product)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._save_and_close)
        self.sale_form.table.setFocus()

    def extra_state(self) -> object:
        """The lines live in a model, not in input widgets."""
        return [dataclasses.replace(line) for line in self.sale_form.lines.lines]

    def _new_buyer(self) -> None:
        from koperasi.gui.sales.buyer_dialog import BuyerDialog

        typed = self.sale_form.buyer_combo.currentText().strip()
        dialog = BuyerDialog(self.context, name=typed, parent=self)
        if dialog.exec() and dialog.saved is not None:
            with self.context.database.session() as session:
                self.sale_form.buyers = sales_catalogue.list_buyers(session, self.context.actor, active_only=True)
            self.sale_form.fill_buyers(select=dialog.saved)

    def _new_product(self) -> None:
        from koperasi.gui.sales.catalogue_dialog import ProductDialog

        dialog = ProductDialog(self.context, None, parent=self)
        if not (dialog.exec() and dialog.saved is not None):
            return
        with self.context.database.session() as session:
            products = sales_catalogue.list_products(session, self.context.actor, active_only=True)
        product = next(p for p in products if p.id == dialog.saved)
        lines = self.sale_form.lines
        row = lines.put_new_product(product, self.sale_form.table.currentIndex().row())
        self.sale_form.table.setCurrentIndex(lines.index(row, PRODUCER))
        self.sale_form.table.setFocus()

    def save(self) -> None:
        if self.recorded is not None:  # a second click while the first save is being answered
            return
        data = self.sale_form.values()
        with self.context.database.session() as session:
            self.recorded = sales.record_sale(session, self.context.actor, data, request_id=self.request_id)
        self.offer_note()

    def offer_note(self) -> None:
        sale = self.recorded
        question = self.tr("Penjualan {number} tersimpan: {total} (jasa koperasi {commission}). Cetak nota untuk pembeli?").format(
            number=sale.number, total=format_rupiah(sale.total), commission=format_rupiah(sale.commission))
        if confirm(self, self.tr("Penjualan tersimpan"), question, yes=self.tr("Cetak nota"), no=self.tr("Tutup")):
            from koperasi.gui.sales.documents import show, sales_note_preview

            try:
                show(sales_note_preview(self, self.context, sale.id))
            except DomainError:  # the sale is saved; the nota can be printed from the list
                pass
