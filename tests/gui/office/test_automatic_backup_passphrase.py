"""Automatic backups locked on a PC without a credential store: the passphrase is asked once after log-in,
kept in memory, and without it the backups are skipped with a warning, never made unlocked (issue 18 item 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from koperasi import app
from koperasi.domain.roles import Role
from koperasi.gui.main_window import MainWindow
from koperasi.gui.office.about_dialog import AboutDialog
from koperasi.gui.office.automatic_backup_lock_dialog import AutomaticBackupLockDialog, AutomaticBackupPassphraseDialog
from koperasi.paths import backups_dir
from koperasi.services.office import automatic_backup_lock as lock
from koperasi.services.office.backup import inspect_backup, list_backups
from tests.loan_support import loan_office
from tests.support import add_staff

PASSPHRASE = "kunci-otomatis-7"


@pytest.fixture(autouse=True)
def no_store(monkeypatch):
    import keyring.core
    from keyring.backends import fail

    monkeypatch.setattr("koperasi.services.office.backup_crypto.SCRYPT_LOG2_N", 12)
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())


@pytest.fixture
def locked(context):
    with context.database.session() as session:
        lock.lock_automatic_backups(session, context.actor, PASSPHRASE)
    return context


def _asked(qtbot, context, actor=None) -> AutomaticBackupPassphraseDialog:
    dialog = AutomaticBackupPassphraseDialog(context.database, actor or context.actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_on_a_pc_without_a_credential_store_an_admin_locks_them_to_be_asked_and_tentang_says_so(qtbot, context):
    dialog = AutomaticBackupLockDialog(context)
    qtbot.addWidget(dialog)
    assert "ditanyakan sesudah masuk" in dialog.state.text() and dialog.lock_button.isEnabled()
    dialog.passphrase_edit.setText(PASSPHRASE)
    dialog.repeat_edit.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.lock_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "" and "terkunci</b>; kata sandinya ditanyakan" in dialog.state.text()
    about = AboutDialog(context.database)
    qtbot.addWidget(about)
    text = " ".join(label.text() for label in about.findChildren(type(dialog.state)))
    assert "terkunci dengan kata sandi yang diminta sesudah masuk" in text and "dilewati, tidak dibuat tanpa kunci" in text


def test_the_asked_passphrase_is_typed_and_entered_a_wrong_one_said_inline(qtbot, locked):
    dialog = _asked(qtbot, locked, add_staff(locked.database, locked.actor, "kasir", Role.TREASURER))
    assert dialog.focusWidget() is dialog.passphrase_edit  # keyboard first: type, then Enter
    qtbot.keyClicks(dialog.passphrase_edit, "kunci-salah-99")
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert "salah" in dialog.error_label.text() and dialog.isVisible() and dialog.passphrase is None
    assert dialog.passphrase_edit.selectedText() == "kunci-salah-99"  # typing replaces it
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.passphrase == PASSPHRASE
    assert dialog.passphrase_edit.text() == ""


def test_escape_skips_the_question(qtbot, locked):
    dialog = _asked(qtbot, locked)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Escape)
    assert dialog.result() == dialog.DialogCode.Rejected and dialog.passphrase is None


def _answer(monkeypatch, passphrase: str | None, asked: list[str]):
    def exec_(dialog):
        asked.append(dialog.actor.username)
        dialog.passphrase = passphrase
        return int(passphrase is not None)

    monkeypatch.setattr(AutomaticBackupPassphraseDialog, "exec", exec_)


def _log_in(qtbot, backups, context, actor) -> MainWindow:
    """What run_session_loop does after the password: ask, open the window, start the waiting backup."""
    backups.ask_passphrase(actor)
    window = MainWindow(type(context)(database=context.database, actor=actor, office=context.office))
    qtbot.addWidget(window)
    backups.show_on(window)
    backups.start_daily()
    backups.wait(timeout=30)
    return window


def test_given_after_log_in_the_passphrase_locks_the_start_up_and_exit_backups(qtbot, locked, monkeypatch):
    asked: list[str] = []
    _answer(monkeypatch, PASSPHRASE, asked)
    backups = app.AutomaticBackups(locked.database)
    backups.start_daily()  # before the log-in: waits for the passphrase
    backups.wait(timeout=30)
    assert list_backups(backups_dir()) == []
    window = _log_in(qtbot, backups, locked, locked.actor)
    assert asked == ["admin"] and window.statusBar().currentMessage().startswith("Cadangan otomatis dibuat")
    backups.at_exit()
    made = list_backups(backups_dir())
    assert len(made) == 2 and all(info.encrypted for info in made)
    assert inspect_backup(made[0].path, passphrase=PASSPHRASE).office_code == "PAU"
    backups.ask_passphrase(locked.actor)  # the next log-in of this run: known, not asked again
    assert asked == ["admin"]


def test_when_nobody_gives_it_the_backups_are_skipped_with_a_warning_on_beranda(qtbot, locked, monkeypatch):
    office = loan_office(locked.database, locked.actor)  # Beranda's waiting list: an office at work
    office.disburse(office.approved_loan(office.member("Budi Santoso"), 1_200_000))
    asked: list[str] = []
    _answer(monkeypatch, None, asked)
    clerk = add_staff(locked.database, locked.actor, "juru", Role.CLERK)
    treasurer = add_staff(locked.database, locked.actor, "kasir", Role.TREASURER)
    backups = app.AutomaticBackups(locked.database)
    backups.start_daily()
    window = _log_in(qtbot, backups, locked, clerk)  # may not make backups: not asked, the backup is skipped
    assert asked == []
    assert window.statusBar().currentMessage().startswith("Cadangan otomatis dilewati")
    window = _log_in(qtbot, backups, locked, treasurer)  # asked, and skips
    assert asked == ["kasir"] and list_backups(backups_dir()) == []
    qtbot.waitUntil(lambda: "Cadangan otomatis dilewati" in window.dashboard.waiting.label().text(), timeout=5000)
    assert "kata sandi cadangan tidak dimasukkan" in window.dashboard.waiting.label().text()
    backups.at_exit()
    assert list_backups(backups_dir()) == [] and backups.last_message.startswith("Cadangan otomatis dilewati")
    # The admin gives it at the next log-in of the same run: the skipped start-up backup is made then.
    _answer(monkeypatch, PASSPHRASE, asked)
    window = _log_in(qtbot, backups, locked, locked.actor)
    assert [info.encrypted for info in list_backups(backups_dir())] == [True]
    qtbot.waitUntil(lambda: "Cadangan terakhir hari ini" in window.dashboard.waiting.label().text(), timeout=5000)


def test_the_session_loop_asks_after_the_password_and_the_start_up_backup_waits_for_it(qtbot, locked, monkeypatch):
    from PySide6.QtCore import QTimer

    from koperasi.gui.office import login_dialog
    from koperasi.services.office import auth
    from tests.support import TEST_PASSWORD

    happened: list[str] = []

    def log_in(dialog):
        happened.append("login")
        with locked.database.session() as session:
            dialog.actor = auth.login(session, "admin", TEST_PASSWORD)
        return 1

    def show_then_quit(window):
        happened.append("window")
        QTimer.singleShot(0, window.form.actionQuit.trigger)

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", log_in)
    monkeypatch.setattr(MainWindow, "show", show_then_quit)
    _answer(monkeypatch, PASSPHRASE, asked := [])
    monkeypatch.setattr(AutomaticBackupPassphraseDialog, "exec",
                        lambda dialog, answer=AutomaticBackupPassphraseDialog.exec: happened.append("asked") or answer(dialog))
    backups = app.AutomaticBackups(locked.database)
    assert app.run_session_loop(locked.database, backups) == 0
    backups.wait(timeout=30)
    assert happened == ["login", "asked", "window"] and asked == ["admin"]
    assert [info.encrypted for info in list_backups(backups_dir())] == [True]
