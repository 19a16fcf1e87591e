"""Pengaturan → Kata sandi cadangan otomatis: lock the automatic backups with a passphrase kept in this
PC's credential store, or unlock them (services/office/automatic_backup_lock.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui.messages import ERROR_STYLE, set_inline_error
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.office import automatic_backup_lock as lock
from koperasi.gui.office.backup_dialogs import LOST_PASSPHRASE


class AutomaticBackupLockDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("automaticBackupLockDialog")
        self.setWindowTitle(self.tr("Kata sandi cadangan otomatis"))
        self.context = context
        self.store = lock.store_name()
        intro = QLabel(self.tr(
            "Cadangan otomatis dibuat sehari sekali saat program dibuka dan saat program ditutup. Dengan kata sandi, "
            "cadangan itu dikunci (AES-256) sehingga tidak dapat dibaca orang yang menyalinnya. Kata sandi disimpan "
            "di penyimpanan kata sandi komputer ini, bukan di basis data; hanya admin yang dapat memulihkan cadangan "
            "dan hanya dengan kata sandi ini."
        ))
        intro.setWordWrap(True)
        self.state = QLabel(objectName="automaticBackupLockState")
        self.state.setWordWrap(True)
        self.passphrase_edit = self._secret("automaticBackupPassphraseEdit", self.tr("kata sandi cadangan otomatis"))
        self.repeat_edit = self._secret("automaticBackupPassphraseRepeatEdit", self.tr("ketik ulang kata sandi"))
        warning = QLabel(self.tr("<b>{warning}.</b> Tulis kata sandi ini dan simpan di tempat yang aman, di luar komputer ini: "
                                 "bila komputer rusak, cadangan hanya dapat dibuka di komputer lain dengan kata sandi itu.").format(
            warning=escape(self.tr(LOST_PASSPHRASE))))
        warning.setWordWrap(True)
        warning.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("&Kata sandi"), self.passphrase_edit)
        form.addRow(self.tr("&Ulangi kata sandi"), self.repeat_edit)
        self.error_label = QLabel(objectName="automaticBackupLockError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        buttons = QDialogButtonBox()
        self.lock_button = buttons.addButton(self.tr("&Kunci cadangan otomatis"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.lock_button.setObjectName("automaticBackupLockButton")
        self.unlock_button = buttons.addButton(self.tr("&Hapus kunci"), QDialogButtonBox.ButtonRole.ActionRole)
        self.unlock_button.setObjectName("automaticBackupUnlockButton")
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.lock_button.clicked.connect(self._lock)
        self.unlock_button.clicked.connect(self._unlock)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for widget in (self.passphrase_edit, self.repeat_edit, self.lock_button, warning):
            widget.setEnabled(self.store is not None)
        self._show_state()
        fit_to_screen(self, 620, 380)

    @staticmethod
    def _secret(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(placeholder)
        return edit

    def _show_state(self) -> None:
        locked = lock.automatic_backups_locked(self.context.database.url)
        if self.store is None:
            text = self.tr("Komputer ini tidak punya penyimpanan kata sandi, jadi cadangan otomatis tidak dapat dikunci. "
                           "Kunci cadangan lewat Berkas → Cadangkan sekarang.")
        elif locked:
            text = self.tr("Sekarang: cadangan otomatis <b>terkunci</b>; kata sandinya disimpan di {store}. Ketik kata sandi "
                           "baru untuk menggantinya (cadangan lama tetap memakai kata sandi lama).").format(store=escape(self.store))
        else:
            text = self.tr("Sekarang: cadangan otomatis <b>tidak terkunci</b>. Kata sandi akan disimpan di {store}.").format(
                store=escape(self.store))
        self.state.setText(text)
        self.unlock_button.setEnabled(locked)

    def _lock(self) -> None:
        set_inline_error(self.error_label, "")
        passphrase = self.passphrase_edit.text()
        if passphrase != self.repeat_edit.text():
            set_inline_error(self.error_label, self.tr("Kedua kata sandi tidak sama. Ketik ulang."))
            self.repeat_edit.clear()
            self.repeat_edit.setFocus()
            return
        try:
            with self.context.database.session() as session:
                lock.lock_automatic_backups(session, self.context.actor, passphrase)
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            self.passphrase_edit.setFocus()
            return
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        self._show_state()

    def _unlock(self) -> None:
        set_inline_error(self.error_label, "")
        try:
            with self.context.database.session() as session:
                lock.unlock_automatic_backups(session, self.context.actor)
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            return
        self._show_state()
