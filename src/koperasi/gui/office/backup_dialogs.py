"""Berkas → Cadangkan sekarang… and Berkas → Pulihkan dari cadangan…

The copy and the restore run on the worker thread of ``gui/busy`` (one at a time, in order
with every other long job) while the dialog's own progress bar follows the service's ``progress``
callback; the dialog takes no input meanwhile. A restore shows what the chosen file holds (office,
date, schema version, counts) before anything changes, says what will be replaced and where the
current data is kept, and then the program logs out so every screen reads the restored data.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QStorageInfo, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from koperasi.db.database import Database
from koperasi.domain.office.backup_names import SUFFIX, describe_counts
from koperasi.domain.dates import format_datetime
from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui import busy
from koperasi.gui.messages import ERROR_STYLE, confirm, set_inline_error, show_info
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.office import backup
from koperasi.services.office import backup_crypto

log = logging.getLogger(__name__)
T = TypeVar("T")

BACKUP_FILTER = f"Cadangan Koperasi Berdaya (*{SUFFIX});;Semua berkas (*)"
LOST_PASSPHRASE = "Kata sandi yang hilang berarti cadangan yang hilang"


def backup_folder(database: Database) -> Path:
    """The office's backup folder: the BACKUP_FOLDER setting, or ``cadangan`` in the data folder."""
    with database.session() as session:
        return backup.backup_folder(session)


def removable_folders() -> list[Path]:
    """Mounted drives that look like a USB stick or memory card: not the system drive, writable."""
    system = Path(os.environ.get("SystemDrive", "C:") + "\\") if sys.platform == "win32" else None
    found = []
    for volume in QStorageInfo.mountedVolumes():
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly():
            continue
        root = Path(volume.rootPath())
        if sys.platform == "win32":
            if system is not None and str(root).lower().startswith(str(system).lower()):
                continue
        elif not str(root).startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/")):
            continue
        found.append(root)
    return found


def format_size(size: int) -> str:
    """1234567 -> "1,2 MB" (Indonesian decimal comma)."""
    value = float(size)
    for unit in ("bita", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bita" else f"{value:.1f} {unit}".replace(".", ",")
        value /= 1024
    raise AssertionError("unreachable")


def format_counts(counts: dict[str, int]) -> str:
    return "; ".join(f"{label}: " + f"{count:,}".replace(",", ".") for label, count in describe_counts(counts))


def describe_backup(info) -> list[tuple[str, str]]:
    """The rows a dialog shows for one backup (``services.backup.BackupInfo``)."""
    return [
        ("Berkas", info.path.name),
        ("Kantor", f"{info.office_name} ({info.office_code})"),
        ("Dibuat", format_datetime(info.created_at.astimezone())),
        ("Versi skema", str(info.schema_revision)),
        ("Ukuran", format_size(info.size_bytes)),
        ("Terenkripsi", "ya, dengan kata sandi" if info.encrypted else "tidak"),
        ("Isi", format_counts(info.counts)),
    ]


def rows_html(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td style='padding-right:12px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table>{cells}</table>"


def run_with_progress(bar: QProgressBar, work: Callable[[Callable[[int, int], None]], T]) -> T:
    """Run ``work(progress)`` on the busy worker thread; ``bar`` follows its progress, no input meanwhile."""
    steps = busy.Steps()
    future = busy._worker.submit(work, steps.report)
    bar.setRange(0, 0)
    bar.setValue(0)
    bar.show()
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    loop = QEventLoop()
    poll = QTimer(interval=30)

    def check() -> None:
        done, total = steps.position()
        if total:
            bar.setRange(0, total)
            bar.setValue(min(done, total))
        if future.done():
            loop.quit()

    poll.timeout.connect(check)
    try:
        if not future.done():
            poll.start()
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        result = future.result()
        bar.setRange(0, 1)
        bar.setValue(1)
        return result
    finally:
        poll.stop()
        QGuiApplication.restoreOverrideCursor()


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_inline_error(label, "")
    return label


def _passphrase_edit(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class BackupDialog(QDialog):
    """Cadangkan sekarang: where to, optional passphrase, progress, and what was saved."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Cadangkan sekarang"))
        self.context = context
        self.result_info = None
        intro = QLabel(self.tr(
            "Salinan lengkap basis data dibuat tanpa menutup program. Simpan cadangan juga di luar komputer ini "
            "(misalnya di flashdisk) agar data tetap aman bila komputer rusak atau hilang."
        ))
        intro.setWordWrap(True)
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("backupTargetCombo")
        office_folder = backup_folder(context.database)
        self.target_combo.addItem(self.tr("Folder cadangan kantor"), str(office_folder))
        for root in removable_folders():
            self.target_combo.addItem(self.tr("Flashdisk / kartu memori: {path}").format(path=root), str(root))
        self.folder_edit = QLineEdit(str(office_folder))
        self.folder_edit.setObjectName("backupFolderEdit")
        choose = QPushButton(self.tr("&Pilih folder…"))
        choose.setObjectName("backupFolderButton")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        self.encrypt_check = QCheckBox(self.tr("&Kunci cadangan dengan kata sandi (enkripsi AES-256)"))
        self.encrypt_check.setObjectName("backupEncryptCheck")
        self.passphrase_edit = _passphrase_edit("backupPassphraseEdit", self.tr("kata sandi cadangan"))
        self.repeat_edit = _passphrase_edit("backupPassphraseRepeatEdit", self.tr("ketik ulang kata sandi"))
        self.warning = QLabel(self.tr(
            "<b>{warning}.</b> Tanpa kata sandi ini tidak seorang pun, termasuk pembuat program, dapat membuka cadangan. "
            "Tulis dan simpan di tempat yang aman."
        ).format(warning=escape(self.tr(LOST_PASSPHRASE))))
        self.warning.setObjectName("backupPassphraseWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.form = form = QFormLayout()
        form.addRow(self.tr("&Simpan ke"), self.target_combo)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow("", self.encrypt_check)
        form.addRow(self.tr("Kata sandi"), self.passphrase_edit)
        form.addRow(self.tr("Ulangi kata sandi"), self.repeat_edit)
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.hide()
        self.error_label = _error_label("backupDialogError")
        self.result_label = QLabel()
        self.result_label.setObjectName("backupResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(self.tr("&Cadangkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("backupStartButton")
        self.close_button = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self._start)
        self.close_button.clicked.connect(self.reject)
        choose.clicked.connect(self._choose_folder)
        self.target_combo.currentIndexChanged.connect(lambda _: self.folder_edit.setText(self.target_combo.currentData()))
        self.encrypt_check.toggled.connect(self._show_encryption)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(660, 0)
        self._show_encryption(False)

    def _show_encryption(self, on: bool) -> None:
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEnabled(on)
            self.form.setRowVisible(edit, on)  # the label goes with its box
        self.warning.setEnabled(on)
        self.warning.setVisible(on)
        if on:
            self.passphrase_edit.setFocus()
        self._fit()

    def _fit(self) -> None:
        """Grow to show everything (a wrapped warning, the result) without clipping; never shrink."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if height > self.height():
            self.resize(self.width(), height)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder cadangan"), self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def _start(self) -> None:
        set_inline_error(self.error_label, "")
        folder = self.folder_edit.text().strip()
        if not folder:
            set_inline_error(self.error_label, self.tr("Pilih folder tujuan cadangan."))
            self.folder_edit.setFocus()
            return
        passphrase = None
        if self.encrypt_check.isChecked():
            passphrase = self.passphrase_edit.text()
            if not passphrase:
                set_inline_error(self.error_label, self.tr("Ketik kata sandi cadangan, atau hilangkan centang enkripsi."))
                self.passphrase_edit.setFocus()
                return
            if passphrase != self.repeat_edit.text():
                set_inline_error(self.error_label, self.tr("Kedua kata sandi tidak sama. Ketik ulang."))
                self.repeat_edit.clear()
                self.repeat_edit.setFocus()
                return
        context = self.context

        def work(progress):
            with context.database.session() as session:
                return backup.make_backup(session, context.actor, context.database, folder=Path(folder), passphrase=passphrase, progress=progress)

        self.start_button.setEnabled(False)
        self.result_label.hide()
        try:
            info = run_with_progress(self.progress, work)
        except DomainError as error:
            self.progress.hide()
            set_inline_error(self.error_label, error.message)
            return
        finally:
            self.start_button.setEnabled(True)
        log.info("backup made by %s: %s (%d bytes)", context.actor.username, info.path, info.size_bytes)
        self.result_info = info
        self.result_label.setText(
            "<p><b>" + escape(self.tr("Cadangan selesai dan sudah diperiksa.")) + "</b></p>"
            + rows_html([
                (self.tr("Berkas"), info.path.name),
                (self.tr("Folder"), str(info.path.parent)),
                (self.tr("Ukuran"), format_size(info.size_bytes)),
                (self.tr("Terenkripsi"), self.tr("ya") if info.encrypted else self.tr("tidak")),
                (self.tr("Isi"), format_counts(info.counts)),
            ])
        )
        self.result_label.show()
        self._fit()
        self.start_button.setText(self.tr("&Cadangkan lagi"))
        self.close_button.setFocus()


class RestoreDialog(QDialog):
    """Pulihkan dari cadangan: pick a file, see what it holds, confirm, restore, log out."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Pulihkan dari cadangan"))
        self.context = context
        self.info = None
        self.kept_aside: Path | None = None
        self.folder = backup_folder(context.database)
        intro = QLabel(self.tr(
            "Pilih cadangan dari folder cadangan kantor atau dari berkas lain (misalnya di flashdisk). "
            "Isinya ditampilkan dulu; data saat ini baru diganti setelah Anda menyetujui."
        ))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("restoreList")
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(150)
        choose = QPushButton(self.tr("Pilih &berkas lain…"))
        choose.setObjectName("restoreFileButton")
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("restoreFileEdit")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("belum ada berkas dipilih"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        self.passphrase_label = QLabel(self.tr("&Kata sandi cadangan"))
        self.passphrase_edit = _passphrase_edit("restorePassphraseEdit", self.tr("kata sandi saat cadangan dibuat"))
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.open_button = QPushButton(self.tr("&Buka"))
        self.open_button.setObjectName("restoreOpenButton")
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.passphrase_label)
        passphrase_row.addWidget(self.passphrase_edit, 1)
        passphrase_row.addWidget(self.open_button)
        self.details = QLabel()
        self.details.setObjectName("restoreDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(150)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.progress = QProgressBar()
        self.progress.setObjectName("restoreProgress")
        self.progress.hide()
        self.error_label = _error_label("restoreDialogError")
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("&Pulihkan…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        choose.clicked.connect(self._choose_file)
        self.open_button.clicked.connect(self._inspect)
        self.passphrase_edit.returnPressed.connect(self._inspect)
        self.list.currentItemChanged.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Cadangan di {folder}:").format(folder=self.folder)))
        layout.addWidget(self.list)
        layout.addLayout(file_row)
        layout.addLayout(passphrase_row)
        layout.addWidget(self.details)
        layout.addWidget(self.progress)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._show_passphrase(False)
        self._fill_list()
        fit_to_screen(self, 700, self.sizeHint().height())

    def _fill_list(self) -> None:
        try:
            found = backup.list_backups(self.folder)  # newest first
        except (DomainError, OSError) as error:
            log.warning("cannot list the backups in %s: %s", self.folder, error)
            found = []
        for info in found:
            lock = self.tr(" · terkunci kata sandi") if info.encrypted else ""
            text = f"{format_datetime(info.created_at.astimezone())} · {info.office_code} · {format_size(info.size_bytes)}{lock} · {info.path.name}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("(belum ada cadangan di folder ini)"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)

    def _choose_file(self) -> None:
        start = self.file_edit.text() or str(self.folder)
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas cadangan"), start, BACKUP_FILTER)
        if chosen:
            self.list.clearSelection()
            self.choose(Path(chosen))

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.choose(Path(item.data(Qt.ItemDataRole.UserRole)))

    def choose(self, path: Path) -> None:
        """A file was picked: read what it holds (asking for its passphrase if it is locked)."""
        self.file_edit.setText(str(path))
        self.passphrase_edit.clear()
        self._show_passphrase(False)
        self._inspect()

    def _show_passphrase(self, on: bool) -> None:
        for widget in (self.passphrase_label, self.passphrase_edit, self.open_button):
            widget.setVisible(on)

    @staticmethod
    def _is_encrypted(path: Path) -> bool:
        try:
            return backup_crypto.is_encrypted(path)
        except OSError:
            return False

    def _inspect(self) -> None:
        self.info = None
        self.restore_button.setEnabled(False)
        self.details.clear()
        set_inline_error(self.error_label, "")
        text = self.file_edit.text()
        if not text:
            return
        path = Path(text)
        passphrase = self.passphrase_edit.text() or None
        try:
            info = run_with_progress(self.progress, lambda _progress: backup.inspect_backup(path, passphrase=passphrase))
        except DomainError as error:
            self.progress.hide()
            if passphrase is None and self._is_encrypted(path):
                self._show_passphrase(True)
                self.details.setText(self.tr("Cadangan ini terkunci. Ketik kata sandinya lalu tekan Buka."))
                self.passphrase_edit.setFocus()
                return
            set_inline_error(self.error_label, error.message)
            if self.passphrase_edit.isVisible():
                self.passphrase_edit.selectAll()
                self.passphrase_edit.setFocus()
            return
        self.progress.hide()
        if info.encrypted:
            self._show_passphrase(True)
        self.info = info
        self.details.setText(rows_html([(self.tr(k), v) for k, v in describe_backup(info)]))
        self.restore_button.setEnabled(True)
        self.restore_button.setFocus()

    def _restore(self) -> None:
        info, database = self.info, self.context.database
        if info is None:
            return
        current = self.context.office.profile
        question = self.tr(
            "Data saat ini di {database} (kantor {office}) akan diganti dengan isi cadangan {file} "
            "yang dibuat {created}.\n\nData saat ini tidak dihapus: disimpan dulu sebagai salinan di folder yang sama. "
            "Setelah pemulihan program akan keluar akun dan Anda masuk lagi.\n\nLanjutkan pemulihan?"
        ).format(
            database=database.describe(), office=f"{current.name} ({current.code})", file=info.path.name,
            created=format_datetime(info.created_at.astimezone()),
        )
        if not confirm(self, self.tr("Pulihkan dari cadangan"), question, yes=self.tr("Pulihkan")):
            return
        passphrase = self.passphrase_edit.text() or None
        path, actor = info.path, self.context.actor

        def work(progress):
            return backup.restore_backup(database, path, passphrase=passphrase, progress=progress, actor=actor)

        self.restore_button.setEnabled(False)
        try:
            self.kept_aside = run_with_progress(self.progress, work)
        except DomainError as error:
            self.progress.hide()
            set_inline_error(self.error_label, error.message + "\n" + self.tr("Data saat ini tidak berubah."))
            self.restore_button.setEnabled(True)
            return
        log.info("restored %s by %s; the previous database kept at %s", path, self.context.actor.username, self.kept_aside)
        kept = self.tr("Data sebelumnya disimpan di:\n{aside}").format(aside=self.kept_aside) if self.kept_aside else ""
        show_info(self, self.tr("Pemulihan selesai"), self.tr(
            "Data dari cadangan {file} sudah dipulihkan.\n\n{kept}\n\n"
            "Program sekarang keluar akun. Silakan masuk lagi untuk memakai data yang dipulihkan."
        ).format(file=path.name, kept=kept))
        self.accept()


class PostgresBackupDialog(QDialog):
    """On PostgreSQL the server's own tools make and restore backups: say so, and give the command."""

    def __init__(self, database: Database, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("postgresBackupDialog")
        self.setWindowTitle(self.tr("Cadangan PostgreSQL"))
        text = QLabel(explanation)
        text.setObjectName("postgresBackupText")
        text.setWordWrap(True)
        command = backup.pg_dump_command(database.url)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.command_edit = QPlainTextEdit()
        self.command_edit.setObjectName("postgresBackupCommand")
        self.command_edit.setReadOnly(True)
        self.command_edit.setMaximumHeight(70)
        buttons = QDialogButtonBox()
        if command:
            layout.addWidget(QLabel(self.tr("Perintah untuk komputer ini (jalankan di Command Prompt / terminal):")))
            self.command_edit.setPlainText(" ".join(_quote(part) for part in command))
            layout.addWidget(self.command_edit)
            copy = buttons.addButton(self.tr("&Salin perintah"), QDialogButtonBox.ButtonRole.ActionRole)
            copy.setObjectName("postgresBackupCopyButton")
            copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.command_edit.toPlainText()))
        else:
            self.command_edit.hide()
            missing = QLabel(self.tr(
                "Program pg_dump tidak ditemukan di komputer ini. Pasang PostgreSQL client tools "
                "atau minta pengelola server membuat cadangan."
            ))
            missing.setWordWrap(True)
            layout.addWidget(missing)
        buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, self.sizeHint().height())


def _quote(part: str) -> str:
    return f'"{part}"' if (" " in part or not part) else part


def postgres_explanation() -> str:
    """How a PostgreSQL office backs up (the service's own words) and restores."""
    return backup.POSTGRES + "\n\n" + POSTGRES_RESTORE


POSTGRES_RESTORE = (
    "Pemulihan juga dilakukan di server (pg_restore) oleh pengelola server, setelah semua komputer menutup program."
)
