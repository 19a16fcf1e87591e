"""The start-up notice: the icon at its size with the line under it, on screen after show_now()."""

from __future__ import annotations

from PySide6.QtGui import QColor

from koperasi.gui.icons import app_icon
from koperasi.gui.splash import Splash


def test_the_notice_shows_the_icon_at_its_size_in_the_middle_of_the_screen(qtbot):
    pixmap = app_icon().pixmap(160, 160)
    splash = Splash(pixmap, "Memuat Koperasi Berdaya…")
    qtbot.addWidget(splash)
    splash.show_now()
    assert splash.isVisible() and splash.size() == pixmap.deviceIndependentSize().toSize()
    assert splash.geometry().center().x() == splash.screen().geometry().center().x()
    picture = splash.grab().toImage()
    assert picture.pixelColor(80, 40) != QColor(0, 0, 0, 0)  # the icon is drawn, not an empty window
