"""Program pelatihan (list, add, edit; Designer: ui/training_programme_form.ui), a new angkatan and
changing one (name, kecamatan, notes, closed)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import ConflictError, ValidationError
from koperasi.domain.roles import Permission
from koperasi.domain.trainings.rules import CompletionRule, ProgrammeInput, RuleKind, Topic
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_training_programme_form import Ui_TrainingProgrammeForm
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.combos import find_data
from koperasi.gui.form_dialog import FieldForm
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import show_error
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.gui.tables import make_table, selected_row
from koperasi.services.office import regions
from koperasi.services.trainings import programmes as trainings
from koperasi.services.trainings.programmes import BatchView, ProgrammeView

RULE_KINDS = ((RuleKind.SHARE, "hadir minimal P% dari sesi yang diadakan"), (RuleKind.MIN_SESSIONS, "hadir minimal N sesi"))


class ProgrammeForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_TrainingProgrammeForm()
        self.form.setupUi(self)
        f = self.form
        for topic in Topic:
            f.topicCombo.addItem(topic.label, topic.value)
        for kind, label in RULE_KINDS:
            f.ruleKindCombo.addItem(self.tr(label), kind.value)
        f.ruleKindCombo.currentIndexChanged.connect(self._kind_changed)
        f.ruleValueSpin.setValue(75)
        self._kind_changed()
        self._fields = {
            "name": f.nameEdit, "topic": f.topicCombo, "description": f.descriptionEdit, "target_groups": f.targetGroupsEdit,
            "partner": f.partnerEdit, "rule_value": f.ruleValueSpin,
        }

    def _kind_changed(self) -> None:
        share = self.form.ruleKindCombo.currentData() == RuleKind.SHARE.value
        self.form.ruleValueSpin.setSuffix(self.tr(" %") if share else self.tr(" sesi"))

    def fill(self, view: ProgrammeView) -> None:
        f, d = self.form, view.data
        f.nameEdit.setText(d.name)
        f.topicCombo.setCurrentIndex(f.topicCombo.findData(d.topic.value))
        f.descriptionEdit.setPlainText(d.description)
        f.targetGroupsEdit.setText(d.target_groups)
        f.partnerEdit.setText(d.partner)
        f.ruleKindCombo.setCurrentIndex(f.ruleKindCombo.findData(d.rule.kind.value))
        f.ruleValueSpin.setValue(d.rule.value)
        f.activeCheck.setChecked(view.active)

    def values(self) -> ProgrammeInput:
        f = self.form
        return ProgrammeInput(
            name=f.nameEdit.text(), topic=Topic(f.topicCombo.currentData()), description=f.descriptionEdit.toPlainText(),
            target_groups=f.targetGroupsEdit.text(), partner=f.partnerEdit.text(),
            rule=CompletionRule(RuleKind(f.ruleKindCombo.currentData()), f.ruleValueSpin.value()),
        )

    def focus_field(self, field: str | None) -> None:
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()


class ProgrammeDialog(FormDialog):
    def __init__(self, context: AppContext, programme: ProgrammeView | None, parent: QWidget | None = None) -> None:
        self.programme_form = ProgrammeForm()
        if programme is not None:
            self.programme_form.fill(programme)
        else:
            self.programme_form.form.activeCheck.hide()
        super().__init__(self.programme_form, object_name="programmeDialog", width=600, parent=parent)
        self.setWindowTitle(self.tr("Program pelatihan baru") if programme is None
                            else self.tr("Ubah program {name}").format(name=programme.data.name))
        self.context, self.programme = context, programme

    def save(self) -> None:
        data = self.programme_form.values()
        with self.context.database.session() as session:
            if self.programme is None:
                trainings.create_programme(session, self.context.actor, data)
            else:
                trainings.update_programme(
                    session, self.context.actor, self.programme.id, data,
                    active=self.programme_form.form.activeCheck.isChecked(), expected_version=self.programme.version,
                )


class ProgrammesDialog(QDialog):
    """Every programme with its rule and batches; managers and clerks add and edit."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmesDialog")
        self.setWindowTitle(self.tr("Program pelatihan"))
        self.context = context
        can_manage = context.actor.can(Permission.MANAGE_TRAININGS)
        self.model: ListTableModel[ProgrammeView] = ListTableModel(self._columns(), parent=self)
        self.table = make_table("programmesTable", self.model)
        self.table.doubleClicked.connect(self._edit)
        self.add_button = QPushButton(self.tr("&Tambah program…"), objectName="addProgrammeButton")
        self.add_button.clicked.connect(self._add)
        self.edit_button = QPushButton(self.tr("&Ubah program…"), objectName="editProgrammeButton")
        self.edit_button.clicked.connect(self._edit)
        for button in (self.add_button, self.edit_button):
            button.setVisible(can_manage)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Jenis pelatihan</b> dengan syarat lulus untuk sertifikat")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        fit_to_screen(self, 960, 460)
        self.changed = False
        self.reload()

    def _columns(self) -> list[Column[ProgrammeView]]:
        def inactive(p: ProgrammeView) -> bool:
            return not p.active

        return [
            Column(self.tr("Nama"), lambda p: p.data.name, muted=inactive),
            Column(self.tr("Bidang"), lambda p: p.data.topic.label, muted=inactive),
            Column(self.tr("Syarat lulus"), lambda p: p.data.rule.label, muted=inactive),
            Column(self.tr("Sasaran"), lambda p: p.data.target_groups or "—", muted=inactive),
            Column(self.tr("Mitra"), lambda p: p.data.partner or "—", muted=inactive),
            Column(self.tr("Angkatan"), lambda p: str(p.batches), align_right=True, muted=inactive),
            Column(self.tr("Status"), lambda p: self.tr("Aktif") if p.active else self.tr("Nonaktif"), muted=inactive),
        ]

    def reload(self) -> None:
        with self.context.database.session() as session:
            self.model.set_rows(trainings.list_programmes(session, self.context.actor))
        fit_columns(self.table, stretch=0, caps={3: 220, 4: 160})
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(selected_row(self.table) is not None)

    def _add(self) -> None:
        if ProgrammeDialog(self.context, None, self).exec():
            self.changed = True
            self.reload()

    def _edit(self) -> None:
        programme = selected_row(self.table)
        if programme is not None and self.context.actor.can(Permission.MANAGE_TRAININGS):
            if ProgrammeDialog(self.context, programme, self).exec():
                self.changed = True
                self.reload()


class BatchDialog(FormDialog):
    """Angkatan baru: which programme, its name, where it is held."""

    def __init__(self, context: AppContext, programme_id: uuid.UUID | None, parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm()
        with context.database.session() as session:
            programmes = trainings.list_programmes(session, context.actor, active_only=True)
            kecamatan = regions.list_kecamatan(session)
        self.programme_combo = f.add(self.tr("&Program:"), QComboBox(objectName="batchProgrammeCombo"), "programme_id")
        for programme in programmes:
            self.programme_combo.addItem(programme.data.name, programme.id)
        if programme_id is not None:
            self.programme_combo.setCurrentIndex(max(0, find_data(self.programme_combo, programme_id)))
        self.name_edit = f.add(self.tr("&Nama angkatan:"), QLineEdit(objectName="batchNameEdit"), "name")
        self.name_edit.setPlaceholderText(self.tr("contoh: Angkatan 1 Pauh 2026"))
        self.kecamatan_combo = f.add(self.tr("&Kecamatan:"), QComboBox(objectName="batchKecamatanCombo"), "kecamatan_code")
        self.kecamatan_combo.addItem(self.tr("— beberapa kecamatan —"), None)
        for item in kecamatan:
            self.kecamatan_combo.addItem(item.name, item.code)
        office_code = context.office.profile.kecamatan_code
        self.kecamatan_combo.setCurrentIndex(max(0, self.kecamatan_combo.findData(office_code)))
        self.notes_edit = f.add(self.tr("&Catatan:"), QLineEdit(objectName="batchNotesEdit"), "notes")
        super().__init__(f, object_name="batchDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Angkatan baru"))
        self.context = context
        self.saved: uuid.UUID | None = None

    def save(self) -> None:
        programme_id = self.programme_combo.currentData()
        if programme_id is None:
            raise ValidationError(self.tr("Tambahkan program pelatihan dahulu (tombol Program pelatihan…)."), field="programme_id")
        with self.context.database.session() as session:
            self.saved = trainings.create_batch(
                session, self.context.actor, programme_id=programme_id, name=self.name_edit.text(),
                kecamatan_code=self.kecamatan_combo.currentData(), notes=self.notes_edit.text(),
            )


class BatchEditDialog(FormDialog):
    """Ubah angkatan: rename it, move it to another kecamatan, note something, close or reopen it.
    A closed batch takes no new participants, sessions or attendance; certificates and papers stay."""

    def __init__(self, context: AppContext, batch: BatchView, parent: QWidget | None = None) -> None:
        f = self.form_ = FieldForm()
        with context.database.session() as session:
            kecamatan = regions.list_kecamatan(session)
            siblings = trainings.list_batches(session, context.actor, programme_id=batch.programme_id)
        self._taken = {b.name.casefold() for b in siblings if b.id != batch.id}
        programme = QLabel(batch.programme_name, objectName="batchEditProgrammeLabel")
        f.add(self.tr("Program:"), programme)
        self.name_edit = f.add(self.tr("&Nama angkatan:"), QLineEdit(batch.name, objectName="batchEditNameEdit"), "name")
        self.kecamatan_combo = f.add(self.tr("&Kecamatan:"), QComboBox(objectName="batchEditKecamatanCombo"), "kecamatan_code")
        self.kecamatan_combo.addItem(self.tr("— beberapa kecamatan —"), None)
        for item in kecamatan:
            self.kecamatan_combo.addItem(item.name, item.code)
        self.kecamatan_combo.setCurrentIndex(max(0, self.kecamatan_combo.findData(batch.kecamatan_code)))
        self.notes_edit = f.add(self.tr("&Catatan:"), QLineEdit(batch.notes, objectName="batchEditNotesEdit"), "notes")
        self.closed_check = f.add("", QCheckBox(self.tr("Angkatan &ditutup"), objectName="batchClosedCheck"), "closed")
        self.closed_check.setChecked(batch.closed)
        self.closed_hint = QLabel(objectName="batchClosedHint")
        self.closed_hint.setWordWrap(True)
        self.closed_hint.setStyleSheet("color: #555")
        f.add("", self.closed_hint)
        self.closed_check.toggled.connect(self._closed_toggled)
        self._closed_toggled(batch.closed)
        super().__init__(f, object_name="batchEditDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Ubah angkatan {name}").format(name=batch.name))
        self.context, self.batch = context, batch
        self.conflict = False

    def _closed_toggled(self, closed: bool) -> None:
        self.closed_hint.setText(
            self.tr("Angkatan yang ditutup tidak menerima peserta, sesi atau kehadiran baru; sertifikat dan laporan tetap dapat dicetak.")
            if closed else self.tr("Centang bila pelatihan angkatan ini sudah selesai. Dapat dibuka lagi kapan saja.")
        )

    def save(self) -> int | None:
        name = " ".join(self.name_edit.text().split())
        if name.casefold() in self._taken:
            raise ValidationError(self.tr("Angkatan \u201c{name}\u201d sudah ada pada program ini.").format(name=name), field="name")
        try:
            with self.context.database.session() as session:
                trainings.update_batch(
                    session, self.context.actor, self.batch.id, name=self.name_edit.text(),
                    kecamatan_code=self.kecamatan_combo.currentData(), notes=self.notes_edit.text(),
                    closed=self.closed_check.isChecked(), expected_version=self.batch.version,
                )
        except ConflictError as error:
            # Someone changed the batch since it was shown: saving again cannot succeed, so say so and reload.
            self.conflict = True
            show_error(self, self.tr("Ubah angkatan"), error.message)
            return QDialog.DialogCode.Rejected.value
        return None
