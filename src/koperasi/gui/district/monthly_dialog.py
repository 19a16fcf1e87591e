"""Laporan bulanan… in mode kabupaten: the month (those the offices' packets carry), the whole kabupaten, one
office or one kecamatan's offices; then the office's own paper (preview the PDF, or save the workbook), added up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QWidget

from koperasi.domain.errors import DomainError
from koperasi.domain.months import Month, month_name
from koperasi.gui.breakdown_view import save_report
from koperasi.gui.busy import run_busy
from koperasi.gui.context import AppContext
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, show_preview, write_to_bytes
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.reports.monthly.report import suggested_name, title, write_monthly_pdf, write_monthly_xlsx
from koperasi.services.district.monthly import DistrictMonthly, district_monthly, months_held
from koperasi.services.district.receiving import list_offices

PDF, XLSX = "pdf", "xlsx"


class DistrictMonthlyDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *, kecamatan: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtMonthlyDialog")
        self.setWindowTitle(self.tr("Laporan bulanan kabupaten"))
        self.context = context
        with context.database.session() as session:
            months = months_held(session, context.actor)
            offices = list_offices(session, context.actor)
        self.month_combo = QComboBox(objectName="districtMonthlyMonth")
        for month in months:
            self.month_combo.addItem(month_name(month), month)
        self.office_combo = QComboBox(objectName="districtMonthlyOffice")
        self.office_combo.addItem(self.tr("Semua kantor"), None)
        for office in offices:
            self.office_combo.addItem(office.label, office.id)
        self.kecamatan_combo = QComboBox(objectName="districtMonthlyKecamatan")
        self.kecamatan_combo.addItem(self.tr("Semua kecamatan"), None)
        for name in sorted({office.kecamatan for office in offices if office.kecamatan}):
            self.kecamatan_combo.addItem(name, name)
        if kecamatan is not None:
            self.kecamatan_combo.setCurrentIndex(max(0, self.kecamatan_combo.findData(kecamatan)))
        self.office_combo.currentIndexChanged.connect(lambda _: self.kecamatan_combo.setEnabled(self.office() is None))
        self.problem = QLabel(objectName="districtMonthlyProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #B3261E")
        self.problem.setVisible(not months)
        self.problem.setText(self.tr("Belum ada paket kantor yang membawa laporan bulanan. Paket dari program versi lama "
                                     "(format 1) tidak membawanya: minta kantor memperbarui programnya lalu mengirim ulang."))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Laporan bulanan kantor-kantor yang dijumlahkan, dari laporan bulanan yang dibawa paket "
                                   "terbaru tiap kantor (bulan yang baru lewat saat paket dikirim)."), wordWrap=True))
        for label, combo in ((self.tr("&Bulan:"), self.month_combo), (self.tr("&Kantor:"), self.office_combo),
                             (self.tr("K&ecamatan kantor:"), self.kecamatan_combo)):
            form.addRow(label, combo)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.pdf_button = QPushButton(self.tr("&Pratinjau PDF…"), objectName="districtMonthlyPdfButton")
        self.xlsx_button = QPushButton(self.tr("Simpan E&xcel…"), objectName="districtMonthlyXlsxButton")
        for button in (self.pdf_button, self.xlsx_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
            button.setEnabled(bool(months))
        self.pdf_button.setDefault(True)
        self.kind = PDF
        self.pdf_button.clicked.connect(lambda: self._choose(PDF))
        self.xlsx_button.clicked.connect(lambda: self._choose(XLSX))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_to_screen(self, 460, self.sizeHint().height())

    def month(self) -> Month:
        return self.month_combo.currentData()

    def office(self):
        return self.office_combo.currentData()

    def kecamatan(self) -> str | None:
        return self.kecamatan_combo.currentData() if self.office() is None else None

    def _choose(self, kind: str) -> None:
        self.kind = kind
        self.accept()


def open_district_monthly(parent: QWidget, context: AppContext, *, kecamatan: str | None = None) -> DistrictMonthly | None:
    dialog = DistrictMonthlyDialog(context, parent, kecamatan=kecamatan)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    month, office, chosen, kind = dialog.month(), dialog.office(), dialog.kecamatan(), dialog.kind

    def figures():
        with context.database.session() as session:
            made = district_monthly(session, context.actor, month=month, office_id=office, kecamatan=chosen)
        return made, (write_to_bytes(lambda target: write_monthly_pdf(made.report, target)) if kind == PDF else b"")

    try:
        made, pdf = run_busy(parent, parent.tr("Menyiapkan laporan bulanan kabupaten…"), figures)
    except DomainError as error:
        show_error(parent, parent.tr("Laporan bulanan kabupaten"), error.message)
        return None
    report = made.report
    if kind == PDF:
        show_preview(PdfPreviewDialog(title(report), {"A4": (lambda: pdf, suggested_name(report, PDF))}, parent))
    else:
        save_report(
            parent, report, XLSX, file_name=suggested_name(report, XLSX), dialog_title=parent.tr("Simpan laporan bulanan"),
            writers=(write_monthly_pdf, write_monthly_xlsx), done_title=parent.tr("Laporan bulanan"),
            done_text=parent.tr("Laporan bulanan tersimpan di {path}."),
        )
    return made
