"""Catat kunjungan: a visit sheet typed back in at the office, in the order of the sheet's rows.

Keyboard first: the member number from the sheet, Enter, then Tab through the figures; Ctrl+Enter
saves and clears the form for the next sheet of the pile (the date and the officer stay, as one pile
is usually one officer's round). The figures that rarely change (livelihoods, household size, land,
children) are filled in from the household's last measurement; income and the moneylender debt are
typed every time, since a figure left over from last time would pass for a new one.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from koperasi import clock
from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.impact.household import MAX_LAND_M2, MAX_PEOPLE, BusinessStatus, Measurement
from koperasi.domain.impact.papers import HouseholdHistory
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.messages import set_inline_error
from koperasi.gui.money_edit import MoneyEdit
from koperasi.gui.status import announce
from koperasi.services.impact import households, visits
from koperasi.services.members.search import MemberFilter, member_page

NOT_A_FARMER = -1  # the land box's lowest value, shown as "bukan petani"


class VisitDialog(FormDialog):
    def __init__(self, context: AppContext, *, member_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        self.context = context
        self.member_id: uuid.UUID | None = None
        self.saved_count = 0
        f = self.form_ = FieldForm(self.tr("Ketik nomor anggota dari lembar kunjungan lalu Enter; Enter atau Tab ke isian berikutnya. "
                                           "Ctrl+Enter menyimpan dan membuka lembar berikutnya."))
        self.number_edit = QLineEdit(objectName="visitMemberEdit")
        self.number_edit.setPlaceholderText(self.tr("nomor anggota, mis. PAU-000123"))
        self.number_edit.returnPressed.connect(self._find_member)
        self.number_edit.editingFinished.connect(self._find_member)
        self.member_label = QLabel(objectName="visitMemberLabel")
        self.member_label.setWordWrap(True)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.number_edit, 1)
        line.addWidget(self.member_label, 2)
        f.add(self.tr("&Anggota:"), row)
        f.name_field("member", self.number_edit)
        self.date_edit = f.add(self.tr("&Tanggal kunjungan:"), date_edit("visitDateEdit"), "measured_on")
        self.date_edit.setMaximumDate(clock.today())
        self.officer_combo = f.add(self.tr("&Petugas lapangan:"), QComboBox(objectName="visitOfficerCombo"), "officer")
        self.livelihoods_edit = f.add(self.tr("&Mata pencaharian:"), QLineEdit(objectName="visitLivelihoodsEdit"), "livelihoods")
        self.livelihoods_edit.setMaxLength(200)
        self.income_edit = MoneyEdit(objectName="visitIncomeEdit")
        self.estimated_check = QCheckBox(self.tr("p&erkiraan"), objectName="visitEstimatedCheck")
        self.estimated_check.setToolTip(self.tr("Centang bila pendapatan adalah perkiraan jujur, bukan hitungan"))
        f.add(self.tr("Pe&ndapatan/bulan (Rp):"), _pair(self.income_edit, self.estimated_check))
        f.name_field("monthly_income", self.income_edit)
        self.size_spin = f.add(self.tr("&Jumlah anggota RT:"), _spin("visitSizeSpin", 1, MAX_PEOPLE), "household_size")
        self.business_combo = f.add(self.tr("Status &usaha:"), QComboBox(objectName="visitBusinessCombo"), "business_status")
        for status in BusinessStatus:
            self.business_combo.addItem(status.label, status.value)  # Qt hands an enum back as its plain value
        self.land_spin = f.add(self.tr("&Luas lahan (m²):"), _spin("visitLandSpin", NOT_A_FARMER, MAX_LAND_M2), "land_m2")
        self.land_spin.setSpecialValueText(self.tr("bukan petani"))
        self.land_spin.setGroupSeparatorShown(True)
        self.debt_edit = f.add(self.tr("Utang ke &rentenir (Rp):"), MoneyEdit(objectName="visitDebtEdit"), "moneylender_amount")
        self.debt_edit.setPlaceholderText(self.tr("0 = tidak ada"))
        self.children_spin = _spin("visitChildrenSpin", 0, MAX_PEOPLE)
        self.in_school_spin = _spin("visitInSchoolSpin", 0, MAX_PEOPLE)
        f.add(self.tr("Anak 7–18 / &bersekolah:"), _pair(self.children_spin, self.in_school_spin, stretch=False))
        f.name_field("school_age_children", self.children_spin)
        f.name_field("children_in_school", self.in_school_spin)
        self.woman_check = f.add("", QCheckBox(self.tr("Perempuan di rumah tangga ini punya usaha &sendiri"),
                                               objectName="visitWomanCheck"), "woman_business")
        self.notes_edit = f.add(self.tr("Ca&tatan:"), QPlainTextEdit(objectName="visitNotesEdit"), "notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().height() * 3 + 12)
        super().__init__(f, object_name="visitDialog", width=620, parent=parent)
        self.setWindowTitle(self.tr("Catat kunjungan pendampingan"))
        self.next_button = QPushButton(self.tr("Simpan && &berikutnya"), objectName="visitSaveNextButton")
        self.next_button.setToolTip(self.tr("Simpan lalu kosongkan isian untuk lembar berikutnya (Ctrl+Enter)"))
        self.buttons.addButton(self.next_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.next_button.clicked.connect(self.save_and_next)
        for keys in (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter)):
            QShortcut(keys, self, activated=self.save_and_next)

        self._fill_officers()
        self._clear_figures()
        if member_id is not None:
            self._choose(member_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter goes to the next box, as on the paper sheet (the member number's Enter has looked the member up
        first); it never saves a half-typed sheet. Ctrl+Enter saves (the shortcut above)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if not (self.focusWidget() is self.number_edit and self.member_id is None):
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    def _fill_officers(self) -> None:
        with self.context.database.session() as session:
            officers = visits.field_officers(session, self.context.actor)
        for officer in officers:
            self.officer_combo.addItem(officer.full_name, officer.id)
        ids = [officer.id for officer in officers]
        self.officer_combo.setCurrentIndex(ids.index(self.context.actor.user_id) if self.context.actor.user_id in ids else 0)

    def _find_member(self) -> None:
        text = self.number_edit.text().strip()
        if not text or (self.member_id is not None and self.member_label.property("number") == text):
            return
        with self.context.database.session() as session:
            page = member_page(session, self.context.actor, MemberFilter(text=text), limit=5)
        exact = [row for row in page.rows if row.number.casefold() == text.casefold()]
        rows = exact or page.rows
        if len(rows) != 1:
            self.member_id = None
            self.member_label.setText(self.tr("Tidak ditemukan") if not rows else
                                      self.tr("{count} anggota cocok; ketik nomor lengkap").format(count=page.total))
            return
        self._choose(rows[0].id)

    def _choose(self, member_id: uuid.UUID) -> None:
        try:
            with self.context.database.session() as session:
                history = households.household_history(session, self.context.actor, member_id)
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            return
        self.member_id = member_id
        self.number_edit.setText(history.number)
        self.member_label.setProperty("number", history.number)
        self.member_label.setText(self._member_text(history))
        self._prefill(history)
        set_inline_error(self.error_label, "")

    def _member_text(self, history: HouseholdHistory) -> str:
        last = history.measurements[-1] if history.measurements else None
        if last is None:
            return self.tr("<b>{name}</b> · belum ada data awal: ini menjadi data awal").format(name=history.full_name)
        return self.tr("<b>{name}</b> · terakhir {day}").format(name=history.full_name, day=last.data.measured_on.strftime("%d-%m-%Y"))

    def _prefill(self, history: HouseholdHistory) -> None:
        last = history.measurements[-1].data if history.measurements else None
        self._clear_figures()
        if last is None:
            self.size_spin.setValue(history.household_size)
            return
        self.livelihoods_edit.setText(last.livelihoods)
        self.size_spin.setValue(last.household_size)
        self.business_combo.setCurrentIndex(self.business_combo.findData(last.business_status.value))
        self.land_spin.setValue(NOT_A_FARMER if last.land_m2 is None else last.land_m2)
        self.children_spin.setValue(last.school_age_children)
        self.in_school_spin.setValue(last.children_in_school)
        self.woman_check.setChecked(last.woman_business)

    def _clear_figures(self) -> None:
        self.livelihoods_edit.clear()
        self.income_edit.clear()
        self.estimated_check.setChecked(False)
        self.size_spin.setValue(1)
        self.business_combo.setCurrentIndex(0)
        self.land_spin.setValue(NOT_A_FARMER)
        self.debt_edit.clear()
        self.children_spin.setValue(0)
        self.in_school_spin.setValue(0)
        self.woman_check.setChecked(False)
        self.notes_edit.clear()

    def measurement(self) -> Measurement:
        if not self.income_edit.text().strip():
            raise ValidationError(self.tr("Isi pendapatan rumah tangga sebulan (boleh perkiraan)."), field="monthly_income")
        debt = self.debt_edit.checked_value("moneylender_amount")
        return Measurement(
            measured_on=self.date_edit.checked_date("measured_on"),
            livelihoods=self.livelihoods_edit.text(),
            monthly_income=self.income_edit.checked_value("monthly_income"),
            income_estimated=self.estimated_check.isChecked(),
            household_size=self.size_spin.value(),
            business_status=BusinessStatus(self.business_combo.currentData()),
            land_m2=None if self.land_spin.value() == NOT_A_FARMER else self.land_spin.value(),
            moneylender_debt=debt > 0,
            moneylender_amount=debt,
            school_age_children=self.children_spin.value(),
            children_in_school=self.in_school_spin.value(),
            woman_business=self.woman_check.isChecked(),
            notes=self.notes_edit.toPlainText(),
        )

    def save(self) -> None:
        if self.member_id is None:
            raise ValidationError(self.tr("Ketik nomor anggota dari lembar kunjungan lalu tekan Enter."), field="member")
        data = self.measurement()
        with self.context.database.session() as session:
            households.record_measurement(session, self.context.actor, self.member_id, data,
                                          officer_id=self.officer_combo.currentData())
        self.saved_count += 1
        announce(self, self.tr("Kunjungan {name} tersimpan").format(name=self.member_label.property("number") or ""))

    def save_and_next(self) -> None:
        try:
            self.save()
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            if isinstance(error, ValidationError):
                self.form_.focus_field(error.field)
            return
        saved = self.saved_count
        self.member_id = None
        self.member_label.setText(self.tr("{count} lembar tersimpan. Lembar berikutnya:").format(count=saved))
        self.member_label.setProperty("number", None)
        self.number_edit.clear()
        self._clear_figures()
        set_inline_error(self.error_label, "")
        self.number_edit.setFocus()


def _spin(name: str, low: int, high: int) -> QSpinBox:
    spin = QSpinBox(objectName=name)
    spin.setRange(low, high)
    return spin


def _pair(first: QWidget, second: QWidget, *, stretch: bool = True) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first, 1 if stretch else 0)
    layout.addWidget(second)
    if not stretch:
        layout.addStretch(1)
    return row
