"""Laporan: the network report for a period (PDF or Excel) with its headline figures on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError
from koperasi.gui.breakdown_view import save_report
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.messages import show_error
from koperasi.services.network.report import network_report
from koperasi import clock


class ReportPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkReportPage")
        self.context = context
        today = clock.today()
        self.period_from = DateField(day=date(today.year, 1, 1), subject=self.tr("Awal periode"), objectName="networkReportFrom")
        self.period_to = DateField(day=today, subject=self.tr("Akhir periode"), objectName="networkReportTo")
        show = QPushButton(self.tr("&Tampilkan"), objectName="networkReportShowButton")
        show.clicked.connect(self.refresh)
        pdf = QPushButton(self.tr("Simpan &PDF…"), objectName="networkReportPdfButton")
        pdf.clicked.connect(lambda: self._save("pdf"))
        xlsx = QPushButton(self.tr("Simpan &Excel…"), objectName="networkReportXlsxButton")
        xlsx.clicked.connect(lambda: self._save("xlsx"))
        self.summary = QLabel(objectName="networkReportSummary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Dari:"), buddy=self.period_from))
        top.addWidget(self.period_from)
        top.addWidget(QLabel(self.tr("&sampai:"), buddy=self.period_to))
        top.addWidget(self.period_to)
        for button in (show, pdf, xlsx):
            top.addWidget(button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.report = None

    def _read(self):
        start, end = self.period_from.date(), self.period_to.date()
        if not start.isValid() or not end.isValid():
            show_error(self, self.tr("Laporan jaringan"), self.period_from.error() or self.period_to.error())
            return None
        try:
            with self.context.database.session() as session:
                return network_report(session, self.context.actor, period_from=start.toPython(), period_to=end.toPython())
        except DomainError as error:
            show_error(self, self.tr("Laporan jaringan"), error.message)
            return None

    def refresh(self) -> None:
        self.report = report = self._read()
        if report is None:
            return
        meetings = sum(m.meetings for m in report.meetings)
        members = sum(m.members for m in report.meetings)
        guests = sum(m.guests for m in report.meetings)
        total = report.total
        accepted = total.by_outcome[1]
        self.summary.setText(self.tr(
            "<p><b>{meetings} pertemuan</b> di {desa} desa, dihadiri {members} kali oleh anggota dan {guests} tamu.</p>"
            "<p><b>{referred} rujukan</b>: {accepted} diterima, {waiting} belum ada hasilnya.</p>"
            "<p style='color:#666'>Rincian menurut desa dan bulan, jenis peluang, kategori dan jenis kelamin ada di PDF dan Excel.</p>"
        ).format(meetings=meetings, desa=len({m.desa for m in report.meetings}), members=members, guests=guests,
                 referred=total.referred, accepted=accepted, waiting=total.waiting))

    def _save(self, kind: str) -> None:
        from koperasi.reports.network.report import write_network_pdf, write_network_xlsx

        report = self._read()
        if report is None:
            return
        save_report(self, report, kind, file_name=f"laporan-jaringan-{report.period_from:%Y-%m-%d}-{report.period_to:%Y-%m-%d}.{kind}",
                    dialog_title=self.tr("Simpan laporan jaringan"), writers=(write_network_pdf, write_network_xlsx),
                    done_title=self.tr("Laporan jaringan"), done_text=self.tr("Laporan jaringan tersimpan di {path}."))
