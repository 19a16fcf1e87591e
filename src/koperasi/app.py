"""Start-up of the desktop program: Qt, Indonesian, the crash handler, the database,
first-run setup, login, and the main window (again after every log-out)."""

from __future__ import annotations

import logging
import sys

from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QSplashScreen

from koperasi import __version__
from koperasi.cli import EXIT_CRASH
from koperasi.domain.errors import DomainError
from koperasi.logs import LOG_FILE_NAME
from koperasi.paths import log_dir

if TYPE_CHECKING:
    from koperasi.db.database import Database

log = logging.getLogger(__name__)


def run_gui(db_arg: str | None) -> int:
    """``db_arg``: ``--db`` as typed (path or URL), or None for the environment or the default file."""
    from koperasi.gui.crash import CrashHandler
    from koperasi.gui.icons import app_icon
    from koperasi.gui.messages import show_error
    from koperasi.gui.translations import install_indonesian

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Koperasi Berdaya")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Koperasi Berdaya")
    translator = install_indonesian(app)  # noqa: F841 - must outlive the event loop
    app.setWindowIcon(app_icon())
    crash = CrashHandler(log_dir() / LOG_FILE_NAME)
    crash.install()
    # Old office PCs take seconds to load the database layer: say that something is happening.
    splash = QSplashScreen(app_icon().pixmap(160, 160))
    splash.show()
    splash.showMessage("Memuat Koperasi Berdaya…", Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
    app.processEvents()
    from koperasi.db.database import open_database
    from koperasi.db.location import resolve_database_url
    from koperasi.paths import default_database_path

    try:
        database = open_database(resolve_database_url(db_arg, default_database_path()))
    except DomainError as error:
        splash.close()
        log.warning("cannot open database %s: %s", db_arg or "(default)", error.message)
        show_error(None, "Basis data tidak dapat dibuka", error.message)
        return 1
    except Exception:
        splash.close()
        log.exception("unexpected error while opening the database")
        show_error(None, "Terjadi kesalahan", crash.unexpected_message())
        return EXIT_CRASH
    splash.close()
    try:
        return run_session_loop(database)
    except Exception:
        # Before the main window's event loop runs, the crash hook cannot show its dialog.
        log.exception("unexpected error in the session loop")
        show_error(None, "Terjadi kesalahan", crash.unexpected_message())
        return EXIT_CRASH
    finally:
        database.dispose()


def run_session_loop(database: Database) -> int:
    """Set up (first run), then log in and work until the user quits or cancels a login."""
    from koperasi.gui.context import AppContext
    from koperasi.gui.login_dialog import LoginDialog
    from koperasi.gui.main_window import MainWindow
    from koperasi.gui.setup_wizard import SetupWizard
    from koperasi.services import office

    with database.session() as session:
        ready = office.is_set_up(session)
    if not ready:
        wizard = SetupWizard(database)
        if not wizard.exec():
            return 0
    username = ""
    while True:
        with database.session() as session:
            current = office.current_office(session)
        assert current is not None
        login = LoginDialog(database, current.profile.name, username=username)
        if not login.exec() or login.actor is None:
            return 0
        window = MainWindow(AppContext(database=database, actor=login.actor, office=current))
        loop = QEventLoop()
        window.closed.connect(loop.quit)
        window.show()
        loop.exec()
        window.deleteLater()
        if not window.logging_out:
            return 0
        username = login.actor.username
