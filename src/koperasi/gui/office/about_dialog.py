"""Bantuan → Tentang: version, and where the data, the backups and the logs are kept."""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from sqlalchemy.exc import SQLAlchemyError

from koperasi import __version__
from koperasi.db.database import Database
from koperasi.domain.dates import format_datetime
from koperasi.domain.errors import DomainError
from koperasi.domain.office.regions import notice
from koperasi.gui.icons import app_icon
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.logs import LOG_FILE_NAME
from koperasi.paths import data_dir, log_dir

log = logging.getLogger(__name__)

class AboutDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("Tentang Koperasi Berdaya"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        rows = [
            (self.tr("Versi"), __version__),
            (self.tr("Basis data"), database.describe()),
            (self.tr("Folder data"), str(data_dir())),
            *self._backup_rows(database),
            (self.tr("Berkas log"), str(log_dir() / LOG_FILE_NAME)),
            (self.tr("Data wilayah"), self.tr("Kepmendagri No 300.2.2-2138 Tahun 2025 (kode dan nama provinsi, kabupaten/kota, "
                                              "kecamatan, desa/kelurahan), dari cahyadsn/wilayah, lisensi MIT (di bawah)")),
        ]
        table = "".join(f"<tr><td style='padding-right:10px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
        text = QLabel(
            f"<h2>Koperasi Berdaya</h2><p>{escape(self.tr('Program kantor koperasi untuk anggota, pelatihan, pinjaman tanpa bunga dan penjualan hasil anggota.'))}</p>"
            f"<table>{table}</table>"
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignTop)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The MIT licence of the region data must travel with it: shown in full, readable and copyable.
        # Shown only when the program connects to PostgreSQL with power over the append-only triggers.
        self.role_warning = QLabel(self._role_warning(database))
        self.role_warning.setObjectName("aboutRoleWarning")
        self.role_warning.setWordWrap(True)
        self.role_warning.setStyleSheet("color: #a40000; font-weight: bold;")
        self.role_warning.setVisible(bool(self.role_warning.text()))
        licence = QPlainTextEdit(notice())
        licence.setObjectName("aboutRegionNotice")
        licence.setReadOnly(True)
        licence.setMaximumHeight(150)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.role_warning)
        layout.addWidget(licence)
        layout.addWidget(buttons)
        fit_to_screen(self, 680, 480)

    def _role_warning(self, database: Database) -> str:
        if database.is_sqlite:
            return ""
        from koperasi.services.office.database_roles import owner_warning

        try:
            with database.session() as session:
                warning = owner_warning(session)
        except (DomainError, SQLAlchemyError):
            log.exception("the About box cannot read the database role")
            return ""
        if warning is None:
            return ""
        return self.tr(
            "Peringatan: program tersambung ke PostgreSQL sebagai pemilik tabel atau superuser. Peran ini dapat "
            "mematikan pemicu yang mengunci catatan audit dan riwayat uang. Minta pengelola server menjalankan "
            "'koperasi setup-postgres' lalu menyambung dengan peran aplikasi yang dibuatnya."
        )

    def _which_are_locked(self, database: Database) -> str:
        from koperasi.services.office.automatic_backup_lock import Lock, lock_state, store_name

        with database.session() as session:
            state = lock_state(session)
        if state is Lock.STORED:
            automatic = self.tr("Cadangan otomatis (harian dan saat program ditutup) terkunci dengan kata sandi yang "
                                "disimpan di {store}.").format(store=store_name())
        elif state is Lock.ASKED:
            automatic = self.tr("Cadangan otomatis (harian dan saat program ditutup) terkunci dengan kata sandi yang diminta "
                                "sesudah masuk, sekali setiap kali program dibuka; kata sandinya tidak disimpan di komputer ini. "
                                "Bila tidak dimasukkan, cadangan otomatis dilewati, tidak dibuat tanpa kunci.")
        else:
            automatic = self.tr("Cadangan otomatis (harian dan saat program ditutup) tidak terkunci: admin dapat menguncinya "
                                "lewat Berkas → Kata sandi cadangan otomatis. Simpan di komputer ini, jangan dibawa keluar kantor.")
        return automatic + " " + self.tr(
            "Cadangan lewat Berkas → Cadangkan sekarang atau koperasi backup --passphrase-file terkunci bila diberi kata "
            "sandi (AES-256-GCM). Basis data dan cadangan hanya dapat dibaca oleh akun Windows/Linux pemiliknya."
        )

    def _backup_rows(self, database: Database) -> list[tuple[str, str]]:
        if not database.is_sqlite:
            return [(self.tr("Cadangan"), self.tr("dibuat di server PostgreSQL dengan pg_dump (Berkas → Cadangkan sekarang)"))]
        from koperasi.services.office.backup import backup_folder, list_backups

        try:
            with database.session() as session:
                folder = backup_folder(session)
            newest = max(list_backups(folder), key=lambda info: info.created_at, default=None)
        except (DomainError, OSError):
            log.exception("the About box cannot read the backup folder")
            return [(self.tr("Folder cadangan"), self.tr("tidak dapat dibaca (rincian di berkas log)"))]
        last = (
            self.tr("{time} ({file}, {locked})").format(
                time=format_datetime(newest.created_at.astimezone()), file=newest.path.name,
                locked=self.tr("terkunci dengan kata sandi") if newest.encrypted else self.tr("tidak terkunci"),
            )
            if newest else self.tr("belum ada")
        )
        return [
            (self.tr("Folder cadangan"), str(folder)),
            (self.tr("Cadangan terakhir"), last),
            (self.tr("Kata sandi cadangan"), self._which_are_locked(database)),
        ]
