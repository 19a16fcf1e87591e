"""Pengaturan → Sumber dana dan produk pinjaman: the revolving funds with what each has
lent and has left, capital received from donors, and the loan products offered from them."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import ValidationError
from koperasi.domain.loans.products import (
    DEFAULT_CURE_INSTALLMENTS,
    MAX_CURE_INSTALLMENTS,
    ROUNDING_CHOICES,
    LoanKind,
    ProductInput,
)
from koperasi.domain.loans.rules import MAX_TERM, Frequency
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Permission
from koperasi.gui import glossary
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.combos import find_data
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.form_dialog import FieldForm
from koperasi.gui.columns import fit_columns
from koperasi.gui.money_edit import MoneyEdit
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.loans import funds
from koperasi.services.loans import products as loan_products
from koperasi.services.trainings import programmes as trainings
from koperasi.services.loans.funds import FundSummary
from koperasi.services.loans.products import ProductView
from koperasi import clock


class FundsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fundsDialog")
        self.setWindowTitle(self.tr("Sumber dana dan produk pinjaman"))
        self.context = context
        can_manage = context.actor.can(Permission.MANAGE_FUNDS)
        self.fund_model: ListTableModel[FundSummary] = _ElidedTextModel(self._fund_columns(), parent=self)
        self.product_model: ListTableModel[ProductView] = _ElidedTextModel(self._product_columns(), parent=self)
        self.funds_table = self._table("fundsTable", self.fund_model)
        self.products_table = self._table("productsTable", self.product_model)
        self.add_fund_button = self._button("addFundButton", self.tr("Tambah sumber &dana…"), self._add_fund, can_manage)
        self.capital_button = self._button("receiveCapitalButton", self.tr("Terima &modal…"), self._receive_capital, can_manage)
        self.add_product_button = self._button("addProductButton", self.tr("Tambah &produk…"), self._add_product, can_manage)
        self.edit_product_button = self._button("editProductButton", self.tr("&Ubah produk…"), self._edit_product, can_manage)
        self.funds_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.products_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.products_table.doubleClicked.connect(self._edit_product)
        fund_buttons = QHBoxLayout()
        fund_buttons.addWidget(self.add_fund_button)
        fund_buttons.addWidget(self.capital_button)
        fund_buttons.addStretch(1)
        product_buttons = QHBoxLayout()
        product_buttons.addWidget(self.add_product_button)
        product_buttons.addWidget(self.edit_product_button)
        product_buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Sumber dana</b> (dana bergulir): tersedia = modal − dipinjamkan − dihapusbukukan")))
        layout.addWidget(self.funds_table, 1)
        layout.addLayout(fund_buttons)
        layout.addWidget(QLabel(self.tr("<b>Produk pinjaman</b>: perubahan berlaku untuk pengajuan baru")))
        layout.addWidget(self.products_table, 1)
        layout.addLayout(product_buttons)
        layout.addWidget(close)
        fit_to_screen(self, 1180, 620)  # every product column in sight where the screen has room
        self.reload()

    def _fund_columns(self) -> list[Column[FundSummary]]:
        def inactive(fund: FundSummary) -> bool:
            return not fund.active

        return [
            Column(self.tr("Nama"), lambda f: f.name, muted=inactive),
            Column(self.tr("Pemberi dana"), lambda f: f.donor, muted=inactive),
            Column(self.tr("Modal"), lambda f: format_rupiah(f.capital), align_right=True, muted=inactive),
            Column(self.tr("Dipinjamkan"), lambda f: format_rupiah(f.outstanding), align_right=True, muted=inactive),
            Column(self.tr("Hapus buku"), lambda f: format_rupiah(f.written_off), align_right=True, muted=inactive),
            Column(self.tr("Tersedia"), lambda f: format_rupiah(f.available), align_right=True, muted=inactive),
            Column(self.tr("Status"), lambda f: self.tr("Aktif") if f.active else self.tr("Nonaktif"), muted=inactive),
        ]

    def _product_columns(self) -> list[Column[ProductView]]:
        def inactive(product: ProductView) -> bool:
            return not product.active

        return [
            Column(self.tr("Nama"), lambda p: p.data.name, muted=inactive),
            Column(self.tr("Sumber dana"), lambda p: p.fund_name, muted=inactive),
            Column(self.tr("Jenis"), lambda p: p.data.kind.label, muted=inactive),
            Column(self.tr("Plafon"), lambda p: f"{format_rupiah(p.data.min_amount)} – {format_rupiah(p.data.max_amount)}", align_right=True, muted=inactive,
                   tip=glossary.ceiling()),
            Column(self.tr("Tenor"), lambda p: f"{p.data.min_term}–{p.data.max_term}×", align_right=True, muted=inactive, tip=glossary.term()),
            Column(self.tr("Frekuensi"), lambda p: p.data.frequency.label, muted=inactive),
            Column(self.tr("Bulatkan"), lambda p: format_rupiah(p.data.rounding_multiple), align_right=True, muted=inactive),
            Column(self.tr("Biaya adm."), lambda p: format_rupiah(p.data.admin_fee) if p.data.admin_fee else "—", align_right=True, muted=inactive),
            Column(self.tr("Status"), lambda p: self.tr("Aktif") if p.active else self.tr("Nonaktif"), muted=inactive),
        ]

    def _table(self, name: str, model: ListTableModel) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _button(self, name: str, text: str, slot, visible: bool) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        button.setVisible(visible)
        return button

    def reload(self) -> None:
        with self.context.database.session() as session:
            self._funds = funds.list_funds(session, self.context.actor)
            self.fund_model.set_rows(self._funds)
            self.product_model.set_rows(loan_products.list_products(session, self.context.actor))
        # Names stretch; the long texts are capped and elided (the whole text is the tooltip).
        fit_columns(self.funds_table, stretch=0, caps={1: 230})
        fit_columns(self.products_table, stretch=0, caps={1: 185, 2: 125})
        self._update_buttons()

    def _selected(self, table: QTableView, model: ListTableModel):
        rows = table.selectionModel().selectedRows()
        return model.row(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        fund = self._selected(self.funds_table, self.fund_model)
        self.capital_button.setEnabled(fund is not None and fund.active)
        self.edit_product_button.setEnabled(self._selected(self.products_table, self.product_model) is not None)
        self.add_product_button.setEnabled(any(f.active for f in self._funds))

    def _add_fund(self) -> None:
        if FundDialog(self.context, self).exec():
            self.reload()

    def _receive_capital(self) -> None:
        fund = self._selected(self.funds_table, self.fund_model)
        if fund is not None and CapitalDialog(self.context, fund, self).exec():
            self.reload()

    def _add_product(self) -> None:
        if ProductDialog(self.context, self._active_funds(), None, self).exec():
            self.reload()

    def _edit_product(self) -> None:
        product = self._selected(self.products_table, self.product_model)
        if product is not None and self.context.actor.can(Permission.MANAGE_FUNDS):
            if ProductDialog(self.context, self._active_funds(), product, self).exec():
                self.reload()

    def _active_funds(self) -> list[tuple[uuid.UUID, str]]:
        return [(fund.id, fund.name) for fund in self._funds if fund.active]


class _ElidedTextModel(ListTableModel):
    """Cells that may be elided show their whole text on hover."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


class FundDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm()
        self.name_edit = self.form_.add(self.tr("&Nama sumber dana:"), QLineEdit(objectName="fundNameEdit"), "name")
        self.name_edit.setPlaceholderText(self.tr("contoh: Dana Bergulir Pemkab 2026"))
        self.donor_edit = self.form_.add(self.tr("&Pemberi dana:"), QLineEdit(objectName="fundDonorEdit"), "donor")
        self.donor_edit.setPlaceholderText(self.tr("contoh: Pemerintah Kabupaten Sarolangun"))
        self.notes_edit = self.form_.add(self.tr("&Catatan:"), QLineEdit(objectName="fundNotesEdit"), "notes")
        super().__init__(self.form_, object_name="fundDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Tambah sumber dana"))
        self.context = context

    def save(self) -> None:
        with self.context.database.session() as session:
            funds.create_fund(session, self.context.actor, name=self.name_edit.text(), donor=self.donor_edit.text(), notes=self.notes_edit.text())


class CapitalDialog(FormDialog):
    def __init__(self, context: AppContext, fund: FundSummary, parent: QWidget | None = None) -> None:
        self.form_ = FieldForm(self.tr("Modal yang diterima untuk <b>{name}</b> dari {donor}.").format(name=fund.name, donor=fund.donor))
        self.amount_edit = self.form_.add(self.tr("&Jumlah (Rp):"), MoneyEdit(objectName="capitalAmountEdit"), "amount")
        self.date_edit = DateField(objectName="capitalDateEdit", day=clock.today())
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.form_.add(self.tr("&Tanggal terima:"), self.date_edit, "received_on")
        self.note_edit = self.form_.add(self.tr("&Catatan:"), QLineEdit(objectName="capitalNoteEdit", placeholderText=self.tr("contoh: tahap 2, SK Bupati No. …")), "note")
        super().__init__(self.form_, object_name="capitalDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Terima modal"))
        self.context, self.fund = context, fund
        self.request_id = uuid.uuid4()

    def save(self) -> None:
        amount = self.amount_edit.checked_value("amount")
        with self.context.database.session() as session:
            funds.receive_capital(
                session, self.context.actor, fund_id=self.fund.id, amount=amount,
                received_on=self.date_edit.date().toPython(), note=self.note_edit.text(), request_id=self.request_id,
            )


class ProductDialog(FormDialog):
    def __init__(
        self, context: AppContext, fund_choices: list[tuple[uuid.UUID, str]], product: ProductView | None, parent: QWidget | None = None
    ) -> None:
        f = self.form_ = FieldForm()
        self.name_edit = f.add(self.tr("&Nama produk:"), QLineEdit(objectName="productNameEdit"), "name")
        self.fund_combo = f.add(self.tr("&Sumber dana:"), QComboBox(objectName="productFundCombo"), "fund_source_id")
        for fund_id, name in fund_choices:
            self.fund_combo.addItem(name, fund_id)
        self.kind_combo = f.add(self.tr("&Jenis:"), QComboBox(objectName="productKindCombo"), "kind")
        for kind in LoanKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.min_amount = f.add(self.tr("Plafon m&inimal (Rp):"), MoneyEdit(objectName="productMinAmountEdit"), "min_amount")
        self.max_amount = f.add(self.tr("Plafon m&aksimal (Rp):"), MoneyEdit(objectName="productMaxAmountEdit"), "max_amount")
        self.min_term = f.add(self.tr("Tenor minimal (kali):"), QSpinBox(objectName="productMinTermSpin", minimum=1, maximum=MAX_TERM), "min_term")
        self.max_term = f.add(self.tr("Tenor maksimal (kali):"), QSpinBox(objectName="productMaxTermSpin", minimum=1, maximum=MAX_TERM), "max_term")
        for widget, tip in ((self.min_amount, glossary.ceiling()), (self.max_amount, glossary.ceiling()),
                            (self.min_term, glossary.term()), (self.max_term, glossary.term())):
            widget.setToolTip(tip)
        self.frequency_combo = f.add(self.tr("&Frekuensi angsuran:"), QComboBox(objectName="productFrequencyCombo"), "frequency")
        for frequency in Frequency:
            self.frequency_combo.addItem(frequency.label, frequency.value)
        self.rounding_combo = f.add(self.tr("Pem&bulatan angsuran:"), QComboBox(objectName="productRoundingCombo"), "rounding_multiple")
        for multiple in ROUNDING_CHOICES:
            self.rounding_combo.addItem(self.tr("tanpa pembulatan") if multiple == 1 else self.tr("kelipatan {amount}").format(amount=format_rupiah(multiple)), multiple)
        self.fee_edit = f.add(self.tr("Biaya a&dministrasi (Rp):"), MoneyEdit(objectName="productAdminFeeEdit"), "admin_fee")
        self.cure_spin = f.add(
            self.tr("&Pulih dari jadwal ulang:"),
            QSpinBox(objectName="productCureSpin", minimum=1, maximum=MAX_CURE_INSTALLMENTS, value=DEFAULT_CURE_INSTALLMENTS),
            "cure_installments",
        )
        self.cure_spin.setSuffix(self.tr(" angsuran tepat waktu berturut-turut"))
        self.cure_spin.setToolTip(self.tr(
            "Pinjaman yang dijadwal ulang (restrukturisasi) tetap dihitung berisiko (PAR30) dan tampil di baris "
            "Restrukturisasi laporan tunggakan sampai sebanyak ini angsuran jadwal barunya dibayar tepat waktu."
        ))
        self.programme_combo = f.add(self.tr("Syarat pe&latihan:"), QComboBox(objectName="productProgrammeCombo"), "required_programme_id")
        self.programme_combo.addItem(self.tr("— tanpa syarat pelatihan —"), None)
        with context.database.session() as session:
            for programme in trainings.list_programmes(session, context.actor):
                if programme.active or (product is not None and programme.id == product.data.required_programme_id):
                    self.programme_combo.addItem(self.tr("lulus {name}").format(name=programme.data.name), programme.id)
        self.active_check = QCheckBox(self.tr("Aktif (dapat dipilih untuk pengajuan baru)"), objectName="productActiveCheck")
        self.active_check.setChecked(True)
        if product is not None:
            f.add("", self.active_check)
            self._fill(product)
        else:
            self.min_amount.set_value(500_000)
            self.max_amount.set_value(5_000_000)
            self.min_term.setValue(3)
            self.max_term.setValue(12)
            self.frequency_combo.setCurrentIndex(self.frequency_combo.findData(Frequency.MONTHLY.value))
            self.rounding_combo.setCurrentIndex(self.rounding_combo.findData(1000))
        super().__init__(f, object_name="productDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Tambah produk pinjaman") if product is None else self.tr("Ubah produk {name}").format(name=product.data.name))
        self.context, self.product = context, product
        self.saved: uuid.UUID | None = None

    def _fill(self, product: ProductView) -> None:
        d = product.data
        self.name_edit.setText(d.name)
        index = find_data(self.fund_combo, d.fund_source_id)
        if index < 0:  # its fund was retired: keep it visible
            self.fund_combo.addItem(product.fund_name, d.fund_source_id)
            index = self.fund_combo.count() - 1
        self.fund_combo.setCurrentIndex(index)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(d.kind.value))
        self.min_amount.set_value(d.min_amount)
        self.max_amount.set_value(d.max_amount)
        self.min_term.setValue(d.min_term)
        self.max_term.setValue(d.max_term)
        self.frequency_combo.setCurrentIndex(self.frequency_combo.findData(d.frequency.value))
        self.rounding_combo.setCurrentIndex(self.rounding_combo.findData(d.rounding_multiple))
        self.fee_edit.set_value(d.admin_fee)
        self.cure_spin.setValue(d.cure_installments)
        self.programme_combo.setCurrentIndex(max(0, find_data(self.programme_combo, d.required_programme_id)))
        self.active_check.setChecked(product.active)

    def values(self) -> ProductInput:
        fund_id = self.fund_combo.currentData()
        if fund_id is None:
            raise ValidationError(self.tr("Tambahkan sumber dana dahulu."), field="fund_source_id")
        return ProductInput(
            name=self.name_edit.text(),
            fund_source_id=fund_id,
            kind=LoanKind(self.kind_combo.currentData()),
            min_amount=self.min_amount.checked_value("min_amount"),
            max_amount=self.max_amount.checked_value("max_amount"),
            min_term=self.min_term.value(),
            max_term=self.max_term.value(),
            frequency=Frequency(self.frequency_combo.currentData()),
            rounding_multiple=int(self.rounding_combo.currentData()),
            admin_fee=self.fee_edit.checked_value("admin_fee"),
            required_programme_id=self.programme_combo.currentData(),
            cure_installments=self.cure_spin.value(),
        )

    def save(self) -> None:
        data = self.values()
        with self.context.database.session() as session:
            if self.product is None:
                self.saved = loan_products.create_product(session, self.context.actor, data)
            else:
                loan_products.update_product(
                    session, self.context.actor, self.product.id, data, active=self.active_check.isChecked(),
                    expected_version=self.product.version,
                )
