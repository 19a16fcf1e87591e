"""Pengaturan → Wilayah: the official kecamatan and desa of the office's kabupaten, neighbours, newer names."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QListWidgetItem, QMessageBox, QWidget

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.domain.roles import Permission
from koperasi.domain.office.regions import read_regions_file, shipped, short_kabupaten_name
from koperasi.gui.context import AppContext
from koperasi.gui.forms.ui_desa_dialog import Ui_DesaDialog
from koperasi.gui.forms.ui_neighbour_region_dialog import Ui_NeighbourRegionDialog
from koperasi.gui.forms.ui_regions_dialog import Ui_RegionsDialog
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.messages import set_inline_error, show_error, show_info
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.services.office import regions
from koperasi.services.office.regions import DesaView, NameUpdate

# How many renamed or new regions a question names before "dan N lainnya".
_NAMED = 8


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
                Column(self.tr("Kode resmi"), lambda d: d.code or "—", muted=lambda d: not d.active),
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
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        can_edit = context.actor.can(Permission.EDIT_REGIONS)
        for button in (self.form.addDesaButton, self.form.editDesaButton, self.form.neighbourButton, self.form.updateNamesButton):
            button.setVisible(can_edit)
        if can_edit:
            table.doubleClicked.connect(self._edit)
        self.form.addDesaButton.clicked.connect(self._add)
        self.form.editDesaButton.clicked.connect(self._edit)
        self.form.neighbourButton.clicked.connect(self._add_neighbour)
        self.form.updateNamesButton.clicked.connect(self._update_names)
        self.form.showInactiveCheck.toggled.connect(self._load_desa)
        self.form.kecamatanList.currentRowChanged.connect(self._load_desa)
        self.form.buttonBox.rejected.connect(self.reject)
        self._load_kecamatan()
        self.form.kecamatanList.setCurrentRow(0)

    def _load_kecamatan(self) -> None:
        current = self.kecamatan_code()
        official = shipped()
        self.form.kecamatanList.blockSignals(True)
        self.form.kecamatanList.clear()
        with self.context.database.session() as session:
            home = regions.home_kabupaten(session)
            kecamatan = regions.list_kecamatan(session)
            unmatched = regions.unmatched_desa(session)
        for item_data in kecamatan:
            text = f"{item_data.name} ({item_data.desa_count})"
            kabupaten = official.get(item_data.code[:5])
            if item_data.code[:5] != home and kabupaten is not None:
                text = f"{item_data.name}, {short_kabupaten_name(kabupaten.name)} ({item_data.desa_count})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_data.code)
            self.form.kecamatanList.addItem(item)
            if item_data.code == current:
                self.form.kecamatanList.setCurrentItem(item)
        self.form.kecamatanList.blockSignals(False)
        home_region = official.get(home)
        self.form.introLabel.setText(
            self.tr("Kecamatan dan desa/kelurahan resmi {kabupaten} (Kepmendagri 2025), dengan tetangga yang ditambahkan.").format(
                kabupaten=home_region.name if home_region else home
            )
        )
        names = ", ".join(f"{desa} ({kecamatan_name})" for kecamatan_name, desa in unmatched[:_NAMED])
        if len(unmatched) > _NAMED:
            names += self.tr(" dan {count} lainnya").format(count=len(unmatched) - _NAMED)
        set_inline_error(self.form.unmatchedLabel, self.tr("Tidak ditemukan di data resmi: {names}").format(names=names) if unmatched else "")

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

    def _add_neighbour(self) -> None:
        if NeighbourRegionDialog(self.context, self).exec():
            self._load_kecamatan()
            self._load_desa()

    def _update_names(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas wilayah resmi yang lebih baru"), str(Path.home()), self.tr("Berkas CSV (*.csv)")
        )
        if not chosen:
            return
        try:
            newer = read_regions_file(Path(chosen))
            with self.context.database.session() as session:
                plan = regions.plan_name_update(session, newer)
        except DomainError as error:
            show_error(self, self.tr("Perbarui nama wilayah"), error.message)
            return
        if not plan.renamed and not plan.new_desa:
            show_info(self, self.tr("Perbarui nama wilayah"), self.tr("Semua nama sudah sama dengan berkas ini; tidak ada desa baru."))
            return
        answer = self.ask_update(plan)
        if answer is None:
            return
        try:
            with self.context.database.session() as session:
                done = regions.apply_name_update(session, self.context.actor, newer, add_new=answer, source=Path(chosen).name)
        except DomainError as error:
            show_error(self, self.tr("Perbarui nama wilayah"), error.message)
            return
        self._load_kecamatan()
        self._load_desa()
        show_info(
            self,
            self.tr("Perbarui nama wilayah"),
            self.tr("{renamed} nama diperbarui, {added} desa/kelurahan ditambahkan. Anggota, kelompok dan laporan tetap pada wilayahnya.").format(
                renamed=len(done.renamed), added=len(done.new_desa)
            ),
        )

    def ask_update(self, plan: NameUpdate) -> bool | None:
        """What the file would change, before anything is saved: True adds the new desa too, None changes nothing."""
        lines = [self.tr("{old} → {new}").format(old=rename.old, new=rename.new) for rename in plan.renamed[:_NAMED]]
        if len(plan.renamed) > _NAMED:
            lines.append(self.tr("… dan {count} lainnya").format(count=len(plan.renamed) - _NAMED))
        text = self.tr("{renamed} nama berubah, {new} desa/kelurahan baru di kecamatan kantor ini.").format(
            renamed=len(plan.renamed), new=len(plan.new_desa)
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Perbarui nama wilayah"), text, QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText("\n".join(lines) + self.tr("\nTidak ada yang dihapus; anggota tetap pada desanya."))
        box.setDetailedText("\n".join([*(f"{r.code}  {r.old} → {r.new}" for r in plan.renamed), *(f"{d.code}  {d.name} (baru)" for d in plan.new_desa)]))
        both = box.addButton(self.tr("Perbarui nama dan tambah desa baru"), QMessageBox.ButtonRole.AcceptRole) if plan.new_desa else None
        names = box.addButton(self.tr("Perbarui nama saja"), QMessageBox.ButtonRole.AcceptRole) if plan.renamed else None
        cancel = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is both and both is not None else False if clicked is names and names is not None else None


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


class NeighbourRegionDialog(QDialog):
    """A kecamatan (with all its desa) or one desa of another kabupaten, from the official list."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_NeighbourRegionDialog()
        self.form.setupUi(self)
        self.setObjectName("neighbourRegionDialog")
        self.context = context
        self.official = shipped()
        with context.database.session() as session:
            self.home = regions.home_kabupaten(session)
        self.form.provinceCombo.currentIndexChanged.connect(self._province_chosen)
        self.form.neighbourKabupatenCombo.currentIndexChanged.connect(self._kabupaten_chosen)
        self.form.neighbourKecamatanCombo.currentIndexChanged.connect(self._kecamatan_chosen)
        for province in self.official.provinces():
            self.form.provinceCombo.addItem(province.name, province.code)
        self.form.provinceCombo.setCurrentIndex(max(self.form.provinceCombo.findData(self.home[:2]), 0))
        set_inline_error(self.form.errorLabel, "")
        self.form.buttonBox.accepted.connect(self._save)
        self.form.buttonBox.rejected.connect(self.reject)

    def _province_chosen(self) -> None:
        combo = self.form.neighbourKabupatenCombo
        combo.clear()
        for kabupaten in self.official.kabupaten(self.form.provinceCombo.currentData() or ""):
            if kabupaten.code != self.home:  # the office's own are all there already
                combo.addItem(short_kabupaten_name(kabupaten.name), kabupaten.code)

    def _kabupaten_chosen(self) -> None:
        combo = self.form.neighbourKecamatanCombo
        combo.clear()
        for kecamatan in self.official.kecamatan(self.form.neighbourKabupatenCombo.currentData() or ""):
            combo.addItem(kecamatan.name, kecamatan.code)

    def _kecamatan_chosen(self) -> None:
        combo = self.form.neighbourDesaCombo
        combo.clear()
        code = self.form.neighbourKecamatanCombo.currentData()
        if not code:
            return
        combo.addItem(self.tr("— seluruh kecamatan (semua desanya) —"), None)
        for desa in self.official.desa(code):
            combo.addItem(f"{desa.name} ({desa.kind})", desa.code)

    def _save(self) -> None:
        kecamatan_code = self.form.neighbourKecamatanCombo.currentData()
        desa_code = self.form.neighbourDesaCombo.currentData()
        if not kecamatan_code:
            set_inline_error(self.form.errorLabel, self.tr("Pilih kecamatan."))
            return
        try:
            with self.context.database.session() as session:
                if desa_code:
                    regions.add_official_desa(session, self.context.actor, desa_code)
                else:
                    regions.add_official_kecamatan(session, self.context.actor, kecamatan_code)
        except DomainError as error:
            set_inline_error(self.form.errorLabel, error.message)
            return
        self.accept()
