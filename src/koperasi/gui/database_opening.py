"""The database opened behind the login window: at start-up the window can show first, read without SQLAlchemy
(app.run_gui), and the database layer loads and the database opens while the password is typed.

On the GUI thread, in the event-loop turn after the window's first paint: the window is on screen before the
work starts, and a key press meanwhile waits for it once (Qt's objects and an import racing the same import
on the GUI thread rule out another thread; gui/warm_up.py says why). A login that comes first opens it then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from koperasi.db.database import Database


class DatabaseOpening(QObject):
    """Opens the database once, with ``open_``; ``opened`` (the database) or ``failed`` says how it went."""

    opened = Signal(object)
    failed = Signal()

    def __init__(self, open_: Callable[[], Database]) -> None:
        super().__init__()
        self._open = open_
        self.database: Database | None = None
        self.error: Exception | None = None  # why it could not be opened: the caller explains it

    def start_after_first_paint(self, window: QWidget) -> None:
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.result)  # after this paint has reached the screen
        return False

    def result(self) -> Database | None:
        """The database, opened now if it is not yet; None when it could not be (``error`` says why)."""
        if self.database is None and self.error is None:
            try:
                self.database = self._open()
            except Exception as error:  # every failure is explained by the caller, as when it opens before the login
                self.error = error
                self.failed.emit()
                return None
            self.opened.emit(self.database)
        return self.database
