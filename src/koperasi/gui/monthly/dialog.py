"""Berkas > Laporan bulanan…: pick a month, then preview the PDF (print, save) or save the Excel workbook.

The figures and the PDF are made on the worker thread (gui/busy.py); the preview and the save
dialog are the program's own (gui/pdf_preview.py, gui/breakdown_view.save_report).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from koperasi.domain.months import Month, month_name
from koperasi.gui.breakdown_view import save_report
from koperasi.gui.busy import run_busy
from koperasi.gui.context import AppContext
from koperasi.gui.pdf_preview import PdfPreviewDialog, show_preview, write_to_bytes
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.reports.monthly.report import suggested_name, title, write_monthly_pdf, write_monthly_xlsx
from koperasi.services.monthly.report import monthly_report
from koperasi import clock

PDF, XLSX = "pdf", "xlsx"


class MonthDialog(QDialog):
    """Which month, and PDF or Excel. The month just ended is offered first: the report is made after it closes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthlyReportDialog")
        self.setWindowTitle(self.tr("Laporan bulanan"))
        today = clock.today()
        last = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        self.month_combo = QComboBox(objectName="monthlyReportMonth")
        for number in range(1, 13):
            self.month_combo.addItem(month_name((2000, number)).split()[0], number)
        self.month_combo.setCurrentIndex(last[1] - 1)
        self.year_spin = QSpinBox(objectName="monthlyReportYear")
        self.year_spin.setRange(2000, today.year)
        self.year_spin.setValue(last[0])
        self.problem = QLabel(objectName="monthlyReportProblem")
        self.problem.setStyleSheet("color: #B3261E")
        self.problem.hide()
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Laporan kegiatan, pinjaman, tunggakan, pelatihan dan penjualan satu bulan, "
                                   "dengan grafik 12 bulan terakhir."), wordWrap=True))
        form.addRow(self.tr("&Bulan:"), self.month_combo)
        form.addRow(self.tr("&Tahun:"), self.year_spin)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.pdf_button = QPushButton(self.tr("&Pratinjau PDF…"), objectName="monthlyReportPdfButton")
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"), objectName="monthlyReportXlsxButton")
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.xlsx_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.pdf_button.setDefault(True)
        self.kind = PDF
        self.pdf_button.clicked.connect(lambda: self._choose(PDF))
        self.xlsx_button.clicked.connect(lambda: self._choose(XLSX))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self, 420, self.sizeHint().height())

    def month(self) -> Month:
        return self.year_spin.value(), self.month_combo.currentData()

    def _choose(self, kind: str) -> None:
        today = clock.today()
        if self.month() > (today.year, today.month):
            self.problem.setText(self.tr("Bulan itu belum tiba. Pilih bulan ini atau sebelumnya."))
            self.problem.show()
            self.month_combo.setFocus()
            return
        self.kind = kind
        self.accept()


def open_monthly_report(parent: QWidget, context: AppContext) -> None:
    dialog = MonthDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    month, kind = dialog.month(), dialog.kind

    def figures():
        with context.database.session() as session:
            report = monthly_report(session, context.actor, month=month)
        return report, (write_to_bytes(lambda target: write_monthly_pdf(report, target)) if kind == PDF else b"")

    report, pdf = run_busy(parent, parent.tr("Menyiapkan laporan bulanan…"), figures)
    if kind == PDF:
        show_preview(PdfPreviewDialog(title(report), {"A4": (lambda: pdf, suggested_name(report, PDF))}, parent))
    else:
        save_report(
            parent, report, XLSX, file_name=suggested_name(report, XLSX), dialog_title=parent.tr("Simpan laporan bulanan"),
            writers=(write_monthly_pdf, write_monthly_xlsx), done_title=parent.tr("Laporan bulanan"),
            done_text=parent.tr("Laporan bulanan tersimpan di {path}."),
        )
