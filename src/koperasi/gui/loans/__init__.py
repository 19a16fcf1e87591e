"""Pinjaman: the loan list, a loan's detail and actions, group collections, arrears, funds and products."""

from __future__ import annotations


def find_data(combo, value) -> int:
    """``QComboBox.findData`` for Python values (a UUID from another query is equal, not identical)."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1
