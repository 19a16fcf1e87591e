"""Bantuan → Tentang: version, and where the data and the logs are kept."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from koperasi import __version__
from koperasi.db.database import Database
from koperasi.gui.icons import app_icon
from koperasi.logs import LOG_FILE_NAME
from koperasi.paths import data_dir, log_dir

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
            (self.tr("Berkas log"), str(log_dir() / LOG_FILE_NAME)),
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.resize(620, 280)
