"""Laporan: people trained in a period, by programme, sex, vulnerability category or kecamatan,
on screen and saved as PDF or Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.trainings.papers import TrainedCount, TrainingSummary
from koperasi.gui.breakdown_view import (TotalModel, breakdown_combo, breakdown_rows, chosen_period, lay_out_period_report,
                                         save_buttons, save_report, total_table)
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import DateField
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.combos import find_data
from koperasi.gui.busy import run_busy
from koperasi.gui.messages import show_error
from koperasi.gui.screen_fit import narrow_combo
from koperasi.gui.tables import count_text
from koperasi.services.office import regions
from koperasi.services.trainings import papers as training_papers
from koperasi.services.trainings import programmes as trainings
from koperasi import clock

BREAKDOWNS = ("Program", "Jenis kelamin", "Kategori kerentanan", "Kecamatan")


def _date_edit(name: str, day: QDate) -> DateField:
    return DateField(objectName=name, day=day)


class SummaryView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingSummaryView")
        self.context = context
        self.summary: TrainingSummary | None = None
        today = QDate(clock.today())
        self.from_edit = _date_edit("trainingSummaryFromEdit", QDate(today.year(), 1, 1))
        self.to_edit = _date_edit("trainingSummaryToEdit", today)
        self.programme_combo = QComboBox(objectName="trainingSummaryProgrammeCombo")
        narrow_combo(self.programme_combo, 20)
        self.kecamatan_combo = QComboBox(objectName="trainingSummaryKecamatanCombo")
        self.kecamatan_combo.addItem(self.tr("Semua kecamatan"), None)
        with context.database.session() as session:
            for item in regions.list_kecamatan(session):
                self.kecamatan_combo.addItem(item.name, item.code)
        self.refill_programmes()
        self.refresh_button = QPushButton(self.tr("Hi&tung"), objectName="trainingSummaryRefreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button, self.excel_button = save_buttons(self, "trainingSummary", lambda kind: self._save(kind))
        self.total_label = QLabel(objectName="trainingSummaryTotal")
        self.total_label.setWordWrap(True)
        self.breakdown_combo = breakdown_combo(self, "trainingSummaryBreakdownCombo", BREAKDOWNS, self._show_breakdown)
        self.model: ListTableModel[TrainedCount] = TotalModel(self._columns(), parent=self)
        self.table = total_table("trainingSummaryTable", self.model)
        for column in range(1, 5):
            self.table.setColumnWidth(column, 130)

        lay_out_period_report(
            self, from_edit=self.from_edit, to_edit=self.to_edit, extra_filters=(self.programme_combo, self.kecamatan_combo),
            refresh_button=self.refresh_button, save_buttons=(self.pdf_button, self.excel_button),
            total_label=self.total_label, breakdown_combo=self.breakdown_combo, table=self.table,
            note=self.tr("Dihitung per angkatan yang sesinya jatuh dalam periode; anggota keluarga dihitung menurut kecamatan "
                         "dan kategori rumah tangganya. Satu orang dapat masuk lebih dari satu kategori."),
        )
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
        period = chosen_period(self, self.from_edit, self.to_edit, self.tr("Laporan pelatihan"))
        if period is None:
            return
        period_from, period_to = period
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
        self.model.set_rows(breakdown_rows(self.summary, self.breakdown_combo.currentData()))

    def _save(self, kind: str) -> Path | None:
        summary = self.summary
        if summary is None:
            return None
        from koperasi.reports.trainings.summaries import write_training_summary_pdf, write_training_summary_xlsx

        return save_report(
            self, summary, kind,
            file_name=f"peserta-pelatihan-{summary.period_from:%Y-%m-%d}-{summary.period_to:%Y-%m-%d}.{kind}",
            dialog_title=self.tr("Simpan laporan pelatihan"),
            writers=(write_training_summary_pdf, write_training_summary_xlsx),
            done_title=self.tr("Laporan pelatihan"),
            done_text=self.tr("Laporan pelatihan tersimpan di {path}."),
        )
