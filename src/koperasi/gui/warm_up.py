"""While the clerk types the password: load the main window's modules, one at a time between key presses.

The login window shows before the models and the main window are imported (they are most of start-up); the
seconds spent typing the password are enough to import them, so that the main window opens soon after the
password is accepted. Each module is imported on the GUI thread in its own turn of the event loop (a key
press waits for one import at most, a few tens of milliseconds), never on another thread: Qt's classes are
not to be made there, and an import on a thread would race the same import on the GUI thread.
"""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import QObject, QTimer

# In the order they depend on each other, so that each step is one module's own work, not a chain.
MODULES = (
    "koperasi.db.models",
    "koperasi.services.office.auth",
    "koperasi.services.office.profile",
    "koperasi.services.dashboard.figures",
    "koperasi.services.dashboard.waiting",
    "koperasi.gui.dashboard.tab",
    "koperasi.gui.dashboard.charts",
    "koperasi.gui.main_window",
)
# After the login window's first paint: its own showing never waits for an import.
FIRST_DELAY_MS = 150


def warm_up_while_typing(window: QObject, modules: tuple[str, ...] = MODULES) -> None:
    """Import ``modules`` one per event-loop turn, starting shortly after ``window`` shows; stops with the window."""
    remaining = list(modules)

    def next_one() -> None:
        if remaining:
            import_module(remaining.pop(0))
            QTimer.singleShot(0, window, next_one)

    QTimer.singleShot(FIRST_DELAY_MS, window, next_one)
