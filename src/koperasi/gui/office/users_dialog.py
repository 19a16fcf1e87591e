"""Pengaturan → Pengguna: the admin's list of accounts."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from koperasi.domain.dates import format_datetime
from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui.forms.ui_users_dialog import Ui_UsersDialog
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.messages import confirm, show_error, show_info
from koperasi.gui.office.user_dialogs import ResetPasswordDialog, UserEditDialog
from koperasi.services.office import users
from koperasi.services.office.users import UserView


class UsersDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_UsersDialog()
        self.form.setupUi(self)
        self.context = context
        self.model: ListTableModel[UserView] = ListTableModel(self._columns(), parent=self)
        table = self.form.usersTable
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        table.doubleClicked.connect(self._edit)
        self.form.addUserButton.clicked.connect(self._add)
        self.form.editUserButton.clicked.connect(self._edit)
        self.form.resetPasswordButton.clicked.connect(self._reset_password)
        self.form.toggleActiveButton.clicked.connect(self._toggle_active)
        self.form.buttonBox.rejected.connect(self.reject)
        self.reload()

    def _columns(self) -> list[Column[UserView]]:
        def inactive(user: UserView) -> bool:
            return not user.active

        def last_login(user: UserView) -> str:
            return format_datetime(user.last_login_at.astimezone()) if user.last_login_at else self.tr("belum pernah")

        return [
            Column(self.tr("Nama pengguna"), lambda u: u.username, muted=inactive),
            Column(self.tr("Nama lengkap"), lambda u: u.full_name, muted=inactive),
            Column(self.tr("Peran"), lambda u: u.role.label, muted=inactive),
            Column(self.tr("Status"), self._status, muted=inactive),
            Column(self.tr("Terakhir masuk"), last_login, muted=inactive),
        ]

    def _status(self, user: UserView) -> str:
        if not user.active:
            return self.tr("Nonaktif")
        if user.locked_until is not None and user.is_locked():
            return self.tr("Ditahan s.d. {time}").format(time=format_datetime(user.locked_until.astimezone()))
        return self.tr("Aktif")

    def reload(self, select: UserView | None = None) -> None:
        with self.context.database.session() as session:
            self.model.set_rows(users.list_users(session, self.context.actor))
        if select is not None:
            for row in range(self.model.rowCount()):
                if self.model.row(self.model.index(row, 0)).id == select.id:
                    self.form.usersTable.selectRow(row)
        self._update_buttons()

    def selected(self) -> UserView | None:
        rows = self.form.usersTable.selectionModel().selectedRows()
        return self.model.row(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.form.editUserButton, self.form.resetPasswordButton, self.form.toggleActiveButton):
            button.setEnabled(user is not None)
        self.form.toggleActiveButton.setText(
            self.tr("&Aktifkan") if user is not None and not user.active else self.tr("&Nonaktifkan")
        )

    def _add(self) -> None:
        dialog = UserEditDialog(self.context, None, self)
        if dialog.exec():
            self.reload(select=dialog.saved)

    def _edit(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = UserEditDialog(self.context, user, self)
        if dialog.exec():
            self.reload(select=dialog.saved)

    def _reset_password(self) -> None:
        user = self.selected()
        if user is not None and ResetPasswordDialog(self.context, user, self).exec():
            show_info(self, self.tr("Kata sandi"), self.tr("Kata sandi {username} sudah diatur ulang.").format(username=user.username))
            self.reload(select=user)

    def _toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active and not confirm(
            self,
            self.tr("Nonaktifkan pengguna"),
            self.tr("Nonaktifkan akun {username}? Akun itu tidak bisa masuk lagi sampai diaktifkan kembali.").format(
                username=user.username
            ),
            yes=self.tr("Nonaktifkan"),
        ):
            return
        try:
            with self.context.database.session() as session:
                changed = users.set_active(
                    session, self.context.actor, user.id, active=not user.active, expected_version=user.version
                )
        except DomainError as error:
            show_error(self, self.tr("Pengguna"), error.message)
            self.reload(select=user)
            return
        self.reload(select=changed)
