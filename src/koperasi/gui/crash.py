"""The last line of defence: log any unexpected error and tell the user calmly.

A ``DomainError`` that escapes a screen is shown as the plain message it carries;
anything else is a bug: the traceback goes to the log file, never to the user.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from koperasi.domain.errors import DomainError
from koperasi.gui.messages import show_error

log = logging.getLogger(__name__)


class CrashHandler(QObject):
    """Installed once; reports reach the GUI thread through a queued signal."""

    report = Signal(str, str)

    def __init__(self, log_file: Path | None) -> None:
        super().__init__()
        self._log_file = log_file
        self._showing = False
        self.report.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(self, kind: type[BaseException], error: BaseException | None, traceback: TracebackType | None) -> None:
        if _is_driver_failure(error):
            from koperasi.db import errors

            # A read that failed in a screen: a lost server or a full disk, not a bug.
            error = errors.translate(error) or error
        if isinstance(error, DomainError):
            log.warning("domain error reached the exception hook: %s", error.message)
            self.report.emit("Tidak dapat dilanjutkan", error.message)
            return
        log.critical("unexpected error", exc_info=(kind, error, traceback))
        self.report.emit("Terjadi kesalahan", self.unexpected_message())

    def unexpected_message(self) -> str:
        where = f"\n\nRinciannya tercatat di:\n{self._log_file}" if self._log_file else ""
        return (
            "Maaf, terjadi kesalahan yang tidak terduga. Pekerjaan yang belum disimpan mungkin perlu diulang; "
            "data yang sudah tersimpan tetap aman."
            f"{where}\n\nBila terulang, kirim berkas log itu ke pengelola program."
        )

    @Slot(str, str)
    def _show(self, title: str, message: str) -> None:
        if self._showing:  # one dialog at a time, not a cascade
            return
        self._showing = True
        try:
            show_error(QApplication.activeWindow(), title, message)
        finally:
            self._showing = False


def _is_driver_failure(error: BaseException | None) -> bool:
    """Whether ``error`` is SQLAlchemy's DBAPIError, asked without importing SQLAlchemy: the handler is installed
    before the login window, which shows before SQLAlchemy loads (app.run_gui); until it has, nothing raised is one."""
    loaded = sys.modules.get("sqlalchemy.exc")
    return loaded is not None and isinstance(error, loaded.DBAPIError)
