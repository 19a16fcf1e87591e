"""Foundation scenarios: start-up to the main window, login, the doctor's checks."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from harness import Workspace, scenario, timed

STARTUP = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.engine import make_url
    app = QApplication(sys.argv)
    from koperasi.gui.translations import install_indonesian
    translator = install_indonesian(app)
    from koperasi.db.database import open_database
    from koperasi.gui.context import AppContext
    from koperasi.gui.main_window import MainWindow
    from koperasi.services.office import auth
    from koperasi.services.office import profile as office
    database = open_database(make_url(sys.argv[1]))
    with database.session() as session:
        actor = auth.login(session, "admin", "demo12345")
        current = office.current_office(session)
    window = MainWindow(AppContext(database, actor, current))
    window.show()
    app.processEvents()
    """
)
FLOOR = "import sys\nfrom PySide6.QtWidgets import QApplication, QMainWindow\napp = QApplication(sys.argv)\nw = QMainWindow(); w.show(); app.processEvents()\n"


def _demo_url(workspace: Workspace) -> str:
    path = workspace.folder / "demo.db"
    if not path.exists():
        subprocess.run([sys.executable, "-m", "koperasi", "demo", "--db", str(path)], check=True, capture_output=True)
    return f"sqlite+pysqlite:///{path}"


@scenario("startup_to_main_window")
def startup(workspace: Workspace):
    url = _demo_url(workspace)
    samples = timed(lambda: subprocess.run([sys.executable, "-c", STARTUP, url], check=True), 5)
    floor = timed(lambda: subprocess.run([sys.executable, "-c", FLOOR], check=True), 5)
    return samples, floor, "python + QApplication + empty QMainWindow shown"


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
