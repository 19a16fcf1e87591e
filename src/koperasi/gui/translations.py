"""Indonesian for Qt's own widgets (Qt ships none): our compiled qtbase_id.qm."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from koperasi.gui import resources_rc  # noqa: F401  (registers the :/ resources)

log = logging.getLogger(__name__)
QTBASE_ID = ":/translations/qtbase_id.qm"


def install_indonesian(app: QCoreApplication) -> QTranslator:
    """Install and return the translator; the caller keeps the reference alive."""
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    translator = QTranslator(app)
    if translator.load(QTBASE_ID):
        app.installTranslator(translator)
    else:
        log.error("cannot load %s: Qt buttons will be in English", QTBASE_ID)
    return translator
