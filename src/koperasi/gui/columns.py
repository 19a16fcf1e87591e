"""Column widths for every table: no horizontal scrollbar where the screen
has room, and on a 1024 px laptop the name column keeps a readable width (the table scrolls sideways)
instead of being squeezed to three letters."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

NAME_MINIMUM = 150  # px: a member's name or a batch's name still reads at a glance


def fit_columns(table: QTableView, stretch: int, caps: Mapping[int, int] | None = None, *, minimum: int = NAME_MINIMUM) -> None:
    """Size every column to its contents once (call after loading rows, not per row), cap the
    columns whose text may run long (the view elides them), and give the rest of the width to
    ``stretch`` (never under ``minimum`` px: then the table scrolls). Meant for short lists: a
    schedule, a loan's movements, the funds and products."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # a Stretch section ignores resizes
    # Measured before the columns move: resizing them lets the stretch keeper squeeze this one to its old minimum.
    # An empty list has only the header to measure; its rows, when they come, need the full minimum.
    has_rows = table.model() is not None and table.model().rowCount() > 0
    content = max(table.sizeHintForColumn(stretch), header.sectionSizeHint(stretch)) if has_rows else minimum
    table.resizeColumnsToContents()
    for column, cap in (caps or {}).items():
        if table.columnWidth(column) > cap:
            table.setColumnWidth(column, cap)
    stretch_column(table, stretch, min(content, minimum))


class _StretchKeeper(QObject):
    """Gives one column the width the others leave, but never less than its minimum; with a partner
    column, what is left over above both minimums goes first to the partner, up to its widest text."""

    def __init__(self, table: QTableView, column: int, minimum: int) -> None:
        super().__init__(table)
        self.table, self.column, self.minimum = table, column, minimum
        self.partner: tuple[int, int, int] | None = None  # column, minimum, widest
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._other_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _other_resized(self, column: int, _old: int, _new: int) -> None:
        if column not in (self.column, self.partner and self.partner[0]):
            self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        shared = {self.column} | ({self.partner[0]} if self.partner else set())
        others = sum(header.sectionSize(c) for c in range(header.count()) if c not in shared and not header.isSectionHidden(c))
        room = self.table.viewport().width() - others
        if self.partner is not None:
            column, minimum, widest = self.partner
            spare = max(0, room - self.minimum - minimum)
            partner_width = minimum + min(max(0, widest - minimum), spare)
            if header.sectionSize(column) != partner_width:
                header.resizeSection(column, partner_width)
            room -= partner_width
        width = max(self.minimum, room)
        if header.sectionSize(self.column) != width:
            header.resizeSection(self.column, width)


def stretch_column(table: QTableView, column: int, minimum: int, *, partner: tuple[int, int, int] | None = None) -> None:
    """Let ``column`` take the room the other columns leave (like a Stretch section), but not less
    than ``minimum`` px: on a narrow screen the table scrolls sideways rather than cut the name.
    ``partner`` (column, minimum, widest px) gets the room above both minimums first, up to its widest:
    a product name shown whole where the screen has space, elided (with its tooltip) where it has not."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    keeper = table.findChild(_StretchKeeper)
    if keeper is None:
        keeper = _StretchKeeper(table, column, minimum)
    keeper.column, keeper.minimum, keeper.partner = column, minimum, partner
    keeper.fit()


def text_width(table: QTableView, sample: str) -> int:
    """Room for ``sample`` in a cell of ``table``, padding included (for fixed columns of a
    lazy table, where measuring the rows would load them)."""
    return table.fontMetrics().horizontalAdvance(sample) + 10
