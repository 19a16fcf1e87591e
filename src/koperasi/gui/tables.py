"""Read-only lists shared by every tab: the table view's house style, its selected row, and counts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from koperasi.gui.list_model import ListTableModel


class TipTableModel(ListTableModel):
    """Cells that may be elided show their whole text on hover."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


def make_table(name: str, model: ListTableModel, *, multi: bool = False) -> QTableView:
    """A read-only list in the style of the Pinjaman tables: whole rows, no word wrap, fixed row height."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def selected_row(table: QTableView):
    rows = table.selectionModel().selectedRows()
    return table.model().row(rows[0]) if rows else None


def count_text(number: int) -> str:
    return f"{number:,}".replace(",", ".")
