from __future__ import annotations

import logging

from koperasi.domain.errors import DomainError
from koperasi.gui import crash as module
from koperasi.gui.crash import CrashHandler


def _raise(error):
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_unexpected_error_is_logged_and_shown_calmly(qtbot, monkeypatch, caplog, tmp_path):
    shown = []
    monkeypatch.setattr(module, "show_error", lambda parent, title, message: shown.append((title, message)))
    handler = CrashHandler(tmp_path / "koperasi.log")
    with caplog.at_level(logging.CRITICAL):
        handler.handle(*_raise(ZeroDivisionError("division by zero")))
    qtbot.waitUntil(lambda: bool(shown))
    title, message = shown[0]
    assert title == "Terjadi kesalahan" and str(tmp_path / "koperasi.log") in message
    assert "Traceback" not in message and "ZeroDivisionError" not in message
    assert "ZeroDivisionError" in caplog.text


def test_a_domain_error_shows_its_own_message(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(module, "show_error", lambda parent, title, message: shown.append(message))
    CrashHandler(None).handle(*_raise(DomainError("Disk penuh: data tidak tersimpan.")))
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["Disk penuh: data tidak tersimpan."]


def test_a_lost_database_server_during_a_read_is_explained_not_called_a_bug(qtbot, monkeypatch):
    from sqlalchemy.exc import OperationalError

    shown = []
    monkeypatch.setattr(module, "show_error", lambda parent, title, message: shown.append((title, message)))
    lost = OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))
    CrashHandler(None).handle(*_raise(lost))
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0][0] == "Tidak dapat dilanjutkan" and "PostgreSQL" in shown[0][1]
