"""Start-up imports only what its first screens need (issue 19): the papers (ReportLab), Excel (openpyxl),
the migrations (Alembic), backup crypto and photos (Pillow) are loaded when first used, not before the main window
is shown; the tabs after Beranda when first opened; the database layer (SQLAlchemy, the models) not before the login
window is on screen: it is read with sqlite3 and the database opens behind it (app.run_gui).

Run in a fresh Python, through the program's own start-up: in this one, other tests have long imported all of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.support import TEST_PASSWORD

HEAVY = ("reportlab", "openpyxl", "alembic", "cryptography", "PIL")
DATABASE_LAYER = ("sqlalchemy", "koperasi.db.models")
# Every tab but Beranda is built (and its module imported) when first opened.
LAZY_TABS = ("members", "loans", "savings", "trainings", "sales", "network", "impact")

STARTUP = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from koperasi import app
    from koperasi.gui import screen_fit
    from koperasi.gui.office.login_dialog import LoginDialog

    HEAVY, DATABASE_LAYER = {heavy!r}, {database_layer!r}
    loaded = lambda names: sorted(name for name in names if name in sys.modules)
    seen = {{}}
    paint_login, show_main_window = LoginDialog.paintEvent, screen_fit.show_main_window

    def login_painted(dialog, event):  # on screen: what is loaded by now came before the window
        paint_login(dialog, event)
        if "login window" not in seen:
            seen["login window"], seen["database layer"] = loaded(HEAVY), loaded(DATABASE_LAYER)
            dialog.form.usernameEdit.setText("admin")
            dialog.form.passwordEdit.setText(sys.argv[2])
            QTimer.singleShot(0, dialog.form.buttonBox.accepted.emit)

    def main_window_shown(window, width, height):
        show_main_window(window, width, height)
        QApplication.processEvents()
        seen["main window"] = loaded(HEAVY)
        seen["tabs built"] = sorted(name for name in {tabs!r} if f"koperasi.gui.{{name}}.tab" in sys.modules)
        QTimer.singleShot(0, window.form.actionQuit.trigger)

    LoginDialog.paintEvent, screen_fit.show_main_window = login_painted, main_window_shown
    # The day's automatic backup runs on a thread of its own beside start-up, with what a backup needs: not start-up's.
    app.AutomaticBackups.start_daily = lambda backups: None
    seen["exit"] = app.run_gui(sys.argv[1])
    print(json.dumps(seen))
    """
).format(heavy=HEAVY, database_layer=DATABASE_LAYER, tabs=LAZY_TABS)


def test_login_and_main_window_import_no_papers_excel_migrations_or_crypto(context):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", STARTUP, str(context.database.url), TEST_PASSWORD],
        capture_output=True, text=True, env=environment, timeout=120, check=False,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen == {"login window": [], "database layer": [], "main window": [], "tabs built": [], "exit": 0}
