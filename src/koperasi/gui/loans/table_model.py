"""The loan list as a lazy table model: 20,000 loans without loading 20,000 rows.

Like the member list: ``rowCount`` is the number of matches, ``data`` fetches the page of
200 rows a visible row falls in through a loader the tab supplies. The order is the
service's (newest loan number first); there is no proxy over the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from koperasi.domain.dates import format_date
from koperasi.domain.loans.rules import LoanStatus
from koperasi.domain.money import format_rupiah
from koperasi.gui import glossary
from koperasi.gui.page_cache import PageCache
from koperasi.services.loans.queries import LoanFilter, LoanPage, LoanRow

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_MUTED = {LoanStatus.REJECTED, LoanStatus.PAID_OFF, LoanStatus.WRITTEN_OFF}

Loader = Callable[[LoanFilter, int, int], LoanPage]


class LoanTableModel(QAbstractTableModel):
    NUMBER, MEMBER, PRODUCT, PRINCIPAL, OUTSTANDING, STATUS, APPLIED = range(7)
    HEADERS = ["Nomor", "Anggota", "Produk", "Pokok", "Sisa", "Status", "Tgl pengajuan"]
    MONEY = {PRINCIPAL, OUTSTANDING}

    def __init__(self, loader: Loader, *, parent: QObject) -> None:
        super().__init__(parent)  # owned by its view's widget: see ListTableModel
        self._loader = loader
        self._filter = LoanFilter()
        self._rows: PageCache[LoanRow] = PageCache(lambda offset, limit: self._loader(self._filter, offset, limit))

    @property
    def total(self) -> int:
        return self._rows.total

    @property
    def current_filter(self) -> LoanFilter:
        return self._filter

    def reload(self, where: LoanFilter | None = None) -> None:
        """Ask again (new filter, or data changed); the first page comes with the count."""
        if where is not None:
            self._filter = where
        first = self._rows.first_page()
        self.beginResetModel()
        self._rows.start(first)
        self.endResetModel()

    def row_at(self, row: int) -> LoanRow | None:
        return self._rows.row(row)

    def row_of(self, loan_id: object) -> int | None:
        """The row of an item among the pages already loaded (to keep a selection)."""
        return self._rows.index_of(loan_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else self._rows.total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        loan = self.row_at(index.row())
        if loan is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(loan, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in self.MONEY else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and loan.status in _MUTED:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.ToolTipRole:  # the list elides: the whole text on hover
            return self._tooltip(loan, column)
        if role == SORT_ROLE:
            return self._native(loan, column)
        if role == ROW_ROLE:
            return loan
        return None

    def _text(self, loan: LoanRow, column: int) -> str:
        return [
            loan.number,
            loan.member_name,
            loan.product,
            format_rupiah(loan.principal),
            format_rupiah(loan.outstanding) if loan.outstanding else "—",
            loan.status.label,
            format_date(loan.applied_on),
        ][column]

    def _tooltip(self, loan: LoanRow, column: int) -> str | None:
        if column == self.NUMBER:
            return self.tr("{number}, diajukan {date}").format(number=loan.number, date=format_date(loan.applied_on))
        if column == self.MEMBER:
            return f"{loan.member_name} ({loan.member_number})"
        if column in (self.PRODUCT, self.STATUS):
            return self._text(loan, column)
        return None

    def _native(self, loan: LoanRow, column: int) -> Any:
        return [loan.number, loan.member_name, loan.product, loan.principal, loan.outstanding, loan.status.value,
                loan.applied_on.toordinal()][column]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in self.MONEY else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return {self.PRINCIPAL: glossary.principal(), self.OUTSTANDING: glossary.outstanding()}.get(section)
        return None
