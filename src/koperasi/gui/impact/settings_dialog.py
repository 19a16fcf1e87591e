"""Garis kemiskinan dan jadwal kunjungan: the BPS poverty line the office enters (dated, rural and urban)
and the follow-up visit intervals (office settings). Closing it with a line or a schedule typed and not
yet saved asks Simpan / Buang perubahan / Kembali (gui/unsaved_changes)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.impact.settings import VISIT_EVERY_MONTHS_DURING_LOAN, VISIT_MONTHS_AFTER_TRAINING
from koperasi.domain.money import format_rupiah
from koperasi.gui.context import AppContext
from koperasi.gui.date_field import date_edit
from koperasi.gui.list_model import Column
from koperasi.gui.messages import set_inline_error
from koperasi.gui.money_edit import MoneyEdit
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.gui.tables import TipTableModel, make_table
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.services.impact import poverty
from koperasi.services.office import settings


class ImpactSettingsDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("impactSettingsDialog")
        self.setWindowTitle(self.tr("Garis kemiskinan dan jadwal kunjungan"))
        self.context = context
        self.model = TipTableModel([
            Column(self.tr("Berlaku mulai"), lambda line: format_date(line.valid_from)),
            Column(self.tr("Wilayah"), lambda line: poverty.AREAS[line.area]),
            Column(self.tr("Per orang per bulan"), lambda line: format_rupiah(line.amount), align_right=True),
        ], parent=self)
        self.table = make_table("povertyLinesTable", self.model)
        self.valid_edit = date_edit("povertyValidEdit")
        self.area_combo = QComboBox(objectName="povertyAreaCombo")
        for area, label in poverty.AREAS.items():
            self.area_combo.addItem(label, area)
        self.amount_edit = MoneyEdit(objectName="povertyAmountEdit")
        self.amount_edit.setMinimumWidth(self.amount_edit.fontMetrics().horizontalAdvance("0" * 12))
        self.add_button = QPushButton(self.tr("&Catat garis"), objectName="povertyAddButton")
        self.add_button.clicked.connect(self._add_line)
        entry = QHBoxLayout()
        for label, widget in ((self.tr("&Mulai:"), self.valid_edit), (self.tr("&Wilayah:"), self.area_combo),
                              (self.tr("&Rupiah:"), self.amount_edit)):
            entry.addWidget(QLabel(label, buddy=widget))
            entry.addWidget(widget)
        entry.addWidget(self.add_button)
        lines_box = QGroupBox(self.tr("Garis kemiskinan BPS provinsi (per orang per bulan)"))
        lines_layout = QVBoxLayout(lines_box)
        hint = QLabel(self.tr("Isi angka terbaru dari BPS provinsi dengan tanggal mulai berlakunya; angka lama tetap "
                              "tersimpan. Desa memakai garis perdesaan, kelurahan garis perkotaan."))
        hint.setWordWrap(True)
        lines_layout.addWidget(hint)
        lines_layout.addWidget(self.table, 1)
        lines_layout.addLayout(entry)
        self.loan_spin = QSpinBox(objectName="visitLoanMonthsSpin")
        self.loan_spin.setRange(1, 24)
        self.loan_spin.setSuffix(self.tr(" bulan"))
        self.training_edit = QLineEdit(objectName="visitTrainingMonthsEdit")
        self.training_edit.setToolTip(self.tr("Bulan setelah sertifikat, dipisah koma, misalnya 6, 12"))
        schedule_box = QGroupBox(self.tr("Jadwal kunjungan pendampingan"))
        form = QFormLayout(schedule_box)
        form.addRow(self.tr("Selama pinjaman, &setiap:"), self.loan_spin)
        form.addRow(self.tr("Setelah pelatihan, bulan &ke-:"), self.training_edit)
        self.save_schedule = QPushButton(self.tr("Simpan &jadwal"), objectName="visitScheduleSaveButton")
        self.save_schedule.clicked.connect(self._save_schedule)
        form.addRow("", self.save_schedule)
        self.error_label = QLabel(objectName="impactSettingsError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(lines_box, 1)
        layout.addWidget(schedule_box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._load()
        fit_to_screen(self, 640, 520)

    def _load(self) -> None:
        self._load_lines()
        self._load_schedule()

    def _load_lines(self) -> None:
        with self.context.database.session() as session:
            self.model.set_rows(poverty.poverty_lines(session, self.context.actor))
        self.table.resizeColumnsToContents()

    def _load_schedule(self) -> None:
        with self.context.database.session() as session:
            loan, self._loan_version = settings.read_setting(session, self.context.actor, VISIT_EVERY_MONTHS_DURING_LOAN)
            training, self._training_version = settings.read_setting(session, self.context.actor, VISIT_MONTHS_AFTER_TRAINING)
        self.loan_spin.setValue(loan)
        self.training_edit.setText(training)
        self._saved_schedule = (loan, training)

    def save_before_closing(self) -> bool:
        if self.amount_edit.text().strip() and not self._add_line():
            return False
        if (self.loan_spin.value(), self.training_edit.text().strip()) != self._saved_schedule and not self._save_schedule():
            return False
        self.accept()
        return True

    def _add_line(self) -> bool:
        try:
            with self.context.database.session() as session:
                poverty.set_poverty_line(session, self.context.actor, valid_from=self.valid_edit.checked_date("valid_from"),
                                         area=self.area_combo.currentData(), amount=self.amount_edit.checked_value())
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            return False
        set_inline_error(self.error_label, "")
        self.amount_edit.clear()
        self._load_lines()
        # Saved: the next line starts from the same date and area; a schedule typed meanwhile is still asked about.
        self.mark_clean(self.valid_edit, self.area_combo, self.amount_edit)
        return True

    def _save_schedule(self) -> bool:
        try:
            with self.context.database.session() as session:
                if self.loan_spin.value() != settings.value_of(session, VISIT_EVERY_MONTHS_DURING_LOAN):
                    settings.change_setting(session, self.context.actor, VISIT_EVERY_MONTHS_DURING_LOAN, self.loan_spin.value(),
                                            expected_version=self._loan_version)
                text = self.training_edit.text().strip()
                if text != settings.value_of(session, VISIT_MONTHS_AFTER_TRAINING):
                    settings.change_setting(session, self.context.actor, VISIT_MONTHS_AFTER_TRAINING, text,
                                            expected_version=self._training_version)
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            return False
        set_inline_error(self.error_label, self.tr("Jadwal kunjungan tersimpan."))
        self._load_schedule()
        self.mark_clean(self.loan_spin, self.training_edit)
        return True
