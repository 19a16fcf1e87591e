"""Message boxes and inline errors with Indonesian buttons.

Qt's own button texts come from our qtbase_id translation; these helpers still name
their buttons explicitly so a question reads as a decision ("Nonaktifkan", "Batal").
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"  # dark amber: worth a look, but saving is allowed


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.NoButton, parent)
    box.addButton("Tutup", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, message, QMessageBox.StandardButton.NoButton, parent)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, title: str, question: str, *, yes: str, no: str = "Batal") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def set_inline_error(label: QLabel, message: str) -> None:
    """Show (or with an empty message, hide) the error line under a form."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(message)
    label.setVisible(bool(message))
