"""Berkas > Kirim laporan ke kabupaten…: choose a folder (a USB stick), write the packet, say what it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from koperasi.domain.errors import DomainError
from koperasi.gui.busy import run_busy
from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error, show_info
from koperasi.gui.status import announce
from koperasi.services.district.sending import SentPacket, send_report


def tr(text: str) -> str:
    return QCoreApplication.translate("send_report", text)


def summary(sent: SentPacket) -> str:
    """What the clerk is told, and may read out to the district on the phone."""
    size = f"{sent.size_bytes / 1024:,.0f}".replace(",", ".") if sent.size_bytes >= 1024 else str(sent.size_bytes)
    unit = "KB" if sent.size_bytes >= 1024 else tr("bita")
    personal = (tr("Nama, nomor anggota dan NIK disertakan (pengaturan kantor).") if sent.personal_data
                else tr("Tanpa nama dan NIK anggota."))
    if sent.sealed:
        personal += " " + tr("Paket terkunci: hanya kabupaten yang dapat membukanya.")
    return tr(
        "Paket laporan tersimpan di:\n{path}\n\nUkuran: {size} {unit}\nIsi: angka kantor hari ini, {members} anggota, "
        "{loans} pinjaman berjalan. {personal}\n\nSidik kunci kantor: {fingerprint}\n\n"
        "Bawa atau kirim berkas ini ke kantor kabupaten."
    ).format(path=sent.path, size=size, unit=unit, members=sent.members, loans=sent.loans, personal=personal,
             fingerprint=sent.fingerprint)


def send_to_district(parent: QWidget, context: AppContext, *, folder: Path | None = None) -> SentPacket | None:
    """Ask for the folder (unless given), write the packet on the worker thread, and report; None when cancelled."""
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(parent, tr("Pilih folder atau flashdisk untuk paket laporan"))
        if not chosen:
            return None
        folder = Path(chosen)

    def work() -> SentPacket:
        with context.database.session() as session:
            return send_report(session, context.actor, folder)

    try:
        sent = run_busy(parent, tr("Menyiapkan paket laporan…"), work)
    except DomainError as error:
        show_error(parent, tr("Kirim laporan ke kabupaten"), error.message)
        return None
    announce(parent, tr("Paket laporan ke kabupaten ditulis ke {path}").format(path=sent.path))
    show_info(parent, tr("Kirim laporan ke kabupaten"), summary(sent))
    return sent
