"""Pelatihan: the batches (angkatan) with a programme filter, the selected batch's sessions,
participants and report, and the Laporan page of people trained."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.errors import DomainError
from koperasi.domain.roles import Permission
from koperasi.gui.context import AppContext
from koperasi.gui.empty_list import EmptyListNote, nothing_found
from koperasi.gui.flow_layout import FlowLayout
from koperasi.gui.list_model import Column, ListTableModel
from koperasi.gui.combos import find_data
from koperasi.gui.columns import fit_columns
from koperasi.gui.messages import show_error
from koperasi.gui.screen_fit import narrow_combo
from koperasi.gui.tables import TipTableModel, make_table
from koperasi.gui.trainings.batch_panel import BatchPanel
from koperasi.gui.trainings.summary_view import SummaryView
from koperasi.services.trainings import programmes as trainings
from koperasi.services.trainings.programmes import BatchView


def batch_days(batch: BatchView) -> str:
    """The first session's day: the whole span is in the detail header."""
    return batch.first_day.strftime("%d-%m-%Y") if batch.first_day else "—"


class TrainingsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingsTab")
        self.context = context
        self.register = QWidget()
        self.summary_view = SummaryView(context)
        self.pages = QTabWidget(objectName="trainingsPages")
        self.pages.addTab(self.register, self.tr("Angkatan"))
        self.pages.addTab(self.summary_view, self.tr("Laporan"))
        self.pages.currentChanged.connect(self._page_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._build_register()
        self.refill_programmes(reload=False)
        self.reload()

    def _page_changed(self, index: int) -> None:
        if index == 0:
            self.refill_programmes()
        else:
            self.summary_view.refill_programmes()
            self.summary_view.ensure_loaded()

    def _build_register(self) -> None:
        actor = self.context.actor
        self.programme_filter = QComboBox(objectName="trainingProgrammeFilter")
        narrow_combo(self.programme_filter, 20)
        self.programme_filter.currentIndexChanged.connect(lambda: self.reload())
        self.programmes_button = QPushButton(self.tr("P&rogram pelatihan…"), objectName="trainingProgrammesButton")
        self.programmes_button.clicked.connect(self._programmes)
        self.new_batch_button = QPushButton(self.tr("Angkatan bar&u…"), objectName="trainingNewBatchButton")
        self.new_batch_button.clicked.connect(self._new_batch)
        self.new_batch_button.setVisible(actor.can(Permission.MANAGE_TRAININGS))
        self.edit_batch_button = QPushButton(self.tr("Uba&h angkatan…"), objectName="trainingEditBatchButton")
        self.edit_batch_button.setToolTip(self.tr("Ganti nama, kecamatan atau catatan angkatan yang dipilih, atau tutup / buka lagi"))
        self.edit_batch_button.clicked.connect(self._edit_batch)
        self.edit_batch_button.setVisible(actor.can(Permission.MANAGE_TRAININGS))
        self.edit_batch_button.setEnabled(False)
        self.model: ListTableModel[BatchView] = TipTableModel(self._columns(), parent=self)
        self.table = make_table("trainingBatchTable", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.count_label = QLabel(objectName="trainingBatchCount")
        self.empty_note = EmptyListNote(self.table, "trainingEmptyNote")
        self.detail = BatchPanel(self.context)
        self.detail.changed.connect(self._batch_changed)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Pro&gram:"), buddy=self.programme_filter))
        top.addWidget(self.programme_filter, 1)
        actions = FlowLayout()  # wraps in a narrow pane instead of widening the window
        for button in (self.programmes_button, self.new_batch_button, self.edit_batch_button):
            actions.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(objectName="trainingSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setSizes([5_000, 6_000])
        layout = QVBoxLayout(self.register)
        layout.addWidget(self.splitter, 1)

    def _columns(self) -> list[Column[BatchView]]:
        def closed(batch: BatchView) -> bool:
            return batch.closed

        return [
            Column(self.tr("Program"), lambda b: b.programme_name, muted=closed),
            Column(self.tr("Angkatan"), lambda b: b.name, muted=closed),
            Column(self.tr("Kecamatan"), lambda b: b.kecamatan_name or "—", muted=closed),
            Column(self.tr("Peserta"), lambda b: str(b.participants), align_right=True, muted=closed),
            Column(self.tr("Sesi"), lambda b: str(b.sessions), align_right=True, muted=closed),
            Column(self.tr("Mulai"), batch_days, muted=closed),
            Column(self.tr("Status"), lambda b: self.tr("Ditutup") if b.closed else self.tr("Terbuka"), muted=closed),
        ]

    def refill_programmes(self, *, reload: bool = True) -> None:
        with self.context.database.session() as session:
            programmes = trainings.list_programmes(session, self.context.actor)
        combo = self.programme_filter
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Semua program"), None)
        for programme in programmes:
            combo.addItem(programme.data.name, programme.id)
        index = max(0, find_data(combo, chosen))
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        if reload and chosen is not None and index == 0:
            self.reload()

    def _nothing_found(self) -> str:
        can_add = self.context.actor.can(Permission.MANAGE_TRAININGS)
        if self.programme_filter.currentData():
            return nothing_found(
                self.tr("angkatan"), where=self.tr("untuk program {name}").format(name=self.programme_filter.currentText()),
                advice=self.tr("Buat dengan Angkatan baru, atau pilih Semua program.") if can_add
                else self.tr("Pilih Semua program untuk melihat angkatan lain."),
            )
        return self.tr("Belum ada angkatan pelatihan.") + (
            " " + self.tr("Buat program di Program pelatihan, lalu angkatannya dengan Angkatan baru.") if can_add else "")

    def reload(self, select: uuid.UUID | None = None) -> None:
        if select is None and self.detail.batch is not None:
            select = self.detail.batch.id
        try:
            with self.context.database.session() as session:
                batches = trainings.list_batches(session, self.context.actor, programme_id=self.programme_filter.currentData())
        except DomainError as error:
            show_error(self, self.tr("Pelatihan"), error.message)
            return
        self.model.set_rows(batches)
        fit_columns(self.table, stretch=1, caps={0: 140, 2: 100})
        self.count_label.setText(self.tr("{count} angkatan").format(count=len(batches)))
        self.empty_note.show_text("" if batches else self._nothing_found())
        row = next((i for i, batch in enumerate(batches) if batch.id == select), None)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.detail.show_batch(batches[row])
        else:
            self.detail.show_batch(None)
        self.edit_batch_button.setEnabled(self.detail.batch is not None)

    def _row_changed(self) -> None:
        index = self.table.currentIndex()
        self.detail.show_batch(self.model.row(index) if index.isValid() else None)
        self.edit_batch_button.setEnabled(self.detail.batch is not None)

    def _batch_changed(self) -> None:
        """A batch's counts changed: refresh its row without reloading its detail again."""
        batch = self.detail.batch
        rows = [batch if b.id == batch.id else b for b in (self.model.row(self.model.index(i, 0)) for i in range(self.model.rowCount()))] \
            if batch else None
        if rows is not None:
            self.model.set_rows(rows)
            row = next(i for i, b in enumerate(rows) if b.id == batch.id)
            self.table.blockSignals(True)
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().blockSignals(False)
            self.table.blockSignals(False)
        self.summary_view.summary = None  # recounted when the Laporan page is opened again

    def _programmes(self) -> None:
        from koperasi.gui.trainings.programme_dialogs import ProgrammesDialog

        dialog = ProgrammesDialog(self.context, self)
        dialog.exec()
        if dialog.changed:
            self.refill_programmes(reload=False)
            self.reload()

    def _new_batch(self) -> None:
        from koperasi.gui.trainings.programme_dialogs import BatchDialog

        dialog = BatchDialog(self.context, self.programme_filter.currentData(), self)
        if dialog.exec() and dialog.saved is not None:
            self.reload(select=dialog.saved)


    def _edit_batch(self) -> None:
        from koperasi.gui.trainings.programme_dialogs import BatchEditDialog

        batch = self.detail.batch
        if batch is None or not self.context.actor.can(Permission.MANAGE_TRAININGS):
            return
        dialog = BatchEditDialog(self.context, batch, self)
        if dialog.exec() or dialog.conflict:
            self.reload(select=batch.id)
