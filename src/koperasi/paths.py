"""Where the program keeps its data and logs (platformdirs), overridable for portable use and tests."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "KoperasiBerdaya"
ENV_DATA_DIR = "KOPERASI_DATA_DIR"


def data_dir() -> Path:
    """``%LOCALAPPDATA%\\KoperasiBerdaya`` on Windows, ``~/.local/share/KoperasiBerdaya`` on Linux."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser().absolute()
    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    return data_dir() / "log"


def default_database_path() -> Path:
    return data_dir() / "koperasi.db"


def backups_dir() -> Path:
    """Where automatic backups go unless the office chose another folder (setting BACKUP_FOLDER)."""
    return data_dir() / "cadangan"
