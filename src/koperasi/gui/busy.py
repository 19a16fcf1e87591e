"""Long work (arrears over 20,000 loans, an Excel import or export) without a frozen window.

The work runs on one worker thread while the GUI thread keeps painting; a wait cursor
shows at once and a progress dialog after half a second. The result, or the DomainError
the work raised, comes back to the caller on the GUI thread.

Work that can report its progress and stop half-way takes a ``Steps``: the worker calls
``steps.report(done, total)`` and checks ``steps.cancelled()`` (the services' ``progress``
and ``cancelled`` callbacks); the dialog then shows a bar and a Batal button.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 500
_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="koperasi-work")  # one at a time, in order
_undelivered: set[Future] = set()  # background work whose result the GUI thread has not taken yet


class Steps:
    """Progress and the cancel request, shared by the worker thread and the GUI thread."""

    def __init__(self) -> None:
        self._position = (0, 0)  # (done, total): replaced whole, so a reader never sees half an update
        self._cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        self._position = (done, total)

    def position(self) -> tuple[int, int]:
        return self._position

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def run_busy(parent: QWidget, label: str, work: Callable[[], T], *, steps: Steps | None = None) -> T:
    future = _worker.submit(work)
    progress = QProgressDialog(label, "", 0, 0, parent)
    if steps is None:
        progress.setCancelButton(None)  # the work cannot stop half-way; nothing to cancel
    else:
        progress.setCancelButtonText(QCoreApplication.translate("busy", "Batal"))
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.canceled.connect(steps.cancel)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setValue(0)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    loop = QEventLoop()
    poll = QTimer(interval=20)

    def check() -> None:
        if steps is not None and progress.wasCanceled():  # Batal, or Esc, which cancels without the signal
            steps.cancel()
        if steps is not None and not steps.cancelled():
            done, total = steps.position()
            if total:
                progress.setMaximum(total)
                progress.setValue(min(done, total))
        if future.done():
            loop.quit()

    poll.timeout.connect(check)
    try:
        if not future.done():
            poll.start()
            # Without steps there is nothing to click; with steps, Batal must stay clickable
            # (the dialog is window-modal, so the window behind it still takes no input).
            flags = QEventLoop.ProcessEventsFlag.AllEvents if steps else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
            loop.exec(flags)
        return future.result()
    finally:
        poll.stop()
        QGuiApplication.restoreOverrideCursor()
        progress.close()


def run_in_background(parent: QWidget, work: Callable[[], T], done: Callable[[T], None],
                      failed: Callable[[BaseException], None]) -> None:
    """Work on the worker thread without holding the window: no dialog, no wait cursor.

    ``done`` (or ``failed``) is called on the GUI thread once the work ends, unless ``parent``
    was deleted by then. For figures that fill a page while the user goes on working.
    """
    future = _worker.submit(work)
    _undelivered.add(future)
    poll = QTimer(parent, interval=20)
    poll.destroyed.connect(lambda: _undelivered.discard(future))  # its parent went: nobody takes the result

    def check() -> None:
        if not future.done():
            return
        _undelivered.discard(future)
        poll.stop()
        poll.deleteLater()
        error = future.exception()
        if error is None:
            done(future.result())
        else:
            failed(error)

    poll.timeout.connect(check)
    poll.start()


def drain() -> None:
    """Wait until the work handed to the worker thread so far has ended: before the database it reads
    is closed (at exit), or before a test's database goes away under it."""
    _worker.submit(lambda: None).result()


def settle(timeout_s: float = 10.0) -> None:
    """``drain``, and deliver the results on this (the GUI) thread until none waits: a result may hand the
    worker more (Beranda's charts are read once its figures are in), which a single drain would miss."""
    deadline = time.monotonic() + timeout_s
    drain()
    while _undelivered and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)  # the results are picked up by a 20 ms timer
        drain()
