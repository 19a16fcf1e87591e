"""Pengaturan → Profil kantor."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.gui.context import AppContext
from koperasi.gui.messages import set_inline_error
from koperasi.gui.office_form import OfficeForm
from koperasi.services import office, regions
from koperasi.services.office import OfficeView


class OfficeDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeDialog")
        self.setWindowTitle(self.tr("Profil kantor"))
        self.context = context
        self.saved: OfficeView | None = None
        with context.database.session() as session:
            kecamatan = regions.list_kecamatan(session)
        self.office_form = OfficeForm(kecamatan)
        self.office_form.set_profile(context.office.profile)
        self.error_label = QLabel()
        self.error_label.setObjectName("officeDialogError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.office_form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _save(self) -> None:
        try:
            with self.context.database.session() as session:
                self.saved = office.update_office(
                    session, self.context.actor, self.office_form.profile(), expected_version=self.context.office.version
                )
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            if isinstance(error, ValidationError):
                self.office_form.focus_field(error.field)
            return
        self.accept()
