"""The editable lines of a sale being entered: product, producer, quantity, unit price, and the
live line total, commission and producer's share. Keyboard-first: Enter or Tab moves to the next
cell and, after the price of the last line, opens a new line; Delete removes a line.

The model touches no database: the dialog hands it the products, and two lookups (the producers
holding stock of a product, the commission rate of a product in the chosen channel).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from koperasi.domain.errors import ValidationError
from koperasi.domain.money import format_rupiah
from koperasi.domain.sales.rules import Producer, SaleLineInput, commission, format_percent, format_quantity, line_total, parse_quantity
from koperasi.gui.money_edit import MoneyEdit, group_thousands
from koperasi.gui.sales import producer_key, producer_label
from koperasi.services.sales.consignment import StockRow
from koperasi.services.sales.catalogue import ProductView

_Index = QModelIndex | QPersistentModelIndex
PRODUCT, PRODUCER, QUANTITY, PRICE, TOTAL, RATE, COMMISSION, SHARE = range(8)
EDITABLE = (PRODUCT, PRODUCER, QUANTITY, PRICE)
ERROR_COLOR = Qt.GlobalColor.red


@dataclass
class Line:
    product: ProductView | None = None
    producer: Producer | None = None
    producer_text: str = ""
    on_hand_milli: int | None = None
    quantity_milli: int | None = None
    quantity_text: str = ""
    quantity_error: str = ""
    unit_price: int = 0
    rate_bp: int | None = None

    def is_empty(self) -> bool:
        return self.product is None and not self.quantity_text and not self.unit_price

    @property
    def unit(self) -> str:
        return self.product.data.unit if self.product else ""

    @property
    def total(self) -> int:
        if self.quantity_milli and self.unit_price > 0:
            return line_total(self.quantity_milli, self.unit_price)
        return 0

    @property
    def commission(self) -> int:
        return commission(self.total, self.rate_bp) if self.rate_bp is not None else 0


class SaleLinesModel(QAbstractTableModel):
    """Give it a parent (see list_model.ListTableModel). ``totals_changed`` fires on every edit."""

    totals_changed = Signal()

    def __init__(
        self, products: list[ProductView], *, stock_of: Callable[[uuid.UUID], list[StockRow]],
        rate_of: Callable[[uuid.UUID], int], parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.products = {product.id: product for product in products}
        self.stock_of = stock_of
        self.rate_of = rate_of
        self.lines: list[Line] = [Line()]
        self._titles = [self.tr("Barang"), self.tr("Penitip"), self.tr("Jumlah"), self.tr("Harga satuan"), self.tr("Total"),
                        self.tr("Jasa %"), self.tr("Jasa"), self.tr("Bagian penitip")]

    # Qt model API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        line = self.lines[index.row()]
        if index.column() == PRODUCT or (index.column() in EDITABLE and line.product is not None):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if column in (PRODUCT, PRODUCER) else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == QUANTITY and line.quantity_error:
                return ERROR_COLOR
            if column == PRODUCER and line.product is not None and line.producer is None:
                return Qt.GlobalColor.gray
            if column == PRODUCT and line.product is None:
                return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == QUANTITY and line.quantity_error:
                return line.quantity_error
            if column == PRODUCER and line.producer_text:
                return line.producer_text
        return None

    def _display(self, line: Line, column: int) -> str:
        if column == PRODUCT:
            return line.product.data.name if line.product else self.tr("ketik nama barang…")
        if column == PRODUCER:
            if line.product is None:
                return ""
            return line.producer_text or self.tr("pilih penitip…")
        if column == QUANTITY:
            if line.quantity_error:
                return line.quantity_text
            return format_quantity(line.quantity_milli, line.unit) if line.quantity_milli else ""
        if column == PRICE:
            return format_rupiah(line.unit_price) if line.unit_price else ""
        if line.total == 0:
            return ""
        if column == TOTAL:
            return format_rupiah(line.total)
        if column == RATE:
            return format_percent(line.rate_bp) if line.rate_bp is not None else ""
        if column == COMMISSION:
            return format_rupiah(line.commission)
        if column == SHARE:
            return format_rupiah(line.total - line.commission)
        return ""

    def _edit_value(self, line: Line, column: int) -> Any:
        if column == PRODUCT:
            return line.product.id if line.product else None
        if column == PRODUCER:
            return producer_key(line.producer) if line.producer else None
        if column == QUANTITY:
            return line.quantity_text if line.quantity_error else (format_quantity(line.quantity_milli) if line.quantity_milli else "")
        if column == PRICE:
            return line.unit_price
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt API)
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        line, column = self.lines[index.row()], index.column()
        if column == PRODUCT:
            self._set_product(line, value)
        elif column == PRODUCER:
            self._set_producer(line, value)
        elif column == QUANTITY:
            self._set_quantity(line, str(value or ""))
        elif column == PRICE:
            line.unit_price = int(value or 0)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.totals_changed.emit()
        return True

    # editing
    def _set_product(self, line: Line, product_id: uuid.UUID | None) -> None:
        product = self.products.get(product_id) if product_id else None
        if product is None:
            line.product, line.producer, line.producer_text, line.on_hand_milli, line.rate_bp = None, None, "", None, None
            return
        if line.product is not None and line.product.id == product.id:
            return
        line.product = product
        line.unit_price = product.data.default_price
        line.rate_bp = self.rate_of(product.id)
        holders = self.stock_of(product.id)
        line.producer, line.producer_text, line.on_hand_milli = None, "", None
        if len(holders) == 1:
            self._take_holder(line, holders[0])

    def _set_producer(self, line: Line, key: str | None) -> None:
        if line.product is None:
            return
        holder = next((row for row in self.stock_of(line.product.id) if producer_key(row.producer) == key), None)
        if holder is None:
            line.producer, line.producer_text, line.on_hand_milli = None, "", None
        else:
            self._take_holder(line, holder)

    def _take_holder(self, line: Line, holder: StockRow) -> None:
        line.producer = holder.producer
        line.on_hand_milli = holder.on_hand_milli
        line.producer_text = self.tr("{producer} · stok {stock}").format(
            producer=producer_label(holder.producer_name, holder.producer_identity),
            stock=format_quantity(holder.on_hand_milli, holder.unit),
        )

    def _set_quantity(self, line: Line, text: str) -> None:
        line.quantity_text = text.strip()
        line.quantity_error = ""
        line.quantity_milli = None
        if not line.quantity_text:
            return
        try:
            line.quantity_milli = parse_quantity(line.quantity_text)
        except ValidationError as error:
            line.quantity_error = error.message

    def producer_choices(self, row: int) -> list[tuple[str, str]]:
        """(key, label) of the producers holding stock of the line's product."""
        line = self.lines[row]
        if line.product is None:
            return []
        return [
            (producer_key(holder.producer), self.tr("{producer} — stok {stock}").format(
                producer=producer_label(holder.producer_name, holder.producer_identity),
                stock=format_quantity(holder.on_hand_milli, holder.unit)))
            for holder in self.stock_of(line.product.id)
        ]

    def refresh_rates(self) -> None:
        """The channel changed: each line takes the rate of its product in the new channel."""
        for line in self.lines:
            if line.product is not None:
                line.rate_bp = self.rate_of(line.product.id)
        if self.lines:
            self.dataChanged.emit(self.index(0, RATE), self.index(len(self.lines) - 1, SHARE))
        self.totals_changed.emit()

    def append_line(self) -> int:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(Line())
        self.endInsertRows()
        return row

    def put_new_product(self, product: ProductView, row: int) -> int:
        """A product added from inside the sale: offer it from now on and put it on line ``row`` if
        that line has no product yet, else on a new line. Returns the line it went on."""
        self.products[product.id] = product
        if not 0 <= row < len(self.lines) or self.lines[row].product is not None:
            row = self.append_line()
        self.setData(self.index(row, PRODUCT), product.id)
        return row

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self.lines):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.lines[row]
        self.endRemoveRows()
        if not self.lines:
            self.append_line()
        self.totals_changed.emit()

    # results
    def filled_lines(self) -> list[tuple[int, Line]]:
        return [(number, line) for number, line in enumerate(self.lines, start=1) if not line.is_empty()]

    def totals(self) -> tuple[int, int]:
        """(total, commission) of the lines as entered so far."""
        lines = [line for _, line in self.filled_lines()]
        return sum(line.total for line in lines), sum(line.commission for line in lines)

    def sale_lines(self) -> tuple[SaleLineInput, ...]:
        """The lines for the service; a line not filled in well enough is a ValidationError naming it."""
        found = []
        for number, line in self.filled_lines():
            if line.product is None:
                raise ValidationError(self.tr("Baris {row}: pilih barang.").format(row=number), field="lines")
            if line.producer is None:
                raise ValidationError(self.tr("Baris {row}: pilih penitip {product}.").format(
                    row=number, product=line.product.data.name), field="lines")
            if line.quantity_error:
                raise ValidationError(self.tr("Baris {row}: {message}").format(row=number, message=line.quantity_error), field="lines")
            if not line.quantity_milli:
                raise ValidationError(self.tr("Baris {row}: isi jumlah {product}.").format(
                    row=number, product=line.product.data.name), field="lines")
            found.append(SaleLineInput(line.product.id, line.producer, line.quantity_milli, line.unit_price))
        return tuple(found)


class SaleLinesDelegate(QStyledItemDelegate):
    """The editors of the four input columns; Enter behaves like Tab (commit, next cell)."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:  # noqa: N802 (Qt API)
        model: SaleLinesModel = index.model()
        column = index.column()
        if column == PRODUCT:
            combo = QComboBox(parent, objectName="saleProductEditor")
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItem("", None)
            for product in sorted((p for p in model.products.values() if p.active), key=lambda p: p.data.name.lower()):
                combo.addItem(product.data.name, product.id)
            completer = QCompleter(combo.model(), combo)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
            combo.lineEdit().installEventFilter(self)
            return combo
        if column == PRODUCER:
            combo = QComboBox(parent, objectName="saleProducerEditor")
            for key, label in model.producer_choices(index.row()):
                combo.addItem(label, key)
            if combo.count() == 0:
                combo.addItem(self.tr("— tidak ada stok barang ini —"), None)
            return combo
        if column == QUANTITY:
            edit = QLineEdit(parent, objectName="saleQuantityEditor")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setPlaceholderText(model.lines[index.row()].unit)
            return edit
        if column == PRICE:
            return MoneyEdit(parent, objectName="salePriceEditor")
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802 (Qt API)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            position = next((i for i in range(editor.count()) if editor.itemData(i) == value), 0)
            editor.setCurrentIndex(position)
            if editor.isEditable():
                editor.lineEdit().selectAll()
        elif isinstance(editor, MoneyEdit):
            editor.setText(group_thousands(value) if value else "")
            editor.selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")
            editor.selectAll()

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802 (Qt API)
        if isinstance(editor, QComboBox) and editor.isEditable():
            model.setData(index, _match_product(editor))
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, MoneyEdit):
            try:
                model.setData(index, editor.value())
            except ValidationError:
                model.setData(index, 0)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            editor = watched.parent() if isinstance(watched, QLineEdit) and isinstance(watched.parent(), QComboBox) else watched
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
                return True
            if key == Qt.Key.Key_Backtab:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditPreviousItem)
                return True
        return super().eventFilter(watched, event)


def _match_product(combo: QComboBox) -> uuid.UUID | None:
    """The product the clerk typed: the exact name, else the first name containing the text."""
    text = combo.currentText().strip().lower()
    if not text:
        return None
    names = [(combo.itemText(i).lower(), combo.itemData(i)) for i in range(combo.count()) if combo.itemData(i) is not None]
    exact = next((value for name, value in names if name == text), None)
    if exact is not None:
        return exact
    return next((value for name, value in names if name.startswith(text)), None) or next(
        (value for name, value in names if text in name), None)


class SaleLinesTable(QTableView):
    """Tab and Enter walk the input cells row by row; past the last filled line a new line opens."""

    def __init__(self, model: SaleLinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saleLinesTable")
        self.setModel(model)
        self.setItemDelegate(SaleLinesDelegate(self))
        self.setTabKeyNavigation(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.fontMetrics()
        widths = {PRODUCT: "Beras organik premium 5 kg", PRODUCER: "Kelompok Wanita Tani Mawar (SRL-000123) · stok 1.000 kg",
                  QUANTITY: "1.000,5 karung", PRICE: "Rp10.000.000", TOTAL: "Rp10.000.000", RATE: "Jasa %",
                  COMMISSION: "Rp1.000.000", SHARE: "Rp10.000.000"}
        for column, sample in widths.items():
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        header.setSectionResizeMode(PRODUCER, QHeaderView.ResizeMode.Stretch)

    @property
    def lines(self) -> SaleLinesModel:
        return self.model()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        current = self.currentIndex()
        model = self.lines
        if action not in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious) or not current.isValid():
            return super().moveCursor(action, modifiers)
        row, column = current.row(), current.column()
        if action == QAbstractItemView.CursorAction.MovePrevious:
            earlier = [c for c in EDITABLE if c < column]
            if earlier:
                return model.index(row, earlier[-1])
            return model.index(row - 1, EDITABLE[-1]) if row > 0 else QModelIndex()
        line = model.lines[row]
        if line.product is None:
            return QModelIndex()  # an empty line: Tab leaves the table (to Simpan)
        later = [c for c in EDITABLE if c > column]
        if later:
            return model.index(row, later[0])
        if row + 1 >= model.rowCount():
            model.append_line()
        return model.index(row + 1, PRODUCT)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid() and self.state() != QAbstractItemView.State.EditingState:
            if index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
            else:
                following = self.moveCursor(QAbstractItemView.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier)
                if following.isValid():
                    self.setCurrentIndex(following)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete and index.isValid():
            self.lines.remove_line(index.row())
            row = min(index.row(), self.lines.rowCount() - 1)
            self.setCurrentIndex(self.lines.index(row, PRODUCT))
            event.accept()
            return
        super().keyPressEvent(event)
