"""Beranda: who is working, for which office, and what to set up next."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date_long
from koperasi.domain.phone import format_phone
from koperasi.gui.context import AppContext
from koperasi.services import dashboard
from koperasi import clock


class DashboardTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTab")
        self.context = context
        self.greeting = QLabel()
        self.greeting.setObjectName("dashboardGreeting")
        self.office_card = QLabel()
        self.office_card.setObjectName("dashboardOfficeCard")
        self.figures = QLabel()
        self.figures.setObjectName("dashboardFigures")
        self.next_steps = QLabel()
        self.next_steps.setObjectName("dashboardNextSteps")
        grid = QGridLayout()
        grid.addWidget(_card(self.tr("Kantor"), self.office_card), 0, 0)
        grid.addWidget(_card(self.tr("Ringkasan"), self.figures), 0, 1)
        grid.addWidget(_card(self.tr("Langkah berikutnya"), self.next_steps), 1, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addLayout(grid)
        layout.addStretch()
        self.refresh()

    def refresh(self, today: date | None = None) -> None:
        actor, profile = self.context.actor, self.context.office.profile
        self.greeting.setText(
            f"<h2>{escape(self.tr('Selamat datang, {name}').format(name=actor.full_name))}</h2>"
            f"<p>{escape(format_date_long(today or clock.today()))} · {escape(actor.role.label)}</p>"
        )
        rows = [
            (self.tr("Nama"), profile.name),
            (self.tr("Kode"), profile.code),
            (self.tr("Kecamatan"), self.context.office.kecamatan_name or "—"),
            (self.tr("Alamat"), profile.address or "—"),
            (self.tr("Telepon"), format_phone(profile.phone) if profile.phone else "—"),
            (self.tr("Ketua"), profile.chair_name or "—"),
            (self.tr("Bendahara"), profile.treasurer_name or "—"),
        ]
        self.office_card.setText(_table(rows))
        with self.context.database.session() as session:
            figures = dashboard.summary(session, actor)
        self.figures.setText(
            _table(
                [
                    (self.tr("Anggota aktif"), _thousands(figures.active_members)),
                    (self.tr("Anggota perempuan"), _thousands(figures.women_members)),
                    (self.tr("Pengguna aktif"), str(figures.active_users)),
                    (self.tr("Desa terdaftar"), str(figures.active_desa)),
                    (self.tr("Kecamatan yang berisi desa"),
                     self.tr("{count} dari {known}").format(count=figures.kecamatan_with_desa, known=figures.kecamatan_known)),
                ]
            )
        )
        steps = []
        if not (profile.address and profile.chair_name and profile.treasurer_name):
            steps.append(self.tr("Lengkapi profil kantor: Pengaturan → Profil kantor."))
        if figures.active_desa == 0:
            steps.append(self.tr("Tambahkan desa yang dilayani: Pengaturan → Wilayah."))
        if figures.active_users < 2:
            steps.append(self.tr("Buat akun untuk ketua, bendahara dan petugas: Pengaturan → Pengguna."))
        if figures.active_desa and figures.active_members == 0:
            steps.append(self.tr("Daftarkan anggota di tab Anggota (Ctrl+N), atau impor daftar anggota dari Excel."))
        if not steps:
            steps.append(self.tr("Kantor siap dipakai. Pinjaman, Penjualan dan Pelatihan dikerjakan di tab masing-masing."))
        self.next_steps.setText("<ul>" + "".join(f"<li>{escape(step)}</li>" for step in steps) + "</ul>")


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _card(title: str, body: QLabel) -> QFrame:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    heading = QLabel(f"<b>{escape(title)}</b>")
    body.setTextFormat(Qt.TextFormat.RichText)
    body.setWordWrap(True)
    body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout = QVBoxLayout(frame)
    layout.addWidget(heading)
    layout.addWidget(body)
    layout.addStretch()
    return frame


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:12px; color:#555'>{escape(label)}</td><td>{escape(value)}</td></tr>" for label, value in rows
    )
    return f"<table>{cells}</table>"
