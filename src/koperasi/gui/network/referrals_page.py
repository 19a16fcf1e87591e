"""Rujukan: every referral (newest first) or only those waiting for news, with Catat hasil… and the letter."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError
from koperasi.domain.office.settings import REFERRAL_FOLLOW_UP_DAYS
from koperasi.domain.roles import Permission
from koperasi.gui.breakdown_view import save_excel
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.network import short_date
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, file_name_part, show_preview, write_to_bytes
from koperasi.gui.tables import TipTableModel, count_text, make_table, selected_row
from koperasi.services.network import papers, referrals
from koperasi.services.network.referrals import ReferralRow
from koperasi.services.office.settings import read_setting
from koperasi import clock


class ReferralsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkReferralsPage")
        self.context = context
        can_write = context.actor.can(Permission.WRITE_REFERRALS)
        self.waiting_only = QCheckBox(objectName="referralWaitingCheck")
        self.waiting_only.setToolTip(self.tr("Jumlah harinya diatur di Pengaturan > Jaringan (rujukan)"))
        self._show_days()
        self.waiting_only.toggled.connect(lambda: self.reload())
        self.outcome_button = QPushButton(self.tr("Catat &hasil…"), objectName="referralOutcomeButton", visible=can_write)
        self.outcome_button.clicked.connect(self._outcome)
        self.letter_button = QPushButton(self.tr("Surat &rujukan (PDF)"), objectName="referralLetterButton", visible=can_write)
        self.letter_button.setToolTip(self.tr("Surat bernomor untuk orang yang dipilih, ditandatangani ketua. Nomornya diambil sekali."))
        self.letter_button.clicked.connect(self._letter)
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"), objectName="referralXlsxButton")
        self.xlsx_button.clicked.connect(self._save_list)
        self.model: ListTableModel[ReferralRow] = TipTableModel([
            Column(self.tr("Dirujuk"), lambda r: short_date(r.referred_on)),
            Column(self.tr("Nama"), lambda r: r.person),
            Column(self.tr("No. anggota"), lambda r: r.member_number),
            Column(self.tr("Peluang"), lambda r: r.opportunity),
            Column(self.tr("Oleh"), lambda r: r.referred_by),
            Column(self.tr("Surat"), lambda r: r.letter_number),
            Column(self.tr("Hasil"), lambda r: f"{r.outcome.label}, {short_date(r.outcome_on)}" if r.outcome else "—"),
        ], parent=self)
        self.table = make_table("referralTable", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._changed)
        self.table.doubleClicked.connect(self._outcome)
        self.empty_note = EmptyListNote(self.table, "referralEmptyNote")
        self.count_label = QLabel(objectName="referralCount")
        top = QHBoxLayout()
        top.addWidget(self.waiting_only)
        top.addStretch(1)
        top.addWidget(self.outcome_button)
        top.addWidget(self.letter_button)
        top.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _show_days(self) -> None:
        with self.context.database.session() as session:
            days, _ = read_setting(session, self.context.actor, REFERRAL_FOLLOW_UP_DAYS)
        self.waiting_only.setText(self.tr("Hanya yang belum ada kabar sesudah {days} hari").format(days=days))

    def reload(self) -> None:
        self._show_days()  # the setting may have changed since (Pengaturan > Jaringan)
        chosen = selected_row(self.table)
        try:
            with self.context.database.session() as session:
                rows = referrals.referrals(session, self.context.actor, waiting_only=self.waiting_only.isChecked())
        except DomainError as error:
            show_error(self, self.tr("Rujukan"), error.message)
            return
        self.model.set_rows(rows)
        if rows:
            fit_columns(self.table, stretch=3, caps={1: 180, 4: 110})
        waiting = sum(1 for row in rows if row.outcome is None)
        self.count_label.setText(self.tr("{count} rujukan, {waiting} belum ada hasilnya").format(
            count=count_text(len(rows)), waiting=count_text(waiting)))
        self.empty_note.show_text("" if rows else (
            self.tr("Tidak ada rujukan yang menunggu kabar.") if self.waiting_only.isChecked()
            else self.tr("Belum ada rujukan. Rujuk orang dari Papan peluang → Siapa perlu tahu.")))
        row = next((i for i, r in enumerate(rows) if chosen is not None and r.id == chosen.id), 0 if rows else None)
        if row is not None:
            self.table.selectRow(row)
        self._changed()

    def _changed(self) -> None:
        row = selected_row(self.table)
        self.outcome_button.setEnabled(row is not None)
        self.letter_button.setEnabled(row is not None)

    def _outcome(self) -> None:
        from koperasi.gui.network.referral_dialogs import OutcomeDialog

        row = selected_row(self.table)
        if row is None or not self.outcome_button.isVisible():
            return
        if OutcomeDialog(self.context, row, self).exec():
            self.reload()

    def _save_list(self) -> None:
        from koperasi.services.network import exports

        waiting_only = self.waiting_only.isChecked()

        def make() -> bytes:
            with self.context.database.session() as session:
                return exports.referrals_xlsx(session, self.context.actor, waiting_only=waiting_only)

        save_excel(self, make, file_name=f"rujukan-{clock.today():%Y-%m-%d}.xlsx", dialog_title=self.tr("Simpan daftar rujukan"),
                   done_title=self.tr("Rujukan"), done_text=self.tr("Daftar rujukan tersimpan di {path}."))

    def _letter(self) -> None:
        from koperasi.reports.network.opportunity_papers import write_referral_letter

        row = selected_row(self.table)
        if row is None:
            return
        try:
            with self.context.database.session() as session:
                letter = papers.referral_letter(session, self.context.actor, row.id)
        except DomainError as error:
            show_error(self, self.tr("Surat rujukan"), error.message)
            return
        self.reload()  # the letter's number shows in the list
        show_preview(PdfPreviewDialog(
            self.tr("Surat rujukan {number}").format(number=letter.number),
            {self.tr("A4"): (lambda: write_to_bytes(lambda out: write_referral_letter(letter, out)),
                             f"surat-rujukan-{file_name_part(letter.number, 'rujukan')}.pdf")},
            self,
        ))
