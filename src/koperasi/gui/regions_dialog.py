"""Pengaturan → Wilayah: the fixed kecamatan and the desa each office enters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QListWidgetItem, QWidget

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.forms.ui_desa_dialog import Ui_DesaDialog
from koperasi.gui.forms.ui_regions_dialog import Ui_RegionsDialog
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.messages import set_inline_error
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.services import regions
from koperasi.services.regions import DesaView


class RegionsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_RegionsDialog()
        self.form.setupUi(self)
        self.context = context
        self.model: ListTableModel[DesaView] = ListTableModel(
            [
                Column(self.tr("Nama"), lambda d: d.name, muted=lambda d: not d.active),
                Column(self.tr("Jenis"), lambda d: d.kind.capitalize(), muted=lambda d: not d.active),
                Column(
                    self.tr("Status"), lambda d: self.tr("Aktif") if d.active else self.tr("Nonaktif"), muted=lambda d: not d.active
                ),
            ],
            parent=self,
        )
        table = self.form.desaTable
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        can_edit = context.actor.can(Permission.EDIT_REGIONS)
        self.form.addDesaButton.setVisible(can_edit)
        self.form.editDesaButton.setVisible(can_edit)
        if can_edit:
            table.doubleClicked.connect(self._edit)
        self.form.addDesaButton.clicked.connect(self._add)
        self.form.editDesaButton.clicked.connect(self._edit)
        self.form.showInactiveCheck.toggled.connect(self._load_desa)
        self.form.kecamatanList.currentRowChanged.connect(self._load_desa)
        self.form.buttonBox.rejected.connect(self.reject)
        self._load_kecamatan()
        self.form.kecamatanList.setCurrentRow(0)

    def _load_kecamatan(self) -> None:
        current = self.form.kecamatanList.currentRow()
        self.form.kecamatanList.blockSignals(True)
        self.form.kecamatanList.clear()
        with self.context.database.session() as session:
            for kecamatan in regions.list_kecamatan(session):
                item = QListWidgetItem(f"{kecamatan.name} ({kecamatan.desa_count})")
                item.setData(Qt.ItemDataRole.UserRole, kecamatan.code)
                self.form.kecamatanList.addItem(item)
        self.form.kecamatanList.blockSignals(False)
        if current >= 0:
            self.form.kecamatanList.setCurrentRow(current)

    def kecamatan_code(self) -> str | None:
        item = self.form.kecamatanList.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _load_desa(self) -> None:
        code = self.kecamatan_code()
        if code is None:
            return
        with self.context.database.session() as session:
            self.model.set_rows(
                regions.list_desa(session, self.context.actor, code, include_inactive=self.form.showInactiveCheck.isChecked())
            )
        self._update_buttons()

    def selected(self) -> DesaView | None:
        rows = self.form.desaTable.selectionModel().selectedRows()
        return self.model.row(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        self.form.editDesaButton.setEnabled(self.selected() is not None)

    def _add(self) -> None:
        code = self.kecamatan_code()
        if code is not None and DesaDialog(self.context, code, None, self).exec():
            self._load_kecamatan()
            self._load_desa()

    def _edit(self) -> None:
        desa = self.selected()
        if desa is not None and DesaDialog(self.context, desa.kecamatan_code, desa, self).exec():
            self._load_kecamatan()
            self._load_desa()


class DesaDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, context: AppContext, kecamatan_code: str, desa: DesaView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_DesaDialog()
        self.form.setupUi(self)
        self.context = context
        self.kecamatan_code = kecamatan_code
        self.desa = desa
        self.saved: DesaView | None = None
        self.setWindowTitle(self.tr("Tambah desa") if desa is None else self.tr("Ubah desa"))
        self.form.kindCombo.addItem(self.tr("Desa"), "desa")
        self.form.kindCombo.addItem(self.tr("Kelurahan"), "kelurahan")
        if desa is None:
            self.form.activeCheck.hide()
        else:
            self.form.nameEdit.setText(desa.name)
            self.form.kindCombo.setCurrentIndex(self.form.kindCombo.findData(desa.kind))
            self.form.activeCheck.setChecked(desa.active)
        set_inline_error(self.form.errorLabel, "")
        self.form.buttonBox.accepted.connect(self._save)
        self.form.buttonBox.rejected.connect(self.reject)

    def save_before_closing(self) -> bool:
        return self._save()

    def _save(self) -> bool:
        name, kind = self.form.nameEdit.text(), self.form.kindCombo.currentData()
        try:
            with self.context.database.session() as session:
                if self.desa is None:
                    self.saved = regions.add_desa(session, self.context.actor, self.kecamatan_code, name=name, kind=kind)
                else:
                    self.saved = regions.update_desa(
                        session,
                        self.context.actor,
                        self.desa.id,
                        name=name,
                        kind=kind,
                        active=self.form.activeCheck.isChecked(),
                        expected_version=self.desa.version,
                    )
        except DomainError as error:
            set_inline_error(self.form.errorLabel, error.message)
            if isinstance(error, ValidationError):
                self.form.nameEdit.setFocus()
            return False
        self.accept()
        return True
