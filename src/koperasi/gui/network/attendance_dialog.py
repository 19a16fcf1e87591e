"""Catat kehadiran pertemuan: the checklist of the members the meeting served, and the guests counted.

Keyboard first, as the trainings' checklist: type part of a name to narrow the list, the arrows move,
Space ticks or unticks, Ctrl+A ticks everyone shown. Guests (not members) are counted by sex and age
group in the boxes below. A meeting already taken opens with its ticks; a change is audited.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from koperasi.domain.dates import format_date_long
from koperasi.domain.errors import DomainError
from koperasi.domain.network.meetings import MAX_GUESTS, AgeGroup, Guests
from koperasi.gui.context import AppContext
from koperasi.gui.messages import set_inline_error
from koperasi.gui.screen_fit import fit_to_screen, narrow_combo
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.services.network import meeting_attendance
from koperasi.services.network.meeting_attendance import ChecklistRow
from koperasi.services.network.meetings import MeetingView

_Index = QModelIndex | QPersistentModelIndex


class ChecklistModel(QAbstractTableModel):
    PRESENT, NAME, NUMBER, DESA, GROUPS = range(5)
    changed = Signal()

    def __init__(self, rows: list[ChecklistRow], *, parent: QObject) -> None:
        super().__init__(parent)
        self._rows = list(rows)
        self._present = [row.present for row in rows]
        self._titles = (self.tr("Hadir"), self.tr("Nama"), self.tr("Nomor"), self.tr("Desa"), self.tr("Kelompok"))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.PRESENT:
            return Qt.CheckState.Checked if self._present[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return {self.NAME: row.name, self.NUMBER: row.number, self.DESA: row.desa, self.GROUPS: row.groups}.get(column)
        if role == Qt.ItemDataRole.UserRole:  # what the name filter searches
            return f"{row.name} {row.number}"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == self.PRESENT else flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt API)
        if not index.isValid() or index.column() != self.PRESENT or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.set_present(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
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

    def row(self, number: int) -> ChecklistRow:
        return self._rows[number]

    def present_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(row.member_id for row, present in zip(self._rows, self._present, strict=True) if present)


class ChecklistProxy(QSortFilterProxyModel):
    """The name search, and one group or one desa of the audience (``part``: ("group" or "desa", name); None: all)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.part: tuple[str, str] | None = None

    def show_part(self, part: tuple[str, str] | None) -> None:
        self.beginFilterChange()
        self.part = part
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802 (Qt API)
        if self.part is not None:
            kind, name = self.part
            row = self.sourceModel().row(source_row)
            if (kind == "desa" and row.desa != name) or (kind == "group" and name not in row.groups.split(", ")):
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class ChecklistView(QTableView):
    """Space toggles the current row, Ctrl+A ticks every row shown (the filter may hide some)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.toggle(self.currentIndex())
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.tick_shown(True)
            event.accept()
            return
        super().keyPressEvent(event)

    def _source(self) -> tuple[QSortFilterProxyModel, ChecklistModel]:
        proxy = self.model()
        return proxy, proxy.sourceModel()

    def toggle(self, index: QModelIndex) -> None:
        if index.isValid():
            proxy, model = self._source()
            model.toggle(proxy.mapToSource(index).row())

    def tick_shown(self, present: bool) -> None:
        proxy, model = self._source()
        for shown in range(proxy.rowCount()):
            model.set_present(proxy.mapToSource(proxy.index(shown, 0)).row(), present)


class MeetingAttendanceDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, context: AppContext, view: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingAttendanceDialog")
        self.context, self.view = context, view
        with context.database.session() as session:
            rows = meeting_attendance.attendance_checklist(session, context.actor, view.id)
        d = view.data
        self.setWindowTitle(self.tr("Catat kehadiran pertemuan"))
        header = QLabel(self.tr("<b>{topics}</b><br>{day}, {start}–{end}, Desa {desa}<br>Sasaran: {audience}").format(
            topics=d.topics, day=format_date_long(d.held_on), start=d.starts_at.strftime("%H.%M"), end=d.ends_at.strftime("%H.%M"),
            desa=view.desa, audience=", ".join(view.audience) or self.tr("anggota yang tinggal di Desa {desa}").format(desa=view.desa)))
        header.setWordWrap(True)
        header.setTextFormat(Qt.TextFormat.RichText)
        self.model = ChecklistModel(rows, parent=self)
        self.model.changed.connect(self._update_count)
        self.proxy = ChecklistProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(ChecklistModel.NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(objectName="meetingAttendanceSearch", placeholderText=self.tr("Cari nama atau nomor…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.returnPressed.connect(lambda: self.table.setFocus())
        self.part_filter = QComboBox(objectName="meetingAttendancePartFilter")
        narrow_combo(self.part_filter, 14)
        self.part_filter.addItem(self.tr("Semua kelompok dan desa"), None)
        for group in sorted({name for row in rows for name in row.groups.split(", ") if name}):
            self.part_filter.addItem(self.tr("Kelompok {name}").format(name=group), ("group", group))
        for desa in sorted({row.desa for row in rows}):
            self.part_filter.addItem(self.tr("Desa {name}").format(name=desa), ("desa", desa))
        self.part_filter.setVisible(self.part_filter.count() > 2)  # one group or one desa: nothing to choose
        self.part_filter.currentIndexChanged.connect(lambda: self.proxy.show_part(self.part_filter.currentData()))
        self.table = ChecklistView(objectName="meetingAttendanceTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.clicked.connect(lambda index: self.table.toggle(index) if index.column() != ChecklistModel.PRESENT else None)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(ChecklistModel.PRESENT, QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(ChecklistModel.GROUPS, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(ChecklistModel.NAME, 200)
        self.table.setColumnWidth(ChecklistModel.NUMBER, 110)
        self.table.setColumnWidth(ChecklistModel.DESA, 120)
        self.empty = QLabel(self.tr("Tidak ada anggota di kelompok atau desa sasaran pertemuan ini. Ubah sasarannya, "
                                    "atau catat yang hadir sebagai tamu."), objectName="meetingAttendanceEmpty")
        self.empty.setWordWrap(True)
        self.empty.setVisible(not rows)
        all_button = QPushButton(self.tr("&Semua hadir  (Ctrl+A)"), objectName="meetingAttendanceAllButton")
        all_button.clicked.connect(lambda: self.table.tick_shown(True))
        none_button = QPushButton(self.tr("&Kosongkan"), objectName="meetingAttendanceNoneButton")
        none_button.clicked.connect(lambda: self.table.tick_shown(False))
        self.count_label = QLabel(objectName="meetingAttendanceCount")
        self.count_label.setStyleSheet("font-weight: bold;")
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.part_filter)
        tools.addWidget(all_button)
        tools.addWidget(none_button)
        self.guest_boxes: dict[str, QSpinBox] = {}
        guests_box = QGroupBox(self.tr("Tamu (bukan anggota)"))
        grid = QGridLayout(guests_box)
        grid.addWidget(QLabel(self.tr("Laki-laki")), 1, 0)
        grid.addWidget(QLabel(self.tr("Perempuan")), 2, 0)
        for column, age in enumerate(AgeGroup, start=1):
            grid.addWidget(QLabel(age.label), 0, column)
            for row, sex in ((1, "male"), (2, "female")):
                box = QSpinBox(objectName=f"meetingGuests_{sex}_{age.name.lower()}", maximum=MAX_GUESTS)
                box.setValue(getattr(view.guests, f"{sex}_{age.name.lower()}"))
                box.valueChanged.connect(self._update_count)
                self.guest_boxes[f"{sex}_{age.name.lower()}"] = box
                grid.addWidget(box, row, column)
        hint = QLabel(self.tr("Ketik untuk mencari · Panah: pindah · Spasi: centang/hapus · Ctrl+A: semua yang tampil hadir"))
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        # The count on a line of its own: beside the search and the buttons it was cut at both laptop widths.
        below_table = QHBoxLayout()
        below_table.addWidget(hint, 1)
        below_table.addWidget(self.count_label)
        self.error_label = QLabel(objectName="meetingAttendanceError")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addLayout(tools)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(below_table)
        layout.addWidget(guests_box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 640)
        self._update_count()
        if rows:
            self.table.setCurrentIndex(self.proxy.index(0, ChecklistModel.NAME))
        self.search.setFocus()

    def guests(self) -> Guests:
        return Guests(**{name: box.value() for name, box in self.guest_boxes.items()})

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Hadir: {members} anggota, {guests} tamu").format(
            members=len(self.model.present_ids()), guests=self.guests().total))

    def extra_state(self) -> object:
        return (self.model.present_ids(), asdict(self.guests()))

    def save_before_closing(self) -> bool:
        self.save()
        return self.result() == QDialog.DialogCode.Accepted

    def save(self) -> None:
        try:
            with self.context.database.session() as session:
                meeting_attendance.record_attendance(session, self.context.actor, self.view.id, self.model.present_ids(), self.guests(),
                                                     expected_version=self.view.version)
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            return
        self.accept()
