"""The member list as a lazy table model: 100,000 rows without loading 100,000 rows.

``rowCount`` is the number of matches; ``data`` fetches the page of 200 rows a visible row
falls in, through a loader the tab supplies (the model knows nothing of sessions or SQL).
Sorting is a new query (``sort``), never a proxy over the rows. A search's first page may
count only up to a cap (``MemberPage.exact``): the model then holds that many rows, and when
the view reaches the last of them (Qt's ``fetchMore``) it asks the counter for them all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from koperasi.domain.dates import format_date
from koperasi.domain.members.register import MemberStatus
from koperasi.gui.page_cache import PageCache
from koperasi.services.members.search import MemberFilter, MemberPage, MemberRow, MemberSort

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex

_ANSWERED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole, ROW_ROLE})

Loader = Callable[[MemberFilter, MemberSort, bool, int, int], MemberPage]
Counter = Callable[[MemberFilter], int]


class MemberTableModel(QAbstractTableModel):
    NUMBER, NAME, NIK, SEX, AGE, DESA, KECAMATAN, PHONE, JOINED, STATUS = range(10)
    HEADERS = ["Nomor", "Nama lengkap", "NIK", "L/P", "Umur", "Desa", "Kecamatan", "Telepon", "Bergabung", "Status"]
    SORTABLE = {NUMBER: MemberSort.NUMBER, NAME: MemberSort.NAME, JOINED: MemberSort.JOIN_DATE}

    counted = Signal()  # a capped count was made exact (``total`` and ``exact`` changed)

    def __init__(self, loader: Loader, counter: Counter, *, parent: QObject) -> None:
        super().__init__(parent)  # owned by its view's widget: see ListTableModel
        self._loader = loader
        self._counter = counter
        self._exact = True
        self._filter = MemberFilter()
        self._sort = MemberSort.NAME
        self._descending = False
        self._loaded = False
        self._rows: PageCache[MemberRow] = PageCache(
            lambda offset, limit: self._loader(self._filter, self._sort, self._descending, offset, limit)
        )

    @property
    def total(self) -> int:
        return self._rows.total

    @property
    def exact(self) -> bool:
        """Whether ``total`` is every match; False: more than that many match, counted on reaching the end."""
        return self._exact

    @property
    def current_filter(self) -> MemberFilter:
        return self._filter

    def reload(self, where: MemberFilter | None = None) -> None:
        """Ask again (new filter, or data changed); the first page comes with the count."""
        if where is not None:
            self._filter = where
        first = self._rows.first_page()
        self.beginResetModel()
        self._loaded = True
        self._exact = first.exact
        self._rows.start(first)
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt API)
        return not parent.isValid() and not self._exact

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802, B008 (Qt API)
        """The view reached the last row of a capped count: count them all and add the rest."""
        if not self.canFetchMore(parent):
            return
        total = self._counter(self._filter)
        self._exact = True
        if total > self._rows.total:
            self.beginInsertRows(QModelIndex(), self._rows.total, total - 1)
            self._rows.grow(total)
            self.endInsertRows()
        self.counted.emit()

    def row_at(self, row: int) -> MemberRow | None:
        return self._rows.row(row)

    def row_of(self, member_id: object) -> int | None:
        """The row of an item among the pages already loaded (to keep a selection)."""
        return self._rows.index_of(member_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else self._rows.total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each cell for a dozen roles; those this model never answers skip the row lookup.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        member = self.row_at(index.row())
        if member is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(member, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and member.status is MemberStatus.LEFT:
            return Qt.GlobalColor.gray
        if role == ROW_ROLE:
            return member
        return None

    def _text(self, member: MemberRow, column: int) -> str:
        return _COLUMN_TEXTS[column](member)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = self.SORTABLE.get(column)
        descending = order == Qt.SortOrder.DescendingOrder
        if sort is None or (sort, descending) == (self._sort, self._descending):
            return  # the view re-announces its sort order often; ask the database only on a change
        self._sort, self._descending = sort, descending
        if self._loaded:
            self.reload()


# Each column's text on its own: a painted cell makes only its own (a date formatted only for "Bergabung").
_COLUMN_TEXTS: tuple[Callable[[MemberRow], str], ...] = (
    lambda member: member.number,
    lambda member: member.full_name,
    lambda member: member.nik or "—",
    lambda member: member.sex.value,
    lambda member: str(member.age),
    lambda member: member.desa,
    lambda member: member.kecamatan,
    lambda member: member.phone or "—",
    lambda member: format_date(member.join_date),
    lambda member: member.status.label,
)
