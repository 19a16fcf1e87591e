"""Start-up of the desktop program: Qt, Indonesian, the crash handler, the database,
first-run setup, login, and the main window (again after every log-out)."""

from __future__ import annotations

import logging
import sys
import threading
import time
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from koperasi import __version__
from koperasi.cli import EXIT_CRASH
from koperasi.domain.errors import DomainError
from koperasi.logs import LOG_FILE_NAME
from koperasi.paths import log_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from koperasi.db.database import Database
    from koperasi.domain.roles import Actor
    from koperasi.gui.crash import CrashHandler
    from koperasi.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def run_gui(db_arg: str | None) -> int:
    """``db_arg``: ``--db`` as typed (path or URL), or None for the environment or the default file."""
    from koperasi.windows_console import hide_own_console_window

    hide_own_console_window()
    from koperasi.gui.collector import GuiThreadCollector
    from koperasi.gui.crash import CrashHandler
    from koperasi.gui.icons import app_icon
    from koperasi.gui.splash import Splash
    from koperasi.gui.translations import install_indonesian

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Koperasi Berdaya")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Koperasi Berdaya")
    translator = install_indonesian(app)  # noqa: F841 - must outlive the event loop
    app.setWindowIcon(app_icon())
    crash = CrashHandler(log_dir() / LOG_FILE_NAME)
    crash.install()
    collector = GuiThreadCollector(app)
    collector.start()
    office_name = office_name_before_the_database(db_arg)
    if office_name is not None:
        return _run_from_early_login(db_arg, office_name, crash)
    # Old office PCs take seconds to load the database layer: say that something is happening.
    splash = Splash(app_icon().pixmap(160, 160), "Memuat Koperasi Berdaya…")
    splash.show_now()
    try:
        database = open_chosen_database(db_arg)
    except Exception as error:
        splash.close()
        return _explain_open_failure(error, db_arg, crash)
    splash.close()
    backups = AutomaticBackups(database)
    return _work_until_quit(database, backups, crash, lambda: run_session_loop(database, backups))


def office_name_before_the_database(db_arg: str | None) -> str | None:
    """The office's name for a login window shown before the database layer loads (SQLAlchemy is a quarter of a
    second of start-up): read with the standard library's sqlite3 from an SQLite file on this PC that needs
    nothing before the login (db/early_read.py). None when that is not certain, or on any error: the database
    is then opened first, as always."""
    from koperasi.db import early_read, location
    from koperasi.paths import default_database_path
    from koperasi.services.office import login_screen

    try:
        path = location.plain_sqlite_file(db_arg, default_database_path())
        if path is None or location.is_network_path(path):
            return None
        return early_read.read_if_current(path, login_screen.office_name_in)
    except Exception:
        log.exception("reading the login window before the database failed: the database is opened first")
        return None


def _run_from_early_login(db_arg: str | None, office_name: str, crash: CrashHandler) -> int:
    """The login window first; the database opens behind it while the password is typed (gui/database_opening.py)
    and the day's automatic backup starts once it has. One that cannot be opened closes the window and is
    explained as before the login."""
    from koperasi.gui.database_opening import DatabaseOpening
    from koperasi.gui.office.login_dialog import LoginDialog

    opening = DatabaseOpening(lambda: open_chosen_database(db_arg))
    started: list[AutomaticBackups] = []

    def start_backups(database: Database) -> None:
        started.append(AutomaticBackups(database))
        started[0].start_daily_soon(BACKUP_AFTER_LOGIN_SHOWN_MS)

    opening.opened.connect(start_backups)
    login = LoginDialog(opening, office_name)
    logged_in = bool(login.exec()) and login.actor is not None
    if opening.error is not None:
        return _explain_open_failure(opening.error, db_arg, crash)
    database = opening.database
    if database is None:  # closed before the database was opened
        return 0
    actor = login.actor
    # Made here as on the usual path when the slot failed (the crash handler has said why already).
    backups = started[0] if started else AutomaticBackups(database)
    return _work_until_quit(database, backups, crash,
                            lambda: run_session_loop(database, backups, logged_in=actor) if logged_in else 0)


def open_chosen_database(db_arg: str | None) -> Database:
    """The database ``--db`` names (or the environment, or the default file), opened and migrated."""
    from koperasi.db.database import open_database
    from koperasi.db.location import resolve_database_url
    from koperasi.paths import default_database_path

    return open_database(resolve_database_url(db_arg, default_database_path()))


def _explain_open_failure(error: Exception, db_arg: str | None, crash: CrashHandler) -> int:
    """Log and show why the database could not be opened; the exit code."""
    from koperasi.db.location import shown
    from koperasi.gui.messages import show_error

    if isinstance(error, DomainError):
        log.warning("cannot open database %s: %s", shown(db_arg), error.message)
        show_error(None, "Basis data tidak dapat dibuka", error.message)
        return 1
    log.error("unexpected error while opening the database", exc_info=error)
    show_error(None, "Terjadi kesalahan", crash.unexpected_message())
    return EXIT_CRASH


def _work_until_quit(database: Database, backups: AutomaticBackups, crash: CrashHandler, session_loop: Callable[[], int]) -> int:
    """Run ``session_loop`` (the logins and the main window), then the exit backup; close the database."""
    from koperasi.gui.busy import drain
    from koperasi.gui.messages import show_error

    try:
        code = session_loop()
        backups.at_exit()
        return code
    except Exception:
        # Before the main window's event loop runs, the crash hook cannot show its dialog.
        log.exception("unexpected error in the session loop")
        show_error(None, "Terjadi kesalahan", crash.unexpected_message())
        return EXIT_CRASH
    finally:
        drain()  # Beranda may still be reading
        database.dispose()


DAILY = timedelta(days=1)
BACKUP_AFTER_LOGIN_SHOWN_MS = 200


class AutomaticBackups(QObject):
    """Automatic backups of an SQLite database: once a day at start-up (when the newest backup is older
    than a day) on a background thread, and at exit after someone worked; the newest BACKUP_KEEP are kept.

    When an admin locked them with a passphrase asked at start-up (a PC without a credential store), the
    daily backup waits for the log-in: the first user who may make backups is asked for it once
    (``ask_passphrase``), and it is kept here, in memory, until the program exits. With none, a due backup
    is skipped (and audited by the service), never made unlocked.

    A failure or a skip is logged and shown as a status-bar message; it never stops the program.
    """

    finished = Signal(str)  # the status-bar message; emitted from the backup thread, delivered queued
    MESSAGE_MS = 20_000

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.used = False  # someone logged in: the data may have changed, back up at exit
        self.passphrase: str | None = None  # typed at start-up for automatic backups locked that way; memory only
        self.skipped = False  # the last automatic backup was skipped for want of that passphrase
        self.last_message = ""
        self._thread: threading.Thread | None = None
        self._window: MainWindow | None = None
        self.finished.connect(self._show)
        # Owned here, not a bare QTimer.singleShot to a bound method: PySide keeps no reference to the method's
        # object, and a test whose AutomaticBackups was gone before the timer fired called it on freed memory.
        self._soon = QTimer(self, singleShot=True)
        self._soon.timeout.connect(self.start_daily)

    def start_daily_soon(self, delay_ms: int) -> None:
        """``start_daily`` once the event loop has run ``delay_ms`` (the login window drawn first)."""
        self._soon.start(delay_ms)

    def _settings(self):
        from koperasi.services.office.backup import backup_folder, backup_keep

        with self.database.session() as session:
            return backup_folder(session), backup_keep(session)

    def _run(self, when: str, *, only_if_older_than: timedelta | None = None) -> str:
        """Make one automatic backup; the message to show ("" when none was due). Never raises."""
        from koperasi.services.office import backup
        from koperasi.services.office.automatic_backup_lock import AutomaticBackupSkipped

        started = time.perf_counter()
        try:
            folder, keep = self._settings()
            info = backup.automatic_backup(self.database, folder=folder, keep=keep, only_if_older_than=only_if_older_than,
                                           asked_passphrase=self.passphrase)
        except AutomaticBackupSkipped as skipped:
            self.skipped = True
            return skipped.message  # the service logged and audited it
        except DomainError as error:
            log.warning("automatic backup (%s) failed: %s", when, error.message)
            return f"Cadangan otomatis tidak dapat dibuat: {error.message} Data Anda tidak berubah."
        except Exception:
            log.exception("automatic backup (%s) failed unexpectedly", when)
            return "Cadangan otomatis tidak dapat dibuat (rincian di berkas log). Data Anda tidak berubah."
        took = time.perf_counter() - started
        if info is None:
            log.info("automatic backup (%s): nothing to do (%.2f s)", when, took)
            return ""
        log.info("automatic backup (%s): %s, %d bytes in %.2f s", when, info.path, info.size_bytes, took)
        return f"Cadangan otomatis dibuat: {info.path.name}"

    def asked_at_start_up(self) -> bool:
        """Whether automatic backups are locked with a passphrase asked at start-up that is not known yet."""
        from koperasi.services.office.automatic_backup_lock import verifier

        if not self.database.is_sqlite or self.passphrase is not None:
            return False
        with self.database.session() as session:
            return verifier(session) is not None

    def ask_passphrase(self, actor: Actor) -> None:
        """After log-in: ask a user who may make backups for the passphrase, when it is asked at start-up and not
        known yet. Skipping is allowed; the backups are then skipped."""
        from koperasi.domain.roles import Permission
        from koperasi.gui.office.automatic_backup_lock_dialog import AutomaticBackupPassphraseDialog

        if not actor.can(Permission.MAKE_BACKUPS) or not self.asked_at_start_up():
            return
        dialog = AutomaticBackupPassphraseDialog(self.database, actor)
        if dialog.exec():
            self.passphrase = dialog.passphrase
            if self.skipped:  # an earlier user of this run had not given it: the start-up backup once more
                self._thread, self.skipped = None, False
        else:
            log.warning("%s did not give the automatic backups' passphrase at start-up", actor.username)

    def start_daily(self) -> None:
        """At start-up: when the newest backup is a day old, make one on a background thread. Locked with a
        passphrase asked at start-up, it waits until after the log-in (called again then)."""
        self._soon.stop()
        if not self.database.is_sqlite or self._thread is not None:
            return
        if self.asked_at_start_up() and not self.used:
            return

        def work() -> None:
            message = self._run("daily", only_if_older_than=DAILY)
            self.last_message = message
            self.finished.emit(message)  # delivered on the GUI thread

        self._thread = threading.Thread(target=work, name="koperasi-auto-backup", daemon=True)
        self._thread.start()

    def show_on(self, window: MainWindow) -> None:
        """Messages go to this window's status bar; one that came before it opened is shown now."""
        self._window = window
        self.used = True
        if self.last_message:
            window.statusBar().showMessage(self.last_message, self.MESSAGE_MS)

    def _show(self, message: str) -> None:
        self.last_message = message
        if message and self._window is not None:
            try:
                self._window.statusBar().showMessage(message, self.MESSAGE_MS)
                self._window.dashboard.refresh()  # Beranda's backup line: the new backup's age, or the skip
            except RuntimeError:  # the window was closed (log-out) meanwhile
                self._window = None

    def wait(self, timeout: float | None = None) -> None:
        """Wait (painting) for the start-up backup, if one is still running."""
        if self._thread is None:
            return
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._thread.is_alive() and (deadline is None or time.monotonic() < deadline):
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            self._thread.join(0.02)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # its last message

    def at_exit(self) -> None:
        """After someone worked: one more backup, with a small notice while it is made."""
        from koperasi.gui.icons import app_icon
        from koperasi.gui.splash import Splash

        if not self.database.is_sqlite or not self.used:
            self.wait()
            return
        splash = Splash(app_icon().pixmap(160, 160), "Membuat cadangan otomatis…")
        splash.show_now()
        try:
            self.wait()
            self._thread = threading.Thread(target=lambda: setattr(self, "last_message", self._run("exit")), name="koperasi-auto-backup")
            self._thread.start()
            self.wait()
        finally:
            splash.close()


def run_session_loop(database: Database, backups: AutomaticBackups | None = None, *, logged_in: Actor | None = None) -> int:
    """Set up (first run), then log in and work until the user quits or cancels a login. ``logged_in``: the
    first login was made at a login window shown before the database was opened (run_gui)."""
    from koperasi.gui.context import AppContext
    from koperasi.gui.office.login_dialog import LoginDialog
    from koperasi.gui.screen_fit import show_main_window
    from koperasi.services.office import login_screen

    # The login window is read without the models (services/office/login_screen.py): they, the main window
    # and Beranda are most of start-up, and load while the password is typed (gui/warm_up.py).
    if logged_in is None:
        with database.session() as session:
            ready = login_screen.office_name(session) is not None
        if not ready:
            from koperasi.gui.office.setup_wizard import SetupWizard

            wizard = SetupWizard(database)
            if not wizard.exec():
                return 0
    actor, username = logged_in, ""
    while True:
        if actor is None:
            with database.session() as session:
                office_name = login_screen.office_name(session)
            assert office_name is not None
            login = LoginDialog(database, office_name, username=username)
            if backups is not None:  # once a run, while the user logs in: after the login window shows, as it reads the models
                backups.start_daily_soon(BACKUP_AFTER_LOGIN_SHOWN_MS)
            if not login.exec() or login.actor is None:
                return 0
            actor = login.actor
        from koperasi.gui.main_window import MAIN_WINDOW_HEIGHT, MAIN_WINDOW_WIDTH, MainWindow
        from koperasi.services.office import profile as office

        with database.session() as session:
            current = office.current_office(session)
        assert current is not None
        window = MainWindow(AppContext(database=database, actor=actor, office=current))
        loop = QEventLoop()
        window.closed.connect(loop.quit)
        if backups is not None:
            backups.ask_passphrase(actor)
            backups.show_on(window)
            backups.start_daily()  # the start-up backup that waited for the passphrase
        show_main_window(window, MAIN_WINDOW_WIDTH, MAIN_WINDOW_HEIGHT)
        loop.exec()
        window.deleteLater()
        if not window.logging_out:
            return 0
        actor, username = None, actor.username
