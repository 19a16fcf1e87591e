"""Peluang baru / Ubah peluang: what it is (page Peluang) and who may take it (page Siapa).

Who may take it is what the list of who should hear of it is drawn from: leave a condition empty and
it does not narrow; with no condition at all a place must be chosen (the service says so).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from koperasi.domain.network.opportunities import Conditions, OpportunityInput, OpportunityKind
from koperasi.domain.people import Sex
from koperasi.gui.combos import find_data
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.money_edit import MoneyEdit
from koperasi.services.network import opportunities
from koperasi.services.network.opportunities import OpportunityView
from koperasi.services.office import regions

NO_AGE = -1  # the spin box's "—": the age does not narrow


def _text_box(name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(objectName=name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def _checks(name: str, choices, ticked) -> QListWidget:
    listing = QListWidget(objectName=name)
    for value, text in choices:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
        listing.addItem(item)
    listing.itemActivated.connect(lambda item: item.setCheckState(
        Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked else Qt.CheckState.Checked))
    listing.setFixedHeight(listing.fontMetrics().height() * 5 + 16)
    return listing


def _ticked(listing: QListWidget) -> frozenset:
    return frozenset(listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())
                     if listing.item(i).checkState() == Qt.CheckState.Checked)


def _age_box(name: str) -> QSpinBox:
    box = QSpinBox(objectName=name, minimum=NO_AGE, maximum=120)
    box.setSpecialValueText("—")
    box.setValue(NO_AGE)
    return box


class OpportunityForm(QTabWidget):
    def __init__(self, context: AppContext, view: OpportunityView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opportunityFormPages")
        self.context = context
        data = view.data if view else None
        c = data.conditions if data else Conditions()
        with context.database.session() as session:
            categories, programmes = opportunities.condition_choices(session, context.actor)
            self._kecamatan = regions.list_kecamatan(session)
        self.kind = QComboBox(objectName="opportunityKindCombo")
        for kind in OpportunityKind:
            self.kind.addItem(kind.label, kind)
        self.title = QLineEdit(objectName="opportunityTitleEdit", placeholderText=self.tr("contoh: Kelas menjahit gratis di BLK"))
        self.provider = QLineEdit(objectName="opportunityProviderEdit", placeholderText=self.tr("contoh: BLK Sarolangun, Dinas Sosial"))
        self.contact = QLineEdit(objectName="opportunityContactEdit", placeholderText=self.tr("nama dan nomor telepon"))
        self.description = _text_box("opportunityDescriptionEdit", self.tr("Uraian singkat"), 3)
        self.how_to_apply = _text_box("opportunityHowEdit", self.tr("contoh: bawa fotokopi KTP dan KK ke kantor desa"), 2)
        self.source = QLineEdit(objectName="opportunitySourceEdit", placeholderText=self.tr("dari mana kantor mendengarnya"))
        self.cost = MoneyEdit(objectName="opportunityCostEdit")
        self.cost.setToolTip(self.tr("0 berarti gratis"))
        self.deadline = DateField(optional=True, subject=self.tr("Batas waktu"), objectName="opportunityDeadlineEdit")
        self.deadline.setPlaceholderText(self.tr("kosong: tanpa batas"))
        self.kecamatan = QComboBox(objectName="opportunityKecamatanCombo")
        self.kecamatan.addItem(self.tr("Semua wilayah"), None)
        for item in self._kecamatan:
            self.kecamatan.addItem(item.name, item.code)
        self.desa = QComboBox(objectName="opportunityDesaCombo")
        self.kecamatan.currentIndexChanged.connect(self._fill_desa)
        self.sex = QComboBox(objectName="opportunitySexCombo")
        self.sex.addItem(self.tr("Semua"), None)
        for sex in Sex:
            self.sex.addItem(sex.label, sex)
        self.min_age, self.max_age = _age_box("opportunityMinAgeEdit"), _age_box("opportunityMaxAgeEdit")
        self.categories = _checks("opportunityCategoriesList", categories, c.categories)
        self.programmes = _checks("opportunityProgrammesList", programmes, c.programme_ids)
        self.livelihood = QLineEdit(objectName="opportunityLivelihoodEdit", placeholderText=self.tr("contoh: tani, jahit, dagang"))
        self.for_children = QCheckBox(self.tr("Untuk &anak anggota yang tidak bersekolah (PIP/KIP, Paket A/B/C)"),
                                      objectName="opportunityChildrenCheck")
        self.closed = QCheckBox(self.tr("&Ditutup (tidak lagi ditawarkan)"), objectName="opportunityClosedCheck")

        what = QWidget()
        form = QFormLayout(what)
        form.addRow(self.tr("&Jenis:"), self.kind)
        form.addRow(self.tr("J&udul:"), self.title)
        form.addRow(self.tr("&Penyedia:"), self.provider)
        form.addRow(self.tr("&Kontak:"), self.contact)
        form.addRow(self.tr("U&raian:"), self.description)
        form.addRow(self.tr("&Cara daftar:"), self.how_to_apply)
        form.addRow(self.tr("&Biaya:"), self.cost)
        form.addRow(self.tr("Batas &waktu:"), self.deadline)
        form.addRow(self.tr("&Sumber:"), self.source)
        form.addRow("", self.closed)
        who = QWidget()
        who_form = QFormLayout(who)
        who_form.addRow(self.tr("Ke&camatan:"), self.kecamatan)
        who_form.addRow(self.tr("D&esa:"), self.desa)
        who_form.addRow(self.tr("Jenis ke&lamin:"), self.sex)
        ages = QHBoxLayout()
        ages.addWidget(self.min_age)
        ages.addWidget(QLabel(self.tr("sampai")))
        ages.addWidget(self.max_age)
        ages.addWidget(QLabel(self.tr("tahun")))
        ages.addStretch(1)
        who_form.addRow(QLabel(self.tr("U&mur:"), buddy=self.min_age), ages)
        who_form.addRow(QLabel(self.tr("Ka&tegori:"), buddy=self.categories), self.categories)
        who_form.addRow(QLabel(self.tr("Lulus &pelatihan:"), buddy=self.programmes), self.programmes)
        who_form.addRow(self.tr("Pekerjaa&n:"), self.livelihood)
        who_form.addRow("", self.for_children)
        note = QLabel(self.tr("Syarat yang dikosongkan tidak membatasi. Centang dengan Spasi."))
        note.setStyleSheet("color: #666;")
        who_form.addRow(note)
        self.addTab(what, self.tr("Peluang"))
        self.addTab(who, self.tr("Siapa yang boleh"))
        self._fields = {
            "kind": (0, self.kind), "title": (0, self.title), "provider": (0, self.provider), "contact": (0, self.contact),
            "description": (0, self.description), "how_to_apply": (0, self.how_to_apply), "cost": (0, self.cost),
            "deadline": (0, self.deadline), "source": (0, self.source), "kecamatan_code": (1, self.kecamatan), "desa_id": (1, self.desa),
            "sex": (1, self.sex), "min_age": (1, self.min_age), "max_age": (1, self.max_age), "categories": (1, self.categories),
            "programme_ids": (1, self.programmes), "livelihood": (1, self.livelihood),
        }
        if data is not None:
            self._fill(view)
        else:
            self.closed.hide()
            self._fill_desa()

    def _fill_desa(self) -> None:
        code, chosen = self.kecamatan.currentData(), self.desa.currentData()
        self.desa.clear()
        self.desa.addItem(self.tr("Semua desa"), None)
        if code:
            with self.context.database.session() as session:
                for desa in regions.list_desa(session, self.context.actor, code):
                    self.desa.addItem(desa.name, desa.id)
        self.desa.setCurrentIndex(max(0, find_data(self.desa, chosen)))
        self.desa.setEnabled(code is not None)

    def _fill(self, view: OpportunityView) -> None:
        d, c = view.data, view.data.conditions
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        for edit, text in ((self.title, d.title), (self.provider, d.provider), (self.contact, d.contact), (self.source, d.source),
                           (self.livelihood, c.livelihood)):
            edit.setText(text)
        self.description.setPlainText(d.description)
        self.how_to_apply.setPlainText(d.how_to_apply)
        self.cost.set_value(d.cost)
        self.deadline.setDate(d.deadline)
        self.kecamatan.setCurrentIndex(max(0, self.kecamatan.findData(c.kecamatan_code)))
        self._fill_desa()
        if c.desa_id is not None and find_data(self.desa, c.desa_id) < 0:
            self.desa.addItem(view.where, c.desa_id)
        self.desa.setCurrentIndex(max(0, find_data(self.desa, c.desa_id)))
        self.sex.setCurrentIndex(max(0, self.sex.findData(c.sex)))
        self.min_age.setValue(NO_AGE if c.min_age is None else c.min_age)
        self.max_age.setValue(NO_AGE if c.max_age is None else c.max_age)
        self.for_children.setChecked(c.for_children)
        self.closed.setChecked(view.closed)

    def values(self) -> OpportunityInput:
        day = self.deadline.date()
        conditions = Conditions(
            kecamatan_code=self.kecamatan.currentData(), desa_id=self.desa.currentData(), categories=_ticked(self.categories),
            sex=self.sex.currentData(), min_age=None if self.min_age.value() == NO_AGE else self.min_age.value(),
            max_age=None if self.max_age.value() == NO_AGE else self.max_age.value(), programme_ids=_ticked(self.programmes),
            livelihood=self.livelihood.text(), for_children=self.for_children.isChecked(),
        )
        return OpportunityInput(
            kind=self.kind.currentData(), title=self.title.text(), provider=self.provider.text(), contact=self.contact.text(),
            conditions=conditions, cost=self.cost.checked_value("cost"), deadline=day.toPython() if day.isValid() else None,
            how_to_apply=self.how_to_apply.toPlainText(), source=self.source.text(), description=self.description.toPlainText(),
        )

    def focus_field(self, field: str | None) -> None:
        page, widget = self._fields.get(field or "", (None, None))
        if widget is not None:
            self.setCurrentIndex(page)
            widget.setFocus()


class OpportunityDialog(FormDialog):
    def __init__(self, context: AppContext, view: OpportunityView | None, parent: QWidget | None = None) -> None:
        self.opportunity_form = OpportunityForm(context, view)
        super().__init__(self.opportunity_form, object_name="opportunityDialog", width=620, parent=parent)
        self.setWindowTitle(self.tr("Peluang baru") if view is None else self.tr("Ubah peluang"))
        self.context, self.view = context, view
        self.saved: uuid.UUID | None = None

    def extra_state(self) -> object:
        return (_ticked(self.opportunity_form.categories), _ticked(self.opportunity_form.programmes))

    def save(self) -> None:
        data = self.opportunity_form.values()
        with self.context.database.session() as session:
            if self.view is None:
                self.saved = opportunities.publish_opportunity(session, self.context.actor, data)
            else:
                opportunities.update_opportunity(session, self.context.actor, self.view.id, data,
                                                 closed=self.opportunity_form.closed.isChecked(), expected_version=self.view.version)
                self.saved = self.view.id
