"""Column widths for the Pinjaman tables: fit at 1280 px without a horizontal scrollbar."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QHeaderView, QTableView


def fit_columns(table: QTableView, stretch: int, caps: Mapping[int, int] | None = None) -> None:
    """Size every column to its contents once (call after loading rows, not per row), cap the
    columns whose text may run long (the view elides them), and give the rest of the width to
    ``stretch``. Meant for short lists: a schedule, a loan's movements, the funds and products."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # a Stretch section ignores resizes
    table.resizeColumnsToContents()
    for column, cap in (caps or {}).items():
        if table.columnWidth(column) > cap:
            table.setColumnWidth(column, cap)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def text_width(table: QTableView, sample: str) -> int:
    """Room for ``sample`` in a cell of ``table``, padding included (for fixed columns of a
    lazy table, where measuring the rows would load them)."""
    return table.fontMetrics().horizontalAdvance(sample) + 10
