from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from koperasi.domain.roles import Role
from koperasi.gui.office import users_dialog as module
from koperasi.gui.office.user_dialogs import ResetPasswordDialog, UserEditDialog
from koperasi.gui.office.users_dialog import UsersDialog
from koperasi.services.office import auth
from koperasi.services.office import users
from tests.support import add_staff


def test_users_table_model_passes_the_model_tester(qtbot, qtmodeltester, context):
    add_staff(context.database, context.actor, "siti", Role.CLERK)
    dialog = UsersDialog(context)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 2
    assert [dialog.model.index(1, c).data() for c in range(4)] == ["siti", "Siti", "Petugas/Kasir", "Aktif"]


def test_add_user_dialog_creates_the_account_or_explains(qtbot, context):
    dialog = UserEditDialog(context)
    qtbot.addWidget(dialog)
    form = dialog.user_form.form
    form.fullNameEdit.setText("Siti Aminah")
    form.usernameEdit.setText("admin")
    form.roleCombo.setCurrentIndex(form.roleCombo.findData(Role.TREASURER))
    form.passwordEdit.setText("sandi-siti-1")
    form.confirmEdit.setText("sandi-siti-1")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert "'admin' sudah dipakai" in dialog.error_label.text() and dialog.result() == 0
    form.usernameEdit.setText("siti")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == UserEditDialog.DialogCode.Accepted
    assert dialog.saved.role is Role.TREASURER
    with context.database.session() as session:
        assert auth.login(session, "siti", "sandi-siti-1").role is Role.TREASURER


def test_deactivating_asks_first_and_then_greys_the_row(qtbot, context, monkeypatch):
    clerk = add_staff(context.database, context.actor, "siti", Role.CLERK)
    answers = [False, True]
    monkeypatch.setattr(module, "confirm", lambda *args, **kwargs: answers.pop(0))
    dialog = UsersDialog(context)
    qtbot.addWidget(dialog)
    dialog.form.usersTable.selectRow(1)
    dialog.form.toggleActiveButton.click()  # answered "Batal"
    assert dialog.selected().active
    dialog.form.toggleActiveButton.click()
    assert not dialog.selected().active and dialog.selected().id == clerk.user_id
    assert dialog.form.toggleActiveButton.text() == "&Aktifkan"
    assert dialog.model.index(1, 3).data() == "Nonaktif"


def test_reset_password_refuses_mismatch_then_sets_it(qtbot, context):
    clerk = add_staff(context.database, context.actor, "siti", Role.CLERK)
    with context.database.session() as session:
        view = next(u for u in users.list_users(session, context.actor) if u.id == clerk.user_id)
    dialog = ResetPasswordDialog(context, view)
    qtbot.addWidget(dialog)
    dialog.form.newEdit.setText("sandi-baru-9")
    dialog.form.confirmEdit.setText("sandi-baru-8")
    dialog._save()
    assert "tidak sama" in dialog.form.errorLabel.text()
    dialog.form.confirmEdit.setText("sandi-baru-9")
    dialog._save()
    assert dialog.result() == ResetPasswordDialog.DialogCode.Accepted
    with context.database.session() as session:
        assert auth.login(session, "siti", "sandi-baru-9").user_id == clerk.user_id
