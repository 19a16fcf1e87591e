"""Start-up imports only what its first screens need (issue 19): the papers (ReportLab), Excel (openpyxl),
the migrations (Alembic) and backup crypto are loaded when first used, not before the main window is shown;
the tabs after Beranda when first opened; the models not before the login window (they load while the
password is typed).

Run in a fresh Python: in this one, other tests have long imported all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.support import TEST_PASSWORD

HEAVY = ("reportlab", "openpyxl", "alembic", "cryptography")
# Every tab but Beranda is built (and its module imported) when first opened.
LAZY_TABS = ("members", "loans", "savings", "trainings", "sales", "network", "impact")

STARTUP = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.engine import make_url

    HEAVY = {heavy!r}
    loaded = lambda: sorted(name for name in HEAVY if name in sys.modules)
    app = QApplication(sys.argv)
    from koperasi.gui.translations import install_indonesian
    translator = install_indonesian(app)
    import koperasi.app  # as python -m koperasi has it, with what run_session_loop imports before the login
    from koperasi.db.database import open_database
    from koperasi.gui.busy import drain
    from koperasi.gui.context import AppContext
    from koperasi.gui.screen_fit import show_main_window
    from koperasi.gui.office.login_dialog import LoginDialog
    from koperasi.services.office import login_screen
    database = open_database(make_url(sys.argv[1]))
    with database.session() as session:
        name = login_screen.office_name(session)
    login = LoginDialog(database, name)
    login.show()
    app.processEvents()
    seen = {{"login window": loaded(), "models before the login window": "koperasi.db.models" in sys.modules}}
    from koperasi.gui.context import AppContext
    from koperasi.gui.main_window import MainWindow
    from koperasi.services.office import auth
    from koperasi.services.office import profile as office
    with database.session() as session:
        actor = auth.login(session, "admin", sys.argv[2])
        current = office.current_office(session)
    window = MainWindow(AppContext(database, actor, current))
    window.show()
    app.processEvents()
    seen["main window"] = loaded()
    seen["tabs built"] = sorted(name for name in {tabs!r} if f"koperasi.gui.{{name}}.tab" in sys.modules)
    drain()
    print(json.dumps(seen))
    """
).format(heavy=HEAVY, tabs=LAZY_TABS)


def test_login_and_main_window_import_no_papers_excel_migrations_or_crypto(context):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", STARTUP, str(context.database.url), TEST_PASSWORD],
        capture_output=True, text=True, env=environment, timeout=120, check=False,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen == {"login window": [], "models before the login window": False, "main window": [], "tabs built": []}
