"""A rupiah input: whole rupiah only, thousands grouped with dots as the clerk types, right-aligned."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from koperasi.domain.errors import ValidationError
from koperasi.domain.money import parse_rupiah

MAX_DIGITS = 13  # Rp9.999.999.999.999: far beyond any amount the office handles


def group_thousands(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


class MoneyEdit(QLineEdit):
    """``value()`` is an ``int`` (0 when empty); ``value_changed`` fires on every edit."""

    value_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, value: int = 0, **properties) -> None:
        super().__init__(parent, **properties)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText("0")
        self.setMaxLength(MAX_DIGITS + MAX_DIGITS // 3)
        self.textEdited.connect(self._regroup)
        self.set_value(value)

    def value(self) -> int:
        text = self.text().strip()
        return parse_rupiah(text) if text else 0

    def set_value(self, amount: int) -> None:
        self.setText(group_thousands(amount) if amount else "")
        self.value_changed.emit(amount)

    def checked_value(self, field: str = "amount") -> int:
        """The amount, or a ValidationError naming ``field`` (for a form's inline error)."""
        try:
            return self.value()
        except ValidationError as error:
            raise ValidationError(error.message, field=field) from error

    def _regroup(self, text: str) -> None:
        # Keep only digits, regroup, and put the cursor back behind the same number of digits.
        digits_before_cursor = sum(ch.isdigit() for ch in text[: self.cursorPosition()])
        digits = "".join(ch for ch in text if "0" <= ch <= "9").lstrip("0")[:MAX_DIGITS]
        grouped = group_thousands(int(digits)) if digits else ""
        self.setText(grouped)
        position, seen = 0, 0
        while position < len(grouped) and seen < digits_before_cursor:
            if grouped[position].isdigit():
                seen += 1
            position += 1
        self.setCursorPosition(position)
        self.value_changed.emit(int(digits) if digits else 0)
