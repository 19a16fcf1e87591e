from __future__ import annotations

import sys
import threading

from koperasi import app
from koperasi.gui import messages


def test_an_unopenable_database_gets_a_message_and_a_clean_exit(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its crash handler
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, message: shown.append((title, message)))
    corrupt = tmp_path / "rusak.db"
    corrupt.write_bytes(b"not a database" * 500)
    assert app.run_gui(str(corrupt)) == 1
    assert shown and shown[0][0] == "Basis data tidak dapat dibuka" and "rusak" in shown[0][1]


def test_cancelling_the_first_run_wizard_exits_without_saving(qtbot, monkeypatch, sqlite_db):
    from koperasi.gui.office import setup_wizard
    from koperasi.services.office import profile as office

    monkeypatch.setattr(setup_wizard.SetupWizard, "exec", lambda self: 0)
    assert app.run_session_loop(sqlite_db) == 0
    with sqlite_db.session() as session:
        assert not office.is_set_up(session)


def test_an_unexpected_start_up_error_gets_the_calm_dialog_and_exit_70(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, message: shown.append(title))

    def broken(_database, _backups=None, *, logged_in=None):
        raise KeyError("bug in a screen")

    monkeypatch.setattr(app, "run_session_loop", broken)
    assert app.run_gui(str(tmp_path / "koperasi.db")) == 70
    assert shown == ["Terjadi kesalahan"]


def test_session_loop_logs_out_back_to_login_with_the_name_filled_in_and_quits_on_close(qtbot, monkeypatch, sqlite_db):
    from PySide6.QtCore import QTimer

    from koperasi.gui import main_window
    from koperasi.gui.office import login_dialog
    from koperasi.services.office import auth
    from tests.support import TEST_PASSWORD, set_up_office

    set_up_office(sqlite_db)
    prefilled: list[str] = []

    def fake_login_exec(dialog):
        prefilled.append(dialog.form.usernameEdit.text())
        with sqlite_db.session() as session:
            dialog.actor = auth.login(session, "admin", TEST_PASSWORD)
        return 1

    windows = []

    def show_then_act(window):
        windows.append(window)
        action = window.form.actionLogout if len(windows) == 1 else window.form.actionQuit
        QTimer.singleShot(0, action.trigger)

    monkeypatch.setattr(login_dialog.LoginDialog, "exec", fake_login_exec)
    monkeypatch.setattr(main_window.MainWindow, "show", show_then_act)
    assert app.run_session_loop(sqlite_db) == 0
    assert prefilled == ["", "admin"] and len(windows) == 2
