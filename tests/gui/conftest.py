from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from koperasi.gui.busy import drain, settle
from koperasi.gui.collector import GuiThreadCollector
from koperasi.gui.context import AppContext
from koperasi.gui.translations import install_indonesian
from koperasi.gui.unsaved_changes import Answer, UnsavedChangesGuard
from koperasi.services.office import profile as office
from tests.support import set_up_office


@pytest.fixture(scope="session", autouse=True)
def indonesian(qapp):
    """As at start-up: Qt's own buttons in Indonesian."""
    return install_indonesian(qapp)


@pytest.fixture(scope="session", autouse=True)
def collector(qapp) -> Iterator[GuiThreadCollector]:
    """As at start-up: garbage collected on the GUI thread only (gui/collector.py).

    What is alive before the first window (modules, classes, Qt's application) is frozen out of the collector's
    sight: every GUI test ends with a full collection, which otherwise walks them all again (~0.05 s a test)."""
    gc.collect()
    gc.freeze()
    started = GuiThreadCollector(qapp)
    started.start()
    yield started
    started.stop()
    gc.unfreeze()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem) -> None:
    """Before any fixture goes (a PostgreSQL copy is dropped with its connections), the test's background reads
    end and their results are delivered, with whatever reads those start."""
    settle()


@pytest.fixture(autouse=True)
def _no_work_left_behind() -> Iterator[None]:
    """A test's background reads end, and its widgets' cycles are collected on this thread, before the next
    test builds its windows: nothing of one test runs into the next."""
    yield
    drain()
    QApplication.processEvents()
    gc.collect()


@pytest.fixture
def context(sqlite_db) -> AppContext:
    admin = set_up_office(sqlite_db)
    with sqlite_db.session() as session:
        current = office.current_office(session)
    return AppContext(database=sqlite_db, actor=admin, office=current)


class UnsavedQuestions:
    """Answers the "isian belum disimpan" questions instead of the clerk (a real modal box would wait forever
    offscreen). ``answer`` is what the clerk clicks; the default discards, as pytest-qt closing a filled dialog
    at the end of a test must not hang. ``asked`` keeps (box name, text, button texts) of each question."""

    ROLES = {Answer.SAVE: QMessageBox.ButtonRole.AcceptRole, Answer.DISCARD: QMessageBox.ButtonRole.DestructiveRole,
             Answer.KEEP: QMessageBox.ButtonRole.RejectRole}

    def __init__(self) -> None:
        self.answer = Answer.DISCARD
        self.asked: list[tuple[str, str, list[str]]] = []


@pytest.fixture(autouse=True)
def unsaved_questions(monkeypatch) -> Iterator[UnsavedQuestions]:
    questions = UnsavedQuestions()
    real_exec = QMessageBox.exec

    def answer(box: QMessageBox) -> int:
        if box.objectName() not in ("unsavedChangesBox", "keepOrQuitBox"):
            return real_exec(box)
        questions.asked.append((box.objectName(), box.text(), [button.text() for button in box.buttons()]))
        role = UnsavedQuestions.ROLES[questions.answer]
        next(button for button in box.buttons() if box.buttonRole(button) == role).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    yield questions
    # A test that answered Kembali leaves its form open past pytest-qt's closing: close it unasked.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, UnsavedChangesGuard) and widget.isVisible():
            widget.discard_changes()
