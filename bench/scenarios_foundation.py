"""Foundation scenarios: start-up to the main window, login, the doctor's checks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from harness import Workspace, demo_database, scenario, timed

# Start-up as the program does it (app.run_gui): the login window read without SQLAlchemy and the database
# opened behind it (or, when that cannot be, the database opened first); with "main" as the last argument also
# log in and show the main window. The child prints the moment its window is on screen: what is timed ends
# there, not after the interpreter's exit.
STARTUP = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from koperasi.gui.translations import install_indonesian
    translator = install_indonesian(app)
    from koperasi import app as start_up
    from koperasi.gui.office.login_dialog import LoginDialog
    name = start_up.office_name_before_the_database(sys.argv[1])
    if name is not None:
        from koperasi.gui.database_opening import DatabaseOpening
        database = DatabaseOpening(lambda: start_up.open_chosen_database(sys.argv[1]))
    else:
        from koperasi.services.office import login_screen
        database = start_up.open_chosen_database(sys.argv[1])
        with database.session() as session:
            name = login_screen.office_name(session)
    login = LoginDialog(database, name)
    login.show()
    app.processEvents()
    if sys.argv[2] == "login":
        print(time.time())
    else:
        if sys.argv[2] == "typed":  # the clerk types the password: the program may prepare meanwhile
            from PySide6.QtCore import QEventLoop, QTimer
            typing = QEventLoop()
            QTimer.singleShot(int(float(sys.argv[3]) * 1000), typing.quit)
            typing.exec()
            print(time.time())  # the password is accepted from here
        from koperasi.gui.busy import drain
        from koperasi.gui.context import AppContext
        from koperasi.gui.main_window import MainWindow
        from koperasi.services.office import profile as office
        login.form.usernameEdit.setText("admin")
        login.form.passwordEdit.setText("demo12345")
        login.form.buttonBox.accepted.emit()  # Enter: the login, and the database opened if it is not yet
        with login.database.session() as session:
            current = office.current_office(session)
        login.hide()
        window = MainWindow(AppContext(login.database, login.actor, current))
        window.show()
        app.processEvents()
        print(time.time())
        drain()  # Beranda's figures are read on its worker thread: let it finish before exiting
    """
)
# Typing the password takes a clerk a few seconds; the bench gives the program 1.5 s of them.
TYPING_SECONDS = 1.5
FLOOR = "import sys, time\nfrom PySide6.QtWidgets import QApplication, QMainWindow\napp = QApplication(sys.argv)\nw = QMainWindow(); w.show(); app.processEvents()\nprint(time.time())\n"


def _until_shown(arguments: list[str]) -> float:
    """Seconds from starting the process to the moment it printed (its window shown)."""
    started = time.time()  # the wall clock: the child's own moment comes from another process
    run = subprocess.run([sys.executable, *arguments], check=True, capture_output=True, text=True)
    return float(run.stdout.split()[-1]) - started


def _demo_url(workspace: Workspace) -> str:
    path = workspace.folder / "demo.db"
    if not path.exists():
        subprocess.run([sys.executable, "-m", "koperasi", "demo", "--db", str(path)], check=True, capture_output=True)
    return f"sqlite+pysqlite:///{path}"


def _large_url(workspace: Workspace) -> str:
    """The bench's large database (the one the Pinjaman scenarios use: --scale members, 20,000+ loans)."""
    path = demo_database(workspace, members=max(workspace.scale, 40_000), loans=max(20_000, workspace.scale // 5))
    return f"sqlite+pysqlite:///{path}"


def _startup(workspace: Workspace, until: str):
    url = _large_url(workspace)
    samples = [_until_shown(["-c", STARTUP, url, until]) for _ in range(5)]
    floor = [_until_shown(["-c", FLOOR]) for _ in range(5)]
    return samples, floor, "python + QApplication + empty QMainWindow shown"


@scenario("startup_to_login_window")
def startup_to_login(workspace: Workspace):
    return _startup(workspace, "login")


@scenario("startup_to_main_window")
def startup(workspace: Workspace):
    """Includes the login itself (Argon2, ~0.1-0.2 s by design: see the ``login`` scenario)."""
    return _startup(workspace, "main")


@scenario("login_to_main_window")
def login_to_main_window(workspace: Workspace):
    """From the password accepted (after 1.5 s of typing at the login window) to the main window on screen,
    Argon2 included (~0.1-0.2 s by design). Those 1.5 s hold the database's opening (SQLAlchemy's import) as well
    as the main window's modules: on a loaded machine they may not be enough, and the rest is timed here."""
    url = _large_url(workspace)

    def after_typing() -> float:
        run = subprocess.run([sys.executable, "-c", STARTUP, url, "typed", str(TYPING_SECONDS)], check=True,
                             capture_output=True, text=True)
        accepted, shown = (float(word) for word in run.stdout.split()[-2:])
        return shown - accepted

    samples = [after_typing() for _ in range(5)]
    from argon2 import PasswordHasher

    hasher = PasswordHasher()
    stored = hasher.hash("demo12345")
    floor = timed(lambda: hasher.verify(stored, "demo12345"), 5)
    return samples, floor, "argon2id verify alone (t=3, 64 MiB, p=4)"


@scenario("login")
def login(workspace: Workspace):
    from argon2 import PasswordHasher
    from sqlalchemy.engine import make_url

    from koperasi.db.database import open_database
    from koperasi.services.office import auth

    database = open_database(make_url(_demo_url(workspace)))
    with database.session() as session:
        samples = timed(lambda: auth.login(session, "petugas", "demo12345"), 10)
    database.dispose()
    hasher = PasswordHasher()
    stored = hasher.hash("demo12345")
    floor = timed(lambda: hasher.verify(stored, "demo12345"), 10)
    return samples, floor, "argon2id verify alone (t=3, 64 MiB, p=4)"


@scenario("doctor")
def doctor(workspace: Workspace):
    import sqlite3

    url = _demo_url(workspace)
    samples = timed(lambda: subprocess.run([sys.executable, "-m", "koperasi", "doctor", "--db", url.split(":///", 1)[1]], check=True, capture_output=True), 5)
    path = url.split(":///", 1)[1]

    def integrity() -> None:
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA integrity_check").fetchall()

    floor = timed(integrity, 5)
    return samples, floor, "PRAGMA integrity_check via sqlite3"
