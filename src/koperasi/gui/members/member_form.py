"""The member form (Designer: ui/member_form.ui): person, categories, household, notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QHeaderView, QTableWidgetItem, QWidget

from koperasi.domain.errors import ValidationError
from koperasi.domain.members import HouseholdPerson, MemberInput, Relation, SchoolStatus
from koperasi.domain.people import Sex
from koperasi.gui.forms.ui_member_form import Ui_MemberForm
from koperasi.gui.loans.columns import NAME_MINIMUM, stretch_column, text_width
from koperasi.services.regions import DesaView, KecamatanView
from koperasi import clock

# A QDateEdit cannot be empty: its minimum date, shown as blank, stands for "not entered".
_UNSET = QDate(1900, 1, 1)
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
        for edit in (self.form.birthDateEdit, self.form.joinDateEdit):
            edit.setMinimumDate(_UNSET)
            edit.setSpecialValueText(" ")
            edit.setMaximumDate(QDate(clock.today()))
        self.form.birthDateEdit.setDate(_UNSET)
        self.form.joinDateEdit.setDate(QDate(clock.today()))
        self._category_boxes: dict[str, QCheckBox] = {}
        for code, name in categories:
            box = QCheckBox(name)
            self.form.categoriesLayout.addWidget(box)
            self._category_boxes[code] = box
        table = self.form.householdTable
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels([self.tr("Nama"), self.tr("Hubungan"), self.tr("L/P"), self.tr("Tgl lahir"), self.tr("Sekolah")])
        table.horizontalHeaderItem(_BIRTH).setToolTip(self.tr("Tanggal lahir, contoh 17-08-2015"))
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

    def _fill_desa(self) -> None:
        code = self.form.kecamatanCombo.currentData()
        combo = self.form.desaCombo
        combo.clear()
        desa: list[DesaView] = self._desa_of(code) if code else []
        combo.addItem(self.tr("— pilih desa —") if desa or not code else self.tr("— belum ada desa: tambahkan di Pengaturan → Wilayah —"), None)
        for item in desa:
            combo.addItem(item.name, str(item.id))

    def add_person(self, person: HouseholdPerson | None) -> None:
        table = self.form.householdTable
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, _NAME, QTableWidgetItem(person.full_name if person else ""))
        table.setCellWidget(row, _RELATION, _combo([(r.label, r) for r in Relation if r is not Relation.HEAD] + [(Relation.HEAD.label, Relation.HEAD)], person.relation if person else Relation.CHILD))
        table.setCellWidget(row, _SEX, _combo([(s.value, s) for s in Sex], person.sex if person else Sex.FEMALE))
        birth = person.birth_date.strftime("%d-%m-%Y") if person and person.birth_date else ""
        table.setItem(row, _BIRTH, QTableWidgetItem(birth))
        school = [("—", None)] + [(s.label, s) for s in SchoolStatus]
        table.setCellWidget(row, _SCHOOL, _combo(school, person.school_status if person else None))
        if person is None:
            table.setCurrentCell(row, _NAME)
            table.editItem(table.item(row, _NAME))

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
        birth = f.birthDateEdit.date()
        if birth == _UNSET:
            raise ValidationError(self.tr("Tanggal lahir wajib diisi."), field="birth_date")
        join = f.joinDateEdit.date()
        return MemberInput(
            full_name=f.fullNameEdit.text(),
            sex=Sex(f.sexCombo.currentData()),  # Qt hands enum item data back as plain strings
            birth_date=birth.toPython(),
            desa_id=f.desaCombo.currentData() or "",
            nik=f.nikEdit.text(),
            kk_number=f.kkEdit.text(),
            birth_place=f.birthPlaceEdit.text(),
            address=f.addressEdit.text(),
            phone=f.phoneEdit.text(),
            occupation=f.occupationEdit.text(),
            household_relation=Relation(f.relationCombo.currentData()),
            categories=frozenset(code for code, box in self._category_boxes.items() if box.isChecked()),
            join_date=None if join == _UNSET else join.toPython(),
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
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(f"Tanggal lahir anggota keluarga baris {row} tidak dikenali: '{text}' (contoh: 17-08-2015).", field="household")
