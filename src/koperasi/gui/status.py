"""Confirm a finished action in the main window's status bar, from any widget inside it.

A dialog that printed or saved something says so here ("Kwitansi KW/SRL/2026/000123 dicetak
ke HP LaserJet"): the message outlives the dialog, and the clerk sees what went where.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QWidget

SHOWN_FOR_MS = 120_000  # long enough to read after closing the dialog; then no stale claim lingers


def announce(widget: QWidget, message: str) -> None:
    """Show ``message`` in the status bar of the main window ``widget`` belongs to (through its
    parents: a dialog is a window of its own). Without a main window (a test, the CLI) it is dropped."""
    current: QWidget | None = widget
    while current is not None:
        window = current.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, SHOWN_FOR_MS)
            return
        current = window.parentWidget()
