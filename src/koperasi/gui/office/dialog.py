"""Pengaturan → Profil kantor."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.office.form import OfficeForm
from koperasi.services.office import profile as office
from koperasi.services.office import regions
from koperasi.services.office.profile import OfficeView


class OfficeDialog(FormDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        with context.database.session() as session:
            kecamatan = regions.list_kecamatan(session)
        self.office_form = OfficeForm(kecamatan)
        self.office_form.set_profile(context.office.profile)
        super().__init__(self.office_form, object_name="officeDialog", width=560, parent=parent)
        self.setWindowTitle(self.tr("Profil kantor"))
        self.context = context
        self.saved: OfficeView | None = None

    def save(self) -> None:
        with self.context.database.session() as session:
            self.saved = office.update_office(
                session, self.context.actor, self.office_form.profile(), expected_version=self.context.office.version
            )
