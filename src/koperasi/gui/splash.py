"""The start-up notice ("Memuat Koperasi Berdaya…"): the program's icon with a line of text under it.

Not a QSplashScreen: since Qt 6 its show() waits up to a full second for the window system to report the
window on screen, and on X11 without a compositor (Xvfb, some office desktops) that report never comes, so
every start paid the second before even opening the database (measured: QSplashScreen.show() 1,000-1,020 ms
offscreen, on Xvfb, and on Xvfb with openbox; this widget's show() 1 ms). This one waits a moment at most.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QDeadlineTimer, QEventLoop, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

# Long enough for a desktop to map the window and paint it; short enough not to be noticed when it never says so.
EXPOSE_WAIT_MS = 100


class Splash(QWidget):
    def __init__(self, pixmap: QPixmap, message: str) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("startSplash")
        self._pixmap, self._message = pixmap, message
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, pixmap.hasAlpha())
        self.resize(pixmap.deviceIndependentSize().toSize())
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.move(screen.geometry().center() - self.rect().center())

    def show_now(self) -> None:
        """Show it and let it paint, waiting at most EXPOSE_WAIT_MS for the window system."""
        self.show()
        deadline = QDeadlineTimer(EXPOSE_WAIT_MS)
        window = self.windowHandle()
        while window is not None and not window.isExposed() and not deadline.hasExpired():
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
            time.sleep(0.005)  # the window system's answer comes from another process: no busy loop meanwhile
        QApplication.processEvents()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        align = Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter
        painter.drawText(self.rect().adjusted(5, 5, -5, -5), align, self._message)
