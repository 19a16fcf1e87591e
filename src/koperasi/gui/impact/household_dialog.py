"""Data rumah tangga: a member's baseline and every later measurement, oldest first, and a new one.

Opened from the member's detail (Anggota) by users who may see household figures; opening it is
audited by the service, since income and debts are personal. The figures are columns; the words of a
measurement (livelihoods, officer, notes) show under the list for the selected row, so the list fits a
1024-pixel screen without scrolling sideways.
"""

from __future__ import annotations

import uuid
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.impact.papers import HouseholdHistory, RecordedMeasurement
from koperasi.domain.money import format_rupiah
from koperasi.domain.roles import Permission
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.impact.visit_dialog import VisitDialog
from koperasi.gui.list_model import Column
from koperasi.gui.messages import show_error
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.gui.tables import TipTableModel, make_table, selected_row
from koperasi.services.impact import households


def _income(row: RecordedMeasurement) -> str:
    return format_rupiah(row.data.monthly_income) + (" (perkiraan)" if row.data.income_estimated else "")


def _in_school(row: RecordedMeasurement) -> str:
    children = row.data.school_age_children
    return f"{row.data.children_in_school} dari {children}" if children else "—"


class HouseholdDialog(QDialog):
    def __init__(self, context: AppContext, member_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdDialog")
        self.context, self.member_id = context, member_id
        self.heading = QLabel(objectName="householdHeading")
        self.heading.setWordWrap(True)
        self.model = TipTableModel([
            Column(self.tr("Tanggal"), lambda r: format_date(r.data.measured_on)),
            Column(self.tr("Pendapatan/bulan"), _income, align_right=True),
            Column(self.tr("Orang"), lambda r: str(r.data.household_size), align_right=True),
            Column(self.tr("Usaha"), lambda r: r.data.business_status.label),
            Column(self.tr("Lahan (m²)"), lambda r: "—" if r.data.land_m2 is None else f"{r.data.land_m2:,}".replace(",", "."),
                   align_right=True),
            Column(self.tr("Utang rentenir"), lambda r: format_rupiah(r.data.moneylender_amount) if r.data.moneylender_debt else "—",
                   align_right=True),
            Column(self.tr("Anak sekolah"), _in_school,
                   tip=self.tr("Anak umur 7–18 tahun yang bersekolah, dari semua anak umur 7–18 di rumah tangga")),
            Column(self.tr("Usaha perempuan"), lambda r: "Ya" if r.data.woman_business else "Tidak",
                   tip=self.tr("Perempuan di rumah tangga ini menjalankan usaha sendiri")),
        ], parent=self)
        self.table = make_table("householdMeasurementsTable", self.model)
        self.row_words = QLabel(objectName="householdRowWords")
        self.row_words.setWordWrap(True)
        self.empty_note = EmptyListNote(self.table, "householdEmptyNote")
        self.add_button = QPushButton(self.tr("&Catat data baru…"), objectName="householdAddButton")
        self.add_button.setToolTip(self.tr("Data awal saat pendaftaran, atau hasil kunjungan pendampingan; "
                                           "data lama tidak pernah diubah"))
        self.add_button.setVisible(context.actor.can(Permission.RECORD_VISITS))
        self.add_button.clicked.connect(self._add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_words)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._show_words)
        self.setWindowTitle(self.tr("Data rumah tangga"))
        self.loaded = self.reload()
        header = self.table.horizontalHeader()
        needed = sum(header.sectionSize(column) for column in range(header.count())) + 60
        fit_to_screen(self, max(900, needed), 460)

    def reload(self) -> bool:
        try:
            with self.context.database.session() as session:
                history = households.household_history(session, self.context.actor, self.member_id)
        except DomainError as error:
            show_error(self, self.tr("Data rumah tangga"), error.message)
            return False
        self.model.set_rows(history.measurements)
        fit_columns(self.table, 7)
        if history.measurements:  # the newest: what a visit compares with
            self.table.selectRow(len(history.measurements) - 1)
        self._show_words()
        self.heading.setText(self._heading(history))
        self.empty_note.show_text("" if history.measurements else self.tr(
            "Belum ada data rumah tangga. Catat data awal sekarang (Alt+C), atau cetak lembar kunjungan di tab Dampak."))
        return True

    def _show_words(self) -> None:
        row: RecordedMeasurement | None = selected_row(self.table)
        if row is None:
            self.row_words.clear()
            return
        words = [(self.tr("Mata pencaharian"), row.data.livelihoods or "—"), (self.tr("Petugas"), row.officer or "—"),
                 (self.tr("Catatan"), " ".join(row.data.notes.split()) or "—")]
        self.row_words.setText(f"<b>{escape(format_date(row.data.measured_on))}</b> · " + " · ".join(
            f"{escape(label)}: {escape(text)}" for label, text in words))

    def _heading(self, history: HouseholdHistory) -> str:
        text = self.tr("<b>{name}</b> ({number})").format(name=history.full_name, number=history.number)
        if history.baseline and history.latest:
            change = history.latest.data.monthly_income - history.baseline.data.monthly_income
            text += self.tr(" · pendapatan sejak data awal: {sign}{amount}").format(
                sign="+" if change >= 0 else "−", amount=format_rupiah(abs(change)))
        return text + self.tr("<br/>Baris pertama adalah data awal; setiap kunjungan menambah baris baru.")

    def _add(self) -> None:
        dialog = VisitDialog(self.context, member_id=self.member_id, parent=self)
        dialog.exec()
        if dialog.saved_count:
            self.reload()
