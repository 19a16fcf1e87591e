"""F1 anywhere in the program opens the guide at the page about the screen in use.

An event filter on the application (not a window shortcut): a shortcut of the main window is
blocked while a modal dialog is open, and F1 must work inside dialogs too. The guide opens over
the modal dialog in use, so it is not blocked by it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

from koperasi.gui.help.browser import HelpBrowser
from koperasi.gui.help.topics import START_PAGE, TOPICS

MAIN_TABS = "mainTabs"  # the main window's tab widget (docs/ui-map.md)


def topic_for(widget: QWidget | None) -> str:
    """The guide page for ``widget``: the first tab, page or dialog named in TOPICS among it and its
    parents; at a tab widget, its current page; at the main window, its current tab."""
    while widget is not None:
        candidates = [widget]
        if isinstance(widget, QTabWidget):
            candidates.append(widget.currentWidget())
        if isinstance(widget, QMainWindow) and (tabs := widget.findChild(QTabWidget, MAIN_TABS)) is not None:
            candidates.append(tabs.currentWidget())
        for candidate in candidates:
            if candidate is not None and candidate.objectName() in TOPICS:
                return TOPICS[candidate.objectName()]
        widget = widget.parentWidget()
    return START_PAGE


class HelpKey(QObject):
    """Owned by the main window: F1 works while that window is shown."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.browser: HelpBrowser | None = None
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress or not self._window.isVisible():
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() != Qt.Key.Key_F1 or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            return False
        # The key reaches the window (a QWindow) before the widget with the focus.
        widget = watched if isinstance(watched, QWidget) else QApplication.focusWidget()
        if widget is None:
            widget = QApplication.activeModalWidget() or self._window
        if self.browser is not None and shiboken6.isValid(self.browser) and (widget is self.browser or self.browser.isAncestorOf(widget)):
            return True  # F1 inside the guide itself
        self.show_topic(topic_for(widget))
        return True

    def show_start(self) -> None:
        self.show_topic(START_PAGE)

    def show_topic(self, target: str) -> None:
        # Over a modal dialog the guide must be its child, or the dialog would block it.
        host = QApplication.activeModalWidget() or self._window
        if self.browser is None or not shiboken6.isValid(self.browser) or self.browser.parentWidget() is not host:
            if self.browser is not None and shiboken6.isValid(self.browser):
                self.browser.close()
                self.browser.deleteLater()
            self.browser = HelpBrowser(host)
        self.browser.show_topic(target)
        self.browser.show()
        self.browser.raise_()
        self.browser.activateWindow()
