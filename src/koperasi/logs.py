"""Logging to a rotating file in the data folder, so a clerk can send it when something breaks."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

from koperasi.paths import log_dir

LOG_FILE_NAME = "koperasi.log"
_OURS = "koperasi_handler"  # configuring twice replaces, not duplicates, our handlers
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
# user:password@ in a URL (up to the last @ before the host: a password may hold an @), and password=... in a libpq connection string (a driver may echo either).
_URL_PASSWORD = re.compile(r"(?P<keep>[a-z][a-z0-9+.\-]*://[^\s:/@]*:)[^\s/]*@", re.IGNORECASE)
_KEYWORD_PASSWORD = re.compile(r"(?P<keep>\bpassword\s*=\s*)('[^']*'|\"[^\"]*\"|\S+)", re.IGNORECASE)
HIDDEN = "***"


def mask_credentials(text: str) -> str:
    """``text`` with every password in a database URL or connection string replaced by ***."""
    text = _URL_PASSWORD.sub(lambda m: f"{m['keep']}{HIDDEN}@", text)
    return _KEYWORD_PASSWORD.sub(lambda m: f"{m['keep']}{HIDDEN}", text)


class _Masking(logging.Formatter):
    """The safety net under every log line, its traceback included: a database password typed in
    ``--db`` (or echoed by a driver) never reaches the log file or the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_credentials(super().format(record))


class _WithoutTraceback(_Masking):
    """For the terminal: the one-line message; the traceback belongs in the log file only."""

    def format(self, record: logging.LogRecord) -> str:
        plain = logging.makeLogRecord(record.__dict__)
        plain.exc_info = plain.exc_text = plain.stack_info = None
        return super().format(plain)


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to ``log/koperasi.log`` (1 MB × 5 files); returns the file, or None
    when the folder cannot be written (the program still runs, logging to stderr)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()
    if sys.stderr is not None:  # a windowed (frozen) program on Windows has none
        stderr = logging.StreamHandler()
        stderr.setLevel(logging.WARNING)
        stderr.setFormatter(_WithoutTraceback(_FORMAT))
        setattr(stderr, _OURS, True)
        root.addHandler(stderr)
    path = log_dir() / LOG_FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        root.warning("cannot write the log file %s; logging to stderr only", path)
        return None
    handler.setFormatter(_Masking(_FORMAT))
    setattr(handler, _OURS, True)
    root.addHandler(handler)
    return path
