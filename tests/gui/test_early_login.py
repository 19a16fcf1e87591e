"""The login window before the database (issue 19): shown from an SQLite file read with sqlite3 when that is
certain, the database opened behind it while the password is typed; otherwise start-up as before."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import URL

from koperasi import app
from koperasi.db import database as database_module
from koperasi.db import early_read, location, migrate
from koperasi.db.errors import StorageError
from koperasi.gui import messages
from koperasi.gui.database_opening import DatabaseOpening
from koperasi.gui.main_window import MainWindow
from koperasi.gui.office.login_dialog import LoginDialog
from koperasi.gui.splash import Splash
from koperasi.services.office import profile as office
from tests.support import SAMPLE_OFFICE, TEST_PASSWORD, set_up_office

FULL = "Disk penuh: data tidak tersimpan. Kosongkan ruang disk lalu coba lagi."


def _path(context) -> str:
    return context.database.url.database


def _opening(database, opened: list[str], error: Exception | None = None) -> DatabaseOpening:
    def open_():
        opened.append("open")
        if error is not None:
            raise error
        return database

    return DatabaseOpening(open_)


def _type_and_press_enter(qtbot, dialog: LoginDialog) -> None:
    qtbot.keyClicks(dialog.form.usernameEdit, "admin")
    qtbot.keyClicks(dialog.form.passwordEdit, TEST_PASSWORD)
    qtbot.keyClick(dialog.form.passwordEdit, "\r")


@pytest.fixture
def quiet_hooks(monkeypatch):
    """run_gui installs its crash handler: put the hooks back after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


@pytest.fixture
def shown_errors(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, message: shown.append((title, message)))
    return shown


# --- which start-up ---------------------------------------------------------------------------------------------

def test_a_head_revision_sqlite_file_gives_the_login_window_its_name_before_the_database(context):
    for arg in (_path(context), str(context.database.url), f"sqlite:///{_path(context)}"):
        assert app.office_name_before_the_database(arg) == SAMPLE_OFFICE.name


def test_the_default_file_is_read_too(context, monkeypatch):
    monkeypatch.setattr("koperasi.paths.default_database_path", lambda: Path(_path(context)))
    assert app.office_name_before_the_database(None) == SAMPLE_OFFICE.name


def test_a_schema_behind_the_head_opens_the_database_first(context):
    with sqlite3.connect(_path(context)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0024'")
    connection.close()
    assert app.office_name_before_the_database(_path(context)) is None


def test_an_office_not_set_up_opens_the_database_first(sqlite_db):
    assert app.office_name_before_the_database(sqlite_db.url.database) is None  # the wizard comes first


@pytest.mark.parametrize("arg", ["postgresql://postgres@127.0.0.1:5432/test", "postgresql+psycopg://kantor@server/koperasi"])
def test_postgresql_opens_the_database_first(arg):
    assert app.office_name_before_the_database(arg) is None


def test_a_missing_file_opens_the_database_first_and_is_not_created(tmp_path):
    assert app.office_name_before_the_database(str(tmp_path / "baru.db")) is None
    assert not (tmp_path / "baru.db").exists()


@pytest.mark.parametrize("content", [b"", b"bukan basis data" * 500])
def test_an_unreadable_file_opens_the_database_first(tmp_path, content):
    (tmp_path / "rusak.db").write_bytes(content)
    assert app.office_name_before_the_database(str(tmp_path / "rusak.db")) is None


def test_a_file_on_a_network_share_opens_the_database_first(context, monkeypatch):
    monkeypatch.setattr(location, "is_network_path", lambda path: True)
    assert app.office_name_before_the_database(_path(context)) is None  # the normal opening refuses it, as always


def test_any_error_in_the_early_read_opens_the_database_first(context, monkeypatch, caplog):
    def broken(path, read):
        raise KeyError("a bug in the early read")

    monkeypatch.setattr(early_read, "read_if_current", broken)
    assert app.office_name_before_the_database(_path(context)) is None
    assert "the database is opened first" in caplog.text


# --- the database opened behind the login window -----------------------------------------------------------------

def test_the_database_opens_after_the_window_is_painted_and_the_login_works(qtbot, context):
    opened: list[str] = []
    dialog = LoginDialog(_opening(context.database, opened), SAMPLE_OFFICE.name)
    qtbot.addWidget(dialog)
    QApplication.processEvents()
    assert opened == [] and dialog.database is None  # not before the window is on screen
    dialog.show()
    qtbot.waitUntil(lambda: opened == ["open"])
    _type_and_press_enter(qtbot, dialog)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor.user_id == context.actor.user_id and dialog.database is context.database
    assert opened == ["open"]


def test_a_login_before_the_database_is_open_waits_for_it(qtbot, context):
    opened: list[str] = []
    dialog = LoginDialog(_opening(context.database, opened), SAMPLE_OFFICE.name)
    qtbot.addWidget(dialog)
    dialog.form.usernameEdit.setText("admin")
    dialog.form.passwordEdit.setText(TEST_PASSWORD)
    dialog.form.buttonBox.accepted.emit()
    assert opened == ["open"] and dialog.actor.user_id == context.actor.user_id
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_a_database_that_fails_to_open_while_typing_closes_the_window(qtbot, context):
    opened: list[str] = []
    opening = _opening(context.database, opened, StorageError(FULL))
    dialog = LoginDialog(opening, SAMPLE_OFFICE.name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.usernameEdit, "adm")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert opened == ["open"] and opening.error.message == FULL and opening.database is None
    assert dialog.result() == LoginDialog.DialogCode.Rejected and dialog.actor is None
    dialog.form.buttonBox.accepted.emit()  # a click already on its way: nothing more is tried
    assert opened == ["open"] and dialog.actor is None


# --- run_gui end to end ------------------------------------------------------------------------------------------

def _log_in_once_open(qtbot, monkeypatch, events: list[str]) -> None:
    """The clerk at the real login window: types the password once the database has opened behind it."""
    real_exec = LoginDialog.exec

    def exec_(dialog):
        events.append("login window" if dialog.database is None else "login window, database open")

        def type_when_open():
            if dialog.database is None and "open" not in events:
                QTimer.singleShot(10, type_when_open)
                return
            _type_and_press_enter(qtbot, dialog)

        QTimer.singleShot(0, type_when_open)
        return real_exec(dialog)

    def show_then_quit(window):
        events.append("main window")
        QTimer.singleShot(0, window.form.actionQuit.trigger)

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    monkeypatch.setattr(MainWindow, "show", show_then_quit)
    monkeypatch.setattr(Splash, "show_now", lambda splash: events.append("notice"))


def _counting_opens(monkeypatch, events: list[str]) -> None:
    real_open = app.open_chosen_database
    monkeypatch.setattr(app, "open_chosen_database", lambda arg: events.append("open") or real_open(arg))


def test_start_up_shows_the_login_window_then_opens_the_database_and_logs_in(qtbot, monkeypatch, quiet_hooks, shown_errors,
                                                                               context):
    events: list[str] = []
    _counting_opens(monkeypatch, events)
    _log_in_once_open(qtbot, monkeypatch, events)
    context.database.dispose()
    assert app.run_gui(_path(context)) == 0
    assert events == ["login window", "open", "main window", "notice"] and shown_errors == []  # notice: the exit backup


def test_a_schema_behind_the_head_starts_as_before_and_is_upgraded(qtbot, monkeypatch, quiet_hooks, shown_errors, tmp_path):
    url = URL.create("sqlite+pysqlite", database=str(tmp_path / "lama.db"))
    engine = database_module.create_database_engine(url)
    migrate.upgrade(engine, "0024")
    engine.dispose()
    database = database_module.open_database(url, migrate_schema=False)
    set_up_office(database)
    database.dispose()
    events: list[str] = []
    _counting_opens(monkeypatch, events)
    _log_in_once_open(qtbot, monkeypatch, events)
    assert app.run_gui(str(tmp_path / "lama.db")) == 0
    assert events == ["notice", "open", "login window, database open", "main window", "notice"] and shown_errors == []
    with sqlite3.connect(tmp_path / "lama.db") as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrate.head_revision(),)]
    connection.close()


@pytest.mark.parametrize(("error", "title", "code"), [
    (StorageError(FULL), "Basis data tidak dapat dibuka", 1),
    (KeyError("a bug while opening"), "Terjadi kesalahan", 70),
])
def test_a_database_failing_to_open_behind_the_login_window_is_explained_as_before(
        qtbot, monkeypatch, quiet_hooks, shown_errors, context, error, title, code):
    def failing(url, **options):
        raise error

    monkeypatch.setattr(database_module, "open_database", failing)
    context.database.dispose()
    assert app.run_gui(_path(context)) == code
    assert [shown[0] for shown in shown_errors] == [title]
    if code == 1:
        assert shown_errors[0][1] == FULL
    assert not any(isinstance(widget, LoginDialog) and widget.isVisible() for widget in QApplication.topLevelWidgets())
    with context.database.session() as session:
        assert office.is_set_up(session)  # nothing was changed
