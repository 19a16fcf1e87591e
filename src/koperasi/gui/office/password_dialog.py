"""Berkas → Ganti kata sandi: every user changes their own."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.gui.context import AppContext
from koperasi.gui.forms.ui_password_dialog import Ui_PasswordDialog
from koperasi.gui.messages import set_inline_error, show_info
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.services.office import auth


class PasswordDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_PasswordDialog()
        self.form.setupUi(self)
        self.context = context
        set_inline_error(self.form.errorLabel, "")
        self.form.buttonBox.accepted.connect(self._save)
        self.form.buttonBox.rejected.connect(self.reject)

    def save_before_closing(self) -> bool:
        return self._save()

    def _save(self) -> bool:
        new = self.form.newEdit.text()
        if new != self.form.confirmEdit.text():
            set_inline_error(self.form.errorLabel, self.tr("Kedua kata sandi baru tidak sama. Ketik ulang."))
            self.form.confirmEdit.clear()
            self.form.confirmEdit.setFocus()
            return False
        try:
            with self.context.database.session() as session:
                auth.change_own_password(session, self.context.actor, old_password=self.form.oldEdit.text(), new_password=new)
        except DomainError as error:
            set_inline_error(self.form.errorLabel, error.message)
            if isinstance(error, ValidationError) and error.field == "old_password":
                self.form.oldEdit.selectAll()
                self.form.oldEdit.setFocus()
            return False
        show_info(self, self.tr("Kata sandi"), self.tr("Kata sandi Anda sudah diganti."))
        self.accept()
        return True
