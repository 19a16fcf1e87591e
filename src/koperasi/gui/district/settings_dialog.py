"""Pengaturan > Laporan kabupaten…: at an office, the key's fingerprint for the paper registration sheet, whether
packets carry names and NIK, and the district's key to seal them with; in mode kabupaten, after how many days an
office's packet counts as old, and the district's key to give the offices."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from koperasi.domain.district.settings import DISTRICT_KEY, PERSONAL_DATA, STALE_DAYS, normal_public_key
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.gui.pdf_preview import PdfPreviewDialog, show_preview, write_to_bytes
from koperasi.services.district.district_key import district_public_key
from koperasi.services.district.office_key import office_fingerprint, registration_sheet
from koperasi.services.office.settings import change_setting, read_setting

_KEY_STYLE = "font-family: monospace; font-size: 12px; font-weight: bold"


def tr(text: str) -> str:
    return QCoreApplication.translate("DistrictSettingsDialog", text)


def _key_label(text: str, name: str, *, wrap: bool) -> QLabel:
    label = QLabel(text or "—", objectName=name, wordWrap=wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(_KEY_STYLE)
    return label


def _grouped(hex_text: str) -> str:
    return " ".join(hex_text[i:i + 8] for i in range(0, len(hex_text), 8))


class DistrictSettingsDialog(FormDialog):
    def __init__(self, context: AppContext, *, district: bool, parent: QWidget | None = None) -> None:
        self.context, self.district = context, district
        form = FieldForm()
        may_exchange = context.actor.can(Permission.EXCHANGE_REPORTS)
        with context.database.session() as session:
            if district:
                self._held = {STALE_DAYS: read_setting(session, context.actor, STALE_DAYS)}
                own_key = district_public_key(session, context.actor) if may_exchange else ""
            else:
                self._held = {setting: read_setting(session, context.actor, setting) for setting in (PERSONAL_DATA, DISTRICT_KEY)}
                printed = office_fingerprint(session, context.actor) if may_exchange else ""
        if district:
            self.days = form.add(tr("Paket kantor dianggap &lama setelah:"), QSpinBox(objectName="districtStaleDays"),
                                 "district_stale_days")
            self.days.setRange(1, 365)
            self.days.setSuffix(tr(" hari"))
            self.days.setValue(self._held[STALE_DAYS][0])
            form.add(tr("Kunci kabupaten:"), _key_label(_grouped(own_key), "districtPublicKey", wrap=True))
            form.layout_.addRow(QLabel(tr(
                "Berikan kunci ini kepada kantor-kantor (Pengaturan > Laporan kabupaten). Paket mereka lalu terkunci: "
                "hanya program kabupaten ini yang dapat membukanya."), wordWrap=True))
        else:
            form.add(tr("Sidik kunci kantor:"), _key_label(printed, "officeFingerprint", wrap=False))
            self.sheet_button = QPushButton(tr("Cetak &lembar pendaftaran…"), objectName="districtSheetButton")
            self.sheet_button.setEnabled(may_exchange)
            self.sheet_button.clicked.connect(self.print_sheet)
            form.add("", self.sheet_button)
            form.layout_.addRow(QLabel(tr(
                "Tulis sidik kunci ini di lembar pendaftaran yang ditandatangani ketua dan dikirim sekali ke "
                "kabupaten. Kabupaten hanya menerima paket yang ditandatangani kunci ini."), wordWrap=True))
            self.personal = form.add("", QCheckBox(tr("Sertakan &nama, nomor anggota dan NIK di paket laporan"),
                                                   objectName="districtPersonalData"), "district_personal_data")
            self.personal.setChecked(self._held[PERSONAL_DATA][0])
            self.district_key = form.add(tr("&Kunci kabupaten (boleh kosong):"), QLineEdit(objectName="districtKeyEdit"),
                                         "district_public_key")
            self.district_key.setMaxLength(100)
            self.district_key.setText(_grouped(self._held[DISTRICT_KEY][0]))
            self.district_key.setPlaceholderText(tr("64 angka/huruf dari kabupaten; kosong: paket tidak dikunci"))
        super().__init__(form, object_name="districtSettingsDialog", width=640, parent=parent)
        self.setWindowTitle(self.tr("Laporan kabupaten"))

    def print_sheet(self) -> None:
        """Preview the registration sheet (print or save it from there); its printing is audited."""
        from koperasi.reports.district.registration import suggested_name, title, write_registration_pdf

        with self.context.database.session() as session:
            sheet = registration_sheet(session, self.context.actor)
        pdf = write_to_bytes(lambda target: write_registration_pdf(sheet, target))
        show_preview(PdfPreviewDialog(title(sheet), {"A4": (lambda: pdf, suggested_name(sheet))}, self))

    def save(self) -> None:
        if self.district:
            wanted = {STALE_DAYS: self.days.value()}
        else:
            wanted = {PERSONAL_DATA: self.personal.isChecked(), DISTRICT_KEY: normal_public_key(self.district_key.text())}
        with self.context.database.session() as session:
            for setting, value in wanted.items():
                held, version = self._held[setting]
                if value != held:
                    change_setting(session, self.context.actor, setting, value, expected_version=version)
