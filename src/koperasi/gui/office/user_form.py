"""The user account form: new accounts (with password) and edits (name and role only)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from koperasi.domain.errors import ValidationError
from koperasi.domain.roles import Role
from koperasi.gui.forms.ui_user_form import Ui_UserForm


@dataclass(frozen=True, slots=True)
class UserInput:
    username: str
    full_name: str
    role: Role
    password: str


class UserForm(QWidget):
    def __init__(self, parent: QWidget | None = None, *, new_account: bool = True, fixed_role: Role | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_UserForm()
        self.form.setupUi(self)
        for role in Role:
            self.form.roleCombo.addItem(role.label, role)
        if fixed_role is not None:
            self.form.roleCombo.setCurrentIndex(self.form.roleCombo.findData(fixed_role))
            self.form.roleCombo.setEnabled(False)
        else:
            self.form.roleCombo.setCurrentIndex(self.form.roleCombo.findData(Role.CLERK))
        self._new_account = new_account
        if not new_account:
            self.form.usernameEdit.setReadOnly(True)
            for widget in (self.form.passwordLabel, self.form.passwordEdit, self.form.confirmLabel, self.form.confirmEdit):
                widget.hide()
        self._fields = {
            "username": self.form.usernameEdit,
            "full_name": self.form.fullNameEdit,
            "role": self.form.roleCombo,
            "password": self.form.passwordEdit,
        }

    def set_values(self, *, username: str, full_name: str, role: Role) -> None:
        self.form.usernameEdit.setText(username)
        self.form.fullNameEdit.setText(full_name)
        self.form.roleCombo.setCurrentIndex(self.form.roleCombo.findData(role))

    def values(self) -> UserInput:
        """The entered values; a mistyped confirmation is caught here, before any service call."""
        password = self.form.passwordEdit.text()
        if self._new_account and password != self.form.confirmEdit.text():
            raise ValidationError(self.tr("Kedua kata sandi tidak sama. Ketik ulang."), field="password")
        return UserInput(
            username=self.form.usernameEdit.text(),
            full_name=self.form.fullNameEdit.text(),
            role=self.form.roleCombo.currentData(),
            password=password,
        )

    def focus_field(self, field: str | None) -> None:
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()
            if widget is self.form.passwordEdit:
                self.form.passwordEdit.clear()
                self.form.confirmEdit.clear()
