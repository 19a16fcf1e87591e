"""Dialogs for one account: create or edit it, or set a new password for it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui.form_dialog import FormDialog
from koperasi.gui.forms.ui_password_dialog import Ui_PasswordDialog
from koperasi.gui.messages import set_inline_error
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.gui.office.user_form import UserForm
from koperasi.services.office import users
from koperasi.services.office.users import UserView


class UserEditDialog(FormDialog):
    """New account when ``user`` is None; otherwise name and role of an existing one."""

    def __init__(self, context: AppContext, user: UserView | None = None, parent: QWidget | None = None) -> None:
        self.user_form = UserForm(new_account=user is None)
        if user is not None:
            self.user_form.set_values(username=user.username, full_name=user.full_name, role=user.role)
        super().__init__(self.user_form, object_name="userEditDialog", width=460, parent=parent)
        self.setWindowTitle(self.tr("Tambah pengguna") if user is None else self.tr("Ubah pengguna"))
        self.context = context
        self.user = user
        self.saved: UserView | None = None

    def save(self) -> None:
        values = self.user_form.values()
        with self.context.database.session() as session:
            if self.user is None:
                self.saved = users.create_user(
                    session,
                    self.context.actor,
                    username=values.username,
                    full_name=values.full_name,
                    role=values.role,
                    password=values.password,
                )
            else:
                self.saved = users.update_user(
                    session,
                    self.context.actor,
                    self.user.id,
                    full_name=values.full_name,
                    role=values.role,
                    expected_version=self.user.version,
                )


class ResetPasswordDialog(UnsavedChangesGuard, QDialog):
    """The admin sets a new password (and lifts a lockout) after checking who is asking."""

    def __init__(self, context: AppContext, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_PasswordDialog()
        self.form.setupUi(self)
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Atur ulang kata sandi: {username}").format(username=user.username))
        self.form.oldLabel.hide()
        self.form.oldEdit.hide()
        self.context = context
        self.user = user
        set_inline_error(self.form.errorLabel, "")
        self.form.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Simpan"))
        self.form.buttonBox.accepted.connect(self._save)
        self.form.buttonBox.rejected.connect(self.reject)
        self.form.newEdit.setFocus()

    def save_before_closing(self) -> bool:
        return self._save()

    def _save(self) -> bool:
        new = self.form.newEdit.text()
        if new != self.form.confirmEdit.text():
            set_inline_error(self.form.errorLabel, self.tr("Kedua kata sandi tidak sama. Ketik ulang."))
            return False
        try:
            with self.context.database.session() as session:
                users.reset_password(session, self.context.actor, self.user.id, new_password=new)
        except DomainError as error:
            set_inline_error(self.form.errorLabel, error.message)
            return False
        self.accept()
        return True
