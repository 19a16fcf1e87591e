"""Tunggakan wajib: active members whose wajib deposits fall short of what is due this month, most behind first."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date, format_month
from koperasi.domain.money import format_rupiah
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.list_model import Column
from koperasi.gui.tables import TipTableModel, count_text, make_table, selected_row
from koperasi.services.savings import queries, rates
from koperasi import clock


class BehindView(QWidget):
    open_member = Signal(uuid.UUID)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savingsBehindPage")
        self.context = context
        self.stale = True
        self.summary = QLabel(objectName="savingsBehindSummary")
        self.model = TipTableModel(
            [Column(self.tr("No. anggota"), lambda r: r.number), Column(self.tr("Nama"), lambda r: r.name),
             Column(self.tr("Desa"), lambda r: r.desa), Column(self.tr("Masuk"), lambda r: format_date(r.joined_on)),
             Column(self.tr("Wajib terutang"), lambda r: format_rupiah(r.due), align_right=True),
             Column(self.tr("Sudah disetor"), lambda r: format_rupiah(r.paid), align_right=True),
             Column(self.tr("Tunggakan"), lambda r: format_rupiah(r.arrears), align_right=True),
             Column(self.tr("Bulan"), lambda r: str(r.months_behind), align_right=True)],
            parent=self,
        )
        self.table = make_table("savingsBehindTable", self.model)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(3, 135)  # "27 Desember 2025" whole
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.note = EmptyListNote(self.table, "savingsBehindEmptyNote")
        hint = QLabel(self.tr("Klik dua kali seorang anggota untuk membuka simpanannya."))
        hint.setStyleSheet("color: #555")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        today = clock.today()
        with self.context.database.session() as session:
            rows = queries.members_behind(session, self.context.actor, as_of=today)
            has_rate = any(view.kind.value == "wajib" for view in rates.savings_rates(session, self.context.actor))
        self.model.set_rows(rows)
        self.stale = False
        total = sum(row.arrears for row in rows)
        self.summary.setText(self.tr("<b>{count}</b> anggota menunggak simpanan wajib sampai {month}, jumlah {total}.").format(
            count=count_text(len(rows)), month=format_month(today), total=format_rupiah(total)))
        if rows:
            self.note.show_text("")
        elif not has_rate:
            self.note.show_text(self.tr("Besar simpanan wajib belum diatur, jadi belum ada yang terutang. "
                                        "Atur di Simpanan anggota → Besar simpanan…"))
        else:
            self.note.show_text(self.tr("Tidak ada tunggakan: semua anggota aktif sudah menyetor simpanan wajib sampai bulan ini."))

    def open_selected(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self.open_member.emit(row.member_id)
