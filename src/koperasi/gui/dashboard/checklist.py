"""A fresh office's Beranda: the first set-up steps, each a link to the place to do it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from koperasi.gui.dashboard.cards import card
from koperasi.services.dashboard.checklist import Checklist, Step


def tr(text: str) -> str:
    return QCoreApplication.translate("DashboardChecklist", text)


def _steps() -> dict[Step, tuple[str, str]]:
    """What each step asks for, and where it is done."""
    return {
        Step.REGIONS: (tr("Muat desa yang dilayani"), tr("Pengaturan → Wilayah")),
        Step.FUND: (tr("Buat sumber dana dan catat modalnya"), tr("Pengaturan → Sumber dana dan produk pinjaman")),
        Step.LOAN_PRODUCT: (tr("Buat produk pinjaman"), tr("Pengaturan → Sumber dana dan produk pinjaman")),
        Step.MEMBER: (tr("Daftarkan anggota pertama"), tr("tab Anggota → Anggota baru (Ctrl+N)")),
        Step.PROGRAMME: (tr("Buat program pelatihan pertama"), tr("tab Pelatihan → Program pelatihan")),
        Step.CATALOGUE: (tr("Isi katalog penjualan"), tr("Pengaturan → Katalog penjualan")),
    }


class ChecklistBox(QWidget):
    open_step = Signal(str)  # a Step value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, self.lines = card("dashboardChecklist", tr("Menyiapkan kantor baru"))
        self.lines.linkActivated.connect(self.open_step.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)

    def show_checklist(self, found: Checklist) -> None:
        rows = []
        for step, (task, where) in _steps().items():
            done = found.done[step]
            mark = "✔" if done else "○"
            state = tr("selesai") if done else f"<a href='{step.value}'>{escape(tr('Buka'))}</a>"
            rows.append(f"<tr><td style='padding-right:8px'>{mark}</td><td style='padding-right:12px'>{escape(task)}"
                        f"<br><span style='color:#555'>{escape(where)}</span></td><td>{state}</td></tr>")
        intro = escape(tr("Beranda menampilkan angka kantor setelah anggota pertama terdaftar. Langkah awal:"))
        self.lines.setText(f"<p>{intro}</p><table cellspacing='4'>{''.join(rows)}</table>")

    def label(self) -> QLabel:
        return self.lines
