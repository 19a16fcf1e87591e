"""Choices in a combo box, found by the value behind them."""

from __future__ import annotations


def find_data(combo, value) -> int:
    """``QComboBox.findData`` for Python values (a UUID from another query is equal, not identical)."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1
