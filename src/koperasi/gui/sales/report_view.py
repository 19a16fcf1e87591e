"""Laporan penjualan: standing sales in a period by product, channel, month, kecamatan or producer
group, on screen and saved as PDF or Excel (on the worker thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.money import format_rupiah
from koperasi.domain.sales.papers import SalesReport, SalesTotal
from koperasi.gui.breakdown_view import (TotalModel, breakdown_combo, breakdown_rows, chosen_period, lay_out_period_report,
                                         save_buttons, save_report, total_table)
from koperasi.gui.context import AppContext
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.busy import run_busy
from koperasi.gui.messages import show_error
from koperasi.gui.date_field import date_edit
from koperasi.gui.tables import count_text
from koperasi.services.sales import papers as sales_papers
from koperasi import clock

BREAKDOWNS = ("Produk", "Saluran", "Bulan", "Kecamatan", "Kelompok penitip")


class ReportView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("salesReportView")
        self.context = context
        self.report: SalesReport | None = None
        today = QDate(clock.today())
        self.from_edit = date_edit("salesReportFromEdit", QDate(today.year(), 1, 1))
        self.to_edit = date_edit("salesReportToEdit", today)
        self.refresh_button = QPushButton(self.tr("Hi&tung"), objectName="salesReportRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button, self.excel_button = save_buttons(self, "salesReport", lambda kind: self.save(kind))
        self.total_label = QLabel(objectName="salesReportTotal")
        self.total_label.setWordWrap(True)
        self.breakdown_combo = breakdown_combo(self, "salesReportBreakdownCombo", BREAKDOWNS, self._show_breakdown)
        self.model: ListTableModel[SalesTotal] = TotalModel(self._columns(), parent=self)
        self.table = total_table("salesReportTable", self.model)
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("", "Baris terjual", "Rp1.000.000.000", "Rp100.000.000", "Rp1.000.000.000"), start=0):
            if column:
                self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 30)

        lay_out_period_report(
            self, from_edit=self.from_edit, to_edit=self.to_edit, refresh_button=self.refresh_button,
            save_buttons=(self.pdf_button, self.excel_button), total_label=self.total_label,
            breakdown_combo=self.breakdown_combo, table=self.table,
            note=self.tr("Penjualan yang dibatalkan tidak dihitung. Kecamatan menurut alamat anggota penitip "
                         "(kelompok: desa kelompok)."),
        )
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
        period = chosen_period(self, self.from_edit, self.to_edit, self.tr("Laporan penjualan"))
        if period is None:
            return
        period_from, period_to = period

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
        self.model.set_rows(breakdown_rows(self.report, self.breakdown_combo.currentData()))

    def save(self, kind: str) -> Path | None:
        report = self.report
        if report is None:
            return None
        from koperasi.reports.sales.statements import write_sales_report_pdf, write_sales_report_xlsx

        return save_report(
            self, report, kind,
            file_name=f"laporan-penjualan-{report.period_from:%Y-%m-%d}-{report.period_to:%Y-%m-%d}.{kind}",
            dialog_title=self.tr("Simpan laporan penjualan"),
            writers=(write_sales_report_pdf, write_sales_report_xlsx),
            done_title=self.tr("Laporan penjualan"),
            done_text=self.tr("Laporan penjualan tersimpan di {path}."),
        )
