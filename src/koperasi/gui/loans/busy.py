"""Long work (arrears over 20,000 loans, an Excel export) without a frozen window.

The work runs on one worker thread while the GUI thread keeps painting; a wait cursor
shows at once and a progress dialog after half a second. The result, or the DomainError
the work raised, comes back to the caller on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 500
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="koperasi-work")  # one at a time, in order


def run_busy(parent: QWidget, label: str, work: Callable[[], T]) -> T:
    future = _worker.submit(work)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)  # the services cannot stop half-way; nothing to cancel
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setValue(0)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    loop = QEventLoop()
    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: loop.quit() if future.done() else None)
    try:
        if not future.done():
            poll.start()
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        return future.result()
    finally:
        poll.stop()
        QGuiApplication.restoreOverrideCursor()
        progress.close()
