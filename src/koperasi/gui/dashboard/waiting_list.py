"""Beranda's "Menunggu Anda": one line per list that waits for this user; a click opens the list."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from koperasi.domain.dates import format_datetime
from koperasi.domain.money import format_rupiah
from koperasi.gui.dashboard.cards import ALERT, card, thousands
from koperasi.services.dashboard.waiting import Place, Waiting, WaitingList


def tr(text: str) -> str:
    return QCoreApplication.translate("DashboardWaiting", text)


class WaitingBox(QWidget):
    open_place = Signal(str)  # a Place value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, self.lines = card("dashboardWaiting", tr("Menunggu Anda"))
        self.lines.setOpenExternalLinks(False)
        self.lines.linkActivated.connect(self.open_place.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)

    def show_waiting(self, found: WaitingList) -> None:
        items = [_line(line, found) for line in found.lines]
        self.lines.setText("<ul style='margin-left:-20px'>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")

    def label(self) -> QLabel:
        return self.lines


def _line(line: Waiting, found: WaitingList) -> str:
    text = _text(line, found)
    style = f" style='color:{ALERT}'" if line.urgent else ""
    return f"<a href='{line.place.value}'{style}>{escape(text)}</a>"


def _text(line: Waiting, found: WaitingList) -> str:
    count = thousands(line.count)
    match line.place:
        case Place.LOANS_APPLIED:
            return tr("{count} pengajuan pinjaman menunggu keputusan ({amount})").format(count=count, amount=format_rupiah(line.amount))
        case Place.LOANS_APPROVED:
            return tr("{count} pinjaman disetujui menunggu pencairan ({amount})").format(count=count, amount=format_rupiah(line.amount))
        case Place.PAYOUTS:
            return tr("{count} produsen menunggu pembayaran ({amount})").format(count=count, amount=format_rupiah(line.amount))
        case Place.REVERSALS:
            return tr("{count} pembatalan menunggu persetujuan Anda ({amount})").format(count=count, amount=format_rupiah(line.amount))
        case Place.NEW_ACCOUNTS:
            return tr("{count} akun pengguna baru dibuat dalam {days} hari terakhir: pastikan pemiliknya orang yang berbeda").format(
                count=count, days=line.days)
        case Place.GROUP_COLLECTIONS:
            return tr("{count} kelompok punya angsuran jatuh tempo minggu ini").format(count=count)
        case Place.TRAINING_BATCHES:
            return tr("{count} sesi pelatihan minggu ini").format(count=count)
        case Place.FOLLOW_UPS:
            return tr("{count} tindak lanjut pertemuan belum selesai").format(count=count)
        case Place.REFERRALS:
            return tr("{count} rujukan belum ada kabar hasilnya").format(count=count)
        case Place.BACKUP:
            if found.backup_skipped is not None:
                return tr("Cadangan otomatis dilewati {moment}: kata sandi cadangan tidak dimasukkan. Buat cadangan terkunci sekarang").format(
                    moment=format_datetime(found.backup_skipped.astimezone()))
            if found.last_backup is None:
                return tr("Belum ada cadangan data: buat sekarang")
            age = tr("hari ini") if line.count == 0 else tr("{days} hari lalu").format(days=line.count)
            return tr("Cadangan terakhir {age} ({moment})").format(age=age, moment=format_datetime(found.last_backup.astimezone()))  # the local wall clock, as clock.local_now()
    raise ValueError(line.place)
