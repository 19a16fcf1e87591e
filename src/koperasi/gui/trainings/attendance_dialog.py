"""Catat kehadiran: the quick checklist for one session.

Keyboard first: the arrows move, Space ticks or unticks the current person, Ctrl+A marks
everyone present; "Semua hadir" then untick the few who stayed away is the usual way. A session
already taken opens with its saved marks, and a change is saved as a correction that the
service writes to the audit log.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date_long
from koperasi.domain.errors import DomainError
from koperasi.gui.context import AppContext
from koperasi.gui.messages import confirm, set_inline_error
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.gui.screen_fit import fit_to_screen
from koperasi.services.trainings import attendance
from koperasi.services.trainings.attendance import AttendanceRow
from koperasi.services.trainings.programmes import SessionView

_Index = QModelIndex | QPersistentModelIndex


class AttendanceModel(QAbstractTableModel):
    """One row per participant: a check box (Hadir), the name and who they are."""

    PRESENT, NAME, IDENTITY = range(3)
    changed = Signal()

    def __init__(self, rows: list[AttendanceRow], *, parent: QObject) -> None:
        super().__init__(parent)
        self._rows = list(rows)
        self._present = [bool(row.present) for row in rows]
        self._titles = (self.tr("Hadir"), self.tr("Nama"), self.tr("Anggota / keluarga dari"))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.PRESENT:
            return Qt.CheckState.Checked if self._present[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return row.name
            if column == self.IDENTITY:
                return row.identity
            return None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.PRESENT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt API)
        if not index.isValid() or index.column() != self.PRESENT or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.set_present(index.row(), checked)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._titles[section]
        return None

    def set_present(self, row: int, present: bool) -> None:
        if self._present[row] != present:
            self._present[row] = present
            cell = self.index(row, self.PRESENT)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.CheckStateRole])
            self.changed.emit()

    def toggle(self, row: int) -> None:
        self.set_present(row, not self._present[row])

    def set_all(self, present: bool) -> None:
        for row in range(len(self._rows)):
            self.set_present(row, present)

    def present_count(self) -> int:
        return sum(self._present)

    def marks(self) -> dict[uuid.UUID, bool]:
        return {row.participant_id: present for row, present in zip(self._rows, self._present, strict=True)}

    def is_changed(self) -> bool:
        return any(row.present is None or row.present != present for row, present in zip(self._rows, self._present, strict=True))


class ChecklistView(QTableView):
    """Space toggles the current row whichever column has the focus; Ctrl+A marks all present."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        model = self.model()
        if isinstance(model, AttendanceModel):
            if event.key() == Qt.Key.Key_Space and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                if self.currentIndex().isValid():
                    model.toggle(self.currentIndex().row())
                event.accept()
                return
            if event.matches(QKeySequence.StandardKey.SelectAll):
                model.set_all(True)
                event.accept()
                return
        super().keyPressEvent(event)


class AttendanceDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, context: AppContext, session_view: SessionView, batch_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceDialog")
        self.context, self.session_view = context, session_view
        with context.database.session() as session:
            rows = attendance.attendance_list(session, context.actor, session_view.id)
        self.taken = any(row.present is not None for row in rows)
        d = session_view.data
        self.setWindowTitle(self.tr("Catat kehadiran sesi ke-{number}").format(number=session_view.number))
        header = QLabel(
            self.tr("<b>{batch}</b><br>Sesi ke-{number}: {subject}<br>{day}, {start}–{end}, {place}").format(
                batch=batch_title, number=session_view.number, subject=d.subject or self.tr("(tanpa materi)"),
                day=format_date_long(d.held_on), start=d.starts_at.strftime("%H.%M"), end=d.ends_at.strftime("%H.%M"),
                place=d.place,
            )
        )
        header.setWordWrap(True)
        self.note = QLabel(
            self.tr("Kehadiran sesi ini sudah dicatat. Perubahan akan dicatat di catatan audit.") if self.taken
            else self.tr("Tekan <b>Semua hadir</b>, lalu hilangkan centang yang tidak datang.")
        )
        self.note.setObjectName("attendanceNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00;" if self.taken else "color: #555;")
        self.model = AttendanceModel(rows, parent=self)
        self.model.changed.connect(self._update_count)
        self.table = ChecklistView()
        self.table.setObjectName("attendanceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.clicked.connect(self._clicked)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(AttendanceModel.PRESENT, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(AttendanceModel.NAME, QHeaderView.ResizeMode.Interactive)
        header_view.setSectionResizeMode(AttendanceModel.IDENTITY, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(AttendanceModel.NAME, 240)
        self.all_button = QPushButton(self.tr("&Semua hadir  (Ctrl+A)"), objectName="attendanceAllButton")
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button = QPushButton(self.tr("&Kosongkan"), objectName="attendanceNoneButton")
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.count_label = QLabel(objectName="attendanceCount")
        self.count_label.setStyleSheet("font-weight: bold;")
        self.error_label = QLabel(objectName="attendanceDialogError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        tools.addWidget(self.all_button)
        tools.addWidget(self.none_button)
        tools.addStretch(1)
        tools.addWidget(self.count_label)
        hint = QLabel(self.tr("Panah atas/bawah: pindah · Spasi: centang/hapus centang · Ctrl+A: semua hadir"))
        hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.note)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 640, 620)
        self.changed_marks = 0
        self._update_count()
        if rows:
            self.table.setCurrentIndex(self.model.index(0, AttendanceModel.NAME))
        self.table.setFocus()

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() != AttendanceModel.PRESENT:  # a click on the name ticks too; the box ticks itself
            self.model.toggle(index.row())

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Hadir {present} dari {total}").format(
            present=self.model.present_count(), total=self.model.rowCount()))

    def extra_state(self) -> object:
        return self.model.marks()

    def save_before_closing(self) -> bool:
        self.save()
        return self.result() == QDialog.DialogCode.Accepted

    def save(self) -> None:
        if self.model.rowCount() and self.model.present_count() == 0 and not self.taken:
            if not confirm(self, self.tr("Catat kehadiran"), self.tr("Tidak ada yang dicentang: semua peserta dicatat tidak hadir?"),
                           yes=self.tr("Ya, catat")):
                return
        try:
            with self.context.database.session() as session:
                self.changed_marks = attendance.record_attendance(session, self.context.actor, self.session_view.id, self.model.marks())
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            return
        self.accept()
