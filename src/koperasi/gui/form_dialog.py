"""A dialog around one form: the form, an inline error line, and Simpan / Batal.

Subclasses implement ``save``; it is not called while a date field of the form holds no valid
date (the field's message is shown and the field focused instead). A ``DomainError`` it raises is
shown under the form and, for a ``ValidationError``, the input at fault gets the focus. The dialog closes only
after a successful save, with the result ``save`` returns (default: accepted). Batal, Esc or the
window's X on a form with changes first asks Simpan / Buang perubahan / Kembali (gui/unsaved_changes).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.gui.date_field import DateField
from koperasi.gui.messages import set_inline_error
from koperasi.gui.unsaved_changes import UnsavedChangesGuard
from koperasi.gui.screen_fit import fit_to_screen


class FormDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, form: QWidget, *, object_name: str, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._form_widget = form
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{object_name}Error")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save_and_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        fit_to_screen(self, width, self.sizeHint().height())
        self._date_messages: set[str] = set()
        for date_field in form.findChildren(DateField):
            date_field.error_changed.connect(self._date_error_changed)

    def save(self) -> int | None:
        raise NotImplementedError

    def _date_error_changed(self, message: str) -> None:
        # A date's problem shows under the form as the clerk leaves the field, and goes once fixed
        # (unless another date field still has one); a message from a save attempt is left alone.
        if message:
            self._date_messages.add(message)
            set_inline_error(self.error_label, message)
        elif self.error_label.text() in self._date_messages:
            still_wrong = [f.error() for f in self._form_widget.findChildren(DateField) if f.text().strip() and not f.is_valid()]
            set_inline_error(self.error_label, still_wrong[0] if still_wrong else "")

    def save_before_closing(self) -> bool:
        return self._save_and_close()

    def _save_and_close(self) -> bool:
        invalid = next((f for f in self._form_widget.findChildren(DateField) if f.isVisibleTo(self) and f.isEnabledTo(self) and not f.check()), None)
        if invalid is not None:
            set_inline_error(self.error_label, invalid.error())
            invalid.setFocus()
            return False
        try:
            result = self.save()
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            focus_field = getattr(self._form_widget, "focus_field", None)
            if isinstance(error, ValidationError) and focus_field is not None:
                focus_field(error.field)
            return False
        set_inline_error(self.error_label, "")  # a dialog shown again must not repeat the refusal its save got past
        self.done(QDialog.DialogCode.Accepted if result is None else result)
        return True


class FieldForm(QWidget):
    """A QFormLayout whose rows are named by the service field they feed (for focus on error)."""

    def __init__(self, summary: str = "") -> None:
        super().__init__()
        self.layout_ = QFormLayout(self)
        self._fields: dict[str, QWidget] = {}
        if summary:
            label = QLabel(summary)
            label.setWordWrap(True)
            self.layout_.addRow(label)

    def add(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        self.layout_.addRow(label, widget)
        if field:
            self._fields[field] = widget
        return widget

    def name_field(self, field: str, widget: QWidget) -> None:
        """Focus ``widget`` for ``field``'s errors: the input inside a row of several widgets."""
        self._fields[field] = widget

    def focus_field(self, field: str | None) -> None:
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()
