"""Laporan penjualan: standing sales in a period by product, channel, month, kecamatan or producer
group, on screen and saved as PDF or Excel (on the worker thread)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.money import format_rupiah
from koperasi.domain.sales_papers import SalesReport, SalesTotal
from koperasi.gui.context import AppContext
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.loans.busy import run_busy
from koperasi.gui.messages import show_error, show_info
from koperasi.gui.sales import date_edit
from koperasi.gui.trainings import count_text, make_table
from koperasi.gui.trainings.summary_view import _TotalModel
from koperasi.services import sales_papers

BREAKDOWNS = ("Produk", "Saluran", "Bulan", "Kecamatan", "Kelompok penitip")


class ReportView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salesReportView")
        self.context = context
        self.report: SalesReport | None = None
        today = QDate.currentDate()
        self.from_edit = date_edit("salesReportFromEdit", QDate(today.year(), 1, 1))
        self.to_edit = date_edit("salesReportToEdit", today)
        self.refresh_button = QPushButton(self.tr("Hi&tung"), objectName="salesReportRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton(self.tr("Simpan &PDF…"), objectName="salesReportPdfButton")
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.excel_button = QPushButton(self.tr("Simpan &Excel…"), objectName="salesReportExcelButton")
        self.excel_button.clicked.connect(lambda: self.save("xlsx"))
        self.total_label = QLabel(objectName="salesReportTotal")
        self.total_label.setWordWrap(True)
        self.breakdown_combo = QComboBox(objectName="salesReportBreakdownCombo")
        for name in BREAKDOWNS:
            self.breakdown_combo.addItem(self.tr("Menurut {name}").format(name=name.lower()), name)
        self.breakdown_combo.currentIndexChanged.connect(self._show_breakdown)
        self.model: ListTableModel[SalesTotal] = _TotalModel(self._columns(), parent=self)
        self.table = make_table("salesReportTable", self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("", "Baris terjual", "Rp1.000.000.000", "Rp100.000.000", "Rp1.000.000.000"), start=0):
            if column:
                self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 30)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("&Dari:"), buddy=self.from_edit))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("&sampai:"), buddy=self.to_edit))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)
        filters.addWidget(self.pdf_button)
        filters.addWidget(self.excel_button)
        breakdown = QHBoxLayout()
        breakdown.addWidget(self.breakdown_combo)
        breakdown.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.total_label)
        layout.addLayout(breakdown)
        layout.addWidget(self.table, 1)
        note = QLabel(self.tr("Penjualan yang dibatalkan tidak dihitung. Kecamatan menurut alamat anggota penitip "
                              "(kelompok: desa kelompok)."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout.addWidget(note)
        self._show_report()

    def _columns(self) -> list[Column[SalesTotal]]:
        return [
            Column(self.tr("Nama"), lambda t: t.name),
            Column(self.tr("Baris terjual"), lambda t: count_text(t.sales), align_right=True),
            Column(self.tr("Penjualan"), lambda t: format_rupiah(t.total), align_right=True),
            Column(self.tr("Jasa koperasi"), lambda t: format_rupiah(t.commission), align_right=True),
            Column(self.tr("Bagian penitip"), lambda t: format_rupiah(t.producer_share), align_right=True),
        ]

    def ensure_loaded(self) -> None:
        if self.report is None:
            self.refresh()

    def refresh(self) -> None:
        period_from: date = self.from_edit.date().toPython()
        period_to: date = self.to_edit.date().toPython()
        if period_to < period_from:
            show_error(self, self.tr("Laporan penjualan"), self.tr("Tanggal akhir periode harus sesudah tanggal awal."))
            return

        def work() -> SalesReport:
            with self.context.database.session() as session:
                return sales_papers.sales_report(session, self.context.actor, period_from=period_from, period_to=period_to)

        try:
            self.report = run_busy(self, self.tr("Menghitung penjualan…"), work)
        except DomainError as error:
            show_error(self, self.tr("Laporan penjualan"), error.message)
            return
        self._show_report()

    def _show_report(self) -> None:
        report = self.report
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(report is not None)
        if report is None:
            self.total_label.setText(self.tr("Pilih periode lalu tekan Hitung."))
        elif report.total.sales == 0:
            self.total_label.setText(self.tr("Tidak ada penjualan pada {start} s.d. {end}.").format(
                start=format_date(report.period_from), end=format_date(report.period_to)))
        else:
            total = report.total
            self.total_label.setText(self.tr(
                "Penjualan <b>{total}</b> pada {start} s.d. {end} ({lines} baris barang): jasa koperasi <b>{commission}</b>, "
                "bagian penitip {share}").format(
                total=format_rupiah(total.total), start=format_date(report.period_from), end=format_date(report.period_to),
                lines=count_text(total.sales), commission=format_rupiah(total.commission), share=format_rupiah(total.producer_share)))
        self._show_breakdown()

    def _show_breakdown(self) -> None:
        report = self.report
        rows = list(report.breakdowns.get(self.breakdown_combo.currentData(), ())) if report else []
        if report is not None and rows:
            rows.append(report.total)
        self.model.set_rows(rows)

    def save(self, kind: str) -> Path | None:
        report = self.report
        if report is None:
            return None
        from koperasi.reports.sales_reports import write_sales_report_pdf, write_sales_report_xlsx

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"laporan-penjualan-{report.period_from:%Y-%m-%d}-{report.period_to:%Y-%m-%d}.{kind}")
        file_filter = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan penjualan"), suggested, file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        writer = write_sales_report_pdf if kind == "pdf" else write_sales_report_xlsx
        try:
            run_busy(self, self.tr("Menyimpan laporan…"), lambda: writer(report, path))
        except OSError as error:
            show_error(self, self.tr("Simpan"), self.tr("Berkas tidak dapat disimpan di {path}: {reason}").format(
                path=path, reason=error.strerror))
            return None
        show_info(self, self.tr("Laporan penjualan"), self.tr("Laporan penjualan tersimpan di {path}.").format(path=path))
        return path
