"""Katalog penjualan: products (Designer: ui/sales_product_form.ui), channels with their own rate,
buyers, and the office's default commission. Everyone reads; MANAGE_CATALOGUE edits products,
channels and the rate; whoever records sales keeps the buyers."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Permission
from koperasi.domain.sales.rules import UNITS, format_percent, parse_percent
from koperasi.domain.office.settings import SALES_COMMISSION
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_sales_product_form import Ui_SalesProductForm
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.form_dialog import FieldForm
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import set_inline_error, show_error
from koperasi.gui.sales.buyer_dialog import BuyerDialog
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.gui.tables import TipTableModel, make_table, selected_row
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.office import settings
from koperasi.services.sales.catalogue import BuyerView, ChannelView, ProductInput, ProductView, rate_label


def _optional_percent(text: str) -> int | None:
    return parse_percent(text) if text.strip() else None


class ProductForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.form = Ui_SalesProductForm()
        self.form.setupUi(self)
        self.form.productUnitCombo.addItems(UNITS)
        self.form.productUnitCombo.setCurrentIndex(-1)
        self.form.productUnitCombo.lineEdit().setPlaceholderText(self.tr("pilih atau ketik, mis. kg"))

    def fill(self, product: ProductView) -> None:
        f, d = self.form, product.data
        f.productNameEdit.setText(d.name)
        f.productUnitCombo.setEditText(d.unit)
        f.productPriceEdit.set_value(d.default_price)
        f.productCategoryEdit.setText(d.category)
        f.productCommissionEdit.setText(format_percent(d.commission_bp).rstrip("%") if d.commission_bp is not None else "")
        f.productActiveCheck.setChecked(product.active)

    def values(self) -> ProductInput:
        f = self.form
        try:
            commission = _optional_percent(f.productCommissionEdit.text())
        except ValidationError as error:
            raise ValidationError(error.message, field="commission") from error
        return ProductInput(name=f.productNameEdit.text(), unit=f.productUnitCombo.currentText(),
                            default_price=f.productPriceEdit.checked_value("default_price"),
                            category=f.productCategoryEdit.text(), commission_bp=commission)

    def focus_field(self, field: str | None) -> None:
        f = self.form
        widget = {"name": f.productNameEdit, "unit": f.productUnitCombo, "default_price": f.productPriceEdit,
                  "unit_price": f.productPriceEdit, "category": f.productCategoryEdit,
                  "commission": f.productCommissionEdit}.get(field or "")
        if widget is not None:
            widget.setFocus()


class ProductDialog(FormDialog):
    def __init__(self, context: AppContext, product: ProductView | None, parent: QWidget | None = None) -> None:
        self.product_form = ProductForm()
        if product is not None:
            self.product_form.fill(product)
        else:
            self.product_form.form.productActiveCheck.hide()
        super().__init__(self.product_form, object_name="salesProductDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Barang baru") if product is None else self.tr("Ubah barang {name}").format(name=product.data.name))
        self.context, self.product = context, product
        self.saved: uuid.UUID | None = None

    def save(self) -> None:
        data = self.product_form.values()
        with self.context.database.session() as session:
            if self.product is None:
                self.saved = sales_catalogue.create_product(session, self.context.actor, data)
            else:
                sales_catalogue.update_product(session, self.context.actor, self.product.id, data,
                                               active=self.product_form.form.productActiveCheck.isChecked(),
                                               expected_version=self.product.version)


class ChannelDialog(FormDialog):
    def __init__(self, context: AppContext, channel: ChannelView, parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm(self.tr("Saluran <b>{name}</b>").format(name=channel.name))
        self.rate_edit = f.add(self.tr("&Jasa saluran (%):"), QLineEdit(objectName="channelCommissionEdit"), "commission")
        self.rate_edit.setPlaceholderText(self.tr("kosong: jasa bawaan kantor"))
        if channel.commission_bp is not None:
            self.rate_edit.setText(format_percent(channel.commission_bp).rstrip("%"))
        self.active_check = f.add("", QCheckBox(self.tr("Masih &dipakai"), objectName="channelActiveCheck"))
        self.active_check.setChecked(channel.active)
        super().__init__(f, object_name="channelDialog", width=440, parent=parent)
        self.setWindowTitle(self.tr("Ubah saluran penjualan"))
        self.context, self.channel = context, channel

    def save(self) -> None:
        rate = _optional_percent(self.rate_edit.text())
        with self.context.database.session() as session:
            sales_catalogue.update_channel(session, self.context.actor, self.channel.id, commission_bp=rate,
                                           active=self.active_check.isChecked(), expected_version=self.channel.version)


class CatalogueDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salesCatalogueDialog")
        self.setWindowTitle(self.tr("Katalog penjualan"))
        self.context = context
        self.changed = False
        actor = context.actor
        can_manage = actor.can(Permission.MANAGE_CATALOGUE)
        can_buyers = actor.can(Permission.RECORD_SALES)
        self.tabs = QTabWidget(objectName="catalogueTabs")

        self.product_model: ListTableModel[ProductView] = TipTableModel(self._product_columns(), parent=self)
        self.product_table = make_table("catalogueProductsTable", self.product_model)
        self.add_product_button = QPushButton(self.tr("&Tambah barang…"), objectName="catalogueAddProductButton")
        self.edit_product_button = QPushButton(self.tr("&Ubah barang…"), objectName="catalogueEditProductButton")
        self.add_product_button.clicked.connect(lambda: self._edit_product(None))
        self.edit_product_button.clicked.connect(lambda: self._edit_product(selected_row(self.product_table)))
        self.product_table.doubleClicked.connect(lambda: self._edit_product(selected_row(self.product_table)))
        self.tabs.addTab(self._page(self.product_table, [self.add_product_button, self.edit_product_button], can_manage),
                         self.tr("Barang"))

        self.channel_model: ListTableModel[ChannelView] = TipTableModel(self._channel_columns(), parent=self)
        self.channel_table = make_table("catalogueChannelsTable", self.channel_model)
        self.edit_channel_button = QPushButton(self.tr("Ubah &saluran…"), objectName="catalogueEditChannelButton")
        self.edit_channel_button.clicked.connect(self._edit_channel)
        self.channel_table.doubleClicked.connect(self._edit_channel)
        self.tabs.addTab(self._page(self.channel_table, [self.edit_channel_button], can_manage), self.tr("Saluran"))

        self.buyer_model: ListTableModel[BuyerView] = TipTableModel(self._buyer_columns(), parent=self)
        self.buyer_table = make_table("catalogueBuyersTable", self.buyer_model)
        self.add_buyer_button = QPushButton(self.tr("Tambah &pembeli…"), objectName="catalogueAddBuyerButton")
        self.edit_buyer_button = QPushButton(self.tr("Ubah pe&mbeli…"), objectName="catalogueEditBuyerButton")
        self.add_buyer_button.clicked.connect(lambda: self._edit_buyer(None))
        self.edit_buyer_button.clicked.connect(lambda: self._edit_buyer(selected_row(self.buyer_table)))
        self.buyer_table.doubleClicked.connect(lambda: self._edit_buyer(selected_row(self.buyer_table)))
        self.tabs.addTab(self._page(self.buyer_table, [self.add_buyer_button, self.edit_buyer_button], can_buyers),
                         self.tr("Pembeli"))

        self.rate_edit = QLineEdit(objectName="catalogueDefaultCommissionEdit")
        self.rate_edit.setMaximumWidth(100)
        self.rate_edit.setEnabled(can_manage)
        self.rate_button = QPushButton(self.tr("Simpan &jasa"), objectName="catalogueDefaultCommissionButton")
        self.rate_button.setVisible(can_manage)
        self.rate_button.clicked.connect(self._save_rate)
        self.rate_error = QLabel(objectName="catalogueDefaultCommissionError")
        self.rate_error.setWordWrap(True)
        set_inline_error(self.rate_error, "")
        rate_page = QWidget()
        rate_row = QHBoxLayout()
        rate_row.addWidget(QLabel(self.tr("{label} (%):").format(label=SALES_COMMISSION.label), buddy=self.rate_edit))
        rate_row.addWidget(self.rate_edit)
        rate_row.addWidget(self.rate_button)
        rate_row.addStretch(1)
        rate_layout = QVBoxLayout(rate_page)
        rate_layout.addLayout(rate_row)
        rate_layout.addWidget(self.rate_error)
        explain = QLabel(self.tr("Jasa satu baris penjualan: jasa barang itu sendiri bila diisi, jika tidak jasa saluran, "
                                 "jika tidak jasa bawaan ini. Perubahan berlaku untuk penjualan berikutnya; penjualan yang "
                                 "sudah dicatat tetap memakai jasanya."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #666;")
        rate_layout.addWidget(explain)
        rate_layout.addStretch(1)
        self.tabs.addTab(rate_page, self.tr("Jasa bawaan"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 520)
        self.reload()

    def _page(self, table, buttons: list[QPushButton], can_edit: bool) -> QWidget:
        page = QWidget()
        bar = QHBoxLayout()
        bar.addStretch(1)
        for button in buttons:
            button.setVisible(can_edit)
            bar.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addLayout(bar)
        return page

    def _product_columns(self) -> list[Column[ProductView]]:
        def retired(p: ProductView) -> bool:
            return not p.active

        return [
            Column(self.tr("Barang"), lambda p: p.data.name, muted=retired),
            Column(self.tr("Satuan"), lambda p: p.data.unit, muted=retired),
            Column(self.tr("Harga bawaan"), lambda p: format_rupiah(p.data.default_price), align_right=True, muted=retired),
            Column(self.tr("Kategori"), lambda p: p.data.category or "—", muted=retired),
            Column(self.tr("Jasa"), lambda p: rate_label(p.data.commission_bp), align_right=True, muted=retired),
            Column(self.tr("Status"), lambda p: self.tr("Dijual") if p.active else self.tr("Tidak dijual"), muted=retired),
        ]

    def _channel_columns(self) -> list[Column[ChannelView]]:
        return [
            Column(self.tr("Saluran"), lambda c: c.name, muted=lambda c: not c.active),
            Column(self.tr("Jasa"), lambda c: rate_label(c.commission_bp), align_right=True, muted=lambda c: not c.active),
            Column(self.tr("Status"), lambda c: self.tr("Dipakai") if c.active else self.tr("Tidak dipakai"),
                   muted=lambda c: not c.active),
        ]

    def _buyer_columns(self) -> list[Column[BuyerView]]:
        return [
            Column(self.tr("Pembeli"), lambda b: b.name, muted=lambda b: not b.active),
            Column(self.tr("Telepon"), lambda b: b.phone or "—", muted=lambda b: not b.active),
            Column(self.tr("Alamat"), lambda b: b.address or "—", muted=lambda b: not b.active),
        ]

    def reload(self) -> None:
        try:
            with self.context.database.session() as session:
                actor = self.context.actor
                products = sales_catalogue.list_products(session, actor)
                channels = sales_catalogue.list_channels(session, actor)
                buyers = sales_catalogue.list_buyers(session, actor)
                self._rate, self._rate_version = settings.read_setting(session, actor, SALES_COMMISSION)
        except DomainError as error:
            show_error(self, self.tr("Katalog penjualan"), error.message)
            return
        self.product_model.set_rows(products)
        fit_columns(self.product_table, stretch=0)
        self.channel_model.set_rows(channels)
        fit_columns(self.channel_table, stretch=0)
        self.buyer_model.set_rows(buyers)
        fit_columns(self.buyer_table, stretch=2)
        self.rate_edit.setText(format_percent(self._rate).rstrip("%"))
        self.mark_clean()

    def _edit_product(self, product: ProductView | None) -> None:
        if not self.context.actor.can(Permission.MANAGE_CATALOGUE):
            return
        if ProductDialog(self.context, product, self).exec():
            self.changed = True
            self.reload()

    def _edit_channel(self) -> None:
        channel = selected_row(self.channel_table)
        if channel is None or not self.context.actor.can(Permission.MANAGE_CATALOGUE):
            return
        if ChannelDialog(self.context, channel, self).exec():
            self.changed = True
            self.reload()

    def _edit_buyer(self, buyer: BuyerView | None) -> None:
        if not self.context.actor.can(Permission.RECORD_SALES):
            return
        if BuyerDialog(self.context, buyer, parent=self).exec():
            self.changed = True
            self.reload()

    def save_before_closing(self) -> bool:
        if self._save_rate():
            self.discard_changes()
            return True
        return False

    def _save_rate(self) -> bool:
        try:
            value = parse_percent(self.rate_edit.text())
            with self.context.database.session() as session:
                settings.change_setting(session, self.context.actor, SALES_COMMISSION, value, expected_version=self._rate_version)
        except DomainError as error:
            set_inline_error(self.rate_error, error.message)
            return False
        set_inline_error(self.rate_error, "")
        self.changed = True
        self.reload()
        return True
