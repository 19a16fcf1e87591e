"""Icons from the compiled Qt resources (the same path works installed, editable and frozen)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from koperasi.gui import resources_rc  # noqa: F401  (registers the :/ resources)

APP_ICON = ":/icons/app.svg"


def app_icon() -> QIcon:
    return QIcon(APP_ICON)
