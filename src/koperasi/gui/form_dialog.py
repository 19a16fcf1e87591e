"""A dialog around one form: the form, an inline error line, and Simpan / Batal.

Subclasses implement ``save``; a ``DomainError`` it raises is shown under the form and,
for a ``ValidationError``, the input at fault gets the focus. The dialog closes only
after a successful save, with the result ``save`` returns (default: accepted).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from koperasi.domain.errors import DomainError, ValidationError
from koperasi.gui.messages import set_inline_error
from koperasi.gui.screen_fit import fit_to_screen


class FormDialog(QDialog):
    def __init__(self, form: QWidget, *, object_name: str, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._form_widget = form
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{object_name}Error")
        self.error_label.setWordWrap(True)
        set_inline_error(self.error_label, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save_and_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        fit_to_screen(self, width, self.sizeHint().height())

    def save(self) -> int | None:
        raise NotImplementedError

    def _save_and_close(self) -> None:
        try:
            result = self.save()
        except DomainError as error:
            set_inline_error(self.error_label, error.message)
            focus_field = getattr(self._form_widget, "focus_field", None)
            if isinstance(error, ValidationError) and focus_field is not None:
                focus_field(error.field)
            return
        self.done(QDialog.DialogCode.Accepted if result is None else result)
