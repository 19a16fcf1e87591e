"""Kisah sukses: the members' stories, which of them may leave the office, and the one-page PDF of each."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from koperasi.domain.dates import format_date
from koperasi.domain.errors import DomainError
from koperasi.domain.impact.stories import StorySummary
from koperasi.domain.roles import Permission
from koperasi.gui.columns import fit_columns
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote
from koperasi.gui.impact.story_dialog import StoryDialog
from koperasi.gui.list_model import Column
from koperasi.gui.messages import show_error
from koperasi.gui.pdf_preview import PdfPreviewDialog, show_preview, write_to_bytes
from koperasi.gui.tables import TipTableModel, count_text, make_table
from koperasi.services.impact import stories


class StoriesView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storiesView")
        self.context = context
        consent_tip = self.tr("Tanggal anggota menandatangani persetujuan, dan petugas yang mencatatnya. "
                              "Tanpa persetujuan kisah tidak dapat dicetak.")
        self.model = TipTableModel([
            Column(self.tr("Judul"), lambda s: s.title),
            Column(self.tr("Anggota"), lambda s: s.full_name),
            Column(self.tr("Nomor"), lambda s: s.number),
            Column(self.tr("Foto"), lambda s: self.tr("Ada") if s.has_photo else "—"),
            Column(self.tr("Persetujuan"), lambda s: format_date(s.consent_on) if s.consent_on else self.tr("Belum ada"), tip=consent_tip),
            Column(self.tr("Dicatat oleh"), lambda s: s.consent_recorded_by or "—", tip=consent_tip),
        ], parent=self)
        self.table = make_table("storiesTable", self.model)
        self.empty_note = EmptyListNote(self.table, "storiesEmptyNote")
        self.count_label = QLabel(objectName="storiesCountLabel")
        can_write = context.actor.can(Permission.RECORD_VISITS)
        self.add_button = QPushButton(self.tr("&Tambah kisah…"), objectName="storiesAddButton")
        self.add_button.clicked.connect(lambda: self._edit(None))
        self.edit_button = QPushButton(self.tr("&Ubah…"), objectName="storiesEditButton")
        self.edit_button.clicked.connect(lambda: self._edit(self._selected()))
        for button in (self.add_button, self.edit_button):
            button.setVisible(can_write)
        self.print_button = QPushButton(self.tr("&Cetak kisah…"), objectName="storiesPrintButton")
        self.print_button.clicked.connect(self.print_story)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.add_button, self.edit_button, self.print_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        if can_write:
            self.table.activated.connect(lambda _index: self._edit(self._selected()))

    def reload(self) -> None:
        try:
            with self.context.database.session() as session:
                rows = stories.list_stories(session, self.context.actor)
        except DomainError as error:
            show_error(self, self.tr("Kisah sukses"), error.message)
            return
        self.model.set_rows(rows)
        fit_columns(self.table, 0, {0: 260, 1: 180})
        published = sum(row.consent_on is not None for row in rows)
        self.count_label.setText(self.tr("{count} kisah, {published} dengan persetujuan anggota").format(
            count=count_text(len(rows)), published=published))
        self.empty_note.show_text("" if rows else self.tr(
            "Belum ada kisah sukses. Tulis kisah anggota yang hidupnya berubah (Alt+T); catat persetujuan tertulisnya "
            "sebelum kisah dicetak untuk penyandang dana."))
        self._selection_changed()

    def _selected(self) -> StorySummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0]) if rows else None

    def _selection_changed(self) -> None:
        story = self._selected()
        self.edit_button.setEnabled(story is not None)
        self.print_button.setEnabled(story is not None and story.consent_on is not None)
        self.print_button.setToolTip(
            self.tr("Satu halaman A4 untuk penyandang dana") if story is None or story.consent_on is not None
            else self.tr("Belum dapat dicetak: catat dulu persetujuan tertulis anggota (Ubah…)"))

    def _edit(self, story: StorySummary | None) -> None:
        dialog = StoryDialog(self.context, story, parent=self)
        if dialog.exec():
            self.reload()

    def print_story(self) -> None:
        from koperasi.reports.impact.story import write_story

        story = self._selected()
        if story is None:
            return
        try:
            with self.context.database.session() as session:
                paper = stories.story_paper(session, self.context.actor, story.id)
        except DomainError as error:
            show_error(self, self.tr("Kisah sukses"), error.message)
            return
        show_preview(PdfPreviewDialog(
            self.tr("Kisah sukses: {title}").format(title=paper.title),
            {self.tr("A4"): (lambda: write_to_bytes(lambda out: write_story(paper, out)), f"kisah-{story.number}.pdf")}, self,
        ))
