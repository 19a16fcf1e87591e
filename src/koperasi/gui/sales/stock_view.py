"""Titipan & stok: receive goods from a member or a group (Designer: ui/sales_intake_form.ui), the
recent intakes with Batalkan, and the stock on hand per producer and product with a filter."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.roles import Permission
from koperasi.domain.sales.rules import Producer, format_quantity, parse_quantity
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_sales_intake_form import Ui_SalesIntakeForm
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.form_dialog import FieldForm
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import show_error
from koperasi.gui.sales import producer_label, short_date
from koperasi.gui.tables import TipTableModel, count_text, make_table, selected_row
from koperasi.services.sales import consignment
from koperasi.services.members import groups
from koperasi.services.sales import catalogue as sales_catalogue
from koperasi.services.sales.consignment import IntakeRow, StockRow
from koperasi.services.members.search import MemberFilter, member_page
from koperasi import clock

SEARCH_DELAY_MS = 200
MEMBER_CHOICES = 30


class IntakeForm(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.form = Ui_SalesIntakeForm()
        self.form.setupUi(self)
        f = self.form
        with context.database.session() as session:
            self.products = sales_catalogue.list_products(session, context.actor, active_only=True)
            group_list = groups.group_choices(session, context.actor)
        f.intakeMemberCombo.addItem(self.tr("— ketik nama di atas untuk mencari —"), None)
        for group_id, name in group_list:
            f.intakeGroupCombo.addItem(name, group_id)
        if not group_list:
            f.intakeGroupCombo.addItem(self.tr("— belum ada kelompok aktif —"), None)
        f.intakeProductCombo.addItem(self.tr("— pilih barang —"), None)
        for product in self.products:
            f.intakeProductCombo.addItem(f"{product.data.name} ({product.data.unit})", product.id)
        f.intakeProductCombo.currentIndexChanged.connect(self._product_changed)
        f.intakeDateEdit.setMaximumDate(QDate(clock.today()))
        f.intakeDateEdit.setDate(QDate(clock.today()))
        f.intakeGroupRadio.toggled.connect(self._kind_changed)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        f.intakeSearchEdit.textChanged.connect(self._timer.start)
        self._kind_changed()
        self._product_changed()

    def _kind_changed(self) -> None:
        group = self.form.intakeGroupRadio.isChecked()
        for widget in (self.form.intakeSearchEdit, self.form.intakeMemberCombo, self.form.searchLabel):
            widget.setVisible(not group)
        self.form.intakeGroupCombo.setVisible(group)

    def _product_changed(self) -> None:
        product_id = self.form.intakeProductCombo.currentData()
        product = next((p for p in self.products if p.id == product_id), None)
        self.form.intakeUnitLabel.setText(product.data.unit if product else "")

    def search(self) -> None:
        self._timer.stop()
        text = self.form.intakeSearchEdit.text().strip()
        combo = self.form.intakeMemberCombo
        combo.clear()
        if not text:
            combo.addItem(self.tr("— ketik nama di atas untuk mencari —"), None)
            return
        with self.context.database.session() as session:
            page = member_page(session, self.context.actor, MemberFilter(text=text), limit=MEMBER_CHOICES)
        if not page.rows:
            combo.addItem(self.tr("— tidak ada anggota aktif yang cocok —"), None)
        for row in page.rows:
            combo.addItem(f"{row.full_name} ({row.number}, {row.desa})", row.id)
        if page.total > len(page.rows):
            combo.addItem(self.tr("… {more} lagi: perjelas pencarian").format(more=page.total - len(page.rows)), None)

    def producer(self) -> Producer:
        f = self.form
        if f.intakeGroupRadio.isChecked():
            group_id = f.intakeGroupCombo.currentData()
            if group_id is None:
                raise ValidationError(self.tr("Pilih kelompok penitip."), field="group")
            return Producer(group_id=group_id)
        member_id = f.intakeMemberCombo.currentData()
        if member_id is None:
            raise ValidationError(self.tr("Cari lalu pilih anggota penitip."), field="producer")
        return Producer(member_id=member_id)

    def focus_field(self, field: str | None) -> None:
        f = self.form
        widget = {
            "producer": f.intakeSearchEdit if f.intakeMemberRadio.isChecked() else f.intakeGroupCombo,
            "group": f.intakeGroupCombo, "product_id": f.intakeProductCombo, "quantity": f.intakeQuantityEdit,
            "received_on": f.intakeDateEdit, "note": f.intakeNoteEdit,
        }.get(field or "")
        if widget is not None:
            widget.setFocus()


class IntakeDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.intake_form = IntakeForm(context)
        super().__init__(self.intake_form, object_name="intakeDialog", width=600, parent=parent)
        self.setWindowTitle(self.tr("Terima titipan"))
        self.context = context
        self.number: str | None = None

    def save(self) -> None:
        f = self.intake_form.form
        producer = self.intake_form.producer()
        product_id = f.intakeProductCombo.currentData()
        if product_id is None:
            raise ValidationError(self.tr("Pilih barang yang dititipkan."), field="product_id")
        quantity = parse_quantity(f.intakeQuantityEdit.text())
        with self.context.database.session() as session:
            self.number = consignment.record_intake(
                session, self.context.actor, producer=producer, product_id=product_id, quantity_milli=quantity,
                received_on=f.intakeDateEdit.date().toPython(), note=f.intakeNoteEdit.text(),
            )


class ReverseIntakeDialog(FormDialog):
    def __init__(self, context: AppContext, intake: IntakeRow, parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm(self.tr("Batalkan titipan <b>{number}</b>: {quantity} {product} dari {producer}.").format(
            number=escape(intake.number), quantity=format_quantity(intake.quantity_milli, intake.unit),
            product=escape(intake.product), producer=escape(intake.producer_name)))
        self.reason_edit = f.add(self.tr("&Alasan:"), QLineEdit(objectName="intakeReverseReasonEdit"), "reason")
        self.reason_edit.setPlaceholderText(self.tr("mis. salah catat jumlah; barang diambil kembali"))
        self.reason_edit.setMaxLength(250)
        super().__init__(f, object_name="intakeReverseDialog", width=540, parent=parent)
        self.setWindowTitle(self.tr("Batalkan titipan"))
        self.context, self.intake = context, intake

    def save(self) -> None:
        with self.context.database.session() as session:
            consignment.reverse_intake(session, self.context.actor, self.intake.id, reason=self.reason_edit.text())


class StockView(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockView")
        self.context = context
        actor = context.actor
        self.intake_button = QPushButton(self.tr("&Terima titipan…"), objectName="intakeNewButton")
        self.intake_button.setVisible(actor.can(Permission.RECORD_SALES))
        self.intake_button.clicked.connect(self.new_intake)
        self.reverse_button = QPushButton(self.tr("Batal&kan…"), objectName="intakeReverseButton")
        self.reverse_button.setToolTip(self.tr("Batalkan titipan yang dipilih (salah catat)"))
        self.reverse_button.setVisible(actor.can(Permission.REVERSE_SALES))
        self.reverse_button.clicked.connect(self._reverse)
        self.intake_model: ListTableModel[IntakeRow] = TipTableModel(self._intake_columns(), parent=self)
        self.intake_table = make_table("intakeTable", self.intake_model)
        self.intake_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filter_edit = QLineEdit(objectName="stockFilter")
        self.filter_edit.setPlaceholderText(self.tr("saring barang atau penitip"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._show_stock)
        self.stock_model: ListTableModel[StockRow] = TipTableModel(self._stock_columns(), parent=self)
        self.stock_table = make_table("stockTable", self.stock_model)
        self.stock_count = QLabel(objectName="stockCount")
        self._stock: list[StockRow] = []

        intakes = QGroupBox(self.tr("Titipan terbaru"))
        intake_bar = QHBoxLayout()
        intake_bar.addWidget(self.intake_button)
        intake_bar.addStretch(1)
        intake_bar.addWidget(self.reverse_button)
        intake_layout = QVBoxLayout(intakes)
        intake_layout.addLayout(intake_bar)
        intake_layout.addWidget(self.intake_table, 1)
        stock = QGroupBox(self.tr("Stok di koperasi"))
        stock_bar = QHBoxLayout()
        stock_bar.addWidget(QLabel(self.tr("&Saring:"), buddy=self.filter_edit))
        stock_bar.addWidget(self.filter_edit, 1)
        stock_layout = QVBoxLayout(stock)
        stock_layout.addLayout(stock_bar)
        stock_layout.addWidget(self.stock_table, 1)
        stock_layout.addWidget(self.stock_count)
        self.splitter = QSplitter(objectName="stockSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(intakes)
        self.splitter.addWidget(stock)
        self.splitter.setSizes([4_500, 5_500])  # the stock, what a clerk checks, has the room
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        self.reload()

    def _intake_columns(self) -> list[Column[IntakeRow]]:
        def cancelled(row: IntakeRow) -> bool:
            return row.cancelled

        return [
            Column(self.tr("Nomor"), lambda r: r.number, muted=cancelled),
            Column(self.tr("Tanggal"), lambda r: short_date(r.received_on), muted=cancelled),
            Column(self.tr("Penitip"), lambda r: r.producer_name, muted=cancelled),
            Column(self.tr("Barang"), lambda r: r.product, muted=cancelled),
            Column(self.tr("Jumlah"), lambda r: format_quantity(r.quantity_milli, r.unit), align_right=True, muted=cancelled),
            Column(self.tr("Status"), lambda r: self.tr("Batal") if r.cancelled else "", muted=cancelled),
            Column(self.tr("Catatan"), lambda r: r.note, muted=cancelled),
        ]

    def _stock_columns(self) -> list[Column[StockRow]]:
        return [
            Column(self.tr("Barang"), lambda r: r.product),
            Column(self.tr("Penitip"), lambda r: producer_label(r.producer_name, r.producer_identity)),
            Column(self.tr("Diterima"), lambda r: format_quantity(r.received_milli, r.unit), align_right=True),
            Column(self.tr("Terjual"), lambda r: format_quantity(r.sold_milli, r.unit), align_right=True),
            Column(self.tr("Stok"), lambda r: format_quantity(r.on_hand_milli, r.unit), align_right=True),
        ]

    def reload(self) -> None:
        try:
            with self.context.database.session() as session:
                intakes = consignment.recent_intakes(session, self.context.actor)
                self._stock = consignment.stock(session, self.context.actor)
        except DomainError as error:
            show_error(self, self.tr("Titipan"), error.message)
            return
        self.intake_model.set_rows(intakes)
        fit_columns(self.intake_table, stretch=6, caps={0: 150, 2: 150, 3: 140})
        self._show_stock()
        self._selection_changed()

    def _show_stock(self) -> None:
        words = self.filter_edit.text().lower().split()
        rows = [row for row in self._stock
                if all(word in f"{row.product} {row.producer_name} {row.producer_identity}".lower() for word in words)]
        self.stock_model.set_rows(rows)
        fit_columns(self.stock_table, stretch=1, caps={0: 130}, minimum=110)  # Stok, the last column, in sight at 1024 px
        if not self._stock:
            self.stock_count.setText(self.tr("Belum ada barang titipan yang tersisa."))
        else:
            self.stock_count.setText(self.tr("{shown} dari {total} stok penitip").format(
                shown=count_text(len(rows)), total=count_text(len(self._stock))) if words
                else self.tr("{total} stok penitip").format(total=count_text(len(rows))))

    def _selection_changed(self) -> None:
        row = selected_row(self.intake_table)
        self.reverse_button.setEnabled(row is not None and not row.cancelled)

    def new_intake(self) -> None:
        if not self.context.actor.can(Permission.RECORD_SALES):
            return
        if IntakeDialog(self.context, self).exec():
            self.reload()
            self.changed.emit()

    def _reverse(self) -> None:
        row = selected_row(self.intake_table)
        if row is None or row.cancelled:
            return
        if ReverseIntakeDialog(self.context, row, self).exec():
            self.reload()
            self.changed.emit()

