"""Nothing typed is lost: a dialog with changes asks before Batal, Esc or the window's X closes it.

``UnsavedChangesGuard`` is a mixin for a QDialog (put it before the Qt class in the bases). When the
dialog is first shown it takes a snapshot of every input widget's value; when it is about to close
without saving it compares the snapshot with the values now. A snapshot compare, not change signals:
typing and then deleting what was typed is not a change, and a dialog that fills itself in code
before it is shown starts clean.

Qt routes Batal (``rejected``), Esc and the window's X (``QDialog.closeEvent``) all through
``reject()``, so overriding it covers the three.

``UnsavedPage`` marks a page of a main-window tab where the clerk types without a dialog (the group
collection sheet): closing the program asks about it as about an open form.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid


class Answer(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    KEEP = "keep"


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnsavedChanges", text)


def _value(widget: QWidget) -> object:
    """What the clerk has entered in one input widget; ``None`` for a widget that is not an input."""
    if isinstance(widget, QLineEdit):
        # The line edit inside a spin box, date edit or editable combo is read through its owner.
        owner = widget.parentWidget()
        return None if isinstance(owner, QAbstractSpinBox | QComboBox) else widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText(), widget.currentData()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QTableWidget):
        # Cell widgets (combos in a row) are inputs of their own; here the items' text and ticks.
        return tuple(
            (item.text(), item.checkState()) if (item := widget.item(row, column)) is not None else None
            for row in range(widget.rowCount())
            for column in range(widget.columnCount())
        )
    return None


def input_values(root: QWidget) -> list[tuple[QWidget, object]]:
    """Each input widget of ``root``'s window with its value, leaving out other windows (a child
    dialog, a completer's popup) that happen to be its children."""
    values = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not root:
            continue
        value = _value(widget)
        if value is not None:
            values.append((widget, value))
    return values


class UnsavedChangesGuard:
    """Mixin for a QDialog. A subclass that can save implements ``save_before_closing`` (save and
    close; return whether it closed) and may add state the input widgets do not show (the lines of
    a model-based table) through ``extra_state``."""

    _snapshot: tuple[list[tuple[QWidget, object]], object] | None = None

    def extra_state(self) -> object:
        return None

    def save_before_closing(self) -> bool:
        raise NotImplementedError

    def mark_clean(self, *widgets: QWidget) -> None:
        """What is in the form now counts as unchanged (it is taken again at the first show). With
        ``widgets``, only what they hold: a dialog that saves one part keeps the rest asked about."""
        now = input_values(self)  # type: ignore[arg-type]
        if widgets and self._snapshot is not None:
            before = dict(self._snapshot[0])
            now = [(widget, value if widget in widgets else before.get(widget, value)) for widget, value in now]
        self._snapshot = (now, self.extra_state())

    def has_unsaved_changes(self) -> bool:
        if self._snapshot is None:
            return False
        widgets, extra = self._snapshot
        if extra != self.extra_state():
            return True
        return any(isValid(widget) and _value(widget) != value for widget, value in widgets)

    def ask_about_changes(self) -> Answer:
        return ask_save_discard_keep(self)  # type: ignore[arg-type]

    def discard_changes(self) -> None:
        """Close without asking (the clerk already chose to leave the changes)."""
        self._snapshot = None
        QDialog.reject(self)  # type: ignore[arg-type]

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self._snapshot is None:
            self.mark_clean()
        super().showEvent(event)  # type: ignore[misc]

    def reject(self) -> None:
        if self.has_unsaved_changes():
            answer = self.ask_about_changes()
            if answer is Answer.KEEP:
                return
            if answer is Answer.SAVE:
                self.save_before_closing()
                return
        self.discard_changes()


def ask_save_discard_keep(parent: QWidget) -> Answer:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("Perubahan belum disimpan"),
        _tr("Isian di formulir ini belum disimpan. Simpan sekarang?"),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("unsavedChangesBox")
    save = box.addButton(_tr("&Simpan"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("&Buang perubahan"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_tr("&Kembali"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(keep)
    box.exec()
    return {save: Answer.SAVE, discard: Answer.DISCARD}.get(box.clickedButton(), Answer.KEEP)


def ask_keep_or_quit(parent: QWidget, question: str) -> Answer:
    """The two-way question of a wizard or of closing the program: keep filling in, or leave."""
    box = QMessageBox(
        QMessageBox.Icon.Question, _tr("Isian belum disimpan"), question, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("keepOrQuitBox")
    keep = box.addButton(_tr("&Lanjutkan mengisi"), QMessageBox.ButtonRole.RejectRole)
    quit_ = box.addButton(_tr("Keluar &tanpa menyimpan"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return Answer.DISCARD if box.clickedButton() is quit_ else Answer.KEEP


class UnsavedPage:
    """Mixin for a QWidget page of a main-window tab that holds typing not yet saved."""

    def has_unsaved_changes(self) -> bool:
        raise NotImplementedError

    def unsaved_title(self) -> str:
        """What the page is called in the question "these forms have unsaved changes"."""
        raise NotImplementedError


def pages_with_changes(window: QWidget) -> list[QWidget]:
    """The pages inside ``window`` (built or not yet shown) whose typing is not saved."""
    return [page for page in window.findChildren(QWidget) if isinstance(page, UnsavedPage) and page.has_unsaved_changes()]


def bring_into_view(page: QWidget) -> None:
    """Make the tab holding ``page`` current, at every level of nested tabs."""
    chain = [page]
    while (parent := chain[-1].parentWidget()) is not None:
        chain.append(parent)
    for position, ancestor in enumerate(chain):
        if isinstance(ancestor, QTabWidget):
            index = next((found for inner in chain[:position] if (found := ancestor.indexOf(inner)) >= 0), -1)
            if index >= 0:
                ancestor.setCurrentIndex(index)


def open_dialogs_with_changes(widgets: Iterable[QWidget] | None = None) -> list[QDialog]:
    """The visible guarded dialogs (modal on top or not) whose changes are not saved."""
    candidates = QApplication.topLevelWidgets() if widgets is None else widgets
    return [
        widget for widget in candidates
        if isinstance(widget, UnsavedChangesGuard) and widget.isVisible() and widget.has_unsaved_changes()
    ]
