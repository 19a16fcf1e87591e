"""Berkas → Kata sandi cadangan otomatis: lock the automatic backups with a passphrase kept in this PC's
credential store (or, without one, asked at start-up), or unlock them; and the start-up question for that
passphrase (services/office/automatic_backup_lock.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from koperasi.db.database import Database
from koperasi.domain.errors import DomainError
from koperasi.domain.roles import Actor
from koperasi.gui.busy import run_busy
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
        kept = (
            self.tr("Kata sandi disimpan di penyimpanan kata sandi komputer ini, bukan di basis data")
            if self.store is not None else
            self.tr("Komputer ini tidak punya penyimpanan kata sandi, jadi kata sandi ditanyakan sesudah masuk, sekali setiap "
                    "kali program dibuka, kepada pengguna yang boleh membuat cadangan; bila tidak dimasukkan, cadangan "
                    "otomatis dilewati")
        )
        intro = QLabel(self.tr(
            "Cadangan otomatis dibuat sehari sekali saat program dibuka dan saat program ditutup. Dengan kata sandi, "
            "cadangan itu dikunci (AES-256) sehingga tidak dapat dibaca orang yang menyalinnya. {kept}; hanya admin "
            "yang dapat memulihkan cadangan dan hanya dengan kata sandi ini."
        ).format(kept=kept))
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
        self._show_state()
        fit_to_screen(self, 620, 380)

    @staticmethod
    def _secret(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setPlaceholderText(placeholder)
        return edit

    def _show_state(self) -> None:
        with self.context.database.session() as session:
            state = lock.lock_state(session)
        if state is lock.Lock.STORED:
            text = self.tr("Sekarang: cadangan otomatis <b>terkunci</b>; kata sandinya disimpan di {store}. Ketik kata sandi "
                           "baru untuk menggantinya (cadangan lama tetap memakai kata sandi lama).").format(store=escape(self.store or ""))
        elif state is lock.Lock.ASKED:
            text = self.tr("Sekarang: cadangan otomatis <b>terkunci</b>; kata sandinya ditanyakan sesudah masuk. Ketik kata "
                           "sandi baru untuk menggantinya (cadangan lama tetap memakai kata sandi lama).")
        elif self.store is None:
            text = self.tr("Sekarang: cadangan otomatis <b>tidak terkunci</b>. Komputer ini tidak punya penyimpanan kata sandi: "
                           "kata sandi akan ditanyakan sesudah masuk.")
        else:
            text = self.tr("Sekarang: cadangan otomatis <b>tidak terkunci</b>. Kata sandi akan disimpan di {store}.").format(
                store=escape(self.store))
        self.state.setText(text)
        self.unlock_button.setEnabled(state is not lock.Lock.NONE)

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


class AutomaticBackupPassphraseDialog(QDialog):
    """Asked once after log-in when automatic backups are locked with a passphrase asked at start-up (a PC
    without a credential store). Enter checks it, Esc skips; the passphrase is kept in memory only
    (``passphrase``), and with none the automatic backups are skipped, not made unlocked."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("automaticBackupPassphraseDialog")
        self.setWindowTitle(self.tr("Kata sandi cadangan otomatis"))
        self.database = database
        self.actor = actor
        self.passphrase: str | None = None
        intro = QLabel(self.tr(
            "Cadangan otomatis data kantor dikunci dengan kata sandi yang tidak disimpan di komputer ini. Masukkan kata "
            "sandinya agar cadangan hari ini dan cadangan saat program ditutup dapat dibuat. Kata sandi hanya diingat "
            "sampai program ditutup; admin yang menguncinya tahu kata sandinya."
        ))
        intro.setWordWrap(True)
        skipped = QLabel(self.tr("Bila dilewati, cadangan otomatis <b>tidak dibuat</b> (tidak dibuat tanpa kunci) dan hal itu "
                                 "dicatat di catatan audit."))
        skipped.setWordWrap(True)
        self.passphrase_edit = QLineEdit(objectName="askedBackupPassphraseEdit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("kata sandi cadangan otomatis"))
        form = QFormLayout()
        form.addRow(self.tr("&Kata sandi"), self.passphrase_edit)
        self.error_label = QLabel(objectName="askedBackupPassphraseError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(self.tr("&Pakai kata sandi"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setObjectName("askedBackupPassphraseUseButton")
        self.use_button.setDefault(True)
        self.skip_button = buttons.addButton(self.tr("&Lewati"), QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setObjectName("askedBackupPassphraseSkipButton")
        self.skip_button.setAutoDefault(False)
        self.use_button.clicked.connect(self._use)
        self.skip_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(skipped)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.passphrase_edit.setFocus()
        fit_to_screen(self, 520, 260)

    def _use(self) -> None:
        set_inline_error(self.error_label, "")
        typed = self.passphrase_edit.text()

        def check() -> str:
            with self.database.session() as session:
                return lock.check_asked_passphrase(session, self.actor, typed)

        try:
            # scrypt takes about half a second: a busy cursor, the window painted
            self.passphrase = run_busy(self, self.tr("Memeriksa kata sandi…"), check)
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            self.passphrase_edit.selectAll()
            self.passphrase_edit.setFocus()
            return
        self.passphrase_edit.clear()
        self.accept()
