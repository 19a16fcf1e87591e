"""Tunggakan: ageing buckets and PAR30 as of a day, a breakdown by area, group, product or
fund, the late loans worst first, and the report as PDF or Excel."""

from __future__ import annotations

from datetime import date


from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.loans.papers import ArrearsLine, ArrearsReport, PortfolioShare
from koperasi.domain.money import format_rupiah, percent
from koperasi.gui.breakdown_view import breakdown_combo, breakdown_rows, save_buttons, save_report
from koperasi.gui import glossary
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.busy import run_busy
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import show_error
from koperasi.services.loans import arrears
from koperasi import clock

BREAKDOWNS = ("Kecamatan", "Desa", "Kelompok", "Produk", "Sumber dana")


class ArrearsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("arrearsView")
        self.context = context
        self.report: ArrearsReport | None = None
        self.date_edit = DateField(objectName="arrearsDateEdit", day=clock.today())
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.refresh_button = QPushButton(self.tr("&Hitung"))
        self.refresh_button.setObjectName("arrearsRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button, self.excel_button = save_buttons(self, "arrears", lambda kind: self._save(kind))
        self.par_label = QLabel()
        self.par_label.setObjectName("arrearsPar")
        self.par_label.setToolTip(glossary.par30())
        self.par_label.setWordWrap(True)  # the PAR sentence is long: two lines rather than a window wider than 1024 px
        self.breakdown_combo = breakdown_combo(self, "arrearsBreakdownCombo", BREAKDOWNS, self._show_breakdown)

        self.bucket_model: ListTableModel[PortfolioShare] = ListTableModel(
            self._share_columns(self.tr("Umur tunggakan"), portion=True, first_tip=glossary.ageing()), parent=self
        )
        self.breakdown_model: ListTableModel[PortfolioShare] = ListTableModel(self._share_columns(self.tr("Nama"), portion=False), parent=self)
        self.late_model: ListTableModel[ArrearsLine] = ListTableModel(self._late_columns(), parent=self)
        self.bucket_table = self._table("arrearsBucketTable", self.bucket_model, (150, 80, 150))
        self.breakdown_table = self._table("arrearsBreakdownTable", self.breakdown_model, (220, 80, 150, 170))
        self.late_table = self._table("arrearsLateTable", self.late_model, (150, 200, 120, 150, 120, 120, 60, 110))
        self.late_title = QLabel()
        self.late_title.setObjectName("arrearsLateTitle")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Per tanggal:"), buddy=self.date_edit))
        top.addWidget(self.date_edit)
        top.addWidget(self.refresh_button)
        top.addSpacing(16)
        top.addWidget(self.par_label, 1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.excel_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        ageing_title = QLabel(self.tr("<b>Umur tunggakan</b>"))
        ageing_title.setToolTip(glossary.ageing())
        left_layout.addWidget(ageing_title)
        left_layout.addWidget(self.bucket_table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.breakdown_combo)
        right_layout.addWidget(self.breakdown_table)
        upper = QSplitter()
        upper.addWidget(left)
        upper.addWidget(right)
        upper.setSizes([420, 640])
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.late_title)
        lower_layout.addWidget(self.late_table)
        body = QSplitter()
        body.setOrientation(Qt.Orientation.Vertical)
        body.addWidget(upper)
        body.addWidget(lower)
        body.setSizes([260, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        self._show_report()

    def _share_columns(self, first: str, *, portion: bool, first_tip: str = "") -> list[Column[PortfolioShare]]:
        columns = [
            Column(first, lambda s: s.name, tip=first_tip),
            Column(self.tr("Pinjaman"), lambda s: f"{s.loans:,}".replace(",", "."), align_right=True),
            Column(self.tr("Sisa pokok"), lambda s: format_rupiah(s.outstanding), align_right=True, tip=glossary.outstanding()),
        ]
        if portion:
            columns.append(Column(self.tr("Porsi"), lambda s: percent(self._portion(s)), align_right=True))
        else:
            columns.append(Column(self.tr("Berisiko"), lambda s: format_rupiah(s.at_risk_30), align_right=True, tip=glossary.at_risk_30()))
            columns.append(Column(self.tr("PAR30"), lambda s: percent(s.par30), align_right=True, tip=glossary.par30()))
        return columns

    def _portion(self, share: PortfolioShare) -> float:
        total = self.report.total.outstanding if self.report else 0
        return share.outstanding / total if total else 0.0

    def _late_columns(self) -> list[Column[ArrearsLine]]:
        return [
            Column(self.tr("Pinjaman"), lambda line: line.loan_number),
            Column(self.tr("Anggota"), lambda line: f"{line.member_name} ({line.member_number})"),
            Column(self.tr("Desa"), lambda line: line.desa),
            Column(self.tr("Kelompok"), lambda line: line.group or "—"),
            Column(self.tr("Sisa pokok"), lambda line: format_rupiah(line.outstanding), align_right=True, tip=glossary.outstanding()),
            Column(self.tr("Tunggakan"), lambda line: format_rupiah(line.arrears), align_right=True, tip=glossary.arrears()),
            Column(self.tr("Hari"), lambda line: str(line.days_past_due), align_right=True, tip=glossary.days_late()),
            Column(self.tr("Umur"), lambda line: line.bucket, tip=glossary.ageing()),
            Column(self.tr("Kolektibilitas"), lambda line: line.collectibility, tip=glossary.collectibility()),
        ]

    def _table(self, name: str, model: ListTableModel, widths: tuple[int, ...]) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def show_as_of(self, day: date) -> None:
        """The arrears as of a past day (today at the latest): what a month on a Beranda chart stands for."""
        self.date_edit.setDate(QDate(min(day, clock.today())))
        self.refresh()

    def ensure_loaded(self) -> None:
        if self.report is None:
            self.refresh()

    def refresh(self) -> None:
        if not self.date_edit.is_valid():
            show_error(self, self.tr("Tunggakan"), self.date_edit.error())
            return
        as_of = self.date_edit.date().toPython()

        def work() -> ArrearsReport:
            with self.context.database.session() as session:
                return arrears.arrears_report(session, self.context.actor, as_of=as_of)

        try:
            self.report = run_busy(self, self.tr("Menghitung tunggakan…"), work)
        except DomainError as error:
            show_error(self, self.tr("Tunggakan"), error.message)
            return
        self._show_report()

    def _show_report(self) -> None:
        report = self.report
        self.bucket_model.set_rows([*report.buckets, report.total] if report else [])
        self._show_breakdown()
        self.late_model.set_rows(report.late_loans if report else [])
        if report is not None:  # every column in sight on 1024 px: sized to the rows, the names share the rest
            fit_columns(self.bucket_table, 0)
            fit_columns(self.late_table, 1, {2: 160, 3: 160})
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(report is not None)
        if report is None:
            self.par_label.setText(self.tr("Pilih tanggal lalu tekan Hitung."))
            self.late_title.setText(f"<b>{self.tr('Pinjaman yang terlambat')}</b>")
            return
        total = report.total
        self.par_label.setText(
            self.tr("<b>PAR30 {par}</b> · berisiko {risk} dari {outstanding} ({loans} pinjaman)").format(
                par=percent(total.par30), risk=format_rupiah(total.at_risk_30), outstanding=format_rupiah(total.outstanding),
                loans=f"{total.loans:,}".replace(",", "."),
            )
        )
        late = len(report.late_loans)
        restructured = sum(line.restructured for line in report.late_loans)
        if restructured:
            title = self.tr("<b>Pinjaman yang terlambat atau direstrukturisasi per {day}: {count}</b> ({restructured} direstrukturisasi, belum pulih)")
        elif late:
            title = self.tr("<b>Pinjaman yang terlambat per {day}: {count}</b>")
        else:
            title = self.tr("<b>Tidak ada pinjaman yang terlambat per {day}.</b>")
        self.late_title.setText(title.format(day=format_date(report.as_of), count=late, restructured=restructured))

    def _show_breakdown(self) -> None:
        self.breakdown_model.set_rows(breakdown_rows(self.report, self.breakdown_combo.currentData()))
        if self.report is not None:
            fit_columns(self.breakdown_table, 0)

    def _save(self, kind: str) -> Path | None:
        report = self.report
        if report is None:
            return None
        from koperasi.reports.loans.arrears import write_arrears_pdf, write_arrears_xlsx

        return save_report(
            self, report, kind,
            file_name=f"tunggakan-{report.as_of:%Y-%m-%d}.{kind}",
            dialog_title=self.tr("Simpan laporan tunggakan"),
            writers=(write_arrears_pdf, write_arrears_xlsx),
            done_title=self.tr("Tunggakan"),
            done_text=self.tr("Laporan tunggakan tersimpan di {path}."),
        )
