"""Ajukan pinjaman (Designer: ui/loan_application_form.ui): member, product, amount, tenor,
purpose, the group for a group product, and a live preview of the schedule."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidgetItem, QWidget

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.loans.products import LoanKind
from koperasi.domain.loans.rules import build_schedule, due_dates
from koperasi.domain.money import format_rupiah
from koperasi.gui import glossary
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_loan_application_form import Ui_LoanApplicationForm
from koperasi.gui.inline_add import add_buttons_beside
from koperasi.gui.combos import find_data
from koperasi.gui.loans.funds_dialog import FundDialog, ProductDialog
from koperasi.services.loans import funds
from koperasi.services.members import groups
from koperasi.services.loans import products as loan_products
from koperasi.services.loans import lifecycle as loans
from koperasi.services.trainings import participants as training_participants
from koperasi.services.trainings import programmes as trainings
from koperasi.gui.screen_fit import narrow_combo
from koperasi.services.loans.products import ProductView
from koperasi.services.members.search import MemberFilter, member_page
from koperasi import clock

SEARCH_DELAY_MS = 200
MEMBER_CHOICES = 30
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MET_STYLE = "color: #1b5e20;"
_NOT_MET_STYLE = "color: #b3261e;"
_UNKNOWN_STYLE = "color: #555;"


class LoanApplicationForm(QWidget):
    def __init__(
        self, context: AppContext, products: list[ProductView], group_choices, *, product_characters: int = 30,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = Ui_LoanApplicationForm()
        self.form.setupUi(self)
        self.context = context
        self._products: dict[uuid.UUID, ProductView] = {}
        f = self.form
        for widget in (f.termLabel, f.termSpin):
            widget.setToolTip(glossary.term())
        f.groupCombo.addItem(self.tr("— pilih kelompok —"), None)
        for group_id, name in group_choices:
            f.groupCombo.addItem(name, group_id)
        f.memberCombo.addItem(self.tr("— ketik nama di atas untuk mencari —"), None)
        # A long product or group name must not push the dialog past a 1024 px screen (Qt keeps the first
        # minimum a combo was given, so the caller says how narrow the product combo must be, once).
        narrow_combo(f.productCombo, product_characters)
        for combo in (f.groupCombo, f.memberCombo):
            narrow_combo(combo, 30)
        # Under the product's terms: the training the product requires and whether the chosen member completed it.
        self.requirement_label = QLabel(objectName="productRequirementLabel")
        self.requirement_label.setWordWrap(True)
        self.requirement_label.setTextFormat(Qt.TextFormat.PlainText)
        row = f.formLayout.getWidgetPosition(f.productTermsLabel)[0] + 1
        f.formLayout.insertRow(row, "", self.requirement_label)
        self.requirement_label.hide()
        # When no product can be chosen: what is missing and how to add it.
        self.missing_label = QLabel(objectName="productMissingHint")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #8a5a00;")
        f.formLayout.insertRow(f.formLayout.getWidgetPosition(f.productCombo)[0] + 1, "", self.missing_label)
        self.missing_label.hide()
        self.set_products(products)
        f.appliedOnEdit.setDate(QDate(clock.today()))
        f.appliedOnEdit.setMaximumDate(QDate(clock.today()))
        table = f.previewTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("No"), self.tr("Jatuh tempo"), self.tr("Angsuran")])
        table.verticalHeader().hide()
        table.setMinimumWidth(380)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_members)
        f.memberSearchEdit.textChanged.connect(self._search_timer.start)
        f.productCombo.currentIndexChanged.connect(self._product_changed)
        f.memberCombo.currentIndexChanged.connect(self.update_requirement)
        f.amountEdit.value_changed.connect(self.update_preview)
        f.termSpin.valueChanged.connect(self.update_preview)
        f.appliedOnEdit.dateChanged.connect(self.update_preview)
        self._fields = {
            "product_id": f.productCombo, "principal": f.amountEdit, "term": f.termSpin, "purpose": f.purposeEdit,
            "group_id": f.groupCombo, "member_id": f.memberCombo, "applied_on": f.appliedOnEdit,
        }
        if len(products) == 1:
            f.productCombo.setCurrentIndex(1)
        self._product_changed()

    def set_products(self, products: list[ProductView], select: uuid.UUID | None = None) -> None:
        """Fill the product choice (again, after a product was added from inside the dialog)."""
        self._products = {product.id: product for product in products}
        combo = self.form.productCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— pilih produk —") if products else self.tr("— belum ada produk pinjaman aktif —"), None)
        for product in products:
            combo.addItem(f"{product.data.name} ({product.fund_name})", product.id)
        combo.setCurrentIndex(max(0, find_data(combo, select)) if select is not None else 0)
        combo.blockSignals(False)
        if select is not None:
            self._product_changed()

    def show_missing(self, text: str) -> None:
        label = self.missing_label
        label.setText(text)
        label.setVisible(bool(text))
        # A wrapped label may otherwise be squeezed to one clipped line in a short dialog.
        label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 4 if text else 0)

    def product(self) -> ProductView | None:
        return self._products.get(self.form.productCombo.currentData())

    def choose_member(self, member_id: uuid.UUID, label: str) -> None:
        combo = self.form.memberCombo
        combo.clear()
        combo.addItem(label, member_id)

    def _search_members(self) -> None:
        text = self.form.memberSearchEdit.text().strip()
        combo = self.form.memberCombo
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

    def _product_changed(self) -> None:
        product = self.product()
        f = self.form
        is_group = product is not None and product.data.kind is LoanKind.GROUP
        f.groupCombo.setEnabled(is_group)
        f.groupLabel.setEnabled(is_group)
        if not is_group:
            f.groupCombo.setCurrentIndex(0)
        if product is None:
            f.productTermsLabel.setText("")
        else:
            d = product.data
            f.termSpin.setRange(1, d.max_term)
            f.termSpin.setValue(min(max(f.termSpin.value(), d.min_term), d.max_term))
            fee = self.tr(", biaya administrasi {fee}").format(fee=format_rupiah(d.admin_fee)) if d.admin_fee else ""
            f.productTermsLabel.setText(
                self.tr("{kind}, {minimum} s.d. {maximum}, {min_term}–{max_term} kali angsuran {frequency}{fee}").format(
                    kind=d.kind.label, minimum=format_rupiah(d.min_amount), maximum=format_rupiah(d.max_amount),
                    min_term=d.min_term, max_term=d.max_term, frequency=d.frequency.label.lower(), fee=fee,
                )
            )
        self.update_requirement()
        self.update_preview()

    def update_requirement(self) -> None:
        """Syarat pelatihan: shown only for a product that requires a completed training."""
        product = self.product()
        label = self.requirement_label
        programme_id = product.data.required_programme_id if product is not None else None
        if programme_id is None:
            label.clear()
            label.hide()
            return
        member_id = self.form.memberCombo.currentData()
        try:
            with self.context.database.session() as session:
                if member_id is None:
                    name = next((p.data.name for p in trainings.list_programmes(session, self.context.actor) if p.id == programme_id),
                                "?")
                    met = None
                else:
                    found = training_participants.member_meets_requirement(session, self.context.actor, member_id, product.id)
                    if found is None:  # the product was changed meanwhile on another PC
                        label.clear()
                        label.hide()
                        return
                    name, met = found
        except DomainError as error:
            label.setText(self.tr("Syarat pelatihan tidak dapat diperiksa: {reason}").format(reason=error.message))
            label.setStyleSheet(_UNKNOWN_STYLE)
            label.show()
            return
        if met is None:
            text, style = self.tr("Syarat pelatihan: {programme} — pilih anggota untuk memeriksanya"), _UNKNOWN_STYLE
        elif met:
            text, style = self.tr("Syarat pelatihan: {programme} — sudah selesai ✓"), _MET_STYLE
        else:
            text, style = self.tr("Syarat pelatihan: {programme} — belum selesai; pengajuan akan ditolak"), _NOT_MET_STYLE
        label.setText(text.format(programme=name))
        label.setStyleSheet(style)
        label.show()

    def update_preview(self) -> None:
        f = self.form
        table = f.previewTable
        table.setRowCount(0)
        product = self.product()
        if product is None:
            f.previewSummary.setText(self.tr("Pilih produk untuk melihat jadwalnya."))
            return
        try:
            amount = f.amountEdit.value()
            if not amount:
                f.previewSummary.setText(self.tr("Isi jumlah pinjaman untuk melihat jadwalnya."))
                return
            applied = f.appliedOnEdit.checked_date("applied_on")
            first_due = one_period_after(applied, product)
            schedule = build_schedule(amount, f.termSpin.value(), product.data.frequency, first_due, product.data.rounding_multiple)
        except ValidationError as error:
            f.previewSummary.setText(f"<span style='color:#b3261e'>{error.message}</span>")
            return
        table.setRowCount(len(schedule))
        for row, item in enumerate(schedule):
            for column, (text, right) in enumerate(
                ((str(item.number), True), (item.due_on.strftime("%d-%m-%Y"), False), (format_rupiah(item.amount), True))
            ):
                cell = QTableWidgetItem(text)
                if right:
                    cell.setTextAlignment(_RIGHT)
                table.setItem(row, column, cell)
        outside = not (product.data.min_amount <= amount <= product.data.max_amount)
        warning = (
            f"<br><span style='color:#b3261e'>{self.tr('Di luar batas produk ini.')}</span>" if outside else ""
        )
        f.previewSummary.setText(
            self.tr("Jumlah {total} dalam {count} kali angsuran; jatuh tempo pertama kira-kira satu periode sesudah pencairan.").format(
                total=format_rupiah(sum(item.amount for item in schedule)), count=len(schedule)
            ) + warning
        )

    def values(self, applied_on: date | None = None) -> loans.LoanApplication:
        f = self.form
        member_id = f.memberCombo.currentData()
        if member_id is None:
            raise ValidationError(self.tr("Cari lalu pilih anggota yang mengajukan."), field="member_id")
        product = self.product()
        if product is None:
            raise ValidationError(self.tr("Pilih produk pinjaman."), field="product_id")
        return loans.LoanApplication(
            member_id=member_id,
            product_id=product.id,
            principal=f.amountEdit.checked_value("principal"),
            term=f.termSpin.value(),
            purpose=f.purposeEdit.text(),
            applied_on=applied_on or f.appliedOnEdit.checked_date("applied_on"),
            group_id=f.groupCombo.currentData() if product.data.kind is LoanKind.GROUP else None,
        )

    def focus_field(self, field: str | None) -> None:
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()


def one_period_after(day: date, product: ProductView) -> date:
    return due_dates(day, 2, product.data.frequency)[1]


class LoanApplicationDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            products = loan_products.list_products(session, context.actor, active_only=True)
            choices = groups.group_choices(session, context.actor)
        self.can_add_products = context.actor.can(Permission.MANAGE_FUNDS)
        # Produk baru… and Dana baru… share the product combo's row: the combo gives them the room.
        self.application_form = LoanApplicationForm(context, products, choices, product_characters=16 if self.can_add_products else 30)
        super().__init__(self.application_form, object_name="loanApplicationDialog", width=1040, parent=parent)
        self.setWindowTitle(self.tr("Ajukan pinjaman"))
        self.context = context
        self.request_id = uuid.uuid4()  # made when the dialog opens: a double click or a retry posts once
        self.saved: uuid.UUID | None = None
        if self.can_add_products:
            self.new_product_button, self.new_fund_button = add_buttons_beside(
                self.application_form.form.productCombo,
                (self.tr("Produk &baru…"), "loanNewProductButton"), (self.tr("D&ana baru…"), "loanNewFundButton"),
            )
            self.new_product_button.clicked.connect(self._new_product)
            self.new_fund_button.clicked.connect(self._new_fund)
        self._explain_missing()

    def _active_funds(self) -> list[tuple[uuid.UUID, str]]:
        with self.context.database.session() as session:
            return [(fund.id, fund.name) for fund in funds.list_funds(session, self.context.actor, include_inactive=False)]

    def _explain_missing(self) -> None:
        """Say what is missing when no product can be chosen, and who can add it."""
        form = self.application_form
        if form.form.productCombo.count() > 1:
            form.show_missing("")
        elif not self.can_add_products:
            form.show_missing(self.tr("Belum ada produk pinjaman aktif. Minta ketua atau admin menambahkannya "
                                      "di Pengaturan → Sumber dana dan produk pinjaman."))
        elif not self._active_funds():
            form.show_missing(self.tr("Belum ada sumber dana. Tambahkan dulu (tombol Dana baru…), lalu produknya (tombol Produk baru…)."))
        else:
            form.show_missing(self.tr("Belum ada produk pinjaman aktif. Tambahkan produk dulu (tombol Produk baru…)."))

    def _new_fund(self) -> None:
        if FundDialog(self.context, self).exec():
            self._explain_missing()

    def _new_product(self) -> None:
        dialog = ProductDialog(self.context, self._active_funds(), None, self)
        if not (dialog.exec() and dialog.saved is not None):
            return
        with self.context.database.session() as session:
            products = loan_products.list_products(session, self.context.actor, active_only=True)
        self.application_form.set_products(products, select=dialog.saved)
        self._explain_missing()

    def save(self) -> None:
        application = self.application_form.values()
        with self.context.database.session() as session:
            self.saved = loans.apply_for_loan(session, self.context.actor, application, request_id=self.request_id)


