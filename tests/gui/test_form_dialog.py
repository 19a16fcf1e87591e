"""FormDialog: a refused save leaves its message under the form; a successful one clears it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit

from koperasi.domain.errors import ValidationError
from koperasi.gui.form_dialog import FieldForm, FormDialog


class _NameDialog(FormDialog):
    def __init__(self) -> None:
        form = FieldForm()
        self.name = form.add("Nama", QLineEdit(), "name")
        super().__init__(form, object_name="nameDialog", width=400)
        self.saved: list[str] = []

    def save(self) -> None:
        if not self.name.text().strip():
            raise ValidationError("Nama wajib diisi.", field="name")
        self.saved.append(self.name.text())


def test_the_error_line_goes_once_the_save_succeeds(qtbot):
    dialog = _NameDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.error_label.text() == "Nama wajib diisi." and dialog.isVisible()
    dialog.name.setText("Siti")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.saved == ["Siti"] and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.error_label.text() == ""  # shown again (a dialog kept for the next entry), it must not repeat the old refusal
