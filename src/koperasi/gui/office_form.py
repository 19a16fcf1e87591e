"""The office profile form, used by the first-run wizard and by Pengaturan → Profil kantor."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from koperasi.domain.office import OfficeProfile
from koperasi.domain.phone import format_phone
from koperasi.gui.forms.ui_office_form import Ui_OfficeForm
from koperasi.services.regions import KecamatanView


class OfficeForm(QWidget):
    def __init__(self, kecamatan: list[KecamatanView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_OfficeForm()
        self.form.setupUi(self)
        self.form.kecamatanCombo.addItem(self.tr("— pilih kecamatan —"), None)
        for item in kecamatan:
            self.form.kecamatanCombo.addItem(item.name, item.code)
        self._fields = {
            "name": self.form.nameEdit,
            "code": self.form.codeEdit,
            "kecamatan_code": self.form.kecamatanCombo,
            "address": self.form.addressEdit,
            "phone": self.form.phoneEdit,
            "chair_name": self.form.chairEdit,
            "treasurer_name": self.form.treasurerEdit,
        }

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
