"""Pengaturan > Jaringan…: after how many days a referral without news waits for the clerk (Beranda, Rujukan)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from koperasi.domain.office.settings import REFERRAL_FOLLOW_UP_DAYS
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FieldForm, FormDialog
from koperasi.services.office.settings import change_setting, read_setting


class NetworkSettingsDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        self.context = context
        with context.database.session() as session:
            self._held, self._version = read_setting(session, context.actor, REFERRAL_FOLLOW_UP_DAYS)
        form = FieldForm()
        self.days = form.add(self.tr("Rujukan tanpa &kabar ditindaklanjuti sesudah:"), QSpinBox(objectName="referralFollowUpDays"),
                             REFERRAL_FOLLOW_UP_DAYS.key)
        self.days.setRange(0, 999)  # wider than the rule, so the rule's own message says what is allowed
        self.days.setSuffix(self.tr(" hari"))
        self.days.setValue(self._held)
        form.layout_.addRow(QLabel(self.tr(
            "Rujukan yang belum ada hasilnya (melamar, diterima, ditolak…) sesudah sekian hari sejak dirujuk muncul di "
            "Beranda dan di halaman Rujukan, agar petugas menanyakan kabarnya. Perubahan dicatat di catatan audit."), wordWrap=True))
        super().__init__(form, object_name="networkSettingsDialog", width=520, parent=parent)
        self.setWindowTitle(self.tr("Pengaturan jaringan"))

    def save(self) -> None:
        if self.days.value() == self._held:
            return
        with self.context.database.session() as session:
            change_setting(session, self.context.actor, REFERRAL_FOLLOW_UP_DAYS, self.days.value(), expected_version=self._version)
