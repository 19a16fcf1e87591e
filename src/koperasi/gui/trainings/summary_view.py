"""Laporan: people trained in a period, by programme, sex, vulnerability category or kecamatan,
on screen and saved as PDF or Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.training_papers import TrainedCount, TrainingSummary
from koperasi.gui.context import AppContext
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.loans import find_data
from koperasi.gui.loans.busy import run_busy
from koperasi.gui.messages import show_error, show_info
from koperasi.gui.trainings import count_text, make_table
from koperasi.services import regions, training_papers, trainings

BREAKDOWNS = ("Program", "Jenis kelamin", "Kategori kerentanan", "Kecamatan")


def _date_edit(name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


class _TotalModel(ListTableModel):
    """The last row, the total, in bold."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() == self.rowCount() - 1 and self.rowCount() > 1:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class SummaryView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSummaryView")
        self.context = context
        self.summary: TrainingSummary | None = None
        today = QDate.currentDate()
        self.from_edit = _date_edit("trainingSummaryFromEdit", QDate(today.year(), 1, 1))
        self.to_edit = _date_edit("trainingSummaryToEdit", today)
        self.programme_combo = QComboBox(objectName="trainingSummaryProgrammeCombo")
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kecamatan_combo = QComboBox(objectName="trainingSummaryKecamatanCombo")
        self.kecamatan_combo.addItem(self.tr("Semua kecamatan"), None)
        with context.database.session() as session:
            for item in regions.list_kecamatan(session):
                self.kecamatan_combo.addItem(item.name, item.code)
        self.refill_programmes()
        self.refresh_button = QPushButton(self.tr("Hi&tung"), objectName="trainingSummaryRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton(self.tr("Simpan &PDF…"), objectName="trainingSummaryPdfButton")
        self.pdf_button.clicked.connect(lambda: self._save("pdf"))
        self.excel_button = QPushButton(self.tr("Simpan &Excel…"), objectName="trainingSummaryExcelButton")
        self.excel_button.clicked.connect(lambda: self._save("xlsx"))
        self.total_label = QLabel(objectName="trainingSummaryTotal")
        self.total_label.setWordWrap(True)
        self.breakdown_combo = QComboBox(objectName="trainingSummaryBreakdownCombo")
        for name in BREAKDOWNS:
            self.breakdown_combo.addItem(self.tr("Menurut {name}").format(name=name.lower()), name)
        self.breakdown_combo.currentIndexChanged.connect(self._show_breakdown)
        self.model: ListTableModel[TrainedCount] = _TotalModel(self._columns(), parent=self)
        self.table = make_table("trainingSummaryTable", self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            self.table.setColumnWidth(column, 130)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("&Dari:"), buddy=self.from_edit))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("&sampai:"), buddy=self.to_edit))
        filters.addWidget(self.to_edit)
        filters.addSpacing(12)
        filters.addWidget(self.programme_combo)
        filters.addWidget(self.kecamatan_combo)
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
        note = QLabel(self.tr("Dihitung per angkatan yang sesinya jatuh dalam periode; anggota keluarga dihitung menurut kecamatan "
                              "dan kategori rumah tangganya. Satu orang dapat masuk lebih dari satu kategori."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        layout.addWidget(note)
        self._show_summary()

    def _columns(self) -> list[Column[TrainedCount]]:
        return [
            Column(self.tr("Nama"), lambda c: c.name),
            Column(self.tr("Peserta"), lambda c: count_text(c.participants), align_right=True),
            Column(self.tr("Lulus"), lambda c: count_text(c.completed), align_right=True),
            Column(self.tr("Perempuan"), lambda c: count_text(c.women), align_right=True),
            Column(self.tr("Laki-laki"), lambda c: count_text(c.men), align_right=True),
        ]

    def refill_programmes(self) -> None:
        with self.context.database.session() as session:
            programmes = trainings.list_programmes(session, self.context.actor)
        chosen = self.programme_combo.currentData()
        self.programme_combo.clear()
        self.programme_combo.addItem(self.tr("Semua program"), None)
        for programme in programmes:
            self.programme_combo.addItem(programme.data.name, programme.id)
        self.programme_combo.setCurrentIndex(max(0, find_data(self.programme_combo, chosen)))

    def ensure_loaded(self) -> None:
        if self.summary is None:
            self.refresh()

    def refresh(self) -> None:
        period_from: date = self.from_edit.date().toPython()
        period_to: date = self.to_edit.date().toPython()
        if period_to < period_from:
            show_error(self, self.tr("Laporan pelatihan"), self.tr("Tanggal akhir periode harus sesudah tanggal awal."))
            return
        programme_id, kecamatan_code = self.programme_combo.currentData(), self.kecamatan_combo.currentData()

        def work() -> TrainingSummary:
            with self.context.database.session() as session:
                return training_papers.training_summary(
                    session, self.context.actor, period_from=period_from, period_to=period_to,
                    programme_id=programme_id, kecamatan_code=kecamatan_code,
                )

        try:
            self.summary = run_busy(self, self.tr("Menghitung peserta pelatihan…"), work)
        except DomainError as error:
            show_error(self, self.tr("Laporan pelatihan"), error.message)
            return
        self._show_summary()

    def _show_summary(self) -> None:
        summary = self.summary
        for button in (self.pdf_button, self.excel_button):
            button.setEnabled(summary is not None)
        if summary is None:
            self.total_label.setText(self.tr("Pilih periode lalu tekan Hitung."))
        elif summary.total.participants == 0:
            self.total_label.setText(self.tr("Tidak ada peserta pelatihan pada {start} s.d. {end}.").format(
                start=format_date(summary.period_from), end=format_date(summary.period_to)))
        else:
            total = summary.total
            self.total_label.setText(
                self.tr("<b>{people} peserta</b> pada {start} s.d. {end}: <b>{done} lulus</b> · {women} perempuan, {men} laki-laki").format(
                    people=count_text(total.participants), start=format_date(summary.period_from), end=format_date(summary.period_to),
                    done=count_text(total.completed), women=count_text(total.women), men=count_text(total.men),
                )
            )
        self._show_breakdown()

    def _show_breakdown(self) -> None:
        summary = self.summary
        rows = list(summary.breakdowns.get(self.breakdown_combo.currentData(), ())) if summary else []
        if summary is not None and rows:
            rows.append(summary.total)
        self.model.set_rows(rows)

    def _save(self, kind: str) -> Path | None:
        summary = self.summary
        if summary is None:
            return None
        from koperasi.reports.training_reports import write_training_summary_pdf, write_training_summary_xlsx

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"peserta-pelatihan-{summary.period_from:%Y-%m-%d}-{summary.period_to:%Y-%m-%d}.{kind}")
        file_filter = "PDF (*.pdf)" if kind == "pdf" else "Excel (*.xlsx)"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan laporan pelatihan"), suggested, file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        writer = write_training_summary_pdf if kind == "pdf" else write_training_summary_xlsx
        try:
            run_busy(self, self.tr("Menyimpan laporan…"), lambda: writer(summary, path))
        except OSError as error:
            show_error(self, self.tr("Simpan"), self.tr("Berkas tidak dapat disimpan di {path}: {reason}").format(
                path=path, reason=error.strerror))
            return None
        show_info(self, self.tr("Laporan pelatihan"), self.tr("Laporan pelatihan tersimpan di {path}.").format(path=path))
        return path
