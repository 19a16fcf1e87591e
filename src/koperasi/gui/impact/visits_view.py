"""Kunjungan: the households due for a follow-up visit, per field officer and desa, with the sheets to print.

A field officer picks themselves and the week ("sampai tanggal"), prints the sheets of the households
listed (all, or those selected), and back at the office the clerk types them in (Catat kunjungan…).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from koperasi import clock
from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.impact.papers import DueVisit
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.impact.visit_dialog import VisitDialog
from koperasi.gui.list_model import Column
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, show_preview, write_to_bytes
from koperasi.gui.screen_fit import narrow_combo
from koperasi.gui.tables import TipTableModel, count_text, make_table
from koperasi.services.impact import visits
from koperasi.services.office import regions

WEEK = 7


class VisitsView(QWidget):
    changed = Signal()  # a visit was recorded

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitsView")
        self.context = context
        self.until_edit = date_edit("visitsUntilEdit", clock.today() + timedelta(days=WEEK))
        self.until_edit.setToolTip(self.tr("Kunjungan yang jatuh tempo sampai tanggal ini (bawaan: seminggu ke depan)"))
        self.until_edit.dateChanged.connect(lambda _day: self.reload())
        self.officer_filter = narrow_combo(QComboBox(objectName="visitsOfficerFilter"))
        self.kecamatan_filter = narrow_combo(QComboBox(objectName="visitsKecamatanFilter"))
        self.desa_filter = narrow_combo(QComboBox(objectName="visitsDesaFilter"))
        self._fill_filters()
        filters = QHBoxLayout()
        for label, widget in ((self.tr("&Sampai:"), self.until_edit), (self.tr("Pe&tugas:"), self.officer_filter),
                              (self.tr("&Kecamatan:"), self.kecamatan_filter), (self.tr("&Desa:"), self.desa_filter)):
            filters.addWidget(QLabel(label, buddy=widget))
            filters.addWidget(widget)
        filters.addStretch(1)
        self.model = TipTableModel([
            Column(self.tr("Jatuh tempo"), lambda v: format_date(v.due_on)),
            Column(self.tr("Nomor"), lambda v: v.number),
            Column(self.tr("Nama"), lambda v: v.full_name),
            Column(self.tr("Desa"), lambda v: v.desa),
            Column(self.tr("Kecamatan"), lambda v: v.kecamatan),
            Column(self.tr("Alasan"), lambda v: v.reason.label,
                   tip=self.tr("Data awal: belum pernah diukur. Selama pinjaman: setiap beberapa bulan selama pinjaman "
                               "berjalan. Setelah pelatihan: beberapa bulan setelah sertifikat (lihat pengaturan).")),
            Column(self.tr("Terakhir diukur"), lambda v: format_date(v.last_measured) if v.last_measured else "—"),
            Column(self.tr("Petugas terakhir"), lambda v: v.officer or "—"),
        ], parent=self)
        self.table = make_table("visitsTable", self.model, multi=True)
        self.empty_note = EmptyListNote(self.table, "visitsEmptyNote")
        self.count_label = QLabel(objectName="visitsCountLabel")
        self.print_button = QPushButton(self.tr("&Cetak lembar kunjungan…"), objectName="visitsPrintButton")
        self.print_button.setToolTip(self.tr("Lembar untuk dibawa ke lapangan: semua rumah tangga di daftar, "
                                             "atau yang dipilih saja"))
        self.print_button.clicked.connect(self.print_sheets)
        self.record_button = QPushButton(self.tr("Catat &kunjungan…"), objectName="visitsRecordButton")
        self.record_button.setToolTip(self.tr("Ketik lembar kunjungan yang sudah diisi (Enter pada baris juga membuka ini)"))
        self.record_button.clicked.connect(lambda: self.record_visit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for combo in (self.officer_filter, self.desa_filter):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.kecamatan_filter.currentIndexChanged.connect(self._kecamatan_changed)
        self.table.activated.connect(lambda _index: self.record_visit())

    def _fill_filters(self) -> None:
        with self.context.database.session() as session:
            officers = visits.field_officers(session, self.context.actor)
            kecamatan = regions.list_kecamatan(session)
        self.officer_filter.addItem(self.tr("Semua petugas"), None)
        for officer in officers:
            self.officer_filter.addItem(officer.full_name, officer.id)
        self.kecamatan_filter.addItem(self.tr("Semua kecamatan"), None)
        for item in kecamatan:
            self.kecamatan_filter.addItem(item.name, item.code)
        self.desa_filter.addItem(self.tr("Semua desa"), None)
        self.desa_filter.setEnabled(False)

    def _kecamatan_changed(self) -> None:
        self.desa_filter.blockSignals(True)
        self.desa_filter.clear()
        self.desa_filter.addItem(self.tr("Semua desa"), None)
        code = self.kecamatan_filter.currentData()
        if code:
            with self.context.database.session() as session:
                for desa in regions.list_desa(session, self.context.actor, code):
                    self.desa_filter.addItem(desa.name, desa.id)
        self.desa_filter.setEnabled(bool(code))
        self.desa_filter.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        until = self.until_edit.date().toPython() if self.until_edit.date().isValid() else None
        if until is None:
            return
        try:
            with self.context.database.session() as session:
                rows = visits.visits_due(session, self.context.actor, until=until, officer_id=self.officer_filter.currentData(),
                                         desa_id=self.desa_filter.currentData(), kecamatan_code=self.kecamatan_filter.currentData())
        except DomainError as error:
            show_error(self, self.tr("Kunjungan"), error.message)
            return
        self.model.set_rows(rows)
        fit_columns(self.table, 2, {3: 160, 4: 140, 7: 160})
        self.count_label.setText(self.tr("{count} rumah tangga perlu dikunjungi sampai {day}").format(
            count=count_text(len(rows)), day=format_date(until)))
        filtered = any(combo.currentData() is not None for combo in (self.officer_filter, self.kecamatan_filter, self.desa_filter))
        self.empty_note.show_text("" if rows else (
            self.tr("Tidak ada kunjungan yang jatuh tempo dengan pilihan ini. Pilih semua petugas atau desa, "
                    "atau tanggal yang lebih jauh.") if filtered else
            self.tr("Tidak ada kunjungan yang jatuh tempo sampai tanggal ini. Anggota baru perlu data awal; "
                    "peminjam dan peserta pelatihan dikunjungi menurut jadwal di pengaturan.")))
        self.print_button.setEnabled(bool(rows))

    def _chosen(self) -> list[DueVisit]:
        rows = self.table.selectionModel().selectedRows()
        if len(rows) > 1:
            return [self.model.row(index) for index in rows]
        return [self.model.row(self.model.index(row, 0)) for row in range(self.model.rowCount())]

    def print_sheets(self) -> None:
        from koperasi.reports.impact.visit_sheet import write_visit_sheets

        chosen = self._chosen()
        officer = self.officer_filter.currentText() if self.officer_filter.currentData() is not None else ""
        try:
            with self.context.database.session() as session:
                sheets = visits.visit_sheets(session, self.context.actor, [visit.member_id for visit in chosen], officer=officer)
        except DomainError as error:
            show_error(self, self.tr("Lembar kunjungan"), error.message)
            return
        show_preview(PdfPreviewDialog(
            self.tr("Lembar kunjungan ({count} rumah tangga)").format(count=len(sheets.households)),
            {self.tr("A4"): (lambda: write_to_bytes(lambda out: write_visit_sheets(sheets, out)),
                             f"lembar-kunjungan-{sheets.printed_on:%Y-%m-%d}.pdf")}, self,
        ))

    def record_visit(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        member_id = self.model.row(rows[0]).member_id if len(rows) == 1 else None
        dialog = VisitDialog(self.context, member_id=member_id, parent=self)
        dialog.exec()
        if dialog.saved_count:
            self.changed.emit()
            self.reload()
