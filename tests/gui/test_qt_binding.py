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


def test_dialogs_with_list_models_survive_garbage_collection(qtbot, context):
    """A table model owned only by Python, in a reference cycle with its dialog, was collected
    before its view and crashed the self-test (segmentation fault)."""
    import gc

    from koperasi.gui.office.audit_dialog import AuditDialog
    from koperasi.gui.office.regions_dialog import RegionsDialog
    from koperasi.gui.office.users_dialog import UsersDialog

    for make in (UsersDialog, RegionsDialog, AuditDialog):
        dialog = make(context)
        assert dialog.model.parent() is dialog
        dialog.show()
        dialog.close()
        del dialog
        gc.collect()
