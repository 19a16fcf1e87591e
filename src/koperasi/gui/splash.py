"""The start-up notice ("Memuat Koperasi Berdaya…"): the program's icon on a card with a line of text under it.

Not a QSplashScreen: since Qt 6 its show() waits up to a full second for the window system to report the
window on screen, and on X11 without a compositor (Xvfb, some office desktops) that report never comes, so
every start paid the second before even opening the database (measured: QSplashScreen.show() 1,000-1,020 ms
offscreen, on Xvfb, and on Xvfb with openbox; this widget's show() 1 ms). This one waits a moment at most.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

# Long enough for a desktop to map the window and paint it; short enough not to be noticed when it never says so.
EXPOSE_WAIT_MS = 100
# Space around the icon and the line, so that the card reads as one notice on any desktop background.
MARGIN = 12


class Splash(QWidget):
    def __init__(self, pixmap: QPixmap, message: str) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("startSplash")
        self._pixmap, self._message = pixmap, message
        self._icon_size = pixmap.deviceIndependentSize().toSize()
        # The line sits under the icon, not over it, and the card is as wide as the longer of the two: a longer
        # message ("Membuat cadangan otomatis…") was cut at both ends when it was drawn across the icon.
        metrics = self.fontMetrics()
        text_width = metrics.horizontalAdvance(message)
        self.resize(
            QSize(
                max(self._icon_size.width(), text_width) + 2 * MARGIN,
                self._icon_size.height() + metrics.height() + 3 * MARGIN,
            )
        )
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
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        icon_left = (self.width() - self._icon_size.width()) // 2
        painter.drawPixmap(QRect(icon_left, MARGIN, self._icon_size.width(), self._icon_size.height()), self._pixmap)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_top = MARGIN + self._icon_size.height() + MARGIN
        line = QRect(0, text_top, self.width(), self.height() - text_top - MARGIN)
        painter.drawText(line, Qt.AlignmentFlag.AlignCenter, self._message)
