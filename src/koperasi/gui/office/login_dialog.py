"""Login: the first screen every day, so it must be quick with the keyboard."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from koperasi.domain.errors import AuthenticationError, DomainError
from koperasi.domain.roles import Actor
from koperasi.gui.database_opening import DatabaseOpening
from koperasi.gui.forms.ui_login_dialog import Ui_LoginDialog
from koperasi.gui.messages import set_inline_error
from koperasi.gui.warm_up import warm_up_while_typing

if TYPE_CHECKING:  # SQLAlchemy comes with it: at start-up the window may show before it loads (app.run_gui)
    from koperasi.db.database import Database


class LoginDialog(QDialog):
    """``database``: the opened database, or one being opened behind this window (start-up); a database that
    cannot be opened closes the window, and the one who opened it says why."""

    def __init__(self, database: Database | DatabaseOpening, office_name: str, parent: QWidget | None = None, *,
                 username: str = "") -> None:
        super().__init__(parent)
        self.form = Ui_LoginDialog()
        self.form.setupUi(self)
        self._opening = database if isinstance(database, DatabaseOpening) else None
        self.database: Database | None = None if self._opening is not None else database
        self.actor: Actor | None = None
        self.form.officeLabel.setText(f"<h2>{escape(office_name)}</h2>")
        ok = self.form.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Masuk"))
        ok.setObjectName("loginButton")
        self.form.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Tutup"))
        self.form.buttonBox.accepted.connect(self._try_login)
        self.form.buttonBox.rejected.connect(self.reject)
        set_inline_error(self.form.errorLabel, "")
        self.form.usernameEdit.setText(username)
        (self.form.passwordEdit if username else self.form.usernameEdit).setFocus()
        if self._opening is not None:
            self._opening.failed.connect(self.reject)
            self._opening.start_after_first_paint(self)
        warm_up_while_typing(self)  # the main window's modules, while the password is typed

    def _try_login(self) -> None:
        # Imported here, not before the window shows: the models come with it (loaded by now: gui/warm_up.py).
        from koperasi.services.office import auth

        username = self.form.usernameEdit.text()
        if not username.strip():
            set_inline_error(self.form.errorLabel, self.tr("Isi nama pengguna terlebih dahulu."))
            self.form.usernameEdit.setFocus()
            return
        if self.database is None and self._opening is not None:
            self.database = self._opening.result()  # opened by now, unless the click came first
            if self.database is None:
                return  # the window is closing (failed)
        try:
            with self.database.session() as session:
                self.actor = auth.login(session, username, self.form.passwordEdit.text())
        except AuthenticationError as error:
            set_inline_error(self.form.errorLabel, error.message)
            self.form.passwordEdit.clear()
            self.form.passwordEdit.setFocus()
            return
        except DomainError as error:
            set_inline_error(self.form.errorLabel, error.message)
            return
        self.accept()
