"""Facts about the Qt binding that the program relies on."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox


def test_reading_empty_item_data_does_not_lose_references_to_none(qtbot):
    """PySide6 6.12.0 decremented None's reference count on every such read: after enough
    reads Python 3.11 aborts ("deallocating None"). Our combos read "no choice" items often."""
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("— pilih —")
    combo.addItem("pilihan", "nilai")
    before = sys.getrefcount(None)
    for _ in range(200):
        combo.currentData()
        combo.itemData(0)
    assert sys.getrefcount(None) >= before
