from __future__ import annotations

from PySide6.QtCore import Qt

from koperasi.gui.office.login_dialog import LoginDialog
from tests.support import TEST_PASSWORD


def _dialog(qtbot, context, username=""):
    dialog = LoginDialog(context.database, context.office.profile.name, username=username)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_login_with_the_keyboard_accepts_and_returns_the_actor(qtbot, context):
    dialog = _dialog(qtbot, context)
    qtbot.keyClicks(dialog.form.usernameEdit, "admin")
    qtbot.keyClick(dialog.form.usernameEdit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), TEST_PASSWORD)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor.user_id == context.actor.user_id


def test_wrong_password_is_explained_and_cleared(qtbot, context):
    dialog = _dialog(qtbot, context, username="admin")
    dialog.form.passwordEdit.setText("salah-sandi")
    dialog.form.buttonBox.accepted.emit()
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.form.errorLabel.text() == "Nama pengguna atau kata sandi salah."
    assert dialog.form.passwordEdit.text() == ""


def test_failures_in_a_row_make_this_pc_wait_and_say_how_long(qtbot, context):
    dialog = _dialog(qtbot, context, username="admin")
    for _ in range(3):
        dialog.form.passwordEdit.setText("salah-sandi")
        dialog.form.buttonBox.accepted.emit()
    assert dialog.actor is None and "Tunggu 2 detik" in dialog.form.errorLabel.text()


def test_a_held_name_says_how_long_to_wait_without_calling_the_account_locked(qtbot, context, monkeypatch):
    from koperasi.services.office import auth

    monkeypatch.setattr(auth, "FREE_FAILURES", 100)  # five tries from five PCs: no wait between them
    dialog = _dialog(qtbot, context, username="admin")
    for _ in range(5):
        dialog.form.passwordEdit.setText("salah-sandi")
        dialog.form.buttonBox.accepted.emit()
    dialog.form.passwordEdit.setText(TEST_PASSWORD)
    dialog.form.buttonBox.accepted.emit()
    said = dialog.form.errorLabel.text()
    assert dialog.actor is None and "Tunggu" in said and "detik" in said and "dikunci" not in said


def test_empty_username_is_asked_for(qtbot, context):
    dialog = _dialog(qtbot, context)
    dialog.form.buttonBox.accepted.emit()
    assert "Isi nama pengguna" in dialog.form.errorLabel.text()
