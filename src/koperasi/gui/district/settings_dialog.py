"""Pengaturan > Laporan kabupaten…: at an office, the key's fingerprint for the paper registration sheet and
whether packets carry names and NIK; in mode kabupaten, after how many days an office's packet counts as old."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QSpinBox, QWidget

from koperasi.domain.district.settings import PERSONAL_DATA, STALE_DAYS
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.services.district.office_key import office_fingerprint
from koperasi.services.office.settings import change_setting, read_setting


def _tr(text: str) -> str:
    return QCoreApplication.translate("DistrictSettingsDialog", text)


class DistrictSettingsDialog(FormDialog):
    def __init__(self, context: AppContext, *, district: bool, parent: QWidget | None = None) -> None:
        self.context, self.district = context, district
        form = FieldForm()
        with context.database.session() as session:
            if district:
                self._value, self._version = read_setting(session, context.actor, STALE_DAYS)
            else:
                self._value, self._version = read_setting(session, context.actor, PERSONAL_DATA)
                printed = office_fingerprint(session, context.actor) if context.actor.can(Permission.EXCHANGE_REPORTS) else ""
        if district:
            self.days = form.add(_tr("Paket kantor dianggap &lama setelah:"),
                                 QSpinBox(objectName="districtStaleDays"), "district_stale_days")
            self.days.setRange(1, 365)
            self.days.setSuffix(_tr(" hari"))
            self.days.setValue(self._value)
        else:
            fingerprint = QLabel(printed or "—", objectName="officeFingerprint")
            fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fingerprint.setStyleSheet("font-family: monospace; font-size: 14px; font-weight: bold")
            form.add(_tr("Sidik kunci kantor:"), fingerprint)
            form.layout_.addRow(QLabel(_tr(
                "Tulis sidik kunci ini di lembar pendaftaran yang ditandatangani ketua dan dikirim sekali ke "
                      "kabupaten. Kabupaten hanya menerima paket yang ditandatangani kunci ini."), wordWrap=True))
            self.personal = form.add("", QCheckBox(_tr("Sertakan &nama, nomor anggota dan NIK di paket laporan"),
                                                   objectName="districtPersonalData"), "district_personal_data")
            self.personal.setChecked(self._value)
        super().__init__(form, object_name="districtSettingsDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Laporan kabupaten"))

    def save(self) -> None:
        setting, value = (STALE_DAYS, self.days.value()) if self.district else (PERSONAL_DATA, self.personal.isChecked())
        if value == self._value:
            return
        with self.context.database.session() as session:
            change_setting(session, self.context.actor, setting, value, expected_version=self._version)
