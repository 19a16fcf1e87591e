"""The member form (Designer: ui/member_form.ui): person, categories, household, notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QHeaderView, QTableWidgetItem, QWidget

from koperasi.domain.dates import format_date, parse_date
from koperasi.domain.errors import ValidationError
from koperasi.domain.members.register import HouseholdPerson, MemberInput, Relation, SchoolStatus
from koperasi.domain.nik import NikInfo, nik_mismatches, parse_nik
from koperasi.domain.people import Sex
from koperasi.gui.forms.ui_member_form import Ui_MemberForm
from koperasi.gui.messages import WARNING_STYLE
from koperasi.gui.columns import NAME_MINIMUM, stretch_column, text_width
from koperasi.services.office.regions import DesaView, KecamatanView
from koperasi import clock

# Where the birth-date calendar opens when neither the field nor the NIK gives a day.
_TYPICAL_AGE_YEARS = 30
_NAME, _RELATION, _SEX, _BIRTH, _SCHOOL = range(5)


class MemberForm(QWidget):
    def __init__(
        self,
        kecamatan: list[KecamatanView],
        desa_of: Callable[[str], list[DesaView]],
        categories: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = Ui_MemberForm()
        self.form.setupUi(self)
        self._desa_of = desa_of
        for sex in Sex:
            self.form.sexCombo.addItem(sex.label, sex)
        for relation in Relation:
            self.form.relationCombo.addItem(relation.label, relation)
        self.form.kecamatanCombo.addItem(self.tr("— pilih kecamatan —"), None)
        for item in kecamatan:
            self.form.kecamatanCombo.addItem(item.name, item.code)
        self.form.kecamatanCombo.currentIndexChanged.connect(self._fill_desa)
        birth, join = self.form.birthDateEdit, self.form.joinDateEdit
        birth.set_subject(self.tr("Tanggal lahir"))
        birth.set_calendar_start(self._likely_birth_date)
        join.set_subject(self.tr("Tanggal bergabung"))
        join.set_optional(True)
        for edit in (birth, join):
            edit.setMaximumDate(QDate(clock.today()))
        join.setDate(QDate(clock.today()))
        # The clerk's own choice of sex is never overwritten by the NIK; a new form has none yet.
        self._sex_chosen = False
        self.form.sexCombo.activated.connect(self._sex_chosen_by_clerk)
        self.form.nikEdit.textChanged.connect(self._nik_changed)
        self.form.nikEdit.editingFinished.connect(self._show_nik_note)
        birth.dateChanged.connect(self._show_nik_note)
        birth.error_changed.connect(self._show_nik_note)  # a birth date that became invalid is no longer compared
        self.form.sexCombo.currentIndexChanged.connect(self._show_nik_note)
        self._category_boxes: dict[str, QCheckBox] = {}
        for code, name in categories:
            box = QCheckBox(name)
            self.form.categoriesLayout.addWidget(box)
            self._category_boxes[code] = box
        table = self.form.householdTable
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("Hubungan"), self.tr("L/P"), self.tr("Tgl lahir"), self.tr("Sekolah")])
        table.horizontalHeaderItem(_BIRTH).setToolTip(self.tr("Tanggal lahir, contoh 17-08-2015 atau 17 Agustus 2015"))
        table.itemChanged.connect(self._household_item_changed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column, sample in ((_RELATION, "Suami/istri"), (_SCHOOL, "Putus sekolah")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)  # a combo's own width is its longest item
            table.setColumnWidth(column, text_width(table, sample) + 24)  # and the arrow
        stretch_column(table, _NAME, NAME_MINIMUM)  # the name never squeezed to a letter on a 1024 px laptop
        self.form.mainLayout.setStretch(0, 2)  # the household table gets the wider half
        self.form.mainLayout.setStretch(1, 3)
        table.verticalHeader().hide()
        self.form.addPersonButton.clicked.connect(lambda: self.add_person(None))
        self.form.removePersonButton.clicked.connect(self._remove_person)
        self._fields = {
            "full_name": self.form.fullNameEdit,
            "nik": self.form.nikEdit,
            "kk_number": self.form.kkEdit,
            "birth_date": self.form.birthDateEdit,
            "desa_id": self.form.desaCombo,
            "phone": self.form.phoneEdit,
            "join_date": self.form.joinDateEdit,
            "household": self.form.householdTable,
        }
        self._fill_desa()

    # ---- NIK: fills an empty birth date and sex, and is named when it disagrees --------------

    def _nik_info(self) -> NikInfo | None:
        try:
            return parse_nik(self.form.nikEdit.text(), today=clock.today())
        except ValidationError:
            return None

    def _likely_birth_date(self) -> date:
        info = self._nik_info()
        return info.birth_date if info else QDate(clock.today()).addYears(-_TYPICAL_AGE_YEARS).toPython()

    def _sex_chosen_by_clerk(self) -> None:
        self._sex_chosen = True

    def _nik_changed(self) -> None:
        info = self._nik_info()
        if info is not None:
            if not self.form.birthDateEdit.text().strip():
                self.form.birthDateEdit.setDate(info.birth_date)
            if not self._sex_chosen:
                self.form.sexCombo.setCurrentIndex(self.form.sexCombo.findData(info.sex))
        self._show_nik_note()

    def _show_nik_note(self) -> None:
        """Under the birth date: what the NIK says that the form does not (a warning, saving is allowed)."""
        label, nik = self.form.nikNoteLabel, self.form.nikEdit
        try:
            info = parse_nik(nik.text(), today=clock.today())
        except ValidationError as error:
            # A NIK still being typed is not wrong yet; once the clerk moves on, say what is.
            note = error.message if nik.text().strip() and not nik.hasFocus() else ""
        else:
            birth = self.form.birthDateEdit.date()
            sex = Sex(self.form.sexCombo.currentData())
            note = " ".join(nik_mismatches(info, sex=sex, birth_date=birth.toPython() if birth.isValid() else None))
        label.setStyleSheet(WARNING_STYLE)
        label.setText(note)
        label.setVisible(bool(note))

    def _fill_desa(self) -> None:
        code = self.form.kecamatanCombo.currentData()
        combo = self.form.desaCombo
        combo.clear()
        desa: list[DesaView] = self._desa_of(code) if code else []
        combo.addItem(self.tr("— pilih desa —") if desa or not code else self.tr("— belum ada desa di kecamatan ini —"), None)
        for item in desa:
            combo.addItem(item.name, str(item.id))

    def refill_desa(self, select: str) -> None:
        """After a desa was added from inside the form: list it and choose it."""
        self._fill_desa()
        self.form.desaCombo.setCurrentIndex(max(0, self.form.desaCombo.findData(select)))

    def add_person(self, person: HouseholdPerson | None) -> None:
        table = self.form.householdTable
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, _NAME, QTableWidgetItem(person.full_name if person else ""))
        table.setCellWidget(row, _RELATION, _combo([(r.label, r) for r in Relation if r is not Relation.HEAD] + [(Relation.HEAD.label, Relation.HEAD)], person.relation if person else Relation.CHILD))
        table.setCellWidget(row, _SEX, _combo([(s.value, s) for s in Sex], person.sex if person else Sex.FEMALE))
        birth = format_date(person.birth_date) if person and person.birth_date else ""
        table.setItem(row, _BIRTH, QTableWidgetItem(birth))
        school = [("—", None)] + [(s.label, s) for s in SchoolStatus]
        table.setCellWidget(row, _SCHOOL, _combo(school, person.school_status if person else None))
        if person is None:
            table.setCurrentCell(row, _NAME)
            table.editItem(table.item(row, _NAME))

    def _household_item_changed(self, item: QTableWidgetItem) -> None:
        # A birth date typed as 17082015 or 17-8-2015 is shown as "17 Agustus 2015" once it reads as a date.
        if item.column() != _BIRTH or not item.text().strip():
            return
        try:
            shown = format_date(parse_date(item.text()))
        except ValidationError:
            return
        if item.text() != shown:
            item.setText(shown)

    def _remove_person(self) -> None:
        row = self.form.householdTable.currentRow()
        if row >= 0:
            self.form.householdTable.removeRow(row)

    def set_member(self, data: MemberInput, kecamatan_code: str) -> None:
        f = self.form
        f.fullNameEdit.setText(data.full_name)
        f.nikEdit.setText(data.nik)
        f.kkEdit.setText(data.kk_number)
        f.sexCombo.setCurrentIndex(f.sexCombo.findData(data.sex))
        self._sex_chosen = True
        f.birthPlaceEdit.setText(data.birth_place)
        f.birthDateEdit.setDate(QDate(data.birth_date))
        f.kecamatanCombo.setCurrentIndex(f.kecamatanCombo.findData(kecamatan_code))
        f.desaCombo.setCurrentIndex(max(0, f.desaCombo.findData(data.desa_id)))
        f.addressEdit.setText(data.address)
        f.phoneEdit.setText(data.phone)
        f.occupationEdit.setText(data.occupation)
        f.relationCombo.setCurrentIndex(f.relationCombo.findData(data.household_relation))
        if data.join_date:
            f.joinDateEdit.setDate(QDate(data.join_date))
        for code, box in self._category_boxes.items():
            box.setChecked(code in data.categories)
        f.householdTable.setRowCount(0)
        for person in data.household:
            self.add_person(person)
        f.notesEdit.setPlainText(data.notes)

    def values(self) -> MemberInput:
        f = self.form
        birth = f.birthDateEdit.checked_date("birth_date")
        join = f.joinDateEdit.checked_date("join_date")
        return MemberInput(
            full_name=f.fullNameEdit.text(),
            sex=Sex(f.sexCombo.currentData()),  # Qt hands enum item data back as plain strings
            birth_date=birth,
            desa_id=f.desaCombo.currentData() or "",
            nik=f.nikEdit.text(),
            kk_number=f.kkEdit.text(),
            birth_place=f.birthPlaceEdit.text(),
            address=f.addressEdit.text(),
            phone=f.phoneEdit.text(),
            occupation=f.occupationEdit.text(),
            household_relation=Relation(f.relationCombo.currentData()),
            categories=frozenset(code for code, box in self._category_boxes.items() if box.isChecked()),
            join_date=join,
            notes=f.notesEdit.toPlainText(),
            household=tuple(self._household()),
        )

    def _household(self) -> list[HouseholdPerson]:
        table = self.form.householdTable
        people = []
        for row in range(table.rowCount()):
            name = (table.item(row, _NAME).text() if table.item(row, _NAME) else "").strip()
            birth_text = (table.item(row, _BIRTH).text() if table.item(row, _BIRTH) else "").strip()
            if not name and not birth_text:
                continue  # an empty row the clerk added and did not use
            people.append(
                HouseholdPerson(
                    full_name=name,
                    relation=Relation(table.cellWidget(row, _RELATION).currentData()),
                    sex=Sex(table.cellWidget(row, _SEX).currentData()),
                    birth_date=_parse_date(birth_text, row + 1),
                    school_status=_school(table.cellWidget(row, _SCHOOL).currentData()),
                )
            )
        return people

    def focus_field(self, field: str | None) -> None:
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()


def _combo(choices: list[tuple[str, object]], current: object) -> QComboBox:
    combo = QComboBox()
    for text, value in choices:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _school(value: str | None) -> SchoolStatus | None:
    return SchoolStatus(value) if value else None


def _parse_date(text: str, row: int) -> date | None:
    if not text:
        return None
    try:
        return parse_date(text)
    except ValidationError as error:
        raise ValidationError(f"Tanggal lahir anggota keluarga baris {row} tidak dikenali: {error.message}", field="household") from None
