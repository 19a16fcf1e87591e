"""Papan peluang: the opportunities (open ones first), the selected one's particulars and referrals, and what
can be done with it: who should hear of it, the notice to print, the WhatsApp text to paste."""

from __future__ import annotations

import uuid
from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date, format_date_long
from koperasi.domain.errors import DomainError
from koperasi.domain.network.opportunities import cost_text
from koperasi.domain.roles import Permission
from koperasi.gui.breakdown_view import save_excel
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.flow_layout import FlowLayout
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.network import short_date
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, file_name_part, show_preview, write_to_bytes
from koperasi.gui.status import announce
from koperasi.gui.tables import TipTableModel, count_text, make_table
from koperasi.services.network import opportunities, papers, referrals
from koperasi.services.network.opportunities import OpportunityRow, OpportunityView
from koperasi.services.network.referrals import ReferralRow
from koperasi import clock


class OpportunitiesPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkOpportunitiesPage")
        self.context = context
        self.view: OpportunityView | None = None
        can_publish = context.actor.can(Permission.PUBLISH_OPPORTUNITIES)
        self.open_only = QCheckBox(self.tr("Hanya yang masih &dibuka"), objectName="opportunityOpenOnlyCheck", checked=True)
        self.open_only.toggled.connect(lambda: self.reload())
        self.new_button = self._button("opportunityNewButton", self.tr("Peluang &baru…"), self._new, can_publish)
        self.edit_button = self._button("opportunityEditButton", self.tr("&Ubah / tutup…"), self._edit, can_publish)
        self.eligible_button = self._button("opportunityEligibleButton", self.tr("&Siapa perlu tahu…"), self._eligible, True)
        self.notice_button = self._button("opportunityNoticeButton", self.tr("&Pengumuman (PDF)"), self._notice, True)
        self.whatsapp_button = self._button("opportunityWhatsAppButton", self.tr("Salin teks &WhatsApp"), self._copy_text, True)
        self.whatsapp_button.setToolTip(self.tr("Menyalin pengumuman singkat ke papan klip untuk ditempel di grup WhatsApp. "
                                                "Program ini tidak mengirim apa pun lewat internet."))
        self.xlsx_button = self._button("opportunityXlsxButton", self.tr("Simpan &Excel…"), self._save_list, True)
        self.xlsx_button.setToolTip(self.tr("Daftar peluang yang tampil, untuk diolah di Excel"))
        self.model: ListTableModel[OpportunityRow] = TipTableModel([
            Column(self.tr("Jenis"), lambda o: o.kind.label, muted=self._muted),
            Column(self.tr("Judul"), lambda o: o.title, muted=self._muted),
            Column(self.tr("Tempat"), lambda o: o.where, muted=self._muted),
            Column(self.tr("Batas"), lambda o: short_date(o.deadline) if o.deadline else "—", muted=self._muted),
            Column(self.tr("Rujukan"), lambda o: str(o.referrals) if o.referrals else "", align_right=True, muted=self._muted),
            Column(self.tr("Status"), self._status, muted=self._muted),
        ], parent=self)
        self.table = make_table("opportunityTable", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(self._eligible)
        self.empty_note = EmptyListNote(self.table, "opportunityEmptyNote")
        self.count_label = QLabel(objectName="opportunityCount")
        self.detail = QLabel(objectName="opportunityDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addStretch(1)
        actions = FlowLayout()
        for button in (self.new_button, self.edit_button, self.eligible_button, self.notice_button, self.whatsapp_button, self.xlsx_button):
            actions.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(objectName="opportunitySplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setSizes([7_000, 4_000])  # the board's six columns whole at 1024 px; the detail wraps
        QVBoxLayout(self).addWidget(splitter)

    def _button(self, name: str, text: str, slot, visible: bool) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        button.setVisible(visible)
        return button

    def _muted(self, row: OpportunityRow) -> bool:
        return not row.open_on(clock.today())

    def _status(self, row: OpportunityRow) -> str:
        if row.closed:
            return self.tr("Ditutup")
        return self.tr("Dibuka") if row.open_on(clock.today()) else self.tr("Lewat batas")

    def reload(self, select: uuid.UUID | None = None) -> None:
        if select is None and self.view is not None:
            select = self.view.id
        try:
            with self.context.database.session() as session:
                rows = opportunities.list_opportunities(session, self.context.actor, open_only=self.open_only.isChecked())
        except DomainError as error:
            show_error(self, self.tr("Papan peluang"), error.message)
            return
        self.model.set_rows(rows)
        fit_columns(self.table, stretch=1, caps={0: 110, 2: 110})
        self.count_label.setText(self.tr("{count} peluang").format(count=count_text(len(rows))))
        advice = (" " + self.tr("Catat lowongan, pelatihan, pembeli, program pemerintah atau layanan publik dengan Peluang baru.")
                  if self.context.actor.can(Permission.PUBLISH_OPPORTUNITIES) else "")
        self.empty_note.show_text("" if rows else (
            self.tr("Tidak ada peluang yang masih dibuka. Hilangkan centang “Hanya yang masih dibuka” untuk melihat semuanya.")
            if self.open_only.isChecked() else self.tr("Papan peluang masih kosong.") + advice))
        row = next((i for i, r in enumerate(rows) if r.id == select), 0 if rows else None)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show(rows[row].id if row is not None else None)

    def _row_changed(self) -> None:
        index = self.table.currentIndex()
        self._show(self.model.row(index).id if index.isValid() else None)

    def _show(self, opportunity_id: uuid.UUID | None) -> None:
        self.view, found = None, []
        if opportunity_id is not None:
            try:
                with self.context.database.session() as session:
                    self.view = opportunities.get_opportunity(session, self.context.actor, opportunity_id)
                    found = referrals.referrals(session, self.context.actor, opportunity_id=opportunity_id)
            except DomainError as error:
                show_error(self, self.tr("Papan peluang"), error.message)
        for button in (self.edit_button, self.eligible_button, self.notice_button, self.whatsapp_button):
            button.setEnabled(self.view is not None)
        self.detail.setText(self._html(self.view, found) if self.view else
                            f"<p style='color:#666'>{escape(self.tr('Pilih peluang di daftar untuk melihat isinya.'))}</p>")

    def _html(self, view: OpportunityView, found: list[ReferralRow]) -> str:
        d = view.data
        rows = [
            (self.tr("Jenis"), d.kind.label), (self.tr("Penyedia"), d.provider), (self.tr("Kontak"), d.contact or "—"),
            (self.tr("Untuk"), view.who), (self.tr("Tempat"), view.where),
            (self.tr("Batas daftar"), format_date_long(d.deadline) if d.deadline else self.tr("tanpa batas")),
            (self.tr("Biaya"), cost_text(d.cost)), (self.tr("Cara daftar"), d.how_to_apply or "—"),
            (self.tr("Sumber"), d.source or "—"),
        ]
        table = "".join(f"<tr><td style='color:#555; padding-right:10px'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
        html = f"<h3>{escape(d.title)}</h3>"
        if d.description:
            html += f"<p>{escape(d.description)}</p>"
        html += f"<table>{table}</table><h4>{escape(self.tr('Rujukan'))} ({len(found)})</h4>"
        if not found:
            return html + f"<p style='color:#666'>{escape(self.tr('Belum ada yang dirujuk. Buka Siapa perlu tahu untuk merujuk.'))}</p>"
        lines = "".join(f"<tr><td>{escape(r.person)}</td><td>{format_date(r.referred_on)}</td>"
                        f"<td>{escape(r.outcome.label) if r.outcome else '—'}</td></tr>" for r in found[:50])
        return html + (f"<table cellspacing='0' cellpadding='3' border='1' style='border-color:#ccc'><tr><th>{self.tr('Nama')}</th>"
                       f"<th>{self.tr('Dirujuk')}</th><th>{self.tr('Hasil')}</th></tr>{lines}</table>")

    def _new(self) -> None:
        from koperasi.gui.network.opportunity_dialog import OpportunityDialog

        dialog = OpportunityDialog(self.context, None, self)
        if dialog.exec() and dialog.saved is not None:
            self.reload(select=dialog.saved)

    def _edit(self) -> None:
        from koperasi.gui.network.opportunity_dialog import OpportunityDialog

        if self.view is None:
            return
        OpportunityDialog(self.context, self.view, self).exec()
        self.reload(select=self.view.id)

    def _eligible(self) -> None:
        from koperasi.gui.network.eligible_dialog import EligibleDialog

        if self.view is None:
            return
        try:
            dialog = EligibleDialog(self.context, self.view, self)
        except DomainError as error:
            show_error(self, self.tr("Siapa perlu tahu"), error.message)
            return
        dialog.exec()
        if dialog.referred:
            self.reload(select=self.view.id)

    def _notice(self) -> None:
        from koperasi.reports.network.opportunity_papers import write_notice

        if self.view is None:
            return
        try:
            with self.context.database.session() as session:
                notice = papers.opportunity_notice(session, self.context.actor, self.view.id)
        except DomainError as error:
            show_error(self, self.tr("Pengumuman"), error.message)
            return
        show_preview(PdfPreviewDialog(
            self.tr("Pengumuman: {title}").format(title=notice.title),
            {self.tr("A4"): (lambda: write_to_bytes(lambda out: write_notice(notice, out)),
                             f"pengumuman-{file_name_part(notice.title[:40], 'peluang')}.pdf")},
            self,
        ))

    def _save_list(self) -> None:
        from koperasi.services.network import exports

        open_only = self.open_only.isChecked()

        def make() -> bytes:
            with self.context.database.session() as session:
                return exports.opportunities_xlsx(session, self.context.actor, open_only=open_only)

        save_excel(self, make, file_name=f"papan-peluang-{clock.today():%Y-%m-%d}.xlsx", dialog_title=self.tr("Simpan daftar peluang"),
                   done_title=self.tr("Papan peluang"), done_text=self.tr("Daftar peluang tersimpan di {path}."))

    def _copy_text(self) -> None:
        if self.view is None:
            return
        try:
            with self.context.database.session() as session:
                text = opportunities.share_text(session, self.context.actor, self.view.id)
        except DomainError as error:
            show_error(self, self.tr("Teks WhatsApp"), error.message)
            return
        QGuiApplication.clipboard().setText(text)
        announce(self, self.tr("Teks pengumuman “{title}” disalin: tempel di grup WhatsApp (Ctrl+V).").format(title=self.view.data.title))
