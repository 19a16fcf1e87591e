"""The office profile form, used by the first-run wizard and by Pengaturan → Profil kantor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QWidget

from koperasi.domain.office.profile import OfficeProfile
from koperasi.domain.phone import format_phone
from koperasi.domain.office.regions import Region, short_kabupaten_name
from koperasi.gui.forms.ui_office_form import Ui_OfficeForm
from koperasi.services.office.regions import KecamatanView


class OfficeForm(QWidget):
    """``kabupaten`` (first run only): the kabupaten/kota to choose from, as (kabupaten, its province)."""

    def __init__(
        self,
        kecamatan: list[KecamatanView],
        parent: QWidget | None = None,
        *,
        kabupaten: list[tuple[Region, Region]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = Ui_OfficeForm()
        self.form.setupUi(self)
        self.set_kecamatan([(item.code, item.name) for item in kecamatan])
        self.form.kabupatenLabel.setVisible(kabupaten is not None)
        self.form.kabupatenCombo.setVisible(kabupaten is not None)
        if kabupaten is not None:
            self._fill_kabupaten(kabupaten)
        self._fields = {
            "name": self.form.nameEdit,
            "code": self.form.codeEdit,
            "kabupaten_code": self.form.kabupatenCombo,
            "kecamatan_code": self.form.kecamatanCombo,
            "address": self.form.addressEdit,
            "phone": self.form.phoneEdit,
            "chair_name": self.form.chairEdit,
            "treasurer_name": self.form.treasurerEdit,
        }

    def set_kecamatan(self, kecamatan: list[tuple[str, str]]) -> None:
        """The kecamatan to choose from, as (code, name); the choice is kept when the new list holds it."""
        combo = self.form.kecamatanCombo
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("— pilih kecamatan —"), None)
        for code, name in kecamatan:
            combo.addItem(name, code)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def kabupaten_code(self) -> str | None:
        """The kabupaten/kota chosen from the list; None while the typed text names none of them."""
        combo = self.form.kabupatenCombo
        index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return combo.itemData(index) if index >= 0 else None

    def set_kabupaten(self, code: str) -> None:
        self.form.kabupatenCombo.setCurrentIndex(self.form.kabupatenCombo.findData(code))

    def _fill_kabupaten(self, kabupaten: list[tuple[Region, Region]]) -> None:
        combo = self.form.kabupatenCombo
        for region, province in kabupaten:
            combo.addItem(f"{short_kabupaten_name(region.name)} — {province.name}", region.code)
        # Typing any part of a name ("sarol", "jambi") finds it among the 514.
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)

    def profile(self) -> OfficeProfile:
        return OfficeProfile(
            name=self.form.nameEdit.text(),
            code=self.form.codeEdit.text(),
            kecamatan_code=self.form.kecamatanCombo.currentData(),
            address=self.form.addressEdit.text(),
            phone=self.form.phoneEdit.text(),
            chair_name=self.form.chairEdit.text(),
            treasurer_name=self.form.treasurerEdit.text(),
        )

    def set_profile(self, profile: OfficeProfile) -> None:
        self.form.nameEdit.setText(profile.name)
        self.form.codeEdit.setText(profile.code)
        index = self.form.kecamatanCombo.findData(profile.kecamatan_code)
        self.form.kecamatanCombo.setCurrentIndex(max(index, 0))
        self.form.addressEdit.setText(profile.address)
        self.form.phoneEdit.setText(format_phone(profile.phone) if profile.phone else "")
        self.form.chairEdit.setText(profile.chair_name)
        self.form.treasurerEdit.setText(profile.treasurer_name)

    def focus_field(self, field: str | None) -> None:
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()
